import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// feed.xml and sitemap.xml are XML that feed readers and crawlers parse: titles with markup
/// characters must not break them. The sitemap is validated against the sitemaps.org schema
/// (Fixtures/sitemap.xsd) with xmllint, the feed is parsed and checked for what RFC 4287 requires.
@Suite(.serialized)
struct FeedSitemapXMLTests {
    /// Titles and a summary with every character XML reserves, and a base URL with a path.
    static func site() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/site.yaml": FixtureSite.siteYAML
                .replacingOccurrences(of: "title: テストポータル", with: "title: \"A&B <DX> ポータル\"")
                .replacingOccurrences(of: "base_url: https://test.example.jp/", with: "base_url: https://test.example.jp/dx/"),
            "Content/clients/.gitkeep": "",
            "Content/cases/marks.md": FixtureSite.story(title: "<受注> & \\\"出荷\\\" の'見える化'", date: "2026-10-01",
                                                        extra: "summary: \"1 < 2 && 3 > 2 ]]> の要約\""),
            "Content/cases/plain.md": FixtureSite.story(title: "日報をスマホで", date: "2026-09-01", extra: "themes: [ペーパーレス, \"R&D\"]"),
            "Content/pages/about.md": "---\ntitle: 運営者\n---\n本文。\n",
        ])
    }

    /// An attribute's value (swift-corelibs' attribute(forName:) finds none on an element in a
    /// default namespace, as every Atom element is).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func xmllint(_ arguments: [String]) throws -> FixtureSite.Run {
        try FixtureSite.exec("xmllint", arguments)
    }

    @Test func sitemapValidatesAgainstTheSitemapsOrgSchemaAndListsEveryPage() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let schema = FixtureSite.packageRoot.appendingPathComponent("Tests/BansouTests/Fixtures/sitemap.xsd").path
        let sitemap = site.root.appendingPathComponent("Output/site/sitemap.xml").path
        let lint = try Self.xmllint(["--noout", "--schema", schema, sitemap])
        #expect(lint.status == 0, "xmllint (scripts/setup installs libxml2-utils):\n\(lint.stderr)")
        #expect(lint.stderr.hasSuffix("sitemap.xml validates\n"), "\(lint.stderr)")
        // One <url> per public page but 404.html, each under base_url, stories with their date.
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: sitemap), options: [])
        let root = try #require(document.rootElement())
        let locs = root.elements(forName: "url").compactMap { $0.elements(forName: "loc").first?.stringValue }
        let pages = try site.snapshot("Output/site").keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(locs.count == pages.count)
        // Theme pages have Japanese paths: a <loc> is written percent-encoded, in ASCII.
        #expect(pages.contains { $0.unicodeScalars.contains { !$0.isASCII } }, "no page with a Japanese path: \(pages.sorted())")
        #expect(locs.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && !$0.contains("&") }, "\(locs)")
        #expect(Set(locs.map { $0.removingPercentEncoding ?? $0 }) == Set(pages.map { "https://test.example.jp/dx/" + ($0 == "index.html" ? "" : String($0.dropLast("index.html".count))) }))
        let story = root.elements(forName: "url").first { $0.elements(forName: "loc").first?.stringValue == "https://test.example.jp/dx/cases/marks/" }
        #expect(story?.elements(forName: "lastmod").first?.stringValue == "2026-10-01")
    }

    @Test func feedIsWellFormedAtomWithTheTitlesAsWritten() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let path = site.root.appendingPathComponent("Output/site/feed.xml").path
        let lint = try Self.xmllint(["--noout", path])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        let feed = try #require(document.rootElement())
        #expect(feed.name == "feed" && feed.uri == "http://www.w3.org/2005/Atom")
        // RFC 4287 4.1.1: exactly one id, title and updated; an author (here the publisher).
        for name in ["id", "title", "updated", "author"] {
            #expect(feed.elements(forName: name).count == 1, "feed needs one <\(name)>")
        }
        #expect(feed.elements(forName: "title").first?.stringValue == "A&B <DX> ポータル")
        #expect(feed.elements(forName: "id").first?.stringValue == "https://test.example.jp/dx/")
        let selfLink = feed.elements(forName: "link").first { Self.attribute($0, "rel") == "self" }
        #expect(selfLink.flatMap { Self.attribute($0, "href") } == "https://test.example.jp/dx/feed.xml")
        let entries = feed.elements(forName: "entry")
        #expect(entries.map { $0.elements(forName: "id").first?.stringValue } == ["https://test.example.jp/dx/cases/marks/", "https://test.example.jp/dx/cases/plain/"])
        let marks = try #require(entries.first)
        #expect(marks.elements(forName: "title").first?.stringValue == "<受注> & \"出荷\" の'見える化'")
        #expect(marks.elements(forName: "summary").first?.stringValue == "1 < 2 && 3 > 2 ]]> の要約")
        #expect(marks.elements(forName: "updated").first?.stringValue?.hasPrefix("2026-10-01T") == true)
        // RFC 3339 date-times, as Atom requires.
        let stamps = ([feed] + entries).compactMap { $0.elements(forName: "updated").first?.stringValue }
        #expect(stamps.count == 3)
        let rfc3339 = try Regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$")
        #expect(stamps.allSatisfy { $0.wholeMatch(of: rfc3339) != nil }, "\(stamps)")
        let alternate = marks.elements(forName: "link").first
        #expect(alternate.flatMap { Self.attribute($0, "rel") } == "alternate")
        #expect(alternate.flatMap { Self.attribute($0, "href") } == "https://test.example.jp/dx/cases/marks/")
    }
}
