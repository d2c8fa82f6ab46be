import Foundation
import Testing
@testable import Bansou

/// The portal's people-facing features on fixture sites, built in process (BuildPipeline):
/// the story index and filters, the fallback search, the statistics page, the guidance
/// diagrams, social cards and the print stylesheet.
@Suite(.serialized)
struct PortalFeaturesTests {
    static let clients = [
        "Content/clients/consenting-co.yaml": """
        id: consenting-co
        name: 株式会社同意精機
        consent: { stories: true, date: 2026-09-30 }
        """,
        "Content/clients/refusing-co.yaml": """
        id: refusing-co
        name: 株式会社非同意商事
        consent: { stories: false }
        """,
    ]

    static func story(_ before: Int, _ after: Int, industry: String = "manufacturing", region: String = "chubu",
                      title: String, extra: String = "", body: String = "## 取り組み\n\n本文です。") -> String {
        """
        ---
        title: "\(title)"
        alias: 匿名A社
        date: 2026-10-01
        industry: \(industry)
        region: \(region)
        size: 21-50
        stage_before: \(before)
        stage_after: \(after)
        \(extra)
        ---
        \(body)

        """
    }

    static func site() throws -> FixtureSite {
        var files = clients
        files["Content/cases/alpha.md"] = story(1, 2, title: "受発注をクラウドへ", extra: "institutions: [regional-bank]\nthemes: [ペーパーレス]\nclient: consenting-co\noutcomes:\n  - { label: 受注処理時間, before: 120, after: 30, unit: 分 }",
                                                body: "## 取り組み\n\n毎月の棚卸しを紙の台帳からタブレットに移しました。Inventory counts moved to tablets.")
        files["Content/cases/beta.md"] = story(1, 2, industry: "construction", region: "kanto", title: "日報をスマホで",
                                               extra: "outcomes:\n  - { label: 売上, before: 100, after: 130, unit: 万円 }")
        files["Content/cases/gamma.md"] = story(2, 4, industry: "manufacturing", region: "kinki", title: "データで新サービス", extra: "institutions: [it-vendor]")
        files["Content/cases/drafted.md"] = story(1, 3, title: "下書きの事例", extra: "draft: true")
        files["Content/cases/refused.md"] = story(1, 3, title: "同意のない事例", extra: "client: refusing-co")
        return try FixtureSite(files: files)
    }

    @Test func storyIndexHoldsExactlyThePublishedStoriesAndNoClient() throws {
        let site = try Self.site()
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let text = try site.read("Output/site/cases/index.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let stories = try #require(json["stories"] as? [[String: Any]])
        #expect(Set(stories.compactMap { $0["slug"] as? String }) == ["alpha", "beta", "gamma"])
        #expect(!text.contains("client"), "the index must not name the client key")
        #expect(!text.contains("consenting-co") && !text.contains("同意精機") && !text.contains("refusing-co"))
        let alpha = try #require(stories.first { $0["slug"] as? String == "alpha" })
        #expect(alpha["url"] as? String == "cases/alpha/index.html")
        #expect(alpha["before"] as? Int == 1 && alpha["after"] as? Int == 2)
        #expect(alpha["institutions"] as? [String] == ["regional-bank"])
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        // "setbacks": the filter 「つまずきから学ぶ」 (issue 13), no option when no story has setbacks.
        #expect(Set(facets.keys) == ["industry", "region", "before", "after", "size", "institution", "theme", "setbacks"])
        #expect(facets["setbacks"]?.isEmpty == true)
        #expect(facets["industry"]?.first { $0["id"] as? String == "manufacturing" }?["count"] as? Int == 2)
    }

    @Test func storyListHasTheFilterFormScriptAndEmbeddedIndex() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let list = try site.read("Output/site/cases/index.html")
        for key in ["industry", "region", "before", "after", "size", "institution", "theme"] {
            #expect(list.contains("<label for=\"filter-\(key)\">"), "label for \(key)")
            #expect(list.contains("<select id=\"filter-\(key)\" name=\"\(key)\">"), "select for \(key)")
        }
        #expect(list.contains("<option value=\"manufacturing\">製造業（2）</option>"))
        #expect(list.contains("role=\"status\" aria-live=\"polite\""))
        // Progressive enhancement: the panel is hidden until the script runs; the plain list stays.
        #expect(list.contains("<section id=\"story-filters\" class=\"filters\" aria-labelledby=\"filters-heading\" data-index=\"../cases/index.json\" data-root=\"../\" hidden>"))
        #expect(list.contains("id=\"story-list\"") && list.contains("href=\"../cases/alpha/index.html\""))
        #expect(list.contains("<script type=\"application/json\" id=\"story-index\">{"))
        #expect(list.contains("<script src=\"../assets/filters.js\" defer></script>"))
        let script = try site.read("Output/site/assets/filters.js")
        #expect(script.contains("textContent") && !script.contains("innerHTML"))
        #expect(script.contains("URLSearchParams") && script.contains("replaceState"))
        // Only the first page of the list carries the index.
        #expect(try !site.read("Output/site/industries/manufacturing/index.html").contains("story-index"))
    }

