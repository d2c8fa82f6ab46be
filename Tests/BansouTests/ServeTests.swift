import Foundation
import Testing
@testable import Bansou
@testable import BansouServe
#if canImport(Glibc)
import Glibc
#endif

/// `bansou serve` end to end: the real binary on a copy of the sample site, spoken to over
/// raw HTTP/1.1 (so a request path reaches the server exactly as written, `..` included).
@Suite struct ServeTests {
    @Test func listensOnLoopbackOnlyByDefault() throws {
        let site = try FixtureSite.sample()
        let server = try site.startServe()
        defer { server.stop() }
        #expect(server.address.hasPrefix("http://127.0.0.1:"))
        // The kernel's own table of listening sockets: 127.0.0.1 only, nothing on 0.0.0.0 or ::.
        let listening = try FixtureSite.listeningAddresses(port: server.port)
        #expect(listening == ["0100007F"], "listening on \(listening)")
        #expect(try server.get("/").status == 200)
        #expect(try server.get("/", host: "localhost:\(server.port)").status == 200)
        // DNS rebinding: another site's name resolved to 127.0.0.1 gets nothing.
        let rebound = try server.get("/", host: "attacker.example:\(server.port)")
        #expect(rebound.status == 403)
        #expect(!rebound.text.contains("<html"))
    }

    @Test func reportsAreServedOnlyWithTheReportsFlag() throws {
        let site = try FixtureSite.sample()
        let plain = try site.startServe()
        defer { plain.stop() }
        let dashboard = try site.read("Output/reports/index.html")
        let client = try #require(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Output/reports").path)
            .sorted().first { site.exists("Output/reports/\($0)/index.html") })
        for path in ["/reports/", "/reports/index.html", "/reports/\(client)/index.html", "/reports/\(client)/advisor.html", "/reports/portfolio.csv"] {
            let response = try plain.get(path)
            #expect(response.status == 404, "\(path) answered \(response.status) without --reports")
            #expect(!response.text.contains("advisor"), "\(path) shows report content without --reports")
        }
        plain.stop()

