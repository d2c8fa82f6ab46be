import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One build at a time writes to an output folder: an exclusive `flock` on
/// `Output/.bansou.lock`, held from staging to swap. A second build waits for it
/// (and says so); the kernel drops the lock when its holder exits, even by SIGKILL,
/// so a dead build never blocks the next one. The file itself stays (empty): removing
/// a lock file while another process waits on it would let two builds in at once.
public final class OutputLock {
    public static let fileName = ".bansou.lock"

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock, calling `waiting` once with a sentence for the user when another build holds it.
    static func acquire(in directory: URL, displayPath: String, waiting: (String) -> Void) throws -> OutputLock {
        let path = directory.appendingPathComponent(fileName).path
        // O_CLOEXEC: a browser started for --pdf must not inherit (and outlive us holding) the lock.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw WriteError(message: "cannot open the lock file \(displayPath)/\(fileName): \(FileSystemCalls.Failure(code: errno))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let failure = FileSystemCalls.Failure(code: errno)
                close(fd)
                throw WriteError(message: "cannot lock \(displayPath)/\(fileName): \(failure)")
            }
            waiting("waiting for another bansou build to finish writing \(displayPath)/ (it holds \(displayPath)/\(fileName))")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let failure = FileSystemCalls.Failure(code: errno)
                    close(fd)
                    throw WriteError(message: "cannot lock \(displayPath)/\(fileName): \(failure)")
                }
            }
        }
        return OutputLock(descriptor: fd)
    }

    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)  // closing the only descriptor drops the flock
        descriptor = -1
    }

    deinit { release() }
}
