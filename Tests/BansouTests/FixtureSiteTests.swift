import Foundation
import Testing

/// The test harness itself: a fixture's folder is gone when the test is done with it, and a
/// build in process is the build the binary does (same diagnostics, same bytes), so moving a
/// test from `run` to `runInProcess` cannot change what it checks.
@Suite(.serialized)
struct FixtureSiteTests {
    @Test func theFolderIsDeletedWhenTheLastCopyGoesAway() throws {
        var kept: FixtureSite?
        let root: URL
        do {
            let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
            root = site.root
            kept = site
        }
        // A copy keeps the folder.
        #expect(kept?.exists("Content/site.yaml") == true)
        kept = nil
        #expect(!FileManager.default.fileExists(atPath: root.path), "\(root.path) was left behind")
    }

    /// Errors and warnings from content, a template and the gate, in several folders.
    static func faultySite() throws -> FixtureSite {
        let site = try FixtureSite(files: [
            "Content/clients/yamada-seiko.yaml": LeakFixture.yamadaYAML,
            "Content/clients/quiet.yaml": "id: quiet\nname: 静かな商事\nconsent: { stories: false }\n",
            "Content/cases/bad.md": FixtureSite.story(extra: "size: huge").replacingOccurrences(of: "size: 21-50\n", with: ""),
            "Content/cases/withheld.md": FixtureSite.story(extra: "client: quiet"),
            "Content/pages/about.md": "---\ntitle: 運営者\n---\n[壊れたリンク](../cases/nowhere/)\n",
        ])
        try site.write("Templates/partials/story-card.mustache", "<article>{{>partials/missing}}</article>\n")
        return site
    }

    /// The binary's diagnostic lines (its closing "error: build failed …" line is the command line's).
    static func diagnostics(_ run: FixtureSite.Run) -> [String] {
        run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    }

    @Test(arguments: [["build"], ["check"], ["build", "--drafts"], ["build", "--output", "public"]])
    func inProcessAndBinaryReportTheSameDiagnostics(arguments: [String]) throws {
        let site = try Self.faultySite()
        let binary = try FixtureSite.exec(try FixtureSite.binary().path, arguments, in: site.root)
        let inProcess = try site.runInProcess(arguments: arguments)
        #expect(binary.status == 1 && inProcess.status == 1)
        #expect(Self.diagnostics(binary).count >= 3, "\(binary.stderr)")
        #expect(inProcess.stderr.split(separator: "\n").map(String.init) == Self.diagnostics(binary))
    }

    @Test func inProcessAndBinaryWriteTheSameBytes() throws {
        let site = try FixtureSite.sample()
        #expect(try site.run("build", "--output", "ByBinary").status == 0)
        #expect(try site.runInProcess("build", "--output", "InProcess").status == 0)
        let binary = try site.snapshot("ByBinary"), inProcess = try site.snapshot("InProcess")
        #expect(binary.count > 100)
        #expect(Set(binary.keys) == Set(inProcess.keys))
        let differing = binary.keys.filter { inProcess[$0] != nil && inProcess[$0] != binary[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }
}
