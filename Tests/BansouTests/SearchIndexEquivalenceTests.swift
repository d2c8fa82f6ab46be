import Foundation
import Testing
@testable import Bansou

/// The fallback search index is built from bytes and scalar values now (speed); these tests
/// hold it to the index the String-based builder made, byte for byte, on pages written to
/// reach every branch of the extractor and the tokenizer. `ReferenceSearchIndex` below is
/// that builder as it was, kept only as the yardstick.
@Suite struct SearchIndexEquivalenceTests {
    /// Pages with what the templates and story bodies can put in a page's searchable part.
    static func pages() -> [OutputFile] {
        let bodies = [
            "受発注をクラウドへ移行し、ＤＸ推進（第１段階）を達成。Cloud ERP を導入しました。",
            "ヴァイオリン工房の「在庫」管理。ｶﾀｶﾅ半角、ゝゞヽヾ、〆々〇、①②③、㈱山田、ﬁle、Ⅻ、ℌ。",
            "Emoji 🎉 と combining e\u{301} と İstanbul ß ẞ Ω Å, tab\tand\nnewline  spaces　全角空白。",
            "&lt;b&gt; &amp; &quot;quoted&quot; &#39;apos&#x27; a&nbsp;b &copy; &unknown; &amp &#12354; &;",
            "<SCRIPT>var x = '<script>inner</script>' ;</SCRIPT>見える<style>.a{}</style>テキスト<svg><svg>入れ子</svg>図</svg>後",
            "<section class=\"x\" data-pagefind-ignore><section>内側</section>隠す</section>残る<aside data-pagefind-ignore>脇</aside>本文<aside>見える脇</aside>",
            "<section>無視されない</section><sections>名前が違う</sections><svgx>svgではない</svgx><!-- コメント --> <br/>改行",
            "x a ab ABC abc123 Ｘ１２ 1 12 ２０２６年 R&amp;D 3.14 e-mail@example.jp",
            "長い本文" + String(repeating: "あいうえおかきくけこ、さしすせそ。", count: 12),
            "",
            "<script>閉じないスクリプト",
        ]
        let titles = ["受発注をクラウドへ | テストポータル", "A &amp; B &lt;社&gt; | x | テストポータル", "題名だけ", "&#39;引用&#39;"]
        var files: [OutputFile] = []
        for (n, body) in bodies.enumerated() {
            let title = titles[n % titles.count]
            let marker = n % 3 == 0 ? "<main id=\"main\" data-pagefind-body>" : "<main id=\"main\"><article class=\"story\" data-pagefind-body>"
            let html = "<!doctype html><html><head><title>\(title)</title></head><body>\(marker)\n  <h1>見出し\(n)</h1>\n\(body)\n</article></main><footer>フッター</footer></body></html>"
            files.append(OutputFile(path: "site/cases/s\(n)/index.html", text: html, sources: ["Content/cases/s\(n).md"]))
        }
        files.append(OutputFile(path: "site/index.html", text: "<html><title>ホーム</title><main>索引しない</main></html>"))
        files.append(OutputFile(path: "site/no-main.html", text: "<title>T</title><div data-pagefind-body>終わりのないページ"))
        files.append(OutputFile(path: "site/feed.xml", text: "<feed data-pagefind-body>xml</feed>"))
        return files
    }

