import Foundation

/// Output/reports/portfolio.json (spec v2, "The portfolio"):
/// `{"as_of": "…", "moved_up": n, "clients": [{"client": id, "stage": n|null,
/// "stage_12m_ago": n|null, "overdue": n, "days_since_meeting": n|null, …}, …]}`, clients
/// sorted by id, keys sorted (ReportJSON's writer), so two builds give the same bytes.
/// Prints `Diagnosis.portfolio`; computes nothing.
///
/// More keys per client: `name`, `advisor` (staff id or null), `last_meeting`
/// (YYYY-MM-DD or null), `moved_up` (bool), `follow_up` (bool: overdue tasks, or no
/// meeting for 90 days or none).
enum PortfolioJSON {
    static func object(_ diagnosed: [(client: Client, diagnosis: Diagnosis)], asOf: Day) -> [String: Any] {
        func orNull(_ value: Any?) -> Any { value ?? NSNull() }
        let sorted = diagnosed.sorted { $0.client.id.value < $1.client.id.value }
        let clients: [[String: Any]] = sorted.map { item in
            let p = item.diagnosis.portfolio
            return [
                "client": item.client.id.value,
                "name": item.client.name.value,
                "advisor": orNull(item.client.advisor?.value),
                "stage": orNull(p.stage),
                "stage_12m_ago": orNull(p.stage12MonthsAgo),
                "moved_up": p.movedUp,
                "overdue": p.overdue,
                "days_since_meeting": orNull(p.daysSinceMeeting),
                "last_meeting": orNull(p.lastMeeting?.description),
                "follow_up": p.needsFollowUp,
            ]
        }
        return [
            "as_of": asOf.description,
            "moved_up": sorted.filter { $0.diagnosis.portfolio.movedUp }.count,
            "clients": clients,
        ]
    }

    static func data(_ diagnosed: [(client: Client, diagnosis: Diagnosis)], asOf: Day) -> Data {
        var out = ""
        ReportJSON.write(object(diagnosed, asOf: asOf), to: &out, indent: "")
        out += "\n"
        return Data(out.utf8)
    }
}
