/// Finds many normalized patterns in a `NormalizedText` in one pass, on their
/// skeletons (`Skeleton`): a pattern is indexed under the skeleton forms of it, the
/// text is folded once per scan, and a match is reported as the normalized range
/// its skeleton bytes came from.
///
/// Each pattern of 8 bytes or more is indexed by one 8-byte window of it, chosen
/// where it is rarest among all patterns: client names all begin 株式会社…, e-mail
/// addresses info@…, so indexing prefixes would pile them into one bucket. Shorter
/// patterns (2–7 bytes) are indexed whole, one table per length. The scan visits
/// each scalar start once: a 64 Ki-bit filter on the scalar says whether any
/// window starts with it (a few ns, and most positions stop there); otherwise it
/// packs the next 8 bytes into a key, probes an open-addressing table, and
/// compares the whole pattern only on a key match. A byte-level Aho–Corasick
/// automaton would cost a transition per byte and, with thousands of terms,
/// either megabytes of dense tables or a search per transition.
///
/// Patterns whose first (last) byte is an ASCII letter or digit only match at a
/// word boundary there: the neighbour is not an ASCII letter or digit, or a gap
/// (removed white space, markup or punctuation) separates them. `seiko` does not hit `seikosha`.
struct TermIndex: Sendable {
    static let window = 8

    private struct Table: Sendable {
        var keyLength: Int
        var keys: [UInt64]
        var heads: [Int32]
        var shift: UInt64
        var mask: Int

        init(keyLength: Int, count: Int) {
            var bits = 4
            while (1 << bits) < count * 2 { bits += 1 }
            self.keyLength = keyLength
            keys = [UInt64](repeating: 0, count: 1 << bits)
            heads = [Int32](repeating: -1, count: 1 << bits)
            shift = UInt64(64 - bits)
            mask = (1 << bits) - 1
        }

        @inline(__always)
        func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

        /// Links `id` into the bucket of `key`.
        mutating func insert(_ key: UInt64, _ id: Int, next: inout [Int32]) {
            var s = slot(key)
            while keys[s] != 0 && keys[s] != key { s = (s + 1) & mask }
            keys[s] = key
            next[id] = heads[s]
            heads[s] = Int32(id)
        }
    }

    private var storage: [UInt8] = []
    private var offsets: [Int] = [0]
    private var boundaryFlags: [UInt8] = []
    /// Where in the pattern its key window starts (0 for short patterns).
    private var windowOffsets: [Int] = []
    private var next: [Int32] = []
    /// The tables, flattened so the scan touches no reference-counted storage per probe.
    private var tableInfos: [TableInfo] = []
    private var tableKeys: [UInt64] = []
    private var tableHeads: [Int32] = []

    private struct TableInfo: Sendable {
        var keyLength: Int
        var base: Int
        var shift: UInt64
        var mask: Int
    }
    /// Bit per `filterIndex` of the first scalar of every key window.
    private var filter = [UInt64](repeating: 0, count: 1024)

    /// For each indexed form: the id of the pattern it is a form of.
    private var owners: [Int32] = []

    var patternCount: Int { offsets.count - 1 }

    /// Pattern ids are indices into `patterns` (normalized, as `TextNormalizer.normalize`
    /// gives them). Patterns whose skeleton is shorter than 2 characters never match.
    init(patterns: [[UInt8]]) {
        var forms: [[UInt8]] = []
        var owners: [Int32] = []
        for (id, pattern) in patterns.enumerated() {
            for form in Skeleton.forms(ofTerm: String(decoding: pattern, as: UTF8.self)) {
                forms.append(form)
                owners.append(Int32(id))
            }
        }
        self.init(forms: forms, owners: owners)
    }

    /// Indexes skeleton forms as they are; `owners[k]` is the pattern id reported for `forms[k]`.
    private init(forms patterns: [[UInt8]], owners: [Int32]) {
        self.owners = owners
        for pattern in patterns {
            storage.append(contentsOf: pattern)
            offsets.append(storage.count)
            var flags: UInt8 = 0
            if let first = pattern.first, TermIndex.isAlnum(first) { flags |= 1 }
            if let last = pattern.last, TermIndex.isAlnum(last) { flags |= 2 }
            boundaryFlags.append(flags)
        }
        next = [Int32](repeating: -1, count: patterns.count)
        windowOffsets = [Int](repeating: 0, count: patterns.count)

        // Long patterns: count every window, then index each pattern by its rarest one.
        var windowCounts: [UInt64: Int] = [:]
        var candidates: [[(offset: Int, key: UInt64)]] = Array(repeating: [], count: patterns.count)
        for (id, pattern) in patterns.enumerated() where pattern.count >= TermIndex.window {
            var seen = Set<UInt64>()
            for offset in 0...(pattern.count - TermIndex.window) where pattern[offset] & 0xC0 != 0x80 {
                let key = TermIndex.pack(pattern[offset..<(offset + TermIndex.window)])
                candidates[id].append((offset, key))
                if seen.insert(key).inserted { windowCounts[key, default: 0] += 1 }
            }
        }
        var long = Table(keyLength: TermIndex.window, count: candidates.filter { !$0.isEmpty }.count)
        var short: [Int: Table] = [:]
        for (id, pattern) in patterns.enumerated() {
            if let best = candidates[id].min(by: { windowCounts[$0.key]! < windowCounts[$1.key]! }) {
                windowOffsets[id] = best.offset
                long.insert(best.key, id, next: &next)
                setFilter(pattern, at: best.offset)
            } else if pattern.count >= 2 {
                let length = pattern.count
                if short[length] == nil {
                    short[length] = Table(keyLength: length, count: patterns.filter { $0.count == length }.count)
                }
                short[length]!.insert(TermIndex.pack(pattern[...]), id, next: &next)
                setFilter(pattern, at: 0)
            }
        }
        var tables: [Table] = []
        if long.keys.contains(where: { $0 != 0 }) { tables.append(long) }
        tables.append(contentsOf: short.keys.sorted().map { short[$0]! })
        for table in tables {
            tableInfos.append(TableInfo(keyLength: table.keyLength, base: tableKeys.count, shift: table.shift, mask: table.mask))
            tableKeys.append(contentsOf: table.keys)
            tableHeads.append(contentsOf: table.heads)
        }
    }

