/// A published success story that resembles a client, with why (spec "Story matching").
public struct StoryMatch: Sendable {
    public var story: CaseStudy
    public var score: Int
    /// Short Japanese phrases, one per rule that scored: 同じ業種（製造業）, 同じ地方（中部）…
    public var reasons: [String]

    public var slug: String { story.slug }

    public init(story: CaseStudy, score: Int, reasons: [String]) {
        self.story = story
        self.score = score
        self.reasons = reasons
    }
}
