@testable import Bansou
import Testing

/// Related stories skip other industries when they cannot reach the top 3; the result must
/// be exactly what scoring every story gives.
struct RelatedStoriesTests {
    /// The rule written plainly: +3 industry, +1 per shared area and theme, +1 region, +1 starting
    /// stage; top 3 by score, ties to the earlier (newer) story in the list.
    static func reference(_ stories: [CaseStudy], _ index: Int) -> [String] {
        let me = stories[index].meta
        let scored = stories.enumerated().compactMap { i, s -> (Int, Int)? in
            guard i != index else { return nil }
            var score = s.meta.industry.value == me.industry.value ? 3 : 0
            score += Set((s.meta.areas ?? []).map(\.value)).intersection((me.areas ?? []).map(\.value)).count
            score += Set((s.meta.themes ?? []).map(\.value)).intersection((me.themes ?? []).map(\.value)).count
            score += s.meta.region.value == me.region.value ? 1 : 0
            score += s.meta.stageBefore.value == me.stageBefore.value ? 1 : 0
            return score > 0 ? (score, i) : nil
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(3).map { stories[$0.1].slug }
    }

    @Test func matchesScoringEveryStory() throws {
        let industries = ["construction", "manufacturing", "transport"]
        let regions = ["kinki", "chubu", "kanto"]
        let areas = ["ordering", "attendance", "customers", "inventory"]
        var stories: [CaseStudy] = []
        for n in 0..<60 {
            stories.append(try DiagnosisFixture.story(
                "s\(n)", industry: industries[n % 3], region: regions[(n / 3) % 3], stageBefore: 1 + n % 4,
                areas: Array(areas.prefix(n % 5))))
        }
        let related = RelatedStories(stories)
        for index in stories.indices {
            #expect(related.related(to: index).map { stories[$0].slug } == Self.reference(stories, index), "story \(index)")
        }
    }
}

/// The grouped search against scoring every pair, with themes, on random sites where many
/// stories tie (few industries, regions and stages) and where few do.
struct RelatedStoriesGroupedSearchTests {
    @Test(arguments: [(7, 2), (2026, 6), (42, 12)])
    func matchesScoringEveryPair(seed: UInt64, variety: Int) throws {
        var random = IncrementalBuildTests.Random(state: seed)
        let industries = ["construction", "manufacturing", "transport", "ict", "agriculture", "hospitality"]
        let regions = ["kinki", "chubu", "kanto", "tohoku"]
        let areas = ["ordering", "attendance", "customers", "inventory", "accounting", "hr"]
        let themes = ["ペーパーレス", "BPO", "データ活用", "事業承継", "補助金活用"]
        var stories: [CaseStudy] = []
        for n in 0..<150 {
            var story = try DiagnosisFixture.story(
                "s\(n)", industry: industries[random.next(min(variety, industries.count))], region: regions[random.next(min(variety, regions.count))],
                stageBefore: 1 + random.next(min(variety, 4)), areas: areas.filter { _ in random.next(3) == 0 })
            let picked = themes.filter { _ in random.next(4) == 0 }
            story.meta.themes = picked.map { Located($0, at: SourceLocation(path: "x")) }
            stories.append(story)
        }
        let related = RelatedStories(stories)
        for index in stories.indices {
            #expect(related.related(to: index).map { stories[$0].slug } == RelatedStoriesTests.reference(stories, index), "seed \(seed) story \(index)")
        }
    }
}
