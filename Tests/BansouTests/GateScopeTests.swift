@testable import Bansou
import Foundation
import Testing

/// The publishing gate's scope and reporting (issue 9): every path and byte of the public
/// output, every occurrence at its own source position, an allow-list that cannot let a
/// client through, no gate without its clients, `anonymize: auto` on every field, and the
/// address and host variants a reader would still recognise. End to end through the binary.
@Suite(.serialized)
struct GateScopeTests {
    static let client = PublishingGateTests.client

    static func fixture(body: String = "安全な本文", extra: String = "", site: String = FixtureSite.siteYAML,
                        files: [String: String] = [:]) throws -> FixtureSite {
        var all = [
            "Content/site.yaml": site,
            "Content/clients/yamada-seiko.yaml": client,
            "Content/cases/leak.md": FixtureSite.story(extra: extra, body: body),
        ]
        for (path, text) in files { all[path] = text }
        return try FixtureSite(files: all)
    }

    /// Every published file's text, for "the name is nowhere in the output".
    static func publishedText(_ site: FixtureSite) throws -> String {
        try site.snapshot("Output/site").values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    // MARK: 5. anonymize: auto

    @Test func anonymizeAutoReplacesTitleSummaryAndBody() throws {
        let site = try Self.fixture(
            body: "山田精工は、\n株式会社山田精工で、\nまた山田精工。",
            extra: "summary: 株式会社山田精工の話\nclient: yamada-seiko\nanonymize: auto")
        try site.write("Content/cases/leak.md", try site.read("Content/cases/leak.md")
            .replacingOccurrences(of: "title: \"受発注をクラウドへ\"", with: "title: \"山田精工の受発注をクラウドへ\""))
        let run = try site.run("build", "--verbose")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/cases/leak/index.html")
        #expect(page.contains("製造業A社の受発注をクラウドへ"), "title")
        #expect(page.contains("製造業A社の話"), "summary")
        #expect(page.contains("製造業A社は、") && page.contains("製造業A社で、") && page.contains("また製造業A社。"), "body")
        #expect(try !Self.publishedText(site).contains("山田"))
        #expect(run.stdout.contains("5 anonymized"), "\(run.stdout)")
    }
}
