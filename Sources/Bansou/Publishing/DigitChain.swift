/// A run of digit groups in a `NormalizedText`, joined by separators that numbers
/// are written with: hyphens and dashes (all folded to `-`, plus ー), dots, brackets,
/// and white space or markup (a gap). At most two separator characters between groups.
/// `０５６５―１２―３４５６` and `(0565) 12-3456` are both one chain of three groups.
///
/// Digits are read in any script: ASCII, kanji numerals (〇五二-一二三-四五六七, 零),
/// and every other decimal digit (٠١٢, ०१२ …). The letters o, l and i (and ○) count as
/// 0, 1 and 1 where they stand among digits and touch no other letter
/// (`O12O-OOO-OO1`); a group of only such letters never starts a chain, and a chain with
/// such letters joins groups only by explicit separators, not by white space or markup
/// alone (a model number `型番O2268-46` in one table cell and `123` in the next are no
/// phone number). `chain.digits` holds the digits as ASCII.
struct DigitChain {
    enum Separator: UInt8, Comparable {
        /// Before the first group.
        case start
        /// Only removed white space or markup.
        case gap
        case dot
        case paren
        case dash

        static func < (a: Separator, b: Separator) -> Bool { a.rawValue < b.rawValue }
    }

    struct Group {
        /// Normalized byte range of the group (its digits, in whatever script).
        var range: Range<Int>
        /// Where its digits are in `digitBytes`.
        var digitRange: Range<Int>
        /// What separates this group from the one before.
        var separator: Separator
        /// Number of digits.
        var count: Int { digitRange.count }
    }

    var groups: [Group]
    /// The digits of all groups, as ASCII `0`–`9`.
    var digitBytes: [UInt8]
    /// Digits in all groups.
    var digitCount: Int { digitBytes.count }

    /// Every chain, in text order.
    static func all(in text: NormalizedText) -> [DigitChain] {
        var chains: [DigitChain] = []
        forEach(in: text, minimumDigits: 1) { chains.append($0) }
        return chains
    }

    /// Calls `body` with every chain of at least `minimumDigits` digits, in text order.
    /// The chain's storage is reused: copy it to keep it.
    static func forEach(in text: NormalizedText, minimumDigits: Int, _ body: (DigitChain) -> Void) {
        var chain = DigitChain(groups: [], digitBytes: [])
        chain.groups.reserveCapacity(8)
        chain.digitBytes.reserveCapacity(32)
        text.bytes.withUnsafeBufferPointer { b in
            DigitChain.values.withUnsafeBufferPointer { values in
              DigitChain.digitPages.withUnsafeBufferPointer { pages in
                let n = b.count
                var i = 0
                // Where the last chain ended: letters before a digit are looked for after it only.
                var floor = 0
                while i < n {
                    // Most bytes are no digit: ASCII by a range check, other scalars by whether
                    // their block of 64 has a digit (kanji numerals, ٠١٢ …).
                    let lead = b[i]
                    if lead < 0x80 {
                        if lead < 0x30 || lead > 0x39 { i += 1; continue }
                    } else if lead < 0xC0 {
                        i += 1; continue
                    } else if !DigitChain.mayBeDigit(b, at: i, pages) {
                        i += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                        continue
                    }
                    let (value, length) = digit(b, at: i, values)
                    if value < 0 || value >= 10 { i += length; continue }
                    // A chain starts at a real digit; o, l, i and ○ written right before it belong
                    // to it (O12O, l2-3456) unless they end a word (hello12).
                    var start = i
                    while start > floor && !text.isGap(before: start) {
                        if b[start - 1] == 0x6F || b[start - 1] == 0x6C || b[start - 1] == 0x69 {
                            start -= 1
                        } else if start - 3 >= floor && b[start - 3] == 0xE2 && b[start - 2] == 0x97 && (b[start - 1] == 0x8B || b[start - 1] == 0xAF) {
                            start -= 3
                        } else {
                            break
                        }
                    }
                    if start < i && start > 0 && b[start - 1] >= 0x61 && b[start - 1] <= 0x7A && !text.isGap(before: start) { start = i }
                    let digitAt = i
                    i = start
                    // A short run of digits that no separator continues (2026年, 一緒) is no chain
                    // worth reading: most numbers in prose stop here.
                    var end = i, runDigits = 0
                    while end < n {
                        let (v, l) = digit(b, at: end, values)
                        guard v >= 0 else { break }
                        runDigits += 1
                        end += l
                    }
                    if runDigits < minimumDigits && !DigitChain.isSeparator(b, at: end) {
                        i = end
                        floor = end
                        continue
                    }
                    chain.groups.removeAll(keepingCapacity: true)
                    chain.digitBytes.removeAll(keepingCapacity: true)
                    guard let first = readGroup(b, at: i, text, values, into: &chain.digitBytes), first.strong else {
                        // The letters before the digit are no part of it after all: start at the digit.
                        i = digitAt
                        floor = digitAt
                        continue
                    }
                    chain.groups.append(Group(range: i..<first.end, digitRange: 0..<chain.digitBytes.count, separator: .start))
                    var lettersRead = first.letters
                    i = first.end
                    while i < n {
                        var k = i
                        var tokens = 0
                        var sawGap = text.isGap(before: k)
                        var explicit: Separator? = nil
                        while k < n && tokens < 2 {
                            let kind: Separator
                            var width = 1
                            switch b[k] {
                            case 0x2D: kind = .dash
                            case 0x28, 0x29: kind = .paren
                            case 0x2E: kind = .dot
                            case 0xE3 where k + 2 < n && b[k + 1] == 0x83 && b[k + 2] == 0xBC: // ー
                                kind = .dash; width = 3
                            default:
                                kind = .gap
                            }
                            if kind == .gap { break }
                            explicit = max(explicit ?? kind, kind)
                            k += width
                            tokens += 1
                            if k < n && text.isGap(before: k) { sawGap = true }
                        }
                        guard k < n, tokens > 0 || sawGap, b[k - 1] != NormalizedText.hardBreak else { break }
                        let digitsBefore = chain.digitBytes.count
                        guard let group = readGroup(b, at: k, text, values, into: &chain.digitBytes, afterLetters: lettersRead),
                              explicit != nil || (group.strong && !group.letters && !lettersRead) else {
                            chain.digitBytes.removeSubrange(digitsBefore...)
                            break
                        }
                        lettersRead = lettersRead || group.letters
                        chain.groups.append(Group(range: k..<group.end, digitRange: digitsBefore..<chain.digitBytes.count,
                                                  separator: explicit ?? .gap))
                        i = group.end
                    }
                    floor = i
                    if chain.digitCount >= minimumDigits { body(chain) }
                }
              }
            }
        }
    }

