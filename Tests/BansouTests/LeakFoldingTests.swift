@testable import Bansou
import Foundation
import Testing

/// Spellings a reader still takes for the company (issue 9): decoded (percent-encoding,
/// CSS and JavaScript escapes), ruby and bracketed readings, the skeleton (punctuation,
/// kana, long vowels, 異体字, confusables), numbers in any script, spelled-out `@`.
enum FoldingFixture {
    /// The bundled sample's clients, read from Content/clients as the build reads them.
    static func sampleClients() throws -> [Client] {
        let folder = FixtureSite.packageRoot.appendingPathComponent("Content/clients")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".yaml") }.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return try LeakFixture.client(text, path: "Content/clients/\(name)")
        }
    }

    static let sampleScanner: LeakScanner? = try? LeakScanner(clients: sampleClients(), allow: ["dx@example.jp", "0120-000-000"])

    static func sample() throws -> LeakScanner { try #require(sampleScanner) }
}

/// One scan on the leak fixture (yamada-seiko: 株式会社山田精工, ヤマダセイコウ, 0565-12-3456,
/// info@yamada-seiko.example.jp, 7123456789012, identifier "Yamada Seiko"; sato-shoten).
private func hits(_ input: String, _ format: ScanFormat = .markup, scanner: LeakScanner? = nil) throws -> [LeakHit] {
    try (scanner ?? LeakFixture.scanner()).scan(input, format: format)
}

private func summary(_ hits: [LeakHit]) -> [String] {
    hits.map { hit in
        // A host label (yamada-seiko) is a website term too: one spelling, either category.
        let category = hit.category == .website && hit.term?.normalized.contains(".") == false ? "identifier" : hit.category.rawValue
        return "\(category):\(hit.clientID ?? "-")"
    }
}

@Suite struct LeakFoldingTests {
    /// A long vowel the skeleton drops after the match is part of it, so `anonymize: auto`
    /// replaces the whole spelling (it left 「製造業A社ー」 behind).
    @Test(arguments: [("ヤマダ・セイコー製の部品", "ヤマダ・セイコー"), ("やまだせいこうさんの部品", "やまだせいこう"),
                      ("ヤマダセイコ、イーサン", "ヤマダセイコ")])
    func aDroppedLongVowelEndsTheMatch(_ input: String, _ matched: String) throws {
        let found = try hits(input)
        #expect(found.map(\.matched) == [matched], "\(found)")
    }

    // MARK: 1. Percent-encoding

