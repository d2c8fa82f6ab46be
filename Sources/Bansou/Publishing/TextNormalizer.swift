import Foundation

/// Normalizes text for leak matching (spec, "Publishing and anonymization" rule 3):
/// Unicode NFKC, case folding (lower case), white space removed (U+3000 included),
/// zero-width characters removed, and every hyphen or dash other than ー/ｰ folded to
/// ASCII `-`. Numbers are compared with hyphens and dashes (ー included) ignored;
/// see `normalizeNumber(_:)` and `DigitChain`.
///
/// `normalize(_:format:)` keeps, for every normalized byte, the UTF-8 range of the
/// original text it came from, so a hit is reported at its original line and column.
/// It reads the text once: character references, percent-encoding and escapes are
/// decoded, tags are told from text, ruby readings are set apart, and only scalars
/// that NFKC or case folding actually change go through Foundation; ASCII, kana and
/// kanji are handled by range checks.
///
/// Terms are matched on a further folded form of this text (`Skeleton`); generic
/// patterns (e-mail, phone, postal code) read this one, which keeps `@ . -`.
public enum TextNormalizer {
    /// The normalized form of a short string (a client's term, an allow-list entry).
    public static func normalize(_ string: String) -> String {
        normalize(string, format: .literal).string
    }

    /// `normalize(_:)` with hyphens and dashes of every width removed, ー (U+30FC)
    /// and ｰ included, and digits of every script as ASCII (〇五二 → 052): the form
    /// phone and corporate numbers are compared in. Percent-encoding and escapes are
    /// decoded (`%30` → 0), as in the published text numbers are found in.
    public static func normalizeNumber(_ string: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in normalize(string, format: .plain).string.unicodeScalars where scalar != "-" && scalar != "\u{30FC}" {
            let v = scalar.value
            let digit = v < 0x10000 ? Int(DigitChain.values[Int(v)]) : -1
            scalars.append(digit >= 0 && digit < 10 && v >= 0x80 ? Unicode.Scalar(UInt8(0x30 + digit)) : scalar)
        }
        return String(scalars)
    }

    /// The skeleton a term is matched in (`Skeleton`): `normalize(_:)`, then punctuation
    /// removed, kana, long vowels, 異体字 and confusable letters folded. ヤマダ・セイコー and
    /// やまだせいこう give the same skeleton; so do 髙原建設 and 高原建設.
    public static func skeleton(_ string: String) -> String {
        Skeleton.fold(normalize(string))
    }

    /// Normalizes a whole text (a page, a feed, a JSON file), keeping the map back to it.
    public static func normalize(_ text: String, format: ScanFormat) -> NormalizedText {
        var text = text
        return text.withUTF8 { raw -> NormalizedText in
            var machine = Machine(capacity: raw.count, format: format)
            machine.run(raw)
            let result = machine.text.build(appending: machine.tags)
            machine.text.release()
            machine.tags.release()
            return result
        }
    }

    /// NFKC, lower case, NFKC again (lower-casing may un-normalize): the slow path.
    static func fold(_ string: String) -> String {
        string.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCompatibilityMapping
    }

    // MARK: - The single pass

    private struct Machine {
        /// Where the reader is. `tag`, `quoted` and `comment` write to the tag-contents sink.
        enum State: Int { case text = 0, tag, quoted, comment, plain, literal }

        var text: NormalizedTextBuilder
        var tags: NormalizedTextBuilder
        let decode: Bool
        let markup: Bool
        var state: State
        var quote: UInt8 = 0
        /// Where in `text` the contents of an open `<rt>`/`<rp>` start. They are written to
        /// `text` and moved to `tags` when a ruby tag ends them (`山田<rt>やまだ</rt>精工`
        /// reads 山田精工, the reading is matched on its own); any other tag leaves them in
        /// the text, so an unclosed `<rt>` hides nothing.
        var readingStart: Int? = nil

        init(capacity: Int, format: ScanFormat) {
            decode = format != .literal
            markup = format == .markup
            state = markup ? .text : decode ? .plain : .literal
            text = NormalizedTextBuilder(capacity: capacity + 16)
            tags = NormalizedTextBuilder(capacity: markup ? capacity / 2 + 16 : 16)
        }

        var inTags: Bool { state.rawValue >= 1 && state.rawValue <= 3 }

