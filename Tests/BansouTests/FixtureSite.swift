import Bansou
import Foundation
import Testing

/// A throwaway project folder built from inline files, like Hugo's integration tests:
/// the shipped guidance data and templates plus whatever a test writes.
struct FixtureSite {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let siteYAML = """
    title: テストポータル
    description: テスト用のポータルです。
    base_url: https://test.example.jp/
    publisher: { name: テスト銀行, url: https://test.example.jp/ }
    as_of: 2026-11-25

    """

    /// A valid story; tests override keys or the body.
    static func story(title: String = "受発注をクラウドへ", date: String = "2026-10-01", extra: String = "", body: String = "## 取り組み\n\n本文です。") -> String {
        """
        ---
        title: "\(title)"
        alias: 製造業A社
        date: \(date)
        industry: manufacturing
        region: chubu
        size: 21-50
        stage_before: 1
        stage_after: 2
        areas: [ordering]
        \(extra)
        ---
        \(body)

        """
    }

    let root: URL
    /// Deletes `root` when the last copy of this fixture goes away, at the end of the test.
    private let folder: FixtureFolder

    init(files: [String: String], withGuidance: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-test-\(UUID().uuidString)")
        folder = FixtureFolder(root)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        if withGuidance {
            try fm.copyItem(at: Self.packageRoot.appendingPathComponent("Content/guidance"), to: root.appendingPathComponent("Content/guidance"))
        }
        try fm.copyItem(at: Self.packageRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        var all = files
        if all["Content/site.yaml"] == nil { all["Content/site.yaml"] = Self.siteYAML }
        for (path, text) in all { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        /// What the pipeline returned, for a run in this process (`runInProcess`); nil for the binary.
        var result: BuildResult? = nil
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") } }
        var warningLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") } }
    }

    /// Runs the real binary in the fixture folder.
    @discardableResult
    func run(_ arguments: String...) throws -> Run {
        try Self.exec(Self.binary().path, arguments, in: root)
    }

    /// Runs a program (a path, or a name looked up on PATH) and collects its output.
    static func exec(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                     environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fixture holding the bundled sample Content/ itself.
    static func sample() throws -> FixtureSite {
        let site = try FixtureSite(files: [:])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
        return site
    }

    /// The `bansou` built beside the test bundle (swift build builds it first).
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bansou"),
            Bundle.main.bundleURL.appendingPathComponent("bansou"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("bansou"),
            packageRoot.appendingPathComponent(".build/debug/bansou"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw FixtureError(message: "bansou binary not found; run `swift build` first")
        }
        return found
    }

    /// Every file under a folder with its bytes, to prove a failed build changed nothing.
    func snapshot(_ folder: String = "Output") throws -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return result
    }
}

/// Owns a fixture's temporary folder: a struct cannot tell when it is dropped, a class can.
/// A test that needs the folder after its last use of the fixture keeps the fixture alive.
private final class FixtureFolder {
    let url: URL
    init(_ url: URL) { self.url = url }
    deinit { try? FileManager.default.removeItem(at: url) }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
