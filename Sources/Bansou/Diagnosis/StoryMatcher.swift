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
        /// The client's id: its own stories are never "similar" (plan rule 7).
        public var client: String?

        public init(industry: String? = nil, stage: Int? = nil, weakAreas: [String] = [],
                    prefecture: String? = nil, employees: Int? = nil, client: String? = nil) {
            self.client = client
            self.industry = industry
            self.stage = stage
            self.weakAreas = weakAreas
            self.prefecture = prefecture
            self.employees = employees
        }

        public init(client: Client, stage: StageDiagnosis) {
            self.init(industry: client.industry?.value, stage: stage.effective,
                      weakAreas: stage.weakAreas.map(\.id), prefecture: client.prefecture?.value,
                      employees: client.employees?.value, client: client.id.value)
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
        match(subject, against: Candidates(cases, guidance: guidance))
    }

    /// As `match(_:against:)`, over candidates prepared once for many clients.
    ///
    /// Runs for every client over every published story (10⁷ pairs for 1,000 clients on a
    /// 10,000-story site), so the cases are packed into integers once (`Candidates`), the
    /// score alone is computed per pair keeping only the best `limit`, and the reasons are
    /// written for those only.
    public func match(_ subject: Subject, against candidates: Candidates) -> [StoryMatch] {
        let me = candidates.prepare(subject, guidance: guidance)
        var best: [(score: Int, index: Int)] = []
        candidates.features.withUnsafeBufferPointer { features in
            for index in features.indices {
                let points = me.points(features[index])
                guard points > 0, features[index].client != me.client else { continue }
                let candidate = (score: points, index: index)
                if best.count == limit, let last = best.last, !candidates.ranks(candidate, before: last) { continue }
                let position = best.firstIndex { candidates.ranks(candidate, before: $0) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map { score(candidates.cases[$0.index], for: subject) }
    }

    /// Published cases packed for scoring: every id an integer, the areas a bit set.
    public struct Candidates: Sendable {
        struct Features {
            var industry: Int32
            var stageBefore: Int32
            var areas: UInt64
            var region: Int32
            var size: Int32
            var rank: Int32   // position by date (newer first), then slug
            var client: Int32 // the case's `client`, -2 when none
        }

        let cases: [CaseStudy]
        let features: [Features]
        private let ids: [String: Int32]

        public init(_ cases: [CaseStudy], guidance: Guidance) {
            var ids: [String: Int32] = [:]
            func id(_ key: String) -> Int32 {
                if let known = ids[key] { return known }
                ids[key] = Int32(ids.count)
                return Int32(ids.count - 1)
            }
            let areaBits = Dictionary(uniqueKeysWithValues: guidance.areas.areas.prefix(64).enumerated().map { ($1.id.value, UInt64(1) << UInt64($0)) })
            let order = cases.indices.sorted { a, b in
                let (da, db) = (cases[a].meta.date.value, cases[b].meta.date.value)
                return da != db ? da > db : cases[a].slug < cases[b].slug
            }
            var rank = [Int32](repeating: 0, count: cases.count)
            for (position, index) in order.enumerated() { rank[index] = Int32(position) }
            features = cases.indices.map { i in
                let meta = cases[i].meta
                return Features(industry: id("i:" + meta.industry.value), stageBefore: Int32(meta.stageBefore.value),
                                areas: (meta.areas ?? []).reduce(0) { $0 | (areaBits[$1.value] ?? 0) },
                                region: id("r:" + meta.region.value), size: meta.size.map { id("s:" + $0.value) } ?? -2,
                                rank: rank[i], client: meta.client.map { id("c:" + $0.value) } ?? -2)
            }
            self.cases = cases
            self.ids = ids
        }

        func prepare(_ subject: Subject, guidance: Guidance) -> Prepared {
            let areaBits = Dictionary(uniqueKeysWithValues: guidance.areas.areas.prefix(64).enumerated().map { ($1.id.value, UInt64(1) << UInt64($0)) })
            return Prepared(
                industry: subject.industry.flatMap { ids["i:" + $0] } ?? -1,
                stage: Int32(subject.stage ?? -1),
                weakAreas: subject.weakAreas.reduce(0) { $0 | (areaBits[$1] ?? 0) },
                region: subject.prefecture.flatMap { guidance.region(ofPrefecture: $0) }.flatMap { ids["r:" + $0.id.value] } ?? -1,
                size: subject.employees.flatMap { ids["s:" + SizeBand.band(forEmployees: $0)] } ?? -1,
                client: subject.client.flatMap { ids["c:" + $0] } ?? -1)
        }

        /// By score, then newer date, then slug.
        func ranks(_ a: (score: Int, index: Int), before b: (score: Int, index: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : features[a.index].rank < features[b.index].rank
        }
    }

    /// A subject in the candidates' integers; -1 matches nothing.
    struct Prepared {
        let industry: Int32
        let stage: Int32
        let weakAreas: UInt64
        let region: Int32
        let size: Int32
        let client: Int32

        /// The spec's score, without the reasons; `score(_:for:)` must agree (tested).
        func points(_ f: Candidates.Features) -> Int {
            var points = 0
            if f.industry == industry { points += 3 }
            if f.stageBefore == stage { points += 2 }
            points += min((f.areas & weakAreas).nonzeroBitCount, 3)
            if f.region == region { points += 1 }
            if f.size == size { points += 1 }
            return points
        }
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
            reasons.append("貴社が強化したい\(names)を改善")
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
