@testable import Bansou
import Foundation
import Testing

/// The only code that writes: it must stay inside Output/site and Output/reports.
struct OutputWriterTests {
    @Test(arguments: [
        ("site/index.html", true), ("reports/a/index.html", true),
        ("../etc/passwd", false), ("/etc/passwd", false), ("site/../../x", false), ("site//x", false),
        ("site/./x", false), ("", false), ("site\\x", false),
    ])
    func pathSafety(path: String, safe: Bool) {
        #expect(OutputWriter.isSafe(path) == safe)
    }

    @Test func refusesAnythingOutsideTheManagedRootsAndWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-writer-\(UUID().uuidString)")
        let writer = OutputWriter(outputDirectory: dir)
        #expect(throws: WriteError.self) {
            try writer.write([OutputFile(path: "site/ok.html", text: "ok"), OutputFile(path: "other/x.html", text: "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/ok.html").path))
    }

    @Test func keepsUnchangedFilesAndSweepsStaleOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-writer-\(UUID().uuidString)")
        let writer = OutputWriter(outputDirectory: dir)
        let first = try writer.write([OutputFile(path: "site/a/index.html", text: "a"), OutputFile(path: "site/b/index.html", text: "b")])
        #expect((first.written, first.unchanged, first.removed) == (2, 0, 0))
        try Data().write(to: dir.appendingPathComponent(".gitkeep"))
        let second = try writer.write([OutputFile(path: "site/a/index.html", text: "a")])
        #expect((second.written, second.unchanged, second.removed) == (0, 1, 1))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/b").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".gitkeep").path))
    }
}
