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
            "Content/site.yaml": FixtureSite.siteYAML + "unsafe_html: \"yes\"\n",
            "Content/cases/raw.md": FixtureSite.story(body: "<b id=\"raw\">太字</b>\n"),
        ])
        let run = try site.run("build")
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
        let run = try site.run("build", "--content", "site-content")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.count >= 6, "\(run.stderr)")
        #expect(!run.stderr.contains("Content/"), "\(run.stderr)")
        for expected in ["(see site-content/partners)", "(see site-content/clients)", "(see site-content/guidance/institutions.yaml)",
                         "(site-content/staff/nobody.yaml)", "(see site-content/guidance/industries.yaml)"] {
            #expect(run.stderr.contains(expected), "\(expected) missing in:\n\(run.stderr)")
        }
    }
}
