import Foundation
import Testing

/// The reports stage, through the real binary (the first and the report command) and in process: Output/reports/<id>/index.html and
/// report.json on inline fixture clients, the dashboard, and bad client input.
@Suite(.serialized)
struct ReportEndToEndTests {
    static let staff = """
    id: suzuki
    name: 鈴木 一郎
    role: DX推進担当
    institution: regional-bank
    skills: { why: 2, what: 1, how: 1, personal: 3, consulting: 2, digital: 1 }
    certifications: [ITパスポート]

    """

    /// Levels 1, 1, 2, 3: the spec's worked example, stage 2; weak areas 受発注 and 勤怠管理.
    static let client = """
    id: test-seiko
    name: 株式会社テスト精工
    industry: manufacturing
    prefecture: 愛知県
    employees: 30
    need_layer: latent
    advisor: suzuki
    areas:
      accounting: 3
      inventory: 2
      attendance: { level: 1, note: 出勤簿に押印 }
      ordering: 1
    indicators:
      vision-sharing: { current: 1, target: 3 }
      urgency: { current: 2, target: 3 }
      talent: { current: 0, target: 2 }
    challenges: [it-talent, budget]
    goals: [{ text: 受発注の電子化, areas: [ordering] }]
    meetings:
      - { date: 2026-10-15, note: 社長と面談。FAX受注の負担が大きい。 }
    roadmap:
      - { title: 在庫データの棚卸しルール整備, area: inventory, start: 2027-03, months: 2, owner: it-vendor }

    """

    static var stories: [String: String] {
        [
            // manufacturing +3, 受発注 +1, 中部 +1, 21-50 +1 = 6
            "Content/cases/near-story.md": FixtureSite.story(title: "近い事例", date: "2026-09-01"),
            // stage_before 2 +2, 勤怠管理 +1 = 3
            "Content/cases/far-story.md": """
            ---
            title: "遠い事例"
            alias: 小売業B社
            date: 2026-08-01
            industry: wholesale-retail
            region: kanto
            size: 101-300
            stage_before: 2
            stage_after: 3
            areas: [attendance]
            ---
            本文。

            """,
            // nothing in common: score 0, never offered
            "Content/cases/unrelated-story.md": """
            ---
            title: "関係ない事例"
            alias: 建設業C社
            date: 2026-10-01
            industry: construction
            region: kyushu-okinawa
            size: 301+
            stage_before: 3
            stage_after: 4
            areas: [sharing]
            ---
            本文。

            """,
        ]
    }

