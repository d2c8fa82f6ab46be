@testable import Bansou
import Foundation
import Testing

/// The fallback search as a reader meets it: Templates/assets/search.js itself, run by node
/// (Fixtures/search-harness.js) on the index a build wrote. Words are ANDed, a query finds only
/// the pages holding it, and the script cuts a query into the tokens the Swift index was cut
/// into, for full-width and half-width input alike.
@Suite(.serialized)
struct SearchPrecisionTests {
    static let harness = FixtureSite.packageRoot.appendingPathComponent("Tests/BansouTests/Fixtures/search-harness.js").path

    /// Runs the harness; node is installed by scripts/setup (Debian's nodejs).
    static func node(_ arguments: [String], input: some Encodable) throws -> Data {
        let stdin = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-harness-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: stdin) }
        try JSONEncoder().encode(input).write(to: stdin)
        let run = try FixtureSite.exec("/bin/sh", ["-c", "exec node \"$@\" < \"$0\"", stdin.path, harness] + arguments)
        guard run.status == 0 else {
            throw FixtureError(message: "node \(arguments.first ?? "") failed (\(run.status)); scripts/setup installs nodejs:\n\(run.stderr)")
        }
        return Data(run.stdout.utf8)
    }

    // MARK: Precision

    static func site() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/alpha.md": FixtureSite.story(title: "事例アルファ", body: "定置網で獲れた魚を鰹節の原料にします。Indigo cloth."),
            "Content/cases/beta.md": FixtureSite.story(title: "事例ベータ", body: "鰹節と漆器を扱います。Sardine boxes."),
            "Content/cases/gamma.md": FixtureSite.story(title: "事例ガンマ", body: "漆器の工房です。Indigo dye and sardine."),
        ])
    }

    /// Each query and exactly the stories it must find (none of the words is in the shipped
    /// guidance or templates, so no other page may come back).
    static let queries: [(query: String, stories: Set<String>)] = [
        ("定置網", ["alpha"]),
        ("鰹節", ["alpha", "beta"]),
        ("漆器", ["beta", "gamma"]),
        ("定置網 漆器", []),            // AND: no story holds both (OR would give all three)
        ("鰹節 漆器", ["beta"]),
        ("鰹節　漆器", ["beta"]),       // an ideographic space between the words
        ("ＩＮＤＩＧＯ", ["alpha", "gamma"]),   // full-width capitals fold to the index's words
        ("indigo Sardine", ["gamma"]),
        ("鰐鮫", []),
    ]

    @Test func searchFindsExactlyThePagesHoldingEveryWord() throws {
        let site = try Self.site()
        #expect(try site.runInProcess("build").status == 0)
        let script = site.root.appendingPathComponent("Output/site/assets/search.js").path
        let index = site.root.appendingPathComponent("Output/site/search/index.js").path
        let answers = try JSONDecoder().decode([[[String]]].self,
                                               from: Self.node(["search", script, index], input: Self.queries.map(\.query)))
        try #require(answers.count == Self.queries.count)
        for (item, links) in zip(Self.queries, answers) {
            let found = links.map { $0[0] }
            #expect(found.count == Set(found).count, "\(item.query): a page came back twice: \(found)")
            #expect(Set(found) == Set(item.stories.map { "cases/\($0)/index.html" }), "\(item.query): \(found)")
        }
    }

    // MARK: The two tokenizers

    /// Full-width and half-width forms, kana voicing marks, compatibility characters, iteration
    /// marks, mixed scripts and characters outside the BMP.
    static let texts = [
        "受発注をクラウドへ Cloud ＤＸ a",
        "ＡＢＣ１２３ abc123 ａｂｃ",
        "ｶﾞｯｺｳ ﾃｽﾄ ﾊﾟﾝ ｰ ｳﾞｧｲｵﾘﾝ",
        "カ\u{3099}ッコウ か\u{3099}",           // combining voiced mark (NFKC composes it)
        "㈱山田精工 ㍿ ㌔ ①② Ⅻ ½ №",
        "ゝゞヽヾ々〆〇 時々 いすゞ",
        "東京都（とうきょうと）「引用」『二重』、。・",
        "𠮷野家 𩸽 ｷﾞｮｳｻﾞ",
        "İstanbul ß ﬁle Ｉ",
        "〜～−‐ー 5〜10名 DX-推進 e-mail",
        "Ａｐｐｌｅ　ｊｕｉｃｅ　１００％",
        "ＩＴパスポート　ＤＸ認定　ＲＰＡ導入",
        "x",
        "",
    ]

    @Test func swiftAndJavaScriptTokenizersAgree() throws {
        let script = FixtureSite.packageRoot.appendingPathComponent("Templates/assets/search.js").path
        let javascript = try JSONDecoder().decode([[String]].self, from: Self.node(["tokens", script], input: Self.texts))
        try #require(javascript.count == Self.texts.count)
        for (text, js) in zip(Self.texts, javascript) {
            let swift = Set(SearchTokenizer.tokens(text).map(\.string))
            #expect(swift == Set(js), "\(text): only Swift \(swift.subtracting(js).sorted()), only JavaScript \(Set(js).subtracting(swift).sorted())")
            #expect(js.count == Set(js).count, "\(text): search.js gave a token twice")
        }
    }
}
