/// Appends normalized bytes with their source ranges (see `NormalizedText`).
struct NormalizedTextBuilder {
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var ends: [Int32] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, _ start: Int32, _ end: Int32) {
        bytes.append(byte)
        starts.append(start)
        ends.append(end)
    }

    /// Appends a scalar's UTF-8 encoding, every byte mapped to the same source range.
    @inline(__always)
    mutating func append(scalar v: UInt32, _ start: Int32, _ end: Int32) {
        if v < 0x80 {
            append(UInt8(v), start, end)
        } else if v < 0x800 {
            append(UInt8(0xC0 | (v >> 6)), start, end)
            append(UInt8(0x80 | (v & 0x3F)), start, end)
        } else if v < 0x10000 {
            append(UInt8(0xE0 | (v >> 12)), start, end)
            append(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end)
            append(UInt8(0x80 | (v & 0x3F)), start, end)
        } else {
            append(UInt8(0xF0 | (v >> 18)), start, end)
            append(UInt8(0x80 | ((v >> 12) & 0x3F)), start, end)
            append(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end)
            append(UInt8(0x80 | (v & 0x3F)), start, end)
        }
    }

    /// A boundary nothing matches across; never two in a row, never at the start.
    mutating func hardBreak(at offset: Int32) {
        guard let last = bytes.last, last != NormalizedText.hardBreak else { return }
        append(NormalizedText.hardBreak, offset, offset)
    }

    /// The text, then (after a hard break) `other`.
    mutating func append(contentsOf other: NormalizedTextBuilder) {
        guard !other.bytes.isEmpty else { return }
        if let last = bytes.last, last != NormalizedText.hardBreak, other.bytes.first != NormalizedText.hardBreak {
            append(NormalizedText.hardBreak, ends.last!, ends.last!)
        }
        bytes.append(contentsOf: other.bytes)
        starts.append(contentsOf: other.starts)
        ends.append(contentsOf: other.ends)
    }

    func build() -> NormalizedText {
        NormalizedText(bytes: bytes, sourceStarts: starts, sourceEnds: ends)
    }
}
