import Foundation

/// Makes Chromium's PDF of the same page the same bytes every time. Chromium (Skia) writes
/// two things that change from run to run, both in plain (uncompressed) objects:
/// - `/CreationDate (D:20261203144701+00'00')` and `/ModDate (…)`: the moment of printing.
///   They become the report's as-of day at 00:00 UTC, so the date still says what it is about.
/// - `(node00003174)`: the ids of table header cells in the tagged structure tree, taken from
///   a counter of the renderer that keeps growing while a tab is reused. They are renumbered
///   1, 2, 3 … in the order of their numbers (so the sorted name tree stays sorted).
/// Both rewrites keep every length, so the cross-reference offsets stay right. Chromium writes
/// no trailer /ID. A PDF that is not Chromium's (a test's stand-in) passes through unchanged.
enum PDFDeterminism {
    static func normalize(_ pdf: Data, date: Day?) -> Data {
        var bytes = [UInt8](pdf)
        if let date { fixDates(&bytes, to: date) }
        renumberNodeIDs(&bytes)
        return Data(bytes)
    }

    private static let creationKey = Array("/CreationDate (D:".utf8)
    private static let modKey = Array("/ModDate (D:".utf8)
    /// The Info dictionary is near the start; the dates are looked for in its first bytes only.
    private static let infoWindow = 4096

    /// `D:YYYYMMDDHHmmSS` becomes the day at 00:00:00; the zone after it (`+00'00'`) is kept.
    static func fixDates(_ bytes: inout [UInt8], to day: Day) {
        let stamp = Array(String(format: "%04d%02d%02d000000", day.year, day.month, day.day).utf8)
        for key in [creationKey, modKey] {
            guard let at = find(key, in: bytes, upTo: min(bytes.count, infoWindow)) else { continue }
            let start = at + key.count
            guard start + stamp.count <= bytes.count, bytes[start..<(start + stamp.count)].allSatisfy(isDigit) else { continue }
            for (offset, byte) in stamp.enumerated() { bytes[start + offset] = byte }
        }
    }

    private static let nodePrefix = Array("(node".utf8)

    /// Every `(node` + digits + `)` outside streams is an id of the structure tree. (Inside a
    /// compressed stream those 14 or so exact bytes would be a coincidence of about 1 in 10^30.)
    static func renumberNodeIDs(_ bytes: inout [UInt8]) {
        var places: [(start: Int, width: Int, number: Int)] = []
        var at = 0
        while let found = find(nodePrefix, in: bytes, from: at, upTo: bytes.count) {
            var end = found + nodePrefix.count
            var number = 0
            while end < bytes.count, isDigit(bytes[end]), end - found < 30 {
                number = number * 10 + Int(bytes[end] - 48)
                end += 1
            }
            let width = end - found - nodePrefix.count
            if width > 0, end < bytes.count, bytes[end] == UInt8(ascii: ")") {
                places.append((found + nodePrefix.count, width, number))
            }
            at = end
        }
        guard !places.isEmpty else { return }
        // The k-th smallest of distinct positive numbers is at least k: it always fits its width.
        let order = Dictionary(uniqueKeysWithValues: Set(places.map(\.number)).sorted().enumerated().map { ($1, $0 + 1) })
        for place in places {
            let digits = Array(String(order[place.number]!).utf8)
            guard digits.count <= place.width else { continue }
            let padded = [UInt8](repeating: UInt8(ascii: "0"), count: place.width - digits.count) + digits
            for (offset, byte) in padded.enumerated() { bytes[place.start + offset] = byte }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0, upTo end: Int) -> Int? {
        guard let first = needle.first, needle.count <= end - start else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var at = start
            let last = end - needle.count
            while at <= last {
                // memchr for the first byte, then compare the rest.
                guard let hit = memchr(buffer.baseAddress! + at, Int32(first), last - at + 1) else { return nil }
                let index = buffer.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(buffer.baseAddress! + index, needle, needle.count) == 0 { return index }
                at = index + 1
            }
            return nil
        }
    }
}
