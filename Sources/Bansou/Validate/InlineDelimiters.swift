/// Counts what makes Debian 12's cmark-gfm (0.29.0.gfm.6) quadratic inside one paragraph.
///
/// Each emphasis run (`*`, `_`, `~`) it reads is pushed on a delimiter stack that is
/// resolved only at the paragraph's end; each link or image it closes (`](…)` or a
/// reference `[…]`) calls `process_emphasis` with the delimiter before the link's `[` as
/// the bottom, and its loop "move back to the first relevant delimiter" walks past that
/// bottom to the start of the stack. So a paragraph costs emphasis runs × links: 20,000
/// lines of `**b** [a](https://e.jp/N)` without a blank line took 10 s (1.6 s at 5,000
/// lines, quadratic), the same lines as separate paragraphs 0.03 s. Bounding the runs and
/// closing brackets of one paragraph to N bounds its cost to N²/4 steps, and the body's
/// to N/10 steps per byte.
///
/// The paragraphs are found from above, never from below: lines are grouped as cmark-gfm
/// could at most group them into one inline run (split only at a blank line, a heading, or
/// a list item that ends any paragraph), so a count here is never smaller than cmark-gfm's.
/// Fenced code is counted too (finding where it ends needs the whole block parser); its
/// `_` between letters (snake_case) is never a delimiter and is not counted.
enum InlineDelimiters {
    struct Crowded: Equatable {
        /// 0-based line of the paragraph's first line within the body.
        var line: Int
        var count: Int
    }

    /// An upper bound of a body's marks, in one pass: no paragraph can have more.
    static func markBytes(in bytes: [UInt8]) -> Int {
        var count = 0
        for b in bytes where b == 0x2A || b == 0x5F || b == 0x7E || b == 0x5D { count += 1 }
        return count
    }

    /// The paragraphs with more than `limit` marks.
    static func crowded(lines: [ArraySlice<UInt8>], limit: Int) -> [Crowded] {
        var found: [Crowded] = []
        var start = -1, count = 0
        func close() {
            if count > limit { found.append(Crowded(line: start, count: count)) }
            start = -1
            count = 0
        }
        for (index, line) in lines.enumerated() {
            if MarkdownLimits.isBlank(line) { close(); continue }
            let block = blockStart(line)
            if block != .none { close() }
            if start < 0 { start = index }
            count += marks(in: line)
            if block == .heading { close() } // an ATX heading is one line
        }
        close()
        return found
    }

    enum BlockStart { case none, heading, listItem }

    /// Whether `line` starts a block that ends any paragraph before it, wherever it stands:
    /// an ATX heading or a list item with content (`-`, `*`, `+`, or `1.`/`1)`, the only
    /// ordered marker that may interrupt a paragraph), after block quote markers and at most
    /// three spaces. Anything else (a `2.` item, a table row, a line indented further) may
    /// be a paragraph's continuation and is counted with it.
    static func blockStart(_ line: ArraySlice<UInt8>) -> BlockStart {
        var rest = MarkdownLimits.containerContent(line)
        let indent = rest.prefix { $0 == 0x20 }.count
        guard indent <= 3 else { return .none }
        rest = rest.dropFirst(indent)
        guard let first = rest.first else { return .none }
        func spaceThenContent(_ after: ArraySlice<UInt8>) -> Bool {
            guard let gap = after.first, gap == 0x20 || gap == 0x09 else { return false }
            return !after.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        switch first {
        case 0x23: // '#'
            let hashes = rest.prefix { $0 == 0x23 }.count
            let after = rest.dropFirst(hashes)
            return hashes <= 6 && (after.isEmpty || after.first == 0x20 || after.first == 0x09) ? .heading : .none
        case 0x2D, 0x2A, 0x2B: // '-', '*', '+'
            return spaceThenContent(rest.dropFirst()) ? .listItem : .none
        case 0x31: // '1'
            let marker = rest.dropFirst()
            guard marker.first == 0x2E || marker.first == 0x29 else { return .none } // '.' or ')'
            return spaceThenContent(marker.dropFirst()) ? .listItem : .none
        default:
            return .none
        }
    }

    /// Emphasis runs and closing brackets of one line. A run with white space on both sides
    /// can neither open nor close emphasis, nor can `_` between two letters or digits; both
    /// are left out so ordinary text and code are not counted.
    static func marks(in line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var k = line.startIndex
        while k < line.endIndex {
            let b = line[k]
            if b == 0x5D { count += 1; k += 1; continue } // ']'
            guard b == 0x2A || b == 0x5F || b == 0x7E else { k += 1; continue }
            let runStart = k
            while k < line.endIndex && line[k] == b { k += 1 }
            let before: UInt8 = runStart > line.startIndex ? line[runStart - 1] : 0x20
            let after: UInt8 = k < line.endIndex ? line[k] : 0x20
            if isWhite(before) && isWhite(after) { continue }
            if b == 0x5F && isAlphanumeric(before) && isAlphanumeric(after) { continue }
            count += 1
        }
        return count
    }

    static func isWhite(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
