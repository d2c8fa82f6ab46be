/// Kana folding rules of the skeleton (rules, not data: they follow from how kana work).
/// Hiragana become katakana and small kana large ones (`folds`); a long vowel
/// (ー, or a vowel kana that only lengthens the one before: コウ, セイ, カア) is dropped
/// (`isLengthening`), so ヤマダセイコウ, ヤマダセイコー and やまだせいこう fold alike.
enum Kana {
    /// Vowel of a folded katakana: 1 a, 2 i, 3 u, 4 e, 5 o; 6 for ン (no vowel, but a
    /// following ー is still only length); 0 for anything else.
    static func vowel(_ v: UInt32) -> UInt8 {
        guard v >= 0x30A1 && v <= 0x30FA else { return 0 }
        return vowels[Int(v - 0x30A1)]
    }

    /// True when katakana `v` after a kana of vowel `previous` only lengthens it:
    /// ア after a-row; イ after i- and e-row; ウ after u- and o-row; エ after e-row; オ after o-row.
    @inline(__always)
    static func isLengthening(_ v: UInt32, after previous: UInt8) -> Bool {
        switch v {
        case 0x30A2: return previous == 1
        case 0x30A4: return previous == 2 || previous == 4
        case 0x30A6: return previous == 3 || previous == 5
        case 0x30A8: return previous == 4
        case 0x30AA: return previous == 5
        default: return false
        }
    }

    static let longVowelMark: UInt32 = 0x30FC

    /// Scalar → folded scalar: hiragana → katakana, small → large, iteration marks.
    static let folds: [(UInt32, UInt32)] = {
        var map: [(UInt32, UInt32)] = []
        let small: [UInt32: UInt32] = [
            0x30A1: 0x30A2, 0x30A3: 0x30A4, 0x30A5: 0x30A6, 0x30A7: 0x30A8, 0x30A9: 0x30AA, // ァィゥェォ
            0x30C3: 0x30C4, 0x30E3: 0x30E4, 0x30E5: 0x30E6, 0x30E7: 0x30E8, 0x30EE: 0x30EF, // ッャュョヮ
            0x30F5: 0x30AB, 0x30F6: 0x30B1, // ヵヶ
        ]
        func large(_ katakana: UInt32) -> UInt32 { small[katakana] ?? katakana }
        for hiragana in UInt32(0x3041)...0x3096 { map.append((hiragana, large(hiragana + 0x60))) }
        map.append((0x309D, 0x30FD)) // ゝ → ヽ
        map.append((0x309E, 0x30FE)) // ゞ → ヾ
        for (from, to) in small { map.append((from, to)) }
        // Small katakana for Ainu (ㇰ … ㇿ).
        let ainu: [UInt32] = [0x30AF, 0x30B7, 0x30B9, 0x30C8, 0x30CC, 0x30CF, 0x30D2, 0x30D5,
                              0x30D8, 0x30DB, 0x30E0, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED]
        for (k, to) in ainu.enumerated() { map.append((0x31F0 + UInt32(k), to)) }
        return map
    }()

    /// Vowels of U+30A1…U+30FA, by `v - 0x30A1` (see `vowel`).
    static let vowels: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x30FA - 0x30A1 + 1)
        let rows: [(UInt8, String)] = [
            (1, "ァアカガサザタダナハバパマャヤラヮワヵヷ"),
            (2, "ィイキギシジチヂニヒビピミリヰヸ"),
            (3, "ゥウクグスズッツヅヌフブプムュユルヴ"),
            (4, "ェエケゲセゼテデネヘベペメレヱヶヹ"),
            (5, "ォオコゴソゾトドノホボポモョヨロヲヺ"),
            (6, "ン"),
        ]
        for (vowel, kana) in rows {
            for scalar in kana.unicodeScalars { table[Int(scalar.value - 0x30A1)] = vowel }
        }
        return table
    }()
}
