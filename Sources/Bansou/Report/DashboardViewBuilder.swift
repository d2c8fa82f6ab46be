/// Builds the internal dashboard: clients by need layer × stage (guidance 3.6: 顕在層
/// and 潜在層 first), the staff's skills against ch.5's skill areas, the team's gaps
/// with the certifications and training that fill them (5.4), and clients per advisor.
struct DashboardViewBuilder {
    let library: Library

    /// A skill area is a gap when nobody on the staff reaches this level.
    static let gapLevel = 2

    func build(diagnoses: [(client: Client, diagnosis: Diagnosis)]) -> DashboardView {
        let guidance = library.guidance
        func advisorName(_ c: Client) -> String {
            c.advisor.flatMap { library.staffMember($0.value)?.name } ?? "（未設定）"
        }
        func link(_ c: Client) -> DashboardView.ClientLink {
            DashboardView.ClientLink(name: c.name.value, url: "\(c.id.value)/index.html", advisor: advisorName(c))
        }
        // By reading (kana) where given, so 株式会社/有限会社 do not decide the order; then id.
        func key(_ c: Client) -> (String, String) { (c.kana?.value ?? c.name.value, c.id.value) }
        let sorted = diagnoses.sorted { key($0.client) < key($1.client) }
        let stages: [Int?] = [nil, 1, 2, 3, 4]
        var layers: [(id: String?, name: String, description: String?)] = guidance.needLayers.layers
            .enumerated().sorted { ($0.element.priority ?? Int.max, $0.offset) < ($1.element.priority ?? Int.max, $1.offset) }
            .map { ($0.element.id.value, $0.element.name, $0.element.description) }
        if sorted.contains(where: { c in c.client.needLayer == nil || !layers.contains { $0.id == c.client.needLayer?.value } }) {
            layers.append((nil, "未分類", "ニーズ層が未設定"))
        }
        let known = Set(layers.compactMap(\.id))
        let matrix = layers.map { layer -> DashboardView.MatrixRow in
            let inLayer = sorted.filter { item in
                let id = item.client.needLayer?.value
                return layer.id == nil ? (id == nil || !known.contains(id!)) : id == layer.id
            }
            let cells = stages.map { stage in
                let clients = inLayer.filter { $0.diagnosis.stage.effective == stage }.map { link($0.client) }
                return DashboardView.Cell(clients: clients, count: clients.count, has: !clients.isEmpty)
            }
            return DashboardView.MatrixRow(layer: layer.name, description: layer.description, cells: cells, total: inLayer.count)
        }

        let rows = sorted.map { item -> DashboardView.ClientRow in
            let d = item.diagnosis
            let next = d.roadmap.nextSteps(1).first
            return DashboardView.ClientRow(
                name: item.client.name.value, url: "\(item.client.id.value)/index.html",
                stage: d.stage.effective.map { "段階\($0)" } ?? "未診断",
                layer: d.needLayer?.name ?? "—", advisor: advisorName(item.client),
                weak: d.stage.weakAreas.map(\.name).joined(separator: "・"),
                next: next?.title, nextPeriod: next.map { ReportViewBuilder.span($0.start, months: $0.months) },
                nextStatus: next?.status.label, nextOverdue: next?.status == .overdue)
        }
        let portfolio = portfolio(sorted, advisorName: advisorName, link: link)

        let skillAreas = guidance.skills.skillAreas
        let staff = library.staff.sorted { $0.id.value < $1.id.value }
        let staffRows = staff.map { member -> DashboardView.StaffRow in
            let cells = skillAreas.map { area -> DashboardView.StaffCell in
                let level = member.skills?.entries.first { $0.key.value == area.id.value }?.value.value ?? 0
                let clamped = min(max(level, 0), 3)
                return DashboardView.StaffCell(level: level, dots: String(repeating: "●", count: clamped) + String(repeating: "○", count: 3 - clamped),
                                               low: level < Self.gapLevel)
            }
            let clients = library.clients.filter { $0.advisor?.value == member.id.value }.count
            let held = (member.certifications ?? []).filter { !$0.isPlanned }.map(\.name)
            return DashboardView.StaffRow(name: member.name, role: member.role, cells: cells,
                                          certifications: held.isEmpty ? nil : held.joined(separator: "、"),
                                          clients: clients)
        }
        let gaps = skillAreas.compactMap { area -> DashboardView.Gap? in
            let best = staff.map { m in m.skills?.entries.first { $0.key.value == area.id.value }?.value.value ?? 0 }.max() ?? 0
            guard best < Self.gapLevel else { return nil }
            let fills = { (means: [SkillsFile.Means]) in
                means.filter { $0.skillAreas.contains { $0.value == area.id.value } }
                    .map { DashboardView.Means(name: $0.name, description: $0.description) }
            }
            return DashboardView.Gap(name: area.name, best: best,
                                     certifications: fills(guidance.skills.certifications), training: fills(guidance.skills.training))
        }
        var advisors = staff.map { member in
            let clients = sorted.filter { $0.client.advisor?.value == member.id.value }.map { link($0.client) }
            return DashboardView.AdvisorRow(name: member.name, count: clients.count, clients: clients)
        }
        let unassigned = sorted.filter { item in item.client.advisor == nil }.map { link($0.client) }
        if !unassigned.isEmpty { advisors.append(.init(name: "（未設定）", count: unassigned.count, clients: unassigned)) }

        return DashboardView(
            title: "伴走支援ダッシュボード", institution: library.site.publisher.name, date: library.asOf.japanese,
            stageHeads: stages.map { $0.map { "段階\($0)" } ?? "未診断" }, matrix: matrix, clientCount: sorted.count,
            portfolio: portfolio, clients: rows, skillHeads: skillAreas.map { .init(name: $0.name, group: $0.group) },
            staff: staffRows, hasStaff: !staffRows.isEmpty, gaps: gaps, hasGaps: !gaps.isEmpty, advisors: advisors)
    }

