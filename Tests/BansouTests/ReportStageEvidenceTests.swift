import Bansou
import Foundation
import Testing

/// Issue 13 (guidance 2.2 in reports): the company's report says what companies that reached the
/// next stage gained, from the guidance's own figures, and says nothing where the guidance does
/// not place a figure (stages 1 and 2) or there is no next stage.
@Suite("Report: the next stage's evidence")
struct ReportStageEvidenceTests {
    static func client(_ id: String, level: Int) -> String {
        """
        id: \(id)
        name: 株式会社\(id)商事
        industry: manufacturing
        prefecture: 愛知県
        assessed: 2026-04-01
        areas: { ordering: \(level), attendance: \(level), accounting: \(level) }
        """
    }

    @Test func theNextStagesFiguresFromGuidance22() throws {
        let site = try FixtureSite(files: [
            "Content/clients/one.yaml": Self.client("one", level: 1),
            "Content/clients/two.yaml": Self.client("two", level: 2),
            "Content/clients/three.yaml": Self.client("three", level: 3),
            "Content/clients/four.yaml": Self.client("four", level: 4),
        ])
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        func report(_ id: String) throws -> String { try site.read("Output/reports/\(id)/index.html") }
        #expect(try report("two").contains("段階3（デジタライゼーション）に進んだ中小企業では、労働生産性の変化 +262千円/人・売上高の変化 +2.8%（中央値）という調査結果があります（「DX支援ガイダンス」2.2"))
        #expect(try report("three").contains("段階4（DX）に進んだ中小企業では、労働生産性の変化 +824千円/人・売上高の変化 +13.8%（中央値）という調査結果があります（「DX支援ガイダンス」2.2"))
        // Stage 2's figures are not placed by the guidance's extraction; stage 4 has no next stage.
        #expect(!(try report("one")).contains("次の段階へ："))
        #expect(!(try report("four")).contains("次の段階へ："))
        #expect(try report("two").contains("次の段階へ："))
        // The stage diagram's shares are a survey of 中小企業 (2.2), not of every company in Japan.
        #expect(try report("two").contains("調査で45.9%") && !(try report("two")).contains("全国の45.9%"))
    }
}