    /// The digit group starting at `i`: appends its digits, returns where it ends, whether
    /// it has a real digit and whether it has letters read as digits. Nil when no digit
    /// starts there: a letter o/l/i inside a word (`hello`), or only such letters before a letter.
    /// Digits run on across white space (`12 34`), except in a chain with letters read as digits.
    private static func readGroup(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ text: NormalizedText,
                                  _ values: UnsafeBufferPointer<Int8>, into digits: inout [UInt8],
                                  afterLetters: Bool = false) -> (end: Int, strong: Bool, letters: Bool)? {
        let n = b.count
        if b[i] >= 0x61 && b[i] <= 0x7A && i > 0 && b[i - 1] >= 0x61 && b[i - 1] <= 0x7A && !text.isGap(before: i) { return nil }
        let before = digits.count
        var j = i
        var strong = false
        // End of the group up to its last real digit, and how many digits that is:
        // letters after it are dropped when a letter follows the group (`10lbs`).
        var strongEnd = i, strongDigits = before
        var letters = afterLetters
        while j < n {
            let (value, length) = digit(b, at: j, values)
            guard value >= 0 else { break }
            // White space between a letter and a digit parts them (`oil 10`).
            if j > i && text.isGap(before: j) && (letters || value >= 10) { break }
            if value >= 10 { letters = true }
            digits.append(UInt8(0x30 + value % 10))
            j += length
            if value < 10 {
                strong = true
                strongEnd = j
                strongDigits = digits.count
            }
        }
        guard j > i else { return nil }
        if j < n && b[j] >= 0x61 && b[j] <= 0x7A && !text.isGap(before: j) && strongEnd < j {
            // o/l/i run into a word: only the digits before them count.
            digits.removeSubrange(strongDigits...)
            j = strongEnd
        }
        guard j > i else {
            digits.removeSubrange(before...)
            return nil
        }
        var kept = false
        var k = i
        while k < j && !kept {
            let (value, length) = digit(b, at: k, values)
            kept = value >= 10
            k += length
        }
        return (j, strong, kept)
    }

