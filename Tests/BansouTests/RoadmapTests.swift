import Testing
@testable import Bansou

/// The plan rules of the contract (spec v2 "Rules for the plan (exact)"), each as a table
/// over its pure function, then through the Diagnoser on client files.
@Suite struct PlanRuleTests {
    // Rule 1: quick win only at stage 1–2 or 未診断; goal-named weak area first.
    @Test(arguments: [
        (1, ["ordering", "attendance"], ["attendance"], "attendance"),
        (2, ["ordering", "attendance"], ["inventory", "attendance"], "attendance"), // first goal area that is weak
        (2, ["ordering"], ["inventory"], "ordering"),                               // no goal names a weak area
        (2, ["ordering", "hr"], [], "ordering"),
        (3, ["ordering"], ["ordering"], nil),                                       // stage 3: no quick win
        (4, ["ordering"], [], nil),
        (nil, [], ["customers", "ordering"], "customers"),                          // 未診断: first goal area
        (nil, [], [], nil),                                                         // 未診断 without goals: none
        (2, [], [], nil),
    ] as [(Int?, [String], [String], String?)])
    func rule1QuickWin(stage: Int?, weak: [String], goals: [String], expected: String?) {
        #expect(PlanRules.quickWinArea(stage: stage, weakAreas: weak, goalAreas: goals) == expected)
    }

    // Rule 2: goal areas below 4 or not assessed (goal order, once), then other weak areas.
    @Test(arguments: [
        (["inventory", "ordering", "inventory"], ["inventory": 2, "ordering": 4], ["attendance", "inventory"], ["inventory", "attendance"]),
        (["hr"], [:], [], ["hr"]),                                              // not assessed counts
        ([], ["ordering": 1], ["ordering", "sharing"], ["ordering", "sharing"]),
        (["sharing", "ordering"], ["ordering": 1, "sharing": 3], ["ordering"], ["sharing", "ordering"]),
        ([], [:], [], []),
    ] as [([String], [String: Int], [String], [String])])
    func rule2LevelUps(goals: [String], levels: [String: Int], weak: [String], expected: [String]) {
        #expect(PlanRules.levelUpAreas(goalAreas: goals, levels: levels, weakAreas: weak) == expected)
    }

    // Rule 3: the advisor's task in the area wins; done or dropped is not planned again.
    @Test(arguments: [
        ("ordering", nil, ["ordering"], true),
        ("ordering", TaskStatus.planned, [], false),
        ("ordering", .doing, [], false),
        ("ordering", .done, [], true),
        ("ordering", .dropped, [], true),
        (nil, .done, ["ordering"], true),
        (nil, nil, ["ordering"], false),
        ("hr", nil, ["ordering"], false),
    ] as [(String?, TaskStatus?, Set<String>, Bool)])
    func rule3LeftOut(area: String?, recorded: TaskStatus?, explicit: Set<String>, expected: Bool) {
        #expect(PlanRules.isLeftOut(area: area, recorded: recorded, explicitAreas: explicit) == expected)
    }

    // Rule 4: held and done are achieved; anything else may still be proposed.
    @Test(arguments: [("held", true), ("done", true), ("applying", false), ("planned", false), ("none", false), (nil, false)] as [(String?, Bool)])
    func rule4Achieved(status: String?, expected: Bool) {
        #expect(PlanRules.isAchieved(policyStatus: status) == expected)
    }

    // Rule 5: it-talent or dx-talent adds training.
    @Test(arguments: [(["it-talent"], true), (["budget", "dx-talent"], true), (["budget"], false), ([], false)] as [([String], Bool)])
    func rule5Training(challenges: [String], expected: Bool) {
        #expect(PlanRules.needsTraining(challenges: challenges) == expected)
    }

