import Foundation

/// The fallback search's tokens, the same rules as Templates/assets/search.js:
/// NFKC and lower case; ASCII letters and digits form words (2 characters or more);
/// a run of kanji, kana or the long-vowel mark becomes its bigrams (a run of one, the
/// character itself), since Japanese has no spaces between words.
enum SearchTokenizer {
    static func tokens(_ text: String) -> Set<String> {
        var out = Set<String>()
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var word = ""
        var run: [Character] = []
        func flushWord() {
            if word.count >= 2 { out.insert(word) }
            word = ""
        }
        func flushRun() {
            if run.count == 1 { out.insert(String(run[0])) }
            if run.count >= 2 { for i in 0..<(run.count - 1) { out.insert(String(run[i...i + 1])) } }
            run = []
        }
        for ch in normalized {
            if ch.isASCII, ch.isLetter || ch.isNumber {
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

    static func isJapanese(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005, 0x3006:
            return true
        default:
            return false
        }
    }
}
