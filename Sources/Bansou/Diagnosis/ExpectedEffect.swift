/// What a planned task may bring, drawn from a similar published story's measured
/// outcome: 「同業の事例（金属加工業A社）では受注処理時間が75%短縮」. Never a promise:
/// the report says these are other companies' results.
public struct ExpectedEffect: Sendable, Equatable {
    public var storySlug: String
    public var storyTitle: String
    public var alias: String
    public var sameIndustry: Bool
    public var label: String
    public var before: Double
    public var after: Double
    public var unit: String?
    /// Rounded percent change, negative for a fall.
    public var percent: Int
    /// The task areas the story improved, in plan order (empty when none is planned).
    public var areas: [String]

    /// 「受注処理時間が75%短縮」
    public var phrase: String {
        let amount = abs(percent)
        if percent < 0 {
            let word = label.contains("時間") || label.contains("日数") || label.contains("期間") ? "短縮" : "減少"
            return "\(label)が\(amount)%\(word)"
        }
        return "\(label)が\(amount)%増加"
    }

    /// At most `limit` effects: each similar story's outcomes in order, the first outcome of
    /// every story before any second one, stories that improve a planned area first.
    public static func from(_ stories: [StoryMatch], industry: String?, plannedAreas: [String], limit: Int = 3) -> [ExpectedEffect] {
        let ordered = stories.enumerated().sorted { a, b in
            let (x, y) = (touches(a.element, plannedAreas), touches(b.element, plannedAreas))
            return x != y ? x : a.offset < b.offset
        }.map(\.element)
        var result: [ExpectedEffect] = []
        let depth = ordered.map { $0.story.meta.outcomes?.count ?? 0 }.max() ?? 0
        for index in 0..<depth {
            for match in ordered {
                guard result.count < limit, let outcomes = match.story.meta.outcomes, index < outcomes.count,
                      let change = outcomes[index].changePercent, change.isFinite, Int(change.rounded()) != 0 else { continue }
                let meta = match.story.meta
                let improved = Set((meta.areas ?? []).map(\.value))
                let outcome = outcomes[index]
                result.append(ExpectedEffect(storySlug: match.slug, storyTitle: meta.title.value, alias: meta.alias.value,
                                             sameIndustry: industry != nil && meta.industry.value == industry,
                                             label: outcome.label, before: outcome.before, after: outcome.after, unit: outcome.unit,
                                             percent: Int(change.rounded()), areas: plannedAreas.filter(improved.contains)))
            }
        }
        return result
    }

    static func touches(_ match: StoryMatch, _ areas: [String]) -> Bool {
        (match.story.meta.areas ?? []).contains { areas.contains($0.value) }
    }
}
