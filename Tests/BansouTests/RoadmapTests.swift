import Testing
@testable import Bansou

@Suite struct RoadmapTests {
    let guidance: Guidance
    let asOf = Day(year: 2026, month: 11, day: 25)
    init() throws { guidance = try DiagnosisFixture.guidance() }

    func month(_ text: String) -> YearMonth? { YearMonth(text) }

    /// The roadmap the Diagnoser would draw for this client.
    func plan(_ client: Client, partners: [Partner] = [], asOf: Day? = nil) -> Roadmap {
        Diagnoser(guidance: guidance, published: [], partners: partners, asOf: asOf ?? self.asOf)
            .diagnose(client).roadmap
    }

    /// Stage 2; weak areas ordering (1) and attendance (1, indirect).
    func stageTwoClient(needLayer: String = "latent", extra: String = "") throws -> Client {
        try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 2, "inventory": 3],
                           needLayer: needLayer, extra: extra)
    }

    @Test func quickWinInTheWeakestAreaComesFirst() throws {
        let roadmap = plan(try stageTwoClient())
        #expect(roadmap.start == month("2026-12"))
        let first = try #require(roadmap.tasks.first)
        #expect(first.kind == .quickWin)
        #expect(first.area == "ordering") // level 1 tie: areas.yaml order
        #expect(first.start == month("2026-12"))
        #expect(first.months == 2)
        #expect(first.title == "受発注で身近な成功体験をつくる")
        #expect(first.detail == "ordering L2")
        #expect(first.owner == "it-vendor")
        #expect(first.reason.contains("身近な成功体験"))
        #expect(roadmap.tasks.filter { $0.kind == .quickWin }.count == 1)
        // Nothing else starts in the first month.
        #expect(roadmap.tasks.filter { $0.start == roadmap.start }.count == 1)
    }

    @Test(arguments: [("2026-11-25", "2026-12"), ("2026-12-31", "2027-01"), ("2027-01-01", "2027-02")])
    func startsTheMonthAfterAsOf(asOf: String, start: String) throws {
        let day = try #require(Day(asOf))
        let roadmap = plan(try stageTwoClient(), asOf: day)
        #expect(roadmap.start == month(start))
        #expect(roadmap.tasks.first?.start == month(start))
    }

    @Test func weakAreasStepUpStaggeredWithBPOForIndirectOnes() throws {
        let tasks = plan(try stageTwoClient()).tasks
        let steps = tasks.filter { $0.kind == .areaStep }
        #expect(steps.map(\.title) == ["受発注をレベル2へ", "勤怠管理をレベル2へ"])
        #expect(steps.map(\.start) == [month("2027-02"), month("2027-04")])
        #expect(steps.map(\.months) == [3, 3])
        #expect(steps.map(\.detail) == ["ordering L2", "attendance L2"])
        let bpo = tasks.filter { $0.kind == .bpo }
        #expect(bpo.map(\.area) == ["attendance"])
        #expect(bpo.first?.start == month("2027-04"))
        #expect(bpo.first?.title == "勤怠管理の外部委託（BPO）・SaaSを比較")
    }

    @Test func focusPhaseActivitiesOneTaskEach() throws {
        let process = plan(try stageTwoClient()).tasks.filter { $0.kind == .process }
        #expect(process.map(\.title) == ["成功体験の創出", "課題の洗い出し", "ビジョンの言語化"])
        #expect(process.map(\.start) == [month("2027-01"), month("2027-04"), month("2027-07")])
        #expect(process.allSatisfy { $0.owner == "regional-bank" && $0.partner == nil })
    }

    @Test func dxIndexSelfCheckEarly() throws {
        let policy = plan(try stageTwoClient()).tasks.filter { $0.kind == .policy }
        #expect(policy.first?.title == "DX推進指標で自己診断")
        #expect(policy.first?.start == month("2027-01"))
        #expect(policy.first?.owner == "regional-bank")
    }

    // DX認定 (from_stage 3) only when the effective stage >= 3 - 1.
    @Test(arguments: [
        ([1, 1, 1, 3], 1, false),
        ([1, 1, 2, 3], 2, true),
        ([3, 3, 3, 1], 3, true),
        ([3, 3, 4, 4], 4, true),
        ([], nil, false),
    ] as [([Int], Int?, Bool)])
    func dxCertificationGating(levels: [Int], stage: Int?, included: Bool) throws {
        let pairs = zip(DiagnosisFixture.areaIDs, levels).map { "  \($0): \($1)\n" }.joined()
        let client = try DiagnosisFixture.client(extra: levels.isEmpty ? "" : "areas:\n" + pairs)
        let roadmap = plan(client)
        let certification = roadmap.tasks.first { $0.title == "DX認定制度の申請準備" }
        #expect((certification != nil) == included)
        if let certification {
            // Near the end: it finishes in the 18th month of the plan.
            #expect(certification.end == roadmap.start.adding(months: 17))
            #expect(certification.reason.contains("無理のないゴール"))
        } else {
            #expect(roadmap.notes.contains { $0.hasPrefix("DX認定制度は") })
        }
    }

    @Test func overrideRaisesTheStageForDXCertification() throws {
        let client = try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 1, "inventory": 3],
                                        extra: "stage_override: { stage: 2, reason: 理由 }\n")
        #expect(plan(client).tasks.contains { $0.title == "DX認定制度の申請準備" })
    }

    @Test func indifferentClientGetsOnlyEfficiencyAndBPO() throws {
        let roadmap = plan(try stageTwoClient(needLayer: "indifferent"))
        #expect(Set(roadmap.tasks.map(\.kind)) == [.quickWin, .areaStep, .bpo])
        #expect(roadmap.tasks.first?.kind == .quickWin)
        #expect(roadmap.tasks.filter { $0.kind == .areaStep }.map(\.title) == ["受発注の業務効率化", "勤怠管理の業務効率化"])
        #expect(roadmap.notes.contains { $0.contains("無関心層") })
        // The span is still at least 12 months.
        #expect(roadmap.end == roadmap.start.adding(months: 11))
    }

    @Test func explicitTasksJoinAndTakeOverTheirArea() throws {
        let client = try stageTwoClient(extra: """
            roadmap:
              - { title: 受発注システムの選定, area: ordering, start: 2027-01, months: 3, owner: consultant }
              - { title: 全社会議, start: 2027-03, months: 1 }
              - { title: 月が不正, start: 2027-13, months: 1 }
            """)
        let roadmap = plan(client)
        let explicit = roadmap.tasks.filter { $0.kind == .explicit }
        #expect(explicit.map(\.title) == ["受発注システムの選定", "全社会議"])
        #expect(explicit.map(\.start) == [month("2027-01"), month("2027-03")])
        #expect(explicit.map(\.owner) == ["consultant", "regional-bank"])
        // The advisor's task replaces the generated step for ordering; the quick win stays.
        #expect(!roadmap.tasks.contains { $0.kind == .areaStep && $0.area == "ordering" })
        #expect(roadmap.tasks.first?.kind == .quickWin)
        #expect(roadmap.notes.contains { $0.contains("「受発注」は計画済みのタスク「受発注システムの選定」") })
        // attendance moves up into the first step slot.
        #expect(roadmap.tasks.first { $0.kind == .areaStep }?.start == month("2027-02"))
    }

    @Test func sortedByStartThenKindThenTitle() throws {
        let client = try stageTwoClient(extra: "roadmap:\n  - { title: あ, start: 2027-01, months: 1 }\n")
        let tasks = plan(client).tasks
        #expect(tasks == tasks.sorted(by: RoadmapTask.displayOrder))
        #expect(tasks.filter { $0.start == month("2027-01") }.map(\.kind) == [.process, .policy, .explicit])
        #expect(tasks.filter { $0.start == month("2027-04") }.map(\.kind) == [.areaStep, .bpo, .process])
        #expect(RoadmapTask.Kind.allCases == [.quickWin, .areaStep, .bpo, .process, .policy, .explicit])
    }

    @Test(arguments: [
        ("ordering", "it-vendor"), ("inventory", "it-vendor"), ("customers", "consultant"),
        ("accounting", "regional-bank"), ("attendance", "regional-bank"), (nil, "regional-bank"),
    ] as [(String?, String)])
    func ownerIsTheFirstPrimaryStrongInTheArea(area: String?, owner: String) {
        #expect(RoadmapPlanner(guidance: guidance, partners: []).owner(forArea: area) == owner)
    }

    @Test(arguments: [
        ("attendance", "regional-bank", "chubu", "chubu-roumu"), // no bank partner: same region, then id
        ("ordering", "it-vendor", "chubu", "mikawa"),           // owner's type and region
        ("ordering", "it-vendor", "kinki", "z-vendor"),         // public before private
        ("ordering", "it-vendor", nil, "mikawa"),               // then by id
        ("hr", "consultant", "kinki", "chubu-roumu"),           // any partner with the strength
        ("customers", "consultant", "chubu", nil),              // nobody strong in it
    ] as [(String, String, String?, String?)])
    func partnerByStrengthTypeRegionPublicThenID(area: String, owner: String, region: String?, partner: String?) throws {
        let partners = [
            try DiagnosisFixture.partner("tokai-bpo", type: "it-vendor", strengths: ["accounting", "attendance"]),
            try DiagnosisFixture.partner("chubu-roumu", type: "professional", strengths: ["attendance", "hr"]),
            try DiagnosisFixture.partner("kanto-saas", type: "saas", region: "kanto", strengths: ["attendance"], isPublic: false),
            try DiagnosisFixture.partner("z-vendor", type: "it-vendor", region: "kinki", strengths: ["ordering"]),
            try DiagnosisFixture.partner("a-vendor", type: "it-vendor", region: "kinki", strengths: ["ordering"], isPublic: false),
            try DiagnosisFixture.partner("mikawa", type: "it-vendor", strengths: ["ordering"]),
        ]
        let planner = RoadmapPlanner(guidance: guidance, partners: partners)
        #expect(planner.partner(forArea: area, owner: owner, region: region) == partner)
        #expect(planner.partner(forArea: nil, owner: owner, region: region) == nil)
    }

    @Test func tasksCarryTheirPartner() throws {
        let partners = [try DiagnosisFixture.partner("chubu-roumu", type: "professional", strengths: ["attendance", "hr"])]
        let tasks = plan(try stageTwoClient(), partners: partners).tasks
        #expect(tasks.filter { $0.area == "attendance" }.allSatisfy { $0.partner == "chubu-roumu" })
        #expect(tasks.filter { $0.area == "ordering" }.allSatisfy { $0.partner == nil })
    }

    @Test func generatedTasksFitEighteenMonths() throws {
        let all = try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 1, "inventory": 1,
                                              "accounting": 1, "hr": 1, "purchasing": 1, "sharing": 1])
        let roadmap = plan(all)
        // Seven steps fit (starting every 2 months from month 3); the last ends in month 17.
        #expect(roadmap.tasks.allSatisfy { $0.end <= roadmap.start.adding(months: 17) })
        #expect(roadmap.monthCount == 17)
        #expect(roadmap.tasks.filter { $0.kind == .areaStep }.count == 7)
        #expect(roadmap.notes.contains { $0.hasPrefix("「社内の情報共有」は18か月の計画に収まらない") })
    }

    @Test func undiagnosedClientGetsTheFirstPhaseAndAnAssessmentNote() throws {
        let roadmap = plan(try DiagnosisFixture.client())
        #expect(!roadmap.tasks.contains { [.quickWin, .areaStep, .bpo].contains($0.kind) })
        #expect(roadmap.tasks.filter { $0.kind == .process }.map(\.title) == ["成功体験の創出", "課題の洗い出し", "ビジョンの言語化"])
        #expect(roadmap.tasks.filter { $0.kind == .policy }.map(\.title) == ["DX推進指標で自己診断"])
        #expect(roadmap.notes.first?.contains("未評価") == true)
    }

    @Test func sameInputSamePlan() throws {
        let client = try stageTwoClient()
        #expect(plan(client).tasks == plan(client).tasks)
        #expect(plan(client).notes == plan(client).notes)
    }
}
