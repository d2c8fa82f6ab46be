@testable import Bansou
import Foundation
import Testing

/// Input the tool used to accept with a quiet wrong answer (issue 9, "Quiet wrong answers"):
/// each is now an error at its position, and the build exits 1.
@Suite(.serialized)
struct InputRefusalTests {
    // MARK: Booleans are booleans

    struct Switches: Decodable {
        var on: Bool?
    }

    @Test(arguments: ["\"yes\"", "'true'", "yes", "No", "on", "off", "y"])
    func aBooleanLookalikeIsAnErrorWithAHint(value: String) {
        let (decoded, diagnostics) = YAMLDocument.decode(Switches.self, yaml: "on: \(value)\n", path: "s.yaml")
        #expect(decoded?.on == nil)
        #expect(diagnostics.count == 1)
        let message = diagnostics.first?.description ?? ""
        #expect(message.hasPrefix("s.yaml:1:5: error: expected true or false for 'on'"), "\(message)")
        #expect(message.contains("write true") || message.contains("without quotes"), "\(message)")
    }

    @Test(arguments: [("true", true), ("false", false), ("True", true), ("FALSE", false)])
    func plainTrueAndFalseAreBooleans(value: String, expected: Bool) {
        let (decoded, diagnostics) = YAMLDocument.decode(Switches.self, yaml: "on: \(value)\n", path: "s.yaml")
        #expect(diagnostics.isEmpty)
        #expect(decoded?.on == expected)
    }

    @Test func aQuotedYesNeverTurnsUnsafeHTMLOn() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML + "unsafe_html: \"yes\"\n",
            "Content/cases/raw.md": FixtureSite.story(body: "<b id=\"raw\">太字</b>\n"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/site.yaml:6:14: error: expected true or false for 'unsafe_html', found 'yes': write true or false (yes/no/on/off are not booleans here)"], "\(run.stderr)")
        #expect(!site.exists("Output/site/cases/raw/index.html"))
    }

    // MARK: Paths as the user gave them

