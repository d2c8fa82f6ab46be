/// Checks a confidential client record (Content/clients/<id>.yaml).
struct ClientValidator {
    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog
    /// The date reports are made for: an assessment or a record dated after it is likely a typo.
    let asOf: Day

    private var guidance: String { check.path("guidance") }
    private var areasFile: String { check.path("guidance/areas.yaml") }
    private var policyToolsFile: String { check.path("guidance/policy-tools.yaml") }

    func validate(_ client: Client) {
        let g = guidance
        check.idMatchesFile(client.id, path: client.path)
        check.reference(client.industry, in: refs.industries, kind: "industry", file: "\(g)/industries.yaml")
        if let prefecture = client.prefecture, !refs.prefectures.contains(prefecture.value) {
            log.error("unknown prefecture '\(prefecture.value)': write it as in regions.yaml, with its suffix (愛知県, 東京都)", at: prefecture.location)
        }
        check.reference(client.needLayer, in: refs.needLayers, kind: "need layer", file: "\(g)/need-layers.yaml")
        if let advisor = client.advisor, !refs.staff.contains(advisor.value) {
            log.error("advisor '\(advisor.value)' is not on the staff (\(check.path("staff/\(advisor.value).yaml")))", at: advisor.location)
        }
        if let employees = client.employees, employees.value < 0 {
            log.error("employees must not be negative", at: employees.location)
        }
        if client.areas?.isEmpty ?? true {
            // Spec, Stage diagnosis 3: not an error; the report says 未診断 and asks for an assessment.
            log.warning("client '\(client.id.value)' has no assessed area (未診断): add `areas` with a level 1–4 per business area", at: client.id.location)
        }
        validateAssessment(areas: client.areas, indicators: client.indicators)
        check.references(client.challenges, in: refs.challenges, kind: "challenge", file: "\(g)/challenges.yaml")
        for task in client.roadmap ?? [] {
            if YearMonth(task.start.value) == nil {
                log.error("start must be a month written YYYY-MM, found '\(task.start.value)'", at: task.start.location)
            }
            check.range(task.months, 1...36, what: "months")
            check.reference(task.area, in: refs.areas, kind: "area", file: areasFile)
            check.reference(task.owner, in: refs.institutions, kind: "institution type", file: "\(g)/institutions.yaml")
        }
        if let override = client.stageOverride {
            check.range(override.stage, 1...4, what: "stage_override.stage")
        }
        if let website = client.website {
            // Without a scheme the host is still protected (IdentifyingTerms); any other scheme is refused.
            if LinkURL.problem(website.value, allowing: LinkURL.web) == .relative {
                log.warning("website should be a full URL (https://…) so its host can be protected", at: website.location)
            } else {
                check.link(website, field: "website", allowing: LinkURL.web)
            }
        }
        validateAssessed(client)
        validateHistory(client)
        validateGoals(client.goals)
        validatePolicy(client.policy)
        validateRoadmapIDs(client.roadmap)
        validateProgress(client)
    }

    /// The current assessment and every `history` entry have the same shapes and ranges.
    private func validateAssessment(areas: OrderedMap<AreaAssessment>?, indicators: OrderedMap<IndicatorScore>?) {
        for entry in areas?.entries ?? [] {
            check.reference(entry.key, in: refs.areas, kind: "area", file: areasFile)
            check.range(entry.value.level, 1...4, what: "an area level")
        }
        for entry in indicators?.entries ?? [] {
            check.reference(entry.key, in: refs.indicators, kind: "indicator", file: "\(guidance)/indicators.yaml")
            check.range(entry.value.current, 0...5, what: "an indicator value")
            check.range(entry.value.target, 0...5, what: "an indicator target")
        }
    }

    // MARK: v2 (spec, "Support over time and plans a company can be handed")

    /// `assessed` after the as-of date is not impossible, but an assessment in the future is
    /// far more likely a mistyped year or month: a warning, so the build still goes on.
    private func validateAssessed(_ client: Client) {
        guard let assessed = client.assessed, !assessed.isPlaceholder, assessed.value > asOf else { return }
        log.warning("assessed (\(assessed.value)) is after the as-of date (\(asOf)): an assessment in the future is likely a typo", at: assessed.location)
    }

