@testable import Bansou
import Foundation
import Testing

/// The hand-written view dictionaries must say exactly what Mirror says: a property added
/// to a view and forgotten in its dictionary would silently vanish from the templates.
struct MustacheValueTests {
    static let link = LinkView(name: "製造業", url: "industries/manufacturing/index.html", count: 2)
    static let card = StoryCard(
        slug: "a", url: "cases/a/index.html", title: "題", alias: "A社", date: "2026年1月1日", dateISO: "2026-01-01",
        summary: "要約", industry: link, region: link, size: "21〜50名", stageBefore: 1, stageAfter: 2,
        stageBeforeName: "未着手", stageAfterName: "デジタイゼーション", moved: true, filterData: "industry:x")

    static func same(_ value: Any) -> Bool {
        let fast = MustacheValue.flatten(value, fast: true)
        let mirror = MustacheValue.flatten(value, fast: false)
        return describe(fast) == describe(mirror)
    }

    /// A canonical text of a flattened value: dictionaries with sorted keys, recursively.
    static func describe(_ value: Any?) -> String {
        switch value {
        case let dictionary as [String: Any]:
            return "{" + dictionary.keys.sorted().map { "\($0):\(describe(dictionary[$0]))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + array.map(describe).joined(separator: ",") + "]"
        case let value?:
            return "\(type(of: value))(\(value))"
        case nil:
            return "nil"
        }
    }

    @Test func storyViewsMatchMirror() {
        let card = Self.card
        let bare = StoryCard(slug: "b", url: "u", title: "t", alias: "B社", date: "d", dateISO: "d", summary: nil,
                             industry: Self.link, region: Self.link, size: nil, stageBefore: 2, stageAfter: 2,
                             stageBeforeName: "n", stageAfterName: "n", moved: false, filterData: "")
        let page = StoryPage(
            card: card, bodyHTML: "<p>本文</p>",
            outcomes: [OutcomeRow(label: "時間", before: "120", after: "30", unit: "分", change: "−75%", improved: nil)],
            hasOutcomes: true, areas: [Self.link], institutions: [Self.link],
            partners: [PartnerRow(name: "P", type: "IT", region: nil, strengths: "受発注", description: "説明", url: nil)],
            themes: [Self.link], tools: ["クラウド"], related: [RenderedCard(html: "<article></article>")],
            setbacks: [SetbackRow(what: "移らなかった", learned: "先に聞く")])
        #expect(Self.same(card))
        #expect(Self.same(bare))
        #expect(Self.same(page))
    }

    @Test func pageChromeMatchesMirror() {
        let chrome = Chrome(lang: "ja", siteTitle: "S", siteDescription: "D", title: "T", description: "D", root: "../",
                            canonical: "https://x.example.jp/", nav: [.init(title: "ホーム", url: "index.html", current: true)],
                            publisherName: "P", publisherURL: nil, feedURL: "f", year: 2026, asOf: "2026年11月25日", noindex: false)
        #expect(Self.same(chrome))
        #expect(Self.same(PageContext(chrome: chrome, root: "../", page: Self.card)))
    }

    @Test func absentOptionalsAreLeftOut() {
        let flattened = MustacheValue.flatten(LinkView(name: "n", url: "u")) as? [String: Any]
        #expect(flattened?["name"] as? String == "n")
        let bare = MustacheValue.flatten(PartnerRow(name: "P", type: "T", region: nil, strengths: "", description: nil, url: nil)) as? [String: Any]
        #expect(bare?.keys.sorted() == ["name", "strengths", "type"])
    }
}

struct NumberFormatTests {
    @Test(arguments: [(1200.0, "1,200"), (12.5, "12.5"), (0.04, "0"), (1_234_567, "1,234,567"), (-75, "-75"), (99.96, "100"), (1000.5, "1,000.5")])
    func formatsOutcomeNumbers(value: Double, text: String) {
        #expect(ViewBuilder.number(value) == text)
    }
}
