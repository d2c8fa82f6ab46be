import Foundation

/// Rendered Markdown kept between builds in `.bansou-cache/markdown.cache` at the project
/// root (beside Content/, git-ignored, never under Output/): a rebuild, or a build after one
/// edit, sends only the changed bodies through cmark-gfm.
///
/// Content-addressed: an entry's key is SHA-256 of the renderer's fingerprint (cmark-gfm's
/// version, its options, which include `unsafe_html`, the extensions, and the version of
/// bansou's own pass over the tree) and the body, so a body renders to the cached HTML only
/// under the settings that made it. The file's header holds the fingerprint too: a file
/// written under other settings is not read at all, and the next write replaces it.
///
/// One file, read whole (not mapped: a file cut short under a mapping would kill the build)
/// and written whole (to a temporary name, then renamed) after a build
/// that rendered anything or left an entry unused: it holds exactly the bodies of the last
/// build. Each entry carries a checksum of its HTML, checked when it is used; an entry that
/// fails it, or is cut short, or is not UTF-8 is a miss, rendered again and written anew.
/// Nothing here is ever an error: a cache that cannot be read or written is just not used.
struct MarkdownCache {
    /// Bumped when the file layout changes; a file of another version is ignored.
    static let formatVersion = 1
    static let folderName = ".bansou-cache"
    static let fileName = "markdown.cache"
    private static let magic = Array("bansou markdown cache \(formatVersion)\n".utf8)

    /// The cache folder of the project whose content folder is `content`: beside it.
    static func folder(forContent content: URL) -> URL {
        content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(folderName)
    }

    struct Key: Hashable, Sendable {
        let a: UInt64, b: UInt64, c: UInt64, d: UInt64

        init(digest: [UInt8]) {
            func word(_ i: Int) -> UInt64 { digest[(i * 8)..<(i * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
            (a, b, c, d) = (word(0), word(1), word(2), word(3))
        }

        /// SHA-256 of the fingerprint, a NUL, and the body.
        init(fingerprint: [UInt8], body: String) {
            var hasher = SHA256()
            hasher.update(fingerprint)
            hasher.update([0])
            hasher.update(body.utf8)
            self.init(digest: hasher.finalize())
        }

        var bytes: [UInt8] { [a, b, c, d].flatMap { w in (0..<8).map { UInt8(truncatingIfNeeded: w >> UInt64(56 - $0 * 8)) } } }
    }

    let file: URL
    let fingerprint: [UInt8]
    private let data: Data
    /// Where each entry's HTML lies in `data`, with its checksum.
    private let entries: [Key: (range: Range<Int>, checksum: UInt64)]

    /// The cache in `folder` for `fingerprint`; empty when there is none or it was written
    /// under another fingerprint or format.
    init(folder: URL, fingerprint: String) {
        file = folder.appendingPathComponent(Self.fileName)
        self.fingerprint = Array(fingerprint.utf8)
        data = (try? Data(contentsOf: file)) ?? Data()
        entries = Self.index(data, fingerprint: self.fingerprint)
    }

    var count: Int { entries.count }

    /// The HTML cached for `key`, or nil (not there, or its bytes fail their checksum or are not UTF-8).
    func html(for key: Key) -> String? {
        guard let entry = entries[key] else { return nil }
        return data.withUnsafeBytes { raw -> String? in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[entry.range])
            guard Self.checksum(bytes) == entry.checksum else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    /// Writes `used` as the whole cache (atomically, by rename), unless it is exactly what is
    /// stored already. Failures are ignored: the next build renders again.
    func save(_ used: [Key: String], rendered: Int) {
        guard rendered > 0 || used.count != entries.count || used.keys.contains(where: { entries[$0] == nil }) else { return }
        var out: [UInt8] = Self.magic
        out += Self.uint32(fingerprint.count) + fingerprint
        // Sorted by key: the same builds write the same bytes.
        for (key, html) in used.sorted(by: { ($0.key.a, $0.key.b, $0.key.c, $0.key.d) < ($1.key.a, $1.key.b, $1.key.c, $1.key.d) }) {
            let bytes = Array(html.utf8)
            out += key.bytes
            out += Self.uint32(bytes.count)
            out += bytes.withUnsafeBytes { Self.uint64(Self.checksum($0)) }
            out += bytes
        }
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(Self.fileName).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(out).write(to: temporary)
            if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    // MARK: The file

    /// magic, fingerprint length (UInt32 LE) and bytes, then entries: key (32 bytes),
    /// HTML length (UInt32 LE), checksum (UInt64 LE), HTML. Reading stops at the first entry
    /// cut short; entries before it stay usable.
    private static func index(_ data: Data, fingerprint: [UInt8]) -> [Key: (range: Range<Int>, checksum: UInt64)] {
        data.withUnsafeBytes { raw in
            var entries: [Key: (range: Range<Int>, checksum: UInt64)] = [:]
            guard raw.count >= magic.count + 4, raw.prefix(magic.count).elementsEqual(magic) else { return entries }
            var at = magic.count
            let length = Int(readUInt32(raw, at))
            at += 4
            guard at + length <= raw.count, raw[at..<(at + length)].elementsEqual(fingerprint) else { return entries }
            at += length
            while at + 44 <= raw.count {
                let key = Key(digest: Array(raw[at..<(at + 32)]))
                let size = Int(readUInt32(raw, at + 32))
                let checksum = readUInt64(raw, at + 36)
                at += 44
                guard size <= raw.count - at else { break }
                entries[key] = (at..<(at + size), checksum)
                at += size
            }
            return entries
        }
    }

    private static func readUInt32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(raw[at + $1]) << UInt32($1 * 8) }
    }

    private static func readUInt64(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(raw[at + $1]) << UInt64($1 * 8) }
    }

    private static func uint32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
    private static func uint64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) } }

    /// A fast 64-bit checksum (eight bytes a step, multiply and shift): it catches a damaged
    /// entry, not an adversary; the key itself is SHA-256.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0xC4CE_B9FE_1A85_EC53
            i += 1
        }
        return h ^ (h >> 29)
    }
}
