import Foundation
import Testing

/// The v2 content keys (spec, "Support over time and plans a company can be handed"):
/// every mistake at its path:line:col in one run, exit 1, Output/ untouched; valid v2
/// content and old files without the keys pass without a warning.
@Suite(.serialized)
struct V2ValidationTests {
    // MARK: Fixtures

    static let goodSite = """
    title: テストポータル
    description: テスト用のポータルです。
    base_url: https://test.example.jp/
    publisher: { name: テスト銀行, type: regional-bank, url: https://test.example.jp/ }
    as_of: 2026-11-25

    """

    /// site.yaml with a mistyped `publisher.type` (line 4, col 33: columns count characters).
    static let badSite = goodSite.replacingOccurrences(of: "type: regional-bank", with: "type: regional-bnk")

    /// policy-tools.yaml whose tasks have months out of range and an unknown timing.
    static let badPolicyTools = """
    tools:
      - id: governance-code
        name: デジタルガバナンス・コード
        summary: 実践すべき事項
        from_stage: 1
      - id: dx-index
        name: DX推進指標
        summary: 自己診断のツール
        from_stage: 2
        task: { months: 40, timing: soon, title: 自己診断 }
      - id: dx-certification
        name: DX認定制度
        summary: 認定する制度
        from_stage: 3
        task: { months: 0, timing: late, title: 申請準備 }

    """

    /// One mistake of each kind; the line numbers are in the comments of `badErrors`.
    static let badClient = """
    id: bad-v2
    name: 株式会社テスト
    industry: manufacturing
    assessed: 2026-12-20
    areas: { ordering: 1, attendance: 2 }
    history:
      - { date: 2026-12-20, areas: { ordering: 1 } }
      - { date: 2026-04-10, areas: { billing: 1, attendance: 5 } }
      - date: 2026-04-10
        areas: { ordering: 1 }
        indicators: { vison-sharing: { current: 1 }, urgency: { current: 6 } }
    goals:
      - { areas: [ordring], text: 受発注の電子化 }
      - { text: "", areas: [ordering] }
      - "  "
    policy:
      dx-index: { status: held, date: 2026-06-30 }
      dx-certification: { status: applying }
      governance-code: { status: done }
      iso9001: { status: planned }
    roadmap:
      - { id: Ordering_System, status: doing, area: ordering, start: 2027-01, months: 3, owner: it-vendor, title: 選定 }
      - { id: kintai, status: late, area: attendance, start: 2027-02, months: 2, owner: saas, title: 勤怠 }
      - { id: kintai, area: attendance, start: 2027-04, months: 2, owner: saas, title: 勤怠2 }
    progress:
      - { task: "quick-win:ordering", status: done, date: 2026-12-20 }
      - { task: "level-up:billing", status: doing }
      - { task: "policy:iso9001", status: planned }
      - { task: "training:it", status: planned }
      - { task: "kaizen:ordering", status: planned }
      - { task: cloud-order, status: done }
      - { task: kintai, status: finished }

    """

    /// `history` without `assessed`, an entry without areas, and a certification "done".
    static let noAssessedClient = """
    id: no-assessed
    name: 株式会社テスト二
    industry: manufacturing
    areas: { ordering: 1 }
    history:
      - { date: 2026-04-10, areas: { ordering: 1 } }
      - { date: 2026-01-10, indicators: { urgency: { current: 1 } } }
    policy:
      dx-certification: { status: done, date: 2025-04-01 }

    """

    static let badFiles: [String: String] = [
        "Content/site.yaml": badSite,
        "Content/guidance/policy-tools.yaml": badPolicyTools,
        "Content/clients/bad-v2.yaml": badClient,
        "Content/clients/no-assessed.yaml": noAssessedClient,
    ]

