import Bansou
import Foundation
import Testing

/// Issue 12: the policy-tools page links each tool to its official pages (METI, IPA), from the
/// guidance data; a link the portal may not carry is an error where it is written.
@Suite("Guidance source links")
struct GuidanceSourceLinksTests {
    @Test func policyToolsLinkToTheirOfficialPages() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try site.read("Output/site/guidance/policy-tools/index.html")
        for (title, url) in [
            ("DX推進指標（経済産業省）", "https://www.meti.go.jp/policy/it_policy/investment/dx-shihyo.html"),
            ("DX推進指標のご案内（IPA）", "https://www.ipa.go.jp/digital/dx-suishin/about.html"),
            ("DX認定制度（経済産業省）", "https://www.meti.go.jp/policy/it_policy/investment/dx-nintei/dx-nintei.html"),
            ("DX認定制度のご案内（IPA）", "https://www.ipa.go.jp/digital/dx-nintei/about.html"),
        ] {
            #expect(html.contains("<a href=\"\(url)\" rel=\"external\">\(title)</a>"), "\(title)")
        }
    }

    @Test func aLinkThePortalMayNotCarryIsAnErrorAtItsPosition() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let yaml = try site.read("Content/guidance/policy-tools.yaml")
            .replacingOccurrences(of: "\"https://www.ipa.go.jp/digital/dx-suishin/about.html\"", with: "\"javascript:alert(1)\"")
        try site.write("Content/guidance/policy-tools.yaml", yaml)
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.contains("javascript:") }! + 1
        let column = Array(yaml.components(separatedBy: "\n")[line - 1]).firstIndex(of: "\"")! + 1
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/guidance/policy-tools.yaml:\(line):\(column): error: links.url") }, "\(run.stderr)")
    }
}
