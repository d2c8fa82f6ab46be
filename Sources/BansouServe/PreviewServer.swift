import Bansou
import FlyingFox
import FlyingSocks
import Foundation

/// `bansou serve`: builds, serves Output/site (and Output/reports under /reports/ when asked),
/// watches the sources, rebuilds on change, and tells open pages to reload, or shows them the
/// errors. The HTTP server is FlyingFox (docs/design.md, "Preview server").
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var bind = "127.0.0.1"
        /// 0 picks a free port (the tests use it); `address` then says which.
        public var port: UInt16 = 1313
        public var site: URL
        /// Served under /reports/ only when given (`--reports`): client reports are confidential.
        public var reports: URL?
        public var watched: [FolderWatcher.Folder]
        public var debounce: TimeInterval = 0.1

        public init(site: URL, reports: URL?, watched: [FolderWatcher.Folder]) {
            self.site = site
            self.reports = reports
            self.watched = watched
        }
    }

    /// One build's outcome, for the terminal.
    public struct Rebuild: Sendable {
        /// Empty for the first build.
        public var changed: [String]
        public var result: BuildResult
        public var seconds: Double
    }

    public enum StartError: Error, CustomStringConvertible {
        case address(String)
        case listen(String)

        public var description: String {
            switch self {
            case .address(let text), .listen(let text): return text
            }
        }
    }

    public let configuration: Configuration
    private let rebuilder: any SiteRebuilder
    private let report: @Sendable (Rebuild) -> Void
    private let state = LiveState()
    private let events = ReloadEvents()
    /// Rebuilds run one at a time, in the order changes arrived.
    private let rebuilds = DispatchQueue(label: "bansou.serve.rebuild")
    private let lock = NSLock()
    private var pending = Set<String>()
    private var scheduled = false
    private let stopping = LockedFlag()
    private var watcher: FolderWatcher?
    private var server: HTTPServer?
    private var heartbeat: Task<Void, Never>?

    public init(configuration: Configuration, rebuilder: any SiteRebuilder, report: @escaping @Sendable (Rebuild) -> Void) {
        self.configuration = configuration
        self.rebuilder = rebuilder
        self.report = report
    }

    /// The address the browser should open, once listening.
    public private(set) var address = ""
    public var watchMode: FolderWatcher.Mode? { watcher?.mode }

    /// Listens, watches, then builds once; returns after that first build. Listening comes first,
    /// so a port in use is said at once, not after a long build.
    public func start() throws {
        let socketAddress = try Self.socketAddress(configuration.bind, port: configuration.port)
        let handler = PreviewHandler(
            site: ServedFolder(prefix: "/", url: configuration.site),
            reports: configuration.reports.map { ServedFolder(prefix: "/reports/", url: $0) },
            state: state, events: events, allowedHosts: Self.allowedHosts(bind: configuration.bind))
        // The timeout bounds a handler's answer, not a response's body: event streams stay open.
        let server = HTTPServer(address: socketAddress, timeout: 30, logger: .disabled, handler: handler)
        self.server = server
        let outcome = Outcome()
        Task {
            do { try await server.run() } catch { outcome.finish(.failure(error)) }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                outcome.finish(.success(await server.listeningAddress))
            } catch { outcome.finish(.failure(error)) }
        }
        switch outcome.wait() {
        case .failure(let error):
            throw StartError.listen("cannot listen on \(configuration.bind):\(configuration.port): \(error.localizedDescription)")
        case .success(let listening):
            address = Self.url(listening, fallback: configuration)
        }
        // Watching starts before the first build, so an edit saved during it is not missed.
        watcher = FolderWatcher(folders: configuration.watched, debounce: configuration.debounce) { [weak self] changed in
            self?.changed(changed)
        }
        rebuilds.sync { rebuild(changed: []) }
        heartbeat = Task { [events] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                events.send(ReloadEvents.heartbeat)
            }
        }
    }

    /// Stops watching, lets a rebuild in progress finish (so it never leaves the output half
    /// swapped or its lock held), ends the event streams and closes the server.
    public func stop() {
        stopping.set()
        watcher?.stop()
        rebuilds.sync {}
        heartbeat?.cancel()
        events.close()
        guard let server else { return }
        let done = DispatchSemaphore(value: 0)
        Task {
            await server.stop(timeout: 1)
            done.signal()
        }
        done.wait()
    }

    /// Called by the watcher; changes arriving during a rebuild make one more rebuild after it.
    private func changed(_ paths: [String]) {
        lock.lock()
        pending.formUnion(paths)
        let schedule = !scheduled
        scheduled = true
        lock.unlock()
        guard schedule else { return }
        rebuilds.async { [self] in
            lock.lock()
            let batch = pending.sorted()
            pending = []
            scheduled = false
            lock.unlock()
            if !batch.isEmpty, !stopping.isSet { rebuild(changed: batch) }
        }
    }

    private func rebuild(changed: [String]) {
        let start = DispatchTime.now()
        let result = rebuilder.rebuild(changed: changed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if result.failed {
            // Output/ is as it was: pages keep the last good build, with the errors over it.
            let overlay = LiveReloadPage.overlay(result.diagnostics.errors)
            state.failed(overlay: overlay)
            events.send(ReloadEvents.event("errors", data: LiveReloadPage.jsonString(overlay)))
        } else {
            // Reload only now, after the new output is in place.
            events.send(ReloadEvents.event("reload", data: state.succeeded()))
        }
        report(Rebuild(changed: changed, result: result, seconds: seconds))
    }

    static func socketAddress(_ bind: String, port: UInt16) throws -> any SocketAddress {
        if bind.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: bind, port: port) else {
                throw StartError.address("--bind \(bind) is not an IPv6 address")
            }
            return address
        }
        guard let address = try? sockaddr_in.inet(ip4: bind, port: port) else {
            throw StartError.address("--bind \(bind) is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0)")
        }
        return address
    }

    /// On a loopback address only names of this machine may be asked for; elsewhere any.
    static func allowedHosts(bind: String) -> Set<String>? {
        guard bind.hasPrefix("127.") || bind == "::1" else { return nil }
        return ["localhost", "127.0.0.1", "[::1]", bind.contains(":") ? "[\(bind)]" : bind]
    }

    private static func url(_ address: Socket.Address?, fallback: Configuration) -> String {
        switch address {
        case .ip4(let host, let port)?: return "http://\(host):\(port)/"
        case .ip6(let host, let port)?: return "http://[\(host)]:\(port)/"
        default: return "http://\(fallback.bind):\(fallback.port)/"
        }
    }
}

/// The first of two tasks to finish (listening, or failing to) wakes the starting thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var value: Result<Socket.Address?, Error>?

    func finish(_ result: Result<Socket.Address?, Error>) {
        lock.lock()
        defer { lock.unlock() }
        guard value == nil else { return }
        value = result
        ready.signal()
    }

    func wait() -> Result<Socket.Address?, Error> {
        ready.wait()
        lock.lock(); defer { lock.unlock() }
        return value!
    }
}
