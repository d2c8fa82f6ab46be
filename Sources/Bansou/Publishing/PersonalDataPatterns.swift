import Foundation

/// Generic personal data found by pattern in a `NormalizedText` (spec rule 4):
/// e-mail addresses, Japanese phone numbers, corporate numbers with a valid check
/// digit, and postal codes. Each function returns normalized byte ranges.
enum PersonalDataPatterns {
    // MARK: E-mail

    /// `local@domain.tld`, no white space inside a part. The `@` may be spelled `(at)`,
    /// `[at]` or `{at}` (`＠` is `@` after NFKC) and a dot `(dot)`, `[dot]` or `{dot}`, with
    /// white space around them: `info [at] example [dot] co [dot] jp`. A TLD that is a file
    /// extension (`logo@2x.png`) is not an address.
    static func emails(in text: NormalizedText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        text.bytes.withUnsafeBufferPointer { b in
            var searchFrom = 0
            for (tokenStart, tokenEnd) in atSigns(b) where tokenStart >= searchFrom {
                var start = tokenStart
                while start > 0 && isLocalChar(b[start - 1]) && (start == tokenStart || !text.isGap(before: start)) { start -= 1 }
                while start < tokenStart && b[start] == 0x2E { start += 1 }
                guard start < tokenStart, let end = domainEnd(b, from: tokenEnd, text) else { continue }
                found.append(start..<end)
                searchFrom = end
            }
        }
        return found
    }

