import Testing
@testable import Bansou

// MARK: - Fixtures (shared with RoadmapTests)

/// Small guidance, client, case and partner values decoded from YAML strings through
/// the real loader (`YAMLDocument.decode`), so the tests do not depend on Content/.
enum DiagnosisFixture {
    struct DecodeFailed: Error, CustomStringConvertible { var description: String }

    static func decode<T: Decodable>(_ type: T.Type, _ yaml: String, path: String = "fixture.yaml") throws -> T {
        let (value, diagnostics) = YAMLDocument.decode(type, yaml: yaml, path: path)
        guard let value else { throw DecodeFailed(description: diagnostics.map { "\($0)" }.joined(separator: "\n")) }
        return value
    }

    /// The default area ids in areas.yaml order; descriptors are "<id> L<n>" so tests can check them.
    static let areaIDs = ["ordering", "attendance", "customers", "inventory", "accounting", "hr", "purchasing", "sharing"]
    static let areaNames = ["受発注", "勤怠管理", "顧客管理・営業", "在庫管理", "財務会計", "人事・労務", "購買", "社内の情報共有"]
    static let indirect: Set<String> = ["attendance", "accounting", "hr", "purchasing"]

    static func guidance() throws -> Guidance {
        let areas = zip(areaIDs, areaNames).map { id, name in
            "  - { id: \(id), name: \(name), indirect: \(indirect.contains(id)), levels: [\(id) L1, \(id) L2, \(id) L3, \(id) L4] }"
        }.joined(separator: "\n")
        return Guidance(
            stages: try decode(StagesFile.self, "stages: []"),
            areas: try decode(AreasFile.self, "areas:\n" + areas),
            process: try decode(ProcessFile.self, """
                phases:
                  - id: decision
                    name: 意思決定
                    summary: s
                    stages: [1, 2]
                    activities:
                      - { title: 成功体験の創出, description: d1 }
                      - { title: 課題の洗い出し, description: d2 }
                      - { title: ビジョンの言語化, description: d3 }
                  - { id: vision, name: 全体構想・意識改革, summary: s, stages: [2], activities: [{ title: 既存インフラの見直し, description: d }] }
                  - { id: execution, name: 本格推進, summary: s, stages: [3], activities: [{ title: 業務フローの見直し, description: d }, { title: 全社横断の導入, description: d }] }
                  - { id: expansion, name: DX拡大・実現, summary: s, stages: [4], activities: [{ title: 取引先への展開, description: d }] }
                """),
            indicators: try decode(IndicatorsFile.self, "levels: []\nindicators: []"),
            challenges: try decode(ChallengesFile.self, """
                challenges:
                  - { id: it-talent, name: IT人材の不足, share: 27.0, response: 人材を育てる }
                  - { id: dx-talent, name: DX人材の不足, share: 25.0, response: DX人材を育てる }
                  - { id: budget, name: 予算の確保, share: 20.0, response: 補助金を使う }
                """),
            institutions: try decode(InstitutionsFile.self, """
                institutions:
                  - { id: regional-bank, name: 地域金融機関, primary: true, why: [], roles: [], areas: [accounting] }
                  - { id: it-vendor, name: 地域ITベンダー, primary: true, why: [], roles: [], areas: [ordering, inventory, purchasing, sharing] }
                  - { id: consultant, name: 地域のコンサルタント, primary: true, why: [], roles: [], areas: [customers, inventory] }
                  - { id: saas, name: SaaSツール事業者, primary: false, why: [], roles: [], areas: [attendance, accounting, hr] }
                  - { id: professional, name: 士業, why: [], roles: [], areas: [attendance, hr] }
                collaboration: []
                """),
            skills: try decode(SkillsFile.self, """
                mindsets: []
                skill_areas: []
                certifications:
                  - { name: 情報処理安全確保支援士, skill_areas: [digital, how], description: c1 }
                  - { name: DXパスポート試験, skill_areas: [why, what, how], description: c2 }
                  - { name: 基本情報技術者, skill_areas: [what, digital], description: c3 }
                training:
                  - { name: フィールドワーク, skill_areas: [personal], description: t1 }
                  - { name: マナビDX, skill_areas: [why, what, how, digital], description: t2 }
                """),
            policyTools: try decode(PolicyToolsFile.self, """
                tools:
                  - { id: governance-code, name: デジタルガバナンス・コード, summary: s, from_stage: 1 }
                  - { id: dx-index, name: DX推進指標, summary: s, from_stage: 2, task: { title: 自己診断, months: 2, timing: early, reason: 現状を共有する } }
                  - { id: dx-certification, name: DX認定制度, summary: s, from_stage: 3, task: { title: DX認定の申請準備, months: 4, timing: late } }
                """),
            industries: try decode(IndustriesFile.self, """
                industries:
                  - { id: manufacturing, name: 製造業, jsic: E }
                  - { id: construction, name: 建設業, jsic: D }
                """),
            regions: try decode(RegionsFile.self, """
                regions:
                  - { id: chubu, name: 中部, prefectures: [静岡県, 愛知県] }
                  - { id: kinki, name: 近畿, prefectures: [大阪府] }
                """),
            needLayers: try decode(NeedLayersFile.self, """
                layers:
                  - { id: explicit, name: 顕在層, description: d, approach: 最優先で支援する }
                  - { id: latent, name: 潜在層, description: d, approach: 働きかける }
                  - { id: indifferent, name: 無関心層, description: d, approach: 業務効率化を提案する }
                """),
            practices: try decode(PracticesFile.self, """
                challenges: []
                practices: []
                """))
    }