    private mutating func setFilter(_ pattern: [UInt8], at offset: Int) {
        let index = pattern.withUnsafeBufferPointer { TermIndex.filterIndex($0, offset) }
        filter[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// 16 bits naming the scalar at `i`: its code point for 3-byte UTF-8 (kana, kanji),
    /// the first two bytes otherwise. Needs two bytes, three for a 3- or 4-byte lead.
    @inline(__always)
    static func filterIndex(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b0 = Int(b[i])
        if b0 >= 0xE0 {
            return (b0 & 0x0F) << 12 | (Int(b[i + 1]) & 0x3F) << 6 | (Int(b[i + 2]) & 0x3F)
        }
        return b0 << 8 | Int(b[i + 1])
    }

    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (k, byte) in bytes.enumerated() { key |= UInt64(byte) << UInt64(8 * k) }
        return key
    }

    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Calls `body(patternID, normalizedRange)` for every occurrence (not sorted).
    func forEachMatch(in text: NormalizedText, _ body: (Int, Range<Int>) -> Void) {
        guard !tableInfos.isEmpty else { return }
        Skeleton.withFolded(text) { folded in
            owners.withUnsafeBufferPointer { owners in
                withTables { tables in
                    scan(folded, tables) { form, range in body(Int(owners[form]), folded.baseRange(of: range)) }
                }
            }
        }
    }

    /// The index's arrays as buffers, so the scan loop does no reference counting.
    private struct Buffers {
        var store: UnsafeBufferPointer<UInt8>
        var filter: UnsafeBufferPointer<UInt64>
        var infos: UnsafeBufferPointer<TableInfo>
        var keys: UnsafeBufferPointer<UInt64>
        var heads: UnsafeBufferPointer<Int32>
        var offsets: UnsafeBufferPointer<Int>
        var windowOffsets: UnsafeBufferPointer<Int>
        var next: UnsafeBufferPointer<Int32>
        var flags: UnsafeBufferPointer<UInt8>
    }

    private func withTables(_ body: (Buffers) -> Void) {
        storage.withUnsafeBufferPointer { store in
            filter.withUnsafeBufferPointer { filter in
                tableInfos.withUnsafeBufferPointer { infos in
                    tableKeys.withUnsafeBufferPointer { keys in
                        tableHeads.withUnsafeBufferPointer { heads in
                            offsets.withUnsafeBufferPointer { offsets in
                                windowOffsets.withUnsafeBufferPointer { windowOffsets in
                                    next.withUnsafeBufferPointer { next in
                                        boundaryFlags.withUnsafeBufferPointer { flags in
                                            body(Buffers(store: store, filter: filter, infos: infos, keys: keys, heads: heads,
                                                         offsets: offsets, windowOffsets: windowOffsets, next: next, flags: flags))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func scan(_ text: FoldedText, _ t: Buffers, _ body: (Int, Range<Int>) -> Void) {
        let b = text.bytes
        let n = b.count
        guard n > 1 else { return }
        let base = b.baseAddress!
        let store = t.store.baseAddress!
        var i = 0
        while i + 1 < n {
            let lead = b[i]
            if lead & 0xC0 == 0x80 { i += 1; continue }
            let length = TermIndex.scalarLength(lead)
            if length >= 3 && i + 2 >= n { break }
            let f = TermIndex.filterIndex(b, i)
            if t.filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { i += length; continue }
            let available = n - i
            var raw: UInt64
            if available >= 8 {
                raw = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            } else {
                raw = 0
                for k in 0..<available { raw |= UInt64(b[i + k]) << UInt64(8 * k) }
            }
            for info in t.infos where info.keyLength <= available {
                let key = info.keyLength == 8 ? raw : raw & ((1 << UInt64(8 * info.keyLength)) - 1)
                var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> info.shift)
                var id = -1
                while true {
                    let k = t.keys[info.base + slot]
                    if k == key { id = Int(t.heads[info.base + slot]); break }
                    if k == 0 { break }
                    slot = (slot + 1) & info.mask
                }
                while id >= 0 {
                    let pStart = t.offsets[id], pLength = t.offsets[id + 1] - pStart
                    let start = i - t.windowOffsets[id]
                    if start >= 0 && start + pLength <= n
                        && TermIndex.equal(base + start, store + pStart, pLength)
                        && boundaryOK(text, b, start, start + pLength, t.flags[id]) {
                        body(id, start..<(start + pLength))
                    }
                    id = Int(t.next[id])
                }
            }
            i += length
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var k = 0
        while k < count {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    private func boundaryOK(_ text: FoldedText, _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ flags: UInt8) -> Bool {
        if flags & 1 != 0 && start > 0 && TermIndex.isAlnum(b[start - 1]) && !text.isGap(before: start) { return false }
        if flags & 2 != 0 && end < b.count && TermIndex.isAlnum(b[end]) && !text.isGap(before: end) { return false }
        return true
    }
}