    func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = Self.stories
        files["Content/staff/suzuki.yaml"] = Self.staff
        files["Content/clients/test-seiko.yaml"] = Self.client
        for (k, v) in extra { files[k] = v }
        return try FixtureSite(files: files)
    }

    func json(_ site: FixtureSite, _ id: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.root.appendingPathComponent("Output/reports/\(id)/report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func writesReportWithStageWeakAreasStoriesAndRoadmap() throws {
        let site = try site()
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 レポート"), "\(run.stdout)")
        let html = try site.read("Output/reports/test-seiko/index.html")
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("株式会社テスト精工 様"))
        #expect(html.contains("社外秘"))
        #expect(html.contains("鈴木 一郎"))
        #expect(html.contains("2026年11月25日"))
        // Stage 2 with its reason (spec example 1, 1, 2, 3 → 2).
        #expect(html.contains("段階2 デジタイゼーション"))
        #expect(html.contains("評価した4領域のうち2領域がレベル2以上で、半数（2領域）に届いているため段階2です"))
        // Weak areas are the focus, with their next level; attendance can be outsourced.
        #expect(html.contains("<th scope=\"row\">受発注<span class=\"tag\">重点</span></th>"))
        #expect(html.contains("レベル2：受発注に電子メールや表計算ソフトを使い"))
        #expect(html.contains("外部に任せられる事務（BPOの候補）：勤怠管理"))
        // Matched stories: the near one first, the unrelated one never.
        let near = try #require(html.range(of: "近い事例"))
        let far = try #require(html.range(of: "遠い事例"))
        #expect(near.lowerBound < far.lowerBound)
        #expect(!html.contains("関係ない事例"))
        #expect(html.contains("href=\"https://test.example.jp/cases/near-story/\""))
        #expect(html.contains("同じ業種（製造業）"))
        // Roadmap: the quick win first (its goal names ordering), the explicit task with its owner, the Gantt chart.
        #expect(html.contains("「受発注の電子化」の第一歩：受発注のデジタル化を一部で試す"))
        #expect(html.contains("在庫データの棚卸しルール整備"))
        #expect(html.contains("地域ITベンダー"))
        #expect(html.contains("2027年3月〜4月<br><span class=\"small muted\">2か月</span>"))
        // Charts: inline SVG with text alternatives.
        for id in ["stage-diagram", "area-chart", "indicator-radar", "roadmap-gantt"] {
            #expect(html.contains("id=\"\(id)\""), "missing chart \(id)")
        }
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 4)
        #expect(html.contains("<title id=\"roadmap-gantt-title\">"))
        // Print CSS.
        #expect(html.contains("size: A4"))
        #expect(html.contains("counter(page) \" / \" counter(pages)"))
        #expect(html.contains("\"Noto Sans CJK JP\""))
        // Challenges for the company; the meeting note only on the advisor's sheet.
        // Challenge names come from challenges.yaml (it-talent, budget), never the ids.
        #expect(html.contains("ITに関わる人材が足りない") && html.contains("予算の確保が難しい"))
        #expect(!html.contains(">it-talent<"))
        #expect(!html.contains("社長と面談。FAX受注の負担が大きい。"))
        let advisor = try site.read("Output/reports/test-seiko/advisor.html")
        #expect(advisor.contains("社長と面談。FAX受注の負担が大きい。"))
        #expect(advisor.contains("潜在層"))
        #expect(advisor.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test func reportJSONHasTheSpecKeys() throws {
        let site = try site()
        #expect(try site.runInProcess("build").status == 0)
        let j = try json(site, "test-seiko")
        #expect(j["client"] as? String == "test-seiko")
        #expect(j["as_of"] as? String == "2026-11-25")
        #expect(j["stage"] as? Int == 2)
        #expect(j["computed_stage"] as? Int == 2)
        #expect(j["weak_areas"] as? [String] == ["ordering", "attendance"])
        #expect(j["bpo_candidates"] as? [String] == ["attendance"])
        #expect(j["similar_stories"] as? [String] == ["near-story", "far-story"])
        let roadmap = try #require(j["roadmap"] as? [[String: Any]])
        let explicit = try #require(roadmap.first { $0["title"] as? String == "在庫データの棚卸しルール整備" })
        #expect(explicit["start"] as? String == "2027-03")
        #expect(explicit["months"] as? Int == 2)
        #expect(explicit["owner"] as? String == "it-vendor")
        #expect(roadmap.first?["id"] as? String == "quick-win:ordering")
        #expect(roadmap.first?["start"] as? String == "2026-12")
        #expect(roadmap.first?["status"] as? String == "planned")
        #expect(roadmap.allSatisfy { $0.keys.contains("partner") && $0.keys.contains("status") && $0.keys.contains("id") })
        #expect(j["progress"] is NSNull)          // no history
        #expect((j["achievements"] as? [Any])?.isEmpty == true)   // nothing recorded yet
        // Values and types, not only keys (a key holding null would pass a presence check).
        #expect(j["stage_reason"] as? String == "評価した4領域のうち2領域がレベル2以上で、半数（2領域）に届いているため段階2です。段階3には、レベル3以上の領域があと1つ必要です（いま1つ）")
        let phase = try #require(j["focus_phase"] as? [String: Any])
        #expect(phase["id"] as? String == "decision" && phase["name"] as? String == "意思決定")
        #expect(phase["reason"] as? String == "段階2に勧めるフェーズ「意思決定」")
        let tools = try #require(j["policy_tools"] as? [[String: Any]])
        #expect(tools.map { $0["id"] as? String } == ["governance-code", "dx-index", "dx-certification"])
        #expect(tools.map { $0["goal"] as? Bool } == [false, false, true])
        #expect(tools.allSatisfy { $0["achieved"] is NSNull && $0["date"] is NSNull && ($0["reason"] as? String)?.isEmpty == false })
        #expect(j["name"] as? String == "株式会社テスト精工")
        #expect(j["need_layer"] as? String == "latent")
        #expect(j["advisor"] as? String == "suzuki")
        #expect(j["stage_override"] is NSNull)
        #expect(j["assessed"] as? String == "2026-11-25")
        #expect(j["areas"] as? [String: Int] == ["accounting": 3, "attendance": 1, "inventory": 2, "ordering": 1])
        #expect(j["next_levels"] as? [String: Int] == ["attendance": 2, "ordering": 2])
        #expect(j["challenges"] as? [String] == ["it-talent", "budget"])
        #expect(j["days_since_meeting"] as? Int == 41)   // 2026-10-15 to as_of 2026-11-25
        // Keys are sorted: the bytes do not depend on dictionary order.
        let text = try site.read("Output/reports/test-seiko/report.json")
        let asOf = try #require(text.range(of: "\"as_of\""))
        let client = try #require(text.range(of: "\"client\""))
        #expect(asOf.lowerBound < client.lowerBound)
    }

    @Test func undiagnosedIndifferentAndOverriddenClients() throws {
        let site = try site([
            "Content/clients/no-areas.yaml": "id: no-areas\nname: 未評価商事\nadvisor: suzuki\nneed_layer: explicit\n",
            "Content/clients/lazy.yaml": """
            id: lazy
            name: 無関心工業
            advisor: suzuki
            need_layer: indifferent
            areas: { ordering: 1, attendance: 1, accounting: 2 }

            """,
            "Content/clients/over.yaml": """
            id: over
            name: 見直し産業
            advisor: suzuki
            need_layer: explicit
            areas: { ordering: 1, attendance: 1, inventory: 2, accounting: 3 }
            stage_override: { stage: 3, reason: 一部部署でデータ活用が定着 }

            """,
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        // Spec, Stage diagnosis 3: a warning, not an error.
        #expect(run.warningLines.contains { $0.hasPrefix("Content/clients/no-areas.yaml:1:5: warning: client 'no-areas' has no assessed area (未診断)") }, "\(run.stderr)")
        let none = try json(site, "no-areas")
        #expect(none["stage"] is NSNull)
        #expect(none["computed_stage"] is NSNull)
        #expect(none["weak_areas"] as? [String] == [])
        let noneHTML = try site.read("Output/reports/no-areas/index.html")
        #expect(noneHTML.contains("業務ごとの現状をお聞かせください"))
        #expect(!noneHTML.contains("評価してください"))   // staff wording stays on the advisor's sheet
        #expect(try site.read("Output/reports/no-areas/advisor.html").contains("各業務領域のレベル（1〜4）を評価してください"))

        let lazy = try site.read("Output/reports/lazy/index.html")
        #expect(lazy.contains("業務効率化のご提案"))
        #expect(lazy.contains("外部に任せられる事務（BPOの候補）：勤怠管理"))
        #expect(lazy.contains("勤怠管理の外部委託（BPO）を比較・検討"))
        #expect(!lazy.contains("無関心層") && !lazy.contains("業務効率化を提案する"))
        #expect(!lazy.contains("DX推進ロードマップ"))
        #expect(!lazy.contains("DX認定の申請準備"))

        let over = try json(site, "over")
        #expect(over["stage"] as? Int == 3)
        #expect(over["computed_stage"] as? Int == 2)
        let overHTML = try site.read("Output/reports/over/index.html")
        #expect(overHTML.contains("評価の数字だけでは段階2 デジタイゼーションですが、実態を踏まえて段階3 デジタライゼーションと判断しました"))
        #expect(overHTML.contains("一部部署でデータ活用が定着"))
    }

    @Test func dashboardShowsMatrixSkillsGapsAndAdvisors() throws {
        let site = try site(["Content/clients/lazy.yaml": "id: lazy\nname: 無関心工業\nadvisor: suzuki\nneed_layer: indifferent\n"])
        #expect(try site.runInProcess("build").status == 0)
        let dash = try site.read("Output/reports/index.html")
        #expect(dash.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(dash.contains("<a href=\"test-seiko/index.html\">株式会社テスト精工</a>"))
        #expect(dash.contains("<a href=\"lazy/index.html\">無関心工業</a>"))
        // 顕在層 and 潜在層 rows come before 無関心層.
        let latent = try #require(dash.range(of: "潜在層"))
        let indifferent = try #require(dash.range(of: "無関心層"))
        #expect(latent.lowerBound < indifferent.lowerBound)
        // Skills matrix and gaps: nobody reaches 2 in What/How/digital, so those are gaps with means to fill them.
        #expect(dash.contains("鈴木 一郎"))
        #expect(dash.contains("チームのスキルの空白と育成策"))
        #expect(dash.contains("デジタルスキル<span class=\"small muted\">（最高レベル1）"))
        #expect(dash.contains("ITパスポート試験"))
        #expect(dash.contains("マナビDX Quest"))
        #expect(!dash.contains("パーソナルスキル<span class=\"small muted\">（最高レベル"))
    }

    @Test func reportsAreDeterministicAndNeverUnderSite() throws {
        let site = try site()
        #expect(try site.runInProcess("build").status == 0)
        let first = try site.snapshot("Output/reports")
        // The second build by the binary: another process, another hash seed.
        #expect(try site.run("build").status == 0)
        #expect(try site.snapshot("Output/reports") == first)
        let siteFiles = try site.snapshot("Output/site")
        #expect(!siteFiles.keys.contains { $0.hasPrefix("reports") })
        for (path, data) in siteFiles {
            #expect(!String(decoding: data, as: UTF8.self).contains("テスト精工"), "client name leaked into \(path)")
        }
    }

    @Test func markupInClientTextIsEscapedInHTMLAndSVG() throws {
        let site = try site(["Content/clients/xss.yaml": """
        id: xss
        name: "<script>alert(1)</script>商事"
        advisor: suzuki
        areas: { ordering: 1 }
        roadmap:
          - { title: "<b>受注</b> & 在庫", area: ordering, start: 2027-02, months: 2 }
        meetings:
          - { date: 2026-10-01, note: "引用符\\"と改行\\nとタブ\\tを含むメモ" }

        """])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try site.read("Output/reports/xss/index.html")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>受注</b>"))
        #expect(html.contains("&lt;script&gt;"))
        // In the Gantt chart's SVG text and in its text alternative.
        #expect(html.contains("2. &lt;b&gt;受注&lt;/b&gt; &amp; 在庫") || html.contains("&lt;b&gt;受注&lt;/b&gt; &amp; 在庫</text>") || html.contains("&lt;b&gt;受注&lt;/b&gt; &amp; 在庫</tspan>"))
        #expect(try site.read("Output/reports/index.html").contains("&lt;script&gt;"))
        // report.json keeps the text as written, validly escaped.
        let j = try json(site, "xss")
        #expect(j["name"] as? String == "<script>alert(1)</script>商事")
        #expect((j["roadmap"] as? [[String: Any]])?.contains { $0["title"] as? String == "<b>受注</b> & 在庫" } == true)
    }

    @Test func reportCommandChecksTheClientID() throws {
        let site = try site()
        let bad = try site.run("report", "nobody")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: no client 'nobody': Content/clients/nobody.yaml does not exist; clients: "), "\(bad.stderr)")
        #expect(!site.exists("Output/reports"))
        let good = try site.run("report", "test-seiko")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("report: Output/reports/test-seiko/index.html"))
        #expect(site.exists("Output/reports/test-seiko/report.json"))
        #expect(site.exists("Output/reports/index.html"))
    }

    /// One bad field each; the validator's exact `path:line:col: error` and no report at all.
    @Test(arguments: [
        ("areas:\n  ordering: 1\n  warehouse: 2\n", "Content/clients/bad.yaml:6:3: error: unknown area 'warehouse'"),
        ("areas:\n  ordering: 5\n", "Content/clients/bad.yaml:5:13: error: an area level must be 1–4, found 5"),
        ("areas: { ordering: 1 }\nindicators:\n  urgency: { current: 7, target: 3 }\n", "Content/clients/bad.yaml:6:23: error: an indicator value must be 0–5, found 7"),
        ("areas: { ordering: 1 }\nchallenges: [it-talent, no-such-challenge]\n", "Content/clients/bad.yaml:5:25: error: unknown challenge 'no-such-challenge'"),
        ("areas: { ordering: 1 }\nroadmap:\n  - { title: 何か, start: 2027-13, months: 2 }\n", "Content/clients/bad.yaml:6:25: error: start must be a month written YYYY-MM, found '2027-13'"),
    ])
    func badClientFailsWithLocationAndWritesNoReport(body: String, expected: String) throws {
        let site = try site(["Content/clients/bad.yaml": "id: bad\nname: 不正商事\nadvisor: suzuki\n" + body])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix(expected) }, "expected \(expected), got:\n\(run.stderr)")
        #expect(!site.exists("Output/reports"))
        #expect(!site.exists("Output/site"))
    }

    @Test func advisorNotOnStaffFails() throws {
        let site = try site(["Content/clients/bad.yaml": "id: bad\nname: 不正商事\nadvisor: yamamoto\nareas: { ordering: 1 }\n"])
        // A good build first: a failed one must leave these reports exactly as they were.
        try site.remove("Content/clients/bad.yaml")
        #expect(try site.runInProcess("build").status == 0)
        let before = try site.snapshot()
        try site.write("Content/clients/bad.yaml", "id: bad\nname: 不正商事\nadvisor: yamamoto\nareas: { ordering: 1 }\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Content/clients/bad.yaml:3:10: error: advisor 'yamamoto' is not on the staff") }, "\(run.stderr)")
        #expect(try site.snapshot() == before)
        #expect(!site.exists("Output/reports/bad"))
    }
}
