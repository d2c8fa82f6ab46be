import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe`:
/// JSON messages ended by a NUL byte, commands written to the browser's fd 3 and answers read
/// from its fd 4 (docs/design.md "PDF printing" says why a pipe and not the WebSocket port).
///
/// `call` may be used from several threads at once (one per tab); a reader thread hands each
/// answer to its caller. Events are not used: the printer waits by asking, not by listening.
final class DevToolsPipe: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        /// No answer in time: the page or the browser hangs.
        case timedOut(method: String, seconds: Int)
        /// The browser is gone (exited, killed, or closed the pipe).
        case closed(String)
        /// The browser answered with an error.
        case answered(String)

        var description: String {
            switch self {
            case .timedOut(let method, let seconds): return "no answer to \(method) in \(seconds) s"
            case .closed(let reason): return reason
            case .answered(let message): return message
            }
        }
    }

    let pid: pid_t
    /// The browser's stderr, for the last lines of a failure message.
    let errorLog: URL
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var nextID = 0
    private var waiting: [Int: Reply] = [:]
    private var closedReason: String?
    private var reaped = false
    private var killed = false
    /// Guarded by writeLock.
    private var writeEndClosed = false

    private final class Reply {
        let arrived = DispatchSemaphore(value: 0)
        var message: [String: Any]?
    }

    private init(pid: pid_t, toBrowser: Int32, fromBrowser: Int32, errorLog: URL) {
        self.pid = pid
        self.toBrowser = toBrowser
        self.fromBrowser = fromBrowser
        self.errorLog = errorLog
    }

    /// Starts `browser` with `arguments` (which must include `--remote-debugging-pipe`) in a
    /// process group of its own, so that the browser and its helpers can be killed together.
    static func launch(_ browser: URL, arguments: [String], environment: [String: String], errorLog: URL) throws -> DevToolsPipe {
        // Socket pairs, not pipes: writes use MSG_NOSIGNAL, so a dead browser cannot kill the
        // build with SIGPIPE. The browser reads and writes them as it would pipes.
        let commands = try socketPair(), answers = try socketPair()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, commands.theirs, 3)
        posix_spawn_file_actions_adddup2(&actions, answers.theirs, 4)
        closeFrom(5, in: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t(), pipeSignal = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &pipeSignal)

        let argv = [browser.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, browser.path, &actions, &attributes, cArgv, cEnvp) }
        }
        Glibc.close(commands.theirs)
        Glibc.close(answers.theirs)
        guard status == 0 else {
            Glibc.close(commands.ours)
            Glibc.close(answers.ours)
            throw Failure.closed("cannot start \(browser.path): \(String(cString: strerror(status)))")
        }
        let pipe = DevToolsPipe(pid: pid, toBrowser: commands.ours, fromBrowser: answers.ours, errorLog: errorLog)
        let reader = Thread { pipe.readAnswers() }
        reader.name = "bansou-devtools-reader"
        reader.start()
        return pipe
    }

    /// Sends `method` and waits for its answer's `result`.
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval) throws -> [String: Any] {
        let reply = Reply()
        lock.lock()
        if let closedReason {
            lock.unlock()
            throw Failure.closed(closedReason)
        }
        nextID += 1
        let id = nextID
        waiting[id] = reply
        lock.unlock()

        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        guard send(bytes) else {
            markClosed("the browser closed its end of the DevTools pipe")
            throw Failure.closed(closedReasonNow())
        }
        if reply.arrived.wait(timeout: .now() + timeout) == .timedOut {
            lock.lock()
            waiting[id] = nil
            lock.unlock()
            throw Failure.timedOut(method: method, seconds: Int(timeout.rounded()))
        }
        guard let answer = reply.message else { throw Failure.closed(closedReasonNow()) }
        if let error = answer["error"] as? [String: Any] {
            throw Failure.answered("\(method): \(error["message"] as? String ?? "error")\((error["data"] as? String).map { " (\($0))" } ?? "")")
        }
        return answer["result"] as? [String: Any] ?? [:]
    }

    var isOpen: Bool {
        lock.lock(); defer { lock.unlock() }
        return closedReason == nil
    }

    /// Asks the browser to quit, then kills whatever of its process group is left, and reaps it.
    func close(grace: TimeInterval = 5) {
        if isOpen { _ = try? call("Browser.close", timeout: grace) }
        let deadline = Date().addingTimeInterval(grace)
        while !reapIfExited(), Date() < deadline { usleep(20_000) }
        kill()
    }

    /// Kills the browser and its helpers (SIGKILL to the process group works on a stopped one
    /// too), reaps it and closes our end of its fd 3. Called once per browser, always.
    func kill() {
        lock.lock()
        let first = !killed
        killed = true
        let needsReap = !reaped
        reaped = true
        lock.unlock()
        // Once only: after the group is gone its number may one day name another.
        if first { Glibc.kill(-pid, SIGKILL) }
        if needsReap {
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        markClosed("the browser was stopped")
        writeLock.lock()
        if !writeEndClosed { Glibc.close(toBrowser) }
        writeEndClosed = true
        writeLock.unlock()
    }

    /// The last lines the browser wrote to stderr, for a failure message.
    func errorTail(lines: Int = 2) -> String {
        let text = String(decoding: FileManager.default.contents(atPath: errorLog.path) ?? Data(), as: UTF8.self)
        return text.split(separator: "\n").suffix(lines).joined(separator: " | ")
    }

    private func reapIfExited() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if reaped { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return reaped
    }

    private func closedReasonNow() -> String {
        lock.lock(); defer { lock.unlock() }
        return closedReason ?? "the browser stopped"
    }

    private func markClosed(_ reason: String) {
        lock.lock()
        if closedReason == nil { closedReason = reason }
        let replies = waiting.values
        waiting.removeAll()
        lock.unlock()
        for reply in replies { reply.arrived.signal() }
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        writeLock.lock(); defer { writeLock.unlock() }
        if writeEndClosed { return false }
        return bytes.withUnsafeBytes { raw in
            var at = 0
            while at < raw.count {
                let n = Glibc.send(toBrowser, raw.baseAddress! + at, raw.count - at, Int32(MSG_NOSIGNAL))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                at += n
            }
            return true
        }
    }

    /// The reader thread: splits the stream at NUL bytes and hands each answer to its caller.
    private func readAnswers() {
        var buffer = [UInt8]()
        var scanned = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[0..<n])
            while let end = buffer[scanned...].firstIndex(of: 0) {
                deliver(Data(buffer[0..<end]))
                buffer.removeSubrange(0...end)
                scanned = 0
            }
            scanned = buffer.count
        }
        Glibc.close(fromBrowser)
        let tail = errorTail()
        markClosed("the browser stopped" + (tail.isEmpty ? "" : ": " + tail))
    }

    private func deliver(_ data: Data) {
        // Events (no id) are not used.
        guard let message = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let id = message["id"] as? Int else { return }
        lock.lock()
        let reply = waiting.removeValue(forKey: id)
        lock.unlock()
        reply?.message = message
        reply?.arrived.signal()
    }

    private static func socketPair() throws -> (ours: Int32, theirs: Int32) {
        var sockets: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw Failure.closed("cannot make a socket pair for the browser: \(String(cString: strerror(errno)))")
        }
        // The browser's ends are moved above 10, so neither can be fd 3 or 4 already: dup2 onto
        // itself would keep close-on-exec, and dup2 onto 3 could overwrite the other end.
        let theirs = fcntl(sockets[1], F_DUPFD_CLOEXEC, 10)
        Glibc.close(sockets[1])
        return (sockets[0], theirs)
    }

    /// Closes every other descriptor in the browser (glibc 2.34's addclosefrom_np, looked up at
    /// run time as Swift's Glibc module does not show it): an inherited descriptor would outlive
    /// us in a browser helper. Without it, descriptors opened with close-on-exec are still safe.
    private static func closeFrom(_ fd: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, fd)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
