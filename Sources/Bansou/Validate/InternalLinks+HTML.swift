import Foundation

/// Reads links, images and ids out of HTML the way a browser finds them: start tags and
/// their attributes, quoted or not, with comments, `<script>` and `<style>` skipped.
/// The link check reads a body's links from the HTML the markdown stage produced, not from
/// the Markdown, so what it checks is exactly what is published: a link in a code block is
/// text, a raw `<a href>` counts only when unsafe_html let it through (safe mode leaves
/// `<!-- raw HTML omitted -->`), and the ids a `#fragment` can reach are those of the
/// rendered page, whatever put them there. Byte-level, since every body of every build
/// passes through here.
enum InternalLinksHTML {
    struct Reference: Equatable {
        enum Kind: Equatable { case link, image }
        var kind: Kind
        /// The attribute's value, character references decoded.
        var value: String
        /// Byte offset of the tag's `<` in the scanned text.
        var offset: Int
    }

    /// `<a href>` (and `<area href>`) links and `<img src>` images, in document order.
    static func references(in html: String) -> [Reference] {
        var html = html
        return html.withUTF8 { references(in: UnsafeRawBufferPointer($0)) }
    }

    /// The same as `references(in:)` for HTML with no raw tags in it: what cmark-gfm renders
    /// with unsafe_html off (the default), where text is escaped, raw HTML is left out, and
    /// a link or image is always written `<a href="…"` or `<img src="…"`.
    static func renderedReferences(in html: String) -> [Reference] {
        var html = html
        return html.withUTF8 { buffer in
            var found: [Reference] = []
            forEachRendered(in: UnsafeRawBufferPointer(buffer)) { kind, value, offset in
                found.append(Reference(kind: kind, value: decode(value), offset: offset))
            }
            return found
        }
    }

    /// Calls `visit(kind, value as written, offset of its '<')` for each link and image of
    /// HTML as cmark-gfm renders it without raw HTML. Only attribute values hold a '"' there
    /// (text has `&quot;`), so the scan jumps from quote to quote and looks at the few bytes
    /// before each: far fewer stops than at every '<', and no String for a value that is
    /// settled from its bytes (most links, at 10,000 stories, are to other sites).
    static func forEachRendered(in b: UnsafeRawBufferPointer, _ visit: (Reference.Kind, Bytes, Int) -> Void) {
        guard let base = b.baseAddress else { return }
        var i = 0
        while i < b.count, let hit = memchr(base + i, 0x22, b.count - i) { // '"'
            let quote = base.distance(to: UnsafeRawPointer(hit))
            i = quote + 1
            let kind: Reference.Kind, start: Int
            if quote >= 8, has(b, at: quote - 8, "<a href=") {
                (kind, start) = (.link, quote - 8)
            } else if quote >= 9, has(b, at: quote - 9, "<img src=") {
                (kind, start) = (.image, quote - 9)
            } else {
                continue
            }
            guard let close = memchr(base + i, 0x22, b.count - i) else { return }
            let end = base.distance(to: UnsafeRawPointer(close))
            visit(kind, b[i..<end], start)
            i = end + 1
        }
    }

    private static func has(_ b: UnsafeRawBufferPointer, at i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        return memcmp(b.baseAddress! + i, literal.utf8Start, count) == 0
    }

    static func references(in bytes: UnsafeRawBufferPointer) -> [Reference] {
        var found: [Reference] = []
        scan(bytes, wanting: { tag in isTag(tag, "a") || isTag(tag, "img") || isTag(tag, "area") }) { tag, start, name, value in
            let isImage = isTag(tag, "img")
            guard isName(name, isImage ? "src" : "href") else { return }
            found.append(Reference(kind: isImage ? .image : .link, value: decode(value), offset: start))
        }
        return found
    }

    /// The fragments a page answers to: every `id`, and `name` on `<a>` (HTML's "indicated part").
    static func ids(in data: Data) -> Set<String> {
        var ids: Set<String> = []
        data.withUnsafeBytes { bytes in
            scan(bytes, wanting: { _ in true }) { tag, _, name, value in
                if isName(name, "id") || (isName(name, "name") && isTag(tag, "a")) { ids.insert(decode(value)) }
            }
        }
        return ids
    }

    typealias Bytes = Slice<UnsafeRawBufferPointer>