    /// The portfolio section (spec v2, "The portfolio"): prints each client's
    /// `Diagnosis.portfolio`, in the dashboard's order (by reading). The `data-sort` keys
    /// are numbers so the template's script needs no collation: the row's position in
    /// that order for the name, the staff order (by id) for the advisor.
    func portfolio(_ sorted: [(client: Client, diagnosis: Diagnosis)], advisorName: (Client) -> String,
                   link: (Client) -> DashboardView.ClientLink) -> DashboardView.Portfolio {
        let staffOrder = Dictionary(library.staff.map(\.id.value).sorted().enumerated().map { ($0.element, $0.offset) },
                                    uniquingKeysWith: { a, _ in a })
        func key(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let rows = sorted.enumerated().map { index, item -> DashboardView.PortfolioRow in
            let p = item.diagnosis.portfolio
            let id = item.client.id.value
            return DashboardView.PortfolioRow(
                name: item.client.name.value, nameSort: String(index),
                advisor: advisorName(item.client), advisorSort: key(item.client.advisor.flatMap { staffOrder[$0.value] }),
                report: "\(id)/index.html", advisorSheet: "\(id)/advisor.html", pdf: "\(id)/report.pdf",
                stage: p.stage.map { "段階\($0)" } ?? "未診断", stageSort: key(p.stage),
                stageThen: p.stage12MonthsAgo.map { "段階\($0)" }, stageThenSort: key(p.stage12MonthsAgo), movedUp: p.movedUp,
                overdue: p.overdue, hasOverdue: p.overdue > 0,
                days: p.daysSinceMeeting, daysSort: key(p.daysSinceMeeting), lastMeeting: p.lastMeeting?.description,
                followUp: p.needsFollowUp)
        }
        let followUps = sorted.filter { $0.diagnosis.portfolio.needsFollowUp }.map { item -> DashboardView.FollowUp in
            let reasons = item.diagnosis.portfolio.followUpReasons.map { reason -> String in
                switch reason {
                case .overdue(let tasks): return "遅れているタスク \(tasks)件"
                case .quiet(let days, let since): return "最終面談から\(days)日（\(since.japanese)）"
                case .noMeeting: return "面談の記録なし"
                }
            }
            let id = item.client.id.value
            return DashboardView.FollowUp(name: item.client.name.value, report: "\(id)/index.html", advisorSheet: "\(id)/advisor.html",
                                          advisor: advisorName(item.client), reason: reasons.joined(separator: "・"))
        }
        let movedUp = sorted.filter { $0.diagnosis.portfolio.movedUp }.map { link($0.client) }
        return DashboardView.Portfolio(
            rows: rows, movedUp: movedUp.count,
            compared: sorted.filter { $0.diagnosis.portfolio.stage != nil && $0.diagnosis.portfolio.stage12MonthsAgo != nil }.count,
            movedUpClients: movedUp, hasMovedUp: !movedUp.isEmpty,
            followUps: followUps, followUpCount: followUps.count, hasFollowUps: !followUps.isEmpty,
            followUpDays: PortfolioFacts.followUpDays,
            overdueTotal: sorted.reduce(0) { $0 + $1.diagnosis.portfolio.overdue })
    }
}
