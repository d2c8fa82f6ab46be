import Bansou
import Foundation
import Testing
import Yams

/// Issue 11: institution.yaml, staff development and referrals are checked with positions, are
/// kept off the portal, and the publishing gate protects the names a referral holds.
@Suite("Institution records")
struct InstitutionRecordsTests {
    @Test func everyMistakeIsReportedAtItsPosition() throws {
        let site = try FixtureSite(files: [
            "Content/clients/c1.yaml": "id: c1\nname: 株式会社一番商事\nindustry: manufacturing\nprefecture: 愛知県\n",
            "Content/partners/p1.yaml": "id: p1\nname: パートナー\ntype: it-vendor\nregion: chubu\n",
            "Content/institution.yaml": """
            self_checks:
              - date: 2026-05-01
                scores:
                  commitment: { score: 4 }
                  own-experience: { score: 1 }
                  dedicated-team: { score: 1 }
                  experts: { score: 1 }
                  talent-development: { score: 1 }
                  partnership: { score: 1 }
                  teamwork: { score: 1 }
              - date: 2026-05-01
                by: nobody
                scores: { commitment: { score: 1 } }
              - date: 2026-12-01
                scores: { commitment: { score: 1 }, own-experience: { score: 1 }, dedicated-team: { score: 1 }, experts: { score: 1 }, talent-development: { score: 1 }, partnership: { score: 1 } }
            """,
            "Content/staff/s1.yaml": """
            id: s1
            name: 担当 一
            skills: { why: 1 }
            targets: { why: 5, vision: 2 }
            past_skills:
              - { date: 2027-01-01, skills: { why: 0 } }
            trainings:
              - { title: 研修, month: 2026-13, status: finished }
              - { title: 先の研修, month: 2027-03, status: done }
            certifications:
              - { name: 資格, date: 2026-5, status: maybe }
            """,
            "Content/referrals/r1.yaml": """
            client: c9
            partner: p9
            direction: sideways
            date: 2026-03-01
            areas: [ordering, painting]
            outcome: won
            staff: s9
            """,
            "Content/referrals/r2.yaml": """
            partner: p1
            direction: out
            date: 2026-03-01
            outcome: pending
            """,
            "Content/referrals/r3.yaml": """
            client: c1
            company: 株式会社一番商事
            partner: p1
            direction: in
            date: 2026-12-01
            outcome: pending
            """,
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        let errors = Set(run.errorLines)
        let expected = [
            "Content/institution.yaml:4:28: error: a self-check score must be 0–3, found 4",
            "Content/institution.yaml:10:7: error: unknown practice 'teamwork' (see Content/guidance/practices.yaml)",
            "Content/institution.yaml:11:11: error: two self-checks are dated 2026-05-01: keep one per date",
            "Content/institution.yaml:11:11: error: the self-check of 2026-05-01 does not score dedicated-team, experts, own-experience, partnership, talent-development (every practice of guidance/practices.yaml, 0–3)",
            "Content/institution.yaml:12:9: error: unknown staff member 'nobody' (see Content/staff)",
            "Content/institution.yaml:14:11: error: a self-check dated 2026-12-01 is after the as-of date 2026-11-25: record a check when it has been made",
            "Content/staff/s1.yaml:4:17: error: a skill target must be 0–3, found 5",
            "Content/staff/s1.yaml:4:20: error: unknown skill area 'vision' (see Content/guidance/skills.yaml)",
            "Content/staff/s1.yaml:6:13: error: past_skills date 2027-01-01 is after the as-of date 2026-11-25: past ratings are dated when they were made",
            "Content/staff/s1.yaml:8:25: error: training month must be a month written YYYY-MM, found '2026-13'",
            "Content/staff/s1.yaml:8:42: error: training status must be one of planned, done, found 'finished'",
            "Content/staff/s1.yaml:9:27: error: training '先の研修' is done but dated 2027-03, after the as-of month 2026-11",
            "Content/staff/s1.yaml:11:23: error: certification date must be a month written YYYY-MM, found '2026-5'",
            "Content/staff/s1.yaml:11:39: error: certification status must be one of held, planned, found 'maybe'",
            "Content/referrals/r1.yaml:1:9: error: unknown client 'c9' (see Content/clients)",
            "Content/referrals/r1.yaml:2:10: error: unknown partner 'p9' (see Content/partners)",
            "Content/referrals/r1.yaml:3:12: error: direction (out: we referred the client, in: the partner referred it to us) must be one of out, in, found 'sideways'",
            "Content/referrals/r1.yaml:5:19: error: unknown area 'painting' (see Content/guidance/areas.yaml)",
            "Content/referrals/r1.yaml:6:10: error: outcome must be one of pending, engaged, completed, declined, found 'won'",
            "Content/referrals/r1.yaml:7:8: error: unknown staff member 's9' (see Content/staff)",
            "Content/referrals/r2.yaml:1:1: error: a referral names a client (client: <id> of clients/) or, for a company without a record yet, company: <name>",
            "Content/referrals/r3.yaml:2:10: error: client and company both given: a company with a client record is named by its id only",
            "Content/referrals/r3.yaml:5:7: error: a referral dated 2026-12-01 is after the as-of date 2026-11-25",
        ]
        for line in expected {
            #expect(errors.contains(line), "missing: \(line)\n--- got:\n\(run.errorLines.joined(separator: "\n"))")
        }
        #expect(errors.count == expected.count, "\(run.errorLines.joined(separator: "\n"))")
        // Nothing was written: a failed build leaves Output/ as it was.
        #expect(!site.exists("Output/reports/institution/index.html"))
    }

    /// A company named in a referral without a client record, and a partner's contact, are
    /// secrets like a client's name: a story that writes one fails the build at its position.
    @Test func theGateProtectsTheNamesAReferralHolds() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/partners/p1.yaml": "id: p1\nname: パートナー\ntype: it-vendor\nregion: chubu\n",
            "Content/referrals/2026-06-prospect.yaml": """
            company: 株式会社テスト見込
            partner: p1
            direction: in
            date: 2026-06-01
            outcome: pending
            contact: 山本 花子
            """,
            "Content/cases/leak.md": FixtureSite.story(body: "## 取り組み\n\nテスト見込の社長に、山本花子さんが同行しました。"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        let errors = run.errorLines
        #expect(errors.contains { $0.hasPrefix("Content/cases/leak.md:15:1: error: 会社名 of referral 2026-06-prospect in published text (") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/cases/leak.md:15:") && $0.contains("error: 担当者名 of referral 2026-06-prospect in published text (") }, "\(errors)")
        #expect(!run.stderr.contains("テスト見込"), "the secret is masked in messages")
        #expect(!site.exists("Output/site/index.html"))
    }

    private func loadYAML(_ url: URL) throws -> Any {
        try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) ?? [:]
    }

    /// A company's report names no other company: not a prospect of the referrals either, even
    /// when the referral file happens to carry the client's own id as its name.
    @Test func aCompanysReportThatNamesAReferralsProspectFails() throws {
        let site = try FixtureSite(files: [
            "Content/clients/c1.yaml": """
            id: c1
            name: 株式会社一番商事
            industry: manufacturing
            prefecture: 愛知県
            goals: [テスト見込との共同配送]
            """,
            "Content/partners/p1.yaml": "id: p1\nname: パートナー\ntype: it-vendor\nregion: chubu\n",
            "Content/referrals/c1.yaml": """
            company: 株式会社テスト見込
            partner: p1
            direction: in
            date: 2026-06-01
            outcome: pending
            """,
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.contains("error: 会社名 of referral c1 in the report of c1 (") }, "\(run.stderr)")
    }

    /// A file in the referrals folder that is not loaded as a referral would keep its names from
    /// the gate: it is an error, as in the clients folder.
    @Test func aReferralFileTheLoaderSkipsIsAnError() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/referrals/memo.txt": "株式会社テスト見込の件\n",
            "Content/referrals/.gitkeep": "",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines == ["Content/referrals/memo.txt:1:1: error: not loaded as a referral, so the publishing gate cannot check for the names it holds: a referral is <name>.yaml; move anything else out of the referrals folder"],
                "\(run.stderr)")
    }

    /// Nothing of institution.yaml (but a public statement), the staff files or the referrals
    /// reaches Output/site: every note, name and title they hold is looked for in every file.
    @Test func noRecordOfThePracticeReachesThePortal() throws {
        let site = try FixtureSite.sample()
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let content = site.root.appendingPathComponent("Content")
        var secrets: Set<String> = []
        func collect(_ value: Any, keys: Set<String>, under key: String? = nil) {
            switch value {
            case let map as [String: Any]: for (k, v) in map { collect(v, keys: keys, under: k) }
            case let list as [Any]: for v in list { collect(v, keys: keys, under: key) }
            case let text as String where key.map(keys.contains) == true && text.count >= 4: secrets.insert(text)
            default: break
            }
        }
        let institution = try loadYAML(content.appendingPathComponent("institution.yaml"))
        collect(institution, keys: ["evidence", "strategy", "evaluation", "incentives"])
        // A staff file's person and training titles; certifications are public knowledge (the
        // skills guidance page lists them), so they are not looked for.
        for file in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("staff").path) {
            let member = try #require(try loadYAML(content.appendingPathComponent("staff/\(file)")) as? [String: Any])
            collect(member.filter { ["name", "role", "trainings"].contains($0.key) }, keys: ["name", "role", "title"])
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("referrals").path) {
            collect(try loadYAML(content.appendingPathComponent("referrals/\(file)")), keys: ["company", "contact", "note"])
        }
        #expect(secrets.count >= 40, "the sample holds the records this test looks for: \(secrets.count)")
        let output = site.root.appendingPathComponent("Output/site")
        let files = FileManager.default.enumerator(atPath: output.path)!.compactMap { $0 as? String }
        for file in files {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                let lines = secret.split(whereSeparator: \.isNewline).map(String.init)
                for line in lines where line.count >= 4 {
                    let found = text.contains(line)
                    #expect(!found, "\(file) holds '\(line)'")
                }
            }
        }
        // The public commitment statement is on the about page, and only there.
        let about = try site.read("Output/site/about/index.html")
        #expect(about.contains("東海みらい銀行は、地域の中小企業のデジタル化とDXへの伴走支援を"))
        // Made private, it is gone.
        let yaml = try site.read("Content/institution.yaml").replacingOccurrences(of: "  public: true", with: "  public: false")
        try site.write("Content/institution.yaml", yaml)
        let again = try site.runInProcess("build")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!(try site.read("Output/site/about/index.html")).contains("地域の中小企業のデジタル化とDXへの伴走支援"))
    }

    /// The guidance page of 3.2 and 3.8: every challenge and practice in the seed's words, the
    /// link between them labelled as this portal's reading.
    @Test func thePracticesGuidancePage() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try site.read("Output/site/guidance/practices/index.html")
        for name in ["支援機関自身のDXの取組が遅れている", "支援機関として有益なDX支援の方法が確立できていない",
                     "支援機関内及び支援機関同士の連携が不足している", "支援機関内のDX支援人材が不足している",
                     "DX支援へのコミットメント表明", "実体験に基づくDX支援", "専門組織の立ち上げ", "社内外の専門的人材の活用",
                     "DX支援人材の育成及び確保", "支援機関との連携"] {
            #expect(html.contains(name), "\(name)")
        }
        #expect(html.contains("<span class=\"basis basis-ours\">本ポータルの整理</span>応える課題"))
        #expect(html.contains("<span class=\"basis\">ガイダンス 3.8</span>"))
        #expect(html.contains("<span class=\"basis\">ガイダンス 5.4</span>"))
        #expect(html.contains("失敗例も含め"))
        #expect(try site.read("Output/site/guidance/index.html").contains("guidance/practices/index.html"))
    }
}
