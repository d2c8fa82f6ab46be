/// Everything the report concludes about one client, each conclusion with its reason.
/// Built by `Diagnoser`; the report, the advisor sheet, report.json, the dashboard and
/// the portfolio read it and compute nothing.
public struct Diagnosis: Sendable {
    public var clientID: String
    public var asOf: Day
    public var stage: StageDiagnosis
    /// The client's assessments over time, the current one last.
    public var history: AssessmentHistory
    /// The process phase to focus on (process.yaml); nil only when process.yaml has none.
    public var focusPhase: ProcessPhase?
    public var focusPhaseReason: String
    /// Achieved tools, tools recommended now, then the next one as the goal (`isGoal`).
    public var policyTools: [PolicyRecommendation]
    /// The client's challenges in the order written, with the guidance's response.
    public var challenges: [ChallengeResponse]
    public var needLayer: NeedLayer?
    /// A 無関心層 client: the plan is 業務効率化/BPO, not a DX programme (guidance 3.6).
    public var isIndifferent: Bool
    /// Never the client's own story (plan rule 7).
    public var similarStories: [StoryMatch]
    /// The client's own published stories, shown apart.
    public var ownStories: [CaseStudy]
    public var roadmap: Roadmap
    public var expectedEffects: [ExpectedEffect]
    /// Filled by `Diagnoser.addPeers`, which needs every client.
    public var peers: [PeerComparison] = []
    public var portfolio: PortfolioFacts

    /// The approach the guidance gives for the client's need layer.
    public var approach: String? { needLayer?.approach }
    /// What changed since the previous assessment; nil without history.
    public var change: AssessmentHistory.Change? { history.change }
}
