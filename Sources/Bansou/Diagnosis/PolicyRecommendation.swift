/// A policy tool of policy-tools.yaml as it applies to one client: recommended now
/// (its `from_stage` is reached) or the next goal (the first one not yet reached).
public struct PolicyRecommendation: Sendable {
    public var tool: PolicyTool
    /// True for the next tool not yet reached: the goal to aim for.
    public var isGoal: Bool
    public var reason: String

    public init(tool: PolicyTool, isGoal: Bool, reason: String) {
        self.tool = tool
        self.isGoal = isGoal
        self.reason = reason
    }

    /// Tools with `from_stage <= stage` in file order, then the next one not yet
    /// reached (lowest `from_stage`, then file order) as the goal. 未診断 plans as 段階1.
    public static func recommend(stage: Int?, tools: [PolicyTool]) -> [PolicyRecommendation] {
        let planning = stage ?? 1
        let current = stage.map { "現在 段階\($0)" } ?? "未診断のため段階1として扱う"
        var result = tools.filter { $0.fromStage.value <= planning }.map { tool in
            PolicyRecommendation(tool: tool, isGoal: false,
                                 reason: "段階\(tool.fromStage.value)から活用を勧めるツール（\(current)）")
        }
        let ahead = tools.filter { $0.fromStage.value > planning }
        if let lowest = ahead.map(\.fromStage.value).min(), let goal = ahead.first(where: { $0.fromStage.value == lowest }) {
            result.append(PolicyRecommendation(tool: goal, isGoal: true,
                                               reason: "段階\(lowest)から勧めるツールで、次に目指す目標（\(current)）"))
        }
        return result
    }
}
