@testable import Bansou
import Testing

/// cmark-gfm through the system library: extensions on, raw HTML off by default.
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMTables() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
    }

    @Test func rendersStrikethroughAndTaskLists() {
        let html = renderer.render("~~紙~~\n\n- [x] 済み\n- [ ] 未了\n")
        #expect(html.contains("<del>紙</del>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func safeModeDropsRawHTML() {
        let html = renderer.render("<script>alert(1)</script>\n\n本文 <b onclick=\"x\">太字</b>\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("onclick"))
    }

    @Test func autolinkStopsAtJapaneseText() {
        let html = renderer.render("詳しくは https://example.jp/dx。次の段落です。\n")
        #expect(html.contains("<a href=\"https://example.jp/dx\">https://example.jp/dx</a>。次の段落です。"))
    }

    @Test func autolinkStopsAtJapaneseForWWWLinks() {
        let html = renderer.render("www.example.jp、または窓口へ。\n")
        #expect(html.contains("<a href=\"http://www.example.jp\">www.example.jp</a>、または窓口へ。"))
    }

    @Test func explicitLinksAreUntouched() {
        let html = renderer.render("[案内](https://example.jp/案内)\n")
        #expect(html.contains("<a href=\"https://example.jp/%E6%A1%88%E5%86%85\">案内</a>"))
    }

    @Test func unsafeModePassesHTMLWhenTheSiteOptsIn() {
        let html = MarkdownRenderer(unsafeHTML: true).render("<div class=\"note\">注</div>\n")
        #expect(html.contains("<div class=\"note\">注</div>"))
    }
}
