import Foundation
import Testing

/// The portfolio (spec v2, "The portfolio"; issue 8 item 5) built in process: the
/// dashboard's portfolio section, Output/reports/portfolio.csv and portfolio.json, on four
/// fixture clients (as_of 2026-11-25, so "12 months earlier" is 2025-11-25):
/// - a-rising: stage 1 on 2025-09-01, stage 2 now → moved up; met 2026-10-15 (41 days);
///   a past explicit task recorded done (not overdue, and not its next step);
/// - b-late: an explicit task 2026-05 + 2 months, no status → overdue 1; met 5 days ago;
/// - c-quiet: stage 3 both then and now (not moved up); only meeting 2026-07-01 (147 days);
/// - d-silent: 未診断, no meeting, no advisor, a name with a quote and a comma.
@Suite(.serialized)
struct PortfolioTests {
    static let clients: [String: String] = [
        "Content/clients/a-rising.yaml": """
        id: a-rising
        name: 上昇精工株式会社
        industry: manufacturing
        prefecture: 愛知県
        employees: 30
        advisor: suzuki
        assessed: 2026-10-01
        areas: { ordering: 2, attendance: 2 }
        history:
          - { date: 2025-09-01, areas: { ordering: 1, attendance: 1 } }
        roadmap:
          - { id: clock-in, title: 勤怠の打刻をクラウドへ, area: attendance, start: 2026-03, months: 2, owner: saas, status: done }
        meetings:
          - { date: 2026-10-15, note: 受注の電子化を確認。 }
          - { date: 2026-12-01, note: 次回の予定。 }

        """,
        "Content/clients/b-late.yaml": """
        id: b-late
        name: 遅延商事株式会社
        industry: wholesale-retail
        prefecture: 岐阜県
        employees: 12
        advisor: suzuki
        areas: { ordering: 1, attendance: 1 }
        roadmap:
          - { id: ledger, title: 受注台帳の電子化, area: ordering, start: 2026-05, months: 2, owner: it-vendor }
        meetings:
          - { date: 2026-11-20, note: 台帳の電子化が止まっている。 }

        """,
        "Content/clients/c-quiet.yaml": """
        id: c-quiet
        name: 静寂運輸株式会社
        industry: manufacturing
        prefecture: 三重県
        employees: 80
        advisor: suzuki
        assessed: 2026-07-01
        areas: { ordering: 3, attendance: 3 }
        history:
          - { date: 2025-06-01, areas: { ordering: 3, attendance: 3 } }
        meetings:
          - { date: 2026-07-01, note: 現状診断を更新。 }

        """,
        "Content/clients/d-silent.yaml": """
        id: d-silent
        name: '無音"工房",合同会社'
        industry: manufacturing
        prefecture: 静岡県
        employees: 5

        """,
    ]

    func site() throws -> FixtureSite {
        var files = Self.clients
        files["Content/staff/suzuki.yaml"] = ReportEndToEndTests.staff
        return try FixtureSite(files: files)
    }

