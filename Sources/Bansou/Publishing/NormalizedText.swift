/// A text after `TextNormalizer`: UTF-8 bytes of its normalized form, and for
/// every normalized byte the range of the original text (UTF-8 offsets) it came from.
///
/// Removed characters (white space, tags, zero-width characters) leave a *gap*:
/// two neighbouring normalized bytes whose sources are not adjacent. Terms match
/// across gaps; generic patterns use them as word boundaries. A `hardBreak`
/// byte (0x00) separates things nothing may match across (the text from the
/// tag contents, one attribute from the next).
public struct NormalizedText: Sendable {
    public static let hardBreak: UInt8 = 0

    /// The normalized text, UTF-8.
    public internal(set) var bytes: [UInt8]
    /// For each normalized byte, the UTF-8 offset in the original text where its source starts.
    public internal(set) var sourceStarts: [Int32]
    /// For each normalized byte, the UTF-8 offset in the original text where its source ends.
    public internal(set) var sourceEnds: [Int32]

    init(bytes: [UInt8], sourceStarts: [Int32], sourceEnds: [Int32]) {
        self.bytes = bytes
        self.sourceStarts = sourceStarts
        self.sourceEnds = sourceEnds
    }

    public var count: Int { bytes.count }

    /// The normalized text as a string; hard breaks are shown as line feeds.
    public var string: String {
        String(decoding: bytes.map { $0 == NormalizedText.hardBreak ? 0x0A : $0 }, as: UTF8.self)
    }

    /// The original UTF-8 range that produced the normalized bytes `range` (non-empty).
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty && range.upperBound <= bytes.count)
        return Int(sourceStarts[range.lowerBound])..<Int(sourceEnds[range.upperBound - 1])
    }

    /// The original range as `String` indices of `original` (the text that was normalized).
    public func sourceRange(of range: Range<Int>, in original: String) -> Range<String.Index> {
        let r = sourceRange(of: range)
        let utf8 = original.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
        let upper = utf8.index(lower, offsetBy: r.count)
        return lower..<upper
    }

    /// True when something was removed between byte `index - 1` and byte `index`
    /// (white space, a tag, an invisible character), or at a hard break or either end.
    public func isGap(before index: Int) -> Bool {
        if index <= 0 || index >= bytes.count { return true }
        if bytes[index - 1] == NormalizedText.hardBreak || bytes[index] == NormalizedText.hardBreak { return true }
        let start = sourceStarts[index]
        return start != sourceStarts[index - 1] && start != sourceEnds[index - 1]
    }
}
