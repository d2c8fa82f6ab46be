import Testing
@testable import Bansou

// MARK: - Fixtures

/// Two clients decoded through the real loader, so term locations are real
/// positions in their YAML, and a scanner with the publisher's allow-list.
enum LeakFixture {
    struct DecodeFailed: Error, CustomStringConvertible { var description: String }

    static func client(_ yaml: String, path: String) throws -> Client {
        let (value, diagnostics) = YAMLDocument.decode(Client.self, yaml: yaml, path: path)
        guard var value else { throw DecodeFailed(description: diagnostics.map { "\($0)" }.joined(separator: "\n")) }
        value.path = path
        return value
    }

    /// The spec's example client, with a corporate number whose check digit is valid
    /// (7123456789012: base 123456789012, Σ = 74, 9 − 74 mod 9 = 7).
    static let yamadaYAML = """
        id: yamada-seiko
        name: 株式会社山田精工
        kana: ヤマダセイコウ
        representative: 山田 太郎
        address: 愛知県豊田市元町1-2-3
        phone: 0565-12-3456
        email: info@yamada-seiko.example.jp
        website: https://yamada-seiko.example.jp
        corporate_number: "7123456789012"
        identifiers: [山田精工所, Yamada Seiko, X]
        industry: manufacturing
        """

    static let satoYAML = """
        id: sato-shoten
        name: 有限会社佐藤商店
        kana: サトウショウテン
        phone: 090-9876-5432
        """

    static let allow = ["dx@example.jp", "0120-000-000", "東海みらい銀行"]

    static func clients() throws -> [Client] {
        [try client(yamadaYAML, path: "Content/clients/yamada-seiko.yaml"),
         try client(satoYAML, path: "Content/clients/sato-shoten.yaml")]
    }

    static func scanner() throws -> LeakScanner {
        LeakScanner(clients: try clients(), allow: allow)
    }
}

/// One scan: the input and what must be found (nothing, for a control).
struct LeakCase: Sendable, CustomTestStringConvertible {
    var label: String
    var input: String
    var format: ScanFormat = .markup
    /// Expected hits as (category, client id or nil for generic data).
    var expected: [Expect] = []

    struct Expect: Sendable, Equatable, CustomStringConvertible {
        var category: LeakCategory
        var client: String?
        var description: String { "\(category.rawValue) of \(client ?? "-")" }
    }

    static func hit(_ label: String, _ input: String, _ category: LeakCategory, _ client: String? = "yamada-seiko",
                    format: ScanFormat = .markup) -> LeakCase {
        LeakCase(label: label, input: input, format: format, expected: [Expect(category: category, client: client)])
    }

    static func hits(_ label: String, _ input: String, _ expected: [(LeakCategory, String?)]) -> LeakCase {
        LeakCase(label: label, input: input, expected: expected.map { Expect(category: $0.0, client: $0.1) })
    }

    static func control(_ label: String, _ input: String, format: ScanFormat = .markup) -> LeakCase {
        LeakCase(label: label, input: input, format: format)
    }

    var testDescription: String { label }
}

// MARK: - The scan

