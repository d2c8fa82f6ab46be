/// Builds a `ReportView` from a client and its `Diagnosis`. Pure: no I/O.
struct ReportViewBuilder {
    let library: Library

    var guidance: Guidance { library.guidance }

    func stageLabel(_ stage: Int?) -> String {
        guard let stage else { return "未診断" }
        return "段階\(stage) " + (guidance.stage(stage)?.name ?? "")
    }

    static func span(_ start: YearMonth, months: Int) -> String {
        let end = start.adding(months: max(months, 1) - 1)
        return months <= 1 ? start.japanese
            : end.year == start.year ? "\(start.japanese)〜\(end.month)月" : "\(start.japanese)〜\(end.japanese)"
    }

    static func period(_ start: YearMonth, months: Int) -> String { "\(span(start, months: months))（\(months)か月）" }

    func institutionName(_ id: String) -> String { guidance.institution(id)?.name ?? id }

    func taskRows(_ roadmap: Roadmap) -> [ReportView.TaskRow] {
        roadmap.tasks.enumerated().map { i, task in
            ReportView.TaskRow(number: i + 1, title: task.title, detail: task.detail,
                               period: Self.period(task.start, months: task.months),
                               span: Self.span(task.start, months: task.months), months: "\(task.months)か月",
                               kind: RoadmapGanttSVG.kindLabel(task.kind), owner: institutionName(task.owner),
                               partner: task.partner.flatMap { library.partner($0)?.name }, reason: task.reason)
        }
    }

    func weakRow(_ w: WeakArea) -> ReportView.WeakAreaRow {
        ReportView.WeakAreaRow(name: w.name, level: w.level, nextLevel: w.nextLevel, current: w.currentDescriptor,
                               next: w.nextDescriptor, reason: w.reason, bpo: w.isIndirect)
    }

