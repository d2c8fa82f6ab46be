@testable import Bansou
import Foundation
import Testing

/// Issue 13: the bundled sample reads like a real region's year, not a brochure: modest
/// results beside the big ones, few stories reaching stage 4 (4.6% of SMEs in the guidance's
/// survey), costs in yen, subsidies described as they work, and stories that admit setbacks.
@Suite(.serialized)
struct SampleRealismTests {
    static func publishedStories() throws -> [CaseStudy] {
        let log = DiagnosticLog()
        let loader = ContentLoader(contentDirectory: FixtureSite.packageRoot.appendingPathComponent("Content"), displayPrefix: "Content")
        let content = loader.load(log: log)
        return content.cases.filter { !$0.isDraft }
    }

    @Test func fewerThanHalfTheOutcomesChangeByHalfOrMore() throws {
        let outcomes = try Self.publishedStories().flatMap { $0.meta.outcomes ?? [] }
        let big = outcomes.filter { ($0.changePercent.map(abs) ?? 0) >= 50 }
        #expect(outcomes.count >= 30)
        #expect(Double(big.count) / Double(outcomes.count) < 0.4, "\(big.count) of \(outcomes.count) change by 50% or more")
        // …and some stay small.
        #expect(outcomes.filter { ($0.changePercent.map(abs) ?? 100) < 30 }.count >= 8)
    }

    @Test func atMostTwoStoriesReachStageFourAndNoneJumpsThreeStages() throws {
        let stories = try Self.publishedStories()
        #expect(stories.filter { $0.meta.stageAfter.value == 4 }.count <= 2)
        #expect(!stories.contains { $0.meta.stageAfter.value - $0.meta.stageBefore.value >= 3 })
    }

    @Test func atLeastThreeStoriesTellTheirSetbacks() throws {
        let stories = try Self.publishedStories()
        #expect(stories.filter { !($0.meta.setbacks ?? []).isEmpty }.count >= 3)
    }

    @Test func storiesStateInvestmentAndMonthlyCostInYen() throws {
        let stories = try Self.publishedStories()
        let withCosts = stories.filter { $0.body.contains("月額") && $0.body.range(of: "約[0-9０-９,千万]+円", options: .regularExpression) != nil }
        #expect(withCosts.count >= 8, "\(withCosts.map(\.slug))")
    }

    /// An IT導入補助金 application is made jointly with the registered IT導入支援事業者, never by
    /// the bank for the company: every paragraph that names it says so.
    @Test func itSubsidyIsDescribedAsAJointApplicationWithTheRegisteredVendor() throws {
        let content = try FileManager.default.contentsOfDirectory(atPath: FixtureSite.packageRoot.appendingPathComponent("Content/cases").path)
        var mentions = 0
        for name in content where name.hasSuffix(".md") {
            let text = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Content/cases/\(name)"), encoding: .utf8)
            for paragraph in text.components(separatedBy: "\n") where paragraph.contains("IT導入補助金") {
                mentions += 1
                #expect(paragraph.contains("IT導入支援事業者") && paragraph.contains("共同で申請"), "\(name): \(paragraph)")
                #expect(!paragraph.contains("申請書類の準備を当室が支援"), "\(name)")
            }
        }
        #expect(mentions >= 1)
    }
}