    @Test(arguments: [
        // cmark-gfm's rendering of [記事](https://news.example.jp/山田精工-受注改革)
        (#"<a href="https://news.example.jp/%E5%B1%B1%E7%94%B0%E7%B2%BE%E5%B7%A5-%E5%8F%97%E6%B3%A8%E6%94%B9%E9%9D%A9">記事</a>"#, "name:yamada-seiko"),
        // ![写真](山田精工.png)
        (#"<img src="%E5%B1%B1%E7%94%B0%E7%B2%BE%E5%B7%A5.png" alt="写真" />"#, "name:yamada-seiko"),
        (#"<a href="mailto:%69%6E%66%6F%40yamada-seiko.example.jp">連絡</a>"#, "email:yamada-seiko"),
        (#"<a href="tel:%30%35%36%35%2D%31%32%2D%33%34%35%36">電話</a>"#, "phone:yamada-seiko"),
        (#"<a href="tel:%30%39%30%31%31%31%31%32%32%32%32">電話</a>"#, "phone:-"),
        (#"<a href="/search?q=%E3%83%A4%E3%83%9E%E3%83%80%E3%82%BB%E3%82%A4%E3%82%B3%E3%82%A6">検索</a>"#, "kana:yamada-seiko"),
    ])
    func percentEncodedTargetsAreDecoded(_ input: String, _ expected: String) throws {
        let found = try hits(input)
        #expect(summary(found) == [expected], "\(found)")
        // The hit points at the encoded text in the page.
        let hit = try #require(found.first)
        #expect(hit.matched == String(decoding: Array(input.utf8)[hit.range], as: UTF8.self))
        #expect(hit.matched.contains("%"))
    }

    @Test(arguments: ["50%OFF、100%達成", "%E5%B1", "%C0%80%C1%BF", "%ED%A0%80", "%%30", "進捗率%E3"])
    func strayPercentSignsStayText(_ input: String) throws {
        #expect(try hits("<p>\(input)</p>").isEmpty)
        #expect(TextNormalizer.normalize(input, format: .plain).string.contains("%"))
    }

    @Test func percentDecodingKeepsTheMap() {
        let text = TextNormalizer.normalize("a%E5%B1%B1b", format: .plain)
        #expect(text.string == "a山b")
        #expect(text.sourceRange(of: 1..<4) == 1..<10)
        #expect(TextNormalizer.normalize("a%E5%B1%B1b").contains("%"), "literal terms are not decoded")
    }

    // MARK: 2. CSS and JavaScript escapes

    @Test(arguments: [
        (#"<style>.x::after { content: "\5C71\7530\7CBE\5DE5"; }</style>"#, ScanFormat.markup),
        (#".x::after { content: "\5C71 \7530 \7CBE \5DE5"; }"#, ScanFormat.plain),
        (#".x::after { content: "\005C71\7530\7CBE\5DE5"; }"#, ScanFormat.plain), // at most 6 digits
        (#"<p style="--n: '\5c71\7530\7cbe\5de5'">x</p>"#, ScanFormat.markup),
        (#"<script>document.title = "\u{5C71}\u{7530}\u7CBE\u5DE5";</script>"#, ScanFormat.markup),
    ])
    func cssAndScriptEscapesAreDecoded(_ input: String, _ format: ScanFormat) throws {
        #expect(summary(try hits(input, format)) == ["name:yamada-seiko"])
    }

    @Test func cssEscapeDigitsAndLetters() throws {
        // \30 is 0 (one trailing space belongs to the escape), \59 is Y.
        #expect(summary(try hits(#"a::after { content: "\30 565-12-3456" }"#, .plain)) == ["phone:yamada-seiko"])
        #expect(summary(try hits(#"a::after { content: "\59 amada Seiko" }"#, .plain)) == ["identifier:yamada-seiko"])
        // A backslash in an attribute still ends it: the name after it is text.
        #expect(summary(try hits(#"<a title="C:\">山田<b>精工</b></a>"#)) == ["name:yamada-seiko"])
    }

    // MARK: 3. Ruby and bracketed readings

    @Test(arguments: [
        "<p><ruby>山田<rp>（</rp><rt>やまだ</rt><rp>）</rp></ruby>精工</p>",
        "<p><ruby>山田<rt>やまだ</rt></ruby><ruby>精工<rt>せいこう</rt></ruby></p>",
        "<p><ruby>山<rt>やま</rt>田<rt>だ</rt></ruby>精工</p>",
        "<p>山田（やまだ）精工</p>",
        "<p>山田(ヤマダ)精工の事例</p>",
        "<p>山田（やまだ）精（せい）工（こう）</p>",
        "<description>&lt;ruby&gt;山田&lt;rt&gt;やまだ&lt;/rt&gt;&lt;/ruby&gt;精工</description>",
        // An unclosed <rt> hides nothing: what follows it is still text.
        "<p><rt>山田<b>精工</b></p>",
    ])
    func readingsDoNotSplitTheName(_ input: String) throws {
        #expect(summary(try hits(input)) == ["name:yamada-seiko"])
    }

    @Test func readingsAreMatchedOnTheirOwn() throws {
        #expect(summary(try hits("<p><ruby>山田精工<rt>やまだせいこう</rt></ruby></p>")) == ["name:yamada-seiko", "kana:yamada-seiko"])
        #expect(summary(try hits("<p>山田精工（やまだせいこう）は</p>")) == ["name:yamada-seiko", "kana:yamada-seiko"])
        #expect(TextNormalizer.skeleton("精工（せいこう）社") == "精エ社\nセコ", "工 folds to エ and still opens a reading")
        // The kana hit points at the reading itself, its dropped long vowel included.
        let kana = try #require(try hits("<p>山田精工（ヤマダセイコー）</p>").last)
        #expect(kana.category == .kana && kana.matched == "ヤマダセイコー")
    }

    @Test func bracketsThatAreNoReadingStay() throws {
        // Kanji in the brackets: not a reading, so it still separates 山田 from 精工.
        #expect(try hits("<p>山田（東京）精工</p>").isEmpty)
        #expect(TextNormalizer.skeleton("山田（東京）精工") == "山田東京精エ")
    }

    // MARK: 4. The skeleton

    @Test(arguments: [
        ("ヤマダセイコウ", "ヤマダセコ"), ("ヤマダセイコー", "ヤマダセコ"), ("やまだせいこう", "ヤマダセコ"),
        ("ヤマダ・セイコウ", "ヤマダセコ"), ("ﾔﾏﾀﾞ･ｾｲｺｰ", "ヤマダセコ"), ("ヤマダセイコ一", "ヤマダセコ"),
        ("ヤマダ-セイコ-", "ヤマダセコ"), ("カネダショウテン", "カネダシヨテン"), ("かねだしょおてん", "カネダシヨテン"),
        ("Yamada-Seiko", "yamadaseiko"), ("yamada_seiko", "yamadaseiko"), ("YAMADA.SEIKO", "yamadaseiko"),
        ("髙原建設", "高原建設"), ("櫻井はな", "桜井ハナ"), ("山﨑", "山崎"), ("渡邉", "渡辺"), ("齋藤", "斉藤"), ("𠮷田", "吉田"),
        ("山田精工", "山田精エ"), ("山田精エ", "山田精エ"), ("浜口", "浜ロ"), ("Yаmаda", "yamada"), ("ΥΑΜΑΔΑ", "yamaδa"),
        ("見本町1-2-3", "見本町1-2-3"), ("見本町l-2-3", "見本町1-2-3"), ("見本町１ー２ー３", "見本町1-2-3"), ("見本町12-3", "見本町12-3"),
        ("info [at] example (dot) jp", "infoexamplejp"), ("hello oil", "hellooil"), ("岬、運送。高原，建設", "岬、運送。高原,建設"),
    ])
    func skeleton(_ input: String, _ expected: String) {
        #expect(TextNormalizer.skeleton(input) == expected)
    }

    @Test(arguments: [
        ("<p>ヤマダセイコーの事例</p>", "kana:yamada-seiko"),
        ("<p>ヤマダ・セイコウ</p>", "kana:yamada-seiko"),
        ("<p>ﾔﾏﾀﾞ･ｾｲｺｰ</p>", "kana:yamada-seiko"),
        ("<p>やまだ・せいこー</p>", "kana:yamada-seiko"),
        ("<p>山田精エの取り組み</p>", "name:yamada-seiko"),
        ("<p>山田・精工</p>", "name:yamada-seiko"),
        ("<p>株式会社　山田／精工</p>", "name:yamada-seiko"),
        ("<p>Yamada-Seiko</p>", "identifier:yamada-seiko"),
        ("<p>yamada_seiko</p>", "identifier:yamada-seiko"),
        ("<p>Yаmada Seiko</p>", "identifier:yamada-seiko"), // Cyrillic а
        ("<p>info＠yamada‐seiko．example．jp</p>", "email:yamada-seiko"),
        ("<p>サトウ・ショーテン</p>", "kana:sato-shoten"),
    ])
    func foldedSpellingsHit(_ input: String, _ expected: String) throws {
        #expect(summary(try hits(input)) == [expected])
    }

    @Test(arguments: [
        ("<p>髙原建設の現場</p>", "name:takahara-kensetsu"),
        ("<p>代表の櫻井はなさん</p>", "representative:sakura-ryokan"),
        ("<p>濱口三郎</p>", "representative:misaki-unso"),
        ("<p>浜ロ三郎</p>", "representative:misaki-unso"),
        ("<p>タカハラ・ケンセツ</p>", "kana:takahara-kensetsu"),
        ("<p>ミサキウンソー</p>", "kana:misaki-unso"),
        ("<p>ひかりかいごさーびす</p>", "kana:hikari-kaigo"),
    ])
    func variantsAndConfusablesHitSampleClients(_ input: String, _ expected: String) throws {
        #expect(summary(try hits(input, scanner: FoldingFixture.sample())) == [expected])
    }

    /// Near misses a folded match must not take for a client (sample clients).
    @Test(arguments: [
        "<p>高原野菜の産地、八ヶ岳の高原で。</p>", "<p>桜の季節に、さくらの開花を待つ。</p>", "<p>セイコーの腕時計とヤマダ電機</p>",
        "<p>浜口さんと山田さん、日向ぼっこ。</p>", "<p>ひまわり畑とあおぞら教室、ひかり回線。</p>", "<p>岬の灯台、金田一耕助の映画</p>",
        "<p>ヤマダ・コンサルティングのような他社</p>", "<p>第一工場、一二三、四五六。</p>", "<p>Aozora Farmhouse、Sakura Ryokanzan</p>",
        "<p>oil 10 or 11, hello 2026, I/O 1234</p>", "<p>岬、運送・物流、高原、建設・土木の三業種</p>", "<p>高原，建設</p>",
    ])
    func nearMissesDoNotHit(_ input: String) throws {
        #expect(try hits(input, scanner: FoldingFixture.sample()).isEmpty)
    }

    @Test func leadingVowelOfATermFoldsAfterAnyKana() throws {
        // セ + イ would fold イ away; the term イサム is indexed in that form too.
        let yaml = "id: isamu\nname: 株式会社イサム工業\nkana: イサムコウギョウ\nindustry: manufacturing\n"
        let scanner = LeakScanner(clients: [try LeakFixture.client(yaml, path: "Content/clients/isamu.yaml")])
        #expect(summary(scanner.scan("<p>ケイサムコウギョウ</p>")) == ["kana:isamu"])
        #expect(summary(scanner.scan("<p>イサムコーギョー</p>")) == ["kana:isamu"])
    }

    @Test func theShippedTableParsesAndFolds() throws {
        let url = try #require(Bundle.module.url(forResource: "variants", withExtension: "tsv", subdirectory: nil)
            ?? FixtureSite.packageRoot.appendingPathComponent("Sources/Bansou/Publishing/Folding/variants.tsv"))
        let rules = try FoldTable.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(rules.count > 60)
        let table = FoldTable.shared
        for (variant, common) in rules {
            #expect(table.fold(variant) == table.fold(common), "U+\(String(variant, radix: 16))")
        }
    }

    @Test(arguments: [
        ("髙 高", 1, "expected VARIANTS<TAB>COMMON"),
        ("髙\t高\n# c\n髙\t広", 3, "already has a rule on line 1"),
        ("髙\t高い", 1, "exactly one character"),
        ("高\t高", 1, "its own common form"),
        ("髙\t高\n高\t広", 2, "no chains"),
    ])
    func malformedTablesAreRefusedWithTheirLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try FoldTable.parse(text)
            Issue.record("parsed: \(text)")
        } catch let error as FoldTable.ParseError {
            #expect(error.line == line && error.message.contains(message), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    // MARK: 5. Numbers in any script

    @Test(arguments: [
        ("<p>〇五六五ー一二ー三四五六</p>", "phone:yamada-seiko"),
        ("<p>電話 〇五六五-一二-三四五六</p>", "phone:yamada-seiko"),
        ("<p>O565-l2-3456</p>", "phone:yamada-seiko"),
        ("<p>٠٥٦٥-١٢-٣٤٥٦</p>", "phone:yamada-seiko"),
        ("<p>०५६५१२३४५६</p>", "phone:yamada-seiko"),
        ("<p>法人番号 七一二三四五六七八九〇一二</p>", "corporate-number:yamada-seiko"),
        ("<p>O12O-OOO-OO1</p>", "phone:-"),
        ("<p>〇八〇-一二三四-五六七八</p>", "phone:-"),
        ("<p>携帯 零九〇 九八七六 五四三二</p>", "phone:sato-shoten"),
        ("<p>〒四七一-〇〇〇一 豊田市</p>", "postal-code:-"),
        ("<p>八二〇一四〇一〇〇〇一二三</p>", "corporate-number:-"),
    ])
    func numbersInAnyScript(_ input: String, _ expected: String) throws {
        #expect(summary(try hits(input)) == [expected])
    }

    @Test(arguments: [
        "<p>一二三</p>", "<p>一二三四五六七八九</p>", "<p>第一二三四号、二〇二六年十一月二十五日</p>",
        "<p>oil 10 or 11 lol 2026</p>", "<p>model O-ring 12, hello 0120</p>", "<p>10lbs-1234-5678</p>",
        "<p>I-10-2026 / ISO 9001 / Ollie 1</p>",
        // A model number beside a number in the next cell (the synthetic stories' one false positive).
        "<table><tr><td>型番O2268-46</td><td>123</td></tr></table>",
    ])
    func proseWithNumeralsIsNoNumber(_ input: String) throws {
        #expect(try hits(input).isEmpty)
    }

    @Test func numbersAreMaskedInAnyScript() throws {
        let hit = try #require(try hits("<p>O12O-OOO-OO1</p>").first)
        #expect(hit.masked == "o12*-***-***")
        #expect(Mask.mask("〇五二-一二三-四五六七", as: .phone) == "〇五二-***-****")
        #expect(TextNormalizer.normalizeNumber("〇五六五ー一二ー三四五六") == "0565123456")
        #expect(TextNormalizer.normalizeNumber("%30%35%36%35") == "0565")
    }

    // MARK: 6. E-mail spellings

    @Test(arguments: [
        ("<p>info [at] yamada-seiko.example.jp</p>", "email:yamada-seiko"),
        ("<p>info(at)yamada-seiko(dot)example(dot)jp</p>", "email:yamada-seiko"),
        ("<p>info ［ａｔ］ yamada-seiko ［ｄｏｔ］ example ［ｄｏｔ］ jp</p>", "email:yamada-seiko"),
        ("<p>info＠yamada-seiko.example.jp</p>", "email:yamada-seiko"),
        ("<p>taro [at] mail.example.com</p>", "email:-"),
        ("<p>taro(at)mail(dot)example(dot)com</p>", "email:-"),
        ("<p>taro {at} mail {dot} example {dot} com</p>", "email:-"),
        ("<p>taro ＠ mail.example.com</p>", "email:-"),
        ("<p><b>taro</b>@mail.example.com</p>", "email:-"),
    ])
    func spelledOutAtSigns(_ input: String, _ expected: String) throws {
        #expect(summary(try hits(input)) == [expected])
    }

    @Test(arguments: [
        "<p>meet (at) noon</p>", "<p>logo [at] 2x.png</p>", "<p>(at) example</p>", "<p>見本 [at] 東京.jp</p>",
        "<p>dx [at] example [dot] jp</p>", // the allowed publisher address, spelled out
    ])
    func spelledOutAtSignControls(_ input: String) throws {
        #expect(try hits(input).isEmpty)
    }
}

// MARK: - End to end

/// A fixture site built in process: a folded spelling in a story fails the build at
/// the story's line and column (the story body is line 13).
@Suite(.serialized)
struct LeakFoldingEndToEndTests {
    func build(body: String, unsafeHTML: Bool = false) throws -> (FixtureSite, FixtureSite.Run) {
        let site = try FixtureSite(files: [
            "Content/site.yaml": PublishingGateTests.site + (unsafeHTML ? "unsafe_html: true\n" : ""),
            "Content/clients/yamada-seiko.yaml": PublishingGateTests.client,
            "Content/cases/leak.md": FixtureSite.story(body: body),
        ])
        return (site, try site.runInProcess("build"))
    }

    @Test(arguments: [
        ("紹介: ヤマダ・セイコー", "会社名（カナ）", "ヤマダ"),
        ("紹介: 山田（やまだ）精エ", "会社名", "山田"),
        ("紹介: [記事](https://news.example.jp/山田精工-受注改革)", "会社名", "山田"),
        ("紹介: ![写真](山田精工.png)", "会社名", "山田"),
        ("紹介: [電話](tel:%30%35%36%35%2D%31%32%2D%33%34%35%36)", "電話番号", "%30"),
        ("紹介: 〇五六五ー一二ー三四五六", "電話番号", "〇"),
        ("紹介: info [at] yamada-seiko [dot] example [dot] jp", "メールアドレス", "info"),
    ])
    func foldedSpellingFailsTheBuildAtTheStory(body: String, label: String, at marker: String) throws {
        let (site, run) = try build(body: body)
        #expect(run.status == 1, "\(body) was published:\n\(run.stderr)")
        let column = try #require(body.range(of: marker)).lowerBound.utf16Offset(in: body) + 1
        let prefix = "Content/cases/leak.md:13:\(column): error: \(label) of client yamada-seiko in published text ("
        #expect(run.errorLines.contains { $0.hasPrefix(prefix) }, "expected \(prefix)…, got:\n\(run.stderr)")
        #expect(!site.exists("Output/site"), "a failed build publishes nothing")
    }

    @Test func rubyInAStoryFailsTheBuild() throws {
        let (_, run) = try build(body: "紹介: <ruby>山田<rp>(</rp><rt>やまだ</rt><rp>)</rp></ruby>精工", unsafeHTML: true)
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:11: error: 会社名 of client yamada-seiko") }, "\(run.stderr)")
    }
}
