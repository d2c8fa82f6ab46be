@testable import Bansou
import Foundation
import Testing

/// The publishing gate end to end: fixture sites with one client, built in process (the summary lines through the real binary).
@Suite(.serialized)
struct PublishingGateTests {
    /// The leak scanner's fixture client, with what the portal needs to publish about it.
    static let client = LeakFixture.yamadaYAML + """

        prefecture: 愛知県
        employees: 42
        consent: { stories: true, date: 2026-09-30 }
        areas: { ordering: 1, inventory: 2 }

        """

    static let site = FixtureSite.siteYAML + "allow: [dx@test.example.jp, 0120-000-000]\n"

    func fixture(body: String, extra: String = "") throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/site.yaml": Self.site,
            "Content/clients/yamada-seiko.yaml": Self.client,
            "Content/cases/leak.md": FixtureSite.story(extra: extra, body: body),
        ])
    }

    /// Each variant of a secret, the category it must be reported as, and the column in the
    /// story's body line (line 13) where the source holds it.
    @Test(arguments: [
        ("株式会社山田精工", "会社名", 5),
        ("Ｙａｍａｄａ　Ｓｅｉｋｏ", "識別語", 5),
        ("山田 精工", "会社名", 5),
        ("山田精工", "会社名", 5),
        ("㈱山田精工", "会社名", 6),
        ("ヤマダセイコウ", "会社名（カナ）", 5),
        ("山田太郎", "代表者名", 5),
        ("０５６５―１２―３４５６", "電話番号", 5),
        ("[連絡](mailto:info@yamada-seiko.example.jp)", "メールアドレス", 17),
        ("https://yamada-seiko.example.jp/about", "ウェブサイト", 13),
        ("7123456789012", "法人番号", 5),
        ("7-1234-5678-9012", "法人番号", 5),
        ("![山田精工の工場](factory.png)", "会社名", 7),
        ("山田**精工**", "会社名", 5),
        ("愛知県豊田市元町1-2-3", "住所", 5),
    ])
    func catchesEveryVariantAtItsSourcePosition(variant: String, label: String, column: Int) throws {
        let site = try fixture(body: "紹介: \(variant)")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(variant) was not caught")
        let prefix = "Content/cases/leak.md:13:\(column): error: \(label) of client yamada-seiko in published text ("
        #expect(run.errorLines.contains { $0.hasPrefix(prefix) }, "expected \(prefix)…, got:\n\(run.stderr)")
        #expect(!site.exists("Output"), "a failed build writes nothing")
    }

    @Test func secretsAreMaskedInTheMessage() throws {
        let run = try fixture(body: "紹介: 株式会社山田精工と0565-12-3456").runInProcess("build")
        #expect(run.status == 1)
        #expect(!run.stderr.contains("山田精工"))
        #expect(!run.stderr.contains("3456"))
    }

    @Test(arguments: [
        ("090-1234-5678", "電話番号", 5),
        ("someone@other.example.jp", "メールアドレス", 5),
        ("〒471-0000 の事務所", "郵便番号", 6),   // the code itself, after the 〒 mark
    ])
    func catchesGenericPersonalData(text: String, label: String, column: Int) throws {
        let run = try fixture(body: "連絡先 \(text)").runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:\(column): error: \(label) in published text (") }, "\(run.stderr)")
    }

    @Test(arguments: [
        "お問い合わせは dx@test.example.jp または 0120-000-000 へ。",   // the allowed publisher contact
        "受付番号 1234567890124 を控えてください。",                    // 13 digits, wrong check digit
        "山の上の工場で、田んぼの精米機を直しました。",                   // shares characters with the name only
        "2026-11-25 に 42% 改善、1,200 件を処理。",                      // dates, percentages, counts
    ])
    func controlsPass(body: String) throws {
        let run = try fixture(body: body).runInProcess("build")
        #expect(run.status == 0, "false positive on: \(body)\n\(run.stderr)")
        #expect(run.errorLines.isEmpty)
    }

    @Test func hitInATemplateIsReportedInTheTemplate() throws {
        let site = try fixture(body: "本文")
        let layout = try site.read("Templates/layout.mustache")
        try site.write("Templates/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\"><p>山田精工</p>"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/layout.mustache:") && $0.contains("error: 会社名 of client yamada-seiko") }, "\(run.stderr)")
    }

    @Test func failedLeakBuildLeavesOutputByteIdentical() throws {
        let site = try fixture(body: "安全な本文")
        #expect(try site.runInProcess("build").status == 0)
        let before = try site.snapshot()
        try site.write("Content/cases/leak.md", FixtureSite.story(body: "代表の山田太郎さん"))
        #expect(try site.runInProcess("build").status == 1)
        #expect(try site.snapshot() == before)
    }

    @Test func anonymizeAutoReplacesTheNamedClientsTerms() throws {
        let site = try fixture(body: "株式会社山田精工の山田 太郎社長は、電話0565-12-3456の受付をやめました。",
                               extra: "client: yamada-seiko\nanonymize: auto")
        let run = try site.run("build", "--verbose")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/cases/leak/index.html")
        #expect(page.contains("製造業A社の代表者社長は、電話非公開の受付をやめました。"))
        #expect(run.stdout.contains("Content/cases/leak.md:14:1: anonymized 会社名"))
        #expect(run.stdout.contains("3 anonymized"))
    }

    @Test func storyWithoutConsentIsLeftOutWithAWarning() throws {
        let site = try FixtureSite(files: [
            "Content/site.yaml": Self.site,
            "Content/clients/yamada-seiko.yaml": Self.client.replacingOccurrences(of: "stories: true", with: "stories: false"),
            "Content/cases/named.md": FixtureSite.story(extra: "client: yamada-seiko"),
        ])
        let run = try site.run("build")
        #expect(run.status == 0)
        #expect(run.warningLines.contains { $0.hasPrefix("Content/cases/named.md:11:9: warning: case 'named' is not published: no consent") }, "\(run.stderr)")
        #expect(!site.exists("Output/site/cases/named/index.html"))
        let check = try site.run("check")
        #expect(check.stdout.contains("unpublished: named (no consent"))
    }

    @Test func exactHeadCountAndCityGetQuasiIdentifierWarnings() throws {
        let run = try fixture(body: "従業員42名の工場です。豊田市にあります。", extra: "client: yamada-seiko").runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.warningLines.count == 2, "\(run.stderr)")
        #expect(run.warningLines.contains { $0.hasPrefix("Content/cases/leak.md:13:4: warning: the client's exact head count (42)") && $0.contains("21〜50名") }, "\(run.stderr)")
        #expect(run.warningLines.contains { $0.hasPrefix("Content/cases/leak.md:13:13: warning: the client's city") && $0.contains("中部地方") }, "\(run.stderr)")
    }

    @Test func checkLeaksReportsWhatWasChecked() throws {
        let run = try fixture(body: "安全な本文").run("check", "--leaks")
        #expect(run.status == 0)
        #expect(run.stdout.contains("checked against 1 clients"))
        #expect(run.stdout.contains(": 0 hits"))
    }
}
