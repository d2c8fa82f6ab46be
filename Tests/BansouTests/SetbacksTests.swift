import Foundation
import Testing

/// Issue 13: a story may tell what did not work and what was learned (front matter
/// `setbacks`, guidance 3.8 「失敗例も含め」): its own section on the story page, the filter
/// 「つまずきから学ぶ」 on the story list, each item checked at its position.
@Suite(.serialized)
struct SetbacksTests {
    static let setbacks = """
    setbacks:
      - what: 取引先1社はWeb発注に移らなかった
        learned: 取引先の事情を先に聞く。FAXはスキャンで受ける運用を残した
      - what: 最初の月は紙と二重に入力した
        learned: 並行期間を1か月と決めて始める
    """

    @Test func setbacksHaveTheirOwnSectionAndTheStoryListFiltersOnThem() throws {
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/with-setbacks.md": FixtureSite.story(title: "つまずいた事例", extra: Self.setbacks),
            "Content/cases/plain.md": FixtureSite.story(title: "順調な事例", date: "2026-09-01"),
        ])
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")

        let story = try site.read("Output/site/cases/with-setbacks/index.html")
        let section = try #require(story.range(of: "<h2 id=\"setbacks-heading\">つまずきと学び</h2>"))
        let after = String(story[section.upperBound...])
        #expect(after.contains("<span class=\"meta-label\">うまくいかなかったこと</span> 取引先1社はWeb発注に移らなかった"))
        #expect(after.contains("<span class=\"meta-label\">学んだこと</span> 並行期間を1か月と決めて始める"))
        #expect(!(try site.read("Output/site/cases/plain/index.html")).contains("つまずきと学び"))

        // The filter: one option, counted; the index marks only the story that has setbacks.
        let list = try site.read("Output/site/cases/index.html")
        #expect(list.contains("<label for=\"filter-setbacks\">つまずきから学ぶ</label>"))
        #expect(list.contains("<option value=\"yes\">失敗例と学びを載せた事例（1）</option>"))
        let index = try #require(JSONSerialization.jsonObject(with: Data(try site.read("Output/site/cases/index.json").utf8)) as? [String: Any])
        let entries = try #require(index["stories"] as? [[String: Any]])
        let marked = Dictionary(uniqueKeysWithValues: entries.map { ($0["slug"] as? String ?? "", $0["setbacks"] as? Bool ?? false) })
        #expect(marked == ["with-setbacks": true, "plain": false])
        #expect(list.contains("setbacks:yes"))
        // The list script knows the key (the browser test selects it).
        #expect(try site.read("Output/site/assets/filters.js").contains("case \"setbacks\": if (!story.setbacks) return false;"))
    }

    @Test func eachSetbackNeedsBothPartsAndStaysShortErrorsAtTheirPositions() throws {
        let long = String(repeating: "長", count: 121)
        let site = try FixtureSite(files: [
            "Content/clients/.gitkeep": "",
            "Content/cases/bad.md": FixtureSite.story(extra: """
            setbacks:
              - what: "  "
                learned: 学んだ
              - what: うまくいかなかった
                learned: \(long)
              - what: 学びがない
            """),
        ])
        let run = try site.run("check")
        #expect(run.status == 1)
        // Front matter line 1 is `---`; `setbacks:` is line 12 (after the fixture's 10 keys).
        let lines = try site.read("Content/cases/bad.md").components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.contains("- what: \"  \"") }) + 1
        let longLine = try #require(lines.firstIndex { $0.contains("learned: 長") }) + 1
        let missing = try #require(lines.firstIndex { $0.contains("- what: 学びがない") }) + 1
        #expect(run.errorLines.contains("Content/cases/bad.md:\(first):11: error: setbacks: what must not be empty"), "\(run.stderr)")
        #expect(run.errorLines.contains("Content/cases/bad.md:\(longLine):14: error: setbacks: learned is 121 characters; keep each item to 120 or fewer (the story's body can tell more)"), "\(run.stderr)")
        #expect(run.errorLines.contains { $0.hasPrefix("Content/cases/bad.md:\(missing):") && $0.contains("learned") }, "\(run.stderr)")
    }

    @Test func aClientsNameInASetbackIsReplacedByTheAlias() throws {
        let site = try FixtureSite(files: [
            "Content/clients/yamada-seiko.yaml": PublishingGateTests.client,
            "Content/cases/named.md": FixtureSite.story(extra: """
            client: yamada-seiko
            anonymize: auto
            setbacks:
              - what: 山田精工の現場で紙に戻ってしまった
                learned: 現場の声を先に聞く
            """),
        ])
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try site.read("Output/site/cases/named/index.html")
        let section = String(page[try #require(page.range(of: "つまずきと学び")).lowerBound...])
        #expect(section.contains("製造業A社の現場で紙に戻ってしまった"))
        #expect(!page.contains("山田精工"))
    }
}
