import Foundation

/// Builds the company's `ReportView` from a client and its `Diagnosis`. Pure: no I/O.
/// Speaks to the owner: 貴社, plain words, the publisher's own name for its own tasks.
struct ReportViewBuilder {
    let library: Library
    /// The stage diagram depends only on the stage and the computed stage behind an override:
    /// drawn once per pair here rather than once per client.
    private let stageDiagrams: [StageKey: String]

    private struct StageKey: Hashable { let stage: Int?; let computed: Int? }

    init(library: Library) {
        self.library = library
        let stages: [Int?] = [nil] + library.guidance.stages.stages.map(\.id.value)
        var diagrams: [StageKey: String] = [:]
        for stage in stages {
            for computed in stages {
                diagrams[StageKey(stage: stage, computed: computed)] = Self.stageDiagram(library.guidance, stage: stage, computed: computed)
            }
        }
        stageDiagrams = diagrams
    }

    static func stageDiagram(_ guidance: Guidance, stage: Int?, computed: Int?) -> String {
        let steps = guidance.stages.stages.map {
            StageDiagramSVG.Step(id: $0.id.value, name: $0.name, title: $0.title, share: $0.surveyShare)
        }
        return StageDiagramSVG(steps: steps, stage: stage, computed: computed, companyLabel: "貴社").render()
    }

    var guidance: Guidance { library.guidance }
    var publisher: SiteConfig.Publisher { library.site.publisher }

    func stageLabel(_ stage: Int?) -> String {
        guard let stage else { return "未診断" }
        return "段階\(stage) " + (guidance.stage(stage)?.name ?? "")
    }

    /// 「段階3（…）に進んだ中小企業では、労働生産性の変化 +262千円/人・売上高の変化 +2.8%（中央値）」:
    /// the guidance's 2.2 figures for the stage after the company's (none for 未診断 or stage 4,
    /// nor where the extraction does not place the figures: stages 1 and 2).
    func nextStageEvidence(after stage: Int?) -> String? {
        guard let stage, stage < 4, let row = guidance.valueChange(atStage: stage + 1) else { return nil }
        let name = guidance.stage(stage + 1)?.name ?? ""
        return "段階\(stage + 1)（\(name)）に進んだ中小企業では、\(GuidanceEvidenceViews.valueChangeLine(row))という調査結果があります"
    }

    static func span(_ start: YearMonth, months: Int) -> String {
        let end = start.adding(months: max(months, 1) - 1)
        return months <= 1 ? start.japanese
            : end.year == start.year ? "\(start.japanese)〜\(end.month)月" : "\(start.japanese)〜\(end.japanese)"
    }

    static func month(_ day: Day) -> String { "\(day.year)年\(day.month)月" }

    func institutionName(_ id: String) -> String { guidance.institution(id)?.name ?? id }

    /// Who carries a task, as the company should read it: the publisher by name for its
    /// own type; another type by its category, introduced by the publisher when no
    /// partner is named.
    func ownerName(_ task: RoadmapTask) -> String {
        if let type = publisher.type?.value, type == task.owner { return publisher.name }
        let category = institutionName(task.owner)
        return task.partner == nil ? "\(category)（\(publisher.name)がご紹介）" : category
    }

    func partnerName(_ id: String?) -> String? { id.flatMap { library.partner($0)?.name } }

    func taskRows(_ roadmap: Roadmap) -> [ReportView.TaskRow] {
        roadmap.tasks.enumerated().map { i, task in
            ReportView.TaskRow(number: i + 1, title: task.title, detail: task.detail,
                               span: Self.span(task.start, months: task.months), months: "\(task.months)か月",
                               owner: ownerName(task),
                               partner: partnerName(task.partner), status: task.status.label,
                               statusClass: "status-\(task.status.rawValue)", late: task.status == .overdue,
                               goal: task.goal, reason: task.reason)
        }
    }