    static let badErrors = [
        // bad-v2.yaml 7: a history entry dated on `assessed`, at its date
        "Content/clients/bad-v2.yaml:7:13: error: history entry dated 2026-12-20 must be before `assessed` (2026-12-20): `history` holds the earlier assessments, the current one is `areas`/`indicators`",
        // 8: the current assessment's checks apply to history entries: unknown area, level out of range
        "Content/clients/bad-v2.yaml:8:34: error: unknown area 'billing' (see Content/guidance/areas.yaml)",
        "Content/clients/bad-v2.yaml:8:58: error: an area level must be 1–4, found 5",
        // 9: the second of two entries with one date
        "Content/clients/bad-v2.yaml:9:11: error: a second history entry dated 2026-04-10: give one entry per date",
        // 11: unknown indicator, indicator value out of range
        "Content/clients/bad-v2.yaml:11:19: error: unknown indicator 'vison-sharing'; did you mean 'vision-sharing'? (see Content/guidance/indicators.yaml)",
        "Content/clients/bad-v2.yaml:11:70: error: an indicator value must be 0–5, found 6",
        // 13–15: goal area unknown; empty goal text, long form and short form
        "Content/clients/bad-v2.yaml:13:15: error: unknown area 'ordring'; did you mean 'ordering'? (see Content/guidance/areas.yaml)",
        "Content/clients/bad-v2.yaml:14:13: error: a goal's text must not be empty: write what the company wants to achieve (「受発注の電子化」)",
        "Content/clients/bad-v2.yaml:15:5: error: a goal's text must not be empty: write what the company wants to achieve (「受発注の電子化」)",
        // 17: `held` is for certifications; 20: not a policy tool
        "Content/clients/bad-v2.yaml:17:23: error: the status of 'dx-index' must be done, planned or none, found 'held'",
        "Content/clients/bad-v2.yaml:20:3: error: unknown policy tool 'iso9001' (see Content/guidance/policy-tools.yaml)",
        // 22–24: roadmap id not a slug, status not recordable, id used twice
        "Content/clients/bad-v2.yaml:22:11: error: roadmap task id 'Ordering_System' is not a valid id: use lowercase a-z, 0-9 and '-', at most 64 characters",
        "Content/clients/bad-v2.yaml:23:27: error: a roadmap task's status must be planned, doing, done or dropped, found 'late'",
        "Content/clients/bad-v2.yaml:24:11: error: roadmap task id 'kintai' is used twice in this client: give each task its own id",
        // 27–31: progress task ids whose area, tool, subject or kind is not defined; an unknown explicit id
        "Content/clients/bad-v2.yaml:27:13: error: progress task id 'level-up:billing' names no generated task: area 'billing' is not defined (see Content/guidance/areas.yaml)",
        "Content/clients/bad-v2.yaml:28:13: error: progress task id 'policy:iso9001' names no generated task: policy tool 'iso9001' is not defined (see Content/guidance/policy-tools.yaml)",
        "Content/clients/bad-v2.yaml:29:13: error: progress task id 'training:it' names no generated task: 'it' is not defined for training: the only training task is 'training:talent'",
        "Content/clients/bad-v2.yaml:30:13: error: progress task id 'kaizen:ordering' names no generated task: kind 'kaizen' is not defined; the kinds are quick-win, level-up, bpo, policy and training",
        "Content/clients/bad-v2.yaml:31:13: error: progress task 'cloud-order' is neither a generated task id (quick-win:<area>, level-up:<area>, bpo:<area>, policy:<tool> or training:talent) nor the id of one of this client's roadmap tasks (this client's roadmap task ids are Ordering_System and kintai)",
        // 32: a known explicit id, but a status that is not recordable
        "Content/clients/bad-v2.yaml:32:29: error: a progress status must be planned, doing, done or dropped, found 'finished'",
        // no-assessed.yaml 6: history without assessed, at the first entry's date; 7: an entry without areas
        "Content/clients/no-assessed.yaml:6:13: error: `history` needs `assessed`: add `assessed: YYYY-MM-DD`, the date of the current `areas`/`indicators`, so the earlier assessments can be compared with it",
        "Content/clients/no-assessed.yaml:7:13: error: history entry dated 2026-01-10 needs `areas` (area id → level 1–4): the stage at that date is computed from them",
        // 9: `done` is not a certification status
        "Content/clients/no-assessed.yaml:9:31: error: the status of 'dx-certification' must be held, applying, planned or none, found 'done'",
        // policy-tools.yaml 10 and 15: task months 1–36, timing early|late
        "Content/guidance/policy-tools.yaml:10:21: error: task.months must be 1–36, found 40",
        "Content/guidance/policy-tools.yaml:10:33: error: task.timing must be early (the month after the plan starts) or late (ending with the plan), found 'soon'",
        "Content/guidance/policy-tools.yaml:15:21: error: task.months must be 1–36, found 0",
        // site.yaml 4: publisher.type must be an institution id
        "Content/site.yaml:4:33: error: unknown institution type 'regional-bnk'; did you mean 'regional-bank'? (see Content/guidance/institutions.yaml)",
    ]

