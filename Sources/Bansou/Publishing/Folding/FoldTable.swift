import Foundation

/// What the skeleton (`Skeleton`) does with each character after `TextNormalizer`:
/// keep it, remove it, or replace it with another. Built once per process from
/// rules in code (kana, punctuation and symbols) and the data file
/// `Folding/variants.tsv` (異体字 and confusable letters; format in that file),
/// which a support institution extends without touching code.
struct FoldTable: Sendable {
    /// `bmp[v]` for a scalar below U+10000: `keep`, `remove`, or the scalar it becomes.
    let bmp: [UInt16]
    /// The same for supplementary scalars (𠮷 → 吉); absent means keep, unless a symbol.
    let supplementary: [UInt32: UInt32]
    /// Bit per block of 64 BMP code points where `bmp` changes something, so runs of
    /// kanji in blocks without a rule are copied without a look-up. ー and the kana
    /// blocks always have rules.
    let pages: [UInt64]

    static let keep: UInt16 = 0
    static let remove: UInt16 = 1

    /// The table of this build: the bundled variants.tsv over the code rules.
    static let shared: FoldTable = {
        guard let url = Bundle.module.url(forResource: "variants", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else {
            fatalError("bansou: the folding table variants.tsv is missing from the resource bundle bansou_Bansou.resources")
        }
        do {
            return FoldTable(rules: try parse(String(decoding: data, as: UTF8.self)))
        } catch {
            fatalError("bansou: variants.tsv:\(error)")
        }
    }()

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "\(line): \(message)" }
    }

    /// The rules of a variants.tsv text as (variant, common) pairs, in file order.
    static func parse(_ text: String) throws -> [(UInt32, UInt32)] {
        var rules: [(UInt32, UInt32)] = []
        var targets: [UInt32: Int] = [:]
        var seen: [UInt32: Int] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw ParseError(line: line, message: "expected VARIANTS<TAB>COMMON")
            }
            let common = Array(fields[1].unicodeScalars)
            guard common.count == 1 else {
                throw ParseError(line: line, message: "COMMON must be exactly one character, got \"\(fields[1])\"")
            }
            let target = common[0].value
            for scalar in fields[0].unicodeScalars {
                let v = scalar.value
                guard !scalar.properties.isWhitespace else {
                    throw ParseError(line: line, message: "white space in VARIANTS (fields are separated by one TAB)")
                }
                guard v != target else { throw ParseError(line: line, message: "\(scalar) is its own common form") }
                if let first = seen[v] { throw ParseError(line: line, message: "\(scalar) already has a rule on line \(first)") }
                seen[v] = line
                rules.append((v, target))
            }
            targets[target] = targets[target] ?? line
        }
        for (variant, line) in seen {
            if let targetLine = targets[variant] {
                throw ParseError(line: line, message: "\(Unicode.Scalar(variant).map(String.init) ?? "?") is a variant here and a common form on line \(targetLine) (no chains)")
            }
        }
        return rules
    }

    init(rules: [(UInt32, UInt32)]) {
        var bmp = [UInt16](repeating: FoldTable.keep, count: 0x10000)
        // Punctuation and symbols (・ 、 。 「」 〜 ★ …) read as nothing inside a name.
        for v in UInt32(0x80)..<0x10000 where !FoldTable.isLetterBlock(v) {
            if let scalar = Unicode.Scalar(v), FoldTable.isPunctuationOrSymbol(scalar) { bmp[Int(v)] = FoldTable.remove }
        }
        // 、 and 。 end a clause or a list item: kept, so a name never runs across them
        // (岬、運送・物流 is no 岬運送). Removing them hit 24 of 10,000 synthetic stories.
        bmp[0x3001] = FoldTable.keep
        bmp[0x3002] = FoldTable.keep
        for (from, to) in Kana.folds { bmp[Int(from)] = UInt16(to) }
        var supplementary: [UInt32: UInt32] = [:]
        for (variant, common) in rules {
            // A rule's common form is itself folded (a hiragana target becomes katakana).
            let target = common < 0x10000 && bmp[Int(common)] > FoldTable.remove ? UInt32(bmp[Int(common)]) : common
            if variant < 0x10000 && target < 0x10000 {
                bmp[Int(variant)] = UInt16(target)
            } else {
                supplementary[variant] = target
            }
        }
        var pages = [UInt64](repeating: 0, count: 16)
        for v in 0..<0x10000 where bmp[v] != FoldTable.keep { pages[(v >> 6) >> 6] |= 1 << UInt64((v >> 6) & 63) }
        // Blocks with kana, ー or the long-vowel and reading rules of the skeleton.
        for v in [0x3040, 0x3080, 0x30C0, 0x30FC] { pages[(v >> 6) >> 6] |= 1 << UInt64((v >> 6) & 63) }
        self.bmp = bmp
        self.supplementary = supplementary
        self.pages = pages
    }

    /// CJK ideographs and Hangul syllables: letters, skipped when looking for punctuation.
    static func isLetterBlock(_ v: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xD800...0xDFFF).contains(v)
    }

    static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// What scalar `v` (not ASCII) becomes: itself, another scalar, or nil (removed).
    @inline(__always)
    func fold(_ v: UInt32) -> UInt32? {
        if v < 0x10000 {
            let m = bmp[Int(v)]
            return m == FoldTable.keep ? v : m == FoldTable.remove ? nil : UInt32(m)
        }
        if let m = supplementary[v] { return m }
        guard let scalar = Unicode.Scalar(v) else { return nil }
        return FoldTable.isPunctuationOrSymbol(scalar) ? nil : v
    }
}
