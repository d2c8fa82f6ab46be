import Foundation
import Testing
@testable import Bansou

/// Issue 12's smaller items, end to end on fixture sites: readable theme paths and their
/// collision check, the 404 page's links from base_url, the 相談する call to action,
/// percentage points for rates, the home counters, term introductions, the list pages.
@Suite struct PortalVisitTests {
    // MARK: Theme paths

    @Test(arguments: [
        ("ペーパーレス", "ペーパーレス"), ("BPO", "bpo"), ("ＤＸ認定", "dx認定"), ("データ活用・分析", "データ活用-分析"),
        ("物流の2024年問題", "物流の2024年問題"), ("  IT / DX  ", "it-dx"), ("働き方改革！", "働き方改革"),
    ])
    func aThemeTagBecomesAReadablePath(tag: String, path: String) {
        #expect(ThemeSlug.of(tag, mapping: nil) == path)
    }

    @Test func aTagWithNothingReadableFallsBackToItsHash() {
        #expect(ThemeSlug.of("・！？", mapping: nil).hasPrefix("t-"))
    }

    @Test func readableThemePathsAreBuiltAndLinkedAndTheSitemapEncodesThem() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [ペーパーレス, BPO]"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.exists("Output/site/themes/ペーパーレス/index.html") && site.exists("Output/site/themes/bpo/index.html"))
        #expect(try site.read("Output/site/cases/a/index.html").contains("href=\"../../themes/ペーパーレス/index.html\""))
        let sitemap = try site.read("Output/site/sitemap.xml")
        #expect(sitemap.contains("https://test.example.jp/themes/%E3%83%9A%E3%83%BC%E3%83%91%E3%83%BC%E3%83%AC%E3%82%B9/"))
    }

    @Test func twoTagsWithOneReadablePathAreAnError() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [BPO]"),
            "Content/cases/b.md": FixtureSite.story(title: "経理を外へ", extra: "themes: [ＢＰＯ]"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status != 0)
        #expect(run.errorLines.contains { $0.contains("have the same path 'themes/bpo/'") }, "\(run.stderr)")
    }

    // MARK: 404, call to action

    @Test func theNotFoundPageLinksFromTheBasePath() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML.replacingOccurrences(of: "base_url: https://test.example.jp/", with: "base_url: https://example.jp/portal"),
            "Content/cases/a.md": FixtureSite.story(),
        ])
        #expect(try site.runInProcess("build").status == 0)
        let page = try site.read("Output/site/404.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/portal/assets/style.css\">"))
        #expect(page.contains("href=\"/portal/cases/index.html\""))
        #expect(!page.contains("href=\"assets/"))
        #expect(SiteLayout.basePath("https://dx.example.jp/") == "/")
        // Every other page keeps relative links (the portal works from disk).
        #expect(try site.read("Output/site/cases/a/index.html").contains("href=\"../../assets/style.css\""))
    }

    @Test func homeAndStoryInviteAConsultationFromSiteYAML() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML.replacingOccurrences(of: "publisher: { name: テスト銀行, url: https://test.example.jp/ }",
                                                                          with: "publisher: { name: テスト銀行, url: https://test.example.jp/, email: dx@test.example.jp, phone: 0120-111-222 }\nallow: [dx@test.example.jp, 0120-111-222]"),
            "Content/pages/consult.md": "---\ntitle: ご相談窓口\ndate: 2026-04-01\n---\nご相談ください。\n",
            "Content/cases/a.md": FixtureSite.story(),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let home = try site.read("Output/site/index.html"), story = try site.read("Output/site/cases/a/index.html")
        #expect(home.contains("<a class=\"button\" href=\"consult/index.html\">相談する</a>"))
        #expect(story.contains("<a class=\"button\" href=\"../../consult/index.html\">相談する</a>"))
        #expect(story.contains("<a href=\"tel:0120111222\">0120-111-222</a>") && story.contains("mailto:dx@test.example.jp"))
    }

    @Test func withoutAConsultPageTheButtonWritesAnEmail() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/site.yaml": FixtureSite.siteYAML.replacingOccurrences(of: "url: https://test.example.jp/ }", with: "url: https://test.example.jp/, email: dx@test.example.jp }\nallow: [dx@test.example.jp]"),
            "Content/cases/a.md": FixtureSite.story(),
        ])
        #expect(try site.runInProcess("build").status == 0)
        #expect(try site.read("Output/site/index.html").contains("<a class=\"button\" href=\"mailto:dx@test.example.jp\">相談する</a>"))
    }

    // MARK: Story, home, lists

    @Test func aRateChangesByPercentagePointsAndTheTableHeadingIsNotTheBodys() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/a.md": FixtureSite.story(extra: """
            outcomes:
              - { label: 再来店率, before: 48, after: 63, unit: "%" }
              - { label: 処理時間, before: 120, after: 30, unit: 分 }
            """, body: "## 成果\n\n本文です。"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/cases/a/index.html")
        #expect(page.contains("<td class=\"change\" data-label=\"変化\">+15ポイント</td>"))
        #expect(page.contains("<td class=\"change\" data-label=\"変化\">−75%</td>"))
        #expect(!page.contains("+31.3%"))
        #expect(page.components(separatedBy: ">成果</h2>").count == 2, "成果 once as a heading")
    }

    @Test func homeCountersAndStageLinesSayWhatHappened() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/a.md": FixtureSite.story(),
            "Content/cases/b.md": FixtureSite.story(title: "別の事例", extra: "").replacingOccurrences(of: "stage_after: 2", with: "stage_after: 1"),
        ])
        #expect(try site.runInProcess("build").status == 0)
        let home = try site.read("Output/site/index.html")
        #expect(home.contains("<dt>段階を上がった事例</dt><dd>1<span>件</span></dd>"))
        #expect(!home.contains("地方</span>"))
        #expect(home.contains("この段階に到達した事例 1件"))   // stage 1: b stays there
        #expect(!home.contains("この段階から出発した事例"))   // stage 1 was reached by b and left by a: reached wins
        #expect(home.contains("この段階に到達した事例 1件</span>") && home.contains("この段階の事例はまだありません"))
        #expect(!home.contains("到達した事例 0件"))
    }

    @Test func termPagesIntroduceTheirStoriesAndEmptyTermsAreNotListed() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/a.md": FixtureSite.story(extra: "themes: [ペーパーレス]"),
        ])
        #expect(try site.runInProcess("build").status == 0)
        let term = try site.read("Output/site/industries/manufacturing/index.html")
        #expect(term.contains("<p class=\"lead\">「製造業」（日本標準産業分類の大分類）の企業の事例です。掲載している1件の段階の移り変わりは、段階1→段階2 が1件です。</p>"))
        #expect(try site.read("Output/site/themes/ペーパーレス/index.html").contains("「ペーパーレス」に取り組んだ事例です。"))
        let industries = try site.read("Output/site/industries/index.html")
        #expect(industries.contains("製造業") && !industries.contains("0件"))
        #expect(site.exists("Output/site/industries/fishery/index.html"), "an empty term keeps its page")
    }

    @Test func everyListPageHasTheFiltersAndALongTaxonomyIsCut() throws {
        var files = ["Content/clients/.gitkeep": "", "Content/site.yaml": FixtureSite.siteYAML + "per_page: 2\n"]
        for n in 1...3 {
            files["Content/cases/s\(n).md"] = FixtureSite.story(title: "事例\(n)", extra: "themes: [" + (1...5).map { "テーマ\(n)\($0)" }.joined(separator: ", ") + "]")
        }
        let site = try FixtureSite(files: files)
        #expect(try site.runInProcess("build").status == 0)
        let second = try site.read("Output/site/cases/page/2/index.html")
        #expect(second.contains("id=\"story-filters\"") && second.contains("assets/filters.js"))
        let first = try site.read("Output/site/cases/index.html")
        #expect(first.contains("<p class=\"term-more\"><a href=\"../themes/index.html\">すべてのテーマ（15）</a></p>"))
        #expect(first.components(separatedBy: "themes/テーマ").count - 1 == PortalPages.sidebarTerms)
    }
}
