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

    /// A file's identity, to tell whether two names are links to one file.
    static func identity(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = identity(a), let y = identity(b) else { return false }
        return x == y
    }

    /// Removes whatever has this name (a file, a link, a whole folder); nothing there is fine.
    static func removeEntry(_ path: String) throws {
        switch kind(path) {
        case .missing: return
        case .directory:
            do { try FileManager.default.removeItem(atPath: path) } catch { throw Failure(code: (error as NSError).posixCode ?? EIO) }
        default:
            if unlink(path) != 0, errno != ENOENT { throw Failure(code: errno) }
        }
    }

    /// Every entry under `base/relative`, as paths relative to `base`: files (anything not a
    /// folder) and folders. Symbolic links are listed, never followed.
    static func walk(_ base: String, _ relative: String) -> (files: Set<String>, folders: Set<String>) {
        var files = Set<String>(), folders = Set<String>()
        var pending = [relative]
        while let folder = pending.popLast() {
            guard let handle = opendir(base + "/" + folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                let isFolder = entry.pointee.d_type == UInt8(DT_UNKNOWN) ? kind(base + "/" + path) == .directory : entry.pointee.d_type == UInt8(DT_DIR)
                if isFolder {
                    folders.insert(path)
                    pending.append(path)
                } else {
                    files.insert(path)
                }
            }
        }
        return (files, folders)
    }

    /// The bytes of a regular file, or nil.
    static func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}

extension NSError {
    /// The errno behind a Foundation file error, when there is one.
    var posixCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.posixCode
    }
}