    /// `history`: earlier assessments, each dated before `assessed`, one entry per date.
    private func validateHistory(_ client: Client) {
        guard let history = client.history else { return }
        let assessed = client.assessed.flatMap { $0.isPlaceholder ? nil : $0 }
        if client.assessed == nil {
            let at = history.first { !$0.date.isPlaceholder }?.date.location ?? client.id.location
            log.error("`history` needs `assessed`: add `assessed: YYYY-MM-DD`, the date of the current `areas`/`indicators`, so the earlier assessments can be compared with it", at: at)
        }
        var seen = Set<Day>()
        for entry in history {
            validateAssessment(areas: entry.areas, indicators: entry.indicators)
            let date = entry.date
            guard !date.isPlaceholder else { continue }
            if entry.areas?.isEmpty ?? true {
                // Contract shape `{ date, areas, indicators? }`: the stage at that date comes from the areas.
                log.error("history entry dated \(date.value) needs `areas` (area id → level 1–4): the stage at that date is computed from them", at: date.location)
            }
            if let assessed, date.value >= assessed.value {
                log.error("history entry dated \(date.value) must be before `assessed` (\(assessed.value)): `history` holds the earlier assessments, the current one is `areas`/`indicators`", at: date.location)
            }
            if !seen.insert(date.value).inserted {
                log.error("a second history entry dated \(date.value): give one entry per date", at: date.location)
            }
        }
    }