    @Test func embeddedIndexCannotCloseItsScriptElement() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/x.md": Self.story(1, 2, title: "</script><script>alert(1)</script>")])
        #expect(try site.runInProcess("build").status == 0)
        let list = try site.read("Output/site/cases/index.html")
        #expect(!list.contains("<script>alert(1)"))
        #expect(list.contains("\\u003c/script\\u003e"))
    }

    @Test func fallbackSearchIndexFindsAJapaneseWordFromAStoryBody() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let page = try site.read("Output/site/search/index.html")
        #expect(page.contains("<form id=\"search-form\" role=\"search\""))
        #expect(page.contains("<label for=\"search-input\">"))
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(page.contains("data-index=\"../search/index.js\""))
        let index = try site.read("Output/site/search/index.js")
        #expect(index.hasPrefix("window.BANSOU_SEARCH_INDEX = {"))
        let body = String(index.dropFirst("window.BANSOU_SEARCH_INDEX = ".count)).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let pages = try #require(json["pages"] as? [[String: String]])
        let tokens = try #require(json["tokens"] as? [String: [Int]])
        let alpha = try #require(pages.firstIndex { $0["u"] == "cases/alpha/index.html" })
        func pagesWith(_ token: String) -> [Int] {
            var n = 0
            return (tokens[token] ?? []).map { n += $0; return n }
        }
        // 棚卸し → the bigrams 棚卸 and 卸し; English words lower-cased.
        #expect(pagesWith("棚卸").contains(alpha))
        #expect(pagesWith("卸し").contains(alpha))
        #expect(pagesWith("tablets") == [alpha])   // an English word of one story body: that page only
        // Guidance pages are indexed, drafts and unconsented stories are not.
        #expect(pages.contains { $0["u"] == "guidance/stages/index.html" })
        #expect(!pages.contains { $0["u"]?.contains("drafted") == true || $0["u"]?.contains("refused") == true })
        #expect(!index.contains("同意精機"))
        #expect(try site.read("Output/site/cases/alpha/index.html").contains("<article class=\"story\" data-pagefind-body>"))
    }

    @Test func tokenizerMakesJapaneseBigramsAndEnglishWords() {
        let tokens = Set(SearchTokenizer.tokens("受発注をクラウドへ Cloud ＤＸ a").map(\.string))
        // Every bigram of the kana-kanji run (across を and へ too), the words folded; "a" is too short.
        #expect(tokens == ["受発", "発注", "注を", "をク", "クラ", "ラウ", "ウド", "ドへ", "cloud", "dx"])
    }

    @Test func statsPageCountsTheStageTransitionsAndHasTextAlternatives() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let stats = try site.read("Output/site/stats/index.html")
        // alpha 1→2, beta 1→2, gamma 2→4; the draft and the unconsented story do not count.
        #expect(stats.contains(" data-cell=\"1-2\">2</td>"))
        #expect(stats.contains(" data-cell=\"2-4\">1</td>"))
        #expect(stats.contains(" data-cell=\"1-3\">0</td>"))
        #expect(stats.contains(" data-cell=\"2-1\">—</td>"))
        for id in ["chart-transitions", "chart-industries", "chart-regions", "chart-outcomes", "chart-national"] {
            let svg = try #require(Self.svg(id, in: stats), "missing \(id)")
            // role="img" unless the chart holds links (role="img" would hide them from screen readers).
            #expect((svg.contains("role=\"img\"") != svg.contains("<a href=")) && svg.contains("aria-label=\"") && svg.contains("<title>"), "\(id) needs a text alternative")
        }
        #expect(Self.svg("chart-transitions", in: stats)?.contains("段階1→段階2 2件") == true)
        #expect(stats.contains("N=6,620"))
        // Outcome changes: −75% and +30% land in their bins.
        #expect(stats.contains("<th scope=\"row\">−75%以下</th><td>1</td>"))
        #expect(stats.contains("<th scope=\"row\">+25〜+50%</th><td>1</td>"))
        #expect(stats.components(separatedBy: "<table").count - 1 == 5, "one table per chart")
        // Linked from the navigation and from home.
        #expect(try site.read("Output/site/index.html").contains("href=\"stats/index.html\""))
        #expect(stats.contains("<a href=\"../stats/index.html\" aria-current=\"page\">統計</a>"))
    }

    @Test func guidanceDiagramsHaveTextAlternativesAndLinkToStories() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let checks: [(page: String, id: String, link: String)] = [
            ("stages", "diagram-stages", "../../stages/2/index.html"),
            ("process", "diagram-process", "#phase-decision"),
            ("institutions", "diagram-institutions", "../../institutions/regional-bank/index.html"),
            ("skills", "diagram-skills", "#skills-literacy"),
        ]
        for check in checks {
            let html = try site.read("Output/site/guidance/\(check.page)/index.html")
            let svg = try #require(Self.svg(check.id, in: html), "missing \(check.id)")
            // Linked diagrams carry no role="img" (it would hide their links from screen readers).
            #expect(!svg.contains("role=\"img\"") && svg.contains("aria-label=\"") && svg.contains("<title>"))
            #expect(svg.contains("href=\"\(check.link)\""), "\(check.id) links \(check.link)")
        }
        let institutions = try site.read("Output/site/guidance/institutions/index.html")
        #expect(Self.svg("diagram-institutions", in: institutions)?.contains("地域の「主治医」") == true)
        #expect(try site.read("Output/site/guidance/stages/index.html").contains("到達事例 2件"))
    }

    @Test func socialCardsAndPrintStylesheet() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let story = try site.read("Output/site/cases/alpha/index.html")
        #expect(story.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(story.contains("<meta property=\"og:title\" content=\"受発注をクラウドへ | テストポータル\">"))
        #expect(story.contains("<meta property=\"og:url\" content=\"https://test.example.jp/cases/alpha/\">"))
        let css = try site.read("Output/site/assets/style.css")
        #expect(css.contains("@page { size: A4"))
        #expect(css.contains("content: \" (\" attr(href) \")\""))
    }

    /// Pagefind itself (the pipeline calls it after the render stage). scripts/setup installs it,
    /// so a missing Pagefind fails here rather than passing unchecked.
    @Test func pagefindIndexesTheRenderedSite() throws {
        try #require(PagefindIndexer.locate() != nil, "Pagefind is not installed: run scripts/setup (pip install 'pagefind-bin-extended>=1.5,<1.6')")
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let base = site.root.appendingPathComponent("Output")
        var files: [OutputFile] = []
        let enumerator = FileManager.default.enumerator(atPath: base.appendingPathComponent("site").path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            files.append(OutputFile(path: "site/" + relative, contents: try Data(contentsOf: base.appendingPathComponent("site/" + relative))))
        }
        let log = DiagnosticLog()
        let bundle = try #require(PagefindIndexer.index(files, log: log))
        #expect(log.all.isEmpty, "\(log.all)")
        let paths = Set(bundle.map(\.path))
        #expect(paths.contains("site/pagefind/pagefind.js"))
        #expect(paths.contains("site/pagefind/pagefind-entry.json"))
        let entry = try #require(bundle.first { $0.path == "site/pagefind/pagefind-entry.json" })
        #expect(String(decoding: entry.contents, as: UTF8.self).contains("\"ja\""))
        #expect(bundle.allSatisfy { $0.path.hasPrefix("site/pagefind/") })
    }

    static func svg(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"\(id)\""),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
