/// The template context of the report handed to the company (Templates/report/report.mustache):
/// `Output/reports/<id>/index.html` and `report.pdf`. It holds only what the company may read
/// (spec v2, "Two audiences"): no need layer, approach, meeting or progress note, rule or
/// non-public partner exists in it, so no template can print one by mistake.
/// Everything is text ready to print; the SVG strings are inserted unescaped.
struct ReportView {
    struct Fact { let label: String; let value: String }
    struct AreaRow { let name: String; let level: String; let now: String?; let next: String?; let focus: Bool; let change: String? }
    struct IndicatorRow { let name: String; let current: Int; let target: String; let gap: String }
    struct ChallengeRow { let name: String; let share: String?; let response: String? }
    struct TaskRow {
        let number: Int
        let title: String
        let detail: String?
        let span: String
        let months: String
        let owner: String
        let partner: String?
        let status: String
        let statusClass: String
        let late: Bool
        let goal: String?
        let reason: String
    }
    struct StepRow { let title: String; let when: String; let owner: String; let partner: String?; let status: String; let late: Bool }
    struct AchievementRow { let title: String; let date: String? }
    struct EffectRow { let text: String; let story: String; let alias: String; let url: String? }
    struct PeerRow { let group: String; let text: String; let areas: [PeerArea] }
    struct PeerArea { let name: String; let average: String; let company: String }
    struct StoryRow { let title: String; let alias: String; let url: String?; let reasons: String; let transition: String }
    struct ToolRow { let name: String; let summary: String; let reason: String; let goal: Bool; let achieved: String? }
    struct PartnerRow { let name: String; let type: String; let region: String?; let strengths: String; let description: String?; let url: String?; let tasks: String }

    // Cover
    let title: String
    let clientName: String
    let advisorName: String
    let advisorRole: String?
    let institution: String
    let date: String
    let facts: [Fact]

    // Stage
    let undiagnosed: Bool
    let stageLabel: String
    let stageReason: String
    let overrideText: String?
    let stageDescription: String?

    // What changed since the last assessment
    let since: String?
    let stageThen: String?
    let changeText: String?
    let improved: [String]
    let achievements: [AchievementRow]
    let overdueText: String?

    // The first pages
    let nextSteps: [StepRow]
    let effects: [EffectRow]
    /// Guidance 2.2: what companies that reached the next stage gained (a survey median), for
    /// an owner who does not yet see why the next stage pays; nil where the guidance gives no figure.
    let nextStageEvidence: String?
    let peers: [PeerRow]
    let goals: [String]

    // Details
    let stageDiagramSVG: String
    let areaChartSVG: String
    let areas: [AreaRow]
    let bpoCandidates: String?
    let radarSVG: String?
    let indicators: [IndicatorRow]
    let challenges: [ChallengeRow]
    let ganttSVG: String
    let tasks: [TaskRow]
    let dropped: [AchievementRow]
    let roadmapPeriod: String
    let stories: [StoryRow]
    let ownStories: [StoryRow]
    let tools: [ToolRow]
    let partners: [PartnerRow]
}
