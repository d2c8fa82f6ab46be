/// Lays out a client's roadmap by month (issue 3, "The roadmap"): a quick win in the
/// weakest area (guidance 3.3), the next level of each weak area, BPO options for
/// indirect ones (3.6), the focus phase's activities (3.7) and the policy-tool
/// milestones, plus the client file's own tasks. Pure and deterministic.
public struct RoadmapPlanner: Sendable {
    public var guidance: Guidance
    public var partners: [Partner]

    /// The generated plan fits in this many months (the issue asks for 12–18).
    public static let horizon = 18
    static let quickWinMonths = 2
    static let stepMonths = 3
    /// One weak area starts every this many months, so the company is not swamped.
    static let stepStagger = 2
    static let bpoMonths = 2
    static let activityMonths = 3
    static let selfCheckOffset = 1, selfCheckMonths = 2
    static let certificationMonths = 4

    public init(guidance: Guidance, partners: [Partner]) {
        self.guidance = guidance
        self.partners = partners
    }

    /// - Parameters:
    ///   - focusPhase: the process phase to take the activities from (nil: none).
    ///   - isIndifferent: a 無関心層 client gets only the efficiency/BPO tasks (guidance 3.6).
    public func plan(client: Client, stage: StageDiagnosis, focusPhase: ProcessPhase?,
                     isIndifferent: Bool, asOf: Day) -> Roadmap {
        let start = YearMonth(asOf).adding(months: 1)
        let region = client.prefecture.flatMap { guidance.region(ofPrefecture: $0.value) }?.id.value
        var drafts: [Draft] = []
        var notes: [String] = []

        if stage.isUndiagnosed {
            notes.append("業務領域が未評価のため、領域ごとのタスクは作れません。まず各業務領域のレベル（1〜4）を評価してください")
        }
        if isIndifferent {
            notes.append("無関心層のため、本格的なDXの取組ではなく、業務効率化とBPOの提案に絞っています（ガイダンス3.6）")
        }

        // 1. The quick win: a small, visible success in the weakest area comes first,
        //    so the company gets used to digital tools (guidance 3.3 身近な成功体験).
        if let weakest = stage.weakAreas.first {
            drafts.append(Draft(offset: 0, months: Self.quickWinMonths, kind: .quickWin, area: weakest.id,
                                title: "\(weakest.name)で身近な成功体験をつくる", detail: weakest.nextDescriptor,
                                reason: "最も弱い領域（\(weakest.reason)）から小さく始め、デジタルに慣れる（ガイダンス3.3「身近な成功体験」）"))
        }

        // 2. Each weak area to its next level, staggered. An area the client file
        //    already plans for is left to that plan: the advisor's task wins.
        let planned = Dictionary((client.roadmap ?? []).compactMap { task in task.area.map { ($0.value, task.title) } },
                                 uniquingKeysWith: { first, _ in first })
        var slot = 0
        var tooLate: [String] = []
        for weak in stage.weakAreas {
            if let title = planned[weak.id] {
                notes.append("「\(weak.name)」は計画済みのタスク「\(title)」で進めるため、領域のタスクを自動では加えていません")
                continue
            }
            let offset = Self.quickWinMonths + slot * Self.stepStagger
            guard offset + Self.stepMonths <= Self.horizon else {
                tooLate.append("「\(weak.name)」")
                continue
            }
            slot += 1
            drafts.append(areaStep(weak, offset: offset, isIndifferent: isIndifferent))
            if weak.isIndirect {
                // Outsourcing is weighed alongside the step: the company may not need to do it itself.
                drafts.append(Draft(offset: offset, months: Self.bpoMonths, kind: .bpo, area: weak.id,
                                    title: "\(weak.name)の外部委託（BPO）・SaaSを比較",
                                    detail: "\(weak.name)は間接業務。自社で抱えずBPOサービスやSaaSに任せる選択肢を比べる",
                                    reason: "\(weak.name)は間接業務でBPOの候補。外部に任せて経営資源を本業に振り向ける（ガイダンス3.6）"))
            }
        }
        if !tooLate.isEmpty {
            notes.append("\(tooLate.joined())は\(Self.horizon)か月の計画に収まらないため、次の計画で扱います")
        }

        // 3–4. A DX programme only for a company that wants one (guidance 3.6).
        if !isIndifferent {
            if let phase = focusPhase {
                for (index, activity) in phase.activities.enumerated() {
                    drafts.append(Draft(offset: 1 + index * Self.activityMonths, months: Self.activityMonths, kind: .process,
                                        area: nil, title: activity.title, detail: activity.description,
                                        reason: "重点フェーズ「\(phase.name)」の支援活動（ガイダンス3.7）"))
                }
            }
            let (policy, policyNotes) = policyMilestones(stage: stage.effective)
            drafts += policy
            notes += policyNotes
        }

        var tasks = drafts.map { draft -> RoadmapTask in
            let owner = owner(forArea: draft.area)
            return RoadmapTask(title: draft.title, detail: draft.detail, area: draft.area,
                               start: start.adding(months: draft.offset), months: draft.months, owner: owner,
                               partner: partner(forArea: draft.area, owner: owner, region: region),
                               kind: draft.kind, reason: draft.reason)
        }
        tasks += explicitTasks(client, region: region)
        return Roadmap(start: start, tasks: tasks, notes: notes)
    }