    static let badWarnings = [
        // 4: an assessment after as_of (2026-11-25)
        "Content/clients/bad-v2.yaml:4:11: warning: assessed (2026-12-20) is after the as-of date (2026-11-25): an assessment in the future is likely a typo",
        // 18, 19: applying / done without a date
        "Content/clients/bad-v2.yaml:18:31: warning: status 'applying' of 'dx-certification' needs a `date` (YYYY-MM-DD): the report shows when it was applied for",
        "Content/clients/bad-v2.yaml:19:30: warning: status 'done' of 'governance-code' needs a `date` (YYYY-MM-DD): the report shows when it was achieved",
        // 26: a progress date after as_of
        "Content/clients/bad-v2.yaml:26:55: warning: progress date 2026-12-20 is after the as-of date (2026-11-25): a date in the future is likely a typo",
    ]

    /// Every v2 key, valid; `iso-certification` is a site's own tool, a certification by its id.
    static let goodClient = """
    id: v2-seiko
    name: 株式会社ブイツー精工
    industry: manufacturing
    prefecture: 愛知県
    employees: 30
    need_layer: latent
    assessed: 2026-10-15
    areas: { ordering: 2, attendance: 1, inventory: 2 }
    indicators: { vision-sharing: { current: 2, target: 3 } }
    history:
      - { date: 2026-04-10, areas: { ordering: 1, attendance: 1, inventory: 1 } }
      - date: 2025-10-01
        areas: { ordering: 1, attendance: 1 }
        indicators: { vision-sharing: { current: 1, target: 3 } }
    challenges: [it-talent]
    goals:
      - { text: 勤怠管理の電子化, areas: [attendance] }
      - 在庫の見える化
    policy:
      dx-certification: { status: planned }
      dx-index: { status: done, date: 2026-06-30 }
      governance-code: { status: none }
      iso-certification: { status: held, date: 2025-04-01 }
    roadmap:
      - { id: cloud-attendance, title: クラウド勤怠管理の導入, area: attendance, start: 2027-01, months: 3, owner: saas, status: planned }
      - { title: 在庫データの棚卸しルール整備, area: inventory, start: 2027-03, months: 2, owner: it-vendor }
    progress:
      - { task: "quick-win:ordering", status: done, date: 2026-09-30, note: 主要取引先3社がWeb発注に移行 }
      - { task: "policy:dx-index", status: done, date: 2026-06-30 }
      - { task: "training:talent", status: doing }
      - { task: "bpo:accounting", status: dropped, date: 2026-10-15 }
      - { task: cloud-attendance, status: doing, date: 2026-11-01 }

    """

    /// A client file written before v2: none of the new keys.
    static let oldClient = """
    id: v1-shoji
    name: 株式会社旧形式商事
    industry: manufacturing
    prefecture: 愛知県
    employees: 12
    need_layer: explicit
    areas: { ordering: 1, attendance: 1, accounting: 2 }
    goals: [受発注の電子化]
    roadmap:
      - { title: 在庫データの棚卸しルール整備, area: inventory, start: 2027-03, months: 2, owner: it-vendor }

    """

