/// What Templates/report/institution.mustache prints: the institution's half-yearly report
/// to its management (self-check, staff development, collaboration, portfolio), all text ready.
struct InstitutionView {
    struct Headline { let label: String; let value: String; let unit: String; let note: String? }
    struct Commitment { let paragraphs: [String]; let date: String?; let isPublic: Bool }
    struct CheckRow {
        let name: String; let previous: String; let now: Int; let nowLabel: String
        let change: String; let changeClass: String; let evidence: String?
    }
    struct SelfCheck {
        let date: String; let previousDate: String?; let radarSVG: String?; let rows: [CheckRow]
        let total: Int; let previousTotal: Int?; let maximum: Int; let scale: [ScaleStep]
    }
    struct ScaleStep { let score: Int; let label: String }
    struct Suggestion { let section: String; let text: String }
    struct NextPractice {
        let rank: Int; let name: String; let summary: String; let score: String; let change: String
        let answers: String; let suggestions: [Suggestion]
    }
    /// One column of the skills table per staff member; one row per skill area.
    struct MemberHead { let name: String; let role: String?; let gap: Int; let closed: String; let comparedOn: String? }
    struct SkillCell { let now: Int; let target: String; let short: Bool }
    struct SkillRow { let name: String; let group: String; let cells: [SkillCell] }
    struct PlannedRow { let month: String; let who: String; let kind: String; let title: String }
    struct Policy { let label: String; let inPlace: Bool; let text: String }
    struct Staff {
        let members: [MemberHead]; let rows: [SkillRow]; let hasMembers: Bool
        let gapNow: Int; let closedText: String; let planned: [PlannedRow]
        let trainingsDone: Int; let certificationsHeld: Int; let policies: [Policy]
    }
    struct CountRow {
        let name: String; let kind: String?; let made: Int; let received: Int; let outcomes: [Int]; let note: String?
    }
    struct Collaboration {
        let period: String; let outcomeHeads: [String]; let partners: [CountRow]; let areas: [CountRow]
        let total: CountRow; let hasReferrals: Bool; let prospects: String?; let weakAreas: String?
    }

    let title: String
    let institution: String
    let date: String
    let period: String
    let headlines: [Headline]
    let commitment: Commitment?
    let selfCheck: SelfCheck?
    let next: [NextPractice]
    let answersReading: String?
    let staff: Staff
    let collaboration: Collaboration
}
