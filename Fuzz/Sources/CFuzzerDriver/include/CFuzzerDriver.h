// libFuzzer's driver entry point (compiler-rt, libclang_rt.fuzzer), declared for Swift.
// SwiftPM links ELF executables with `--defsym main=<Target>_main`, so libFuzzer's own main
// cannot be used; each target's @main calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
