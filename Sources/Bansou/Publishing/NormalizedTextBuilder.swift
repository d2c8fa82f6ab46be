/// Appends normalized bytes with their source ranges (see `NormalizedText`) into
/// manually managed buffers: the normalizer writes a few bytes per input scalar,
/// and Array's per-append uniqueness and capacity checks dominated its profile.
/// Call `reserve` before appending; `release` when done.
struct NormalizedTextBuilder {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var starts: UnsafeMutablePointer<Int32>
    private(set) var ends: UnsafeMutablePointer<Int32>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        bytes = .allocate(capacity: self.capacity)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
    }

    func release() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        let newStarts = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let newEnds = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: count)
        newStarts.update(from: starts, count: count)
        newEnds.update(from: ends, count: count)
        release()
        bytes = newBytes
        starts = newStarts
        ends = newEnds
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8, _ start: Int32, _ end: Int32) {
        bytes[count] = byte
        starts[count] = start
        ends[count] = end
        count += 1
    }

    /// Appends a scalar's UTF-8 encoding, every byte mapped to the same source range.
    @inline(__always)
    mutating func put(scalar v: UInt32, _ start: Int32, _ end: Int32) {
        reserve(4)
        if v < 0x80 {
            put(UInt8(v), start, end)
        } else if v < 0x800 {
            put(UInt8(0xC0 | (v >> 6)), start, end)
            put(UInt8(0x80 | (v & 0x3F)), start, end)
        } else if v < 0x10000 {
            put(UInt8(0xE0 | (v >> 12)), start, end)
            put(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end)
            put(UInt8(0x80 | (v & 0x3F)), start, end)
        } else {
            put(UInt8(0xF0 | (v >> 18)), start, end)
            put(UInt8(0x80 | ((v >> 12) & 0x3F)), start, end)
            put(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end)
            put(UInt8(0x80 | (v & 0x3F)), start, end)
        }
    }

    /// A boundary nothing matches across; never two in a row, never at the start.
    @inline(__always)
    mutating func hardBreak(at offset: Int32) {
        guard count > 0, bytes[count - 1] != NormalizedText.hardBreak else { return }
        reserve(1)
        put(NormalizedText.hardBreak, offset, offset)
    }

    /// This builder's contents, then (after a hard break) `other`'s, as a `NormalizedText`.
    func build(appending other: NormalizedTextBuilder) -> NormalizedText {
        let needsBreak = count > 0 && other.count > 0 && bytes[count - 1] != NormalizedText.hardBreak
            && other.bytes[0] != NormalizedText.hardBreak
        let total = count + (needsBreak ? 1 : 0) + other.count
        func join<T>(_ mine: UnsafeMutablePointer<T>, _ theirs: UnsafeMutablePointer<T>, _ separator: T) -> [T] {
            [T](unsafeUninitializedCapacity: total) { buffer, initialized in
                let base = buffer.baseAddress!
                base.initialize(from: mine, count: count)
                var k = count
                if needsBreak { (base + k).initialize(to: separator); k += 1 }
                (base + k).initialize(from: theirs, count: other.count)
                initialized = total
            }
        }
        let joint = count > 0 ? ends[count - 1] : 0
        return NormalizedText(bytes: join(bytes, other.bytes, NormalizedText.hardBreak),
                              sourceStarts: join(starts, other.starts, joint),
                              sourceEnds: join(ends, other.ends, joint))
    }
}
