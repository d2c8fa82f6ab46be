/// Everything the report concludes about one client, each conclusion with its reason.
/// Built by `Diagnoser`; rendering and report.json read it and compute nothing.
public struct Diagnosis: Sendable {
    public var clientID: String
    public var asOf: Day
    public var stage: StageDiagnosis
    /// The process phase to focus on (process.yaml); nil only when process.yaml has none.
    public var focusPhase: ProcessPhase?
    public var focusPhaseReason: String
    /// Tools recommended now, then the next one as the goal (`isGoal`).
    public var policyTools: [PolicyRecommendation]
    /// The client's challenges in the order written, with the guidance's response.
    public var challenges: [ChallengeResponse]
    public var needLayer: NeedLayer?
    /// A 無関心層 client: the roadmap is a 業務効率化/BPO proposal, not a DX programme (guidance 3.6).
    public var isIndifferent: Bool
    public var similarStories: [StoryMatch]
    public var roadmap: Roadmap

    /// The approach the guidance gives for the client's need layer.
    public var approach: String? { needLayer?.approach }
}