    func build(client: Client, diagnosis d: Diagnosis) -> ReportView {
        let stage = d.stage
        let advisor = client.advisor.flatMap { library.staffMember($0.value) }
        var facts: [ReportView.Fact] = []
        if let industry = client.industry { facts.append(.init(label: "業種", value: guidance.industry(industry.value)?.name ?? industry.value)) }
        if let prefecture = client.prefecture { facts.append(.init(label: "所在地", value: prefecture.value)) }
        if let employees = client.employees { facts.append(.init(label: "従業員数", value: "\(employees.value)名")) }
        if let layer = d.needLayer { facts.append(.init(label: "ニーズ層", value: layer.name)) }
        facts.append(.init(label: "診断日", value: d.asOf.japanese))

        let weak = stage.weakAreas.map(weakRow)
        let tasks = taskRows(d.roadmap)
        let levels = Dictionary((client.areas?.entries ?? []).map { ($0.key.value, $0.value) }, uniquingKeysWith: { a, _ in a })
        let weakByID = Dictionary(stage.weakAreas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let chartRows = guidance.areas.areas.map { area -> AreaLevelChartSVG.Row in
            let id = area.id.value
            return AreaLevelChartSVG.Row(name: area.name, level: levels[id]?.level.value, weak: weakByID[id] != nil,
                                         nextLevel: weakByID[id]?.nextLevel, indirect: area.isIndirect)
        }
        let areaRows = guidance.areas.areas.map { area -> ReportView.AreaRow in
            let id = area.id.value
            let level = levels[id]?.level.value
            return ReportView.AreaRow(name: area.name, level: level.map { "レベル\($0)" } ?? "未評価",
                                      note: levels[id]?.note ?? level.map { area.describe(level: $0) }, weak: weakByID[id] != nil)
        }

        let indicatorEntries = client.indicators?.entries ?? []
        let axes = indicatorEntries.map { entry in
            IndicatorRadarSVG.Axis(name: guidance.indicator(entry.key.value)?.name ?? entry.key.value,
                                   current: entry.value.current.value, target: entry.value.target?.value)
        }
        let indicatorRows = axes.map { a in
            ReportView.IndicatorRow(name: a.name, current: a.current, target: a.target.map(String.init) ?? "—",
                                    gap: a.target.map { $0 > a.current ? "+\($0 - a.current)" : "±0" } ?? "—")
        }

        let steps = guidance.stages.stages.map {
            StageDiagramSVG.Step(id: $0.id.value, name: $0.name, title: $0.title, share: $0.surveyShare)
        }
        let diagram = StageDiagramSVG(steps: steps, stage: stage.effective,
                                      computed: stage.override != nil ? stage.computed : nil, companyLabel: "貴社").render()
        let gantt = RoadmapGanttSVG(start: d.roadmap.start, monthCount: d.roadmap.monthCount,
                                    bars: d.roadmap.tasks.enumerated().map { i, t in
                                        RoadmapGanttSVG.Bar(number: i + 1, title: t.title, start: t.start, months: t.months, kind: t.kind)
                                    }).render()

        // Partners named by the roadmap, in order of first use, with the tasks they carry.
        var partnerOrder: [String] = []
        var partnerTasks: [String: [Int]] = [:]
        for (i, task) in d.roadmap.tasks.enumerated() {
            guard let id = task.partner else { continue }
            if partnerTasks[id] == nil { partnerOrder.append(id) }
            partnerTasks[id, default: []].append(i + 1)
        }
        let partners = partnerOrder.compactMap { id -> ReportView.PartnerRow? in
            guard let p = library.partner(id) else { return nil }
            return ReportView.PartnerRow(
                name: p.name, type: institutionName(p.type.value), region: p.region.flatMap { guidance.region($0.value)?.name },
                strengths: (p.strengths ?? []).compactMap { guidance.area($0.value)?.name }.joined(separator: "・"),
                description: p.description, url: p.url,
                tasks: (partnerTasks[id] ?? []).map { "\($0)" }.joined(separator: "、"))
        }

        let stories = d.similarStories.map { match in
            ReportView.StoryRow(title: match.story.meta.title.value, alias: match.story.meta.alias.value,
                                url: SiteLayout.absolute(SiteLayout.story(match.slug), base: library.site.base),
                                reasons: match.reasons.joined(separator: "、"), score: match.score,
                                transition: "段階\(match.story.meta.stageBefore.value) → 段階\(match.story.meta.stageAfter.value)")
        }
        let tools = d.policyTools.map {
            ReportView.ToolRow(name: $0.tool.name, summary: $0.tool.summary, reason: $0.reason, goal: $0.isGoal)
        }
        let meetings = (client.meetings ?? []).sorted { $0.date < $1.date }.map {
            ReportView.MeetingRow(date: $0.date.japanese, note: $0.note)
        }
        let end = d.roadmap.end
        return ReportView(
            title: d.isIndifferent ? "業務効率化・BPOのご提案" : "DX推進ロードマップ",
            clientName: client.name.value, advisorName: advisor?.name ?? client.advisor?.value ?? "（担当者未設定）",
            advisorRole: advisor?.role, institution: library.site.publisher.name, date: d.asOf.japanese,
            asOf: d.asOf.description, facts: facts,
            undiagnosed: stage.isUndiagnosed, stageLabel: stageLabel(stage.effective), stageReason: stage.reason,
            computedLabel: stage.override != nil && !stage.isUndiagnosed ? stageLabel(stage.computed) : nil,
            overrideReason: stage.isUndiagnosed ? nil : stage.override?.reason,
            stageDescription: stage.effective.flatMap { guidance.stage($0)?.description },
            needLayer: d.needLayer?.name, approach: d.approach, indifferent: d.isIndifferent,
            topWeakAreas: Array(weak.prefix(3)), firstTasks: Array(tasks.prefix(3)),
            focusPhase: d.focusPhase?.name, focusPhaseSummary: d.focusPhase?.summary, focusPhaseReason: d.focusPhaseReason,
            goals: client.goals ?? [],
            stageDiagramSVG: diagram, areaChartSVG: AreaLevelChartSVG(rows: chartRows, stage: stage.effective).render(),
            areas: areaRows, weakAreas: weak,
            bpoCandidates: stage.bpoCandidates.isEmpty ? nil : stage.bpoCandidates.map(\.name).joined(separator: "・"),
            radarSVG: IndicatorRadarSVG(axes: axes).render(), indicators: indicatorRows, hasIndicators: !indicatorRows.isEmpty,
            challenges: d.challenges.map { c in
                ReportView.ChallengeRow(name: c.name, share: c.share.map { "\(SVG.n($0))%" }, response: c.response)
            },
            ganttSVG: gantt, tasks: tasks,
            roadmapPeriod: "\(d.roadmap.start.japanese)〜\(end.japanese)（\(d.roadmap.monthCount)か月）",
            notes: d.roadmap.notes, stories: stories, tools: tools, partners: partners, meetings: meetings)
            .withSwitches()
    }
}
