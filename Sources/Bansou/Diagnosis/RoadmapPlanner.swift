/// Lays out a client's plan by the contract's plan rules 1–8 (spec v2; each rule is a
/// function of `PlanRules`): a quick win, the level-up of the areas the goals name and of
/// the weak areas, BPO for weak indirect areas (guidance 3.6), policy-tool milestones,
/// talent training, and the advisor's own tasks, which win in their area. Every title and
/// reason is built from the company's own record: its goal text, area note and levels.
/// Pure and deterministic.
public struct RoadmapPlanner: Sendable {
    public var guidance: Guidance
    public var partners: [Partner]
    /// The publisher's institution type (site.yaml `publisher.type`), for plan rule 6.
    public var publisherType: String?

    /// The generated plan fits in this many months.
    public static let horizon = 18
    static let quickWinMonths = 2
    static let levelUpMonths = 3
    /// One area starts every this many months, so the company is not swamped.
    static let stagger = 2
    static let bpoMonths = 2
    static let trainingOffset = 3, trainingMonths = 6

    public init(guidance: Guidance, partners: [Partner], publisherType: String? = nil) {
        self.guidance = guidance
        self.partners = partners
        self.publisherType = publisherType
    }

    public func plan(client: Client, stage: StageDiagnosis, isIndifferent: Bool, asOf: Day) -> Roadmap {
        let context = Context(planner: self, client: client, stage: stage, asOf: asOf)
        var drafts: [Draft] = []
        var notes: [String] = []
        if stage.isUndiagnosed {
            notes.append("業務領域が未評価のため、目標に挙がった領域のほかはタスクを作れません。各業務領域のレベル（1〜4）を評価してください")
        }
        if isIndifferent {
            notes.append("無関心層のため、政策ツールと人材育成の取組は加えず、業務効率化とBPOに絞っています（ガイダンス3.6）")
        }

        // Rule 1: the quick win, first.
        var areaFree: [String: Int] = [:]
        if let area = PlanRules.quickWinArea(stage: stage.effective, weakAreas: context.weakIDs, goalAreas: context.goalAreaIDs),
           !context.isLeftOut(.quickWin(area), area: area, notes: &notes) {
            drafts.append(context.quickWin(area, offset: 0, months: Self.quickWinMonths))
            areaFree[area] = Self.quickWinMonths
        }

        // Rule 2 (with the BPO of weak indirect areas): one area every `stagger` months,
        // each area's tasks one after the other.
        let levelUps = PlanRules.levelUpAreas(goalAreas: context.goalAreaIDs, levels: context.levels, weakAreas: context.weakIDs)
        let bpoAreas = stage.bpoCandidates.map(\.id)
        var slot = 0
        var tooLate: [String] = []
        for area in levelUps + bpoAreas.filter({ !levelUps.contains($0) }) {
            var steps: [(TaskID, Int)] = []
            if bpoAreas.contains(area), !context.isLeftOut(.bpo(area), area: area, notes: &notes) { steps.append((.bpo(area), Self.bpoMonths)) }
            if levelUps.contains(area), !context.isLeftOut(.levelUp(area), area: area, notes: &notes) { steps.append((.levelUp(area), Self.levelUpMonths)) }
            guard !steps.isEmpty else { continue }
            var offset = max(Self.quickWinMonths + slot * Self.stagger, areaFree[area] ?? 0)
            guard offset + steps.map(\.1).reduce(0, +) <= Self.horizon else {
                tooLate.append("「\(context.name(area))」")
                continue
            }
            slot += 1
            for (id, months) in steps {
                drafts.append(id.kind == .bpo ? context.bpo(area, offset: offset, months: months)
                                              : context.levelUp(area, offset: offset, months: months, withBPO: steps.count > 1))
                offset += months
            }
            areaFree[area] = offset
        }
        if !tooLate.isEmpty {
            notes.append("\(tooLate.joined())は\(Self.horizon)か月の計画に収まらないため、次の計画で扱います")
        }

        // Rules 4 and 5: policy-tool milestones and talent training, for a company that wants a DX programme.
        if !isIndifferent, let effective = stage.effective {
            for tool in guidance.policyTools.tools {
                guard let task = tool.task else { continue }
                let status = client.policy?[tool.id.value]?.status.value
                if PlanRules.isAchieved(policyStatus: status) { continue }
                guard effective >= tool.fromStage.value - 1 else {
                    notes.append("\(tool.name)は段階\(tool.fromStage.value)から勧めるツールで、現在の段階\(effective)からはまだ遠いため計画に入れていません")
                    continue
                }
                let id = TaskID.policy(tool.id.value)
                if context.isLeftOut(id, area: nil, notes: &notes) { continue }
                let months = max(task.months.value, 1)
                let offset = task.isLate ? max(Self.horizon - months, 0) : 1
                drafts.append(context.policy(tool, task: task, offset: offset, months: months, stage: effective))
            }
        }
        let challengeIDs = (client.challenges ?? []).map(\.value)
        if !isIndifferent, PlanRules.needsTraining(challenges: challengeIDs),
           !context.isLeftOut(.training, area: nil, notes: &notes), let training = context.training(challenges: challengeIDs) {
            drafts.append(training)
        }

        let start = context.start
        var tasks = drafts.map { draft -> RoadmapTask in
            let owner = owner(forArea: draft.area)
            let taskStart = start.adding(months: draft.offset)
            let recorded = context.recorded[draft.id.description]
            let status = PlanRules.status(recorded: recorded?.status, end: taskStart.adding(months: draft.months - 1), asOf: asOf)
            return RoadmapTask(id: draft.id.description, title: draft.title, detail: draft.detail, area: draft.area,
                               start: taskStart, months: draft.months, owner: owner,
                               partner: partner(forArea: draft.area, owner: owner, region: context.region)?.id.value,
                               kind: RoadmapTask.Kind(draft.id.kind), status: status, statusRecorded: recorded != nil,
                               goal: draft.goal, reason: draft.reason, basis: draft.basis, note: recorded?.note)
        }
        tasks += explicitTasks(context)
        let (achievements, dropped) = context.outcomes(explicit: tasks.filter { $0.kind == .explicit })
        return Roadmap(start: start, tasks: tasks, achievements: achievements, dropped: dropped, notes: notes)
    }

