/// An open-addressing hash table from a nonzero 64-bit key (a pair of Unicode scalars,
/// `first << 32 | second`) to a small integer. Swift's Dictionary and Set hash with
/// SipHash, seeded per process: on 10,000 stories the index made some 10⁷ such look-ups
/// and hashing was a tenth of the whole search index. A multiplicative hash is enough
/// for keys that are scalar values, and the table is never exposed to untrusted keys
/// in a way that matters (a bad spread costs time on one page, and the page is bounded).
struct ScalarPairTable {
    private(set) var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The value stored for `key`, after storing `make()` if the key is new.
    /// `key` must not be 0 (the empty slot).
    @inline(__always)
    mutating func value(for key: UInt64, orInsert make: () -> Int32) -> (value: Int32, inserted: Bool) {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (values[slot], false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        let value = make()
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return (value, true)
    }

    /// Inserts `key` (value 0); true when it was not there.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        value(for: key) { 0 }.inserted
    }

    /// Adds one to `key`'s value (0 for a new key); true when the key was new.
    @inline(__always)
    mutating func increment(_ key: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { values[slot] &+= 1; return false }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = 1
        count += 1
        if count * 2 > keys.count { grow() }
        return true
    }

    /// The value stored for `key`, 0 when it is absent.
    func value(of key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Every key with its value, in slot order.
    var storedPairs: [(key: UInt64, value: Int32)] { zip(keys, values).filter { $0.0 != 0 }.map { ($0.0, $0.1) } }

    /// Every key, in slot order (callers sort what they publish).
    var storedKeys: [UInt64] { keys.filter { $0 != 0 } }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            _ = self.value(for: key) { value }
        }
    }
}
