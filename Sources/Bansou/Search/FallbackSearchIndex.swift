import Foundation

/// bansou's own small search index, for when Pagefind is not installed and for file://
/// (Pagefind's script needs a web server). Built from the rendered public HTML, so it holds
/// exactly the text the publishing scan sees: the part of each page marked
/// `data-pagefind-body`, without the parts marked `data-pagefind-ignore`
/// (`SearchTextExtractor`).
///
/// Written as `site/search/index.js`, a script that sets `window.BANSOU_SEARCH_INDEX`
/// (a <script src> loads from disk where fetch() cannot):
/// `{ "pages": [{"t": title, "u": root-relative URL}],
///    "tokens": {"token": [page numbers, delta-encoded]},
///    "weights": {"token": [the token's SearchWeight on each of those pages]} }`
/// (a token whose weight is 1 on every page has no weights entry).
/// Tokens are SearchTokenizer's: Japanese bigrams and lower-case English words.
///
/// Each page's text is a script of its own, `site/search/text/<page path>.js`, loaded only for
/// the results shown: the snippet is cut around the first match, which needs the whole text,
/// and a 10,000-story site's texts in the index would make every search load all of them.
enum FallbackSearchIndex {
    static let path = "site/search/index.js"
    static let textFolder = "site/search/text/"

    struct Page {
        let title: String
        let url: String
        let text: String
        var headings = ""
    }

    /// One page as the index holds it (nil: a page without searchable text).
    typealias IndexedPage = (entry: [UInt8], tokens: SearchTokenizer.PageTokens, sources: [String], text: OutputFile)?

    static func files(from files: [OutputFile]) -> [OutputFile] {
        Self.files(from: files, reusing: { _ in nil }).files
    }

    /// `files(from:)`, taking a page from `reusing` when it gives one (a BuildMemo's, for a page
    /// whose bytes are unchanged); also returns every page as indexed, by path.
    static func files(from files: [OutputFile], reusing: (OutputFile) -> IndexedPage?) -> (files: [OutputFile], pages: [String: IndexedPage]) {
        let html = files.filter { $0.path.hasPrefix("site/") && $0.path.hasSuffix(".html") }.sorted { $0.path < $1.path }
        // Each page is read and tokenised on its own core; its snippet is made there too.
        let indexed = parallelMap(html) { file -> IndexedPage in
            if let kept = reusing(file) { return kept }
            guard let page = extract(file) else { return nil }
            return (entry(page), weightedTokens(page), file.sources, textFile(page, sources: file.sources))
        }
        let pages = indexed.compactMap { $0 }
        let index = OutputFile(path: path, contents: script(entries: pages.map(\.entry), tokens: pages.map(\.tokens)),
                               sources: Array(Set(pages.flatMap(\.sources))).sorted())
        return ([index] + pages.map(\.text), Dictionary(zip(html.map(\.path), indexed), uniquingKeysWith: { _, last in last }))
    }

    /// The searchable text of a page, or nil when the page has no `data-pagefind-body`.
    static func extract(_ file: OutputFile) -> Page? {
        SearchTextExtractor.fields(of: file.contents).map {
            Page(title: $0.title, url: String(file.path.dropFirst("site/".count)), text: $0.text, headings: $0.headings)
        }
    }

    /// A page's `{"t":…,"u":…}`.
    static func entry(_ p: Page) -> [UInt8] {
        Array("{\"t\":\(json(p.title)),\"u\":\(json(p.url))}".utf8)
    }

    /// The page's text for search.js's snippet: a script that adds it to `window.BANSOU_SEARCH_TEXT`
    /// under the page's URL.
    static func textFile(_ p: Page, sources: [String]) -> OutputFile {
        let name = p.url.hasSuffix(".html") ? String(p.url.dropLast(".html".count)) : p.url
        return OutputFile(path: textFolder + name + ".js",
                          text: "(window.BANSOU_SEARCH_TEXT = window.BANSOU_SEARCH_TEXT || {})[\(json(p.url))] = \(json(p.text));\n",
                          sources: sources)
    }

