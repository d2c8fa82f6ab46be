import Foundation

/// bansou's own small search index, for when Pagefind is not installed and for file://
/// (Pagefind's script needs a web server). Built from the rendered public HTML, so it holds
/// exactly the text the publishing scan sees: the part of each page marked
/// `data-pagefind-body`, without the parts marked `data-pagefind-ignore`
/// (`SearchTextExtractor`).
///
/// Written as `site/search/index.js`, a script that sets `window.BANSOU_SEARCH_INDEX`
/// (a <script src> loads from disk where fetch() cannot):
/// `{ "pages": [{"t": title, "u": root-relative URL, "s": snippet}],
///    "tokens": {"token": [page numbers, delta-encoded]} }`.
/// Tokens are SearchTokenizer's: Japanese bigrams and lower-case English words.
enum FallbackSearchIndex {
    static let path = "site/search/index.js"
    static let snippetLength = 110

    struct Page {
        let title: String
        let url: String
        let text: String
    }

    /// One page as the index holds it (nil: a page without searchable text).
    typealias IndexedPage = (entry: [UInt8], tokens: SearchTokenizer.PageTokens, sources: [String])?

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
            var collector = SearchTokenizer.Collector()
            collector.add(page.title)
            collector.add(page.text)
            return (entry(page), collector.finish(), file.sources)
        }
        let pages = indexed.compactMap { $0 }
        let index = OutputFile(path: path, contents: script(entries: pages.map(\.entry), tokens: pages.map(\.tokens)),
                               sources: Array(Set(pages.flatMap(\.sources))).sorted())
        return ([index], Dictionary(zip(html.map(\.path), indexed), uniquingKeysWith: { _, last in last }))
    }

    /// The searchable text of a page, or nil when the page has no `data-pagefind-body`.
    static func extract(_ file: OutputFile) -> Page? {
        SearchTextExtractor.text(of: file.contents).map { Page(title: $0.title, url: String(file.path.dropFirst("site/".count)), text: $0.text) }
    }

    /// A page's `{"t":…,"u":…,"s":…}`: the snippet is the text's first 110 characters.
    static func entry(_ p: Page) -> [UInt8] {
        // Counts at most 111 characters, not the whole text.
        var snippet = p.text
        if let cut = p.text.index(p.text.startIndex, offsetBy: snippetLength, limitedBy: p.text.endIndex), cut != p.text.endIndex {
            snippet = String(p.text[..<cut]) + "…"
        }
        return Array("{\"t\":\(json(p.title)),\"u\":\(json(p.url)),\"s\":\(json(snippet))}".utf8)
    }

    /// The whole script. Postings are gathered page by page in page order, so every list comes
    /// out sorted; tokens are published in the order of their text (deterministic).
    static func script(entries: [[UInt8]], tokens: [SearchTokenizer.PageTokens]) -> Data {
        var pairIDs = ScalarPairTable(capacity: 1 << 14)
        var wordIDs: [String: Int32] = [:]
        var lists: [[Int32]] = []
        var published: [(token: String, list: Int32)] = []
        for (number, page) in tokens.enumerated() {
            for key in page.pairs {
                let (id, inserted) = pairIDs.value(for: key) { Int32(lists.count) }
                if inserted {
                    lists.append([])
                    published.append((SearchTokenizer.string(ofPair: key), id))
                }
                lists[Int(id)].append(Int32(number))
            }
            for word in page.words {
                if let id = wordIDs[word] {
                    lists[Int(id)].append(Int32(number))
                } else {
                    let id = Int32(lists.count)
                    wordIDs[word] = id
                    lists.append([Int32(number)])
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
