/// A run of ASCII digit groups in a `NormalizedText`, joined by separators that
/// numbers are written with: hyphens and dashes (all folded to `-`, plus ー),
/// dots, brackets, and white space or markup (a gap). At most two separator
/// characters between groups. `０５６５―１２―３４５６` and `(0565) 12-3456` are
/// both one chain of three groups.
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
        /// Normalized byte range of the digits.
        var range: Range<Int>
        /// What separates this group from the one before.
        var separator: Separator
        var count: Int { range.count }
    }


    var groups: [Group]
    /// Digits in all groups.
    var digitCount: Int

    /// Every chain, in text order.
    static func all(in text: NormalizedText) -> [DigitChain] {
        var chains: [DigitChain] = []
        forEach(in: text, minimumDigits: 1) { chains.append($0) }
        return chains
    }

    /// Calls `body` with every chain of at least `minimumDigits` digits, in text order.
    /// The chain's storage is reused: copy it to keep it.
    static func forEach(in text: NormalizedText, minimumDigits: Int, _ body: (DigitChain) -> Void) {
        var chain = DigitChain(groups: [], digitCount: 0)
        chain.groups.reserveCapacity(8)
        text.bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                guard isDigit(b[i]) else { i += 1; continue }
                chain.groups.removeAll(keepingCapacity: true)
                chain.digitCount = 0
                var start = i
                var separator = Separator.start
                while true {
                    var end = start
                    while end < n && isDigit(b[end]) { end += 1 }
                    chain.groups.append(Group(range: start..<end, separator: separator))
                    chain.digitCount += end - start
                    i = end
                    guard end < n else { break }
                    var k = end
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
                    guard k < n, isDigit(b[k]), tokens > 0 || sawGap,
                          b[k - 1] != NormalizedText.hardBreak else { break }
                    separator = explicit ?? .gap
                    start = k
                }
                if chain.digitCount >= minimumDigits { body(chain) }
            }
        }
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The digits of groups `first...last`, concatenated.
    func digits(_ first: Int, _ last: Int, in text: NormalizedText) -> [UInt8] {
        var out: [UInt8] = []
        for g in groups[first...last] { out.append(contentsOf: text.bytes[g.range]) }
        return out
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
