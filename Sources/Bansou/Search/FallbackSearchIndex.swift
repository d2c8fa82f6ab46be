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
        let pages = parallelMap(html) { file -> (Page, [String])? in extract(file).map { ($0, file.sources) } }.compactMap { $0 }
        return [OutputFile(path: path, text: script(pages.map(\.0)), sources: Array(Set(pages.flatMap(\.1))).sorted())]
    }

    static func script(_ pages: [Page]) -> String {
        var postings: [String: [Int]] = [:]
        for (number, page) in pages.enumerated() {
            for token in SearchTokenizer.tokens(page.title + " " + page.text) { postings[token, default: []].append(number) }
        }
        var out = "window.BANSOU_SEARCH_INDEX = {\"pages\":["
        out += pages.map { p in
            let snippet = p.text.count > snippetLength ? String(p.text.prefix(snippetLength)) + "…" : p.text
            return "{\"t\":\(json(p.title)),\"u\":\(json(p.url)),\"s\":\(json(snippet))}"
        }.joined(separator: ",\n")
        out += "],\n\"tokens\":{"
        out += postings.keys.sorted().map { token in
            var previous = 0
            let deltas = postings[token]!.map { n -> String in defer { previous = n }; return String(n - previous) }
            return "\(json(token)):[\(deltas.joined(separator: ","))]"
        }.joined(separator: ",")
        out += "}};\n"
        return out
    }

    /// A JSON string literal that is also safe inside a <script> element.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    // MARK: Reading the rendered HTML

    /// The searchable text of a page, or nil when the page has no `data-pagefind-body`.
    static func extract(_ file: OutputFile) -> Page? {
        let html = String(decoding: file.contents, as: UTF8.self)
        guard let body = html.range(of: "data-pagefind-body") else { return nil }
        var region = String(html[body.upperBound...])
        if let end = region.range(of: "</main>") { region = String(region[..<end.lowerBound]) }
        region = region.replacingOccurrences(of: "^[^>]*>", with: "", options: .regularExpression)
        for tag in ["section", "aside"] {
            region = region.replacingOccurrences(of: "<\(tag)\\b[^>]*data-pagefind-ignore[^>]*>[\\s\\S]*?</\(tag)>", with: " ", options: .regularExpression)
        }
        region = region.replacingOccurrences(of: "<(script|style|svg)\\b[\\s\\S]*?</\\1>", with: " ", options: .regularExpression)
        let text = collapse(unescape(region.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
        var title = ""
        if let open = html.range(of: "<title>"), let close = html.range(of: "</title>", range: open.upperBound..<html.endIndex) {
            title = unescape(String(html[open.upperBound..<close.lowerBound]))
            if let bar = title.range(of: " | ", options: .backwards) { title = String(title[..<bar.lowerBound]) }
        }
        return Page(title: title, url: String(file.path.dropFirst("site/".count)), text: text)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