    /// Calls `visit(tag, offset of '<', attribute name, attribute value)` for every attribute of
    /// every start tag whose name `wanting` accepts. Attribute values may hold a raw '<', so
    /// a wanted tag is read to its closing '>' before the next tag is looked for.
    private static func scan(_ b: UnsafeRawBufferPointer, wanting: (Bytes) -> Bool,
                             visit: (_ tag: Bytes, _ start: Int, _ name: Bytes, _ value: Bytes) -> Void) {
        guard let base = b.baseAddress else { return }
        let n = b.count
        var i = 0
        while i < n {
            guard let hit = memchr(base + i, 0x3C, n - i) else { return } // '<'
            let start = base.distance(to: UnsafeRawPointer(hit))
            i = start + 1
            guard i < n else { return }
            if b[i] == 0x21 { // '!': a comment runs to "-->"; <!DOCTYPE …> holds no tags
                if i + 2 < n, b[i + 1] == 0x2D, b[i + 2] == 0x2D { i = find("-->", in: b, from: i + 3) ?? n }
                continue
            }
            guard isLetter(b[i]) else { continue }
            let nameStart = i
            while i < n, !isSpace(b[i]), b[i] != 0x2F, b[i] != 0x3E { i += 1 } // '/', '>'
            let tag = b[nameStart..<i]
            let rawText = isTag(tag, "script") || isTag(tag, "style")
            if wanting(tag) || rawText {
                i = attributes(b, from: i) { name, value in if wanting(tag) { visit(tag, start, name, value) } }
            }
            if rawText { i = find(isTag(tag, "script") ? "</script" : "</style", in: b, from: i, caseInsensitive: true) ?? n }
        }
    }

    /// Reads `name="value" name='value' name=value name` up to the tag's '>'; returns the index after it.
    private static func attributes(_ b: UnsafeRawBufferPointer, from start: Int, visit: (Bytes, Bytes) -> Void) -> Int {
        let n = b.count
        var i = start
        while true {
            while i < n, isSpace(b[i]) || b[i] == 0x2F { i += 1 }
            guard i < n, b[i] != 0x3E else { return min(i + 1, n) }
            let nameStart = i
            i += 1 // a name may start with '=' (HTML reads `<a =x>` so); it always takes one byte
            while i < n, !isSpace(b[i]), b[i] != 0x2F, b[i] != 0x3E, b[i] != 0x3D { i += 1 }
            let name = b[nameStart..<i]
            var j = i
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n, b[j] == 0x3D else { visit(name, b[i..<i]); continue } // '='
            j += 1
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n else { return n }
            if b[j] == 0x22 || b[j] == 0x27 { // '"', '\''
                let quote = b[j]
                var end = j + 1
                while end < n, b[end] != quote { end += 1 }
                visit(name, b[(j + 1)..<end])
                i = min(end + 1, n)
            } else {
                var end = j
                while end < n, !isSpace(b[end]), b[end] != 0x3E { end += 1 }
                visit(name, b[j..<end])
                i = end
            }
        }
    }

    private static func find(_ needle: StaticString, in b: UnsafeRawBufferPointer, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let base = b.baseAddress, pattern.count > 0 else { return nil }
        var i = start
        while i + pattern.count <= b.count {
            guard let hit = memchr(base + i, Int32(pattern[0]), b.count - i - pattern.count + 1) else { return nil }
            i = base.distance(to: UnsafeRawPointer(hit))
            var k = 1
            while k < pattern.count, caseInsensitive ? lower(b[i + k]) == pattern[k] : b[i + k] == pattern[k] { k += 1 }
            if k == pattern.count { return i + pattern.count }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// ASCII case-insensitive comparison of a tag or attribute name with a lowercase literal.
    private static func isTag(_ bytes: Bytes, _ name: StaticString) -> Bool { isName(bytes, name) }

    private static func isName(_ bytes: Bytes, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        var k = 0
        for c in bytes {
            guard lower(c) == name.utf8Start[k] else { return false }
            k += 1
        }
        return true
    }

    /// The value with character references decoded: the ones cmark-gfm writes (`&amp;`,
    /// `&quot;`, `&#x27;`…), any numeric one, and the few named ones a URL may hold.
    static func decode(_ value: Bytes) -> String {
        let text = String(decoding: value, as: UTF8.self)
        guard value.contains(0x26) else { return text } // '&'
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if let semicolon = rest.prefix(12).firstIndex(of: ";"), let scalar = reference(rest[rest.index(after: amp)..<semicolon]) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    private static let named: [Substring: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    private static func reference(_ body: Substring) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") { return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if body.hasPrefix("#") { return UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
        return named[body]
    }
}
