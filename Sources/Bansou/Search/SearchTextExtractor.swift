import Foundation

/// The searchable text of a rendered page, read from its bytes: text from the element
/// marked `data-pagefind-body` to </main>, without tags, without script/style/svg, and
/// without <section>/<aside> elements marked `data-pagefind-ignore`; white space collapsed
/// and the entities the templates write decoded. Read from the output, not the sources, so
/// the index holds exactly what the page shows under whatever templates the site has.
///
/// Byte comparisons only (no String per tag or entity, no regular expressions): this ran
/// once per page of a 10,000-story site.
struct SearchTextExtractor {
    private let bytes: UnsafeRawBufferPointer

    /// The searchable text of `contents`, or nil when nothing in it is marked `data-pagefind-body`.
    static func text(of contents: Data) -> (title: String, text: String)? {
        fields(of: contents).map { ($0.title, $0.text) }
    }

    /// The searchable text and, apart, the text of its headings (<h1>–<h6>, also in `text`):
    /// search ranks a heading's words above the body's.
    static func fields(of contents: Data) -> (title: String, text: String, headings: String)? {
        contents.withUnsafeBytes { SearchTextExtractor(bytes: $0).extract() }
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private static let body = Array("data-pagefind-body".utf8), ignore = Array("data-pagefind-ignore".utf8)
    private static let mainClose = Array("</main>".utf8), titleOpen = Array("<title>".utf8), titleClose = Array("</title>".utf8)

    private func extract() -> (title: String, text: String, headings: String)? {
        guard let marker = find(Self.body, from: 0), let open = firstIndex(of: UInt8(ascii: ">"), from: marker, to: bytes.count) else { return nil }
        let end = find(Self.mainClose, from: open) ?? bytes.count
        // A struct, not a nested func over captured variables: captured variables are boxed and
        // every access to them was checked for exclusivity at run time, a fifth of this loop.
        var out = CollapsedText(capacity: end - open)
        var headings = CollapsedText(capacity: 256), inHeading = false
        var i = open + 1
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                guard let close = firstIndex(of: UInt8(ascii: ">"), from: i, to: end) else { break }
                if let opens = headingTag(from: i + 1, to: close) {
                    inHeading = opens
                    headings.breakWord()
                }
                let name = tagName(from: i + 1, to: close)
                if name == .script || name == .style || name == .svg {
                    i = skipElement(name, after: close, end: end)
                } else if name == .section || name == .aside, find(Self.ignore, from: i, to: close + 1) != nil {
                    i = skipElement(name, after: close, end: end)
                } else {
                    i = close + 1
                }
                out.breakWord()
                continue
            }
            if byte == UInt8(ascii: "&"), let semi = firstIndex(of: UInt8(ascii: ";"), from: i, to: min(end, i + 8)),
               let decoded = entity(from: i + 1, to: semi) {
                out.emit(decoded)
                if inHeading { headings.emit(decoded) }
                i = semi + 1
                continue
            }
            out.emit(byte)
            if inHeading { headings.emit(byte) }
            i += 1
        }
        var title = ""
        if let t = find(Self.titleOpen, from: 0), let e = find(Self.titleClose, from: t) {
            title = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(t + 7)..<e]), as: UTF8.self)
            if title.utf8.contains(UInt8(ascii: "&")) { title = Self.unescape(title) }
            if let bar = title.range(of: " | ", options: .backwards) { title = String(title[..<bar.lowerBound]) }
        }
        return (title, String(decoding: out.bytes, as: UTF8.self), String(decoding: headings.bytes, as: UTF8.self))
    }

    /// true for an opening <h1>–<h6> tag, false for a closing one, nil for any other tag.
    private func headingTag(from start: Int, to limit: Int) -> Bool? {
        var j = start
        let closing = j < limit && bytes[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        guard j + 2 <= limit, bytes[j] | 0x20 == UInt8(ascii: "h"), (0x31...0x36).contains(bytes[j + 1]) else { return nil }
        let after = j + 2
        guard after == limit || bytes[after] == 0x20 || bytes[after] == 0x0A || bytes[after] == 0x09 else { return nil }
        return !closing
    }

    /// Text with runs of white space (and tags) as one space, none at the start.
    private struct CollapsedText {
        var bytes: [UInt8] = []
        var pendingSpace = false

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// A tag or white space: a space before the next text, if any text came before.
        @inline(__always) mutating func breakWord() { pendingSpace = !bytes.isEmpty }

        @inline(__always) mutating func emit(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                breakWord()
                return
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
    }

    /// The one-byte text of the entities the templates write (&nbsp; as a plain space).
    private func entity(from start: Int, to end: Int) -> UInt8? {
        switch end - start {
        case 2:
            if matches("lt", at: start) { return UInt8(ascii: "<") }
            if matches("gt", at: start) { return UInt8(ascii: ">") }
        case 3:
            if matches("amp", at: start) { return UInt8(ascii: "&") }
            if matches("#39", at: start) { return UInt8(ascii: "'") }
        case 4:
            if matches("quot", at: start) { return UInt8(ascii: "\"") }
            if matches("#x27", at: start) { return UInt8(ascii: "'") }
            if matches("nbsp", at: start) { return 0x20 }
        default: break
        }
        return nil
    }

    private func matches(_ ascii: StaticString, at start: Int) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let p = ascii.utf8Start
        for k in 0..<count where bytes[start + k] != p[k] { return false }
        return true
    }

    /// The elements whose name decides what the extractor does; any other name is `.other`.
    private enum Name: Equatable { case script, style, svg, section, aside, other }

    private static let names: [(Name, [UInt8])] = [(.script, Array("script".utf8)), (.style, Array("style".utf8)), (.svg, Array("svg".utf8)),
                                                   (.section, Array("section".utf8)), (.aside, Array("aside".utf8))]

    /// The tag's name (ASCII letters and digits after `<`, compared without case).
    private func tagName(from start: Int, to limit: Int) -> Name {
        var j = start
        while j < limit {
            let c = bytes[j]
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) else { break }
            j += 1
        }
        let length = j - start
        guard length >= 3 && length <= 7 else { return .other }
        for (name, spelled) in Self.names where spelled.count == length {
            var k = 0
            // `| 0x20` lower-cases an ASCII letter and leaves a digit a digit: `spelled` is all letters.
            while k < length, bytes[start + k] | 0x20 == spelled[k] { k += 1 }
            if k == length { return name }
        }
        return .other
    }

    private static func spelling(_ name: Name) -> [UInt8] { names.first { $0.0 == name }!.1 }

    /// The index after the element's closing tag, counting nested elements of the same name.
    private func skipElement(_ name: Name, after open: Int, end: Int) -> Int {
        let spelled = Self.spelling(name)
        let opening = [UInt8(ascii: "<")] + spelled, closing = Array("</".utf8) + spelled + [UInt8(ascii: ">")]
        var depth = 1, j = open + 1
        while j < end, depth > 0 {
            guard let next = find(closing, from: j) else { return end }
            var k = j
            // Bounded so only an opening tag that starts before `next` is found.
            while let o = find(opening, from: k, to: next + opening.count - 1), o < next {
                let after = o + opening.count
                if after < bytes.count, bytes[after] == 0x20 || bytes[after] == UInt8(ascii: ">") { depth += 1 }
                k = after
            }
            depth -= 1
            j = next + closing.count
        }
        return min(j, end)
    }

    private func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// The first occurrence of `needle` starting in `start..<` and ending by `end`.
    private func find(_ needle: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard let first = needle.first, start >= 0, start + needle.count <= end else { return nil }
        var i = start
        let last = end - needle.count
        while i <= last {
            guard let hit = firstIndex(of: first, from: i, to: last + 1) else { return nil }
            var k = 1
            while k < needle.count, bytes[hit + k] == needle[k] { k += 1 }
            if k == needle.count { return hit }
            i = hit + 1
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