    /// Where each `@` (or `(at)` …) is, in text order, as (start, end).
    static func atSigns(_ b: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var signs: [(Int, Int)] = []
        guard let base = b.baseAddress else { return signs }
        let n = b.count
        for byte in [0x40, 0x28, 0x5B, 0x7B] as [Int32] {
            var from = 0
            while from < n, let hit = memchr(base + from, byte, n - from) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = k + 1
                if byte == 0x40 {
                    signs.append((k, k + 1))
                } else if let end = spelledToken(b, k, "at") {
                    signs.append((k, end))
                }
            }
        }
        return signs.sorted { $0.0 < $1.0 }
    }

    /// `(word)`, `[word]` or `{word}` at `k`: where it ends, or nil.
    static func spelledToken(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ word: StaticString) -> Int? {
        let length = word.utf8CodeUnitCount
        let close = k + 1 + length
        guard close < b.count, b[k] == 0x28 || b[k] == 0x5B || b[k] == 0x7B else { return nil }
        for m in 0..<length where b[k + 1 + m] != word.utf8Start[m] { return nil }
        return b[close] == 0x29 || b[close] == 0x5D || b[close] == 0x7D ? close + 1 : nil
    }

    /// The end of a domain of two or more labels starting at `from` (after white space
    /// at most), with a letters-only TLD that is not a file extension; nil otherwise.
    static func domainEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ text: NormalizedText) -> Int? {
        let n = b.count
        var j = from
        var labels = 0
        var lastLabel = from..<from
        while true {
            let labelStart = j
            while j < n && isLabelChar(b[j]) && (j == labelStart || !text.isGap(before: j)) { j += 1 }
            var labelEnd = j
            while labelEnd > labelStart && b[labelEnd - 1] == 0x2D { labelEnd -= 1 }
            guard labelEnd > labelStart else { break }
            labels += 1
            lastLabel = labelStart..<labelEnd
            if labelEnd < j { break }
            if j + 1 < n && b[j] == 0x2E && !text.isGap(before: j) && isLabelChar(b[j + 1]) && !text.isGap(before: j + 1) {
                j += 1
            } else if j < n, let next = spelledToken(b, j, "dot"), next < n, isLabelChar(b[next]) {
                j = next
            } else {
                break
            }
        }
        guard labels >= 2, lastLabel.count >= 2, b[lastLabel].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
              !fileExtensions.contains(String(decoding: b[lastLabel], as: UTF8.self)) else { return nil }
        return lastLabel.upperBound
    }

    @inline(__always)
    static func isLabelChar(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
    }

    static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff",
        "css", "js", "mjs", "json", "pdf", "mp4", "webm", "mov", "mp3", "woff", "woff2", "ttf", "otf",
    ]

    @inline(__always)
    static func isLocalChar(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }


    // MARK: Phone

    /// Japanese phone numbers in a chain: 10 digits for fixed lines, 0120 and 0570;
    /// 11 digits for 070/080/090 mobiles, 050 IP phones, 020 and 0800; `+81` forms.
    /// With separators, 2–3 groups shaped like a phone number (area 2–5 digits,
    /// exchange 1–4, subscriber 3–4) that start and end the number cleanly:
    /// 2026-11-25, 0.5 and lists of small numbers never qualify.
    static func phones(in chain: DigitChain, text: NormalizedText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard chain.digitCount >= 10 else { return found }
        let bytes = text.bytes
        let digits = chain.digitBytes
        var first = 0
        while first < chain.groups.count {
            defer { first += 1 }
            guard chain.startsCleanly(at: first) else { continue }
            let start = chain.groups[first].range.lowerBound
            let d = chain.groups[first].digitRange.lowerBound
            let international = first == 0 && start > 0 && bytes[start - 1] == 0x2B
                && chain.groups[0].count >= 2 && digits[d] == 0x38 && digits[d + 1] == 0x31
            guard digits[d] == 0x30 || international else { continue }
            // The national number's first four digits (with the leading 0), and its length.
            var prefix: [UInt8] = []
            var length = 0
            if international { prefix.append(0x30); length = 1 }
            var skip = international ? 2 : 0
            for last in first..<min(chain.groups.count, first + 4) {
                for k in chain.groups[last].digitRange {
                    if skip > 0 { skip -= 1; continue }
                    if international && length == 1 && digits[k] == 0x30 { continue } // +81 (0)…
                    if prefix.count < 4 { prefix.append(digits[k]) }
                    length += 1
                }
                if length > 11 { break }
                guard chain.endsCleanly(after: last), length >= 10 else { continue }
                let shaped = international || isPhoneShape(chain.groups[first...last].map(\.count))
                if shaped && isPhoneNumber(prefix: prefix, length: length) {
                    found.append(chain.range(first, last))
                    first = last
                    break
                }
            }
        }
        return found
    }

    /// 0 then not 0; 11 digits for 020/050/060/070/080/090 and 0800, 10 otherwise.
    static func isPhoneNumber(prefix d: [UInt8], length: Int) -> Bool {
        guard length == 10 || length == 11, d.count == 4, d[0] == 0x30, d[1] != 0x30 else { return false }
        let long = (d[2] == 0x30 && [0x32, 0x35, 0x36, 0x37, 0x38, 0x39].contains(d[1]))
            || (d[1] == 0x38 && d[2] == 0x30 && d[3] == 0x30)
        return length == 11 ? long : !long
    }

    static func isPhoneShape(_ lengths: [Int]) -> Bool {
        switch lengths.count {
        case 1: return true
        case 2: return (2...5).contains(lengths[0]) && (4...9).contains(lengths[1])
        case 3: return (2...5).contains(lengths[0]) && (1...4).contains(lengths[1]) && (3...4).contains(lengths[2])
        default: return false
        }
    }

    // MARK: Corporate number

    /// 13 digits, written plain or in dash-separated groups, with a valid check digit,
    /// unless introduced as a book or product code (ISBN, EAN, JAN: 13 digits too).
    static func corporateNumbers(in chain: DigitChain, text: NormalizedText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard chain.digitCount >= 13 else { return found }
        for first in chain.groups.indices where chain.startsCleanly(at: first) {
            var digits: [UInt8] = []
            var last = first
            while last < chain.groups.count {
                if last > first && chain.groups[last].separator != .dash { break }
                digits.append(contentsOf: chain.digitBytes[chain.groups[last].digitRange])
                if digits.count >= 13 { break }
                last += 1
            }
            guard digits.count == 13, last < chain.groups.count, chain.endsCleanly(after: last),
                  CorporateNumber.isValid(digits: digits),
                  !has(barcodeMarks, before: chain.groups[first].range.lowerBound, in: text, within: 8) else { continue }
            found.append(chain.range(first, last))
        }
        return found
    }

    // MARK: Postal code

    /// NNN-NNNN after 〒 or 郵便番号 (within a few characters), or directly followed by
    /// a prefecture name (`471-0001 愛知県…`); NNNNNNN right after 〒 or 郵便番号.
    /// A date (2026-11-25) or an ordinary number (2026-1125) never qualifies.
    static func postalCodes(in chain: DigitChain, text: NormalizedText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard chain.digitCount >= 7 else { return found }
        let groups = chain.groups
        for first in groups.indices where chain.startsCleanly(at: first) {
            let range: Range<Int>
            if groups[first].count == 3, first + 1 < groups.count, groups[first + 1].separator == .dash,
               groups[first + 1].count == 4, chain.endsCleanly(after: first + 1) {
                range = chain.range(first, first + 1)
                guard hasPostalMark(before: range.lowerBound, in: text, within: 24)
                        || startsWithPrefecture(at: range.upperBound, in: text) else { continue }
            } else if groups[first].count == 7, chain.endsCleanly(after: first) {
                range = groups[first].range
                guard hasPostalMark(before: range.lowerBound, in: text, within: 16) else { continue }
            } else {
                continue
            }
            found.append(range)
        }
        return found
    }

    static let postalMarks: [[UInt8]] = ["〒", "郵便番号", "postalcode", "zipcode", "zip"].map { Array($0.utf8) }
    static let barcodeMarks: [[UInt8]] = ["isbn", "ean", "jan"].map { Array($0.utf8) }

    static func hasPostalMark(before index: Int, in text: NormalizedText, within window: Int) -> Bool {
        has(postalMarks, before: index, in: text, within: window)
    }

    /// True when one of `marks` occurs in the `window` bytes before `index` (not across a hard break).
    static func has(_ marks: [[UInt8]], before index: Int, in text: NormalizedText, within window: Int) -> Bool {
        let bytes = text.bytes
        var from = index
        while from > 0 && index - from < window && bytes[from - 1] != NormalizedText.hardBreak { from -= 1 }
        let slice = bytes[from..<index]
        for mark in marks where slice.count >= mark.count {
            var k = slice.startIndex
            while k + mark.count <= slice.endIndex {
                if bytes[k..<(k + mark.count)].elementsEqual(mark) { return true }
                k += 1
            }
        }
        return false
    }

    static let prefectures: [[UInt8]] = {
        let names = """
        北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県
        新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県
        奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県
        熊本県 大分県 宮崎県 鹿児島県 沖縄県
        """
        return names.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) }
    }()

    static func startsWithPrefecture(at index: Int, in text: NormalizedText) -> Bool {
        let bytes = text.bytes
        for name in prefectures where index + name.count <= bytes.count {
            if bytes[index..<(index + name.count)].elementsEqual(name) { return true }
        }
        return false
    }
}
