extension RoadmapPlanner {
    /// One client's record, read once for the plan, and the wording of each generated
    /// task from it. Titles and reasons speak to the company (貴社) in plain words; the
    /// rule behind each task goes to `basis`, for the advisor.
    struct Context {
        struct Recorded {
            var status: TaskStatus
            var date: Day?
            var note: String?
        }

        let planner: RoadmapPlanner
        let client: Client
        let stage: StageDiagnosis
        let asOf: Day
        let start: YearMonth
        let levels: [String: Int]
        let areaNotes: [String: String]
        let weakIDs: [String]
        let goalAreas: [(area: String, goal: String)]
        let region: String?
        /// The latest `progress` entry per task id (by date, then file order).
        let recorded: [String: Recorded]
        let explicitAreas: Set<String>

        var guidance: Guidance { planner.guidance }
        var goalAreaIDs: [String] { goalAreas.map(\.area) }

        init(planner: RoadmapPlanner, client: Client, stage: StageDiagnosis, asOf: Day) {
            self.planner = planner
            self.client = client
            self.stage = stage
            self.asOf = asOf
            start = YearMonth(asOf).adding(months: 1)
            levels = client.areas?.levels ?? [:]
            var notes: [String: String] = [:]
            for entry in client.areas?.entries ?? [] where levels[entry.key.value] != nil {
                if let note = entry.value.note, !note.isEmpty { notes[entry.key.value] = note }
            }
            areaNotes = notes
            weakIDs = stage.weakAreas.map(\.id)
            goalAreas = PlanRules.goalAreas(client.goals ?? [])
            region = client.prefecture.flatMap { planner.guidance.region(ofPrefecture: $0.value) }?.id.value
            var recorded: [String: Recorded] = [:]
            for entry in client.progress ?? [] {
                guard let status = TaskStatus(rawValue: entry.status.value) else { continue }
                let new = Recorded(status: status, date: entry.date?.value, note: entry.note)
                // A later entry replaces an earlier one unless it is dated before it.
                if let oldDate = recorded[entry.task.value]?.date, let newDate = new.date, newDate < oldDate { continue }
                recorded[entry.task.value] = new
            }
            // The policy file's own status counts as recorded for policy:<tool> (planned, applying → doing).
            for entry in client.policy?.entries ?? [] {
                let id = TaskID.policy(entry.key.value).description
                guard recorded[id] == nil else { continue }
                switch entry.value.status.value {
                case "planned": recorded[id] = Recorded(status: .planned, date: entry.value.date?.value)
                case "applying": recorded[id] = Recorded(status: .doing, date: entry.value.date?.value)
                default: break
                }
            }
            self.recorded = recorded
            explicitAreas = Set((client.roadmap ?? []).compactMap { $0.area?.value })
        }

        func name(_ area: String) -> String { guidance.area(area)?.name ?? area }
        func goal(for area: String) -> String? { goalAreas.first { $0.area == area }?.goal }

        /// Rule 3, with a note for the advisor when a task is left out.
        func isLeftOut(_ id: TaskID, area: String?, notes: inout [String]) -> Bool {
            let status = recorded[id.description]?.status
            guard PlanRules.isLeftOut(area: area, recorded: status, explicitAreas: explicitAreas) else { return false }
            if let area, explicitAreas.contains(area) {
                let title = (client.roadmap ?? []).first { $0.area?.value == area }?.title ?? ""
                let note = "\(id) は、担当者の取組「\(title)」が同じ領域（\(name(area))）にあるため加えていません"
                if !notes.contains(note) { notes.append(note) }
            } else if let status {
                notes.append("\(id) は記録上「\(status.label)」のため、計画に入れていません")
            }
            return true
        }

        /// "いまは「出勤簿に押印」（レベル1）" or the areas.yaml descriptor when no note was written.
        func now(_ area: String) -> String {
            guard let level = levels[area] else { return "いまの状態はまだ確認していません" }
            if let note = areaNotes[area] { return "いまは「\(note)」（レベル\(level)）" }
            let descriptor = guidance.area(area)?.describe(level: level) ?? ""
            return "いまは\(descriptor)状態（レベル\(level)）"
        }

        func next(_ area: String) -> (level: Int, text: String)? {
            guard let level = levels[area] else { return nil }
            let next = min(level + 1, 4)
            return (next, guidance.area(area)?.describe(level: next) ?? "")
        }