@Suite struct LeakScannerTests {
    static let hitCases: [LeakCase] = [
        .hit("full name", "<p>株式会社山田精工の事例です。</p>", .name),
        .hit("full-width identifier", "<p>ＹＡＭＡＤＡ　ＳＥＩＫＯの挑戦</p>", .identifier),
        .hit("name with a space inside", "<p>山田 精工では</p>", .name),
        .hit("name with an ideographic space inside", "<p>山田　精工では</p>", .name),
        .hit("name without 株式会社", "<p>山田精工では受発注をFAXで</p>", .name),
        .hit("name after 株式会社 with a line break", "<p>株式会社\n山田精工</p>", .name),
        .hit("㈱ form", "<p>㈱山田精工</p>", .name),
        .hit("（株） form", "<p>山田精工（株）</p>", .name),
        .hit("identifier containing the name", "<p>旧称は山田精工所</p>", .identifier),
        .hit("kana", "<p>ヤマダセイコウ</p>", .kana),
        .hit("kana in hiragana", "<p>やまだせいこう</p>", .kana),
        .hit("kana in half-width katakana", "<p>ﾔﾏﾀﾞｾｲｺｳ</p>", .kana),
        .hit("representative", "<p>代表の山田太郎氏は</p>", .representative),
        .hit("address with full-width digits and minus signs", "<p>愛知県豊田市元町１−２−３</p>", .address),
        .hit("phone", "<p>TEL 0565-12-3456</p>", .phone),
        .hit("phone with full-width digits and long dashes", "<p>電話：０５６５―１２―３４５６</p>", .phone),
        .hit("phone with katakana long vowel marks", "<p>0565ー12ー3456</p>", .phone),
        .hit("phone without hyphens", "<p>0565123456</p>", .phone),
        .hit("e-mail in a mailto link", #"<a href="mailto:info@yamada-seiko.example.jp">お問い合わせ</a>"#, .email),
        .hits("website host in an autolink",
              #"<a href="https://yamada-seiko.example.jp">https://yamada-seiko.example.jp</a>"#,
              [(.website, "yamada-seiko"), (.website, "yamada-seiko")]),
        .hit("corporate number", "<p>法人番号 7123456789012</p>", .corporateNumber),
        .hit("corporate number with hyphens", "<p>法人番号 7-1234-5678-9012</p>", .corporateNumber),
        .hit("name in an image's alt text", #"<p><img src="/img/a.png" alt="山田精工の工場"></p>"#, .name),
        .hit("name in a title attribute", #"<a href="/x/" title="山田 精工">x</a>"#, .name),
        .hit("name split by inline markup", "<p>山田<strong>精工</strong>の取り組み</p>", .name),
        .hit("name split by a zero-width space", "<p>山田\u{200B}精工</p>", .name),
        .hit("name in numeric character references", "<p>&#x5C71;&#x7530;&#31934;&#24037;</p>", .name),
        .hit("name in JSON escapes", #"{"title":"\u5c71\u7530\u7cbe\u5de5"}"#, .name),
        .hit("name in a comment", "<!-- 下書き: 山田精工 -->", .name),
        .hit("name in escaped markup of a feed",
             "<description>&lt;p&gt;山田&lt;strong&gt;精工&lt;/strong&gt;&lt;/p&gt;</description>", .name),
        .hit("name in CDATA", "<description><![CDATA[<p>山田<em>精工</em></p>]]></description>", .name),
        .hit("another client's name", "<p>佐藤商店さんの例</p>", .name, "sato-shoten"),
        .hit("another client's mobile", "<p>携帯 090-9876-5432</p>", .phone, "sato-shoten"),
        .hit("generic e-mail", "<p>連絡先 taro.yamada@mail.example.com</p>", .email, nil),
        .hit("generic mobile number", "<p>080-1234-5678</p>", .phone, nil),
        .hit("generic fixed number in brackets", "<p>(052) 123-4567</p>", .phone, nil),
        .hit("generic toll-free number", "<p>フリーダイヤル 0120-123-456</p>", .phone, nil),
        .hit("generic +81 number", "<p>+81-90-1111-2222</p>", .phone, nil),
        .hit("generic corporate number", "<p>8201401000123</p>", .corporateNumber, nil),
        .hit("the ISBN control's digits without ISBN", "<p>番号 9784000000006</p>", .corporateNumber, nil),
        .hit("generic postal code after 〒", "<p>〒471-0001 豊田市</p>", .postalCode, nil),
        .hit("generic postal code before a prefecture", "<p>460-0001 愛知県名古屋市</p>", .postalCode, nil),
        .hit("generic postal code after 郵便番号", "<dd>郵便番号：４６００００１</dd>", .postalCode, nil),
    ]

    static let controls: [LeakCase] = [
        .control("the allowed publisher contact",
                 #"<p>東海みらい銀行 DX推進室 <a href="mailto:dx@example.jp">dx@example.jp</a> 0120-000-000</p>"#),
        .control("the allowed number written with full-width digits", "<p>０１２０―０００―０００</p>"),
        .control("a 13-digit number with a wrong check digit", "<p>1234567890123</p>"),
        .control("an ISBN whose check digit happens to pass", "<p>ISBN 978-4-00-000000-6 / ISBN9784000000006</p>"),
        .control("ordinary text sharing one character with a name", "<p>山本精機と田中工業、山の上の精密加工</p>"),
        .control("a family name alone", "<p>山田さん</p>"),
        .control("a date", "<p>2026-11-25 公開、2026年11月25日</p>"),
        .control("an ordinary hyphenated number", "<p>2026-1125</p>"),
        .control("a percentage table",
                 "<table><tr><td>0.5%</td><td>12.3%</td><td>45%</td></tr><tr><td>01</td><td>02</td><td>03</td><td>04</td></tr></table>"),
        .control("a list of small numbers", "<p>01 02 03 04 05 06</p>"),
        .control("a retina image name", #"<img srcset="/img/logo@2x.png 2x" alt="">"#),
        .control("a product code shaped like a postal code", "<p>型番 123-4567</p>"),
        .control("a longer English word", "<p>Yamada Seikosha Ltd.</p>"),
        .control("prices and ids", "<p>1,234,567円 / 受注番号 20261125-0001 / v1.2.3</p>"),
        .control("CSS at-rules", "<style>@media print { a { color: #000 } }</style>"),
        .control("a 2-character identifier is not dropped but 1-character ones are", "<p>X線検査</p>"),
    ]

    @Test(arguments: hitCases + controls)
    func scan(_ leakCase: LeakCase) throws {
        let hits = try LeakFixture.scanner().scan(leakCase.input, format: leakCase.format)
        let got = hits.map { LeakCase.Expect(category: $0.category, client: $0.clientID) }
        #expect(got == leakCase.expected, "\(hits)")
        for hit in hits {
            // The hit points into the input, and the secret is masked in its message.
            #expect(hit.matched == String(decoding: Array(leakCase.input.utf8)[hit.range], as: UTF8.self))
            #expect(!hit.message.contains(hit.matched) || hit.matched.count <= 2)
        }
    }

    @Test func hitMapsBackToLineAndColumn() throws {
        let page = """
            <!DOCTYPE html>
            <html><head><title>事例</title></head>
            <body><p>&amp; ＡＢＣ　社では、山田<strong>精工</strong>の</p>
            <p>電話は ０５６５―１２―３４５６ まで</p></body></html>
            """
        let hits = try LeakFixture.scanner().scan(page)
        #expect(hits.count == 2)
        let name = try #require(hits.first)
        #expect(name.category == .name)
        #expect((name.line, name.column) == (3, 24))
        #expect(name.matched == "山田<strong>精工")
        #expect(name.masked == "山田**")
        #expect(name.message == "会社名 of client yamada-seiko in published text (山田**)")
        let phone = hits[1]
        #expect(phone.category == .phone)
        #expect((phone.line, phone.column) == (4, 8))
        #expect(phone.matched == "０５６５―１２―３４５６")
        #expect(phone.masked == "056*-**-****")
        // The term remembers where the client file wrote it.
        #expect(phone.term?.location.description == "Content/clients/yamada-seiko.yaml:6:8")
    }

    @Test func hitInAttributeMapsToTheAttributeValue() throws {
        let page = "<p>\n  <img src=\"a.png\" alt=\"工場：山田精工\">\n</p>"
        let hit = try #require(try LeakFixture.scanner().scan(page).first)
        #expect((hit.line, hit.column) == (2, 28))
        #expect(hit.matched == "山田精工")
    }

    @Test func overlappingTermsAreReportedOnce() throws {
        // The e-mail contains the website host; the full name contains the name without 株式会社.
        let hits = try LeakFixture.scanner().scan("<p>株式会社山田精工 info@yamada-seiko.example.jp</p>")
        #expect(hits.map(\.category) == [.name, .email])
        #expect(hits[0].term?.normalized == "株式会社山田精工")
        #expect(hits[1].masked == "i****@…")
    }

    @Test func plainFormatDoesNotStripTags() throws {
        let scanner = try LeakFixture.scanner()
        #expect(scanner.scan("山田<b>精工", format: .plain).isEmpty)
        // & is punctuation, removed in the skeleton like ・ (山田&精工 reads as the name too).
        #expect(scanner.scan("山田&amp;精工 &#x5C71;&#x7530;精工", format: .plain).map(\.category) == [.name, .name])
        #expect(scanner.scan("&#x5C71;&#x7530;精工", format: .literal).isEmpty)
    }
}

// MARK: - Terms

extension LeakScannerTests {
    @Suite struct Terms {
        @Test func termsOfTheExampleClient() throws {
            let terms = IdentifyingTerms(try LeakFixture.clients()[0]).terms
            let byCategory = Dictionary(grouping: terms, by: \.category).mapValues { $0.map(\.normalized) }
            #expect(byCategory[.name] == ["株式会社山田精工", "山田精工"])
            #expect(byCategory[.kana] == ["ヤマダセイコウ", "やまだせいこう"])
            #expect(byCategory[.representative] == ["山田太郎"])
            // The address as written first, then from the city on and in other notations (GateScopeTests).
            #expect(byCategory[.address]?.first == "愛知県豊田市元町1-2-3")
            #expect(Set(["豊田市元町1-2-3", "豊田市元町1丁目2番3", "豊田市元町一丁目2番地の3"]).isSubset(of: byCategory[.address] ?? []))
            #expect(byCategory[.phone] == ["0565123456"])
            #expect(byCategory[.email] == ["info@yamada-seiko.example.jp"])
            // Its label that names the company is the identifier "Yamada Seiko" already (GateScopeTests).
            #expect(byCategory[.website] == ["yamada-seiko.example.jp"])
            #expect(byCategory[.corporateNumber] == ["7123456789012"])
            // "X" is shorter than 2 characters and ignored.
            #expect(byCategory[.identifier] == ["山田精工所", "yamadaseiko"])
            #expect(terms.allSatisfy { $0.clientID == "yamada-seiko" })
            let name = try #require(terms.first)
            #expect(name.location.description == "Content/clients/yamada-seiko.yaml:2:7")
        }

        @Test(arguments: [
            ("株式会社山田精工", "山田精工"), ("山田精工株式会社", "山田精工"), ("㈱山田精工", "山田精工"),
            ("（株）山田精工", "山田精工"), ("山田精工(株)", "山田精工"), ("有限会社佐藤商店", "佐藤商店"),
            ("㈲佐藤商店", "佐藤商店"), ("一般社団法人とうかい協会", "とうかい協会"), ("医療法人社団 山田会", "山田会"),
            ("Yamada Seiko Co., Ltd.", "yamadaseiko"), ("ＹＡＭＡＤＡ ＳＥＩＫＯ ＫＫ", "yamadaseiko"),
            ("株式会社", "株式会社"), ("カブシキガイシャヤマダセイコウ", "ヤマダセイコウ"),
        ])
        func legalFormRemoval(_ name: String, _ expected: String) {
            #expect(IdentifyingTerms.removingLegalForm(TextNormalizer.normalize(name)) == expected)
        }

        @Test func phoneValuesWithSeveralNumbers() {
            #expect(IdentifyingTerms.phoneNumbers(in: "0565-12-3456（代表）/ 0565-12-3457") == ["0565123456", "0565123457"])
            #expect(IdentifyingTerms.phoneNumbers(in: "+81 565 12 3456") == ["81565123456", "0565123456"])
        }

        @Test func websiteHosts() {
            #expect(IdentifyingTerms.hosts(ofWebsite: "https://www.Yamada-Seiko.example.jp/about") ==
                    ["www.yamada-seiko.example.jp", "yamada-seiko.example.jp"])
            #expect(IdentifyingTerms.hosts(ofWebsite: "yamada-seiko.example.jp/") == ["yamada-seiko.example.jp"])
        }
    }
}

// MARK: - Normalization and helpers

extension LeakScannerTests {
    @Suite struct Normalization {
        @Test(arguments: [
            ("ＡＢＣ　ｄｅｆ", "abcdef"), ("山田 精工", "山田精工"), ("ｶﾞｲｼｬ", "ガイシャ"), ("か\u{3099}", "が"),
            ("セイコー", "セイコー"), ("㈱", "(株)"), ("１−２―３", "1-2-3"), ("Ⅻ", "xii"), ("e\u{301}", "é"),
            ("山田\u{200B}精工\u{FE0F}", "山田精工"),
        ])
        func normalize(_ input: String, _ expected: String) {
            #expect(TextNormalizer.normalize(input) == expected)
        }

        @Test func numbersIgnoreEveryDash() {
            #expect(TextNormalizer.normalizeNumber("０５６５―１２ー３４５６") == "0565123456")
            #expect(TextNormalizer.normalizeNumber("0565‐12‑34ｰ56") == "0565123456")
        }

        @Test func mapPointsBackIntoTheOriginal() {
            let original = "a&amp;<b>Ｂ</b> 山田"
            let text = TextNormalizer.normalize(original, format: .markup)
            #expect(text.string.hasPrefix("a&b山田"))
            let utf8 = Array(original.utf8)
            func source(_ range: Range<Int>) -> String { String(decoding: utf8[text.sourceRange(of: range)], as: UTF8.self) }
            #expect(source(1..<2) == "&amp;")
            #expect(source(2..<3) == "Ｂ")
            #expect(source(3..<9) == "山田")
            #expect(String(original[text.sourceRange(of: 0..<9, in: original)]) == original)
            #expect(text.isGap(before: 2) && text.isGap(before: 3) && !text.isGap(before: 1))
        }

        /// The fast path's ranges must agree with the Unicode data.
        @Test func fastPathRangesAreStable() {
            for v in UInt32(0x80)...0xFFFF {
                guard let scalar = Unicode.Scalar(v), ScalarClass.of(v) == .identity else { continue }
                let p = scalar.properties
                #expect(!p.changesWhenNFKCCaseFolded && p.canonicalCombiningClass.rawValue == 0,
                        "U+\(String(v, radix: 16, uppercase: true))")
            }
        }

        @Test func corporateNumberCheckDigit() {
            #expect(CorporateNumber.isValid("7123456789012"))
            #expect(CorporateNumber.isValid("8-2014-0100-0123"))
            #expect(!CorporateNumber.isValid("1234567890123"))
            #expect(!CorporateNumber.isValid("0123456789012"))
            #expect(CorporateNumber.checkDigit(base: Array("123456789012".utf8)) == 7)
        }

        @Test func masks() {
            #expect(Mask.mask("山田精工", as: .name) == "山田**")
            #expect(Mask.mask("山田", as: .name) == "山*")
            #expect(Mask.mask("info@yamada-seiko.example.jp", as: .email) == "i****@…")
            #expect(Mask.mask("0565-12-3456", as: .phone) == "056*-**-****")
            #expect(Mask.mask("7123456789012", as: .corporateNumber) == "712**********")
        }

        @Test func lineIndexCountsScalars() {
            let index = LineIndex("ab\n山田x\n")
            #expect(index.position(ofUTF8Offset: 0) == (1, 1))
            #expect(index.position(ofUTF8Offset: 3) == (2, 1))
            #expect(index.position(ofUTF8Offset: 9) == (2, 3))
            #expect(index.position(ofUTF8Offset: 11) == (3, 1))
        }
    }
}

