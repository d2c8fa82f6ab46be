/// Scores published cases against a client exactly as the spec's "Story matching" says:
/// +3 same industry; +2 `stage_before` equals the client's stage; +1 per client weak
/// area among the case's `areas` (at most +3); +1 the client's prefecture lies in the
/// case's region; +1 same size band. Scores of 0 are dropped; the top 3 are kept,
/// by score, then newer date, then slug.
public struct StoryMatcher: Sendable {
    /// What the rules look at in a client; separate from `Client` so each rule can be tested alone.
    public struct Subject: Sendable {
        public var industry: String?
        /// The effective stage; nil for 未診断 (then no case shares it).
        public var stage: Int?
        /// Weak area ids, in the diagnosis's order.
        public var weakAreas: [String]
        public var prefecture: String?
        public var employees: Int?

        public init(industry: String? = nil, stage: Int? = nil, weakAreas: [String] = [],
                    prefecture: String? = nil, employees: Int? = nil) {
            self.industry = industry
            self.stage = stage
            self.weakAreas = weakAreas
            self.prefecture = prefecture
            self.employees = employees
        }

        public init(client: Client, stage: StageDiagnosis) {
            self.init(industry: client.industry?.value, stage: stage.effective,
                      weakAreas: stage.weakAreas.map(\.id), prefecture: client.prefecture?.value,
                      employees: client.employees?.value)
        }
    }

    public var guidance: Guidance
    public var limit: Int

    public init(guidance: Guidance, limit: Int = 3) {
        self.guidance = guidance
        self.limit = limit
    }

    /// The best matches among `cases` (pass the published ones), best first.
    public func match(_ subject: Subject, against cases: [CaseStudy]) -> [StoryMatch] {
        let scored = cases.map { score($0, for: subject) }.filter { $0.score > 0 }
        let sorted = scored.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let (da, db) = (a.story.meta.date.value, b.story.meta.date.value)
            if da != db { return da > db }
            return a.slug < b.slug
        }
        return Array(sorted.prefix(limit))
    }

    /// One case's score and the phrases that explain it.
    public func score(_ story: CaseStudy, for subject: Subject) -> StoryMatch {
        let meta = story.meta
        var score = 0
        var reasons: [String] = []

        if let industry = subject.industry, industry == meta.industry.value {
            score += 3
            reasons.append(guidance.industry(industry).map { "同じ業種（\($0.name)）" } ?? "同じ業種")
        }
        if let stage = subject.stage, stage == meta.stageBefore.value {
            score += 2
            reasons.append("支援前の段階が同じ（段階\(stage)）")
        }
        let caseAreas = Set((meta.areas ?? []).map(\.value))
        let improved = subject.weakAreas.filter { caseAreas.contains($0) }
        if !improved.isEmpty {
            // Capped so that a broad story cannot outweigh the same industry.
            score += min(improved.count, 3)
            let names = improved.map { "「\(guidance.area($0)?.name ?? $0)」" }.joined()
            reasons.append("弱い領域\(names)を改善")
        }
        if let prefecture = subject.prefecture, let region = guidance.region(ofPrefecture: prefecture),
           region.id.value == meta.region.value {
            score += 1
            reasons.append("同じ地方（\(region.name)）")
        }
        if let employees = subject.employees, let size = meta.size?.value,
           SizeBand.band(forEmployees: employees) == size {
            score += 1
            reasons.append("同じ規模（\(SizeBand.label(size))）")
        }
        return StoryMatch(story: story, score: score, reasons: reasons)
    }
}
