/// The template context of the internal dashboard (Templates/report/dashboard.mustache).
struct DashboardView {
    struct ClientLink { let name: String; let url: String; let advisor: String }
    struct Cell { let clients: [ClientLink]; let count: Int; let has: Bool }
    struct MatrixRow { let layer: String; let description: String?; let cells: [Cell]; let total: Int }
    struct StaffCell { let level: Int; let dots: String; let low: Bool }
    struct StaffRow { let name: String; let role: String?; let cells: [StaffCell]; let certifications: String?; let clients: Int }
    struct SkillHead { let name: String; let group: String }
    struct Means { let name: String; let description: String }
    struct Gap { let name: String; let best: Int; let certifications: [Means]; let training: [Means] }
    struct AdvisorRow { let name: String; let count: Int; let clients: [ClientLink] }
    /// The next open step of a client's plan and its status (`overdue` marked).
    struct ClientRow {
        let name: String; let url: String; let stage: String; let layer: String; let advisor: String; let weak: String
        let next: String?; let nextPeriod: String?; let nextStatus: String?; let nextOverdue: Bool
    }

    /// One client's row of the portfolio table (spec v2, "The portfolio"). `*Sort` are the
    /// `data-sort` keys of the sortable columns: "" for a blank cell, which sorts last.
    struct PortfolioRow {
        let name: String; let nameSort: String; let advisor: String; let advisorSort: String
        let report: String; let advisorSheet: String; let pdf: String
        let stage: String; let stageSort: String
        let stageThen: String?; let stageThenSort: String; let movedUp: Bool
        let overdue: Int; let hasOverdue: Bool
        let days: Int?; let daysSort: String; let lastMeeting: String?
        let followUp: Bool
    }
    /// A client on the follow-up list, with why.
    struct FollowUp { let name: String; let report: String; let advisorSheet: String; let advisor: String; let reason: String }
    struct Portfolio {
        let rows: [PortfolioRow]
        /// Clients whose stage now is above their stage 12 months earlier.
        let movedUp: Int
        /// Clients with both stages known (the base of `movedUp`).
        let compared: Int
        let movedUpClients: [ClientLink]
        let hasMovedUp: Bool
        let followUps: [FollowUp]
        let followUpCount: Int
        let hasFollowUps: Bool
        let followUpDays: Int
        let overdueTotal: Int
    }

    let title: String
    let institution: String
    let date: String
    let stageHeads: [String]
    let matrix: [MatrixRow]
    let clientCount: Int
    let portfolio: Portfolio
    let clients: [ClientRow]
    let skillHeads: [SkillHead]
    let staff: [StaffRow]
    let hasStaff: Bool
    let gaps: [Gap]
    let hasGaps: Bool
    let advisors: [AdvisorRow]
}