    /// A client file; `levels` keeps the written order, `extra` adds raw YAML lines.
    static func client(levels: KeyValuePairs<String, Int> = [:], industry: String = "manufacturing",
                       prefecture: String = "愛知県", employees: Int = 42, needLayer: String = "latent",
                       extra: String = "") throws -> Client {
        var yaml = """
            id: test-client
            name: 株式会社テスト
            industry: \(industry)
            prefecture: \(prefecture)
            employees: \(employees)
            need_layer: \(needLayer)

            """
        if !levels.isEmpty {
            yaml += "areas:\n" + levels.map { "  \($0.key): \($0.value)\n" }.joined()
        }
        return try decode(Client.self, yaml + extra)
    }

    static func story(_ slug: String, date: String = "2026-01-01", industry: String = "construction",
                      region: String = "kinki", size: String? = nil, stageBefore: Int = 4,
                      areas: [String] = []) throws -> CaseStudy {
        var yaml = """
            title: \(slug)
            alias: A社
            date: \(date)
            industry: \(industry)
            region: \(region)
            stage_before: \(stageBefore)
            stage_after: 4
            areas: [\(areas.joined(separator: ", "))]

            """
        if let size { yaml += "size: \(size)\n" }
        let meta = try decode(CaseFrontMatter.self, yaml, path: "Content/cases/\(slug).md")
        return CaseStudy(slug: slug, path: "Content/cases/\(slug).md", meta: meta, body: "", bodyFirstLine: 1)
    }

    static func partner(_ id: String, type: String, region: String? = "chubu", strengths: [String],
                        isPublic: Bool = true, nationwide: Bool = false) throws -> Partner {
        try decode(Partner.self, """
            id: \(id)
            name: \(id)
            type: \(type)
            \(region.map { "region: \($0)" } ?? "")
            strengths: [\(strengths.joined(separator: ", "))]
            public: \(isPublic)
            nationwide: \(nationwide)
            """)
    }

    /// Area levels given in areas.yaml order (ordering, attendance, …), for compact tables.
    static func levels(_ values: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(areaIDs, values))
    }
}

// MARK: - Stage diagnosis (spec "Stage diagnosis")

@Suite struct DiagnosisTests {
    let guidance: Guidance
    init() throws { guidance = try DiagnosisFixture.guidance() }

    func diagnose(_ levels: [String: Int], override: StageDiagnosis.Override? = nil) -> StageDiagnosis {
        StageDiagnosis(levels: levels, areas: guidance.areas.areas, override: override)
    }

