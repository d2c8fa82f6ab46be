import Foundation
import Testing

/// --content, --templates and --output through the real binary: the build reads the folders
/// named and no other (a Content/ and Templates/ beside them are decoys), writes where it is
/// told, and every path in a message is shown with the prefix the user gave.
@Suite(.serialized)
struct FolderFlagsTests {
    /// The real site under site-src/content and look/, decoys at the default places.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/real.md": FixtureSite.story(title: "本物の事例"),
        ])
        let fm = FileManager.default
        try fm.createDirectory(at: site.root.appendingPathComponent("site-src"), withIntermediateDirectories: true)
        try fm.moveItem(at: site.root.appendingPathComponent("Content"), to: site.root.appendingPathComponent("site-src/content"))
        try fm.moveItem(at: site.root.appendingPathComponent("Templates"), to: site.root.appendingPathComponent("look"))
        let layout = try site.read("look/layout.mustache")
        try site.write("look/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\"><p>指定したテンプレート</p>"))
        // Decoys: a build that read these would show another story and no footer line.
        try site.write("Content/site.yaml", FixtureSite.siteYAML)
        try site.write("Content/clients/.gitkeep", "")
        try site.write("Content/cases/decoy.md", FixtureSite.story(title: "おとりの事例"))
        try fm.copyItem(at: FixtureSite.packageRoot.appendingPathComponent("Content/guidance"), to: site.root.appendingPathComponent("Content/guidance"))
        try fm.copyItem(at: FixtureSite.packageRoot.appendingPathComponent("Templates"), to: site.root.appendingPathComponent("Templates"))
        return site
    }

    @Test func theNamedFoldersAreReadAndTheOutputGoesWhereItIsTold() throws {
        let site = try Self.site()
        let run = try site.run("build", "--content", "site-src/content", "--templates", "look", "--output", "public")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 事例"), "\(run.stdout)")
        #expect(site.exists("public/site/cases/real/index.html"))
        #expect(!site.exists("public/site/cases/decoy"))
        #expect(!site.exists("Output"))
        #expect(try site.read("public/site/index.html").contains("<p>指定したテンプレート</p>"))
        // The Markdown cache sits beside the content folder named, at the project root it implies.
        #expect(!site.exists("Content/.bansou-cache"))
    }

    @Test func messagesShowThePathsAsTheUserGaveThem() throws {
        let site = try Self.site()
        try site.write("site-src/content/cases/bad.md", FixtureSite.story(extra: "stage_after: 9").replacingOccurrences(of: "stage_after: 2\n", with: ""))
        try site.write("site-src/content/clients/yamada-seiko.yaml", LeakFixture.yamadaYAML)
        let layout = try site.read("look/layout.mustache")
        try site.write("look/layout.mustache", layout.replacingOccurrences(of: "<p>指定したテンプレート</p>", with: "<p>山田精工</p>"))
        let run = try site.run("check", "--content", "site-src/content", "--templates", "look")
        #expect(run.status == 1)
        let lines = run.errorLines
        #expect(lines.contains { $0.hasPrefix("site-src/content/cases/bad.md:10:14: error: ") }, "\(run.stderr)")
        #expect(!lines.contains { $0.hasPrefix("Content/") || $0.hasPrefix("Templates/") || $0.contains(site.root.path) }, "\(run.stderr)")
        // The gate does not run after a validation error; with the story fixed it points into look/.
        try site.remove("site-src/content/cases/bad.md")
        let gate = try site.run("check", "--content", "site-src/content", "--templates", "look")
        #expect(gate.status == 1)
        #expect(gate.errorLines.count == 1 && gate.errorLines[0].hasPrefix("look/layout.mustache:"), "\(gate.stderr)")
        #expect(gate.errorLines.first?.contains(": error: 会社名 of ") == true, "\(gate.stderr)")
    }
}
