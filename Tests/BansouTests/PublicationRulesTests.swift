import Foundation
import Testing

/// What the portal may show, where a plausible bug would publish too much: a client that never
/// answered the consent question, partners not marked public, and free pages (published, and
/// scanned like every other page). Built in process.
@Suite(.serialized)
struct PublicationRulesTests {
    /// Every published file's text, to say "nowhere in the portal".
    static func portalText(_ site: FixtureSite) throws -> String {
        try site.snapshot("Output/site").values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    // MARK: Consent

    /// Spec, Publishing 1: a named client's `consent.stories` must be true. A client file with no
    /// `consent` block has not agreed: the story is left out with the warning, exactly as for an
    /// explicit `stories: false`, and the advisor's sheet says なし.
    @Test func aClientWithoutAConsentBlockHasNotConsented() throws {
        let site = try FixtureSite(files: [
            "Content/clients/silent-co.yaml": "id: silent-co\nname: 株式会社無回答工業\nareas: { ordering: 1 }\n",
            "Content/cases/silent.md": FixtureSite.story(title: "回答のない事例", extra: "client: silent-co"),
            "Content/cases/open.md": FixtureSite.story(title: "公開できる事例"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.warningLines == ["Content/cases/silent.md:11:9: warning: case 'silent' is not published: no consent: client 'silent-co' has not agreed to publication (consent.stories)"],
                "\(run.stderr)")
        #expect(run.result?.unpublished.map(\.slug) == ["silent"])
        #expect(!site.exists("Output/site/cases/silent"))
        #expect(site.exists("Output/site/cases/open/index.html"))
        let portal = try Self.portalText(site)
        #expect(!portal.contains("回答のない事例") && !portal.contains("cases/silent/"))
        #expect(portal.contains("公開できる事例"))
        #expect(try site.read("Output/reports/silent-co/advisor.html").contains("事例掲載の同意</th><td>なし"))
    }

    // MARK: Partners

    static let partnerFiles = [
        "Content/partners/open-it.yaml": """
        id: open-it
        name: 公開ITサポート株式会社
        type: it-vendor
        region: chubu
        strengths: [ordering]
        description: 受発注の電子化を支援します。
        url: https://open-it.example.jp/
        public: true

        """,
        // Listed by the institution for its own planning: never on the portal.
        "Content/partners/quiet-it.yaml": """
        id: quiet-it
        name: 非公開システム合同会社
        type: it-vendor
        region: chubu
        strengths: [ordering]
        description: 内部向けの連携先です。
        url: https://quiet-it.example.jp/
        public: false

        """,
        // No `public` key at all: not public either.
        "Content/partners/unsaid-it.yaml": """
        id: unsaid-it
        name: 未設定ソリューションズ
        type: it-vendor
        region: chubu
        strengths: [ordering]
        description: 公開の可否が未設定です。
        url: https://unsaid-it.example.jp/

        """,
    ]

    @Test func onlyPublicPartnersAppearOnThePortal() throws {
        var files = Self.partnerFiles
        files["Content/clients/.gitkeep"] = ""
        files["Content/cases/with-partners.md"] = FixtureSite.story(extra: "partners: [open-it, quiet-it, unsaid-it]")
        let site = try FixtureSite(files: files)
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let list = try site.read("Output/site/partners/index.html")
        #expect(list.contains("公開ITサポート株式会社"))
        let story = try site.read("Output/site/cases/with-partners/index.html")
        #expect(story.contains("公開ITサポート株式会社"))
        let portal = try Self.portalText(site)
        for hidden in ["非公開システム合同会社", "quiet-it", "未設定ソリューションズ", "unsaid-it"] {
            #expect(!portal.contains(hidden), "\(hidden) is on the portal")
        }
    }

    // MARK: Free pages

    static let aboutPage = """
    ---
    title: 運営者について
    description: このポータルの運営者です。
    menu: 1
    ---
    ## 運営者

    テスト銀行が運営しています。

    """

    @Test func freePagesArePublishedLinkedAndIndexed() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/x.md": FixtureSite.story(),
            "Content/pages/about.md": Self.aboutPage,
            "Content/pages/later.md": "---\ntitle: 準備中のページ\ndraft: true\n---\n準備中です。\n",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/about/index.html")
        #expect(page.contains("<h2 id=\"運営者\">運営者</h2>") || page.contains("<h2>運営者</h2>"), "\(page)")
        #expect(page.contains("<p>テスト銀行が運営しています。</p>"))
        #expect(page.contains("<title>運営者について | テストポータル</title>"))
        // menu: 1 puts it in every page's navigation.
        #expect(try site.read("Output/site/index.html").contains("href=\"about/index.html\""))
        #expect(try site.read("Output/site/sitemap.xml").contains("<loc>https://test.example.jp/about/</loc>"))
        #expect(try site.read("Output/site/search/index.js").contains("\"u\":\"about/index.html\""))
        // A draft page is not published anywhere.
        #expect(!site.exists("Output/site/later"))
        #expect(try !Self.portalText(site).contains("準備中"))
    }

    /// A client's name written into a free page fails the build at the page's own line and column.
    @Test func aClientNameOnAFreePageFailsTheBuildAtItsPosition() throws {
        let site = try FixtureSite(files: [
            "Content/clients/yamada-seiko.yaml": LeakFixture.yamadaYAML,
            "Content/cases/x.md": FixtureSite.story(),
            "Content/pages/about.md": Self.aboutPage.replacingOccurrences(of: "テスト銀行が運営しています。", with: "協力：山田精工さま"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines == ["Content/pages/about.md:8:4: error: 会社名 of client yamada-seiko in published text (山田**)"], "\(run.stderr)")
        #expect(!site.exists("Output"))
    }
}