    // Rule 2: the largest s such that at least half of the areas are >= s.
    @Test(arguments: [
        ([1, 1, 2, 3], 2),          // spec example
        ([1, 1, 1, 3], 1),          // spec example
        ([3, 3, 4, 4], 4),          // spec example
        ([1, 1, 2, 2], 2),          // exactly half counts ("at least half")
        ([1, 4], 4),                // 1 of 2 is half
        ([2], 2),
        ([1, 1, 1, 1], 1),
        ([4, 4, 4, 4, 4, 4, 4, 4], 4),
        ([1, 1, 1, 2, 2, 2, 2, 3], 2),
        ([1, 2, 3, 4, 4, 4, 1, 1], 3),
        ([1, 1, 1, 1, 1, 2, 3, 4], 1), // 3 of 8 at >= 2 is not half
    ])
    func stageRule(levels: [Int], expected: Int) {
        #expect(StageDiagnosis.stage(of: levels) == expected)
        let diagnosis = diagnose(DiagnosisFixture.levels(levels))
        #expect(diagnosis.computed == expected)
        #expect(diagnosis.effective == expected)
        #expect(diagnosis.assessedCount == levels.count)
    }

    @Test func reasonShowsTheCounts() {
        let diagnosis = diagnose(DiagnosisFixture.levels([1, 1, 1, 2, 2, 2, 2, 3]))
        #expect(diagnosis.reason == "評価した8領域のうち5領域がレベル2以上で、半数（4領域）に届いているため段階2です。段階3には、レベル3以上の領域があと3つ必要です（いま1つ）")
        let top = diagnose(DiagnosisFixture.levels([3, 3, 4, 4]))
        #expect(top.reason == "評価した4領域のうち2領域がレベル4以上で、半数（2領域）に届いているため段階4です")
        let odd = diagnose(DiagnosisFixture.levels([1, 2, 2, 3, 3]))
        #expect(odd.reason == "評価した5領域のうち4領域がレベル2以上で、半数（3領域）に届いているため段階2です。段階3には、レベル3以上の領域があと1つ必要です（いま2つ）")
        let low = diagnose(DiagnosisFixture.levels([1, 1, 1, 2]))
        #expect(low.reason == "評価した4領域のうち、レベル2以上は1領域で半数（2領域）に届かないため段階1です。段階2には、レベル2以上の領域があと1つ必要です（いま1つ）")
    }

    // Rule 5: below the stage, ordered by level, then areas.yaml order.
    @Test func weakAreasBelowTheStageByLevelThenAreaOrder() {
        // ordering 1, attendance 4, customers 3, inventory 3, accounting 3, hr 2, sharing 1 → stage 3
        let diagnosis = diagnose(["sharing": 1, "hr": 2, "ordering": 1, "attendance": 4,
                                  "customers": 3, "inventory": 3, "accounting": 3])
        #expect(diagnosis.computed == 3)
        // sharing (level 1) before hr (level 2) although hr comes first in areas.yaml;
        // ordering before sharing (both level 1) by areas.yaml order.
        #expect(diagnosis.weakAreas.map(\.id) == ["ordering", "sharing", "hr"])
        #expect(diagnosis.weakAreas.map(\.reason) == ["段階3を下回るレベル1", "段階3を下回るレベル1", "段階3を下回るレベル2"])
    }

    @Test(arguments: [
        // none below the stage → the areas at the lowest level
        (["ordering": 1, "attendance": 1, "customers": 1, "inventory": 3], 1, ["ordering", "attendance", "customers"]),
        (["sharing": 2, "ordering": 2, "customers": 3], 2, ["ordering", "sharing"]),
        (["ordering": 3, "customers": 4, "sharing": 3], 3, ["ordering", "sharing"]),
        (["ordering": 4, "hr": 4], 4, ["ordering", "hr"]),
    ])
    func noneBelowTheStageMeansTheLowestLevel(levels: [String: Int], stage: Int, weak: [String]) {
        let diagnosis = diagnose(levels)
        #expect(diagnosis.computed == stage)
        #expect(diagnosis.weakAreas.map(\.id) == weak)
        #expect(diagnosis.weakAreas.allSatisfy { $0.reason.hasPrefix("評価した領域の中で最も低いレベル") })
    }