    /// A task before dates, owners and partners are filled in; `offset` counts months from the plan's start.
    struct Draft {
        var id: TaskID
        var offset: Int
        var months: Int
        var area: String?
        var title: String
        var detail: String?
        var goal: String?
        var reason: String
        var basis: String
    }

    /// The client file's own tasks (the advisor's plan); a bad month is skipped (the validator reports it).
    func explicitTasks(_ context: Context) -> [RoadmapTask] {
        (context.client.roadmap ?? []).compactMap { task in
            guard let start = YearMonth(task.start.value) else { return nil }
            let area = task.area?.value
            let owner = task.owner?.value ?? owner(forArea: area)
            let id = task.id?.value
            let progress = id.flatMap { context.recorded[$0] }
            let recorded = progress?.status ?? task.status.flatMap { TaskStatus(rawValue: $0.value) }
            let months = max(task.months.value, 1)
            let goal = area.flatMap { a in context.goalAreas.first { $0.area == a }?.goal }
            return RoadmapTask(id: id, title: task.title, area: area, start: start, months: months, owner: owner,
                               partner: partner(forArea: area, owner: owner, region: context.region)?.id.value, kind: .explicit,
                               status: PlanRules.status(recorded: recorded, end: start.adding(months: months - 1), asOf: context.asOf),
                               statusRecorded: recorded != nil, goal: goal, reason: context.explicitReason(area: area, goal: goal),
                               basis: "担当者が計画した取組（roadmap）", note: progress?.note)
        }
    }

    /// The first 主治医 (primary) institution strong in the area, else the first primary
    /// one: a 主治医 stays in charge and brings in others (guidance 3.4, ch.4).
    public func owner(forArea area: String?) -> String {
        let institutions = guidance.institutions.institutions
        let primaries = institutions.filter(\.isPrimary)
        if let area, let strong = primaries.first(where: { ($0.areas ?? []).contains { $0.value == area } }) {
            return strong.id.value
        }
        return (primaries.first ?? institutions.first)?.id.value ?? "regional-bank"
    }

    /// Plan rule 6, over this planner's partners.
    public func partner(forArea area: String?, owner: String, region: String?) -> Partner? {
        PlanRules.partner(area: area, owner: owner, publisherType: publisherType, region: region, partners: partners)
    }
}
