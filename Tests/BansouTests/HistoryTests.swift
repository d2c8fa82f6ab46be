import Testing
@testable import Bansou

/// Support over time (spec v2): what changed since the last assessment, the portfolio's
/// facts, expected effects from similar stories, and the standing among peers.
@Suite struct HistoryTests {
    let guidance: Guidance
    let asOf = Day(year: 2026, month: 11, day: 25)
    init() throws { guidance = try DiagnosisFixture.guidance() }

    func diagnose(_ client: Client, published: [CaseStudy] = []) -> Diagnosis {
        Diagnoser(guidance: guidance, published: published, partners: [], asOf: asOf).diagnose(client)
    }

    @Test func progressComparesWithTheLatestEarlierAssessment() throws {
        let client = try DiagnosisFixture.client(extra: """
            assessed: 2026-10-15
            areas: { ordering: 2, attendance: 1, customers: 2, inventory: 3 }
            history:
              - { date: 2025-04-10, areas: { ordering: 1, attendance: 1, customers: 1 } }
              - { date: 2026-04-10, areas: { ordering: 1, attendance: 1, customers: 2, hr: 1 } }

            """)
        let change = try #require(diagnose(client).change)
        #expect(change.since == Day(year: 2026, month: 4, day: 10))   // the latest, not the first written
        #expect(change.stageThen == 1)
        #expect(change.stageNow == 2)
        #expect(change.movedUp)
        #expect(change.areas.keys.sorted() == ["attendance", "customers", "ordering"]) // assessed both times
        #expect(change.areas["ordering"]?.then == 1 && change.areas["ordering"]?.now == 2)
        #expect(change.improved(in: DiagnosisFixture.areaIDs) == ["ordering"])
    }

    @Test func noHistoryNoProgress() throws {
        #expect(diagnose(try DiagnosisFixture.client(levels: ["ordering": 1])).change == nil)
    }

    // Portfolio: the latest assessment on or before as_of − 12 months; current areas
    // without `assessed` count as dated as_of.
    @Test(arguments: [
        ("assessed: 2026-10-01\nhistory: [{ date: 2025-11-25, areas: { ordering: 1, customers: 1 } }, { date: 2025-12-01, areas: { ordering: 3, customers: 3 } }]\n", 1 as Int?, true),
        ("assessed: 2026-10-01\nhistory: [{ date: 2025-12-01, areas: { ordering: 1, customers: 1 } }]\n", nil, false),  // too recent
        ("", nil, false),                                                                                                 // only today's
        ("assessed: 2025-06-01\n", 3, false),                                                                             // current is old
    ] as [(String, Int?, Bool)])
    func stageTwelveMonthsAgo(extra: String, expected: Int?, movedUp: Bool) throws {
        let client = try DiagnosisFixture.client(extra: "areas: { ordering: 2, customers: 3 }\n" + extra)
        let facts = diagnose(client).portfolio
        #expect(facts.stage == 3)
        #expect(facts.stage12MonthsAgo == expected)
        #expect(facts.movedUp == movedUp)
    }

    @Test(arguments: [
        ("meetings: [{ date: 2026-11-20, note: a }, { date: 2026-08-01, note: b }, { date: 2026-12-20, note: future }]\n", 5 as Int?, false),
        ("meetings: [{ date: 2026-08-27, note: a }]\n", 90, true),   // 90 days: follow up
        ("meetings: [{ date: 2026-08-28, note: a }]\n", 89, false),
        ("", nil, true),                                             // no meeting at all: follow up
    ] as [(String, Int?, Bool)])
    func daysSinceTheLatestMeeting(extra: String, days: Int?, followUp: Bool) throws {
        let facts = diagnose(try DiagnosisFixture.client(levels: ["ordering": 2], extra: extra)).portfolio
        #expect(facts.daysSinceMeeting == days)
        #expect(facts.needsFollowUp == followUp)
    }

    @Test(arguments: [("2026-11-25", "2025-11-25", 365), ("2024-03-01", "2024-02-28", 2), ("2027-01-01", "2026-12-31", 1)])
    func dayArithmetic(later: String, earlier: String, days: Int) throws {
        #expect(try #require(Day(later)).days(since: try #require(Day(earlier))) == days)
    }

    @Test func leapDayMinusTwelveMonthsIsClamped() throws {
        #expect(try #require(Day("2028-02-29")).adding(months: -12) == Day(year: 2027, month: 2, day: 28))
    }

    @Test func expectedEffectsComeFromSimilarStoriesOutcomes() throws {
        var story = try DiagnosisFixture.story("fax", date: "2026-10-20", industry: "manufacturing", region: "chubu",
                                              size: "21-50", stageBefore: 1, areas: ["ordering"])
        story.meta.outcomes = [Outcome(label: "受注処理時間", before: 120, after: 30, unit: "分/日"),
                               Outcome(label: "売上", before: 100, after: 110, unit: "万円")]
        let client = try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 2])
        let effects = diagnose(client, published: [story]).expectedEffects
        #expect(effects.map(\.phrase) == ["受注処理時間が75%短縮", "売上が10%増加"])
        #expect(effects.first?.sameIndustry == true)
        #expect(effects.first?.areas == ["ordering"])
        #expect(effects.first?.alias == "A社")
    }

    @Test func peersOnlyInGroupsOfFive() throws {
        func peer(_ id: String, _ stage: Int) -> (id: String, industry: String?, stage: Int?, levels: [String: Int]) {
            (id, "manufacturing", stage, ["ordering": stage, "customers": stage])
        }
        let four = [peer("a", 1), peer("b", 2), peer("c", 2), peer("me", 2)]
        #expect(PeerComparison.compare(client: "me", industry: "manufacturing", stage: 2, levels: ["ordering": 2],
                                       peers: four, areaOrder: DiagnosisFixture.areaIDs).isEmpty)
        let five = four + [peer("e", 4)]
        let result = PeerComparison.compare(client: "me", industry: "manufacturing", stage: 2, levels: ["ordering": 2],
                                            peers: five, areaOrder: DiagnosisFixture.areaIDs)
        #expect(result.count == 1)   // the stage group has 3 members: not shown
        let industry = try #require(result.first)
        #expect(industry.group == .industry("manufacturing"))
        #expect(industry.count == 5)
        #expect(industry.averageStage == 2.2)
        #expect(industry.ahead == 1)
        #expect(industry.areaAverages.map(\.area) == ["ordering", "customers"])
        #expect(industry.areaAverages.first?.company == 2)
    }
}
