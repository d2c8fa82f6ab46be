import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A portal with many stories and three clients in two versions that differ in every page
/// (the site title), in the stories present (some removed, some added) and in a report,
/// for tests that must tell the old output from the new one.
extension FixtureSite {
    static let staffSuzuki = """
    id: suzuki
    name: 鈴木 一郎
    role: DX推進担当
    institution: regional-bank
    skills: { why: 2, what: 1, how: 1, personal: 3, consulting: 2, digital: 1 }

    """

    static func client(_ id: String, name: String, ordering: Int = 1) -> String {
        """
        id: \(id)
        name: \(name)
        industry: manufacturing
        prefecture: 愛知県
        employees: 30
        need_layer: latent
        advisor: suzuki
        areas:
          accounting: 3
          ordering: \(ordering)
        challenges: [it-talent]

        """
    }

    static let clientIDs = ["alpha-kogyo", "beta-kogyo", "gamma-kogyo"]

    static func versioned(stories: Int) throws -> FixtureSite {
        let site = try FixtureSite(files: ["Content/staff/suzuki.yaml": staffSuzuki])
        try site.setVersion(1, stories: stories)
        return site
    }

    /// Rewrites the content as version 1 or 2 (see `versioned`).
    func setVersion(_ version: Int, stories: Int) throws {
        let title = version == 1 ? "テストポータル" : "テストポータル第二版"
        try write("Content/site.yaml", FixtureSite.siteYAML.replacingOccurrences(of: "title: テストポータル", with: "title: \(title)"))
        let cases = root.appendingPathComponent("Content/cases")
        try? FileManager.default.removeItem(at: cases)
        let dropped = max(1, stories / 10)
        let slugs = version == 1
            ? (1...stories).map { "story-\($0)" }
            : (1...(stories - dropped)).map { "story-\($0)" } + (1...dropped).map { "added-\($0)" }
        for (index, slug) in slugs.enumerated() {
            try write("Content/cases/\(slug).md", FixtureSite.story(title: "事例 \(slug)", date: String(format: "2026-%02d-%02d", index % 10 + 1, index % 28 + 1),
                                                                     body: "## 取り組み\n\n\(slug) の本文です。"))
        }
        let names = ["株式会社アルファ工業", "株式会社ベータ工業", "株式会社ガンマ工業"]
        for (id, name) in zip(FixtureSite.clientIDs, names) {
            try write("Content/clients/\(id).yaml", FixtureSite.client(id, name: name, ordering: id == "alpha-kogyo" ? version : 1))
        }
    }

    /// Every regular file under a folder (relative path → bytes); folders are left out.
    func files(_ folder: String) -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = base.appendingPathComponent(relative).path
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: path) {
                result[relative] = data
            }
        }
        return result
    }

    /// Staging folders of single builds (an earlier version's, or a killed one's) left in an output folder.
    func stagingFolders(_ output: String = "Output") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(output).path)) ?? [])
            .filter { $0.hasPrefix(".bansou-staging-") }
    }

    /// Whether `<output>/.bansou-staging/` holds exactly the live site/ and reports/ as hard
    /// links to the same files (no other file, no older version of any).
    func stagingMirrorsLive(_ output: String = "Output") -> Bool {
        ["site", "reports"].allSatisfy { folder in
            let live = files("\(output)/\(folder)")
            let staged = files("\(output)/.bansou-staging/\(folder)")
            guard Set(live.keys) == Set(staged.keys) else { return false }
            return live.keys.allSatisfy { path in
                var a = stat(), b = stat()
                return stat(root.appendingPathComponent("\(output)/\(folder)/\(path)").path, &a) == 0
                    && stat(root.appendingPathComponent("\(output)/.bansou-staging/\(folder)/\(path)").path, &b) == 0
                    && a.st_ino == b.st_ino && a.st_dev == b.st_dev
            }
        }
    }

    /// Starts the real binary without waiting for it; stderr goes to `stderrFile` when given.
    func start(_ arguments: [String], environment: [String: String]? = nil, stderrFile: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try FixtureSite.binary()
        process.arguments = arguments
        process.currentDirectoryURL = root
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        if let stderrFile {
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderrFile)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// A stand-in for headless Chromium: answers the DevTools pipe (fd 3 in, fd 4 out) as the
    /// printer uses it, printing a small PDF naming the page it was given and the moment (so a
    /// reprint differs from the earlier print), or fails at start.
    func fakeBrowser(failing: Bool) throws -> String {
        let path = root.appendingPathComponent(failing ? "failing-chromium" : "fake-chromium").path
        let script = failing
            ? "#!/bin/sh\necho 'chromium: the GPU process crashed' >&2\nexit 1\n"
            : """
            #!/usr/bin/env python3
            import base64, json, os, time
            pages, pending, tabs = {}, b"", 0
            def answer(message, result):
                os.write(4, json.dumps({"id": message["id"], "result": result}).encode() + b"\\0")
            while True:
                data = os.read(3, 65536)
                if not data:
                    break
                pending += data
                while b"\\0" in pending:
                    raw, _, pending = pending.partition(b"\\0")
                    message = json.loads(raw)
                    method, params, session = message["method"], message.get("params", {}), message.get("sessionId")
                    if method == "Target.createTarget":
                        tabs += 1
                        answer(message, {"targetId": "tab%d" % tabs})
                    elif method == "Target.attachToTarget":
                        answer(message, {"sessionId": "session-" + params["targetId"]})
                    elif method == "Page.navigate":
                        pages[session] = params["url"]
                        answer(message, {"frameId": "main"})
                    elif method == "Page.printToPDF":
                        pdf = "%%PDF-1.4\\n%% printed from %s at %d\\n" % (pages[session], time.time_ns())
                        answer(message, {"data": base64.b64encode(pdf.encode()).decode()})
                    elif method == "Browser.close":
                        answer(message, {})
                        raise SystemExit(0)
                    else:
                        answer(message, {})

            """
        FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        return path
    }

    /// The environment of this test run with some variables changed (nil removes one).
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        return environment
    }
}
