/// Builds a `Diagnosis` for each client from the guidance, the published cases and
/// the partners, as of one date. Pure: the same content and date give the same result.
public struct Diagnoser: Sendable {
    public var guidance: Guidance
    /// The cases the portal publishes: only those may be offered as similar stories.
    public var published: [CaseStudy]
    public var partners: [Partner]
    public var publisherType: String?
    public var asOf: Day
    /// The published cases packed once for matching every client.
    private let candidates: StoryMatcher.Candidates
    /// The published cases by the client they name, in published order: filtering every
    /// story for every client copied each story's metadata 10⁷ times on 10,000 × 1,000.
    private let storiesByClient: [String: [CaseStudy]]

    public init(guidance: Guidance, published: [CaseStudy], partners: [Partner], publisherType: String? = nil, asOf: Day) {
        self.guidance = guidance
        self.published = published
        self.candidates = StoryMatcher.Candidates(published, guidance: guidance)
        var storiesByClient: [String: [CaseStudy]] = [:]
        for story in published {
            if let client = story.meta.client?.value { storiesByClient[client, default: []].append(story) }
        }
        self.storiesByClient = storiesByClient
        self.partners = partners
        self.publisherType = publisherType
        self.asOf = asOf
    }

    public init(library: Library, asOf: Day? = nil) {
        self.init(guidance: library.guidance, published: library.published, partners: library.partners,
                  publisherType: library.site.publisher.type?.value, asOf: asOf ?? library.asOf)
    }

    public func diagnose(_ client: Client) -> Diagnosis {
        let stage = StageDiagnosis(client: client, areas: guidance.areas.areas)
        let (phase, phaseReason) = Self.focusPhase(stage: stage.effective, phases: guidance.process.phases)
        let needLayer = client.needLayer.flatMap { guidance.needLayer($0.value) }
        let isIndifferent = client.needLayer?.value == "indifferent"
        let stories = StoryMatcher(guidance: guidance)
            .match(StoryMatcher.Subject(client: client, stage: stage), against: candidates)
        let roadmap = RoadmapPlanner(guidance: guidance, partners: partners, publisherType: publisherType)
            .plan(client: client, stage: stage, isIndifferent: isIndifferent, asOf: asOf)
        let history = AssessmentHistory(client: client, asOf: asOf)
        var policyStatus: [String: PolicyStatus] = [:]
        for entry in client.policy?.entries ?? [] { policyStatus[entry.key.value] = entry.value }
        var plannedAreas: [String] = []
        for area in roadmap.tasks.filter(\.isOpen).compactMap(\.area) where !plannedAreas.contains(area) { plannedAreas.append(area) }
        return Diagnosis(
            clientID: client.id.value, asOf: asOf, stage: stage, history: history,
            focusPhase: phase, focusPhaseReason: phaseReason,
            policyTools: PolicyRecommendation.recommend(stage: stage.effective, tools: guidance.policyTools.tools, status: policyStatus),
            challenges: (client.challenges ?? []).compactMap { guidance.challenge($0.value) }.map(ChallengeResponse.init),
            needLayer: needLayer, isIndifferent: isIndifferent,
            similarStories: stories,
            ownStories: (storiesByClient[client.id.value] ?? []).filter { PlanRules.isOwnStory($0, client: client.id.value) },
            roadmap: roadmap,
            expectedEffects: ExpectedEffect.from(stories, industry: client.industry?.value, plannedAreas: plannedAreas),
            portfolio: PortfolioFacts(stage: stage.effective, history: history, overdue: roadmap.overdue.count,
                                      meetings: (client.meetings ?? []).map(\.date), asOf: asOf))
    }

    /// Every client's standing among the institution's clients of its industry and stage
    /// (aggregates of groups of at least `PeerComparison.minimumGroup`).
    public func addPeers(_ diagnosed: [(client: Client, diagnosis: Diagnosis)]) -> [(client: Client, diagnosis: Diagnosis)] {
        let peers = diagnosed.map { item in
            (id: item.client.id.value, industry: item.client.industry?.value, stage: item.diagnosis.stage.effective,
             levels: item.diagnosis.history.current.levels)
        }
        let groups = PeerComparison.Groups(peers: peers, areaOrder: guidance.areas.areas.map(\.id.value))
        return diagnosed.map { item in
            var diagnosis = item.diagnosis
            diagnosis.peers = groups.compare(client: item.client.id.value, industry: item.client.industry?.value,
                                             stage: diagnosis.stage.effective, levels: diagnosis.history.current.levels)
            return (item.client, diagnosis)
        }
    }

    /// The first phase recommended for the stage; 未診断 (or a stage no phase lists)
    /// starts at the first phase, since that is where every company begins.
    public static func focusPhase(stage: Int?, phases: [ProcessPhase]) -> (ProcessPhase?, String) {
        if let stage, let phase = phases.first(where: { $0.stages.contains { $0.value == stage } }) {
            return (phase, "段階\(stage)に勧めるフェーズ「\(phase.name)」")
        }
        guard let first = phases.first else { return (nil, "") }
        let why = stage.map { "段階\($0)に当たるフェーズがないため" } ?? "未診断のため"
        return (first, "\(why)、最初のフェーズ「\(first.name)」から始める")
    }
}
