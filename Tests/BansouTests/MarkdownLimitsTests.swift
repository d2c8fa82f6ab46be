import Foundation
import Testing
@testable import Bansou

/// cmark-gfm (Debian 12) autocompletes every table row to the header's width with no cap:
/// a wide table in a few KB of Markdown becomes megabytes of HTML. Such a body is refused
/// at the table's line before it reaches the parser.
@Suite struct MarkdownLimitsTests {
    static func wideTable(columns: Int, rows: Int) -> String {
        "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "x\n", count: rows)
    }

    @Test func tablesAreMeasuredUpToTheNextBlankLine() {
        let body = "前文\n\n| 項目 | 値 |\n| :-- | --: |\n| 受注 | 3 |\n| 在庫 | 4 |\n\n後の段落\n\n" + Self.wideTable(columns: 3, rows: 2)
        #expect(MarkdownLimits.tables(in: body) == [
            .init(headerLine: 2, columns: 2, rows: 4),
            .init(headerLine: 9, columns: 3, rows: 4),
        ])
    }

    @Test(arguments: ["---", "| - | x |", "- item", "|--|--", "text"])
    func onlyDelimiterRowsStartATable(line: String) {
        let columns = MarkdownLimits.delimiterColumns(Substring(line))
        #expect(columns == (line == "|--|--" ? 2 : line == "---" ? 1 : nil))
    }

    @Test func aStoryWithAnOversizedTableFailsAtTheTable() throws {
        let body = "## 取り組み\n\n本文です。\n\n" + Self.wideTable(columns: 100, rows: 1100)
        let site = try FixtureSite(files: [
            "Content/cases/wide.md": FixtureSite.story(body: body),
            "Content/clients/.gitkeep": "",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        let bodyFirstLine = FixtureSite.story(body: body).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(of: "## 取り組み")! + 1
        #expect(run.errorLines == [
            "Content/cases/wide.md:\(bodyFirstLine + 4):1: error: this table would make 100 columns × 1102 rows = 110200 cells; the limit is 100000 (split the table or attach it as a file)",
        ])
        #expect(!site.exists("Output/site/index.html"))
    }

    @Test func anOrdinaryTableBuilds() throws {
        let body = "## 成果\n\n| 指標 | 前 | 後 |\n| --- | --: | --: |\n| 受注処理時間 | 40分 | 10分 |\n"
        let site = try FixtureSite(files: [
            "Content/cases/table.md": FixtureSite.story(body: body),
            "Content/clients/.gitkeep": "",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.read("Output/site/cases/table/index.html").contains("<td>受注処理時間</td>"))
    }
}