    static let nationwidePartner = """
    id: zenkoku-saas
    name: 全国SaaS株式会社
    type: saas
    nationwide: true
    strengths: [attendance]
    description: 勤怠管理のクラウドサービスを提供する事業者です。
    url: https://zenkoku-saas.example.jp/
    public: true

    """

    /// The shipped policy tools plus a site's own certification scheme.
    static func policyToolsWithOwnCertification() throws -> String {
        let shipped = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Content/guidance/policy-tools.yaml"), encoding: .utf8)
        return shipped + (shipped.hasSuffix("\n") ? "" : "\n") + """
          - id: iso-certification
            name: 情報セキュリティ認証
            summary: 情報セキュリティの管理体制を第三者が認証する制度。
            from_stage: 3

        """
    }

    static func goodFiles() throws -> [String: String] {
        [
            "Content/site.yaml": goodSite,
            "Content/guidance/policy-tools.yaml": try policyToolsWithOwnCertification(),
            "Content/clients/v2-seiko.yaml": goodClient,
            "Content/clients/v1-shoji.yaml": oldClient,
            "Content/partners/zenkoku-saas.yaml": nationwidePartner,
        ]
    }

    // MARK: Tests

    @Test func reportsEveryV2MistakeAtItsPositionInOneRun() throws {
        let site = try FixtureSite(files: Self.badFiles)
        let run = try site.runInProcess("check")
        #expect(run.status == 1, "\(run.stderr)")
        let errors = run.errorLines
        for line in Self.badErrors {
            #expect(errors.contains(line), "missing: \(line)\nall:\n\(run.stderr)")
        }
        #expect(errors.count == Self.badErrors.count, "unexpected errors:\n\(errors.filter { !Self.badErrors.contains($0) }.joined(separator: "\n"))")
        #expect(run.warningLines == Self.badWarnings, "warnings:\n\(run.warningLines.joined(separator: "\n"))")
        #expect(!site.exists("Output"), "check must write nothing")
    }

    @Test func failedBuildWithV2MistakesLeavesOutputByteIdentical() throws {
        let site = try FixtureSite(files: try Self.goodFiles())
        #expect(try site.run("build").status == 0)
        let before = try site.snapshot()
        #expect(before.keys.contains("reports/v2-seiko/index.html"))
        for (path, text) in Self.badFiles { try site.write(path, text) }
        let run = try site.run("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains(Self.badErrors[0]), "\(run.stderr)")
        #expect(run.stderr.contains("Output/ was not changed"), "\(run.stderr)")
        #expect(try site.snapshot() == before)
    }

    @Test func validV2ClientAndOldClientBuildWithoutWarnings() throws {
        let site = try FixtureSite(files: try Self.goodFiles())
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "expected no diagnostics, got:\n\(run.stderr)")
        #expect(site.exists("Output/reports/v2-seiko/report.json"))
        #expect(site.exists("Output/reports/v1-shoji/report.json"))
    }

    /// The certification statuses follow the tool's id: `held` is wrong for a tool that is not
    /// a certification, and `done` for one that is (the same site, one line changed each).
    @Test func certificationStatusesFollowTheToolID() throws {
        var files = try Self.goodFiles()
        files["Content/clients/v2-seiko.yaml"] = Self.goodClient
            .replacingOccurrences(of: "iso-certification: { status: held,", with: "iso-certification: { status: done,")
            .replacingOccurrences(of: "governance-code: { status: none }", with: "governance-code: { status: held, date: 2026-01-05 }")
        let site = try FixtureSite(files: files)
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "Content/clients/v2-seiko.yaml:22:30: error: the status of 'governance-code' must be done, planned or none, found 'held'",
            "Content/clients/v2-seiko.yaml:23:32: error: the status of 'iso-certification' must be held, applying, planned or none, found 'done'",
        ], "\(run.stderr)")
    }

    @Test func bundledSampleChecksWithZeroWarnings() throws {
        let site = try FixtureSite.sample()
        let run = try site.runInProcess("check")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines.isEmpty && run.warningLines.isEmpty, "expected no diagnostics, got:\n\(run.stderr)")
    }
}