    /// The index as JSON: the script's object without `window.BANSOU_SEARCH_INDEX = ` and `;`.
    static func json(_ file: OutputFile) throws -> [String: Any] {
        let text = String(decoding: file.contents, as: UTF8.self)
        let body = text.dropFirst("window.BANSOU_SEARCH_INDEX = ".count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    /// The same pages (title, URL) and the same postings, token by token, as the String-based
    /// builder (issue 12 added weights and moved the snippet text to a file per page; the token
    /// lists are unchanged, and so, byte for byte, is the "tokens" part of the script).
    @Test func indexHoldsTheStringBasedBuildersTokensAndPages() throws {
        let files = Self.pages()
        let new = try #require(FallbackSearchIndex.files(from: files).first)
        let old = try #require(ReferenceSearchIndex.files(from: files).first)
        #expect(new.path == old.path)
        #expect(new.sources == old.sources)
        let newJSON = try Self.json(new), oldJSON = try Self.json(old)
        let newPages = try #require(newJSON["pages"] as? [[String: String]]), oldPages = try #require(oldJSON["pages"] as? [[String: String]])
        #expect(newPages.map { [$0["t"], $0["u"]] } == oldPages.map { [$0["t"], $0["u"]] })
        #expect(newJSON["tokens"] as? [String: [Int]] == oldJSON["tokens"] as? [String: [Int]])
        func tokensPart(_ file: OutputFile) -> String {
            let text = String(decoding: file.contents, as: UTF8.self)
            guard let start = text.range(of: "\"tokens\":{"), let end = text.range(of: "}", range: start.upperBound..<text.endIndex) else { return "" }
            return String(text[start.lowerBound..<end.upperBound])
        }
        #expect(tokensPart(new) == tokensPart(old))
        // A token has one weight per page it is on, or none when every weight is 1.
        let tokens = try #require(newJSON["tokens"] as? [String: [Int]]), weights = try #require(newJSON["weights"] as? [String: [Int]])
        #expect(Set(weights.keys).isSubset(of: Set(tokens.keys)) && !weights.isEmpty)
        for (token, list) in weights { #expect(list.count == tokens[token]?.count && list.contains { $0 != 1 }, "\(token)") }
    }

    /// が and か + U+3099 are one string to Swift's `<` and `==` (canonically equivalent) but
    /// two tokens: the old builder left their order to a dictionary's seed; now the bytes decide.
    @Test func canonicallyEquivalentTokensAreOrderedByTheirBytes() throws {
        // Each spelling on its own page, in both page orders: the order tokens are first met in must not decide.
        // (Indices, not `==`: Swift's String compares the two spellings equal.)
        let spellings = ["が", "か\u{3099}"]
        for (first, second) in [(spellings[0], spellings[1]), (spellings[1], spellings[0])] {
            let pages = [OutputFile(path: "site/a.html", text: "<title>t</title><main data-pagefind-body>\(first)</main>"),
                         OutputFile(path: "site/b.html", text: "<title>t</title><main data-pagefind-body>\(second)</main>")]
            let index = [UInt8](try #require(FallbackSearchIndex.files(from: pages).first).contents)
            // Byte offsets: String searches treat the two spellings as one.
            func offset(_ key: String) -> Int? {
                let needle = Array(key.utf8)
                return index.indices.first { index[$0...].starts(with: needle) }
            }
            let composed = try #require(offset("\"が\":"))
            let decomposed = try #require(offset("\"か\u{3099}\":"))
            #expect(decomposed < composed, "か (E3 81 8B) sorts before が (E3 81 8C), \(first) first")
        }
    }

    @Test func tokensMatchTheStringBasedTokenizerScalarByScalar() {
        // Every scalar of the tables' ranges and a sample beyond them, alone and between kana.
        var scalars: [Unicode.Scalar] = []
        for range in SearchFolding.Table.ranges { scalars += range.compactMap(Unicode.Scalar.init) }
        scalars += stride(from: 0x100, to: 0x3400, by: 7).compactMap(Unicode.Scalar.init)
        scalars += stride(from: 0xF900, to: 0x1_0000, by: 3).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "あ\(scalar)い", "ab\(scalar)cd"] {
                let new = Set(SearchTokenizer.tokens(text).map(\.string))
                let old = Set(ReferenceSearchTokenizer.tokens(text).map(\.string))
                #expect(new == old, "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(text)")
            }
        }
    }
}

// MARK: - The builder as it was before the byte-level rewrite (the yardstick, not used by bansou)


/// bansou's own small search index, for when Pagefind is not installed and for file://
/// (Pagefind's script needs a web server). Built from the rendered public HTML, so it holds
/// exactly the text the publishing scan sees: the part of each page marked
/// `data-pagefind-body`, without the parts marked `data-pagefind-ignore`.
///
/// Written as `site/search/index.js`, a script that sets `window.BANSOU_SEARCH_INDEX`
/// (a <script src> loads from disk where fetch() cannot):
/// `{ "pages": [{"t": title, "u": root-relative URL, "s": snippet}],
///    "tokens": {"token": [page numbers, delta-encoded]} }`.
/// Tokens are ReferenceSearchTokenizer's: Japanese bigrams and lower-case English words.
enum ReferenceSearchIndex {
    static let path = "site/search/index.js"
    static let snippetLength = 110

    struct Page {
        let title: String
        let url: String
        let text: String
    }

    static func files(from files: [OutputFile]) -> [OutputFile] {
        let html = files.filter { $0.path.hasPrefix("site/") && $0.path.hasSuffix(".html") }.sorted { $0.path < $1.path }
        let pages = parallelMap(html) { file -> (Page, [String], Set<ReferenceSearchTokenizer.Token>)? in
            extract(file).map { ($0, file.sources, ReferenceSearchTokenizer.tokens($0.title + " " + $0.text)) }
        }.compactMap { $0 }
        return [OutputFile(path: path, text: script(pages.map(\.0), tokens: pages.map(\.2)), sources: Array(Set(pages.flatMap(\.1))).sorted())]
    }

    static func script(_ pages: [Page], tokens: [Set<ReferenceSearchTokenizer.Token>]) -> String {
        // The postings are built in shards on every core (10⁷ insertions on 10,000 stories),
        // each token in one shard by a cheap key, then sorted by token text: deterministic.
        let shardCount = 8
        let shards = parallelMap(Array(0..<shardCount)) { shard -> [(token: String, list: String)] in
            var byToken: [ReferenceSearchTokenizer.Token: [Int]] = [:]
            for (number, set) in tokens.enumerated() {
                for token in set where token.shard(of: shardCount) == shard { byToken[token, default: []].append(number) }
            }
            return byToken.map { token, numbers in
                var previous = 0
                let deltas = numbers.map { n -> String in defer { previous = n }; return String(n - previous) }
                return (token.string, deltas.joined(separator: ","))
            }
        }
        let postings = shards.joined().sorted { $0.token < $1.token }
        let pageText = parallelMap(pages) { p -> String in
            let snippet = p.text.count > snippetLength ? String(p.text.prefix(snippetLength)) + "…" : p.text
            return "{\"t\":\(json(p.title)),\"u\":\(json(p.url)),\"s\":\(json(snippet))}"
        }
        return "window.BANSOU_SEARCH_INDEX = {\"pages\":[" + pageText.joined(separator: ",\n") + "],\n\"tokens\":{"
            + postings.map { "\(json($0.token)):[\($0.list)]" }.joined(separator: ",") + "}};\n"
    }

    static func json(_ text: String) -> String { JSONString.literal(text) }

    // MARK: Reading the rendered HTML

    /// The searchable text of a page, or nil when the page has no `data-pagefind-body`.
    /// A small byte scanner (Foundation's regular expressions cost half the render stage on
    /// 10,000 stories): text from the marked element to </main>, without tags, without
    /// script/style/svg, and without <section>/<aside> elements marked `data-pagefind-ignore`.
    static func extract(_ file: OutputFile) -> Page? {
        let bytes = [UInt8](file.contents)
        guard let marker = find(Array("data-pagefind-body".utf8), in: bytes, from: 0),
              let open = bytes[marker...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let end = find(Array("</main>".utf8), in: bytes, from: open) ?? bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(end - open)
        var i = open + 1
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                guard let close = bytes[i..<end].firstIndex(of: UInt8(ascii: ">")) else { break }
                let name = tagName(bytes, from: i + 1, to: close)
                let tag = bytes[i...close]
                if ["script", "style", "svg"].contains(name) {
                    i = skipElement(name, in: bytes, after: close, end: end)
                } else if (name == "section" || name == "aside"), find(Array("data-pagefind-ignore".utf8), in: Array(tag), from: 0) != nil {
                    i = skipElement(name, in: bytes, after: close, end: end)
                } else {
                    i = close + 1
                }
                pendingSpace = !out.isEmpty
                continue
            }
            if byte == UInt8(ascii: "&"), let semi = bytes[i..<min(end, i + 8)].firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
                let decoded: String? = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "#x27": "'", "nbsp": " "][entity]
                if let decoded {
                    for b in decoded.utf8 { emit(b) }
                    i = semi + 1
                    continue
                }
            }
            emit(byte)
            i += 1
        }
        var title = ""
        if let t = find(Array("<title>".utf8), in: bytes, from: 0), let e = find(Array("</title>".utf8), in: bytes, from: t) {
            title = unescape(String(decoding: bytes[(t + 7)..<e], as: UTF8.self))
            if let bar = title.range(of: " | ", options: .backwards) { title = String(title[..<bar.lowerBound]) }
        }
        return Page(title: title, url: String(file.path.dropFirst("site/".count)), text: String(decoding: out, as: UTF8.self))
    }

    private static func tagName(_ bytes: [UInt8], from: Int, to: Int) -> String {
        var j = from
        while j < to, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
        return String(decoding: bytes[from..<j], as: UTF8.self).lowercased()
    }

    /// The index after the element's closing tag, counting nested elements of the same name.
    private static func skipElement(_ name: String, in bytes: [UInt8], after open: Int, end: Int) -> Int {
        let opening = Array("<\(name)".utf8), closing = Array("</\(name)>".utf8)
        var depth = 1, j = open + 1
        while j < end, depth > 0 {
            guard let next = find(closing, in: bytes, from: j) else { return end }
            var k = j
            while let o = find(opening, in: bytes, from: k), o < next {
                let after = o + opening.count
                if after < bytes.count, bytes[after] == 0x20 || bytes[after] == UInt8(ascii: ">") { depth += 1 }
                k = after
            }
            depth -= 1
            j = next + closing.count
        }
        return min(j, end)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The fallback search's tokens, the same rules as Templates/assets/search.js:
/// NFKC and lower case; ASCII letters and digits form words (2 characters or more);
/// a run of kanji, kana or the long-vowel mark becomes its bigrams (a run of one, the
/// character itself), since Japanese has no spaces between words.
enum ReferenceSearchTokenizer {
    /// A token without a String allocation for the common case (a Japanese bigram): a
    /// 10,000-story site has some 15 million of them, and making each a String cost seconds.
    enum Token: Hashable {
        case word(String)
        case scalars(UInt32, UInt32)   // a bigram, or a single character with 0 as its second

        /// A cheap, stable key spreading tokens over `count` shards.
        func shard(of count: Int) -> Int {
            switch self {
            case .word(let word): return Int(word.utf8.first ?? 0) % count
            case .scalars(let a, let b): return Int((a &+ b) % UInt32(count))
            }
        }

        var string: String {
            switch self {
            case .word(let word): return word
            case .scalars(let a, let b):
                var view = String.UnicodeScalarView()
                if let first = Unicode.Scalar(a) { view.append(first) }
                if b != 0, let second = Unicode.Scalar(b) { view.append(second) }
                return String(view)
            }
        }
    }

    static func tokens(_ text: String) -> Set<Token> {
        var out = Set<Token>()
        let normalized = normalize(text)
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if word.count >= 2 { out.insert(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        func flushRun() {
            if run.count == 1 { out.insert(.scalars(run[0].value, 0)) }
            if run.count >= 2 {
                for i in 0..<(run.count - 1) { out.insert(.scalars(run[i].value, run[i + 1].value)) }
            }
            run.removeAll(keepingCapacity: true)
        }
        for ch in normalized.unicodeScalars {
            if ch.isASCII, (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
                flushRun()
                word.append(ch)
            } else if isJapanese(ch) {
                flushWord()
                run.append(ch)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
        return out
    }

    /// NFKC and lower case, scalar by scalar: kana, kanji and ASCII pass through (lower-cased)
    /// and only other scalars (full-width forms, compatibility characters) go through
    /// Foundation, which was most of the index's cost when applied to whole pages. A kana
    /// written with a separate combining voicing mark is the one case this keeps apart.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
            } else if (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || v == 0x30FC || (0x4E00...0x9FFF).contains(v) {
                out.append(scalar)
            } else {
                out.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005, 0x3006:
            return true
        default:
            return false
        }
    }
}
