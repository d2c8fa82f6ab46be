@testable import Bansou
import Foundation
import Testing

/// Every input a fuzz target (Fuzz/, docs/design.md "Fuzzing") crashed on, run through the same
/// function in a normal test. The input is also in Fuzz/Corpus/<target>/ so the fuzzer starts from it.
struct FuzzRegressionTests {
    /// FuzzMarkdown, Fuzz/Corpus/FuzzMarkdown/autolink-combining-mark: a bare URL whose first
    /// non-ASCII scalar is a combining mark (U+06D9 after `/`). AutolinkBoundary cut the link text
    /// by scalars but the URL by Characters, and the mark joins the `/` into one Character, so the
    /// href lost its last ASCII character: `<a href="http:/">http://</a>`.
    @Test func autolinkBeforeACombiningMarkKeepsItsWholeURL() {
        let html = MarkdownRenderer().render("0http://\u{4D9}\n0http://\u{6D9}")
        #expect(html.contains("<a href=\"http://\">http://</a>\u{6D9}"))
        let story = MarkdownRenderer().render("資料は https://example.jp/a\u{301} にあります。\n")
        #expect(story.contains("<a href=\"https://example.jp/a\">https://example.jp/a</a>\u{301}"))
    }
}