    /// The digit at `j` and the scalar's length: 0–9 for a digit, 10–19 for a letter read
    /// as one (o, l, i, ○), -1 for none.
    @inline(__always)
    static func digit(_ b: UnsafeBufferPointer<UInt8>, at j: Int, _ values: UnsafeBufferPointer<Int8>) -> (Int, Int) {
        let c = b[j]
        if c < 0x80 { return (Int(values[Int(c)]), 1) }
        if c < 0xC0 { return (-1, 1) }
        let n = b.count
        if c < 0xE0 {
            guard j + 1 < n else { return (-1, 1) }
            return (Int(values[Int((UInt32(c & 0x1F) << 6) | UInt32(b[j + 1] & 0x3F))]), 2)
        }
        if c < 0xF0 {
            guard j + 2 < n else { return (-1, 1) }
            return (Int(values[Int((UInt32(c & 0x0F) << 12) | (UInt32(b[j + 1] & 0x3F) << 6) | UInt32(b[j + 2] & 0x3F))]), 3)
        }
        guard j + 3 < n else { return (-1, 1) }
        let v = (UInt32(c & 0x07) << 18) | (UInt32(b[j + 1] & 0x3F) << 12) | (UInt32(b[j + 2] & 0x3F) << 6) | UInt32(b[j + 3] & 0x3F)
        guard let scalar = Unicode.Scalar(v), scalar.properties.numericType == .decimal,
              let value = scalar.properties.numericValue else { return (-1, 4) }
        return (Int(value), 4)
    }

    /// True when a separator (`-`, brackets, `.`, ー) starts at `k`.
    @inline(__always)
    static func isSeparator(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        guard k < b.count else { return false }
        switch b[k] {
        case 0x2D, 0x28, 0x29, 0x2E: return true
        case 0xE3: return k + 2 < b.count && b[k + 1] == 0x83 && b[k + 2] == 0xBC
        default: return false
        }
    }

    /// False when the multi-byte scalar at `j` surely is no digit: its block of 64 code points has none.
    @inline(__always)
    static func mayBeDigit(_ b: UnsafeBufferPointer<UInt8>, at j: Int, _ digitPages: UnsafeBufferPointer<UInt64>) -> Bool {
        let c = b[j]
        guard c < 0xF0 else { return true }
        let page: Int
        if c < 0xE0 {
            page = Int(c & 0x1F) // U+0080–U+07FF: (v >> 6) is the lead's low bits
        } else {
            guard j + 1 < b.count else { return false }
            page = Int(c & 0x0F) << 6 | Int(b[j + 1] & 0x3F)
        }
        return digitPages[page >> 6] & (1 << UInt64(page & 63)) != 0
    }

    /// Bit per block of 64 BMP code points that holds a digit in `values`.
    static let digitPages: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 16)
        for v in 0x80..<0x10000 where values[v] >= 0 { bits[(v >> 6) >> 6] |= 1 << UInt64((v >> 6) & 63) }
        return bits
    }()

    /// Digit values of the scalars below U+10000 (see `digit`).
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 0x10000)
        for v in 0x30...0x39 { table[v] = Int8(v - 0x30) }
        table[0x6F] = 10; table[0x6C] = 11; table[0x69] = 11 // o l i
        for v in 0x80..<0x10000 where !(0xD800...0xDFFF).contains(v) && !(0x4E00...0x9FFF).contains(v) {
            if let scalar = Unicode.Scalar(v), scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                table[v] = Int8(value)
            }
        }
        let kanji: [(UInt32, Int8)] = [(0x3007, 0), (0x96F6, 0), (0x4E00, 1), (0x4E8C, 2), (0x4E09, 3), (0x56DB, 4),
                                       (0x4E94, 5), (0x516D, 6), (0x4E03, 7), (0x516B, 8), (0x4E5D, 9)] // 〇零一二三四五六七八九
        for (v, value) in kanji { table[Int(v)] = value }
        table[0x25CB] = 10; table[0x25EF] = 10 // ○ ◯
        return table
    }()

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The digits of groups `first...last`, concatenated, as ASCII.
    func digits(_ first: Int, _ last: Int, in text: NormalizedText) -> [UInt8] {
        Array(digitBytes[groups[first].digitRange.lowerBound..<groups[last].digitRange.upperBound])
    }

    /// Normalized range from the start of group `first` to the end of group `last`.
    func range(_ first: Int, _ last: Int) -> Range<Int> {
        groups[first].range.lowerBound..<groups[last].range.upperBound
    }

    /// True when the chain may end after group `last` as far as a number is concerned:
    /// it is the last group, or only a gap follows (`0565-12-3456 2026年`).
    func endsCleanly(after last: Int) -> Bool {
        last + 1 == groups.count || groups[last + 1].separator == .gap
    }

    /// True when a number may start at group `first`: the chain starts there or only a gap precedes it.
    func startsCleanly(at first: Int) -> Bool {
        groups[first].separator == .start || groups[first].separator == .gap
    }
}