    // Rule 6: public, strong in the area, not the publisher's type, same region or nationwide;
    // then owner type, same region before nationwide, id.
    @Test func rule6PartnerEligibilityAndOrder() throws {
        let p = DiagnosisFixture.partner
        let partners = [
            try p("a-hidden", "it-vendor", "chubu", ["ordering"], false, false),   // not public
            try p("b-peer", "regional-bank", "chubu", ["ordering"], true, false),  // a peer of the publisher
            try p("c-far", "it-vendor", "kinki", ["ordering"], true, false),       // another region
            try p("d-weak", "it-vendor", "chubu", ["hr"], true, false),            // not strong in the area
            try p("e-national", "it-vendor", nil, ["ordering"], true, true),       // nationwide
            try p("f-local", "consultant", "chubu", ["ordering"], true, false),
            try p("g-local", "it-vendor", "chubu", ["ordering"], true, false),
        ]
        func pick(_ owner: String, _ region: String? = "chubu", area: String? = "ordering", from list: [Partner]? = nil) -> String? {
            PlanRules.partner(area: area, owner: owner, publisherType: "regional-bank", region: region, partners: list ?? partners)?.id.value
        }
        #expect(pick("it-vendor") == "g-local")            // owner type, same region
        #expect(pick("consultant") == "f-local")           // owner type first
        #expect(pick("saas") == "f-local")                 // no owner type: same region before nationwide, then id
        #expect(pick("it-vendor", "kinki") == "c-far")     // in kinki, c-far is local
        #expect(pick("it-vendor", "tohoku") == "e-national")
        #expect(pick("it-vendor", nil) == "e-national")    // no region known: only nationwide
        #expect(pick("it-vendor", area: nil) == nil)       // no area, no partner
        #expect(pick("it-vendor", from: Array(partners.prefix(4))) == nil) // none qualifies
    }

    // Rule 7: the client's own story is never "similar"; it is listed apart.
    @Test func rule7OwnStoryIsNotSimilar() throws {
        let guidance = try DiagnosisFixture.guidance()
        var own = try DiagnosisFixture.story("own", industry: "manufacturing", region: "chubu", size: "21-50", stageBefore: 2, areas: ["ordering"])
        own.meta.client = Located("test-client", at: SourceLocation(path: "x", line: 1, column: 1))
        let other = try DiagnosisFixture.story("other", industry: "manufacturing", region: "kinki")
        let client = try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 2, "customers": 2])
        let d = Diagnoser(guidance: guidance, published: [own, other], partners: [], asOf: Day(year: 2026, month: 11, day: 25)).diagnose(client)
        #expect(d.similarStories.map(\.slug) == ["other"])
        #expect(d.ownStories.map(\.slug) == ["own"])
        #expect(PlanRules.isOwnStory(own, client: "test-client"))
        #expect(!PlanRules.isOwnStory(other, client: "test-client"))
    }

    // Rule 8: recorded status wins; else overdue once the last month is before as_of's month.
    @Test(arguments: [
        (TaskStatus.done, "2026-05", TaskStatus.done),
        (.doing, "2026-05", .doing),
        (nil, "2026-10", .overdue),
        (nil, "2026-11", .planned),      // the last month is as_of's month: not late yet
        (nil, "2027-03", .planned),
        (.planned, "2026-01", .planned),  // recorded planned is not overdue
    ] as [(TaskStatus?, String, TaskStatus)])
    func rule8Status(recorded: TaskStatus?, end: String, expected: TaskStatus) throws {
        let month = try #require(YearMonth(end))
        #expect(PlanRules.status(recorded: recorded, end: month, asOf: Day(year: 2026, month: 11, day: 25)) == expected)
    }
}

/// The plan through the Diagnoser: ids, schedule, wording and statuses on client files.
@Suite struct RoadmapTests {
    let guidance: Guidance
    let asOf = Day(year: 2026, month: 11, day: 25)
    init() throws { guidance = try DiagnosisFixture.guidance() }

    func diagnose(_ client: Client, partners: [Partner] = [], publisherType: String? = "regional-bank") -> Diagnosis {
        Diagnoser(guidance: guidance, published: [], partners: partners, publisherType: publisherType, asOf: asOf).diagnose(client)
    }

    func ids(_ d: Diagnosis) -> [String] { d.roadmap.tasks.compactMap(\.id) }

    /// Stage 2: ordering 1, attendance 1 (indirect), customers 2, inventory 3.
    func stageTwo(_ extra: String = "", needLayer: String = "latent") throws -> Client {
        try DiagnosisFixture.client(levels: ["ordering": 1, "attendance": 1, "customers": 2, "inventory": 3], needLayer: needLayer, extra: extra)
    }

    @Test func goalsSteerTheQuickWinAndTheLevelUps() throws {
        let d = diagnose(try stageTwo("""
            goals:
              - { text: 勤怠の電子化, areas: [attendance] }
              - 売上を伸ばす
              - { text: 在庫の見える化, areas: [inventory] }

            """))
        let first = try #require(d.roadmap.tasks.first)
        #expect(first.id == "quick-win:attendance")  // the goal's weak area, not the first weak area (ordering)
        #expect(first.start == YearMonth(year: 2026, month: 12))
        #expect(first.title.contains("勤怠の電子化"))
        #expect(first.goal == "勤怠の電子化")
        // Level-ups: goal areas first (attendance, inventory at 3 < 4), then the other weak area.
        #expect(ids(d).filter { $0.hasPrefix("level-up:") } == ["level-up:attendance", "level-up:inventory", "level-up:ordering"])
        #expect(d.roadmap.tasks.first { $0.id == "level-up:inventory" }?.title == "在庫の見える化（在庫管理 レベル3→4）")
    }

