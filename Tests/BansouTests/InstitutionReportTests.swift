import Bansou
import Foundation
import Testing

/// Issue 11: the institution's own practice. Every figure of Output/reports/institution/ is
/// checked against values computed by hand from the fixture below (the working is in the
/// comments), through the real binary.
@Suite("Institution report")
struct InstitutionReportTests {
    /// as_of 2026-11-25 (FixtureSite.siteYAML): the 12 months counted run from 2025-11-26;
    /// past skill ratings are compared from the latest one on or before 2026-05-25.
    static let files: [String: String] = [
        "Content/partners/aaa-partner.yaml": """
        id: aaa-partner
        name: エーパートナー株式会社
        type: it-vendor
        region: chubu
        strengths: [ordering, hr]
        public: true
        """,
        "Content/partners/bbb-partner.yaml": """
        id: bbb-partner
        name: ビーパートナー合同会社
        type: consultant
        region: chubu
        strengths: [accounting]
        """,
        // c1 moved up: stage 1 on 2025-10-01 (the latest assessment on or before 2025-11-25), stage 2 now.
        "Content/clients/c1.yaml": """
        id: c1
        name: 株式会社一番商事
        industry: manufacturing
        prefecture: 愛知県
        assessed: 2026-04-01
        areas: { ordering: 2, attendance: 2, accounting: 2 }
        history:
          - { date: 2025-10-01, areas: { ordering: 1, attendance: 1, accounting: 1 } }
        """,
        // c2: no history (not compared); one explicit task ending 2026-02, before November: overdue.
        "Content/clients/c2.yaml": """
        id: c2
        name: 株式会社二番工業
        industry: manufacturing
        prefecture: 愛知県
        assessed: 2026-04-01
        areas: { ordering: 1, attendance: 1 }
        roadmap:
          - { id: order-cloud, title: 受発注のクラウド化, area: ordering, start: 2026-01, months: 2, owner: it-vendor }
        """,
        // Two stories: one dated within the 12 months, one before.
        "Content/cases/recent.md": FixtureSite.story(title: "最近の事例", date: "2026-10-01"),
        "Content/cases/older.md": FixtureSite.story(title: "以前の事例", date: "2025-06-01"),
        // Checks listed out of date order: the report sorts them. Now (2026-11-01) against 2026-05-01:
        // commitment 1→2 (+1), own-experience 1→1, dedicated-team 0→0, experts 2→1 (−1),
        // talent-development 3→3, partnership 2→2. Totals 9 and 9 of 18.
        // Next: below 3, by (score, change, order): dedicated-team (0, 0), experts (1, −1: it fell),
        // own-experience (1, 0), then partnership (2, 0) and commitment (2, +1) — the first three.
        "Content/institution.yaml": """
        commitment:
          statement: |
            テスト銀行は地域のDX支援を本業支援と位置づけます。
            二段落目の表明です。
          date: 2025-04-01
          public: true
        self_checks:
          - date: 2026-11-01
            by: alice
            scores:
              commitment: { score: 2, evidence: 今回の表明の根拠メモ }
              own-experience: { score: 1 }
              dedicated-team: { score: 0 }
              experts: { score: 1 }
              talent-development: { score: 3 }
              partnership: { score: 2 }
          - date: 2025-11-01
            scores: { commitment: 0, own-experience: 0, dedicated-team: 0, experts: 0, talent-development: 0, partnership: 0 }
          - date: 2026-05-01
            scores:
              commitment: { score: 1 }
              own-experience: { score: 1 }
              dedicated-team: { score: 0 }
              experts: { score: 2 }
              talent-development: { score: 3 }
              partnership: { score: 2 }
        staff_development:
          strategy: 中期経営計画に明記
        """,
        // alice: gap now why 3−1 + what 2−0 + how 0 + personal 0 (3 over 2) + consulting 2−1 = 5
        // (digital has no target). Compared with 2026-04-01 (2025-12-01 is older, 2026-06-01 too
        // young): why 2 + what 2 + how 1 + consulting 2 = 7; closed 2.
        // Trainings: done 2026-03 counts, done 2025-11 does not (not after 2025-11); planned 2027-02.
        "Content/staff/alice.yaml": """
        id: alice
        name: 有田 アリス
        skills: { why: 1, what: 0, how: 2, personal: 3, consulting: 1, digital: 0 }
        targets: { why: 3, what: 2, how: 2, personal: 2, consulting: 2 }
        past_skills:
          - { date: 2025-12-01, skills: { why: 0, what: 0, how: 0, personal: 3, consulting: 0, digital: 0 } }
          - { date: 2026-06-01, skills: { why: 1, what: 0, how: 2, personal: 3, consulting: 1, digital: 0 } }
          - { date: 2026-04-01, skills: { why: 1, what: 0, how: 1, personal: 3, consulting: 0, digital: 0 } }
        trainings:
          - { title: 受講済みの研修, month: 2026-03, status: done }
          - { title: 一年以上前の研修, month: 2025-11, status: done }
          - { title: 予定の研修エー, month: 2027-02, status: planned, skills: [consulting] }
        certifications:
          - ITパスポート
          - { name: 基本情報技術者, date: 2027-04, status: planned }
        """,
        // bob: gap why 3−2 + digital 1−0 = 2; no past ratings (not compared).
        "Content/staff/bob.yaml": """
        id: bob
        name: 坊田 ボブ
        skills: { why: 2 }
        targets: { why: 3, digital: 1 }
        trainings:
          - { title: 予定の研修ビー, month: 2026-12, status: planned }
        certifications:
          - { name: 中小企業診断士, date: 2010-04 }
        """,
        // Counted (after 2025-11-25): r1, r2, r3, r5; r4 is dated 2025-11-25 itself.
        "Content/referrals/r1.yaml": """
        client: c1
        partner: aaa-partner
        direction: out
        date: 2026-01-10
        areas: [ordering, inventory]
        outcome: completed
        """,
        "Content/referrals/r2.yaml": """
        client: c1
        partner: bbb-partner
        direction: in
        date: 2026-03-01
        areas: [ordering]
        outcome: engaged
        """,
        "Content/referrals/r3.yaml": """
        company: 株式会社テスト見込
        partner: aaa-partner
        direction: in
        date: 2026-06-01
        areas: [hr]
        outcome: pending
        contact: 山本 花子
        note: 紹介メモ三番
        """,
        "Content/referrals/r4.yaml": """
        client: c2
        partner: aaa-partner
        direction: out
        date: 2025-11-25
        areas: [ordering]
        outcome: declined
        """,
        "Content/referrals/r5.yaml": """
        client: c2
        partner: bbb-partner
        direction: out
        date: 2026-11-20
        areas: [accounting]
        outcome: declined
        """,
    ]

