import Foundation
import Testing
@testable import Bansou

/// Issue 12: the fallback index weights each token by field (title > headings > body) and
/// frequency, keeps each page's text in a file of its own for the snippet, and Pagefind reads
/// full-width letters folded as bansou's index does.
@Suite struct SearchRankingTests {
    static func page(title: String, body: String) -> OutputFile {
        OutputFile(path: "site/guidance/x/index.html",
                   text: "<html><head><title>\(title) | ポータル</title></head><body><header><h1>サイト</h1></header><main data-pagefind-body>\(body)</main></body></html>")
    }

    @Test func headingsAreReadApartFromTheBody() throws {
        let file = Self.page(title: "題", body: "<h2 id=\"a\">受発注</h2><p>本文の在庫</p><hr><h3>在庫 &amp; 出荷</h3><header>ヘッダー</header>")
        let fields = try #require(SearchTextExtractor.fields(of: file.contents))
        #expect(fields.headings == "受発注 在庫 & 出荷")
        #expect(fields.text == "受発注 本文の在庫 在庫 & 出荷 ヘッダー")
    }

    @Test func aTokenWeighsByFieldThenByFrequency() throws {
        let page = FallbackSearchIndex.Page(title: "受発注の改善", url: "a.html", text: "受発注 在庫 在庫 在庫 fax Fax", headings: "在庫")
        let tokens = FallbackSearchIndex.weightedTokens(page)
        func weight(_ token: String) -> Int32? {
            if let k = tokens.words.firstIndex(of: token) { return tokens.wordWeights[k] }
            let scalars = Array(token.unicodeScalars)
            let key = UInt64(scalars[0].value) << 32 | (scalars.count > 1 ? UInt64(scalars[1].value) : 0)
            return tokens.pairs.firstIndex(of: key).map { tokens.pairWeights[$0] }
        }
        #expect(weight("受発") == Int32(10_001))   // title once, body once
        #expect(weight("在庫") == Int32(103))      // a heading once, the body three times
        #expect(weight("fax") == 2)                         // two in the body, folded to lower case
        #expect(weight("改善") == 10_000)                    // title only
        #expect(SearchWeight.of(title: 1, headings: 0, body: 0) > SearchWeight.of(title: 0, headings: 99, body: 99))
        #expect(SearchWeight.of(title: 0, headings: 1, body: 0) > SearchWeight.of(title: 0, headings: 0, body: 99))
        #expect(SearchWeight.of(title: 0, headings: 0, body: 500) == 99)
    }

    @Test func theIndexPublishesAWeightForEveryPosting() throws {
        let files = [Self.page(title: "受発注", body: "<h2>受発注</h2>受発注"),
                     OutputFile(path: "site/cases/b/index.html", text: "<title>B</title><main data-pagefind-body>受発注の話</main>")]
        let out = FallbackSearchIndex.files(from: files)
        let index = String(decoding: try #require(out.first { $0.path == FallbackSearchIndex.path }).contents, as: UTF8.self)
        // Pages in path order: cases/b (body once), then guidance/x (title, a heading, the body twice).
        #expect(index.contains("\"tokens\":{\"の話\":[0],\"受発\":[0,1],"))
        // の話 weighs 1 wherever it is: no list.
        #expect(index.contains("\"weights\":{\"受発\":[1,10102],\"発注\":[1,10102]}"))
        // Each page's text in a script of its own, under its URL, for the snippet.
        let text = try #require(out.first { $0.path == "site/search/text/cases/b/index.js" })
        #expect(String(decoding: text.contents, as: UTF8.self)
            == "(window.BANSOU_SEARCH_TEXT = window.BANSOU_SEARCH_TEXT || {})[\"cases/b/index.html\"] = \"受発注の話\";\n")
        #expect(text.sources == files[1].sources)
    }

    @Test func pagefindReadsFullWidthLettersFolded() {
        let html = Data("<p>ＦＡＸと ｶﾙﾃ、（括弧）と「かぎ」、１２３</p>".utf8)
        #expect(String(decoding: PagefindIndexer.foldedForSearch(html), as: UTF8.self) == "<p>FAXと カルテ、（括弧）と「かぎ」、123</p>")
        let plain = Data("<p>FAX</p>".utf8)
        #expect(PagefindIndexer.foldedForSearch(plain) == plain)
    }
}
