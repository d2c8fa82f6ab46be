import Foundation
import Testing

/// Input must never crash bansou: each of these gets a diagnostic or builds.
@Suite(.serialized)
struct HostileInputTests {
    @Test func deeplyNestedYAMLIsRefusedNotACrash() throws {
        let site = try FixtureSite(files: [
            "Content/cases/deep.md": "---\ntitle: " + String(repeating: "[", count: 20000) + String(repeating: "]", count: 20000) + "\n---\n",
        ])
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/deep.md:2:108: error: YAML nested more than 100 levels deep") }, "\(run.stderr)")
    }

    @Test func deeplyNestedMarkdownBuilds() throws {
        let body = String(repeating: "> ", count: 20000) + "deep\n\n" + String(repeating: "*", count: 20000) + "x"
            + String(repeating: "*", count: 20000) + "\n\n" + String(repeating: "- ", count: 10000) + "list\n"
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/deep.md": FixtureSite.story(body: body)])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.exists("Output/site/cases/deep/index.html"))
    }

    @Test func binaryAndEmptyFilesAreReported() throws {
        let site = try FixtureSite(files: ["Content/cases/empty.md": ""])
        try Data([0xFF, 0xFE, 0x00, 0xC3, 0x28]).write(to: site.root.appendingPathComponent("Content/cases/binary.md"))
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines.contains("Content/cases/binary.md:1:1: error: file is not valid UTF-8"))
        #expect(run.errorLines.contains("Content/cases/empty.md:1:1: error: missing front matter: the file must start with a line '---'"))
    }
}