    @Test func titlesAndReasonsQuoteTheCompanysOwnRecord() throws {
        let client = try DiagnosisFixture.client(extra: """
            areas:
              ordering: { level: 1, note: 注文はFAXで届き手書きの台帳に転記 }
              customers: 2
              inventory: 3
            goals: [{ text: FAX注文をなくす, areas: [ordering] }]

            """)
        let d = diagnose(client)
        let quick = try #require(d.roadmap.tasks.first { $0.id == "quick-win:ordering" })
        #expect(quick.reason.contains("FAX注文をなくす"))
        #expect(quick.reason.contains("注文はFAXで届き手書きの台帳に転記"))
        #expect(quick.reason.contains("レベル1"))
        let up = try #require(d.roadmap.tasks.first { $0.id == "level-up:ordering" })
        #expect(up.title == "FAX注文をなくす（受発注 レベル1→2）")
        #expect(up.detail == "目指す姿：ordering L2")
        #expect(!up.reason.contains("ordering L2"))   // the target is said once, in the detail
        // No staff language reaches the company's wording; the rule goes to `basis`.
        for task in d.roadmap.tasks {
            #expect(!task.reason.contains("ルール") && !task.reason.contains("roadmap") && !task.reason.contains("層"))
            #expect(!task.basis.isEmpty)
        }
    }

