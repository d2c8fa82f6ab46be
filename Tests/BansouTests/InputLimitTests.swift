import Foundation
import Testing
@testable import Bansou

/// Issue 10, "linear": no single input may cost more than about a second per MB. Where a
/// library is not linear (Debian's cmark-gfm, the copying of a title onto every list page),
/// the input is bounded before it gets there, as an error at its position; the bounds are
/// `limits:` in site.yaml.
@Suite struct InputLimitTests {
    static let siteWithLimits = { (limits: String) in FixtureSite.siteYAML + "limits: { \(limits) }\n" }

    /// `**b** [a](https://e.jp/N)` lines without a blank line: one paragraph of 2 emphasis runs and one link per line.
    static func linkLines(_ count: Int, prefix: String = "") -> String {
        (0..<count).map { "\(prefix)**b** [a](https://e.jp/\($0))" }.joined(separator: "\n")
    }

    static func build(_ files: [String: String]) throws -> FixtureSite.Run {
        var all = files
        all["Content/clients/.gitkeep"] = ""
        return try FixtureSite(files: all).runInProcess("build")
    }

    /// The body of `FixtureSite.story` starts on line 13.
    static let bodyLine = 13

    // MARK: Each limit is an error at its position

    @Test func aCrowdedParagraphIsAnErrorAtItsFirstLine() throws {
        let body = "## 取り組み\n\n前の段落。\n\n" + Self.linkLines(400)
        let run = try Self.build(["Content/cases/a.md": FixtureSite.story(body: body)])
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "Content/cases/a.md:\(Self.bodyLine + 4):1: error: this paragraph has 1200 emphasis marks (*, _, ~) and closing brackets; "
                + "the limit is 1000 (cmark-gfm's time grows with their square: split the paragraph with blank lines, "
                + "or raise limits.inline_delimiters in site.yaml)",
        ])
    }

    @Test func aWideTableRowIsAnErrorAtThatRow() throws {
        let body = "| a | b |\n| --- | --- |\n| 1 | 2 |\n|" + String(repeating: " x |", count: 129) + "\n"
        let run = try Self.build(["Content/cases/a.md": FixtureSite.story(body: body)])
        #expect(run.errorLines == [
            "Content/cases/a.md:\(Self.bodyLine + 3):1: error: this table row has 129 columns; the limit is 128 "
                + "(split the table, or raise limits.table_columns in site.yaml)",
        ])
    }

    /// cmark-gfm parses a delimiter row and the line above it before it knows whether the
    /// two make a table: a wide header is quadratic even when its delimiter row has one column.
    @Test func aWideHeaderAboveAnyDelimiterRowIsAnError() throws {
        let body = "|" + String(repeating: "a|", count: 200) + "\n|-|\n"
        let run = try Self.build(["Content/cases/a.md": FixtureSite.story(body: body)])
        #expect(run.errorLines == [
            "Content/cases/a.md:\(Self.bodyLine):1: error: this table row has 200 columns; the limit is 128 "
                + "(split the table, or raise limits.table_columns in site.yaml)",
        ])
    }

    @Test func aLongTitleIsAnErrorAtTheTitle() throws {
        let run = try Self.build(["Content/cases/a.md": FixtureSite.story(title: String(repeating: "題", count: 201))])
        #expect(run.errorLines == [
            "Content/cases/a.md:2:8: error: the title is 201 characters; the limit is 200 (shorten it, or raise limits.title_chars in site.yaml)",
        ])
    }

    @Test func aLongSummaryIsAnErrorAtTheSummary() throws {
        let story = FixtureSite.story(extra: "summary: " + String(repeating: "要約", count: 1001))
        let run = try Self.build(["Content/cases/a.md": story])
        #expect(run.errorLines == [
            "Content/cases/a.md:11:10: error: the summary is 2002 characters; the limit is 2000 (shorten it, or raise limits.summary_chars in site.yaml)",
        ])
    }

    /// The site's title, description and publisher are printed on every page: a 1 MB site
    /// title cost 22 s and 1.3 GB on the 121-page sample site.
    @Test func theSiteTextsOnEveryPageAreBounded() throws {
        let site = FixtureSite.siteYAML
            .replacingOccurrences(of: "title: テストポータル", with: "title: " + String(repeating: "ポ", count: 201))
            .replacingOccurrences(of: "description: テスト用のポータルです。", with: "description: " + String(repeating: "説", count: 2001))
            .replacingOccurrences(of: "name: テスト銀行", with: "name: " + String(repeating: "銀", count: 201))
        let run = try Self.build(["Content/site.yaml": site])
        #expect(run.errorLines == [
            "Content/site.yaml:1:8: error: the title is 201 characters; the limit is 200 (shorten it, or raise limits.title_chars in site.yaml)",
            "Content/site.yaml:2:14: error: the description is 2001 characters; the limit is 2000 (shorten it, or raise limits.summary_chars in site.yaml)",
            "Content/site.yaml:4:20: error: the publisher's name is 201 characters; the limit is 200 (shorten it, or raise limits.title_chars in site.yaml)",
        ])
    }

    /// The publishing gate looks for every client text in every published page; its scanner
    /// compares a term wherever a window of it matches, so a 400 KB repetitive name cost 16 s.
    @Test func aClientsLongTermIsAnErrorAtTheValue() throws {
        let sample = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Content/clients/aozora-farm.yaml"), encoding: .utf8)
        let client = sample.replacingOccurrences(of: "name: 株式会社あおぞらファーム", with: "name: 株式会社" + String(repeating: "あおぞら農場", count: 40))
            .replacingOccurrences(of: "identifiers: [あおぞら農園, Aozora Farm]", with: "identifiers: [あおぞら農園, " + String(repeating: "A", count: 201) + "]")
            .replacingOccurrences(of: "advisor: kato\n", with: "") // the fixture has no staff
        let lines = client.split(separator: "\n", omittingEmptySubsequences: false)
        let identifiers = lines.firstIndex { $0.hasPrefix("identifiers:") }! + 1
        let run = try FixtureSite(files: ["Content/clients/aozora-farm.yaml": client]).runInProcess("check")
        #expect(run.errorLines == [
            "Content/clients/aozora-farm.yaml:3:7: error: the name is 244 characters; the limit is 200 (shorten it, or raise limits.term_chars in site.yaml)",
            "Content/clients/aozora-farm.yaml:\(identifiers):23: error: the identifier is 201 characters; the limit is 200 (shorten it, or raise limits.term_chars in site.yaml)",
        ], "\(run.stderr.prefix(3000))")
    }

    /// Guidance names are printed on many pages (a stage's on every story page and card):
    /// a 400 KB stage name cost 4.5 s and 270 MB on the sample site.
    @Test func aLongGuidanceValueIsAnErrorAtTheValue() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let stages = try site.read("Content/guidance/stages.yaml")
        let line = stages.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("name: デジタイゼーション") }! + 1
        try site.write("Content/guidance/stages.yaml", stages.replacingOccurrences(of: "name: デジタイゼーション", with: "name: " + String(repeating: "デ", count: 1001)))
        let run = try site.runInProcess("check")
        #expect(run.errorLines == [
            "Content/guidance/stages.yaml:\(line):11: error: this value is 1001 characters; the limit is 1000 (shorten it, or raise limits.guidance_text_chars in site.yaml)",
        ], "\(run.stderr.prefix(2000))")
    }

    /// Front matter is bounded before Yams parses it (a 60 MB title grew past 6 GB).
    @Test func largeFrontMatterIsAnErrorBeforeParsing() throws {
        let story = FixtureSite.story(extra: "tools: [" + Array(repeating: "クラウド会計", count: 4000).joined(separator: ", ") + "]")
        let run = try Self.build(["Content/cases/a.md": story])
        #expect(run.errorLines == [
            "Content/cases/a.md:2:1: error: the front matter is 78 KB; the limit is 64 KB "
                + "(move long text into the body, or raise limits.front_matter_bytes in site.yaml)",
        ])
    }

    /// A file larger than any story may be is refused before it is read.
    @Test func anOversizedStoryFileIsAnErrorWithoutReadingIt() throws {
        let story = FixtureSite.story(body: String(repeating: "本文です。\n", count: 80_000)) // 1.3 MB
        let run = try Self.build(["Content/cases/a.md": story])
        #expect(run.errorLines == [
            "Content/cases/a.md:1:1: error: this file is 1250 KB; the limit is 1088 KB "
                + "(split it, or raise limits.front_matter_bytes and limits.body_bytes in site.yaml)",
        ])
    }

    @Test func aBodyOverItsLimitIsAnErrorAtTheBody() throws {
        let run = try Self.build([
            "Content/site.yaml": Self.siteWithLimits("body_bytes: 2000"),
            "Content/cases/a.md": FixtureSite.story(body: String(repeating: "本文です。", count: 200)),
        ])
        #expect(run.errorLines == [
            "Content/cases/a.md:\(Self.bodyLine):1: error: the Markdown body is 3001 bytes; the limit is 2000 bytes "
                + "(split it into several pages, or raise limits.body_bytes in site.yaml)",
        ])
    }

    @Test func aYAMLFileOverItsLimitIsAnError() throws {
        let run = try Self.build([
            "Content/site.yaml": Self.siteWithLimits("yaml_bytes: 100000"),
            "Content/staff/big.yaml": "id: big\nname: 大きな記録\nnote: " + String(repeating: "メモ", count: 20_000) + "\n",
        ])
        #expect(run.errorLines == [
            "Content/staff/big.yaml:1:1: error: this file is 117 KB; the limit is 97 KB (split it, or raise limits.yaml_bytes in site.yaml)",
        ])
    }

    // MARK: Limits come from site.yaml

    @Test func raisedLimitsLetBiggerInputsThrough() throws {
        let files = [
            "Content/cases/a.md": FixtureSite.story(title: String(repeating: "題", count: 250), body: Self.linkLines(400)),
        ]
        let refused = try Self.build(files)
        #expect(refused.status == 1)
        #expect(refused.errorLines.count == 2, "\(refused.stderr)")
        var raised = files
        raised["Content/site.yaml"] = Self.siteWithLimits("title_chars: 300, inline_delimiters: 1500")
        let built = try Self.build(raised)
        #expect(built.status == 0, "\(built.stderr)")
    }

    @Test func aLoweredLimitRefusesWhatTheDefaultAllows() throws {
        let run = try Self.build([
            "Content/site.yaml": Self.siteWithLimits("summary_chars: 20"),
            "Content/cases/a.md": FixtureSite.story(extra: "summary: " + String(repeating: "要", count: 21)),
        ])
        #expect(run.errorLines == [
            "Content/cases/a.md:11:10: error: the summary is 21 characters; the limit is 20 (shorten it, or raise limits.summary_chars in site.yaml)",
        ])
    }

    @Test func invalidLimitValuesAreErrorsAtTheValue() throws {
        let run = try Self.build([
            "Content/site.yaml": FixtureSite.siteYAML + "limits:\n  title_chars: 0\n  body_bytes: lots\n  table_rows: 10\n",
        ])
        #expect(run.status == 1)
        let lines = FixtureSite.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(run.errorLines.contains("Content/site.yaml:\(lines + 1):16: error: limit 'title_chars' must be a positive whole number, found 0"))
        #expect(run.errorLines.contains { $0.hasPrefix("Content/site.yaml:\(lines + 2):15: error: ") }, "\(run.stderr)")
        #expect(run.stderr.contains("Content/site.yaml:\(lines + 3):3: warning: unknown limit 'table_rows' is ignored"))
    }

    // MARK: Within the limits, the worst input completes

    /// The largest body allowed here, made of the worst paragraphs allowed (999 marks each)
    /// and the widest tables allowed. Quadratic in the paragraph, 2 MB would take cmark-gfm
    /// about two minutes; quadratic in the body anywhere in bansou, longer. No timing is
    /// asserted: a regression shows as a suite that does not finish.
    @Test func theWorstInputWithinTheLimitsBuilds() throws {
        let paragraph = Self.linkLines(333) + "\n\n"
        let table = "|" + String(repeating: "見出し|", count: 128) + "\n|" + String(repeating: "---|", count: 128) + "\n"
            + String(repeating: "|" + String(repeating: "値|", count: 128) + "\n", count: 5) + "\n"
        var body = ""
        while body.utf8.count < 2_000_000 { body += paragraph + table }
        let run = try Self.build([
            "Content/site.yaml": Self.siteWithLimits("body_bytes: 2200000"),
            "Content/cases/a.md": FixtureSite.story(title: String(repeating: "題", count: 200), body: body),
        ])
        #expect(run.status == 0, "\(run.stderr.prefix(2000))")
    }

    /// The 9 MB story spent 275 s in the render stage: the search tokenizer folded
    /// every scalar outside ASCII, kana and kanji (、。「」, full-width letters) with
    /// `String.UnicodeScalarView.append(contentsOf:)`, which copies the whole view on each
    /// call (Swift 6.0's standard library: 1 M such appends 7 s, 4 M 218 s). With a raised
    /// body limit the same story must build; quadratic anywhere, it would take minutes.
    @Test func aNineMegabyteStoryBuilds() throws {
        let paragraph = "「受発注」をＦＡＸからクラウドに切り替え、現場の負担が大きく減りました。We moved order intake to a cloud service.\n\n"
        let body = String(repeating: paragraph, count: 9_000_000 / paragraph.utf8.count)
        let run = try Self.build([
            "Content/site.yaml": Self.siteWithLimits("body_bytes: 10000000"),
            "Content/cases/a.md": FixtureSite.story(body: body),
        ])
        #expect(run.status == 0, "\(run.stderr.prefix(2000))")
    }

    // MARK: Paragraphs are found from above

    static func crowded(_ body: String, limit: Int = 10) -> [InlineDelimiters.Crowded] {
        InlineDelimiters.crowded(lines: Array(body.utf8).split(separator: 0x0A, omittingEmptySubsequences: false), limit: limit)
    }

    /// Lines cmark-gfm keeps in one paragraph are counted together, whatever they look like.
    @Test(arguments: [
        "",                // plain lines
        "2. ",             // an ordered item other than 1 cannot interrupt a paragraph
        "    - ",          // four spaces: continuation text, not a list item
        "| ",              // a table row needs a delimiter row
        "\u{0C}",          // a form feed is text, not blank
    ])
    func continuationLinesStayInTheParagraph(prefix: String) {
        let body = "前文\n" + Self.linkLines(10, prefix: prefix)
        #expect(Self.crowded(body) == [.init(line: 0, count: 30)])
    }

    @Test func blockQuoteLinesAreOneParagraphAndALoneMarkerEndsIt() {
        let quoted = Self.linkLines(10, prefix: "> ")
        #expect(Self.crowded(quoted) == [.init(line: 0, count: 30)])
        #expect(Self.crowded(quoted + "\n    >\n" + quoted) == [.init(line: 0, count: 60)]) // indented '>' is text
        #expect(Self.crowded("> *a* [b](c)\n>\n> *a* [b](c)", limit: 3).isEmpty) // '>' alone is a blank line in the quote
    }

    @Test func listItemsHeadingsAndBlankLinesEndAParagraph() {
        for prefix in ["- ", "* ", "+ ", "1. ", "1) ", "> - ", "   - "] {
            #expect(Self.crowded(Self.linkLines(10, prefix: prefix), limit: 3).isEmpty, "\(prefix)")
        }
        #expect(Self.crowded(Self.linkLines(10).replacingOccurrences(of: "\n", with: "\n\n"), limit: 3).isEmpty)
        #expect(Self.crowded("# **a** [b](c)\n*e*", limit: 3).isEmpty)
    }

    @Test func marksThatCannotBeDelimitersAreNotCounted() {
        #expect(InlineDelimiters.marks(in: ArraySlice(Array("user_name = a * b ~ c __init__".utf8))) == 2) // only __init__'s two runs
        #expect(InlineDelimiters.marks(in: ArraySlice(Array("**太字** ~~消~~ [a](b) _x_".utf8))) == 7)
    }

    @Test func tablesInQuotesAndWithFormFeedsAreFound() {
        #expect(MarkdownLimits.tables(in: "> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n").map(\.columns) == [2])
        #expect(MarkdownLimits.tables(in: "| a |\n|-\u{0B}|-\u{0C}|\n").map(\.columns) == [2])
        // A form feed line does not end a table: its rows go on.
        #expect(MarkdownLimits.tables(in: "| a |\n| - |\n\u{0C}\n| b |\n").map(\.rows) == [4])
    }
}