    func build() throws -> FixtureSite {
        let site = try site()
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines.isEmpty, "\(run.stderr)")
        return site
    }

    func bytes(_ site: FixtureSite, _ path: String) throws -> Data {
        try Data(contentsOf: site.root.appendingPathComponent(path))
    }

    @Test func portfolioJSONHasTheContractShapeAndValues() throws {
        let site = try build()
        let data = try bytes(site, "Output/reports/portfolio.json")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["as_of", "moved_up", "clients"])
        #expect(object["as_of"] as? String == "2026-11-25")
        #expect(object["moved_up"] as? Int == 1)
        let clients = try #require(object["clients"] as? [[String: Any]])
        // Sorted by id.
        #expect(clients.map { $0["client"] as? String } == ["a-rising", "b-late", "c-quiet", "d-silent"])
        let byID = Dictionary(uniqueKeysWithValues: clients.map { ($0["client"] as? String ?? "", $0) })

        func int(_ id: String, _ key: String) -> Int? { byID[id]?[key] as? Int }
        func isNull(_ id: String, _ key: String) -> Bool { byID[id]?[key] is NSNull }
        func bool(_ id: String, _ key: String) -> Bool? { byID[id]?[key] as? Bool }

        // a-rising: stage 1 (2025-09-01, on or before 2025-11-25) → 2; the 2026-12-01 meeting is after as_of.
        #expect(int("a-rising", "stage") == 2)
        #expect(int("a-rising", "stage_12m_ago") == 1)
        #expect(int("a-rising", "overdue") == 0)
        #expect(int("a-rising", "days_since_meeting") == 41)
        #expect(byID["a-rising"]?["last_meeting"] as? String == "2026-10-15")
        #expect(bool("a-rising", "moved_up") == true)
        #expect(bool("a-rising", "follow_up") == false)
        #expect(byID["a-rising"]?["name"] as? String == "上昇精工株式会社")
        #expect(byID["a-rising"]?["advisor"] as? String == "suzuki")

        // b-late: no assessed date, so its current areas count as dated as_of: no stage 12 months ago.
        #expect(int("b-late", "stage") == 1)
        #expect(isNull("b-late", "stage_12m_ago"))
        #expect(int("b-late", "overdue") == 1)
        #expect(int("b-late", "days_since_meeting") == 5)
        #expect(bool("b-late", "moved_up") == false)
        #expect(bool("b-late", "follow_up") == true)

        // c-quiet: the same stage then and now is not a move up; 147 days without a meeting.
        #expect(int("c-quiet", "stage") == 3)
        #expect(int("c-quiet", "stage_12m_ago") == 3)
        #expect(int("c-quiet", "overdue") == 0)
        #expect(int("c-quiet", "days_since_meeting") == 147)
        #expect(bool("c-quiet", "moved_up") == false)
        #expect(bool("c-quiet", "follow_up") == true)

        // d-silent: 未診断 and never met: nulls, not zeros.
        #expect(isNull("d-silent", "stage"))
        #expect(isNull("d-silent", "stage_12m_ago"))
        #expect(int("d-silent", "overdue") == 0)
        #expect(isNull("d-silent", "days_since_meeting"))
        #expect(isNull("d-silent", "last_meeting"))
        #expect(isNull("d-silent", "advisor"))
        #expect(bool("d-silent", "follow_up") == true)
    }

    @Test func portfolioJSONIsStableAndKeySorted() throws {
        let site = try build()
        let first = try bytes(site, "Output/reports/portfolio.json")
        // The second build by the binary: another process, another hash seed.
        #expect(try site.run("build").status == 0)
        #expect(try bytes(site, "Output/reports/portfolio.json") == first)
        let text = String(decoding: first, as: UTF8.self)
        // Top-level keys in sorted order, and each client's keys too.
        let asOf = try #require(text.range(of: "\"as_of\""))
        let clients = try #require(text.range(of: "\"clients\""))
        let movedUp = try #require(text.range(of: "\"moved_up\": 1"))
        #expect(asOf.lowerBound < clients.lowerBound && clients.lowerBound < movedUp.lowerBound)
        let client = try #require(text.range(of: "\"client\": \"a-rising\""))
        let days = try #require(text.range(of: "\"days_since_meeting\": 41"))
        let overdue = try #require(text.range(of: "\"overdue\": 0", range: client.upperBound..<text.endIndex))
        let stage = try #require(text.range(of: "\"stage\": 2", range: client.upperBound..<text.endIndex))
        #expect(client.lowerBound < days.lowerBound && days.lowerBound < overdue.lowerBound && overdue.lowerBound < stage.lowerBound)
    }

    @Test func portfolioCSVHasBOMHeaderAndQuotedCells() throws {
        let site = try build()
        let data = try bytes(site, "Output/reports/portfolio.csv")
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(text.hasSuffix("\r\n"))
        // Every line ends in CRLF: no bare LF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        let header = try #require(lines.first).components(separatedBy: ",")
        for column in ["client", "name", "stage", "stage_12m_ago", "moved_up", "overdue", "days_since_meeting",
                       "last_meeting", "advisor", "follow_up"] {
            #expect(header.contains(column), "missing column \(column)")
        }
        func row(_ id: String) throws -> [String: String] {
            let line = try #require(lines.first { $0.hasPrefix(id + ",") })
            let cells = Self.parseCSVLine(line)
            #expect(cells.count == header.count, "\(line)")
            return Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, $1) })
        }
        // Rows by id.
        #expect(lines.dropFirst().map { $0.components(separatedBy: ",")[0] } == ["a-rising", "b-late", "c-quiet", "d-silent"])

        let a = try row("a-rising")
        #expect(a["name"] == "上昇精工株式会社")
        #expect(a["stage"] == "2")
        #expect(a["stage_12m_ago"] == "1")
        #expect(a["moved_up"] == "1")
        #expect(a["overdue"] == "0")
        #expect(a["days_since_meeting"] == "41")
        #expect(a["last_meeting"] == "2026-10-15")
        #expect(a["advisor"] == "suzuki")
        #expect(a["follow_up"] == "0")

        let b = try row("b-late")
        #expect(b["stage_12m_ago"] == "")
        #expect(b["overdue"] == "1")
        #expect(b["follow_up"] == "1")

        let c = try row("c-quiet")
        #expect(c["stage"] == "3")
        #expect(c["stage_12m_ago"] == "3")
        #expect(c["moved_up"] == "0")
        #expect(c["days_since_meeting"] == "147")
        #expect(c["follow_up"] == "1")

        // RFC 4180: the name with a quote and a comma is quoted and its quotes doubled; nulls are empty.
        #expect(text.contains("d-silent,\"無音\"\"工房\"\",合同会社\","))
        let d = try row("d-silent")
        #expect(d["name"] == "無音\"工房\",合同会社")
        #expect(d["stage"] == "")
        #expect(d["stage_12m_ago"] == "")
        #expect(d["days_since_meeting"] == "")
        #expect(d["last_meeting"] == "")
        #expect(d["advisor"] == "")
        #expect(d["follow_up"] == "1")
    }

    @Test func dashboardShowsMovedUpFollowUpsAndLinks() throws {
        let site = try build()
        let dash = try site.read("Output/reports/index.html")
        // The portfolio comes first, before the need layer × stage matrix.
        let portfolio = try #require(dash.range(of: "id=\"portfolio-h\""))
        let matrix = try #require(dash.range(of: "id=\"matrix-h\""))
        #expect(portfolio.lowerBound < matrix.lowerBound)
        // The moved-up total, and who moved up.
        #expect(dash.contains("<p class=\"kpi-label\">12か月前より段階が上がった顧客</p><p class=\"kpi-value\">1<small>社</small></p>"))
        let movedUpList = try #require(Self.between(dash, "<div class=\"small moved-up-list\">", "</div>"))
        #expect(movedUpList.contains("上昇精工株式会社"))
        #expect(!movedUpList.contains("静寂運輸株式会社"))

        // The follow-up list: overdue tasks or no meeting for 90 days (or none), not the others.
        let followUps = try #require(Self.between(dash, "<ul class=\"follow-up\"", "</ul>"))
        #expect(followUps.contains("遅延商事株式会社"))
        #expect(followUps.contains("遅れているタスク 1件"))
        #expect(followUps.contains("静寂運輸株式会社"))
        #expect(followUps.contains("最終面談から147日"))
        #expect(followUps.contains("無音&quot;工房&quot;,合同会社"))
        #expect(followUps.contains("面談の記録なし"))
        #expect(!followUps.contains("上昇精工株式会社"))
        #expect(dash.contains("要フォロー（3社）"))

        // The table: one row per client with its report, advisor sheet and PDF; sortable heads.
        let table = try #require(Self.between(dash, "<table class=\"data compact portfolio stack\" id=\"portfolio-table\">", "</table>"))
        for id in ["a-rising", "b-late", "c-quiet", "d-silent"] {
            #expect(table.contains("href=\"\(id)/index.html\""), "\(id) report link")
            #expect(table.contains("href=\"\(id)/advisor.html\""), "\(id) advisor link")
            #expect(table.contains("href=\"\(id)/report.pdf\""), "\(id) PDF link")
        }
        #expect(table.components(separatedBy: "<tr>").count - 1 == 5)
        #expect(table.contains("aria-sort=\"ascending\""))
        #expect(table.contains("段階2<span class=\"up\">↑上昇</span>"))
        #expect(table.contains("data-sort=\"147\">147日<span class=\"sub\">2026-07-01</span>"))
        #expect(table.contains("data-sort=\"\"><span class=\"muted\">—</span><span class=\"sub\">記録なし</span>"))
        #expect(table.contains("<td class=\"n late\" data-sort=\"1\">1件</td>"))
        #expect(dash.contains("document.getElementById(\"portfolio-table\")"))
    }

    @Test func dashboardClientListShowsTheNextOpenStepWithItsStatus() throws {
        let site = try build()
        let dash = try site.read("Output/reports/index.html")
        let list = try #require(Self.between(dash, "<table class=\"data compact clients stack\">", "</table>"))
        // b-late's overdue explicit task is its next step, marked late, with its period.
        let row = try #require(Self.between(list, "<a href=\"b-late/index.html\">", "</tr>"))
        #expect(row.contains("受注台帳の電子化<span class=\"tag tag-late\">遅れ</span>"))
        #expect(row.contains("2026年5月〜6月"))
        // a-rising's earliest task is done: the next step is its first open one, not `tasks.first`.
        let rising = try #require(Self.between(list, "<a href=\"a-rising/index.html\">", "</tr>"))
        #expect(!rising.contains("勤怠の打刻をクラウドへ"))
        #expect(rising.contains("<span class=\"tag\">予定</span>"))
    }

    /// The text from `start` up to the next `end` after it.
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let s = text.range(of: start), let e = text.range(of: end, range: s.upperBound..<text.endIndex) else { return nil }
        return String(text[s.upperBound..<e.lowerBound])
    }

    /// One RFC 4180 record without line breaks inside fields.
    static func parseCSVLine(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { cells.append(cell); cell = "" }
            else { cell.append(c) }
        }
        cells.append(cell)
        return cells
    }
}