        func quickWin(_ area: String, offset: Int, months: Int) -> Draft {
            let goal = goal(for: area)
            let basis = "計画ルール1：" + (stage.effective.map { "段階\($0)" } ?? "未診断") + "のため身近な成功体験から始める（ガイダンス3.3）"
                + (goal != nil ? "。目標に挙がった領域" : "。最初の弱い領域")
            guard let next = next(area) else {
                return Draft(id: .quickWin(area), offset: offset, months: months, area: area,
                             title: (goal.map { "「\($0)」の第一歩：" } ?? "") + "\(name(area))の現状を確かめ、すぐ試せる改善を1つ実行",
                             detail: "\(name(area))の業務の流れ（紙・表計算・システム）を一緒に確かめ、\(months)か月で効果の出る改善を1つ選んで試します",
                             goal: goal, reason: "貴社の目標「\(goal ?? name(area))」に直結する領域です。まず小さく試して効果を確かめます",
                             basis: basis)
            }
            let reason = (goal.map { "貴社の目標「\($0)」に直結する取組です。" } ?? "\(name(area))は貴社の業務の中で最も改善の余地が大きい領域です。")
                + "\(now(area))。範囲を絞って\(months)か月で効果を確かめ、次の取組の弾みにします"
            return Draft(id: .quickWin(area), offset: offset, months: months, area: area,
                         title: (goal.map { "「\($0)」の第一歩：" } ?? "") + "\(name(area))のデジタル化を一部で試す",
                         detail: "一部の取引先・担当者で「\(next.text)」状態を試します",
                         goal: goal, reason: reason, basis: basis)
        }

        func levelUp(_ area: String, offset: Int, months: Int, withBPO: Bool) -> Draft {
            let goal = goal(for: area)
            let isWeak = weakIDs.contains(area)
            let basis = "計画ルール2：" + (goal != nil ? "目標に挙がった領域" : "弱い領域（\(stage.weakAreas.first { $0.id == area }?.reason ?? "")）")
            guard let level = levels[area], let next = next(area) else {
                return Draft(id: .levelUp(area), offset: offset, months: months, area: area,
                             title: (goal ?? name(area)) + "（\(name(area))の現状確認と改善）",
                             detail: "\(name(area))の現状を確かめ、次に目指すレベルと手段を決めて進めます",
                             goal: goal, reason: "貴社の目標「\(goal ?? name(area))」に挙がった領域です。現状を確かめたうえで改善を進めます",
                             basis: basis)
            }
            let title: String
            if level >= 4 {
                title = (goal.map { "\($0)：" } ?? "") + "\(name(area))のデータ活用をさらに深める"
            } else {
                title = (goal.map { "\($0)（\(name(area)) レベル\(level)→\(next.level)）" } ?? "\(name(area))をレベル\(level)→\(next.level)へ")
            }
            var reason = goal.map { "貴社の目標「\($0)」の実現に向けた取組です。" } ?? ""
            if goal == nil, isWeak, let effective = stage.effective {
                reason += level < effective ? "\(name(area))は貴社の段階（段階\(effective)）を下回っており、全体の底上げに欠かせません。"
                                            : "\(name(area))は貴社の業務領域の中で最も低いレベルです。"
            }
            // The target itself is the task's detail (目指す姿); the reason says where the company stands.
            reason += "\(now(area))" + (withBPO ? "。外部委託の検討結果に合わせて進めます" : "")
            return Draft(id: .levelUp(area), offset: offset, months: months, area: area, title: title,
                         detail: "目指す姿：\(next.text)", goal: goal, reason: reason, basis: basis)
        }

        func bpo(_ area: String, offset: Int, months: Int) -> Draft {
            let goal = goal(for: area)
            return Draft(id: .bpo(area), offset: offset, months: months, area: area,
                         title: goal.map { "「\($0)」：委託先の比較と選定" } ?? "\(name(area))の外部委託（BPO）を比較・検討",
                         detail: "\(name(area))の事務を外部のBPOサービスやクラウドサービスに任せる場合の費用・手順・伝票類の電子化を比べます",
                         goal: goal,
                         reason: "\(name(area))は売上を直接生まない間接業務です。\(now(area))。外部に任せれば、限られた人手を本業に回せます",
                         basis: "診断ルール6：間接業務の弱い領域はBPO候補（ガイダンス3.6）")
        }

        func policy(_ tool: PolicyTool, task: PolicyTask, offset: Int, months: Int, stage effective: Int) -> Draft {
            var reason = task.reason ?? tool.summary
            if tool.id.value == "dx-index", let gaps = indicatorGaps(), !gaps.isEmpty {
                reason += "。いまの自己評価で目標との差が大きい" + gaps.map { "「\($0.name)」（\($0.current)→\($0.target)）" }.joined() + "を中心に話し合います"
            }
            if let done = client.policy?["dx-index"], PlanRules.isAchieved(policyStatus: done.status.value), tool.id.value != "dx-index",
               let date = done.date?.value {
                reason += "。\(date.japanese)に実施したDX推進指標の自己診断を土台にします"
            }
            return Draft(id: .policy(tool.id.value), offset: offset, months: months, area: nil, title: task.title,
                         detail: nil, goal: nil, reason: reason,
                         basis: "政策ツール：段階\(tool.fromStage.value)から勧める（現在 段階\(effective)）。保有・実施済みなら提案しない（計画ルール4）")
        }

