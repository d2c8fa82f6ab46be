/// "Related stories" on a story page: shared industry (+3), each shared improved area,
/// each shared theme, same region, same starting stage (+1 each); top 3 by score, then newer,
/// then slug. The features are packed into integers, and stories are grouped by industry,
/// region and starting stage: a group whose best possible score (its shared fields plus the
/// areas and themes any of its stories has) cannot reach the third place is never scored. Scoring
/// every pair was quadratic: 10⁸ pairs at 10,000 stories, 10¹⁰ at 100,000.
struct RelatedStories: Sendable {
    private struct Features: Sendable {
        var industry: Int32
        var region: Int32
        var stageBefore: Int32
        var areas: UInt64
        var themes: [Int32]   // sorted
    }

    private let features: [Features]

    /// Stories sharing industry, region and starting stage, with what any of them has.
    private struct Group: Sendable {
        let industry: Int32
        let region: Int32
        let stageBefore: Int32
        var members: [Int] = []
        var areas: UInt64 = 0
        var themes: Set<Int32> = []
    }
    private let groups: [Group]

    /// - Parameter stories: the published stories, newest first (then by slug): ties keep this order.
    init(_ stories: [CaseStudy]) {
        var ids: [String: Int32] = [:]
        func id(_ key: String) -> Int32 {
            if let known = ids[key] { return known }
            let new = Int32(ids.count)
            ids[key] = new
            return new
        }
        var areaBits: [String: UInt64] = [:]
        features = stories.map { story in
            let m = story.meta
            var areas: UInt64 = 0
            for area in m.areas ?? [] {
                if areaBits[area.value] == nil, areaBits.count < 64 { areaBits[area.value] = 1 << UInt64(areaBits.count) }
                areas |= areaBits[area.value] ?? 0
            }
            return Features(industry: id("i:" + m.industry.value), region: id("r:" + m.region.value), stageBefore: Int32(m.stageBefore.value),
                            areas: areas, themes: Array(Set((m.themes ?? []).map { id("t:" + $0.value) })).sorted())
        }
        var groupOf: [[Int32]: Int] = [:]
        var groups: [Group] = []
        for (index, f) in features.enumerated() {
            let key = [f.industry, f.region, f.stageBefore]
            let number = groupOf[key] ?? {
                groups.append(Group(industry: f.industry, region: f.region, stageBefore: f.stageBefore))
                groupOf[key] = groups.count - 1
                return groups.count - 1
            }()
            groups[number].members.append(index)
            groups[number].areas |= f.areas
            groups[number].themes.formUnion(f.themes)
        }
        self.groups = groups
    }

    /// Indices into the published list of the stories related to the one at `index`: the top
    /// `limit` by score (above 0), a tie going to the earlier (newer) story.
    ///
    /// Groups are visited from the highest bound down; once a group's bound is below the
    /// current last place, no story left can enter, not even on a tie, and the search stops.
    func related(to index: Int, limit: Int = 3) -> [Int] {
        let me = features[index]
        // Bounds are small integers: bucket the groups by bound instead of sorting them.
        var byBound: [[Int]] = []
        for (number, group) in groups.enumerated() {
            var bound = (group.industry == me.industry ? 3 : 0) + (group.region == me.region ? 1 : 0)
                + (group.stageBefore == me.stageBefore ? 1 : 0) + (group.areas & me.areas).nonzeroBitCount
            for theme in me.themes where group.themes.contains(theme) { bound += 1 }
            guard bound > 0 else { continue }
            if byBound.count <= bound { byBound += Array(repeating: [], count: bound + 1 - byBound.count) }
            byBound[bound].append(number)
        }
        var best: [(score: Int, index: Int)] = []
        for bound in stride(from: byBound.count - 1, to: 0, by: -1) {
            if best.count == limit, bound < best[limit - 1].score { break }
            for number in byBound[bound] {
                for other in groups[number].members where other != index {
                    consider(other, score: score(me, features[other]), into: &best, limit: limit)
                }
            }
        }
        return best.map(\.index)
    }

    private func score(_ me: Features, _ f: Features) -> Int {
        var score = 0
        if f.industry == me.industry { score += 3 }
        score += (f.areas & me.areas).nonzeroBitCount
        if !me.themes.isEmpty && !f.themes.isEmpty { score += Self.sharedCount(me.themes, f.themes) }
        if f.region == me.region { score += 1 }
        if f.stageBefore == me.stageBefore { score += 1 }
        return score
    }

    /// Keeps the best `limit` by score, then by earlier index (candidates come in any order).
    private func consider(_ index: Int, score: Int, into best: inout [(score: Int, index: Int)], limit: Int) {
        func ahead(_ a: (score: Int, index: Int), _ b: (score: Int, index: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : a.index < b.index
        }
        let candidate = (score: score, index: index)
        guard score > 0, best.count < limit || ahead(candidate, best[best.count - 1]) else { return }
        let position = best.firstIndex { ahead(candidate, $0) } ?? best.count
        best.insert(candidate, at: position)
        if best.count > limit { best.removeLast() }
    }

    private static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }
}
