/// Checks a confidential client record (Content/clients/<id>.yaml).
struct ClientValidator {
    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog

    func validate(_ client: Client) {
        let g = "Content/guidance"
        check.idMatchesFile(client.id, path: client.path)
        check.reference(client.industry, in: refs.industries, kind: "industry", file: "\(g)/industries.yaml")
        if let prefecture = client.prefecture, !refs.prefectures.contains(prefecture.value) {
            log.error("unknown prefecture '\(prefecture.value)': write it as in regions.yaml, with its suffix (愛知県, 東京都)", at: prefecture.location)
        }
        check.reference(client.needLayer, in: refs.needLayers, kind: "need layer", file: "\(g)/need-layers.yaml")
        if let advisor = client.advisor, !refs.staff.contains(advisor.value) {
            log.error("advisor '\(advisor.value)' is not on the staff (Content/staff/\(advisor.value).yaml)", at: advisor.location)
        }
        if let employees = client.employees, employees.value < 0 {
            log.error("employees must not be negative", at: employees.location)
        }
        if client.areas?.isEmpty ?? true {
            // Spec, Stage diagnosis 3: not an error; the report says 未診断 and asks for an assessment.
            log.warning("client '\(client.id.value)' has no assessed area (未診断): add `areas` with a level 1–4 per business area", at: client.id.location)
        }
        for entry in client.areas?.entries ?? [] {
            check.reference(entry.key, in: refs.areas, kind: "area", file: "\(g)/areas.yaml")
            check.range(entry.value.level, 1...4, what: "an area level")
        }
        for entry in client.indicators?.entries ?? [] {
            check.reference(entry.key, in: refs.indicators, kind: "indicator", file: "\(g)/indicators.yaml")
            check.range(entry.value.current, 0...5, what: "an indicator value")
            check.range(entry.value.target, 0...5, what: "an indicator target")
        }
        check.references(client.challenges, in: refs.challenges, kind: "challenge", file: "\(g)/challenges.yaml")
        for task in client.roadmap ?? [] {
            if YearMonth(task.start.value) == nil {
                log.error("start must be a month written YYYY-MM, found '\(task.start.value)'", at: task.start.location)
            }
            check.range(task.months, 1...36, what: "months")
            check.reference(task.area, in: refs.areas, kind: "area", file: "\(g)/areas.yaml")
            check.reference(task.owner, in: refs.institutions, kind: "institution type", file: "\(g)/institutions.yaml")
        }
        if let override = client.stageOverride {
            check.range(override.stage, 1...4, what: "stage_override.stage")
        }
        if let website = client.website, !website.value.contains("://") {
            log.warning("website should be a full URL (https://…) so its host can be protected", at: website.location)
        }
    }
}