        mutating func run(_ u: UnsafeBufferPointer<UInt8>) {
            let n = u.count
            var i = 0
            Machine.actions.withUnsafeBufferPointer { actions in
                Machine.lower.withUnsafeBufferPointer { lower in
                    while i < n {
                        let b = u[i]
                        if b < 0x80 {
                            let base = state.rawValue << 7
                            switch actions[base | Int(b)] {
                            case Machine.emit:
                                // A run of ordinary ASCII in this state, copied in one go.
                                var j = i + 1
                                while j < n {
                                    let c = u[j]
                                    if c >= 0x80 || actions[base | Int(c)] != Machine.emit { break }
                                    j += 1
                                }
                                if inTags { Machine.copyASCII(&tags, u, i, j, lower) } else { Machine.copyASCII(&text, u, i, j, lower) }
                                i = j
                            case Machine.skip:
                                i += 1
                            default:
                                i = special(b, at: i, u)
                            }
                            continue
                        }
                        if b >= 0xE0 && b < 0xF0 {
                            // A run of kana and kanji (3-byte scalars NFKC leaves alone), copied as is.
                            var j = i
                            while j + 2 < n {
                                let c = u[j]
                                guard c >= 0xE0 && c < 0xF0 else { break }
                                let v = (UInt32(c & 0x0F) << 12) | (UInt32(u[j + 1] & 0x3F) << 6) | UInt32(u[j + 2] & 0x3F)
                                guard ScalarClass.of(v) == .identity else { break }
                                j += 3
                            }
                            if j > i {
                                if inTags { Machine.copyTriples(&tags, u, i, j) } else { Machine.copyTriples(&text, u, i, j) }
                                i = j
                                continue
                            }
                        }
                        let v: UInt32, length: Int
                        if b < 0xE0 {
                            v = (UInt32(b & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F)
                            length = 2
                        } else if b < 0xF0 {
                            v = (UInt32(b & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F)
                            length = 3
                        } else {
                            v = (UInt32(b & 0x07) << 18) | (UInt32(u[i + 1] & 0x3F) << 12)
                                | (UInt32(u[i + 2] & 0x3F) << 6) | UInt32(u[i + 3] & 0x3F)
                            length = 4
                        }
                        emit(v, Int32(i), Int32(i + length), u)
                        i += length
                    }
                }
            }
        }

        /// Bytes `from..<to` of ASCII, lower-cased, each mapped to itself.
        @inline(__always)
        static func copyASCII(_ sink: inout NormalizedTextBuilder, _ u: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                              _ lower: UnsafeBufferPointer<UInt8>) {
            sink.reserve(to - from)
            let bytes = sink.bytes, starts = sink.starts, ends = sink.ends
            var c = sink.count
            for k in from..<to {
                bytes[c] = lower[Int(u[k])]
                starts[c] = Int32(k)
                ends[c] = Int32(k + 1)
                c += 1
            }
            sink.count = c
        }

        /// Bytes `from..<to`, whole 3-byte scalars, copied; each byte mapped to its scalar.
        @inline(__always)
        static func copyTriples(_ sink: inout NormalizedTextBuilder, _ u: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
            sink.reserve(to - from)
            let bytes = sink.bytes, starts = sink.starts, ends = sink.ends
            var c = sink.count
            var k = from
            while k < to {
                let s = Int32(k), e = Int32(k + 3)
                bytes[c] = u[k]; bytes[c + 1] = u[k + 1]; bytes[c + 2] = u[k + 2]
                starts[c] = s; starts[c + 1] = s; starts[c + 2] = s
                ends[c] = e; ends[c + 1] = e; ends[c + 2] = e
                c += 3
                k += 3
            }
            sink.count = c
        }

        /// One decoded scalar into the current sink.
        @inline(__always)
        mutating func emit(_ v: UInt32, _ start: Int32, _ end: Int32, _ u: UnsafeBufferPointer<UInt8>) {
            switch ScalarClass.of(v) {
            case .identity:
                if inTags { tags.put(scalar: v, start, end) } else { text.put(scalar: v, start, end) }
            case .ascii:
                put(Machine.lower[Int(v)], start, end)
            case .fullwidth:
                put(Machine.lower[Int(v - 0xFEE0)], start, end)
            case .dash:
                put(0x2D, start, end)
            case .space, .ignorable, .none:
                break
            case .combining:
                combine(v, start, end, u)
            case .mapped:
                slowPath([v], start, end)
            }
        }

        @inline(__always)
        mutating func put(_ byte: UInt8, _ start: Int32, _ end: Int32) {
            if inTags {
                tags.reserve(1); tags.put(byte, start, end)
            } else {
                text.reserve(1); text.put(byte, start, end)
            }
        }

        /// Markup, references and escapes: everything the byte tables do not handle inline.
        mutating func special(_ b: UInt8, at i: Int, _ u: UnsafeBufferPointer<UInt8>) -> Int {
            let start = Int32(i)
            if b == 0x25 { // %: percent-encoded UTF-8 (cmark-gfm encodes link targets), never markup
                guard let (v, length) = TextNormalizer.decodePercent(u, at: i) else {
                    put(b, start, start + 1)
                    return i + 1
                }
                emit(v, start, Int32(i + length), u)
                return i + length
            }
            if b == 0x26 || b == 0x5C { // & \
                let decoded = b == 0x26 ? TextNormalizer.decodeReference(u, at: i) : TextNormalizer.decodeEscape(u, at: i)
                guard let (v, length) = decoded else {
                    put(b, start, start + 1)
                    return i + 1
                }
                let next = i + length
                if markup && v == 0x3C && state == .text && next < u.count && Machine.opensTag(u[next]) {
                    openTag(u, name: next, at: start)
                } else if markup && v == 0x3E && state == .tag {
                    tags.hardBreak(at: Int32(next)); state = .text
                } else {
                    emit(v, start, Int32(next), u)
                }
                return next
            }
            switch state {
            case .text:
                if b == 0x3C { // <
                    if i + 1 < u.count && u[i + 1] == 0x21 { // <!
                        if TextNormalizer.has(u, at: i, "<![CDATA[") { return i + 9 }
                        if TextNormalizer.has(u, at: i + 1, "!--") {
                            if readingStart != nil { endReading(byRubyTag: false) }
                            tags.hardBreak(at: start); state = .comment
                            return i + 4
                        }
                    }
                    if i + 1 < u.count && Machine.opensTag(u[i + 1]) {
                        openTag(u, name: i + 1, at: start)
                        return i + 1
                    }
                } else if b == 0x5D && i + 2 < u.count && u[i + 1] == 0x5D && TextNormalizer.has(u, at: i, "]]>") {
                    return i + 3
                }
            case .tag:
                switch b {
                case 0x3E: tags.hardBreak(at: start + 1); state = .text
                case 0x22, 0x27: tags.hardBreak(at: start + 1); state = .quoted; quote = b
                default: tags.hardBreak(at: start) // white space, =, <
                }
                return i + 1
            case .quoted:
                if b == quote {
                    tags.hardBreak(at: start + 1); state = .tag
                    return i + 1
                }
            case .comment:
                if b == 0x2D && i + 2 < u.count && u[i + 1] == 0x2D && TextNormalizer.has(u, at: i, "-->") {
                    tags.hardBreak(at: start + 3); state = .text
                    return i + 3
                }
            case .plain, .literal:
                break
            }
            put(Machine.lower[Int(b)], start, start + 1)
            return i + 1
        }

        /// A tag starts at `at`, its name at `name`: ends a ruby reading, or starts one.
        mutating func openTag(_ u: UnsafeBufferPointer<UInt8>, name: Int, at start: Int32) {
            // Every ruby tag name starts with r (after a / for an end tag): most tags are decided by one byte.
            let first = u[name] == 0x2F && name + 1 < u.count ? u[name + 1] : u[name]
            let ruby = (first | 0x20) == 0x72 ? TextNormalizer.rubyTag(u, at: name) : .other
            if readingStart != nil { endReading(byRubyTag: ruby != .other) }
            tags.hardBreak(at: start)
            state = .tag
            if ruby == .opensReading { readingStart = text.count }
        }

        /// Moves the reading written to `text` since `readingStart` to `tags` when a ruby tag
        /// ends it; leaves it in the text otherwise.
        mutating func endReading(byRubyTag: Bool) {
            guard let from = readingStart else { return }
            readingStart = nil
            guard byRubyTag, text.count > from else { return }
            let length = text.count - from
            tags.hardBreak(at: text.starts[from])
            tags.reserve(length)
            (tags.bytes + tags.count).update(from: text.bytes + from, count: length)
            (tags.starts + tags.count).update(from: text.starts + from, count: length)
            (tags.ends + tags.count).update(from: text.ends + from, count: length)
            tags.count += length
            text.count = from
        }

        /// `<` followed by this byte starts a tag: a letter, `/`, `!` or `?`.
        static func opensTag(_ c: UInt8) -> Bool {
            ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x2F || c == 0x21 || c == 0x3F
        }

        /// A combining mark: take back what the scalar before it produced (when it is
        /// adjacent in the source), and normalize them together. Rare in Japanese text
        /// (か + U+3099, ｶﾞ), so the work is done only then.
        mutating func combine(_ v: UInt32, _ start: Int32, _ end: Int32, _ u: UnsafeBufferPointer<UInt8>) {
            var segmentStart = start
            if inTags { segmentStart = Machine.takeBack(&tags, before: start) } else { segmentStart = Machine.takeBack(&text, before: start) }
            var values: [UInt32] = []
            var j = Int(segmentStart)
            while j < Int(start) {
                let (value, length) = decodeUnit(u, at: j)
                values.append(value)
                j += length
            }
            values.append(v)
            slowPath(values, segmentStart, end)
        }

        /// Removes the last emission if its source ends at `offset`; returns where that source starts.
        static func takeBack(_ sink: inout NormalizedTextBuilder, before offset: Int32) -> Int32 {
            guard sink.count > 0, sink.ends[sink.count - 1] == offset,
                  sink.bytes[sink.count - 1] != NormalizedText.hardBreak else { return offset }
            let start = sink.starts[sink.count - 1]
            while sink.count > 0 && sink.starts[sink.count - 1] == start && sink.bytes[sink.count - 1] != NormalizedText.hardBreak {
                sink.count -= 1
            }
            return start
        }

        /// One source unit at `j`: a reference, an escape or a UTF-8 scalar.
        func decodeUnit(_ u: UnsafeBufferPointer<UInt8>, at j: Int) -> (UInt32, Int) {
            let b = u[j]
            if decode && b == 0x26, let decoded = TextNormalizer.decodeReference(u, at: j) { return decoded }
            if decode && b == 0x5C, let decoded = TextNormalizer.decodeEscape(u, at: j) { return decoded }
            if decode && b == 0x25, let decoded = TextNormalizer.decodePercent(u, at: j) { return decoded }
            if b < 0x80 { return (UInt32(b), 1) }
            if b < 0xE0 { return ((UInt32(b & 0x1F) << 6) | UInt32(u[j + 1] & 0x3F), 2) }
            if b < 0xF0 { return ((UInt32(b & 0x0F) << 12) | (UInt32(u[j + 1] & 0x3F) << 6) | UInt32(u[j + 2] & 0x3F), 3) }
            return ((UInt32(b & 0x07) << 18) | (UInt32(u[j + 1] & 0x3F) << 12) | (UInt32(u[j + 2] & 0x3F) << 6) | UInt32(u[j + 3] & 0x3F), 4)
        }

        /// NFKC and case folding through Foundation, for what the fast paths do not cover.
        mutating func slowPath(_ values: [UInt32], _ start: Int32, _ end: Int32) {
            var view = String.UnicodeScalarView()
            for value in values {
                if let scalar = Unicode.Scalar(value) { view.append(scalar) }
            }
            for scalar in TextNormalizer.fold(String(view)).unicodeScalars {
                let v = scalar.value
                switch ScalarClass.of(v) {
                case .space, .ignorable, .none: continue
                case .dash: put(0x2D, start, end)
                case .ascii: put(Machine.lower[Int(v)], start, end)
                case .fullwidth: put(Machine.lower[Int(v - 0xFEE0)], start, end)
                default:
                    if inTags { tags.put(scalar: v, start, end) } else { text.put(scalar: v, start, end) }
                }
            }
        }

        // MARK: Byte tables

        static let emit: UInt8 = 0, skip: UInt8 = 1, specialByte: UInt8 = 2

        /// What an ASCII byte does in each state (6 × 128).
        static let actions: [UInt8] = {
            var table = [UInt8](repeating: emit, count: 6 * 128)
            for state in 0..<6 {
                for b in 0..<128 {
                    let k = state << 7 | b
                    switch b {
                    case 0x09...0x0D, 0x20: table[k] = state == State.tag.rawValue ? specialByte : skip
                    case 0x00...0x1F, 0x7F: table[k] = skip
                    default: break
                    }
                }
                if state != State.literal.rawValue {
                    table[state << 7 | 0x26] = specialByte // &
                    table[state << 7 | 0x5C] = specialByte // \
                    table[state << 7 | 0x25] = specialByte // %
                }
            }
            for b in [0x3C, 0x5D] { table[State.text.rawValue << 7 | b] = specialByte }                // < ]
            for b in [0x3E, 0x22, 0x27, 0x3D, 0x3C] { table[State.tag.rawValue << 7 | b] = specialByte } // > " ' = <
            for b in [0x22, 0x27] { table[State.quoted.rawValue << 7 | b] = specialByte }               // " '
            table[State.comment.rawValue << 7 | 0x2D] = specialByte                                       // -
            return table
        }()

        /// ASCII lower-casing.
        static let lower: [UInt8] = (0..<128).map { b in (0x41...0x5A).contains(b) ? UInt8(b + 0x20) : UInt8(b) }
    }

    // MARK: - Character references and escapes

    static func has(_ u: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= u.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where u[i + k] != p[k] { return false }
        return true
    }

    /// `&#NNN;`, `&#xHHH;` and the common named references. Returns the scalar and
    /// how many bytes the reference takes; nil when it is not one (then `&` is literal).
    static func decodeReference(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let n = u.count
        var j = i + 1
        guard j < n else { return nil }
        if u[j] == 0x23 { // #
            j += 1
            var hex = false
            if j < n && (u[j] | 0x20) == 0x78 { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < n && digits < 8 {
                let c = u[j]
                let d: UInt32
                if c >= 0x30 && c <= 0x39 {
                    d = UInt32(c - 0x30)
                } else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                    d = UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                j += 1
            }
            guard digits > 0, value > 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            if j < n && u[j] == 0x3B { j += 1 }
            return (value, j - i)
        }
        var key: UInt64 = 0
        var k = 0
        while j < n && k < 8 {
            let c = u[j]
            guard (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) else { break }
            key |= UInt64(c) << UInt64(8 * k)
            k += 1
            j += 1
        }
        guard k > 0, j < n, u[j] == 0x3B, let value = namedReferences[key] else { return nil }
        return (value, j + 1 - i)
    }

    /// Escapes that can hide letters or white space. JSON and JavaScript: `\uXXXX`
    /// (surrogate pairs included), `\u{X…}`, `\xXX`, `\/`, `\n`, `\r`, `\t`, `\\`.
    /// CSS (`content:"\5C71\7530"` in a style sheet or an inline `<style>`): a backslash,
    /// 1–6 hex digits and one optional white space. JSON's `\b` and `\f` are read the CSS
    /// way (a hex digit follows), which only matters before more hex digits. A backslash
    /// before anything else stays: terms are matched on the skeleton, which drops it
    /// (`\山\田` reads 山田 there), and a quote after it must still end an HTML attribute.
    static func decodeEscape(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard i + 1 < u.count else { return nil }
        let c = u[i + 1]
        switch c {
        case 0x75: // u
            if i + 2 < u.count && u[i + 2] == 0x7B { return decodeBraced(u, at: i) }
            guard let high = hex4(u, at: i + 2) else { return nil }
            if (0xD800...0xDBFF).contains(high) {
                guard i + 11 < u.count, u[i + 6] == 0x5C, u[i + 7] == 0x75,
                      let low = hex4(u, at: i + 8), (0xDC00...0xDFFF).contains(low) else { return nil }
                return (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), 12)
            }
            guard !(0xDC00...0xDFFF).contains(high), high != 0 else { return nil }
            return (high, 6)
        case 0x78: // x
            guard i + 3 < u.count, let high = hexValue(u[i + 2]), let low = hexValue(u[i + 3]) else { return nil }
            let v = high << 4 | low
            return v == 0 ? nil : (v, 4)
        case 0x2F: return (0x2F, 2)
        case 0x5C: return (0x5C, 2)
        case 0x6E: return (0x0A, 2)
        case 0x72: return (0x0D, 2)
        case 0x74: return (0x09, 2)
        default:
            return hexValue(c) != nil ? decodeCSSHex(u, at: i) : nil
        }
    }

    /// CSS: up to 6 hex digits, then one white space (CR LF counting as one) that belongs to the escape.
    static func decodeCSSHex(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        var j = i + 1
        var v: UInt32 = 0
        while j < u.count && j < i + 7, let d = hexValue(u[j]) {
            v = v << 4 | d
            j += 1
        }
        guard v > 0, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
        if j + 1 < u.count && u[j] == 0x0D && u[j + 1] == 0x0A {
            j += 2
        } else if j < u.count && (u[j] == 0x20 || u[j] == 0x09 || u[j] == 0x0A || u[j] == 0x0D || u[j] == 0x0C) {
            j += 1
        }
        return (v, j - i)
    }

    /// JavaScript `\u{1F600}`: 1–6 hex digits in braces.
    static func decodeBraced(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        var j = i + 3
        var v: UInt32 = 0
        while j < u.count && j < i + 9, let d = hexValue(u[j]) {
            v = v << 4 | d
            j += 1
        }
        guard j > i + 3, j < u.count, u[j] == 0x7D, v > 0, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
        return (v, j + 1 - i)
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
        let l = c | 0x20
        if l >= 0x61 && l <= 0x66 { return UInt32(l - 0x61 + 10) }
        return nil
    }

    /// `%XX` sequences forming one valid UTF-8 scalar (`%E5%B1%B1` → 山, `%30` → 0).
    /// Returns the scalar and how many bytes the sequence takes; nil when it is not one
    /// (a stray `%`, `50%OFF`, a lone continuation byte, an overlong form).
    static func decodePercent(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard let lead = percentByte(u, at: i) else { return nil }
        let continuations: Int
        var v: UInt32
        let minimum: UInt32
        switch lead {
        case 0x00..<0x80: return (UInt32(lead), 3)
        case 0xC2...0xDF: continuations = 1; v = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: continuations = 2; v = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: continuations = 3; v = UInt32(lead & 0x07); minimum = 0x10000
        default: return nil
        }
        var j = i + 3
        for _ in 0..<continuations {
            guard let c = percentByte(u, at: j), c & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(c & 0x3F)
            j += 3
        }
        guard v >= minimum, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
        return (v, j - i)
    }

    /// The byte of `%XX` at `i`, or nil.
    @inline(__always)
    static func percentByte(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8? {
        guard i + 2 < u.count, u[i] == 0x25, let high = hexValue(u[i + 1]), let low = hexValue(u[i + 2]) else { return nil }
        return UInt8(high << 4 | low)
    }

    enum RubyTag { case opensReading, endsReading, other }

    /// What the tag whose name starts at `i` (after `<`) does to a ruby reading:
    /// `rt`, `rp`, `rtc` open one; their end tags, `ruby`, `/ruby`, `rb`, `/rb` end it.
    static func rubyTag(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> RubyTag {
        var j = i
        let closing = j < u.count && u[j] == 0x2F
        if closing { j += 1 }
        var name: UInt32 = 0
        var length = 0
        while j < u.count && length < 4 {
            let c = u[j] | 0x20
            guard c >= 0x61 && c <= 0x7A else { break }
            name = name << 8 | UInt32(c)
            length += 1
            j += 1
        }
        // A longer name (`strong`) or one with a digit (`h1`) is none of them.
        if j < u.count && (((u[j] | 0x20) >= 0x61 && (u[j] | 0x20) <= 0x7A) || (u[j] >= 0x30 && u[j] <= 0x39)) {
            return .other
        }
        switch name {
        case 0x7274, 0x7270, 0x727463: return closing ? .endsReading : .opensReading // rt rp rtc
        case 0x72756279, 0x7262: return .endsReading // ruby rb
        default: return .other
        }
    }

    static func hex4(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 4 <= u.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = u[i + k]
            let d: UInt32
            if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
            else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
            else { return nil }
            value = value << 4 | d
        }
        return value
    }

    static let namedReferences: [UInt64: UInt32] = {
        let table: [(String, UInt32)] = [
            ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27),
            ("nbsp", 0xA0), ("shy", 0xAD), ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009),
            ("zwnj", 0x200C), ("zwj", 0x200D), ("lrm", 0x200E), ("rlm", 0x200F),
            ("hyphen", 0x2010), ("dash", 0x2010), ("ndash", 0x2013), ("mdash", 0x2014),
            ("horbar", 0x2015), ("minus", 0x2212), ("commat", 0x40), ("period", 0x2E),
            ("lpar", 0x28), ("rpar", 0x29), ("colon", 0x3A), ("sol", 0x2F), ("num", 0x23),
            ("copy", 0xA9), ("reg", 0xAE), ("yen", 0xA5), ("hellip", 0x2026), ("middot", 0xB7),
            ("times", 0xD7), ("divide", 0xF7), ("laquo", 0xAB), ("raquo", 0xBB),
            ("lsquo", 0x2018), ("rsquo", 0x2019), ("ldquo", 0x201C), ("rdquo", 0x201D),
        ]
        var map: [UInt64: UInt32] = [:]
        for (name, value) in table {
            var key: UInt64 = 0
            for (k, byte) in name.utf8.enumerated() { key |= UInt64(byte) << UInt64(8 * k) }
            map[key] = value
        }
        return map
    }()
}
