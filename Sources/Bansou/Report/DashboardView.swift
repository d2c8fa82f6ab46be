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
    struct ClientRow { let name: String; let url: String; let stage: String; let layer: String; let advisor: String; let weak: String; let next: String }

    let title: String
    let institution: String
    let date: String
    let stageHeads: [String]
    let matrix: [MatrixRow]
    let clientCount: Int
    let clients: [ClientRow]
    let skillHeads: [SkillHead]
    let staff: [StaffRow]
    let hasStaff: Bool
    let gaps: [Gap]
    let hasGaps: Bool
    let advisors: [AdvisorRow]
}