    @Test func nextStepIsLevelPlusOneDescribedByAreasYAMLCappedAtFour() {
        let diagnosis = diagnose(["ordering": 1, "attendance": 1, "customers": 3, "inventory": 4])
        let ordering = diagnosis.weakAreas.first { $0.id == "ordering" }
        #expect(ordering?.nextLevel == 2)
        #expect(ordering?.currentDescriptor == "ordering L1")
        #expect(ordering?.nextDescriptor == "ordering L2")
        #expect(ordering?.name == "受発注")

        let top = diagnose(["ordering": 4, "customers": 4])
        #expect(top.weakAreas.map(\.nextLevel) == [4, 4])
        #expect(top.weakAreas.map(\.nextDescriptor) == ["ordering L4", "customers L4"])
    }

    // Rule 6: indirect weak areas are BPO candidates.
    @Test func bpoCandidatesAreTheIndirectWeakAreas() {
        let diagnosis = diagnose(["ordering": 1, "attendance": 1, "accounting": 2, "hr": 1, "customers": 3, "sharing": 2])
        #expect(diagnosis.computed == 2)
        #expect(diagnosis.weakAreas.map(\.id) == ["ordering", "attendance", "hr"])
        #expect(diagnosis.bpoCandidates.map(\.id) == ["attendance", "hr"])
    }

    // Rule 4: the override replaces the stage; both are kept.
    @Test func overrideReplacesTheStageAndKeepsBoth() {
        let override = StageDiagnosis.Override(stage: 3, reason: "一部部署でデータ連携が定着")
        let diagnosis = diagnose(["ordering": 1, "attendance": 1, "customers": 2, "inventory": 3], override: override)
        #expect(diagnosis.computed == 2)
        #expect(diagnosis.effective == 3)
        #expect(diagnosis.override == override)
        #expect(diagnosis.reason.contains("レベル2以上"))
        // Weak areas are measured against the effective stage.
        #expect(diagnosis.weakAreas.map(\.id) == ["ordering", "attendance", "customers"])
    }

    // Rule 3: no assessed area → 未診断.
    @Test func noAssessedAreaIsUndiagnosed() {
        let diagnosis = diagnose([:])
        #expect(diagnosis.isUndiagnosed)
        #expect(diagnosis.computed == nil)
        #expect(diagnosis.effective == nil)
        #expect(diagnosis.weakAreas.isEmpty)
        #expect(diagnosis.bpoCandidates.isEmpty)
        #expect(diagnosis.reason.contains("未診断"))
        // The spec makes `stage` null without assessed areas, override or not.
        let overridden = diagnose([:], override: .init(stage: 2, reason: "r"))
        #expect(overridden.effective == nil)
        #expect(overridden.override?.stage == 2)
    }

    @Test func readsTheClientFileShortAndLongForms() throws {
        let client = try DiagnosisFixture.client(extra: """
            areas:
              ordering: 1
              attendance: { level: 1, note: 出勤簿に押印 }
              inventory: 2
              customers: 3
            stage_override: { stage: 3, reason: 理由 }
            """)
        let diagnosis = StageDiagnosis(client: client, areas: guidance.areas.areas)
        #expect(diagnosis.computed == 2)
        #expect(diagnosis.override == .init(stage: 3, reason: "理由"))
        #expect(diagnosis.effective == 3)
    }

    // MARK: - Story matching (spec "Story matching")

    var matcher: StoryMatcher { StoryMatcher(guidance: guidance) }

    /// A subject that shares nothing with `DiagnosisFixture.story()`'s defaults.
    static let nobody = StoryMatcher.Subject(industry: "manufacturing", stage: 1, weakAreas: ["ordering"],
                                             prefecture: "愛知県", employees: 3)

    // Each rule alone, with its exact weight: this fails if any weight changes.
    @Test(arguments: [
        ("industry", StoryMatcher.Subject(industry: "construction"), 3, "同じ業種（建設業）"),
        ("stage", StoryMatcher.Subject(stage: 2), 2, "支援前の段階が同じ（段階2）"),
        ("weak area", StoryMatcher.Subject(weakAreas: ["hr"]), 1, "貴社が強化したい「人事・労務」を改善"),
        ("region", StoryMatcher.Subject(prefecture: "大阪府"), 1, "同じ地方（近畿）"),
        ("size", StoryMatcher.Subject(employees: 30), 1, "同じ規模（21〜50名）"),
    ])
    func eachRuleAlone(rule: String, subject: StoryMatcher.Subject, score: Int, reason: String) throws {
        let story = try DiagnosisFixture.story("s", industry: "construction", region: "kinki", size: "21-50",
                                      stageBefore: 2, areas: ["hr"])
        let match = matcher.score(story, for: subject)
        #expect(match.score == score, "rule \(rule)")
        #expect(match.reasons == [reason], "rule \(rule)")
        // The fast path match() ranks with must give the same score.
        #expect(fastPoints(story, subject) == score, "rule \(rule)")
    }