        /// The indicators furthest below their target, at most two.
        func indicatorGaps() -> [(name: String, current: Int, target: Int)]? {
            guard let entries = client.indicators?.entries, !entries.isEmpty else { return nil }
            let gaps = entries.compactMap { entry -> (name: String, current: Int, target: Int, gap: Int)? in
                guard let target = entry.value.target?.value, target > entry.value.current.value else { return nil }
                return (guidance.indicator(entry.key.value)?.name ?? entry.key.value, entry.value.current.value, target,
                        target - entry.value.current.value)
            }
            return gaps.enumerated().sorted { ($1.element.gap, $0.offset) < ($0.element.gap, $1.offset) }
                .prefix(2).map { ($0.element.name, $0.element.current, $0.element.target) }
        }

        /// Rule 5: training built from skills.yaml, the means that best cover the challenge's skill areas.
        func training(challenges: [String]) -> Draft? {
            let advanced = challenges.contains("dx-talent")
            let wanted: Set<String> = advanced ? ["what", "digital"] : ["why", "what", "how"]
            func best(_ means: [SkillsFile.Means]) -> SkillsFile.Means? {
                means.enumerated().max { a, b in
                    let (x, y) = (Set(a.element.skillAreas.map(\.value)).intersection(wanted).count,
                                  Set(b.element.skillAreas.map(\.value)).intersection(wanted).count)
                    return x != y ? x < y : a.offset > b.offset
                }?.element
            }
            let course = best(guidance.skills.training)
            let certificate = best(guidance.skills.certifications)
            guard course != nil || certificate != nil else { return nil }
            let named = challenges.filter(PlanRules.talentChallenges.contains).compactMap { guidance.challenge($0)?.name }
            let means = [course?.name, certificate?.name].compactMap { $0 }.joined(separator: "・")
            return Draft(id: .training, offset: RoadmapPlanner.trainingOffset, months: RoadmapPlanner.trainingMonths, area: nil,
                         title: (advanced ? "DXを進める人材を社内で育てる" : "社内でデジタルを担う人を育てる") + "（\(means)）",
                         detail: course?.description,
                         goal: nil,
                         reason: "貴社の課題" + named.map { "「\($0)」" }.joined() + "に応える取組です。導入したツールを社内で使いこなし、取組を続けられる人を育てます",
                         basis: "計画ルール5：課題 " + challenges.filter(PlanRules.talentChallenges.contains).joined(separator: ", "))
        }

        func explicitReason(area: String?, goal: String?) -> String {
            var reason = goal.map { "貴社の目標「\($0)」に向けて、ご一緒に決めた取組です" } ?? "ご一緒に決めた取組です"
            if let area, levels[area] != nil { reason += "。\(name(area))は\(now(area))" }
            return reason
        }

        /// Achievements (done) and dropped tasks: `progress` entries, explicit tasks with a
        /// recorded status, and policy tools held or done (rule 4).
        func outcomes(explicit: [RoadmapTask]) -> ([Achievement], [Achievement]) {
            var done: [Achievement] = []
            var dropped: [Achievement] = []
            var seen = Set<String>()
            for (id, entry) in recorded.sorted(by: { $0.key < $1.key }) where entry.status.closesTask {
                let item = Achievement(id: id, title: title(ofTask: id, explicit: explicit), date: entry.date, note: entry.note)
                if entry.status == .done { done.append(item) } else { dropped.append(item) }
                seen.insert(id)
            }
            for task in explicit where task.status.closesTask && !seen.contains(task.id ?? task.title) {
                let item = Achievement(id: task.id ?? task.title, title: task.title, date: nil, note: task.note)
                if task.status == .done { done.append(item) } else { dropped.append(item) }
            }
            for entry in client.policy?.entries ?? [] where PlanRules.isAchieved(policyStatus: entry.value.status.value) {
                let id = TaskID.policy(entry.key.value).description
                guard !seen.contains(id) else { continue }
                let name = guidance.policyTool(entry.key.value)?.name ?? entry.key.value
                done.append(Achievement(id: id, title: entry.value.status.value == "held" ? "\(name)の認定を取得" : "\(name)を実施",
                                        date: entry.value.date?.value, note: nil))
            }
            return (done, dropped)
        }

        /// A finished task's title from its id, for tasks no longer generated.
        func title(ofTask id: String, explicit: [RoadmapTask]) -> String {
            if let task = explicit.first(where: { $0.id == id }) { return task.title }
            guard let parsed = TaskID(id) else { return id }
            switch parsed.kind {
            case .quickWin: return "\(name(parsed.subject))のデジタル化の第一歩"
            case .levelUp: return "\(name(parsed.subject))のレベルアップ"
            case .bpo: return "\(name(parsed.subject))の外部委託"
            case .policy: return (guidance.policyTool(parsed.subject)?.name ?? parsed.subject) + "の活用"
            case .training: return "社内のデジタル人材の育成"
            }
        }
    }
}
