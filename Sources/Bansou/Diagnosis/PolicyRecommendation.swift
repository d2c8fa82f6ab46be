/// A policy tool of policy-tools.yaml as it applies to one client: already achieved
/// (the company holds it or has done it, plan rule 4), recommended now (its `from_stage`
/// is reached), or the next goal (the first one not yet reached).
public struct PolicyRecommendation: Sendable {
    public var tool: PolicyTool
    /// True for the next tool not yet reached: the goal to aim for.
    public var isGoal: Bool
    /// `held` or `done` from the client's `policy`: shown as achieved, never proposed again.
    public var achieved: String?
    public var date: Day?
    public var reason: String

    public init(tool: PolicyTool, isGoal: Bool, achieved: String? = nil, date: Day? = nil, reason: String) {
        self.tool = tool
        self.isGoal = isGoal
        self.achieved = achieved
        self.date = date
        self.reason = reason
    }

    /// Achieved tools first (file order); then tools with `from_stage <= stage` in file
    /// order; then the next one not yet reached (lowest `from_stage`, then file order) as
    /// the goal. 未診断 plans as 段階1.
    public static func recommend(stage: Int?, tools: [PolicyTool], status: [String: PolicyStatus] = [:]) -> [PolicyRecommendation] {
        let planning = stage ?? 1
        // Printed in the company's report: plain words, addressed to the company.
        let current = stage.map { "貴社は段階\($0)" } ?? "貴社の段階は業務の評価の後にお示しします"
        let achieved = tools.filter { PlanRules.isAchieved(policyStatus: status[$0.id.value]?.status.value) }.map { tool in
            let entry = status[tool.id.value]
            return PolicyRecommendation(tool: tool, isGoal: false, achieved: entry?.status.value, date: entry?.date?.value,
                                        reason: entry?.status.value == "held" ? "取得済み" : "実施済み")
        }
        let open = tools.filter { !PlanRules.isAchieved(policyStatus: status[$0.id.value]?.status.value) }
        var result = achieved + open.filter { $0.fromStage.value <= planning }.map { tool in
            PolicyRecommendation(tool: tool, isGoal: false,
                                 reason: "段階\(tool.fromStage.value)から活用できる制度です（\(current)）")
        }
        let ahead = open.filter { $0.fromStage.value > planning }
        if let lowest = ahead.map(\.fromStage.value).min(), let goal = ahead.first(where: { $0.fromStage.value == lowest }) {
            result.append(PolicyRecommendation(tool: goal, isGoal: true,
                                               reason: "段階\(lowest)から活用する制度で、次に目指す目標です（\(current)）"))
        }
        return result
    }
}