    /// The packed score match() ranks with.
    func fastPoints(_ story: CaseStudy, _ subject: StoryMatcher.Subject) -> Int {
        let candidates = StoryMatcher.Candidates([story], guidance: matcher.guidance)
        return candidates.prepare(subject, guidance: matcher.guidance).points(candidates.features[0])
    }

    @Test func nothingInCommonScoresZero() throws {
        let story = try DiagnosisFixture.story("s", industry: "construction", region: "kinki", size: "21-50",
                                      stageBefore: 2, areas: ["hr"])
        #expect(matcher.score(story, for: Self.nobody).score == 0)
        #expect(matcher.score(story, for: StoryMatcher.Subject()).score == 0)
        // 未診断 (no stage) never matches stage_before; an unknown prefecture has no region.
        #expect(matcher.score(story, for: .init(stage: nil, prefecture: "海外")).score == 0)
    }

    @Test func allRulesTogetherAddUp() throws {
        let story = try DiagnosisFixture.story("s", industry: "manufacturing", region: "chubu", size: "21-50",
                                      stageBefore: 2, areas: ["ordering", "attendance", "hr", "sharing"])
        let subject = StoryMatcher.Subject(industry: "manufacturing", stage: 2,
                                           weakAreas: ["ordering", "attendance", "hr", "sharing"],
                                           prefecture: "愛知県", employees: 42)
        let match = matcher.score(story, for: subject)
        #expect(match.score == 3 + 2 + 3 + 1 + 1)
        #expect(fastPoints(story, subject) == match.score)
        #expect(match.reasons == ["同じ業種（製造業）", "支援前の段階が同じ（段階2）",
                                  "貴社が強化したい「受発注」「勤怠管理」「人事・労務」「社内の情報共有」を改善",
                                  "同じ地方（中部）", "同じ規模（21〜50名）"])
    }

    // +1 per weak area the case improved, at most +3.
    @Test(arguments: [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3), (5, 3)])
    func weakAreaPointsAreCappedAtThree(shared: Int, points: Int) throws {
        // The case improved `shared` areas, all of them weak for the client.
        let story = try DiagnosisFixture.story("s", areas: Array(DiagnosisFixture.areaIDs.prefix(shared)))
        let subject = StoryMatcher.Subject(weakAreas: DiagnosisFixture.areaIDs)
        #expect(matcher.score(story, for: subject).score == points)
        #expect(fastPoints(story, subject) == points)
    }

    @Test func keepsTopThreeByScoreThenNewerDateThenSlug() throws {
        let subject = StoryMatcher.Subject(industry: "manufacturing", prefecture: "愛知県")
        let cases = [
            try DiagnosisFixture.story("zero", date: "2026-12-01"),                                    // 0: dropped
            try DiagnosisFixture.story("region-old", date: "2025-01-01", region: "chubu"),             // 1
            try DiagnosisFixture.story("b-same-day", date: "2026-05-01", industry: "manufacturing"),  // 3
            try DiagnosisFixture.story("a-same-day", date: "2026-05-01", industry: "manufacturing"),  // 3, slug first
            try DiagnosisFixture.story("newer", date: "2026-06-01", industry: "manufacturing"),       // 3, newer
            try DiagnosisFixture.story("best", date: "2020-01-01", industry: "manufacturing", region: "chubu"), // 4
        ]
        let matches = matcher.match(subject, against: cases)
        #expect(matches.map(\.slug) == ["best", "newer", "a-same-day"])
        #expect(matches.map(\.score) == [4, 3, 3])
    }

    @Test func scoreZeroIsExcludedEvenWhenFewerThanThree() throws {
        let subject = StoryMatcher.Subject(industry: "manufacturing")
        let cases = [try DiagnosisFixture.story("other"), try DiagnosisFixture.story("same", industry: "manufacturing")]
        #expect(matcher.match(subject, against: cases).map(\.slug) == ["same"])
        #expect(matcher.match(subject, against: [try DiagnosisFixture.story("other")]).isEmpty)
    }

    @Test func orderDoesNotDependOnInputOrder() throws {
        let subject = StoryMatcher.Subject(industry: "manufacturing")
        let cases = try ["c", "a", "d", "b"].map { try DiagnosisFixture.story($0, industry: "manufacturing") }
        #expect(matcher.match(subject, against: cases).map(\.slug) == ["a", "b", "c"])
        #expect(matcher.match(subject, against: cases.reversed()).map(\.slug) == ["a", "b", "c"])
    }

    // MARK: - The aggregate

    @Test(arguments: [(nil, "decision"), (1, "decision"), (2, "decision"), (3, "execution"), (4, "expansion")] as [(Int?, String)])
    func focusPhaseIsTheFirstPhaseForTheStage(stage: Int?, phase: String) {
        let (focus, reason) = Diagnoser.focusPhase(stage: stage, phases: guidance.process.phases)
        #expect(focus?.id.value == phase)
        #expect(reason.contains(stage == nil ? "未診断" : "段階\(stage ?? 0)"))
    }

    @Test(arguments: [
        (nil, ["governance-code"], "dx-index"),
        (1, ["governance-code"], "dx-index"),
        (2, ["governance-code", "dx-index"], "dx-certification"),
        (3, ["governance-code", "dx-index", "dx-certification"], nil),
        (4, ["governance-code", "dx-index", "dx-certification"], nil),
    ] as [(Int?, [String], String?)])
    func policyToolsFromTheStageWithTheNextAsGoal(stage: Int?, recommended: [String], goal: String?) {
        let tools = PolicyRecommendation.recommend(stage: stage, tools: guidance.policyTools.tools)
        #expect(tools.filter { !$0.isGoal }.map(\.tool.id.value) == recommended)
        #expect(tools.filter(\.isGoal).map(\.tool.id.value) == (goal.map { [$0] } ?? []))
    }

    @Test func diagnoserPutsItTogether() throws {
        let client = try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 2, "inventory": 3],
                                        extra: "challenges: [budget, it-talent]\n")
        let stories = [try DiagnosisFixture.story("fax", date: "2026-10-20", industry: "manufacturing", region: "chubu",
                                         size: "21-50", stageBefore: 1, areas: ["ordering"]),
                       try DiagnosisFixture.story("unrelated")]
        let diagnosis = Diagnoser(guidance: guidance, published: stories, partners: [],
                                  asOf: Day(year: 2026, month: 11, day: 25)).diagnose(client)
        #expect(diagnosis.clientID == "test-client")
        #expect(diagnosis.stage.effective == 2)
        #expect(diagnosis.focusPhase?.id.value == "decision")
        #expect(diagnosis.challenges.map(\.id) == ["budget", "it-talent"])
        #expect(diagnosis.challenges.map(\.response) == ["補助金を使う", "人材を育てる"])
        #expect(diagnosis.needLayer?.id.value == "latent")
        #expect(diagnosis.approach == "働きかける")
        #expect(!diagnosis.isIndifferent)
        // industry 3 + weak area ordering 1 + region 1 + size 1 (stage_before 1 ≠ 2)
        #expect(diagnosis.similarStories.map(\.slug) == ["fax"])
        #expect(diagnosis.similarStories.first?.score == 6)
        #expect(diagnosis.roadmap.start == YearMonth(year: 2026, month: 12))
    }

    @Test func indifferentNeedLayerIsFlagged() throws {
        let client = try DiagnosisFixture.client(levels: ["ordering": 1], needLayer: "indifferent")
        let diagnosis = Diagnoser(guidance: guidance, published: [], partners: [],
                                  asOf: Day(year: 2026, month: 11, day: 25)).diagnose(client)
        #expect(diagnosis.isIndifferent)
        #expect(diagnosis.approach == "業務効率化を提案する")
    }
}