    @Test func quickWinAreaLevelsUpAfterItAndBPOPrecedesTheIndirectLevelUp() throws {
        let d = diagnose(try stageTwo())
        func task(_ id: String) throws -> RoadmapTask { try #require(d.roadmap.tasks.first { $0.id == id }) }
        let quick = try task("quick-win:ordering")
        let up = try task("level-up:ordering")
        #expect(up.start > quick.end)                 // no two projects in one area at once
        let bpo = try task("bpo:attendance")
        let attendance = try task("level-up:attendance")
        #expect(attendance.start == bpo.end.adding(months: 1))
        #expect(d.roadmap.tasks.allSatisfy { $0.end <= d.roadmap.start.adding(months: RoadmapPlanner.horizon - 1) })
    }

    @Test(arguments: [([3, 3, 3, 1], false), ([4, 4, 4, 4], false), ([1, 1, 2, 3], true), ([1, 1, 1, 1], true)])
    func noQuickWinFromStageThree(levels: [Int], expected: Bool) throws {
        let client = try DiagnosisFixture.client(levels: KeyValuePairs(dictionaryLiteral: ("ordering", levels[0]), ("attendance", levels[1]), ("customers", levels[2]), ("inventory", levels[3])))
        #expect(ids(diagnose(client)).contains { $0.hasPrefix("quick-win:") } == expected)
    }

    @Test func explicitTaskWinsItsAreaAndCarriesItsStatus() throws {
        let d = diagnose(try stageTwo("""
            roadmap:
              - { id: fax-off, title: FAX受注の廃止, area: ordering, start: 2026-06, months: 3, owner: it-vendor }
              - { id: kintai, title: 勤怠システム, area: attendance, start: 2027-02, months: 2, owner: saas, status: doing }

            """))
        #expect(!ids(d).contains { $0.hasSuffix(":ordering") || $0.hasSuffix(":attendance") })
        let late = try #require(d.roadmap.tasks.first { $0.id == "fax-off" })
        #expect(late.status == .overdue)              // ended 2026-08, before 2026-11, nothing recorded
        #expect(d.roadmap.overdue.map(\.id) == ["fax-off"])
        #expect(d.portfolio.overdue == 1)
        #expect(d.roadmap.tasks.first { $0.id == "kintai" }?.status == .doing)
        #expect(d.roadmap.nextSteps(1).first?.id == "fax-off")   // the late task comes first
        #expect(d.roadmap.notes.contains { $0.contains("FAX受注の廃止") })
    }

    @Test func progressClosesGeneratedTasksAndBecomesAchievements() throws {
        let d = diagnose(try stageTwo("""
            progress:
              - { task: "quick-win:ordering", status: done, date: 2026-09-30, note: 主要取引先がWeb発注へ }
              - { task: "bpo:attendance", status: dropped, date: 2026-10-01, note: 費用に見合わない }
              - { task: "level-up:attendance", status: doing, date: 2026-11-01 }
              - { task: "level-up:hr", status: done, date: 2026-03-01 }

            """))
        #expect(!ids(d).contains("quick-win:ordering"))
        #expect(!ids(d).contains("bpo:attendance"))
        let doing = try #require(d.roadmap.tasks.first { $0.id == "level-up:attendance" })
        #expect(doing.status == .doing && doing.statusRecorded)
        #expect(d.roadmap.achievements.map(\.id) == ["quick-win:ordering", "level-up:hr"])   // newest first
        #expect(d.roadmap.achievements.first?.date == Day(year: 2026, month: 9, day: 30))
        #expect(d.roadmap.achievements.last?.title == "人事・労務のレベルアップ")   // not generated today: still an achievement
        #expect(d.roadmap.dropped.map(\.id) == ["bpo:attendance"])
    }

    @Test func policyToolsHeldOrDoneAreAchievedNotProposed() throws {
        let levels = "areas: { ordering: 3, attendance: 3, customers: 2, inventory: 3 }\n"
        let plain = diagnose(try DiagnosisFixture.client(extra: levels))
        #expect(ids(plain).filter { $0.hasPrefix("policy:") } == ["policy:dx-index", "policy:dx-certification"])
        #expect(plain.roadmap.tasks.first { $0.id == "policy:dx-certification" }?.end == plain.roadmap.start.adding(months: RoadmapPlanner.horizon - 1))

        let d = diagnose(try DiagnosisFixture.client(extra: levels + """
            policy:
              dx-index: { status: done, date: 2026-06-11 }
              dx-certification: { status: applying, date: 2026-10-01 }

            """))
        #expect(!ids(d).contains("policy:dx-index"))
        #expect(d.roadmap.tasks.first { $0.id == "policy:dx-certification" }?.status == .doing)
        #expect(d.roadmap.achievements.map(\.id) == ["policy:dx-index"])
        #expect(d.roadmap.achievements.first?.date == Day(year: 2026, month: 6, day: 11))
        #expect(d.policyTools.first { $0.tool.id.value == "dx-index" }?.achieved == "done")
        // Held: never proposed again.
        let held = diagnose(try DiagnosisFixture.client(extra: levels + "policy: { dx-certification: { status: held, date: 2025-04-01 } }\n"))
        #expect(!ids(held).contains("policy:dx-certification"))
        #expect(held.roadmap.achievements.map(\.title) == ["DX認定制度の認定を取得"])
    }

    @Test(arguments: [("it-talent", "DXパスポート試験"), ("dx-talent", "基本情報技術者")])
    func talentChallengeAddsTrainingFromSkills(challenge: String, certificate: String) throws {
        let d = diagnose(try stageTwo("challenges: [\(challenge)]\n"))
        let training = try #require(d.roadmap.tasks.first { $0.id == "training:talent" })
        #expect(training.title.contains("マナビDX"))     // the training that covers the most skill areas
        #expect(training.title.contains(certificate))
        #expect(training.reason.contains(challenge == "it-talent" ? "IT人材の不足" : "DX人材の不足"))
        #expect(!ids(diagnose(try stageTwo("challenges: [budget]\n"))).contains("training:talent"))
    }

    @Test func peerInstitutionIsNeverOffered() throws {
        let partners = [try DiagnosisFixture.partner("peer-bank", type: "regional-bank", strengths: ["accounting", "ordering"]),
                        try DiagnosisFixture.partner("vendor", type: "it-vendor", strengths: ["ordering"])]
        let d = diagnose(try stageTwo(), partners: partners)
        #expect(!d.roadmap.tasks.contains { $0.partner == "peer-bank" })
        #expect(d.roadmap.tasks.first { $0.id == "quick-win:ordering" }?.partner == "vendor")
    }

    @Test func indifferentClientGetsNoPolicyOrTraining() throws {
        let d = diagnose(try stageTwo("challenges: [it-talent]\n", needLayer: "indifferent"))
        #expect(!ids(d).contains { $0.hasPrefix("policy:") || $0.hasPrefix("training:") })
        #expect(ids(d).contains("bpo:attendance"))
    }

    @Test func undiagnosedClientStartsFromItsGoal() throws {
        let d = diagnose(try DiagnosisFixture.client(extra: "goals: [{ text: 顧客台帳をつくる, areas: [customers] }]\n"))
        #expect(ids(d) == ["quick-win:customers", "level-up:customers"])
        #expect(d.roadmap.tasks.first?.title.contains("現状を確かめ") == true)
    }

    @Test func sameInputSamePlan() throws {
        let a = diagnose(try stageTwo("challenges: [it-talent]\n")).roadmap.tasks
        let b = diagnose(try stageTwo("challenges: [it-talent]\n")).roadmap.tasks
        #expect(a == b)
    }
}
