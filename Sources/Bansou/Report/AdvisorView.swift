/// The template context of the advisor's sheet (Templates/report/advisor.mustache):
/// `Output/reports/<id>/advisor.html`, internal: what only staff may read (the need layer
/// and approach, the rules behind each task, meetings, progress notes, what the plan left
/// out). The renderer adds the company's report view, already flattened, as `report`.
struct AdvisorView {
    struct TaskRow { let number: Int; let id: String; let title: String; let status: String; let late: Bool; let basis: String; let note: String? }
    struct MeetingRow { let date: String; let note: String }
    struct ProgressRow { let task: String; let title: String; let status: String; let date: String; let note: String? }
    struct WeakRow { let name: String; let reason: String; let bpo: Bool }
    struct Fact { let label: String; let value: String }
    struct ChallengeRow { let name: String; let response: String }

    let clientID: String
    let contact: [Fact]
    let needLayer: String?
    let approach: String?
    let focusPhase: String?
    let focusPhaseReason: String
    let activities: [String]
    let computedStage: String
    let stageRule: String
    let weakAreas: [WeakRow]
    /// The guidance's responses, addressed to support institutions.
    let challenges: [ChallengeRow]
    let tasks: [TaskRow]
    let notes: [String]
    let progress: [ProgressRow]
    let meetings: [MeetingRow]
    let daysSinceMeeting: String
    let followUp: Bool
    let stage12MonthsAgo: String
}

/// Builds the advisor's sheet around the company's report view. Pure: no I/O.
struct AdvisorViewBuilder {
    let library: Library

    func build(client: Client, diagnosis d: Diagnosis) -> AdvisorView {
        var contact: [AdvisorView.Fact] = []
        if let name = client.representative { contact.append(.init(label: "代表者", value: name.value)) }
        if let phone = client.phone { contact.append(.init(label: "電話", value: phone.value)) }
        if let email = client.email { contact.append(.init(label: "メール", value: email.value)) }
        if let advisor = client.advisor { contact.append(.init(label: "担当", value: library.staffMember(advisor.value)?.name ?? advisor.value)) }
        contact.append(.init(label: "事例掲載の同意", value: client.consentsToStories ? "あり" + (client.consent?.date.map { "（\($0.japanese)）" } ?? "") : "なし"))

        let tasks = d.roadmap.tasks.enumerated().map { i, t in
            AdvisorView.TaskRow(number: i + 1, id: t.id ?? "（idなし）", title: t.title,
                                status: t.status.label + (t.statusRecorded ? "（記録）" : ""), late: t.status == .overdue,
                                basis: t.basis, note: t.note)
        }
        let titles = Dictionary(d.roadmap.tasks.compactMap { t in t.id.map { ($0, t.title) } }
                                + (d.roadmap.achievements + d.roadmap.dropped).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let progress = (client.progress ?? []).sorted { ($0.date?.value ?? Day(year: 9999, month: 1, day: 1)) > ($1.date?.value ?? Day(year: 9999, month: 1, day: 1)) }
            .map { p in
                AdvisorView.ProgressRow(task: p.task.value, title: titles[p.task.value] ?? p.task.value,
                                        status: TaskStatus(rawValue: p.status.value)?.label ?? p.status.value,
                                        date: p.date?.value.japanese ?? "—", note: p.note)
            }
        let meetings = (client.meetings ?? []).sorted { $0.date > $1.date }.map { AdvisorView.MeetingRow(date: $0.date.japanese, note: $0.note) }
        let facts = d.portfolio
        return AdvisorView(
            clientID: client.id.value, contact: contact,
            needLayer: d.needLayer?.name, approach: d.approach,
            focusPhase: d.focusPhase?.name, focusPhaseReason: d.focusPhaseReason,
            activities: d.focusPhase?.activities.map { "\($0.title)：\($0.description)" } ?? [],
            computedStage: d.stage.computed.map { "段階\($0)" } ?? "未診断",
            stageRule: d.stage.override.map { "算定 段階\(d.stage.computed.map(String.init) ?? "—")、上書き 段階\($0.stage)（\($0.reason)）" } ?? d.stage.reason,
            weakAreas: d.stage.weakAreas.map { AdvisorView.WeakRow(name: $0.name, reason: $0.reason, bpo: $0.isIndirect) },
            challenges: d.challenges.map { AdvisorView.ChallengeRow(name: $0.name, response: $0.response) },
            tasks: tasks, notes: d.roadmap.notes, progress: progress, meetings: meetings,
            daysSinceMeeting: facts.daysSinceMeeting.map { "\($0)日" } ?? "記録なし",
            followUp: facts.needsFollowUp,
            stage12MonthsAgo: facts.stage12MonthsAgo.map { "段階\($0)" } ?? "—")
    }
}
