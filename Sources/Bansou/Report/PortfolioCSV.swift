import Foundation

/// Output/reports/portfolio.csv (spec v2, "The portfolio"): the dashboard's portfolio rows
/// for Excel. UTF-8 with a BOM (so Excel reads the Japanese names), CRLF line ends, a
/// header row, one row per client sorted by id, fields quoted per RFC 4180, and an empty
/// cell for a value that is not known. Prints `Diagnosis.portfolio`; computes nothing.
///
/// Columns: `client` (id), `name`, `stage` (empty: 未診断), `stage_12m_ago` (empty: no
/// assessment that old), `moved_up` (1/0), `overdue` (tasks), `days_since_meeting` (empty:
/// no meeting on or before `as_of`), `last_meeting` (YYYY-MM-DD), `advisor` (staff id),
/// `advisor_name`, `follow_up` (1/0: overdue tasks, or no meeting for 90 days or none),
/// `as_of` (the same on every row, so monthly files can be stacked in one sheet).
enum PortfolioCSV {
    static let header = ["client", "name", "stage", "stage_12m_ago", "moved_up", "overdue", "days_since_meeting",
                         "last_meeting", "advisor", "advisor_name", "follow_up", "as_of"]
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// - Parameter advisorNames: staff id → name, for `advisor_name` (empty when unknown).
    static func data(_ diagnosed: [(client: Client, diagnosis: Diagnosis)], asOf: Day,
                     advisorNames: [String: String] = [:]) -> Data {
        let rows = diagnosed.sorted { $0.client.id.value < $1.client.id.value }.map { item -> [String] in
            let p = item.diagnosis.portfolio
            let advisor = item.client.advisor?.value
            return [
                item.client.id.value, item.client.name.value,
                cell(p.stage), cell(p.stage12MonthsAgo), p.movedUp ? "1" : "0", String(p.overdue),
                cell(p.daysSinceMeeting), p.lastMeeting?.description ?? "",
                advisor ?? "", advisor.flatMap { advisorNames[$0] } ?? "",
                p.needsFollowUp ? "1" : "0", asOf.description,
            ]
        }
        let text = ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
        return Data(bom) + Data(text.utf8)
    }

    static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// RFC 4180: a field holding a comma, a double quote, CR or LF is enclosed in double
    /// quotes, and each double quote inside is doubled.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
