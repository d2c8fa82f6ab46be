import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Swaps two directory entries in one step, so a path never stops existing:
/// Linux `renameat2(…, RENAME_EXCHANGE)` (tmpfs, ext4, xfs, btrfs …).
///
/// glibc declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module does
/// not define, so the function is looked up by name in the already loaded C library
/// instead of adding a C target for one call.
enum RenameExchange {
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let exchangeFlag: UInt32 = 1 << 1

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    enum Outcome { case swapped, unsupported }

    /// Exchanges `a` and `b` (both must exist). `.unsupported` when the system or the file
    /// system cannot exchange; the caller then falls back to two renames.
    static func swap(_ a: String, _ b: String) throws -> Outcome {
        guard let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return .swapped }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return .unsupported }
        throw FileSystemCalls.Failure(code: code)
    }
}
