/// Builds the institution report's view from `InstitutionFacts`: prints, computes nothing
/// the facts do not hold, so institution.json and the page always agree.
struct InstitutionViewBuilder {
    let library: Library

    func build(_ facts: InstitutionFacts) -> InstitutionView {
        let guidance = library.guidance
        let practices = guidance.practices
        let period = Self.period(facts.collaboration)
        return InstitutionView(
            title: "DX支援体制の半期報告", institution: library.site.publisher.name, date: facts.asOf.japanese, period: period,
            headlines: headlines(facts.portfolio),
            commitment: commitment(),
            selfCheck: selfCheck(facts.selfCheck, practices: practices),
            next: facts.selfCheck.next.enumerated().compactMap { index, id in next(rank: index + 1, id: id, facts: facts.selfCheck, practices: practices) },
            answersReading: practices.answersReading,
            staff: staff(facts.staff),
            collaboration: collaboration(facts.collaboration))
    }

    func headlines(_ p: InstitutionFacts.Portfolio) -> [InstitutionView.Headline] {
        [
            .init(label: "支援先企業", value: String(p.clients), unit: "社", note: nil),
            .init(label: "12か月で段階が上がった企業", value: String(p.movedUp), unit: "社",
                  note: "12か月前の段階が分かる\(p.compared)社のうち"),
            .init(label: "公開中の成功事例", value: String(p.storiesPublished), unit: "件",
                  note: "うち直近12か月 \(p.storiesLast12Months)件"),
            .init(label: "遅れているタスク", value: String(p.overdueTasks), unit: "件",
                  note: p.overdueTasks == 0 ? "遅れはありません" : "\(p.clientsWithOverdue)社の計画"),
        ]
    }

    func commitment() -> InstitutionView.Commitment? {
        guard let c = library.institution?.commitment else { return nil }
        return .init(paragraphs: c.paragraphs, date: c.date?.japanese, isPublic: c.isPublic)
    }

    static func change(_ value: Int?) -> (text: String, cls: String) {
        guard let value else { return ("—", "none") }
        return value > 0 ? ("▲\(value)", "up") : value < 0 ? ("▼\(-value)", "down") : ("±0", "same")
    }