    func build(client: Client, diagnosis d: Diagnosis) -> ReportView {
        let stage = d.stage
        let advisor = client.advisor.flatMap { library.staffMember($0.value) }
        var facts: [ReportView.Fact] = []
        if let industry = client.industry { facts.append(.init(label: "業種", value: guidance.industry(industry.value)?.name ?? industry.value)) }
        if let prefecture = client.prefecture { facts.append(.init(label: "所在地", value: prefecture.value)) }
        if let employees = client.employees { facts.append(.init(label: "従業員数", value: "\(employees.value)名")) }
        if !stage.isUndiagnosed { facts.append(.init(label: "現状の評価日", value: d.history.current.date.japanese)) }
        if let previous = d.history.previous { facts.append(.init(label: "前回の評価日", value: previous.date.japanese)) }

        let change = d.change
        let order = guidance.areas.areas.map(\.id.value)
        let notes = Dictionary((client.areas?.entries ?? []).compactMap { e in e.value.note.map { (e.key.value, $0) } }, uniquingKeysWith: { a, _ in a })
        let levels = d.history.current.levels
        let weakByID = Dictionary(stage.weakAreas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let chartRows = guidance.areas.areas.map { area -> AreaLevelChartSVG.Row in
            let id = area.id.value
            return AreaLevelChartSVG.Row(name: area.name, level: levels[id], weak: weakByID[id] != nil,
                                         nextLevel: weakByID[id]?.nextLevel, indirect: area.isIndirect,
                                         below: stage.effective.map { s in levels[id].map { $0 < s } ?? false } ?? false,
                                         previous: change?.areas[id]?.then)
        }
        let areaRows = guidance.areas.areas.map { area -> ReportView.AreaRow in
            let id = area.id.value
            let level = levels[id]
            let next = level.map { min($0 + 1, 4) }
            let moved = change?.areas[id].flatMap { $0.now != $0.then ? "（前回 レベル\($0.then)）" : nil }
            return ReportView.AreaRow(name: area.name, level: level.map { "レベル\($0)" } ?? "未評価",
                                      now: notes[id] ?? level.map { area.describe(level: $0) },
                                      next: weakByID[id] != nil ? next.map { "レベル\($0)：" + area.describe(level: $0) } : nil,
                                      focus: weakByID[id] != nil, change: moved)
        }

        let axes = (client.indicators?.entries ?? []).map { entry in
            IndicatorRadarSVG.Axis(name: guidance.indicator(entry.key.value)?.name ?? entry.key.value,
                                   current: entry.value.current.value, target: entry.value.target?.value)
        }
        let indicatorRows = axes.map { a in
            ReportView.IndicatorRow(name: a.name, current: a.current, target: a.target.map(String.init) ?? "—",
                                    gap: a.target.map { $0 > a.current ? "+\($0 - a.current)" : "±0" } ?? "—")
        }

        let computed = stage.override != nil ? stage.computed : nil
        let diagram = stageDiagrams[StageKey(stage: stage.effective, computed: computed)]
            ?? Self.stageDiagram(guidance, stage: stage.effective, computed: computed)
        let tasks = taskRows(d.roadmap)
        let gantt = RoadmapGanttSVG(start: d.roadmap.chartStart, monthCount: d.roadmap.chartStart.months(until: d.roadmap.end) + 1,
                                    bars: d.roadmap.tasks.enumerated().map { i, t in
                                        RoadmapGanttSVG.Bar(number: i + 1, title: t.title, start: t.start, months: t.months, kind: t.kind, status: t.status)
                                    }, today: YearMonth(d.asOf)).render()

        // Partners named by the plan (public ones only, plan rule 6), in order of first use.
        var partnerOrder: [String] = []
        var partnerTasks: [String: [Int]] = [:]
        for (i, task) in d.roadmap.tasks.enumerated() {
            guard let id = task.partner else { continue }
            if partnerTasks[id] == nil { partnerOrder.append(id) }
            partnerTasks[id, default: []].append(i + 1)
        }
        let partners = partnerOrder.compactMap { id -> ReportView.PartnerRow? in
            guard let p = library.partner(id), p.isPublic else { return nil }
            return ReportView.PartnerRow(
                name: p.name, type: institutionName(p.type.value),
                region: p.isNationwide ? "全国" : p.region.flatMap { guidance.region($0.value)?.name },
                strengths: (p.strengths ?? []).compactMap { guidance.area($0.value)?.name }.joined(separator: "・"),
                description: p.description, url: p.url,
                tasks: (partnerTasks[id] ?? []).map { "\($0)" }.joined(separator: "、"))
        }

        let storyURL = { (story: CaseStudy) in SiteLayout.absolute(SiteLayout.story(story.slug), base: library.site.base) }
        let stories = d.similarStories.map { match in
            ReportView.StoryRow(title: match.story.meta.title.value, alias: match.story.meta.alias.value, url: storyURL(match.story),
                                reasons: match.reasons.joined(separator: "、"),
                                transition: "段階\(match.story.meta.stageBefore.value) → 段階\(match.story.meta.stageAfter.value)")
        }
        let own = d.ownStories.map { story in
            ReportView.StoryRow(title: story.meta.title.value, alias: story.meta.alias.value, url: storyURL(story), reasons: "",
                                transition: "段階\(story.meta.stageBefore.value) → 段階\(story.meta.stageAfter.value)")
        }
        let tools = d.policyTools.map {
            ReportView.ToolRow(name: $0.tool.name, summary: $0.tool.summary,
                               reason: $0.achieved != nil ? ($0.date.map { "\($0.japanese)に" } ?? "") + ($0.achieved == "held" ? "取得済み" : "実施済み") : $0.reason,
                               goal: $0.isGoal, achieved: $0.achieved == "held" ? "取得済み" : $0.achieved != nil ? "実施済み" : nil)
        }
        let effects = d.expectedEffects.map { e in
            ReportView.EffectRow(text: (e.sameIndustry ? "同業の事例" : "似た取組の事例") + "では\(e.phrase)"
                                    + "（\(SVG.n(e.before))\(e.unit ?? "")→\(SVG.n(e.after))\(e.unit ?? "")）",
                                 story: e.storyTitle, alias: e.alias, url: SiteLayout.absolute(SiteLayout.story(e.storySlug), base: library.site.base))
        }
        let nextSteps = d.roadmap.nextSteps(3).map { task in
            ReportView.StepRow(title: task.title, when: task.status == .overdue ? "\(Self.span(task.start, months: task.months))（予定を過ぎています）"
                                                                                 : "\(task.start.japanese)から\(task.months)か月",
                               owner: ownerName(task), partner: partnerName(task.partner), status: task.status.label, late: task.status == .overdue)
        }
        let achievements = d.roadmap.achievements.map { ReportView.AchievementRow(title: $0.title, date: $0.date?.japanese) }
        let overdue = d.roadmap.overdue.count
        let end = d.roadmap.end
        return ReportView(
            title: d.isIndifferent ? "業務効率化のご提案" : "DX推進ロードマップ",
            clientName: client.name.value, advisorName: advisor?.name ?? client.advisor?.value ?? "担当者",
            advisorRole: advisor?.role, institution: publisher.name, date: d.asOf.japanese,
            facts: facts,
            undiagnosed: stage.isUndiagnosed, stageLabel: stageLabel(stage.effective),
            stageReason: stage.reason,
            overrideText: stage.isUndiagnosed ? nil : stage.override.map {
                "評価の数字だけでは\(stageLabel(stage.computed))ですが、実態を踏まえて\(stageLabel($0.stage))と判断しました（\($0.reason)）。"
            },
            stageDescription: stage.effective.flatMap { guidance.stage($0)?.description },
            since: change.map { Self.month($0.since) },
            stageThen: change.flatMap { $0.stageThen != $0.stageNow ? stageLabel($0.stageThen) : nil },
            changeText: change.map { c in
                guard let then = c.stageThen, let now = c.stageNow else { return "前回（\(Self.month(c.since))）の評価と比べました" }
                return now > then ? "前回（\(Self.month(c.since))）の段階\(then)から段階\(now)に上がりました"
                    : now == then ? "前回（\(Self.month(c.since))）と同じ段階\(now)です" : "前回（\(Self.month(c.since))）の段階\(then)から段階\(now)になりました"
            },
            improved: (change?.improved(in: order) ?? []).compactMap { id in
                change?.areas[id].map { "\(guidance.area(id)?.name ?? id)：レベル\($0.then) → \($0.now)" }
            },
            achievements: achievements,
            overdueText: overdue > 0 ? "予定の時期を過ぎた取組が\(overdue)件あります。進め方を次回ご相談させてください。" : nil,
            nextSteps: nextSteps, effects: effects, nextStageEvidence: nextStageEvidence(after: stage.effective),
            peers: peerRows(d.peers, company: d.stage.effective),
            goals: (client.goals ?? []).map(\.text.value),
            stageDiagramSVG: diagram,
            areaChartSVG: AreaLevelChartSVG(rows: chartRows, stage: stage.effective, previousLabel: change.map { Self.month($0.since) }).render(),
            areas: areaRows,
            bpoCandidates: stage.bpoCandidates.isEmpty ? nil : stage.bpoCandidates.map(\.name).joined(separator: "・"),
            radarSVG: IndicatorRadarSVG(axes: axes).render(), indicators: indicatorRows,
            challenges: d.challenges.map { c in
                ReportView.ChallengeRow(name: c.name, share: c.share.map { "\(SVG.n($0))%" }, response: c.forCompany)
            },
            ganttSVG: gantt, tasks: tasks,
            dropped: d.roadmap.dropped.map { ReportView.AchievementRow(title: $0.title, date: $0.date?.japanese) },
            roadmapPeriod: "\(d.roadmap.start.japanese)〜\(end.japanese)（\(d.roadmap.monthCount)か月）",
            stories: stories, ownStories: own, tools: tools, partners: partners)
    }

    func peerRows(_ peers: [PeerComparison], company: Int?) -> [ReportView.PeerRow] {
        peers.map { p in
            let group: String
            switch p.group {
            case .industry(let id): group = "同じ業種（\(guidance.industry(id)?.name ?? id)）のお取引先\(p.count)社"
            case .stage(let s): group = "同じ段階\(s)のお取引先\(p.count)社"
            }
            var text = "平均は段階\(String(format: "%.1f", p.averageStage))"
            if let company, case .industry = p.group {
                text += p.ahead == 0 ? "。貴社（段階\(company)）はこのグループの最も進んだ層です" : "。貴社（段階\(company)）より進んだ会社が\(p.ahead)社あります"
            }
            return ReportView.PeerRow(group: group, text: text, areas: p.areaAverages.map { a in
                ReportView.PeerArea(name: guidance.area(a.area)?.name ?? a.area, average: String(format: "%.1f", a.average),
                                    company: a.company.map(String.init) ?? "—")
            })
        }
    }
}