    /// Goals steer the plan through their areas (plan rules 1–2), and their text is printed.
    private func validateGoals(_ goals: [Goal]?) {
        for goal in goals ?? [] {
            check.references(goal.areas, in: refs.areas, kind: "area", file: areasFile)
            if !goal.text.isPlaceholder, goal.text.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                log.error("a goal's text must not be empty: write what the company wants to achieve (「受発注の電子化」)", at: goal.text.location)
            }
        }
    }

    /// `policy`: keys are policy-tools.yaml ids, each with the status its kind of tool allows.
    ///
    /// Which statuses a tool allows is decided from its id, not from a list in the code: a tool
    /// whose id contains "certification" (the shipped `dx-certification`, or a site's own
    /// certification scheme) is one a company *holds* or is *applying* for; any other tool
    /// (`dx-index`, `governance-code`, …) is one a company has *done*.
    private func validatePolicy(_ policy: OrderedMap<PolicyStatus>?) {
        for entry in policy?.entries ?? [] {
            let tool = entry.key
            check.reference(tool, in: refs.policyTools, kind: "policy tool", file: policyToolsFile)
            let status = entry.value.status
            guard !status.isPlaceholder else { continue }
            let known = refs.policyTools.contains(tool.value)
            let allowed = !known ? Self.allPolicyStatuses
                : Self.isCertification(tool.value) ? Self.certificationStatuses : Self.toolStatuses
            guard allowed.contains(status.value) else {
                let what = !known ? "a policy status" : "the status of '\(tool.value)'"
                log.error("\(what) must be \(Self.list(allowed)), found '\(status.value)'", at: status.location)
                continue
            }
            let achieved = PlanRules.isAchieved(policyStatus: status.value)
            if let date = entry.value.date {
                if achieved, !date.isPlaceholder, date.value > asOf {
                    log.warning("'\(tool.value)' is \(status.value) on \(date.value), after the as-of date (\(asOf)): a date in the future is likely a typo", at: date.location)
                }
            } else if status.value != "planned" && status.value != "none" {
                log.warning("status '\(status.value)' of '\(tool.value)' needs a `date` (YYYY-MM-DD): the report shows when it was \(status.value == "applying" ? "applied for" : "achieved")", at: status.location)
            }
        }
    }

    static func isCertification(_ tool: String) -> Bool { tool.contains("certification") }
    static let certificationStatuses = ["held", "applying", "planned", "none"]
    static let toolStatuses = ["done", "planned", "none"]
    static let allPolicyStatuses = ["held", "applying", "done", "planned", "none"]

    /// Explicit roadmap tasks: an optional slug id, unique within the client, and a recorded status.
    private func validateRoadmapIDs(_ roadmap: [PlannedTask]?) {
        var seen = Set<String>()
        for task in roadmap ?? [] {
            if let id = task.id, !id.isPlaceholder {
                check.slug(id, kind: "roadmap task id")
                if !seen.insert(id.value).inserted {
                    log.error("roadmap task id '\(id.value)' is used twice in this client: give each task its own id", at: id.location)
                }
            }
            if let status = task.status { recordableStatus(status, what: "a roadmap task's status") }
        }
    }

    /// `progress`: each entry names a task by a generated id (`quick-win:ordering`) or by the
    /// `id` of one of this client's explicit roadmap tasks.
    private func validateProgress(_ client: Client) {
        let explicitIDs = Set((client.roadmap ?? []).compactMap { $0.id?.value })
        for entry in client.progress ?? [] {
            let task = entry.task
            if !task.isPlaceholder {
                if TaskID.looksGenerated(task.value) {
                    if let problem = generatedTaskProblem(task.value) {
                        log.error("progress task id '\(task.value)' names no generated task: \(problem)", at: task.location)
                    }
                } else if !explicitIDs.contains(task.value) {
                    let ids = explicitIDs.isEmpty ? "this client's roadmap has no task with an id" : "this client's roadmap task ids are \(Self.list(explicitIDs.sorted(), "and"))"
                    log.error("progress task '\(task.value)' is neither a generated task id (\(Self.list(Self.kindExamples))) nor the id of one of this client's roadmap tasks (\(ids))", at: task.location)
                }
            }
            recordableStatus(entry.status, what: "a progress status")
            if let date = entry.date, !date.isPlaceholder, date.value > asOf {
                log.warning("progress date \(date.value) is after the as-of date (\(asOf)): a date in the future is likely a typo", at: date.location)
            }
        }
    }

    private static let kindExamples = TaskID.Kind.allCases.map { kind -> String in
        switch kind.subject {
        case .area: return "\(kind.rawValue):<area>"
        case .policyTool: return "\(kind.rawValue):<tool>"
        case .fixed(let subject): return "\(kind.rawValue):\(subject)"
        }
    }

    /// Why `kind:subject` is not a task the planner can generate; nil when it is one.
    private func generatedTaskProblem(_ text: String) -> String? {
        guard let id = TaskID(text) else {
            let kind = text.prefix { $0 != ":" }
            return "kind '\(kind)' is not defined; the kinds are \(Self.list(TaskID.Kind.allCases.map(\.rawValue), "and"))"
        }
        switch id.kind.subject {
        case .area:
            if !refs.areas.contains(id.subject) {
                return "area '\(id.subject)' is not defined (see \(areasFile))"
            }
        case .policyTool:
            if !refs.policyTools.contains(id.subject) {
                return "policy tool '\(id.subject)' is not defined (see \(policyToolsFile))"
            }
        case .fixed(let subject):
            if id.subject != subject {
                return "'\(id.subject)' is not defined for \(id.kind.rawValue): the only \(id.kind.rawValue) task is '\(id.kind.rawValue):\(subject)'"
            }
        }
        return nil
    }

    /// A status a content file may record: planned, doing, done, dropped (`overdue` is computed).
    private func recordableStatus(_ status: Located<String>, what: String) {
        guard !status.isPlaceholder else { return }
        let allowed = TaskStatus.recordable.map(\.rawValue)
        if !allowed.contains(status.value) {
            let hint = status.value == TaskStatus.overdue.rawValue ? " ('overdue' is computed from the task's months, never written)" : ""
            log.error("\(what) must be \(Self.list(allowed)), found '\(status.value)'\(hint)", at: status.location)
        }
    }

    /// "a, b or c" (or "a, b and c")
    static func list(_ items: [String], _ conjunction: String = "or") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