    /// The page's tokens, each weighted by where and how often it occurs (SearchWeight).
    static func weightedTokens(_ p: Page) -> SearchTokenizer.PageTokens {
        var title = SearchTokenizer.Collector(), headings = SearchTokenizer.Collector(), body = SearchTokenizer.Collector()
        title.add(p.title)
        headings.add(p.headings)
        body.add(p.text)
        let inBody = body.counted, inTitle = title.counted
        var out = SearchTokenizer.PageTokens(pairs: [], words: [])
        for (key, count) in inBody.pairs {
            out.pairs.append(key)
            out.pairWeights.append(SearchWeight.of(title: title.count(ofPair: key), headings: headings.count(ofPair: key), body: count))
        }
        for (key, count) in inTitle.pairs where body.count(ofPair: key) == 0 {
            out.pairs.append(key)
            out.pairWeights.append(SearchWeight.of(title: count, headings: 0, body: 0))
        }
        for (word, count) in inBody.words {
            out.words.append(word)
            out.wordWeights.append(SearchWeight.of(title: title.count(ofWord: word), headings: headings.count(ofWord: word), body: count))
        }
        for (word, count) in inTitle.words where body.count(ofWord: word) == 0 {
            out.words.append(word)
            out.wordWeights.append(SearchWeight.of(title: count, headings: 0, body: 0))
        }
        return out
    }

    /// The whole script. Postings are gathered page by page in page order, so every list comes
    /// out sorted; tokens are published in the order of their text (deterministic).
    static func script(entries: [[UInt8]], tokens: [SearchTokenizer.PageTokens]) -> Data {
        var pairIDs = ScalarPairTable(capacity: 1 << 14)
        var wordIDs: [String: Int32] = [:]
        var lists: [[Int32]] = [], weights: [[Int32]] = []
        var published: [(token: String, list: Int32)] = []
        for (number, page) in tokens.enumerated() {
            for (k, key) in page.pairs.enumerated() {
                let (id, inserted) = pairIDs.value(for: key) { Int32(lists.count) }
                if inserted {
                    lists.append([])
                    weights.append([])
                    published.append((SearchTokenizer.string(ofPair: key), id))
                }
                lists[Int(id)].append(Int32(number))
                weights[Int(id)].append(k < page.pairWeights.count ? page.pairWeights[k] : 1)
            }
            for (k, word) in page.words.enumerated() {
                let weight = k < page.wordWeights.count ? page.wordWeights[k] : 1
                if let id = wordIDs[word] {
                    lists[Int(id)].append(Int32(number))
                    weights[Int(id)].append(weight)
                } else {
                    let id = Int32(lists.count)
                    wordIDs[word] = id
                    lists.append([Int32(number)])
                    weights.append([weight])
                    published.append((word, id))
                }
            }
        }
        // By text as before; が and か + U+3099 are equal to String's `<` (canonically
        // equivalent), so their bytes decide, or the order would vary from run to run.
        published.sort { a, b in a.token < b.token || (!(b.token < a.token) && a.token.utf8.lexicographicallyPrecedes(b.token.utf8)) }

        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + $1.count + 2 } + lists.reduce(0) { $0 + $1.count * 4 } + published.count * 16 + 64)
        out += "window.BANSOU_SEARCH_INDEX = {\"pages\":[".utf8
        for (n, entry) in entries.enumerated() {
            if n > 0 { out += ",\n".utf8 }
            out += entry
        }
        out += "],\n\"tokens\":{".utf8
        for (n, item) in published.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out += json(item.token).utf8
            out += ":[".utf8
            var previous: Int32 = 0
            for (k, page) in lists[Int(item.list)].enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendDecimal(page - previous, to: &out)
                previous = page
            }
            out.append(UInt8(ascii: "]"))
        }
        // A token found once in the body of every page it is on (weight 1 everywhere; two tokens
        // in three on the sample) has no list: search.js takes a missing weight as 1.
        out += "},\n\"weights\":{".utf8
        var first = true
        for item in published where weights[Int(item.list)].contains(where: { $0 != 1 }) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out += json(item.token).utf8
            out += ":[".utf8
            for (k, weight) in weights[Int(item.list)].enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendDecimal(weight, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += "}};\n".utf8
        return Data(out)
    }

    /// A non-negative number in ASCII digits, without a String.
    private static func appendDecimal(_ value: Int32, to out: inout [UInt8]) {
        if value < 10 { out.append(0x30 + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0, v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 { buffer[count] = 0x30 + UInt8(v % 10); v /= 10; count += 1 }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    static func json(_ text: String) -> String { JSONString.literal(text) }
}

/// A token's weight on a page, one number that orders pages by field first (a title's
/// occurrences above the headings', the headings' above the body's) and then by how often the
/// token occurs there: each count capped at 99, title ×10,000, headings ×100, body ×1.
/// search.js adds the weights of the query's tokens to rank its results.
enum SearchWeight {
    static func of(title: Int32, headings: Int32, body: Int32) -> Int32 {
        min(title, 99) * 10_000 + min(headings, 99) * 100 + min(body, 99)
    }
}
