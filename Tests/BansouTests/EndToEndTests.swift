import Foundation
import Testing

/// Real files: what a build writes, what it prints, what it leaves alone. The sample, the
/// summary line, a rebuild and usage errors through the real binary; the rest in process.
@Suite(.serialized)
struct EndToEndTests {
    @Test func bundledSampleBuildsCleanWithZeroWarnings() throws {
        let site = try FixtureSite.sample()
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "expected no diagnostics, got:\n\(run.stderr)")
        #expect(run.stdout.hasPrefix("built "))
        let home = try site.read("Output/site/index.html")
        #expect(home.contains("<html lang=\"ja\">"))
        #expect(site.exists("Output/site/cases/page/2/index.html"))
        #expect(site.exists("Output/site/feed.xml") && site.exists("Output/site/sitemap.xml") && site.exists("Output/site/404.html"))
        #expect(site.exists("Output/site/guidance/process/index.html"))
    }

    @Test func writesStoryPagesTaxonomiesAndFeedsWithAbsoluteURLs() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/fax-to-cloud.md": FixtureSite.story(extra: """
            summary: 受注処理の時間を4分の1にしました。
            themes: [ペーパーレス]
            outcomes:
              - { label: 受注処理時間, before: 120, after: 30, unit: 分 }
            """),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let story = try site.read("Output/site/cases/fax-to-cloud/index.html")
        #expect(story.contains("<h1>受発注をクラウドへ</h1>"))
        #expect(story.contains("製造業A社"))
        // Optional values reach the templates (size band, summary), on the story and in lists.
        #expect(story.contains("21〜50名"))
        #expect(try site.read("Output/site/cases/index.html").contains("受注処理の時間を4分の1にしました。"))
        #expect(story.contains("<td class=\"change\" data-label=\"変化\">−75%</td>"))
        #expect(story.contains("href=\"../../industries/manufacturing/index.html\""))
        let industry = try site.read("Output/site/industries/manufacturing/index.html")
        #expect(industry.contains("href=\"../../cases/fax-to-cloud/index.html\""))
        #expect(try site.read("Output/site/stages/2/index.html").contains("受発注をクラウドへ"))
        let feed = try site.read("Output/site/feed.xml")
        #expect(feed.contains("<link href=\"https://test.example.jp/cases/fax-to-cloud/\" rel=\"alternate\" type=\"text/html\"/>"))
        let sitemap = try site.read("Output/site/sitemap.xml")
        #expect(sitemap.contains("<loc>https://test.example.jp/cases/fax-to-cloud/</loc><lastmod>2026-10-01</lastmod>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func escapesScriptInTitleAndDropsRawHTMLInBody() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/xss.md": FixtureSite.story(title: "<script>alert(1)</script>", body: "<script>alert(2)</script>\n\n本文"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/cases/xss/index.html")
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(try !site.read("Output/site/feed.xml").contains("<script>"))
    }

    @Test func japaneseAutolinkEndsAtThePunctuation() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/link.md": FixtureSite.story(body: "詳しくは https://www.example.jp/dx/guide。次の段落です。"),
        ])
        #expect(try site.runInProcess("build").status == 0)
        let page = try site.read("Output/site/cases/link/index.html")
        #expect(page.contains("<a href=\"https://www.example.jp/dx/guide\">https://www.example.jp/dx/guide</a>。次の段落です。"))
    }

    @Test func draftsAndScheduledStoriesOnlyWithDraftsFlag() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/draft.md": FixtureSite.story(extra: "draft: true"),
            "Content/cases/future.md": FixtureSite.story(date: "2027-01-01"),
        ])
        #expect(try site.runInProcess("build").status == 0)
        #expect(!site.exists("Output/site/cases/draft/index.html"))
        #expect(!site.exists("Output/site/cases/future/index.html"))
        #expect(try site.runInProcess("build", "--drafts").status == 0)
        #expect(site.exists("Output/site/cases/draft/index.html"))
        #expect(site.exists("Output/site/cases/future/index.html"))
        // Back without drafts: the pages it wrote are swept, nothing stale survives.
        #expect(try site.runInProcess("build").status == 0)
        #expect(!site.exists("Output/site/cases/draft/index.html"))
    }

    @Test func deletedStoryLeavesNoStalePage() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/one.md": FixtureSite.story(),
            "Content/cases/two.md": FixtureSite.story(title: "二つ目"),
        ])
        #expect(try site.run("build").status == 0)
        #expect(site.exists("Output/site/cases/two/index.html"))
        let before = try Self.files(site)
        try site.remove("Content/cases/two.md")
        let run = try site.run("build")
        #expect(run.status == 0)
        #expect(!site.exists("Output/site/cases/two"))
        #expect(site.exists("Output/site/cases/one/index.html"))
        // The summary counts exactly the swept files (the story's page and whatever else only it
        // made): "(… written, … unchanged, N removed)", N at least 1.
        let swept = before.subtracting(try Self.files(site))
        #expect(swept.contains("site/cases/two/index.html"), "\(swept.sorted())")
        #expect(run.stdout.contains(" \(swept.count) removed)"), "\(run.stdout) but swept \(swept.sorted())")
    }

    /// A list page without its `<script type="application/json" id="story-index">` element.
    static func withoutEmbeddedIndex(_ html: String) -> String? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"story-index\">") else { return html }
        guard let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[..<start.lowerBound] + html[end.upperBound...])
    }

    /// The files (not folders) of Output/site and Output/reports (not the writer's staging tree).
    static func files(_ site: FixtureSite) throws -> Set<String> {
        Set(try site.snapshot().keys.filter { path in
            guard path.hasPrefix("site/") || path.hasPrefix("reports/") else { return false }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/" + path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        })
    }

    @Test func rebuildWithSameAsOfIsByteIdentical() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/one.md": FixtureSite.story(),
            "Content/cases/two.md": FixtureSite.story(title: "二つ目", date: "2026-09-01"),
        ])
        #expect(try site.run("build", "--as-of", "2026-11-25").status == 0)
        let first = try site.snapshot()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Output"))
        #expect(try site.run("build", "--as-of", "2026-11-25").status == 0)
        let second = try site.snapshot()
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first == second)
    }

    @Test func listsAndTermPagesArePaginatedByPerPage() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML + "per_page: 1\n",
            "Content/cases/older.md": FixtureSite.story(title: "古い事例", date: "2026-01-01"),
            "Content/cases/newer.md": FixtureSite.story(title: "新しい事例", date: "2026-02-01"),
        ])
        #expect(try site.runInProcess("build").status == 0)
        #expect(try site.read("Output/site/cases/index.html").contains("新しい事例"))
        // Page 2 lists only the older story (the filters' embedded index names every story, so
        // it is cut out before looking).
        let page = try site.read("Output/site/cases/page/2/index.html")
        let second = try #require(Self.withoutEmbeddedIndex(page))
        #expect(second.contains("古い事例") && !second.contains("新しい事例"))
        #expect(second.contains("href=\"../../../cases/index.html\" rel=\"prev\""))
        #expect(try site.read("Output/site/industries/manufacturing/page/2/index.html").contains("古い事例"))
    }

    @Test func baseURLFlagOverridesSiteYAML() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/one.md": FixtureSite.story()])
        #expect(try site.runInProcess("build", "--base-url", "https://other.example.jp/portal/").status == 0)
        #expect(try site.read("Output/site/feed.xml").contains("https://other.example.jp/portal/cases/one/"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let site = try FixtureSite(files: [:])
        #expect(try site.run("build", "--as-of", "yesterday").status == 2)
        #expect(try site.run("build", "--no-such-flag").status == 2)
    }
}
