import FlyingFox
import Foundation

/// The build the browser should show and, while the last rebuild failed, its overlay.
final class LiveState: @unchecked Sendable {
    private let lock = NSLock()
    private var build: String
    private var overlay: String?
    private let session = String(UInt32.random(in: 0 ... UInt32.max), radix: 36)
    private var count = 0

    init() {
        build = session + "-0"
    }

    var current: (build: String, overlay: String?) {
        lock.lock(); defer { lock.unlock() }
        return (build, overlay)
    }

    /// A new build id after a successful rebuild; a restarted server starts a new session, so
    /// pages of the old one reload when they reconnect.
    func succeeded() -> String {
        lock.lock(); defer { lock.unlock() }
        count += 1
        build = "\(session)-\(count)"
        overlay = nil
        return build
    }

    /// The build stays (the output did not change); pages show the overlay over it.
    func failed(overlay: String) {
        lock.lock(); self.overlay = overlay; lock.unlock()
    }
}

/// Answers every request of `bansou serve`: the site, the reports under /reports/ when asked
/// for, and the reload events. Only GET and HEAD.
struct PreviewHandler: HTTPHandler {
    let site: ServedFolder
    let reports: ServedFolder?
    let state: LiveState
    let events: ReloadEvents
    /// Host names accepted in the Host header; nil accepts any (bound to a non-loopback address).
    let allowedHosts: Set<String>?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "only GET and HEAD\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        if let allowedHosts, let host = request.headers[.host], !allowedHosts.contains(Self.hostName(host)) {
            // DNS rebinding: a page of another site that resolves its own name to 127.0.0.1
            // must not read the preview (or the confidential reports) through the visitor's browser.
            return plain(.forbidden, "unexpected Host header: open the address bansou serve printed\n")
        }
        let path = request.target.path()
        if path == LiveReloadPage.eventsPath {
            let (build, overlay) = state.current
            var first = [ReloadEvents.event("build", data: build)]
            if let overlay { first.append(ReloadEvents.event("errors", data: LiveReloadPage.jsonString(overlay))) }
            return ReloadEvents.response(for: events.subscribe(first: first))
        }
        let folder = reports.flatMap { path == "/reports" || path.hasPrefix($0.prefix) ? $0 : nil } ?? site
        switch folder.resolve(path) {
        case .file(let url):
            return try file(url, status: .ok, head: request.method == .HEAD)
        case .redirect(let location):
            let query = request.target.query()
            return plain(.movedPermanently, "moved to \(location)\n", extra: [.location: location + (query.isEmpty ? "" : "?" + query)])
        case .refused:
            return plain(.forbidden, "refused: the path leaves the served folder\n")
        case .notFound:
            // The site's own 404 page, as a web server configured for the portal would answer.
            let page = site.url.appendingPathComponent("404.html")
            if FileManager.default.fileExists(atPath: page.path) {
                return try file(page, status: .notFound, head: request.method == .HEAD)
            }
            return plain(.notFound, "not found: \(path)\n")
        }
    }

    private func file(_ url: URL, status: HTTPStatusCode, head: Bool) throws -> HTTPResponse {
        var body = try Data(contentsOf: url)
        if ContentType.isHTML(url) {
            let (build, overlay) = state.current
            body = LiveReloadPage.inject(into: body, build: build, overlay: overlay)
        }
        var headers: HTTPHeaders = [.contentType: ContentType.of(url), .cacheControl: "no-store",
                                    HTTPHeader("X-Content-Type-Options"): "nosniff"]
        if head {
            headers[.contentLength] = String(body.count)
            body = Data()
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    private func plain(_ status: HTTPStatusCode, _ text: String, extra: HTTPHeaders = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        // Set per name with all its values: iterating HTTPHeaders gives one pair per value.
        for key in extra.keys { headers.setValues(extra.values(for: key), for: key) }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }

    /// `localhost:1313` → `localhost`, `[::1]:1313` → `[::1]`, lowercased.
    static func hostName(_ header: String) -> String {
        let host = header.lowercased()
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") { return String(host[...end]) }
        return host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
    }
}
