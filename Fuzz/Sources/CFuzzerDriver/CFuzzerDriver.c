// Empty: the module only declares LLVMFuzzerRunDriver (include/CFuzzerDriver.h); SwiftPM needs a source file.
#include "CFuzzerDriver.h"
