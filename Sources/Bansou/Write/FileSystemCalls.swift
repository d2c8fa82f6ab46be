import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The few POSIX calls the write stage needs, with errno turned into a plain sentence
/// ("No space left on device") instead of a Foundation error dump.
enum FileSystemCalls {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    enum Kind { case missing, directory, regularFile, symbolicLink, other }

    /// What is at a path, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The size of a regular file (not through a symbolic link), or nil.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o777) != 0, errno != EEXIST { throw Failure(code: errno) }
    }

    /// Creates a new file (never replaces one) holding exactly `data`. The file is
    /// closed before returning so a late error (a full disk on close) is not lost.
    static func createFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Failure(code: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw Failure(code: failure)
        }
    }

    /// A second name for an existing file; false when the file system will not (another
    /// device, too many links), and the caller writes a copy instead.
    static func hardLink(_ existing: String, _ new: String) -> Bool {
        link(existing, new) == 0
    }

    static func move(_ from: String, _ to: String) throws {
        if rename(from, to) != 0 { throw Failure(code: errno) }
    }

    /// The bytes of a regular file, or nil.
    static func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
