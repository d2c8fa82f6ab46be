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
                let n = b.count
                var i = 0
                while i < n {
                    // Most bytes are no digit: one table look-up per ASCII byte or scalar.
                    let (value, length) = digit(b, at: i, values)
                    if value < 0 { i += length; continue }
                    chain.groups.removeAll(keepingCapacity: true)
                    chain.digitBytes.removeAll(keepingCapacity: true)
                    guard let first = readGroup(b, at: i, text, values, into: &chain.digitBytes), first.strong else {
                        i += length
                        while i < n && b[i] >= 0x61 && b[i] <= 0x7A { i += 1 } // the rest of a word
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
                    if chain.digitCount >= minimumDigits { body(chain) }
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
