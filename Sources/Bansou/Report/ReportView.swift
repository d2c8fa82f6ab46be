/// The template context of one client's report (Templates/report/report.mustache).
/// Everything is text ready to print; the SVG strings are inserted unescaped.
struct ReportView {
    struct Fact { let label: String; let value: String }
    struct WeakAreaRow { let name: String; let level: Int; let nextLevel: Int; let current: String; let next: String; let reason: String; let bpo: Bool }
    struct AreaRow { let name: String; let level: String; let note: String?; let weak: Bool }
    struct IndicatorRow { let name: String; let current: Int; let target: String; let gap: String }
    struct ChallengeRow { let name: String; let share: String?; let response: String }
    struct TaskRow {
        let number: Int
        let title: String
        let detail: String?
        let period: String
        let span: String
        let months: String
        let kind: String
        let owner: String
        let partner: String?
        let reason: String
    }
    struct StoryRow { let title: String; let alias: String; let url: String?; let reasons: String; let score: Int; let transition: String }
    struct ToolRow { let name: String; let summary: String; let reason: String; let goal: Bool }
    struct PartnerRow { let name: String; let type: String; let region: String?; let strengths: String; let description: String?; let url: String?; let tasks: String }
    struct MeetingRow { let date: String; let note: String }

    // Cover
    let title: String
    let clientName: String
    let advisorName: String
    let advisorRole: String?
    let institution: String
    let date: String
    let asOf: String
    let facts: [Fact]

    // Stage
    let undiagnosed: Bool
    let stageLabel: String
    let stageReason: String
    let computedLabel: String?
    let overrideReason: String?
    let stageDescription: String?

    // Summary
    let needLayer: String?
    let approach: String?
    let indifferent: Bool
    let topWeakAreas: [WeakAreaRow]
    let firstTasks: [TaskRow]
    let focusPhase: String?
    let focusPhaseSummary: String?
    let focusPhaseReason: String
    let goals: [String]

    // Details
    let stageDiagramSVG: String
    let areaChartSVG: String
    let areas: [AreaRow]
    let weakAreas: [WeakAreaRow]
    let bpoCandidates: String?
    let radarSVG: String?
    let indicators: [IndicatorRow]
    let hasIndicators: Bool
    let challenges: [ChallengeRow]
    let ganttSVG: String
    let tasks: [TaskRow]
    let roadmapPeriod: String
    let notes: [String]
    let stories: [StoryRow]
    let tools: [ToolRow]
    let partners: [PartnerRow]
    let meetings: [MeetingRow]

    // Section switches (Mustache cannot ask an array whether it is empty); set by `withSwitches()`.
    var hasChallenges = false, hasGoals = false, hasMeetings = false, hasNotes = false
    var hasPartners = false, hasStories = false, hasTopWeakAreas = false, hasWeakAreas = false

    func withSwitches() -> ReportView {
        var view = self
        view.hasChallenges = !challenges.isEmpty
        view.hasGoals = !goals.isEmpty
        view.hasMeetings = !meetings.isEmpty
        view.hasNotes = !notes.isEmpty
        view.hasPartners = !partners.isEmpty
        view.hasStories = !stories.isEmpty
        view.hasTopWeakAreas = !topWeakAreas.isEmpty
        view.hasWeakAreas = !weakAreas.isEmpty
        return view
    }
}