    /// A task before dates and owners are filled in; `offset` counts months from the plan's start.
    struct Draft {
        var offset: Int
        var months: Int
        var kind: RoadmapTask.Kind
        var area: String?
        var title: String
        var detail: String?
        var reason: String
    }

    func areaStep(_ weak: WeakArea, offset: Int, isIndifferent: Bool) -> Draft {
        let title: String
        let reason: String
        if isIndifferent {
            title = "\(weak.name)の業務効率化"
            reason = "本格的なDXではなく業務効率化として提案する（ガイダンス3.6）。\(weak.reason)"
        } else if weak.nextLevel > weak.level {
            title = "\(weak.name)をレベル\(weak.nextLevel)へ"
            reason = "\(weak.reason)。次のレベル\(weak.nextLevel)を目指す"
        } else {
            title = "\(weak.name)のデータ活用を深める"
            reason = "\(weak.reason)。最上位のレベル4を定着させ、活用を広げる"
        }
        return Draft(offset: offset, months: Self.stepMonths, kind: .areaStep, area: weak.id,
                     title: title, detail: weak.nextDescriptor, reason: reason)
    }

    /// DX推進指標 early; DX認定 near the end once the stage is at most one below its
    /// `from_stage` (18 months is a fair time to climb one stage), else a note why not.
    func policyMilestones(stage: Int?) -> ([Draft], [String]) {
        var drafts: [Draft] = []
        var notes: [String] = []
        if let index = guidance.policyTool("dx-index") {
            let from = index.fromStage.value
            let why = (stage ?? 1) >= from
                ? "段階\(from)から勧める自己診断。取組を始めるにあたり、まず現状と課題を経営者・従業員と共有する"
                : "段階\(from)から勧める自己診断だが、早めに試して現状と課題を共有するきっかけにする"
            drafts.append(Draft(offset: Self.selfCheckOffset, months: Self.selfCheckMonths, kind: .policy, area: nil,
                                title: "\(index.name)で自己診断", detail: index.summary, reason: why))
        }
        if let certification = guidance.policyTool("dx-certification") {
            let from = certification.fromStage.value
            if let stage, stage >= from - 1 {
                drafts.append(Draft(offset: Self.horizon - Self.certificationMonths, months: Self.certificationMonths,
                                    kind: .policy, area: nil, title: "\(certification.name)の申請準備",
                                    detail: certification.summary,
                                    reason: "最初に目指すべき「無理のないゴール」。段階\(from)から勧める制度で、現在の段階\(stage)から計画の期間内に届く"))
            } else if let stage {
                notes.append("\(certification.name)は段階\(from)から勧める制度で、現在の段階\(stage)からはまだ遠いため、この計画には入れていません。まず段階\(stage + 1)を目指します")
            } else {
                notes.append("\(certification.name)は、段階を診断してから検討します")
            }
        }
        return (drafts, notes)
    }

    /// The client file's own tasks; a bad month is skipped (the validator reports it).
    func explicitTasks(_ client: Client, region: String?) -> [RoadmapTask] {
        (client.roadmap ?? []).compactMap { task in
            guard let start = YearMonth(task.start.value) else { return nil }
            let area = task.area?.value
            let owner = task.owner?.value ?? owner(forArea: area)
            return RoadmapTask(title: task.title, area: area, start: start, months: task.months.value, owner: owner,
                               partner: partner(forArea: area, owner: owner, region: region), kind: .explicit,
                               reason: "担当者が計画したタスク（顧客ファイルのroadmap）")
        }
    }

    /// The first 主治医 (primary) institution strong in the area, else the first
    /// primary one: a 主治医 stays in charge and brings in others (guidance 3.4, ch.4).
    public func owner(forArea area: String?) -> String {
        let institutions = guidance.institutions.institutions
        let primaries = institutions.filter(\.isPrimary)
        if let area, let strong = primaries.first(where: { ($0.areas ?? []).contains { $0.value == area } }) {
            return strong.id.value
        }
        return (primaries.first ?? institutions.first)?.id.value ?? "regional-bank"
    }

    /// A partner strong in the area: of the owner's type first, then in the client's
    /// region, then public ones, then by id. No area, no partner.
    public func partner(forArea area: String?, owner: String, region: String?) -> String? {
        guard let area else { return nil }
        let able = partners.filter { ($0.strengths ?? []).contains { $0.value == area } }
        func key(_ p: Partner) -> (Int, Int, Int, String) {
            (p.type.value == owner ? 0 : 1, region != nil && p.region?.value == region ? 0 : 1,
             p.isPublic ? 0 : 1, p.id.value)
        }
        return able.min { key($0) < key($1) }?.id.value
    }
}
