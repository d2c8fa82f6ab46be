import Foundation

/// bansou's own small search index, for when Pagefind is not installed and for file://
/// (Pagefind's script needs a web server). Built from the rendered public HTML, so it holds
/// exactly the text the publishing scan sees: the part of each page marked
/// `data-pagefind-body`, without the parts marked `data-pagefind-ignore`.
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

    static func files(from files: [OutputFile]) -> [OutputFile] {
        let html = files.filter { $0.path.hasPrefix("site/") && $0.path.hasSuffix(".html") }.sorted { $0.path < $1.path }
        let pages = parallelMap(html) { file -> (Page, [String], Set<SearchTokenizer.Token>)? in
            extract(file).map { ($0, file.sources, SearchTokenizer.tokens($0.title + " " + $0.text)) }
        }.compactMap { $0 }
        return [OutputFile(path: path, text: script(pages.map(\.0), tokens: pages.map(\.2)), sources: Array(Set(pages.flatMap(\.1))).sorted())]
    }

    static func script(_ pages: [Page], tokens: [Set<SearchTokenizer.Token>]) -> String {
        // The postings are built in shards on every core (10⁷ insertions on 10,000 stories),
        // each token in one shard by a cheap key, then sorted by token text: deterministic.
        let shardCount = 8
        let shards = parallelMap(Array(0..<shardCount)) { shard -> [(token: String, list: String)] in
            var byToken: [SearchTokenizer.Token: [Int]] = [:]
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
