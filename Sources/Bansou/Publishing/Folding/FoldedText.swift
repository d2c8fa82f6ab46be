/// A skeleton being read: see `Skeleton.withFolded`. Valid only inside that call.
struct FoldedText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Per skeleton byte: where its source (one normalized character) starts in `base.bytes`.
    let starts: UnsafeMutablePointer<Int32>
    let base: NormalizedText

    var count: Int { bytes.count }

    /// Where the source of skeleton byte `i` ends in `base.bytes`.
    @inline(__always)
    func end(_ i: Int) -> Int {
        let start = Int(starts[i])
        guard start < base.bytes.count else { return start }
        let lead = base.bytes[start]
        return start + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
    }

    /// The normalized range that produced skeleton bytes `range` (non-empty, never
    /// ending with the `-` folding puts between digits).
    /// A long vowel the skeleton dropped right after the match belongs to it: ヤマダセイコー
    /// matches ヤマダセイコウ up to コ, and the anonymizer must not leave 「A社ー」 behind.
    func baseRange(of range: Range<Int>) -> Range<Int> {
        var upper = end(range.upperBound - 1)
        let next = range.upperBound < count ? Int(starts[range.upperBound]) : base.bytes.count
        while upper + 3 <= next, let length = Self.droppedVowelLength(base.bytes, at: upper) {
            upper += length
        }
        return Int(starts[range.lowerBound])..<upper
    }

    /// ー, or a vowel kana (あいうえお, アイウエオ, small ones too), as UTF-8 at `i`: the
    /// characters long-vowel folding drops. 3 bytes each.
    static func droppedVowelLength(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i + 3 <= bytes.count, bytes[i] == 0xE3 else { return nil }
        let v = (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F) | 0x3000
        switch v {
        case 0x30FC, 0x3041...0x304A, 0x30A1...0x30AA: return 3
        default: return nil
        }
    }

    /// As `NormalizedText.isGap`: something was removed between bytes `i - 1` and `i`
    /// (white space or markup before folding, punctuation or a reading while folding).
    func isGap(before i: Int) -> Bool {
        if i <= 0 || i >= bytes.count { return true }
        if bytes[i - 1] == NormalizedText.hardBreak || bytes[i] == NormalizedText.hardBreak { return true }
        let start = Int(starts[i])
        if start == Int(starts[i - 1]) { return false }
        if start != end(i - 1) { return true }
        return base.isGap(before: start)
    }
}

/// Skeleton bytes and the start of each one's source, in manually managed buffers
/// (as `NormalizedTextBuilder`; the end of a source is found from its first byte).
struct FoldedTextBuilder {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var starts: UnsafeMutablePointer<Int32>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        bytes = .allocate(capacity: self.capacity)
        starts = .allocate(capacity: self.capacity)
    }

    func release() {
        bytes.deallocate()
        starts.deallocate()
    }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        let newStarts = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: count)
        newStarts.update(from: starts, count: count)
        release()
        bytes = newBytes
        starts = newStarts
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8, _ start: Int32) {
        bytes[count] = byte
        starts[count] = start
        count += 1
    }

    /// Appends a scalar's UTF-8 encoding, every byte from the same source.
    @inline(__always)
    mutating func put(scalar v: UInt32, _ start: Int32) {
        reserve(4)
        if v < 0x80 {
            put(UInt8(v), start)
        } else if v < 0x800 {
            put(UInt8(0xC0 | (v >> 6)), start)
            put(UInt8(0x80 | (v & 0x3F)), start)
        } else if v < 0x10000 {
            put(UInt8(0xE0 | (v >> 12)), start)
            put(UInt8(0x80 | ((v >> 6) & 0x3F)), start)
            put(UInt8(0x80 | (v & 0x3F)), start)
        } else {
            put(UInt8(0xF0 | (v >> 18)), start)
            put(UInt8(0x80 | ((v >> 12) & 0x3F)), start)
            put(UInt8(0x80 | ((v >> 6) & 0x3F)), start)
            put(UInt8(0x80 | (v & 0x3F)), start)
        }
    }

    /// A boundary nothing matches across; never two in a row, never at the start.
    @inline(__always)
    mutating func hardBreak(at offset: Int32) {
        guard count > 0, bytes[count - 1] != NormalizedText.hardBreak else { return }
        reserve(1)
        put(NormalizedText.hardBreak, offset)
    }
}

/// `NormalizedText.isGap` over raw buffers, for the folding loop.
struct GapMap {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafePointer<Int32>
    let ends: UnsafePointer<Int32>

    @inline(__always)
    func isGap(before index: Int) -> Bool {
        if index <= 0 || index >= bytes.count { return true }
        if bytes[index - 1] == NormalizedText.hardBreak || bytes[index] == NormalizedText.hardBreak { return true }
        let start = starts[index]
        return start != starts[index - 1] && start != ends[index - 1]
    }
}
