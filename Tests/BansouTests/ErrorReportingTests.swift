import Foundation
import Testing

/// Bad input: every problem at its path:line:col in one run, exit 1, Output/ untouched.
@Suite(.serialized)
struct ErrorReportingTests {
    /// Ten different mistakes across files; each must be reported at its exact position.
    static let tenMistakes: [String: String] = [
        // 1 unknown industry (line 5, col 11), 2 stage_after below stage_before (line 9, col 14)
        "Content/cases/bad-refs.md": """
        ---
        title: 参照の誤り
        alias: A社
        date: 2026-01-01
        industry: manufactoring
        region: chubu
        size: 21-50
        stage_before: 3
        stage_after: 2
        ---
        本文
        """,
        // 3 invalid date (line 4, col 7), 4 unknown key warning counts too but we assert errors; 4 size band (line 7, col 7)
        "Content/cases/bad-values.md": """
        ---
        title: 値の誤り
        alias: B社
        date: 2026-02-30
        industry: retail
        region: chubu
        size: 10-20
        stage_before: 1
        stage_after: 5
        ---
        本文
        """,
        // 7 missing required key 'alias' (line 2, col 1 — the mapping)
        "Content/cases/missing-alias.md": """
        ---
        title: 別名なし
        date: 2026-01-01
        industry: manufacturing
        region: chubu
        stage_before: 1
        stage_after: 2
        ---
        本文
        """,
        // 8 YAML syntax error
        "Content/cases/broken-yaml.md": "---\ntitle: [unclosed\nalias: C社\n---\n本文\n",
        // 9 not a slug: file name becomes a path
        "Content/cases/Bad Name.md": FixtureSite.story(),
        // 10 client with a level of 5 and an unknown advisor
        "Content/clients/acme.yaml": """
        id: acme
        name: 株式会社アクメ
        advisor: nobody
        areas:
          ordering: 5
        """,
    ]

    @Test func reportsAllTenMistakesSortedWithPositionsAndExitsOne() throws {
        let site = try FixtureSite(files: Self.tenMistakes)
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        let expected = [
            "Content/cases/Bad Name.md:1:1: error: 'Bad Name' is not a valid id: use lowercase a-z, 0-9 and '-' (it becomes a path)",
            "Content/cases/bad-refs.md:5:11: error: unknown industry 'manufactoring'; did you mean 'manufacturing'? (see Content/guidance/industries.yaml)",
            "Content/cases/bad-refs.md:9:14: error: stage_after (2) must not be below stage_before (3)",
            "Content/cases/bad-values.md:4:7: error: '2026-02-30' is not a date: write YYYY-MM-DD",
            "Content/cases/bad-values.md:5:11: error: unknown industry 'retail' (see Content/guidance/industries.yaml)",
            "Content/cases/bad-values.md:7:7: error: size must be one of 1-5, 6-20, 21-50, 51-100, 101-300, 301+, found '10-20'",
            "Content/cases/bad-values.md:9:14: error: stage_after must be 1–4, found 5",
            "Content/cases/missing-alias.md:2:1: error: missing required key 'alias'",
            "Content/clients/acme.yaml:3:10: error: advisor 'nobody' is not on the staff (Content/staff/nobody.yaml)",
            "Content/clients/acme.yaml:5:13: error: an area level must be 1–4, found 5",
        ]
        let errors = run.errorLines
        for line in expected {
            #expect(errors.contains(line), "missing: \(line)\nall:\n\(run.stderr)")
        }
        let yamlError = errors.first { $0.hasPrefix("Content/cases/broken-yaml.md:") }
        #expect(yamlError?.contains(": error: YAML syntax:") == true, "\(run.stderr)")
        #expect(errors == errors.sorted { lineKey($0) < lineKey($1) }, "diagnostics must be sorted by file and position")
        #expect(!site.exists("Output"), "check must write nothing")
    }

    @Test func failedBuildLeavesPreviousOutputByteIdentical() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/good.md": FixtureSite.story()])
        #expect(try site.run("build").status == 0)
        let before = try site.snapshot()
        #expect(!before.isEmpty)
        try site.write("Content/cases/good.md", FixtureSite.story(title: "変更後"))
        try site.write("Content/cases/bad.md", FixtureSite.story(extra: "region: atlantis"))
        let run = try site.run("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Output/ was not changed"))
        #expect(try site.snapshot() == before)
    }

    @Test func unknownKeyIsAWarningNotAFailure() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": "", "Content/cases/extra.md": FixtureSite.story(extra: "colour: red")])
        let run = try site.runInProcess("build")
        #expect(run.status == 0)
        #expect(run.warningLines == ["Content/cases/extra.md:11:1: warning: unknown key 'colour' is ignored"])
    }

    @Test func templateSyntaxErrorIsReportedAtItsPosition() throws {
        let site = try FixtureSite(files: ["Content/cases/one.md": FixtureSite.story()])
        try site.write("Templates/page.mustache", "<p>\n{{#page}}\n{{/wrong}}\n")
        let run = try site.runInProcess("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Templates/page.mustache:3:") && $0.contains("error: template syntax") }, "\(run.stderr)")
        #expect(!site.exists("Output"))
    }

    @Test func missingGuidanceFileIsReported() throws {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        try site.remove("Content/guidance/areas.yaml")
        let run = try site.runInProcess("check")
        #expect(run.status == 1)
        #expect(run.errorLines == ["Content/guidance/areas.yaml:1:1: error: required file is missing"])
    }

    private func lineKey(_ line: String) -> (String, Int, Int) {
        let parts = line.split(separator: ":", maxSplits: 3).map(String.init)
        return (parts[0], Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
    }
}
