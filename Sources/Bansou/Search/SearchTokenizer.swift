import Foundation

/// The fallback search's tokens, the same rules as Templates/assets/search.js:
/// NFKC and lower case; ASCII letters and digits form words (2 characters or more);
/// a run of kanji, kana or the long-vowel mark becomes its bigrams (a run of one, the
/// character itself), since Japanese has no spaces between words.
enum SearchTokenizer {
    /// A token without a String allocation for the common case (a Japanese bigram): a
    /// 10,000-story site has some 15 million of them, and making each a String cost seconds.
    enum Token: Hashable {
        case word(String)
        case scalars(UInt32, UInt32)   // a bigram, or a single character with 0 as its second

        /// A cheap, stable key spreading tokens over `count` shards.
        func shard(of count: Int) -> Int {
            switch self {
            case .word(let word): return Int(word.utf8.first ?? 0) % count
            case .scalars(let a, let b): return Int((a &+ b) % UInt32(count))
            }
        }

        var string: String {
            switch self {
            case .word(let word): return word
            case .scalars(let a, let b):
                var view = String.UnicodeScalarView()
                if let first = Unicode.Scalar(a) { view.append(first) }
                if b != 0, let second = Unicode.Scalar(b) { view.append(second) }
                return String(view)
            }
        }
    }

    static func tokens(_ text: String) -> Set<Token> {
        var out = Set<Token>()
        let normalized = normalize(text)
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if word.count >= 2 { out.insert(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        func flushRun() {
            if run.count == 1 { out.insert(.scalars(run[0].value, 0)) }
            if run.count >= 2 {
                for i in 0..<(run.count - 1) { out.insert(.scalars(run[i].value, run[i + 1].value)) }
            }
            run.removeAll(keepingCapacity: true)
        }
        for ch in normalized.unicodeScalars {
            if ch.isASCII, (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
                flushRun()
                word.append(ch)
            } else if isJapanese(ch) {
                flushWord()
                run.append(ch)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
        return out
    }

    /// NFKC and lower case, scalar by scalar: kana, kanji and ASCII pass through (lower-cased)
    /// and only other scalars (full-width forms, compatibility characters) go through
    /// Foundation, which was most of the index's cost when applied to whole pages. A kana
    /// written with a separate combining voicing mark is the one case this keeps apart.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
            } else if (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || v == 0x30FC || (0x4E00...0x9FFF).contains(v) {
                out.append(scalar)
            } else {
                out.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005, 0x3006:
            return true
        default:
            return false
        }
    }
}
