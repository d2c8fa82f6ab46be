/// A success story: Content/cases/<slug>.md. Public once published.
public struct CaseStudy: Sendable {
    public var slug: String
    public var path: String
    public var meta: CaseFrontMatter
    public var body: String
    public var bodyFirstLine: Int

    public var isDraft: Bool { meta.draft ?? false }
}

public struct CaseFrontMatter: Decodable, Sendable {
    public var title: Located<String>
    public var alias: Located<String>
    public var date: Located<Day>
    public var industry: Located<String>
    public var region: Located<String>
    public var size: Located<String>?
    public var stageBefore: Located<Int>
    public var stageAfter: Located<Int>
    public var areas: [Located<String>]?
    public var institutions: [Located<String>]?
    public var partners: [Located<String>]?
    public var themes: [Located<String>]?
    public var tools: [String]?
    public var outcomes: [Outcome]?
    /// What did not work and what was learned (guidance 3.8: support 「失敗例も含め」 from real experience).
    public var setbacks: [Setback]?
    public var summary: Located<String>?
    public var client: Located<String>?
    public var draft: Bool?
    public var anonymize: Located<String>?

    enum CodingKeys: String, CodingKey {
        case title, alias, date, industry, region, size, areas, institutions, partners, themes, tools, outcomes, setbacks, summary, client, draft, anonymize
        case stageBefore = "stage_before", stageAfter = "stage_after"
    }
}

/// One thing in a story that did not go as planned, and what the company and its supporters
/// learned from it. Both short (`Setback.maxCharacters`), shown in the story's own section.
public struct Setback: Decodable, Sendable {
    /// At most this many characters each: a setback is a line, not a second story.
    public static let maxCharacters = 120
    public var what: Located<String>
    public var learned: Located<String>
}

public struct Outcome: Decodable, Sendable {
    public var label: String
    public var before: Double
    public var after: Double
    public var unit: String?

    /// Change in percent from before to after; nil when before is 0.
    public var changePercent: Double? {
        before == 0 ? nil : (after - before) / before * 100
    }
}

/// The employee bands of the spec, smallest first.
public enum SizeBand {
    public static let all = ["1-5", "6-20", "21-50", "51-100", "101-300", "301+"]

    public static func band(forEmployees n: Int) -> String {
        switch n {
        case ..<6: return "1-5"
        case 6...20: return "6-20"
        case 21...50: return "21-50"
        case 51...100: return "51-100"
        case 101...300: return "101-300"
        default: return "301+"
        }
    }

    public static func label(_ band: String) -> String {
        band == "301+" ? "301名以上" : band.replacingOccurrences(of: "-", with: "〜") + "名"
    }
}