    func selfCheck(_ facts: SelfCheckFacts, practices: PracticesFile) -> InstitutionView.SelfCheck? {
        guard let date = facts.date else { return nil }
        let names = Dictionary(practices.practices.map { ($0.id.value, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = facts.rows.map { row -> InstitutionView.CheckRow in
            let change = Self.change(row.change)
            return .init(name: names[row.practice] ?? row.practice, previous: row.previous.map(String.init) ?? "—",
                         now: row.now, nowLabel: SelfCheckScale.label(row.now), change: change.text, changeClass: change.cls,
                         evidence: row.evidence)
        }
        var radar = IndicatorRadarSVG(axes: facts.rows.map { .init(name: names[$0.practice] ?? $0.practice, current: $0.now, target: $0.previous) })
        radar.id = "self-check-radar"
        radar.title = "自己点検（0〜3）の今回と前回"
        radar.maxValue = SelfCheckScale.range.upperBound
        radar.solid = "今回"
        radar.dashed = "前回"
        radar.labelSize = 14
        radar.valueLine = { a in (a.target.map { "前回\($0) → " } ?? "") + "今回\(a.current)" }
        radar.valueDescription = { a in (a.target.map { "前回\($0)・" } ?? "") + "今回\(a.current)" }
        return .init(date: date.japanese, previousDate: facts.previousDate?.japanese, radarSVG: radar.render(), rows: rows,
                     total: facts.total, previousTotal: facts.previousTotal, maximum: facts.maximum,
                     scale: SelfCheckScale.range.map { .init(score: $0, label: SelfCheckScale.label($0)) })
    }

    func next(rank: Int, id: String, facts: SelfCheckFacts, practices: PracticesFile) -> InstitutionView.NextPractice? {
        guard let practice = practices.practice(id), let row = facts.rows.first(where: { $0.practice == id }) else { return nil }
        let answers = practice.answers.compactMap { practices.challenge($0.value)?.short }.joined(separator: "・")
        return .init(rank: rank, name: practice.name, summary: practice.summary,
                     score: "\(row.now)（\(SelfCheckScale.label(row.now))）", change: Self.change(row.change).text,
                     answers: answers, suggestions: practice.suggestions.map { .init(section: $0.section, text: $0.text) })
    }

    func staff(_ facts: StaffDevelopmentFacts) -> InstitutionView.Staff {
        let areas = library.guidance.skills.skillAreas
        let members = facts.members.map { m -> InstitutionView.MemberHead in
            let member = library.staffMember(m.id)
            return .init(name: member?.name ?? m.id, role: member?.role, gap: m.gapNow,
                         closed: Self.closedText(m.closed), comparedOn: m.comparedOn?.japanese)
        }
        let rows = areas.enumerated().map { index, area in
            InstitutionView.SkillRow(name: area.name, group: area.group, cells: facts.members.map { m in
                let (now, target) = (m.now[index], m.targets[index])
                return InstitutionView.SkillCell(now: now, target: target.map(String.init) ?? "—", short: (target ?? now) > now)
            })
        }
        let planned = facts.planned.map { p in
            InstitutionView.PlannedRow(month: p.month?.japanese ?? "未定", who: library.staffMember(p.staff)?.name ?? p.staff,
                                       kind: p.kind == .training ? "研修" : "資格", title: p.title)
        }
        let closedText = facts.compared == 0
            ? "過去の評価（past_skills）が記録されていないため、前回との比較はできません。"
            : "比較できた\(facts.compared)名の目標までの差は \(facts.gapThenCompared) → \(facts.gapNowCompared)（\(Self.closedText(facts.closed))）。"
        let development = library.institution?.staffDevelopment
        // Guidance 5.4's three points on how an institution develops its staff.
        let policies: [InstitutionView.Policy] = [
            .init(label: "経営戦略への位置づけ", inPlace: development?.strategy != nil,
                  text: development?.strategy ?? "DX支援人材育成が必須の取組であることを経営戦略に明確に位置づける（ガイダンス 5.4）。"),
            .init(label: "DX支援人材の評価制度", inPlace: development?.evaluation != nil,
                  text: development?.evaluation ?? "一律の人事評価ではなく、DX支援人材に適した評価制度を確立する。例：特定職/総合職とプロフェッショナル職を分ける評価制度（ガイダンス 5.4）。"),
            .init(label: "資格取得のインセンティブ", inPlace: development?.incentives != nil,
                  text: development?.incentives ?? "試験や資格取得・維持の際のインセンティブ（費用補助、取得時の奨励金）を付与する（ガイダンス 5.4）。"),
        ]
        return .init(members: members, rows: rows, hasMembers: !members.isEmpty,
                     gapNow: facts.gapNow, closedText: closedText, planned: planned,
                     trainingsDone: facts.trainingsDone, certificationsHeld: facts.certificationsHeld, policies: policies)
    }

    /// The 12 months counted, from their first day: 「2025年11月26日〜2026年11月25日」.
    static func period(_ facts: CollaborationFacts) -> String { "\(facts.from.next.japanese)〜\(facts.to.japanese)" }

    static func closedText(_ closed: Int?) -> String {
        guard let closed else { return "—" }
        return closed > 0 ? "\(closed)縮まった" : closed < 0 ? "\(-closed)広がった" : "変化なし"
    }

    func collaboration(_ facts: CollaborationFacts) -> InstitutionView.Collaboration {
        let guidance = library.guidance
        func row(_ name: String, kind: String?, _ c: CollaborationFacts.Count, note: String? = nil) -> InstitutionView.CountRow {
            .init(name: name, kind: kind, made: c.made, received: c.received, outcomes: c.outcomes, note: note)
        }
        let partners = facts.partners.map { item -> InstitutionView.CountRow in
            let partner = library.partner(item.id)
            return row(partner?.name ?? item.id, kind: partner.flatMap { guidance.institution($0.type.value)?.name }, item.count)
        }
        let areas = facts.areas.map { item -> InstitutionView.CountRow in
            // Which partners list the area among their strengths (4.2: 強み・弱みの相互補完).
            let strong = library.partners.filter { ($0.strengths ?? []).contains { $0.value == item.id } }.map(\.name)
            return row(guidance.area(item.id)?.name ?? item.id, kind: nil, item.count,
                       note: strong.isEmpty ? "この領域を得意とする連携先は未登録" : "得意な連携先：" + strong.joined(separator: "、"))
        }
        // The areas the institution sends out most: where it relies on partners (4.2: 自社に何が欠けているか).
        let most = facts.areas.filter { $0.count.made > 0 }.sorted { ($1.count.made, $0.id) < ($0.count.made, $1.id) }
        let top = most.prefix(2).compactMap { guidance.area($0.id)?.name }
        return .init(period: Self.period(facts),
                     outcomeHeads: ReferralOutcome.allCases.map(\.label), partners: partners, areas: areas,
                     total: row("合計", kind: nil, facts.total), hasReferrals: facts.total.total > 0,
                     prospects: facts.prospects == 0 ? nil : "うち取引前の企業からの紹介 \(facts.prospects)件",
                     weakAreas: top.isEmpty ? nil : top.joined(separator: "・"))
    }
}
