@testable import Bansou
import Foundation
import Testing

/// The publishing gate's scope and reporting (issue 9): every path and byte of the public
/// output, every occurrence at its own source position, an allow-list that cannot let a
/// client through, no gate without its clients, `anonymize: auto` on every field, and the
/// address and host variants a reader would still recognise. Built in process (FixtureSite.runInProcess); the summary lines through the binary.
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

    // MARK: 1. Every path and every byte

    @Test(arguments: [
        ("山田精工.txt", "会社名"),
        ("yamada-seiko.example.jp.css", "ウェブサイト"),
        ("press/ヤマダセイコウ/note.txt", "会社名（カナ）"),
    ])
    func publishedFileNamesAreScanned(name: String, label: String) throws {
        let site = try Self.fixture()
        try site.write("Templates/assets/\(name)", "body { color: black; }\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(name) was published")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/\(name):1:1: error: \(label) of client yamada-seiko in the name of a published file (") },
                "\(run.stderr)")
        #expect(!site.exists("Output"))
    }

    @Test(arguments: ["clients.csv", "card.vcf", "list.tsv", "events.ics", "notes.md", "data.yaml", "README"])
    func textAssetsOfEveryExtensionAreScanned(name: String) throws {
        let site = try Self.fixture()
        try site.write("Templates/assets/\(name)", "id,memo\n1,取引先は山田精工\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(name) was copied unscanned")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/\(name):2:7: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
    }

    /// A text asset in each encoding a Japanese office still meets: the name is found at its
    /// line and column in the decoded text.
    @Test(arguments: ["Shift_JIS", "EUC-JP", "ISO-2022-JP", "UTF-16LE+BOM", "UTF-16BE", "UTF-16LE", "UTF-32LE", "UTF-8+BOM"])
    func textAssetsAreDecodedFromJapaneseEncodings(encoding: String) throws {
        let text = "一行目です\r\n紹介: 山田精工の工場\r\n"
        let site = try Self.fixture()
        try site.writeData("Templates/assets/notes.txt", try Self.encode(text, encoding))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(encoding) was not decoded")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/notes.txt:2:5: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
    }

    @Test func textAssetsInJapaneseEncodingsWithoutSecretsPass() throws {
        let site = try Self.fixture()
        for (name, encoding) in [("a.txt", "Shift_JIS"), ("b.txt", "EUC-JP"), ("c.txt", "UTF-16LE+BOM"), ("d.txt", "ISO-2022-JP")] {
            try site.writeData("Templates/assets/\(name)", try Self.encode("山の上の工場で、田んぼの精米機を直しました。\n", encoding))
        }
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func nonTextAssetFailsUnlessListedAsUnscanned() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
        let site = try Self.fixture()
        try site.writeData("Templates/assets/logo.png", png)
        let refused = try site.runInProcess("build")
        #expect(refused.status == 1)
        #expect(refused.errorLines.contains { $0.hasPrefix("Templates/assets/logo.png:1:1: error: not text in any encoding") && $0.contains("unscanned") }, "\(refused.stderr)")
        #expect(!site.exists("Output"))

        try site.write("Content/site.yaml", FixtureSite.siteYAML + "unscanned:\n  - assets/logo.png\n")
        let listed = try site.runInProcess("build")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try Data(contentsOf: site.root.appendingPathComponent("Output/site/assets/logo.png")) == png)
    }

    @Test func unscannedEntriesMustNameAPublishedFile() throws {
        let site = try Self.fixture(site: FixtureSite.siteYAML + "unscanned:\n  - assets/nope.png\n  - ../Content/clients/yamada-seiko.yaml\n  - /etc/hostname\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:7:5: error: unscanned entry 'assets/nope.png' names no published file") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:8:5: error: unscanned entry '../Content/clients/yamada-seiko.yaml' must name one file") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:9:5: error: unscanned entry '/etc/hostname' must be a path inside the published site (site/") }, "\(run.stderr)")
    }

    /// Listing a file does not exempt its name, nor its text when it is text after all.
    @Test func unscannedListingExemptsOnlyWhatCannotBeRead() throws {
        let site = try Self.fixture(site: FixtureSite.siteYAML + "unscanned: [assets/note.txt, assets/山田精工.png]\n")
        try site.write("Templates/assets/note.txt", "山田精工\n")
        try site.writeData("Templates/assets/山田精工.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]))
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/note.txt:1:1: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/山田精工.png:1:1: error: 会社名 of client yamada-seiko in the name of a published file") }, "\(run.stderr)")
    }

    // MARK: 2. Every occurrence, at its own position

    @Test func everyOccurrenceIsReportedAtItsOwnPositionOnce() throws {
        let site = try Self.fixture(body: "山田精工は、\n株式会社山田精工で、\nまた㈱山田精工。", extra: "summary: 山田精工の話")
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        // summary on line 11, body on lines 13-15
        for prefix in ["Content/cases/leak.md:11:10:", "Content/cases/leak.md:13:1:", "Content/cases/leak.md:14:1:", "Content/cases/leak.md:15:4:"] {
            #expect(run.errorLines.filter { $0.hasPrefix(prefix + " error: 会社名 of client yamada-seiko") }.count == 1, "\(prefix)\n\(run.stderr)")
        }
        #expect(run.errorLines.count == 4, "\(run.stderr)")
    }

    @Test func hitsInSiteYAMLAreReportedInSiteYAML() throws {
        let siteYAML = FixtureSite.siteYAML.replacingOccurrences(of: "description: テスト用のポータルです。", with: "description: 山田精工さんと作ったポータルです。")
        let site = try Self.fixture(body: "紹介: 山田精工", site: siteYAML)
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:2:14: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:5: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
    }

    /// A name put together by a template from two harmless pieces is in no source: the error
    /// names the output that would have held it, which was not written, and what fed it.
    @Test func aSecretNoSourceWritesIsReportedWithoutPointingIntoOutput() throws {
        let siteYAML = FixtureSite.siteYAML.replacingOccurrences(of: "title: テストポータル", with: "title: テスト山田")
        let site = try Self.fixture(site: siteYAML)
        let layout = try site.read("Templates/layout.mustache")
        try site.write("Templates/layout.mustache", layout.replacingOccurrences(of: "<p class=\"footer-title\">{{siteTitle}}</p>", with: "<p class=\"footer-title\">{{siteTitle}}精工</p>"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(!site.exists("Output"))
        #expect(!run.errorLines.contains { $0.hasPrefix("Output/") }, "\(run.stderr)")
        #expect(run.errorLines.contains {
            $0.hasPrefix("Content/clients/yamada-seiko.yaml:2:7: error: 会社名 of client yamada-seiko would be published in Output/site/")
                && $0.contains("(not written)") && $0.contains("the templates and site data")
        }, "\(run.stderr)")
    }

    /// The raw text of an `anonymize: auto` story still names its client, but those
    /// occurrences are replaced before rendering: when the name reaches the site another way
    /// (here a template), only that way is reported.
    @Test func occurrencesTheAnonymizerReplacesAreNotReported() throws {
        let site = try Self.fixture(body: "山田精工の取り組み", extra: "client: yamada-seiko\nanonymize: auto")
        let layout = try site.read("Templates/layout.mustache")
        try site.write("Templates/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\"><p>山田精工</p>"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/layout.mustache:") && $0.contains("error: 会社名 of client yamada-seiko") }, "\(run.stderr)")
        #expect(!run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:") }, "\(run.stderr)")
    }

    // MARK: 3. allow cannot let a client through

    @Test func allowEntriesThatLetAClientTermThroughAreErrors() throws {
        let siteYAML = FixtureSite.siteYAML + """
            allow:
              - dx@test.example.jp
              - 0120-000-000
              - 山田精工
              - 担当 info@yamada-seiko.example.jp
              - 代表 0565-12-3456
              - example.jp
              - ヤマダ・セイコー

            """
        // (the summary is on the home page, which searches every shared source, site.yaml included)
        let site = try Self.fixture(body: "紹介: 山田精工", extra: "summary: 山田精工の話", site: siteYAML)
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:9:5: error: allow entry contains the 会社名 of client yamada-seiko (山田**)") }, "\(run.stderr)")
        // the allow-list is not published, so its entry is not a leak itself
        #expect(!run.errorLines.contains { $0.hasPrefix("Content/site.yaml:9:5: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:10:5: error: allow entry contains the メールアドレス of client yamada-seiko") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:11:5: error: allow entry contains the 電話番号 of client yamada-seiko") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:13:5: error: allow entry contains the 会社名（カナ） of client yamada-seiko") }, "\(run.stderr)")
        // the publisher's own contact, and a part of a client's address that lets nothing through
        for line in [7, 8, 12] { #expect(!run.errorLines.contains { $0.hasPrefix("Content/site.yaml:\(line):") }, "\(run.stderr)") }
        // and the name is still caught where it is published
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:5: error: 会社名 of client yamada-seiko in published text") }, "\(run.stderr)")
    }

    // MARK: 4. No clients, no gate

    @Test func aClientFileThatWasNotLoadedFailsTheBuild() throws {
        let site = try Self.fixture(body: "紹介: 山田精工")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/clients/yamada-seiko.yaml"),
                                        to: site.root.appendingPathComponent("Content/clients/yamada-seiko.YAML"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "built with the client's name, its file unread")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/clients/yamada-seiko.YAML:") }, "\(run.stderr)")
        #expect(!site.exists("Output"))
    }

    @Test func aClientsFolderThatIsAFileFailsTheBuild() throws {
        let site = try Self.fixture(body: "紹介: 山田精工")
        try site.remove("Content/clients")
        try site.write("Content/clients", Self.client)
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "built with 0 clients")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/clients:") }, "\(run.stderr)")
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

    // MARK: 6. Terms a reader would still take for the company

    /// The fixture client lives at 愛知県豊田市元町1-2-3; each is that address, as written
    /// on line 13 from column 5.
    @Test(arguments: [
        "豊田市元町1-2-3",                 // without the prefecture
        "豊田市元町1丁目2番3号",            // 丁目・番・号 for the hyphens
        "豊田市元町一丁目2番地の3",          // kanji 丁目, 番地の
        "愛知県豊田市元町1丁目2-3",          // mixed
        "豊田市元町1-2-3 山田ビル2F",       // with the building after it
        "豊田市元町１ー２ー３",             // full-width digits, 長音符 as the dash
    ])
    func theAddressFromTheCityOnInAnyNotationIsCaught(address: String) throws {
        let run = try Self.fixture(body: "所在: \(address)").runInProcess("build")
        #expect(run.status == 1, "\(address) was published")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:5: error: 住所 of client yamada-seiko in published text (") }, "\(run.stderr)")
    }

    /// A ward of a designated city without the city, a town without its county.
    @Test(arguments: [
        ("愛知県名古屋市港区見本町8-9-10", "港区見本町8丁目9番10号"),
        ("愛知県北設楽郡設楽町田口1-2", "設楽町田口1番2号"),
        ("京都府京都市左京区見本町3-4-5", "左京区見本町3-4-5"),
    ])
    func theAddressFromTheWardOrTownOnIsCaught(address: String, written: String) throws {
        let site = try Self.fixture(body: "所在: \(written)")
        try site.write("Content/clients/yamada-seiko.yaml", Self.client.replacingOccurrences(of: "address: 愛知県豊田市元町1-2-3", with: "address: \(address)"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(written) was published")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/leak.md:13:5: error: 住所 of client yamada-seiko in published text (") }, "\(run.stderr)")
    }

    @Test(arguments: ["yamada-seiko", "GitHub: yamada-seiko のリポジトリ", "@yamada_seiko", "YamadaSeiko"])
    func theWebsitesNameLabelIsCaught(text: String) throws {
        let site = try Self.fixture(body: "紹介: \(text)")
        try site.write("Content/clients/yamada-seiko.yaml", Self.client.replacingOccurrences(of: "identifiers: [山田精工所, Yamada Seiko, X]", with: "identifiers: [山田精工所]"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(text) was published")
        #expect(run.errorLines.contains { $0.contains("error: ウェブサイト of client yamada-seiko in published text (") }, "\(run.stderr)")
    }

    /// Near misses: the same city, town or numbers, but not the client's address; the
    /// registry's and the publisher's own host labels.
    @Test(arguments: [
        "豊田市の見本市に出展しました。",
        "元町1丁目の公園で、豊田市元町2-1-3 の隣です。",
        "手順は 1-2-3 の順で、2026-10-01 に始めました。",
        "四日市市と設楽町の事例もあります。",
        "詳しくは https://www.example.jp/ と https://test.example.jp/ を。",
        "seiko と yamada は別々の語です。",
    ])
    func nearMissesPass(body: String) throws {
        let run = try Self.fixture(body: body).runInProcess("build")
        #expect(run.status == 0, "false positive on: \(body)\n\(run.stderr)")
    }

    @Test func theSampleSitePassesTheGateWithNoHits() throws {
        let site = try FixtureSite.sample()
        let run = try site.run("check", "--leaks")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(": 0 hits"), "\(run.stdout)")
        #expect(run.stdout.contains("checked against 8 clients"), "\(run.stdout)")
    }

    // MARK: -

    /// `text` in an encoding, by name; the legacy ones through iconv, as an office PC would write them.
    static func encode(_ text: String, _ encoding: String) throws -> Data {
        switch encoding {
        case "UTF-8+BOM": return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case "UTF-16LE+BOM": return Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        case "UTF-16LE": return text.data(using: .utf16LittleEndian)!
        case "UTF-16BE": return text.data(using: .utf16BigEndian)!
        case "UTF-32LE": return text.data(using: .utf32LittleEndian)!
        default:
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            process.arguments = ["-f", "UTF-8", "-t", encoding]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, !data.isEmpty else { throw FixtureError(message: "iconv cannot write \(encoding)") }
            return data
        }
    }
}

extension FixtureSite {
    func writeData(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}

/// Review findings on the gate: readings that hide UTF-8, base64 data: URIs, phone
/// numbers written with brackets or dots in `allow`, and clients whose site is on a platform.
extension GateScopeTests {
    /// One NUL byte made the UTF-8 text read as UTF-16 mojibake only.
    @Test func utf8AssetWithANulByteIsScannedAsUTF8() throws {
        var bytes = Array("紹介: 山田精工の工場\n".utf8) + [0]
        if bytes.count % 2 == 1 { bytes.append(0x0A) }
        let site = try Self.fixture()
        try site.writeData("Templates/assets/notes.css", Data(bytes))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.contains("会社名 of client yamada-seiko") }, "\(run.stderr)")
    }

    /// ASCII with `ESC $` was read only as ISO-2022-JP, which turns the letters after it into kanji.
    @Test func asciiAssetWithAJISEscapeIsScannedAsUTF8() throws {
        let site = try Self.fixture()
        try site.writeData("Templates/assets/notes.txt", Data([0x1B, 0x24, 0x40] + Array("YAMADA_SEIKO".utf8) + [0x1B, 0x28, 0x42, 0x0A]))
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/notes.txt:1:4: error: ") && $0.contains("of client yamada-seiko") }, "\(run.stderr)")
    }

    static func svgDataURI(_ svg: String) -> String {
        "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()
    }

    @Test func base64DataURIsInAssetsAndTemplatesAreDecodedAndScanned() throws {
        let uri = Self.svgDataURI("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>山田精工</text></svg>")
        let site = try Self.fixture()
        try site.write("Templates/assets/extra.css", "body {\n  background: url(\"\(uri)\");\n}\n")
        let layout = try String(contentsOf: site.root.appendingPathComponent("Templates/layout.mustache"), encoding: .utf8)
        try site.write("Templates/layout.mustache", layout.replacingOccurrences(of: "</body>", with: "<img src=\"\(Self.svgDataURI("<svg><text>山田精工</text></svg>"))\" alt=\"\">\n</body>"))
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/extra.css:2:") && $0.contains("会社名 of client yamada-seiko in published text (山田**) inside a base64 data: URI") }, "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/layout.mustache:") && $0.contains("inside a base64 data: URI") }, "\(run.stderr)")
        #expect(!site.exists("Output"))
    }

    @Test func base64DataURIsThatAreTextWithoutSecretsOrNotTextAtAll() throws {
        let site = try Self.fixture()
        try site.write("Templates/assets/icon.css", ".a { background: url(\(Self.svgDataURI("<svg><circle r=\"4\"/></svg>"))); }\n")
        #expect(try site.runInProcess("build").status == 0)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).base64EncodedString()
        try site.write("Templates/assets/icon.css", ".a { background: url(DATA:image/png;BASE64,\(png)); }\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/assets/icon.css:1:") && $0.contains("base64 data: URI that is not text") }, "\(run.stderr)")
    }

    @Test(arguments: ["(0565) 12-3456", "0565.12.3456", "TEL（0565）12・3456"])
    func allowEntriesWithAClientPhoneInAnyPunctuationAreErrors(entry: String) throws {
        let terms = IdentifyingTerms.all(try LeakFixture.clients())
        #expect(LeakScanner.termsAllowed(by: entry, among: terms).contains { $0.category == .phone && $0.clientID == "yamada-seiko" })
        #expect(LeakScanner.termsAllowed(by: "0120-000-000", among: terms).isEmpty)
    }

    @Test(arguments: [
        ("https://www.facebook.com/yamadaseiko", "facebook"), ("https://yamadaseiko.jimdofree.com/", "jimdofree"),
        ("https://note.com/yamadaseiko/n/abc", "note"), ("https://www.youtube.com/@yamadaseiko", "youtube"),
        ("https://www.linkedin.com/company/yamadaseiko", "linkedin"), ("https://sites.google.com/view/yamadaseiko", "google"),
    ])
    func aClientSiteOnAPlatformIsNamedByItsPageNotThePlatform(website: String, platform: String) throws {
        let yaml = LeakFixture.yamadaYAML.replacingOccurrences(of: "website: https://yamada-seiko.example.jp", with: "website: \(website)")
        let scanner = LeakScanner(clients: [try LeakFixture.client(yaml, path: "Content/clients/yamada-seiko.yaml")])
        let footer = "<a href=\"https://www.\(platform).com/dxcenter\">\(platform)</a> <a href=\"https://dx.\(platform).com/\">x</a>"
        #expect(scanner.scan(footer, format: .markup).isEmpty, "\(scanner.scan(footer, format: .markup))")
        #expect(scanner.scan("<p>yamadaseiko</p>", format: .markup).contains { $0.clientID == "yamada-seiko" })
    }
}