    @Test func diagnosticsNameTheContentFolderGivenWithContent() throws {
        let site = try FixtureSite(files: [
            "Content/cases/refs.md": FixtureSite.story(extra: "partners: [nobody]\nclient: ghost\ninstitutions: [banks]"),
            "Content/clients/acme.yaml": "id: acme\nname: 株式会社アクメ\nadvisor: nobody\nindustry: metal\nareas: { ordering: 1 }\n",
            "Content/partners/p.yaml": "id: p\nname: P社\ntype: bank\nregion: chubu\n",
        ])
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content"), to: site.root.appendingPathComponent("site-content"))
        let run = try site.runInProcess("build", "--content", "site-content")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.count >= 6, "\(run.stderr)")
        #expect(!run.stderr.contains("Content/"), "\(run.stderr)")
        for expected in ["(see site-content/partners)", "(see site-content/clients)", "(see site-content/guidance/institutions.yaml)",
                         "(site-content/staff/nobody.yaml)", "(see site-content/guidance/industries.yaml)"] {
            #expect(run.stderr.contains(expected), "\(expected) missing in:\n\(run.stderr)")
        }
    }

    // MARK: One id, one file

    static let client = "id: x\nname: 株式会社架空テスト工業\nindustry: manufacturing\nareas: { ordering: 1 }\n"

    @Test func twoRecordFilesWithOneIDAreAnErrorNamingBoth() throws {
        let site = try FixtureSite(files: [
            "Content/clients/x.yaml": Self.client,
            "Content/clients/x.yml": Self.client.replacingOccurrences(of: "架空テスト", with: "別の架空"),
            "Content/partners/p.yaml": "id: p\nname: P社\ntype: it-vendor\nregion: chubu\n",
            "Content/partners/p.yml": "id: p\nname: Q社\ntype: it-vendor\nregion: chubu\n",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == [
            "Content/clients/x.yml:1:1: error: Content/clients/x.yaml and Content/clients/x.yml are both 'x': keep one file per id",
            "Content/partners/p.yml:1:1: error: Content/partners/p.yaml and Content/partners/p.yml are both 'p': keep one file per id",
        ], "\(run.stderr)")
    }

    @Test func aSiteYMLBesideSiteYAMLIsAnError() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yml": FixtureSite.siteYAML.replacingOccurrences(of: "テストポータル", with: "別のポータル"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/site.yml:1:1: error: Content/site.yml and Content/site.yaml both exist: keep one, named site.yaml"], "\(run.stderr)")
    }

    // MARK: The clients folder must be there

    /// Builds once with a client, so a later failed build can be seen to keep its report.
    func siteWithBuiltReport() throws -> FixtureSite {
        let site = try FixtureSite(files: ["Content/clients/x.yaml": Self.client])
        let first = try site.runInProcess("build")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(site.exists("Output/reports/x/index.html"))
        return site
    }

    @Test func aMissingClientsFolderIsAnErrorThatSaysHowToCreateAnEmptyOne() throws {
        let site = try siteWithBuiltReport()
        try site.remove("Content/clients")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/clients:1:1: error: the clients folder is missing: without it no clients could be checked. "
            + "A site without clients keeps an empty folder: mkdir -p Content/clients && touch Content/clients/.gitkeep"], "\(run.stderr)")
        #expect(site.exists("Output/reports/x/index.html"))
    }

    @Test func anEmptyClientsFolderIsASiteWithoutClients() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/a.md": FixtureSite.story()])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.exists("Output/site/cases/a/index.html"))
    }

    @Test func aClientsFileOrDanglingLinkIsAnError() throws {
        let site = try siteWithBuiltReport()
        try site.remove("Content/clients")
        try site.write("Content/clients", "x: 1\n")
        let file = try site.runInProcess("build")
        #expect(file.status == 1, "\(file.stderr)")
        #expect(file.errorLines == ["Content/clients:1:1: error: Content/clients must be a folder of .yaml files, found a file"], "\(file.stderr)")

        try site.remove("Content/clients")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/clients").path,
                                                   withDestinationPath: "../../secure/clients")
        let dangling = try site.runInProcess("build")
        #expect(dangling.status == 1, "\(dangling.stderr)")
        #expect(dangling.errorLines == ["Content/clients:1:1: error: symbolic link to ../../secure/clients, which does not exist"], "\(dangling.stderr)")
        #expect(site.exists("Output/reports/x/index.html"))
    }

    // MARK: Nothing is read from outside the folders

    func link(_ site: FixtureSite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test func aStoryLinkedFromOutsideContentIsRefusedAtTheLink() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "elsewhere/secret.md": FixtureSite.story(title: "外部の事例")])
        try link(site, "Content/cases/secret.md", to: site.root.appendingPathComponent("elsewhere/secret.md").path)
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        let real = try #require(ContainedFolder.realPath(site.root.appendingPathComponent("elsewhere/secret.md").path))
        #expect(run.errorLines == ["Content/cases/secret.md:1:1: error: symbolic link to \(real), outside Content/: only files inside the folder are read (copy the file in instead)"], "\(run.stderr)")
        #expect(!site.exists("Output/site/cases/secret/index.html"))
    }

    @Test func aLinkedFolderOutsideContentIsRefusedOnce() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "elsewhere/a.md": FixtureSite.story(), "elsewhere/b.md": FixtureSite.story()])
        try link(site, "Content/cases", to: "../elsewhere")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.count == 1, "\(run.stderr)")
        #expect(run.errorLines.first?.hasPrefix("Content/cases:1:1: error: symbolic link to /") == true, "\(run.stderr)")
    }

    @Test func aSystemFileLinkedIntoTemplatesIsRefused() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        try link(site, "Templates/assets/host.txt", to: "/etc/hostname")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.count == 1 && run.errorLines[0].hasPrefix("Templates/assets/host.txt:1:1: error: symbolic link to /etc/hostname, outside Templates/"), "\(run.stderr)")
        #expect(!site.exists("Output/site/assets/host.txt"))
    }

    @Test func aDanglingStoryLinkIsAnError() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        try link(site, "Content/cases/gone.md", to: "../drafts/gone.md")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/cases/gone.md:1:1: error: symbolic link to ../drafts/gone.md, which does not exist"], "\(run.stderr)")
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/shared/story.md": FixtureSite.story(title: "共有の事例")])
        try link(site, "Content/cases/shared.md", to: "../shared/story.md")
        try link(site, "Templates/assets/copy.css", to: "style.css")
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.read("Output/site/cases/shared/index.html").contains("共有の事例"))
        #expect(try site.read("Output/site/assets/copy.css") == site.read("Templates/assets/style.css"))
    }

    // MARK: One page per theme

    @Test func themeSlugsMappingTwoTagsToOneSlugIsAnErrorAtTheEntry() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML + "theme_slugs:\n  ペーパーレス: paperless\n  紙削減: paperless\n",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [ペーパーレス]"),
            "Content/cases/b.md": FixtureSite.story(title: "紙を減らす", extra: "themes: [紙削減]"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/site.yaml:8:3: error: theme_slugs gives '紙削減' the slug 'paperless', but theme_slugs gives 'ペーパーレス' the same slug (Content/site.yaml:7:3): their stories would be merged on one page; give each tag its own slug"], "\(run.stderr)")
    }

    @Test func aMappedSlugThatIsAnotherTagIsAnErrorAtTheEntry() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML + "theme_slugs:\n  ペーパーレス: paperless\n",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [paperless]"),
            "Content/cases/b.md": FixtureSite.story(title: "紙を減らす", extra: "themes: [ペーパーレス]"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Content/site.yaml:7:3: error: theme_slugs gives 'ペーパーレス' the slug 'paperless', but it is the path of the theme 'paperless' (Content/cases/a.md:11:10): their stories would be merged on one page; give each tag its own slug"], "\(run.stderr)")
    }

    @Test func distinctThemeSlugsBuild() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML + "theme_slugs:\n  ペーパーレス: paperless\n  紙削減: less-paper\n",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [ペーパーレス, 紙削減, cloud]"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.exists("Output/site/themes/paperless/index.html") && site.exists("Output/site/themes/less-paper/index.html"))
    }

    // MARK: Links are http(s), mailto or tel

    @Test(arguments: [
        ("https://www.example.jp/", nil),
        ("mailto:dx@example.jp", nil),
        ("TEL:0120-000-000", nil),
        ("javascript:alert(1)", LinkURL.Problem.scheme("javascript")),
        (" JavaScript:alert(1)", .scheme("javascript")),
        ("data:text/html,<script>alert(1)</script>", .scheme("data")),
        ("vbscript:msgbox", .scheme("vbscript")),
        ("java\tscript:alert(1)", .controlCharacter),
        ("www.example.jp", .relative),
        ("https://", .noHost),
    ] as [(String, LinkURL.Problem?)])
    func linksAllowOnlyWebMailAndPhone(value: String, expected: LinkURL.Problem?) {
        #expect(LinkURL.problem(value, allowing: LinkURL.contact) == expected)
    }

    @Test func javascriptLinksInURLFieldsAreErrorsAtTheirPosition() throws {
        let site = try FixtureSite(files: [
            "Content/site.yaml": FixtureSite.siteYAML.replacingOccurrences(of: "url: https://test.example.jp/ }", with: "url: \"javascript:alert(document.cookie)\" }"),
            "Content/partners/p.yaml": "id: p\nname: P社\ntype: it-vendor\nregion: chubu\nurl: data:text/html;base64,PHNjcmlwdD4=\npublic: true\n",
            "Content/clients/x.yaml": Self.client + "website: vbscript:msgbox(1)\n",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == [
            "Content/clients/x.yaml:5:10: error: website may not be a vbscript: link (it would reach every reader's browser); write https://…",
            "Content/partners/p.yaml:5:6: error: url may not be a data: link (it would reach every reader's browser); write https://…, mailto:… or tel:…",
            "Content/site.yaml:4:32: error: publisher.url may not be a javascript: link (it would reach every reader's browser); write https://…, mailto:… or tel:…",
        ], "\(run.stderr)")
        #expect(!site.exists("Output/site/index.html"))
    }

    @Test func aClientWebsiteWithoutSchemeStaysAWarning() throws {
        let site = try FixtureSite(files: ["Content/clients/x.yaml": Self.client + "website: kakuu-test.example.jp\n"])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.warningLines == ["Content/clients/x.yaml:5:10: warning: website should be a full URL (https://…) so its host can be protected"], "\(run.stderr)")
    }
}
