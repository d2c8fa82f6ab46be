import Foundation
import Testing
@testable import Bansou

/// The Markdown cache in .bansou-cache/ and the worker processes of the markdown stage.
@Suite struct MarkdownCacheTests {
    // (MarkdownRenderer serialises cmark-gfm within this process: tests rendering at once are safe.)
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("bansou-mdcache-\(UUID().uuidString)/.bansou-cache")
    }

    static let bodies = ["## 見出し\n\n本文です。**太字**", "- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |", "<b>raw</b> https://example.jp。続き"]

    /// A cache holding `html` for `body` under `unsafeHTML`'s fingerprint, written as a build would.
    static func plant(_ html: String, for body: String, unsafeHTML: Bool = false, in folder: URL) -> MarkdownCache.Key {
        let fingerprint = MarkdownRenderer(unsafeHTML: unsafeHTML).fingerprint
        let cache = MarkdownCache(folder: folder, fingerprint: fingerprint)
        let key = MarkdownCache.Key(fingerprint: Array(fingerprint.utf8), body: body)
        cache.save([key: html], rendered: 1)
        return key
    }

    @Test func aHitReturnsTheCachedHTMLAndARebuildTheSame() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let stage = MarkdownStage(unsafeHTML: false, cacheFolder: folder)
        let first = stage.render(Self.bodies)
        #expect(first == Self.bodies.map(MarkdownRenderer().render))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("markdown.cache").path))
        #expect(MarkdownStage(unsafeHTML: false, cacheFolder: folder).render(Self.bodies) == first)
        // The cache is what answers: HTML planted for a body comes back as it is.
        _ = Self.plant("<p>from the cache</p>\n", for: Self.bodies[0], in: folder)
        #expect(MarkdownStage(unsafeHTML: false, cacheFolder: folder).render([Self.bodies[0]]) == ["<p>from the cache</p>\n"])
    }

    @Test func anotherUnsafeHTMLSettingMisses() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = Self.plant("<p>safe setting</p>\n", for: Self.bodies[2], unsafeHTML: false, in: folder)
        let unsafe = MarkdownStage(unsafeHTML: true, cacheFolder: folder).render([Self.bodies[2]])
        #expect(unsafe == [MarkdownRenderer(unsafeHTML: true).render(Self.bodies[2])])
        #expect(unsafe[0].contains("<b>raw</b>"))
        // The file now belongs to the unsafe setting; the safe one finds nothing of it.
        #expect(MarkdownCache(folder: folder, fingerprint: MarkdownRenderer(unsafeHTML: false).fingerprint).count == 0)
        #expect(MarkdownCache(folder: folder, fingerprint: MarkdownRenderer(unsafeHTML: true).fingerprint).count == 1)
    }

    @Test func aCorruptEntryIsIgnoredAndRewritten() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let key = Self.plant("<p>planted</p>\n", for: Self.bodies[0], in: folder)
        let file = folder.appendingPathComponent("markdown.cache")
        var bytes = [UInt8](try Data(contentsOf: file))
        let at = try #require(bytes.indices.last { bytes[$0...].starts(with: Array("planted".utf8)) })
        bytes[at] = UInt8(ascii: "P")
        try Data(bytes).write(to: file)

        let expected = MarkdownRenderer().render(Self.bodies[0])
        #expect(MarkdownStage(unsafeHTML: false, cacheFolder: folder).render([Self.bodies[0]]) == [expected])
        let reread = MarkdownCache(folder: folder, fingerprint: MarkdownRenderer().fingerprint)
        #expect(reread.html(for: key) == expected, "the entry is written anew")

        // Cut short, and not even a cache file: both read as empty, and a build still renders.
        try Data(bytes.prefix(bytes.count - 3)).write(to: file)
        #expect(MarkdownStage(unsafeHTML: false, cacheFolder: folder).render([Self.bodies[0]]) == [expected])
        try Data("garbage".utf8).write(to: file)
        #expect(MarkdownStage(unsafeHTML: false, cacheFolder: folder).render(Self.bodies) == Self.bodies.map(MarkdownRenderer().render))
    }

    @Test func entriesNotUsedByTheLastBuildArePruned() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = MarkdownStage(unsafeHTML: false, cacheFolder: folder).render(Self.bodies)
        #expect(MarkdownCache(folder: folder, fingerprint: MarkdownRenderer().fingerprint).count == 3)
        _ = MarkdownStage(unsafeHTML: false, cacheFolder: folder).render([Self.bodies[1]])
        #expect(MarkdownCache(folder: folder, fingerprint: MarkdownRenderer().fingerprint).count == 1)
    }

    /// A body the caller already knows (bansou serve's memo) is taken as given; the rest are
    /// rendered without reading or writing the disk cache.
    @Test func knownBodiesSkipTheDiskCache() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let html = MarkdownStage(unsafeHTML: false, cacheFolder: folder).render(Self.bodies) { $0 == Self.bodies[0] ? "<p>known</p>" : nil }
        #expect(html == ["<p>known</p>"] + Self.bodies.dropFirst().map(MarkdownRenderer().render))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func sha256MatchesKnownDigests() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in pieces that straddle the 64-byte blocks: the same as in one go.
        var hasher = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var at = 0, step = 1
        while at < million.count { let end = min(million.count, at + step); hasher.update(million[at..<end]); at = end; step = step % 97 + 13 }
        #expect(hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The real binary: the cache is at the project root beside Content/, never under
    /// Output/, and a second build (all hits) writes the same bytes.
    @Test func buildsUseTheCacheBesideContentAndNeverPublishIt() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/alpha.md": FixtureSite.story(body: "## 取り組み\n\n受発注を**クラウド**へ。https://example.jp。"),
            "Content/cases/beta.md": FixtureSite.story(title: "在庫の見える化", body: "| a | b |\n|---|---|\n| 1 | 2 |"),
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        #expect(try site.run("build", "--quiet").status == 0)
        #expect(site.exists(".bansou-cache/markdown.cache"))
        let first = try GoldenOutputTests.hashes(of: site.root.appendingPathComponent("Output"))
        let walk = FileManager.default.enumerator(atPath: site.root.appendingPathComponent("Output").path)
        #expect(!(walk?.allObjects as? [String] ?? []).contains { $0.contains("bansou-cache") || $0.hasSuffix("markdown.cache") })
        #expect(try site.run("build", "--quiet").status == 0)
        #expect(try GoldenOutputTests.hashes(of: site.root.appendingPathComponent("Output")) == first)
    }

    /// Bodies worth a worker (over 4 MB in all): through `bansou markdown-worker` processes
    /// they come back as this process renders them; a worker that fails costs nothing but time.
    @Test func workerProcessesRenderWhatThisProcessRenders() throws {
        var bodies: [String] = []
        for n in 0..<6 {
            var body = ""
            while body.utf8.count < 800_000 {
                body += "## 見出し\(n)\n\n本文 **太字** ~~打消し~~ https://example.jp/\(n)。続き\n\n| a | b |\n|---|---|\n| \(n) | 2 |\n\n- [ ] 課題\n- [x] 済み\n\n"
            }
            bodies.append(body)
        }
        let renderer = MarkdownRenderer()
        let expected = bodies.map(renderer.render)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // A wrapper that leaves a mark, so the test knows a worker ran.
        let marker = root.appendingPathComponent("ran")
        let wrapper = root.appendingPathComponent("worker.sh")
        try Data("#!/bin/sh\ntouch '\(marker.path)'\nexec '\(try FixtureSite.binary().path)' \"$@\"\n".utf8).write(to: wrapper)
        chmod(wrapper.path, 0o755)
        #expect(MarkdownWorkers.render(bodies, with: renderer, unsafeHTML: false, executable: wrapper, workers: 2) == expected)
        #expect(FileManager.default.fileExists(atPath: marker.path))

        let broken = root.appendingPathComponent("broken.sh")
        try Data("#!/bin/sh\necho nonsense\nexit 0\n".utf8).write(to: broken)
        chmod(broken.path, 0o755)
        #expect(MarkdownWorkers.render(bodies, with: renderer, unsafeHTML: false, executable: broken, workers: 1) == expected)
        #expect(MarkdownWorkers.render(bodies, with: renderer, unsafeHTML: false, executable: root.appendingPathComponent("missing"), workers: 1) == expected)
    }
}
