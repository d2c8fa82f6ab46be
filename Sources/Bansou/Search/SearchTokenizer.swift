import Foundation

/// The fallback search's tokens, the same rules as Templates/assets/search.js:
/// NFKC and lower case; ASCII letters and digits form words (2 characters or more);
/// a run of kanji, kana or the long-vowel mark becomes its bigrams (a run of one, the
/// character itself), since Japanese has no spaces between words.
///
/// Works on scalar values, never on Strings or Characters: a 10,000-story site has some
/// 10⁷ bigram occurrences, and a String per bigram (or per normalised scalar) cost
/// seconds. A page's distinct tokens come out as `PageTokens`.
enum SearchTokenizer {
    /// A token as the tests and callers name it; the index itself keeps `PageTokens`.
    enum Token: Hashable {
        case word(String)
        case scalars(UInt32, UInt32)   // a bigram, or a single character with 0 as its second

        var string: String {
            switch self {
            case .word(let word): return word
            case .scalars(let a, let b): return SearchTokenizer.string(ofPair: UInt64(a) << 32 | UInt64(b))
            }
        }
    }

    /// One page's distinct tokens: Japanese bigrams (and single characters) as
    /// `first << 32 | second` (second 0 for a single character), and English words; with
    /// each token's weight on the page (`SearchWeight`; 0 where no weight was counted).
    struct PageTokens: Sendable {
        var pairs: [UInt64]
        var words: [String]
        var pairWeights: [Int32] = []
        var wordWeights: [Int32] = []
    }

    static func tokens(_ text: String) -> Set<Token> {
        var collector = Collector()
        collector.add(text)
        let page = collector.finish()
        return Set(page.pairs.map { .scalars(UInt32($0 >> 32), UInt32($0 & 0xFFFF_FFFF)) } + page.words.map { .word($0) })
    }

    /// The text of a pair key: one or two scalars.
    static func string(ofPair key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32(key >> 32)) { view.append(first) }
        let second = UInt32(key & 0xFFFF_FFFF)
        if second != 0, let scalar = Unicode.Scalar(second) { view.append(scalar) }
        return String(view)
    }

    /// Reads texts scalar by scalar and keeps the distinct tokens. Texts added one after
    /// the other are tokenised as if joined by a space.
    struct Collector {
        private var pairs = ScalarPairTable(capacity: 1024)
        /// Each word and how often it occurred.
        private var words: [String: Int32] = [:]
        private var word: [UInt8] = []
        private var previous: UInt32 = 0
        private var runLength = 0
        /// Folds of scalars outside `SearchFolding`'s table, for this collector's texts.
        private var memo: [UInt32: [UInt32]] = [:]

        mutating func add(_ text: String) {
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    feed(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
                } else if SearchFolding.isKept(v) {
                    feedJapanese(v)
                } else if let folded = SearchFolding.table.fold(v) {
                    for f in folded { feed(f) }
                } else {
                    if memo[v] == nil { memo[v] = SearchFolding.foundationFold(v) }
                    for f in memo[v]! { feed(f) }
                }
            }
            flushWord()
            flushRun()
        }

        /// The distinct tokens of everything added.
        func finish() -> PageTokens { PageTokens(pairs: pairs.storedKeys, words: Array(words.keys)) }

        /// How often `pair` occurred in everything added.
        func count(ofPair pair: UInt64) -> Int32 { pairs.value(of: pair) }

        /// How often `word` occurred in everything added.
        func count(ofWord word: String) -> Int32 { words[word] ?? 0 }

        /// Every distinct pair and word with how often it occurred.
        var counted: (pairs: [(key: UInt64, value: Int32)], words: [(key: String, value: Int32)]) {
            (pairs.storedPairs, words.map { ($0.key, $0.value) })
        }

        /// One scalar of the normalised text.
        @inline(__always)
        private mutating func feed(_ v: UInt32) {
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    flushRun()
                    word.append(UInt8(truncatingIfNeeded: v))
                } else {
                    flushWord()
                    flushRun()
                }
            } else if SearchTokenizer.isJapanese(v) {
                feedJapanese(v)
            } else {
                flushWord()
                flushRun()
            }
        }

        @inline(__always)
        private mutating func feedJapanese(_ v: UInt32) {
            flushWord()
            if runLength > 0 { _ = pairs.increment(UInt64(previous) << 32 | UInt64(v)) }
            previous = v
            runLength += 1
        }

        @inline(__always)
        private mutating func flushWord() {
            guard !word.isEmpty else { return }
            if word.count >= 2 { words[String(decoding: word, as: UTF8.self), default: 0] += 1 }
            word.removeAll(keepingCapacity: true)
        }

        @inline(__always)
        private mutating func flushRun() {
            if runLength == 1 { _ = pairs.increment(UInt64(previous) << 32) }
            runLength = 0
        }
    }

    static func isJapanese(_ v: UInt32) -> Bool {
        switch v {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005, 0x3006:
            return true
        default:
            return false
        }
    }

    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool { isJapanese(scalar.value) }
}

/// NFKC and lower case, one scalar at a time, as search.js folds a query: kana, kanji and
/// ASCII by range checks, the punctuation and full-width forms of Japanese text from a
/// table filled once through Foundation, anything rarer through Foundation itself.
enum SearchFolding {
    /// Scalars NFKC and lower-casing leave alone that the tokenizer meets most: kana (not
    /// the voicing marks or iteration marks, which NFKC changes), ー and the common kanji.
    @inline(__always)
    static func isKept(_ v: UInt32) -> Bool {
        (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || v == 0x30FC || (0x4E00...0x9FFF).contains(v)
    }

    /// The fold of one scalar as Foundation gives it: NFKC, then lower case.
    static func foundationFold(_ v: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(v) else { return [v] }
        return String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map(\.value)
    }

    static let table = Table()

    /// Precomputed folds of Latin-1, general punctuation, CJK symbols and kana, and the
    /// half- and full-width forms: a few hundred Foundation calls once instead of one per
    /// 、 or 「 on every page.
    struct Table: Sendable {
        static let ranges: [Range<UInt32>] = [0x80..<0x100, 0x2000..<0x2070, 0x3000..<0x3100, 0xFF00..<0xFFF0]
        /// For each scalar of the ranges in order: where its fold starts in `folds`, and its length.
        private let entries: [(start: Int32, count: Int32)]
        private let folds: [UInt32]

        init() {
            var entries: [(Int32, Int32)] = [], folds: [UInt32] = []
            for range in Self.ranges {
                for v in range {
                    let fold = SearchFolding.foundationFold(v)
                    entries.append((Int32(folds.count), Int32(fold.count)))
                    folds += fold
                }
            }
            self.entries = entries
            self.folds = folds
        }

        @inline(__always)
        func fold(_ v: UInt32) -> ArraySlice<UInt32>? {
            var offset = 0
            for range in Self.ranges {
                if range.contains(v) {
                    let entry = entries[offset + Int(v - range.lowerBound)]
                    return folds[Int(entry.start)..<Int(entry.start + entry.count)]
                }
                offset += range.count
            }
            return nil
        }
    }
}
