/// The plan rules of the contract (spec v2, "Rules for the plan (exact)"), one pure
/// function each, so each rule can be tested alone. `RoadmapPlanner` composes them.
public enum PlanRules {
    /// The areas the goals name, in goal order, each once, with the first goal naming it.
    public static func goalAreas(_ goals: [Goal]) -> [(area: String, goal: String)] {
        var seen = Set<String>()
        var result: [(area: String, goal: String)] = []
        for goal in goals {
            for area in goal.areas where seen.insert(area.value).inserted {
                result.append((area.value, goal.text.value))
            }
        }
        return result
    }

    /// Rule 1: a quick win only at effective stage 1 or 2, or 未診断 (`stage` nil). Its
    /// area is the first weak area a goal names, else the first weak area; for 未診断,
    /// the first area a goal names, else none.
    public static func quickWinArea(stage: Int?, weakAreas: [String], goalAreas: [String]) -> String? {
        guard let stage else { return goalAreas.first }
        guard stage <= 2 else { return nil }
        return goalAreas.first { weakAreas.contains($0) } ?? weakAreas.first
    }

    /// Rule 2: the goal areas whose level is below 4 or not assessed (goal order, each
    /// once), then the other weak areas (weak-area order).
    public static func levelUpAreas(goalAreas: [String], levels: [String: Int], weakAreas: [String]) -> [String] {
        var result: [String] = []
        for area in goalAreas where (levels[area] ?? 0) < 4 && !result.contains(area) { result.append(area) }
        for area in weakAreas where !result.contains(area) { result.append(area) }
        return result
    }

    /// Rule 3: the advisor's own task in the same area wins, and a task recorded as done
    /// or dropped is not planned again.
    public static func isLeftOut(area: String?, recorded: TaskStatus?, explicitAreas: Set<String>) -> Bool {
        if let area, explicitAreas.contains(area) { return true }
        return recorded?.closesTask ?? false
    }

    /// Rule 4: a tool the company holds (`held`) or has used (`done`) is not proposed again.
    public static func isAchieved(policyStatus: String?) -> Bool {
        policyStatus == "held" || policyStatus == "done"
    }

    /// Rule 5: these challenges add `training:talent`.
    public static let talentChallenges: Set<String> = ["it-talent", "dx-talent"]

    public static func needsTraining(challenges: [String]) -> Bool {
        challenges.contains { talentChallenges.contains($0) }
    }

    /// Rule 6: a partner is named only when public, strong in the task's area, not a peer
    /// of the publisher (same type), and in the client's region or nationwide. Among
    /// those: the owner's type first, then same region before nationwide, then id.
    public static func partner(area: String?, owner: String, publisherType: String?, region: String?,
                               partners: [Partner]) -> Partner? {
        guard let area else { return nil }
        let eligible = partners.filter { p in
            p.isPublic
                && (p.strengths ?? []).contains { $0.value == area }
                && p.type.value != publisherType
                && ((region != nil && p.region?.value == region) || p.isNationwide)
        }
        func key(_ p: Partner) -> (Int, Int, String) {
            (p.type.value == owner ? 0 : 1, region != nil && p.region?.value == region ? 0 : 1, p.id.value)
        }
        return eligible.min { key($0) < key($1) }
    }

    /// Rule 7: similar stories never include the client's own story.
    public static func isOwnStory(_ story: CaseStudy, client: String) -> Bool {
        story.meta.client?.value == client
    }

    /// Rule 8: see `TaskStatus.of(recorded:end:asOf:)`.
    public static func status(recorded: TaskStatus?, end: YearMonth, asOf: Day) -> TaskStatus {
        TaskStatus.of(recorded: recorded, end: end, asOf: asOf)
    }
}
