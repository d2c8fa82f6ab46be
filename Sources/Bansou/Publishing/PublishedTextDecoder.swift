import Foundation

/// Reads a file the site is about to publish as text, whatever Japanese encoding it is in,
/// so the publishing gate can scan every byte of it; nil for a file that is not text
/// (an image, a font, a PDF), which the gate refuses unless site.yaml lists it.
///
/// Tried in this order, first fit wins:
/// 1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
/// 2. ISO-2022-JP: 7-bit with `ESC $` (before UTF-8, which it also is);
/// 3. NUL bytes: UTF-32 (top byte always zero) or UTF-16 without a mark, read both ways,
///    the reading that looks more like Japanese text winning;
/// 4. valid UTF-8 (every byte then decodes, so nothing is hidden);
/// 5. EUC-JP, checked byte by byte and turned into Shift_JIS: Foundation on Linux has
///    no EUC-JP decoder (String(data:encoding: .japaneseEUC) is nil for any input), but
///    both encode the same JIS X 0208 rows and cells;
/// 6. Shift_JIS (Windows code page 932).
/// Nearly any bytes decode as something, so a reading with control characters (binary
/// read as text) is rejected, and so is UTF-8 with a few bad bytes (read as Shift_JIS it
/// would turn the names in it into mojibake).
enum PublishedTextDecoder {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", utf32LE = "UTF-32LE", utf32BE = "UTF-32BE"
        case iso2022JP = "ISO-2022-JP", eucJP = "EUC-JP", shiftJIS = "Shift_JIS"
    }

    static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bytes = [UInt8](data)
        if let withMark = decodeByteOrderMark(bytes) { return withMark }
        // Before UTF-8, which it also is: its escape sequences spell kanji in ASCII letters.
        if bytes.allSatisfy({ $0 < 0x80 }), containsJISEscape(bytes), let text = foundation(bytes, .iso2022JP) {
            return (text, .iso2022JP)
        }
        if bytes.contains(0), let wide = decodeWithoutMark(bytes) { return wide }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        // Broken UTF-8 (one bad byte in a UTF-8 file) would read as Shift_JIS mojibake and
        // hide the names in it: refused instead.
        if bytes.contains(0) || isMostlyUTF8(bytes) { return nil }
        // EUC-JP first: its text is often valid Shift_JIS too (as half-width katakana), while
        // Shift_JIS text is almost never well-formed EUC-JP (hiragana start with 0x82).
        if let sjis = shiftJIS(fromEUCJP: bytes), let text = foundation(sjis, .shiftJIS) { return (text, .eucJP) }
        return foundation(bytes, .shiftJIS).map { ($0, .shiftJIS) }
    }

    /// Every reading the gate scans: `decode`'s, and the UTF-8 one too whenever the bytes are
    /// valid UTF-8 without a byte-order mark. A UTF-8 file with one NUL byte would otherwise be
    /// read only as UTF-16 (mojibake), and ASCII with `ESC $ B` only as ISO-2022-JP, hiding
    /// the names in either; UTF-8 cannot simply win, as half of all kanji in UTF-16 are ASCII
    /// byte pairs (山 is `q\`), valid UTF-8 too.
    static func readings(_ data: Data) -> [(text: String, encoding: Encoding)] {
        guard let first = decode(data) else { return [] }
        let bytes = [UInt8](data)
        guard first.encoding != .utf8, decodeByteOrderMark(bytes) == nil,
              let utf8 = String(validating: bytes, as: UTF8.self) else { return [first] }
        return [first, (utf8, .utf8)]
    }

    // MARK: Unicode

    private static func decodeByteOrderMark(_ b: [UInt8]) -> (String, Encoding)? {
        if b.starts(with: [0xFF, 0xFE, 0, 0]) { return foundation(Array(b.dropFirst(4)), .utf32LittleEndian).map { ($0, .utf32LE) } }
        if b.starts(with: [0, 0, 0xFE, 0xFF]) { return foundation(Array(b.dropFirst(4)), .utf32BigEndian).map { ($0, .utf32BE) } }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return String(validating: b.dropFirst(3), as: UTF8.self).map { ($0, .utf8) } }
        if b.starts(with: [0xFF, 0xFE]) { return foundation(Array(b.dropFirst(2)), .utf16LittleEndian).map { ($0, .utf16LE) } }
        if b.starts(with: [0xFE, 0xFF]) { return foundation(Array(b.dropFirst(2)), .utf16BigEndian).map { ($0, .utf16BE) } }
        return nil
    }

    /// UTF-32 or UTF-16 without a byte-order mark: UTF-32's top byte is always zero;
    /// UTF-16 is read both ways (ASCII's zero bytes fall on one side, but U+3000 and
    /// U+4E00 put theirs on the other) and the reading that looks more like Japanese wins.
    private static func decodeWithoutMark(_ b: [UInt8]) -> (String, Encoding)? {
        if b.count % 4 == 0 {
            let units = stride(from: 0, to: b.count, by: 4)
            if units.allSatisfy({ b[$0 + 3] == 0 }), let text = foundation(b, .utf32LittleEndian) { return (text, .utf32LE) }
            if units.allSatisfy({ b[$0] == 0 }), let text = foundation(b, .utf32BigEndian) { return (text, .utf32BE) }
        }
        guard b.count % 2 == 0 else { return nil }
        var readings: [(String, Encoding)] = []
        if let text = foundation(b, .utf16LittleEndian) { readings.append((text, .utf16LE)) }
        if let text = foundation(b, .utf16BigEndian) { readings.append((text, .utf16BE)) }
        return mostJapanese(readings)
    }

    /// The reading with the highest share of what Japanese web text is made of: kana
    /// (counted double, as mojibake rarely makes them), kanji, ASCII, CJK and full-width
    /// punctuation. Anything else (half-width katakana, hangul, rare blocks) counts against.
    static func mostJapanese(_ readings: [(String, Encoding)]) -> (String, Encoding)? {
        func score(_ text: String) -> Double {
            var total = 0.0, count = 0
            for scalar in text.unicodeScalars {
                count += 1
                switch scalar.value {
                case 0x3041...0x30FF: total += 2
                case 0x20...0x7E, 0x09, 0x0A, 0x0D, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: total += 1
                case 0xFF61...0xFF9F: break
                default: total -= 2
                }
            }
            return count == 0 ? 0 : total / Double(count)
        }
        return readings.max { score($0.0) < score($1.0) }
    }

    /// ESC $ @, ESC $ B or ESC $ ( D: a switch to JIS X 0208/0212 in ISO-2022-JP.
    static func containsJISEscape(_ b: [UInt8]) -> Bool {
        b.indices.dropLast().contains { b[$0] == 0x1B && b[$0 + 1] == 0x24 }
    }

    // MARK: Legacy Japanese

    /// EUC-JP as Shift_JIS bytes, or nil when the bytes are not well-formed EUC-JP with at
    /// least one non-ASCII character. JIS X 0212 (three bytes from 0x8F) has no Shift_JIS
    /// form and is refused.
    static func shiftJIS(fromEUCJP b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var sawNonASCII = false
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                out.append(c); i += 1
            } else if c == 0x8E, i + 1 < b.count, (0xA1...0xDF).contains(b[i + 1]) {
                out.append(b[i + 1]); i += 2; sawNonASCII = true   // half-width katakana: one byte in Shift_JIS
            } else if (0xA1...0xFE).contains(c), i + 1 < b.count, (0xA1...0xFE).contains(b[i + 1]) {
                let row = Int(c) - 0x80, cell = Int(b[i + 1]) - 0x80   // JIS X 0208, 0x21...0x7E each
                let lead = (row + 1) / 2 + (row <= 0x5E ? 0x70 : 0xB0)
                let trail = row % 2 == 1 ? cell + (cell >= 0x60 ? 0x20 : 0x1F) : cell + 0x7E
                out.append(UInt8(lead)); out.append(UInt8(trail)); i += 2; sawNonASCII = true
            } else {
                return nil
            }
        }
        return sawNonASCII ? out : nil
    }

    /// Nine in ten of the non-ASCII bytes form valid UTF-8 sequences. Shift_JIS and
    /// EUC-JP text makes such sequences only now and then, by chance.
    static func isMostlyUTF8(_ b: [UInt8]) -> Bool {
        var nonASCII = 0, inSequences = 0, i = 0
        while i < b.count {
            let lead = b[i]
            guard lead >= 0x80 else { i += 1; continue }
            let length = (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
            let valid = length > 0 && i + length <= b.count && b[(i + 1)..<(i + length)].allSatisfy { $0 & 0xC0 == 0x80 }
            if valid {
                nonASCII += length; inSequences += length; i += length
            } else {
                nonASCII += 1; i += 1
            }
        }
        return nonASCII > 0 && inSequences * 10 >= nonASCII * 9
    }

    // MARK: -

    private static func foundation(_ bytes: [UInt8], _ encoding: String.Encoding) -> String? {
        guard let text = String(data: Data(bytes), encoding: encoding), looksLikeText(text) else { return nil }
        return text
    }

    /// No control characters but tab, line feed, form feed and carriage return.
    static func looksLikeText(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D) || v == 0x7F
        }
    }
}