        let withReports = try site.startServe("--reports")
        defer { withReports.stop() }
        let served = try withReports.get("/reports/")
        #expect(served.status == 200)
        let marker = try #require(dashboard.range(of: "</title>").map { String(dashboard[..<$0.upperBound]) })
        #expect(served.text.hasPrefix(marker))
        #expect(try withReports.get("/reports/\(client)/index.html").status == 200)
    }

    @Test func pathsLeavingTheServedFolderAreRefused() throws {
        let site = try FixtureSite.sample()
        let secret = "SECRET-\(UUID().uuidString)"
        try site.write("Output/secret.txt", secret)
        try site.write("secret.txt", secret)
        let server = try site.startServe()
        defer { server.stop() }
        // A link inside the served folder that points out of it (made after the first build).
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Output/site/escape.txt").path,
                                                   withDestinationPath: "../secret.txt")
        let attempts = ["/../secret.txt", "/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                        "/cases/../../secret.txt", "/cases/..%2f..%2fsecret.txt", "/reports/../../secret.txt",
                        "/./../secret.txt", "/escape.txt", "/..%00/secret.txt", "/%2e%2e%2f%2e%2e%2fContent/site.yaml"]
        for path in attempts {
            let response = try server.get(path)
            #expect(response.status == 403 || response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.text.contains(secret) && !response.text.contains("base_url"), "\(path) leaked a file outside Output/site")
        }
        #expect(try server.get("/escape.txt").status == 403)
        #expect(try server.get("/..%2fsecret.txt").status == 403)
    }

    @Test func theScriptIsInjectedIntoServedHTMLOnly() throws {
        let site = try FixtureSite.sample()
        let server = try site.startServe()
        defer { server.stop() }
        let home = try server.get("/")
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains(#"<script id="bansou-live-reload">"#))
        #expect(home.text.contains("/__bansou/events"))
        // Before </body>, once, and the page is the file on disk plus the script only.
        let disk = try site.read("Output/site/index.html")
        let script = try #require(home.text.range(of: #"<script id="bansou-live-reload">"#))
        let end = try #require(home.text.range(of: "</script>", range: script.upperBound ..< home.text.endIndex))
        #expect(String(home.text[..<script.lowerBound]) + String(home.text[end.upperBound...]) == disk)
        #expect(home.text[end.upperBound...].hasPrefix("</body>"))

        let css = try server.get("/assets/style.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.body == (try Data(contentsOf: site.root.appendingPathComponent("Output/site/assets/style.css"))))
        for path in ["/assets/filters.js", "/cases/index.json", "/feed.xml", "/sitemap.xml", "/assets/favicon.svg"] {
            let response = try server.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(!response.text.contains("__bansou"), "\(path) got the script")
            #expect(response.headers["content-type"]?.hasSuffix("charset=utf-8") == true, "\(path): \(response.headers["content-type"] ?? "none")")
        }
        // A missing page gets the site's 404 page (with the script), status 404.
        let missing = try server.get("/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.text.hasPrefix(String(try site.read("Output/site/404.html").prefix(200))))
        #expect(missing.text.contains("bansou-live-reload"))
        // Only reading: anything else is 405 with the methods that work.
        let post = try server.get("/", method: "POST")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        let head = try server.get("/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(home.body.count))
        // A folder without its slash is redirected, so relative links resolve.
        let folder = try server.get("/cases")
        #expect(folder.status == 301 && folder.headers["location"] == "/cases/")
        // Nothing the server added reached the files on disk.
        let written = try site.snapshot("Output/site")
        #expect(!written.isEmpty)
        #expect(written.filter { String(decoding: $0.value, as: UTF8.self).contains("__bansou") }.isEmpty)
    }

    @Test func aBrokenStoryShowsTheOverlayAndTheLastGoodBuildUntilFixed() throws {
        let site = try FixtureSite.sample()
        let server = try site.startServe()
        defer { server.stop() }
        let (slug, story) = try site.sampleStory()
        let page = "/cases/\(slug)/"
        let events = try server.openEvents()
        defer { events.close() }
        try events.waitFor("event: build")

        // A good edit: the page changes, and open pages are told to reload.
        try site.write("Content/cases/\(slug).md", story.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: 編集後 "))
        try events.waitFor("event: reload")
        #expect(try server.get(page).text.contains("編集後"))

        // Broken YAML: an overlay naming the position, escaped; the page stays the last good build.
        let reloads = events.received.components(separatedBy: "event: reload\n").count
        try site.write("Content/cases/\(slug).md", story.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: [<b>\n"))
        try events.waitFor("event: errors")
        let broken = try server.get(page)
        #expect(broken.text.contains(#"<div id="bansou-error-overlay""#))
        #expect(broken.text.contains("Content/cases/\(slug).md:"))
        #expect(broken.text.contains(": error: "))
        #expect(!broken.text.contains("[<b>"))
        #expect(broken.text.contains("編集後"))
        // A second broken save: its errors event comes after anything the first failure sent
        // (one stream, in order), so a reload sent for a failed rebuild would be here by now.
        try site.write("Content/cases/\(slug).md", story.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: {<i>\n"))
        try events.waitFor("event: errors", occurrence: 2)
        #expect(events.received.components(separatedBy: "event: reload\n").count == reloads, "a failed rebuild must not reload the pages")

        // Fixed: the overlay goes, the pages reload.
        try site.write("Content/cases/\(slug).md", story)
        try events.waitFor("event: reload", occurrence: 2)
        let fixed = try server.get(page)
        #expect(!fixed.text.contains(#"<div id="bansou-error-overlay""#))
        #expect(!fixed.text.contains("編集後"))
    }

    @Test func ctrlCStopsCleanly() throws {
        let site = try FixtureSite.sample()
        let server = try site.startServe()
        server.stop()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(try site.read("Output/serve.out").contains("stopping"))
        // Nothing holds the output lock any more.
        let fd = open(site.root.appendingPathComponent("Output/.bansou.lock").path, O_RDWR)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        close(fd)
    }

    @Test func ctrlCDuringTheFirstBuildLetsItFinish() throws {
        // Enough stories that the first build takes a while after the server starts listening.
        let site = try FixtureSite.sample()
        let (slug, story) = try site.sampleStorySource()
        for number in 1 ... 300 { try site.write("Content/cases/\(slug)-\(number).md", story) }
        let port = try FixtureSite.freePort()
        let process = Process()
        process.executableURL = try FixtureSite.binary()
        process.arguments = ["serve", "--port", String(port), "--quiet"]
        process.currentDirectoryURL = site.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Listening comes before the first build: Ctrl-C as soon as a connection is accepted.
        let deadline = Date().addingTimeInterval(120)
        while (try? FixtureSite.Serve.connect(port: port)).map({ close($0) }) == nil {
            guard process.isRunning, Date() < deadline else { throw FixtureError(message: "bansou serve never listened") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGINT)
        let stopBy = Date().addingTimeInterval(120)  // a generous bound: a lost Ctrl-C fails instead of hanging
        while process.isRunning, Date() < stopBy { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0,
                "Ctrl-C during the first build: \(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus)")
        #expect(site.exists("Output/site/cases/\(slug)-300/index.html"))
        #expect(!site.exists("Output/.bansou-staging/previous-site"))
    }

    @Test func thePollingWatcherSeesChangesAndNewFiles() throws {
        try watcherSeesChanges(forcePolling: true, expected: .polling)
    }

    @Test func theInotifyWatcherSeesChangesInNewFolders() throws {
        try watcherSeesChanges(forcePolling: false, expected: .inotify)
    }

    private func watcherSeesChanges(forcePolling: Bool, expected: FolderWatcher.Mode) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("a".utf8).write(to: root.appendingPathComponent("cases/a.md"))
        let seen = ChangeLog()
        let watcher = FolderWatcher(folders: [.init(url: root, display: "Content")], pollInterval: 0.1, forcePolling: forcePolling) {
            seen.add($0)
        }
        defer { watcher.stop() }
        #expect(watcher.mode == expected)
        Thread.sleep(forTimeInterval: 0.3)  // polling: let the first snapshot be taken with a.md as it was
        try Data("changed".utf8).write(to: root.appendingPathComponent("cases/a.md"))
        try seen.waitFor("Content/cases/a.md")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases/new"), withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.3)  // inotify: the new folder's watch is added when its event is read
        try Data("b".utf8).write(to: root.appendingPathComponent("cases/new/b.md"))
        try seen.waitFor("Content/cases/new/b.md")
        try Data("swap".utf8).write(to: root.appendingPathComponent("cases/.a.md.swp"))
        try Data("c".utf8).write(to: root.appendingPathComponent("cases/c.md"))
        try seen.waitFor("Content/cases/c.md")
        #expect(!seen.all.contains("Content/cases/.a.md.swp"))
    }

    @Test func theRebuilderSeamGetsTheChangedPathsOneCallAtATime() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-seam-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Content/cases", "Templates", "Output/site"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("a".utf8).write(to: root.appendingPathComponent("Content/cases/a.md"))
        var configuration = PreviewServer.Configuration(
            site: root.appendingPathComponent("Output/site"), reports: nil,
            watched: [.init(url: root.appendingPathComponent("Content"), display: "Content"),
                      .init(url: root.appendingPathComponent("Templates"), display: "Templates")])
        configuration.port = 0
        let rebuilder = RecordingRebuilder()
        let server = PreviewServer(configuration: configuration, rebuilder: rebuilder) { _ in }
        try server.start()
        defer { server.stop() }
        #expect(rebuilder.calls == [[]], "the first build is told nothing changed")
        try Data("b".utf8).write(to: root.appendingPathComponent("Content/cases/a.md"))
        try rebuilder.waitFor("Content/cases/a.md")
        try Data("t".utf8).write(to: root.appendingPathComponent("Templates/page.mustache"))
        try Data("c".utf8).write(to: root.appendingPathComponent("Content/cases/a.md"))
        try rebuilder.waitFor("Templates/page.mustache")
        try rebuilder.waitFor("Content/cases/a.md", times: 2)
        let calls = rebuilder.calls
        #expect(calls.dropFirst().allSatisfy { !$0.isEmpty && $0 == $0.sorted() && Set($0).count == $0.count })
        #expect(Set(calls.joined()) == ["Content/cases/a.md", "Templates/page.mustache"])
        #expect(rebuilder.overlapped == false)
    }

    @Test func requestPathsResolveInsideTheFolderOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-served-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site/cases"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("site/index.html"))
        try Data().write(to: root.appendingPathComponent("site/cases/index.html"))
        try Data().write(to: root.appendingPathComponent("secret.txt"))
        let folder = ServedFolder(prefix: "/", url: root.appendingPathComponent("site"))
        #expect(folder.resolve("/") == .file(root.appendingPathComponent("site/index.html")))
        #expect(folder.resolve("/cases/") == .file(root.appendingPathComponent("site/cases/index.html")))
        #expect(folder.resolve("/cases") == .redirect("/cases/"))
        #expect(folder.resolve("/../secret.txt") == .refused)
        #expect(folder.resolve("/cases/%2E%2E/%2e%2e/secret.txt") == .refused)
        #expect(folder.resolve("/nothing.html") == .notFound)
        #expect(folder.resolve("/.hidden") == .notFound)
    }

    @Test func theOverlayEscapesEveryMessage() {
        let overlay = LiveReloadPage.overlay([.error("expected '<script>' & \"x\"", at: .init(path: "Content/cases/a.md", line: 3, column: 7))])
        #expect(overlay.contains("Content/cases/a.md:3:7: error: expected &#39;&lt;script&gt;&#39; &amp; &quot;x&quot;"))
        #expect(!overlay.contains("<script>"))
        let page = LiveReloadPage.inject(into: Data("<p>a</p></body></html>".utf8), build: "b\"</script>", overlay: nil)
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.hasSuffix("</script></body></html>"))
        #expect(text.components(separatedBy: "</script>").count == 2, "the build id cannot close the script")
    }
}

/// A SiteRebuilder that records its calls (and whether two ever ran at once), slow enough
/// that changes pile up while it runs.
private final class RecordingRebuilder: SiteRebuilder, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String]] = []
    private var running = 0
    private(set) var overlapped = false

    var calls: [[String]] { lock.lock(); defer { lock.unlock() }; return recorded }

    func rebuild(changed: [String]) -> BuildResult {
        lock.lock()
        running += 1
        if running > 1 { overlapped = true }
        lock.unlock()
        Thread.sleep(forTimeInterval: 0.2)
        lock.lock()
        running -= 1
        recorded.append(changed)
        lock.unlock()
        return BuildResult()
    }

    func waitFor(_ path: String, times: Int = 1, timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while calls.filter({ $0.contains(path) }).count < times {
            guard Date() < deadline else { throw FixtureError(message: "no rebuild for \(path) (\(times)×); calls: \(calls)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

/// Paths a watcher reported, waited for from the test's thread.
private final class ChangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    var all: [String] { lock.lock(); defer { lock.unlock() }; return paths }

    func add(_ batch: [String]) { lock.lock(); paths += batch; lock.unlock() }

    func waitFor(_ path: String, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !all.contains(path) {
            guard Date() < deadline else { throw FixtureError(message: "the watcher did not report \(path); it reported \(all)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