    static func json(_ site: FixtureSite) throws -> [String: Any] {
        let data = try Data(contentsOf: site.root.appendingPathComponent("Output/reports/institution/institution.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyFigureMatchesTheHandComputedValues() throws {
        let site = try FixtureSite(files: Self.files)
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Self.json(site)
        #expect(json["as_of"] as? String == "2026-11-25")

        let check = try #require(json["self_check"] as? [String: Any])
        #expect(check["date"] as? String == "2026-11-01")
        #expect(check["previous_date"] as? String == "2026-05-01")
        #expect(check["total"] as? Int == 9)
        #expect(check["previous_total"] as? Int == 9)
        #expect(check["maximum"] as? Int == 18)
        let rows = try #require(check["practices"] as? [[String: Any]])
        #expect(rows.map { $0["practice"] as? String } == ["commitment", "own-experience", "dedicated-team", "experts", "talent-development", "partnership"])
        #expect(rows.map { $0["score"] as? Int } == [2, 1, 0, 1, 3, 2])
        #expect(rows.map { $0["previous"] as? Int } == [1, 1, 0, 2, 3, 2])
        #expect(rows.map { $0["change"] as? Int } == [1, 0, 0, -1, 0, 0])
        #expect(check["next"] as? [String] == ["dedicated-team", "experts", "own-experience"])

        let staff = try #require(json["staff"] as? [String: Any])
        #expect(staff["gap_now"] as? Int == 7)
        #expect(staff["gap_then"] as? Int == 7)
        #expect(staff["gap_closed"] as? Int == 2)
        #expect(staff["compared_members"] as? Int == 1)
        #expect(staff["trainings_done_12m"] as? Int == 1)
        #expect(staff["certifications_held"] as? Int == 2)
        let members = try #require(staff["members"] as? [[String: Any]])
        #expect(members.map { $0["staff"] as? String } == ["alice", "bob"])
        #expect(members[0]["gap"] as? Int == 5)
        #expect(members[0]["gap_then"] as? Int == 7)
        #expect(members[0]["closed"] as? Int == 2)
        #expect(members[0]["compared_on"] as? String == "2026-04-01")
        #expect(members[1]["gap"] as? Int == 2)
        #expect(members[1]["gap_then"] is NSNull)
        #expect(members[1]["compared_on"] is NSNull)
        let planned = try #require(staff["planned"] as? [[String: Any]])
        #expect(planned.map { $0["title"] as? String } == ["予定の研修ビー", "予定の研修エー", "基本情報技術者"])
        #expect(planned.map { $0["month"] as? String } == ["2026-12", "2027-02", "2027-04"])
        #expect(planned.map { $0["kind"] as? String } == ["training", "training", "certification"])

        let collaboration = try #require(json["collaboration"] as? [String: Any])
        #expect(collaboration["from"] as? String == "2025-11-25")
        #expect(collaboration["prospects"] as? Int == 1)
        let total = try #require(collaboration["total"] as? [String: Any])
        #expect(total["made"] as? Int == 2)
        #expect(total["received"] as? Int == 2)
        #expect(total["outcomes"] as? [String: Int] == ["pending": 1, "engaged": 1, "completed": 1, "declined": 1])
        let partners = try #require(collaboration["partners"] as? [[String: Any]])
        #expect(partners.map { $0["partner"] as? String } == ["aaa-partner", "bbb-partner"])
        #expect(partners.map { $0["made"] as? Int } == [1, 1])
        #expect(partners.map { $0["received"] as? Int } == [1, 1])
        #expect(partners[0]["outcomes"] as? [String: Int] == ["pending": 1, "engaged": 0, "completed": 1, "declined": 0])
        let areas = try #require(collaboration["areas"] as? [[String: Any]])
        #expect(areas.map { $0["area"] as? String } == ["ordering", "inventory", "accounting", "hr"])
        #expect(areas.map { $0["made"] as? Int } == [1, 1, 1, 0])
        #expect(areas.map { $0["received"] as? Int } == [1, 0, 0, 1])

        let portfolio = try #require(json["portfolio"] as? [String: Any])
        #expect(portfolio["clients"] as? Int == 2)
        #expect(portfolio["moved_up_12m"] as? Int == 1)
        #expect(portfolio["compared_12m"] as? Int == 1)
        #expect(portfolio["stories_published"] as? Int == 2)
        #expect(portfolio["stories_last_12m"] as? Int == 1)
        #expect(portfolio["overdue_tasks"] as? Int == 1)
        #expect(portfolio["clients_with_overdue"] as? Int == 1)
    }

    /// The page prints the same figures, in Japanese, with the changes marked.
    @Test func thePageShowsTheFiguresAndTheGuidancesSuggestions() throws {
        let site = try FixtureSite(files: Self.files)
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try site.read("Output/reports/institution/index.html")
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(html.contains("合計 <strong>9</strong> / 18点（前回 9点）"))
        #expect(html.contains("<td class=\"change up\">▲1</td>"))
        #expect(html.contains("<td class=\"change down\">▼1</td>"))
        // The three practices to work on, in order, each with the guidance's words and section.
        let ranked = ["1</span>専門組織の立ち上げ<span", "2</span>社内外の専門的人材の活用<span", "3</span>実体験に基づくDX支援<span"].map { needle -> Int in
            html.range(of: "<span class=\"rank\">" + needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1
        }
        #expect(ranked.allSatisfy { $0 > 0 } && ranked == ranked.sorted(), "\(ranked)")
        #expect(!html.contains("</span>DX支援人材の育成及び確保<span class=\"now\">"), "a practice at 3 is not proposed")
        #expect(html.contains("<span class=\"sec\">ガイダンス 4.2</span>"))
        #expect(html.contains("<span class=\"reading\">本ポータルの整理</span>"))
        // Staff: the 5.4 checklist, the gap, the plan in date order.
        #expect(html.contains("✓ 整備済み</span><strong>経営戦略への位置づけ</strong>：中期経営計画に明記"))
        #expect(html.contains("未整備</span><strong>DX支援人材の評価制度</strong>"))
        #expect(html.contains("比較できた1名の目標までの差は 7 → 5（2縮まった）。"))
        #expect(html.contains("直近12か月の研修受講 <strong>1</strong>件、保有資格 <strong>2</strong>件"))
        let plan = ["2026年12月</td><td>坊田 ボブ", "2027年2月</td><td>有田 アリス", "2027年4月</td><td>有田 アリス"].map { needle in
            html.range(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1
        }
        #expect(plan.allSatisfy { $0 > 0 } && plan == plan.sorted(), "\(plan)")
        // Collaboration, with the period counted.
        #expect(html.contains("紹介した 2件・紹介を受けた 2件（うち取引前の企業からの紹介 1件）"))
        #expect(html.contains("2025年11月26日〜2026年11月25日"))
        #expect(html.contains("エーパートナー株式会社<span class=\"kind\">地域ITベンダー</span>"))
        // Headline figures.
        #expect(html.contains("<p class=\"kpi-label\">12か月で段階が上がった企業</p><p class=\"kpi-value\">1<small>社</small></p>"))
        #expect(html.contains("<p class=\"kpi-label\">遅れているタスク</p><p class=\"kpi-value\">1<small>件</small></p>"))
        // Confidential, never indexed; the dashboard links to it.
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(try site.read("Output/reports/index.html").contains("<a href=\"institution/index.html\">"))
    }

    /// A site without institution.yaml, staff or referrals still gets the report, saying what to record.
    @Test func aSiteWithoutRecordsGetsAReportThatSaysWhatToRecord() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try site.read("Output/reports/institution/index.html")
        #expect(html.contains("自己点検の記録がありません。"))
        #expect(html.contains("担当者の記録（Content/staff/）がありません。"))
        #expect(html.contains("この期間の紹介の記録（Content/referrals/）がありません。"))
        let json = try Self.json(site)
        let check = try #require(json["self_check"] as? [String: Any])
        #expect(check["date"] is NSNull)
        #expect(check["total"] is NSNull)
    }
}
