/// Masks a secret for printing (spec rule 5: never print the whole secret).
public enum Mask {
    /// By category: e-mail `x****@…`; phone, corporate number and postal code keep
    /// their first 3 digits; everything else keeps its first 2 characters.
    public static func mask(_ secret: String, as category: LeakCategory) -> String {
        switch category {
        case .email: return email(secret)
        case .phone, .corporateNumber, .postalCode: return number(secret)
        default: return text(secret)
        }
    }

    /// `山田精工` → `山田**`. Two characters or fewer keep only the first (`山田` → `山*`).
    public static func text(_ secret: String) -> String {
        let characters = Array(secret)
        guard characters.count > 1 else { return "*" }
        let kept = characters.count > 2 ? 2 : 1
        return String(characters[..<kept]) + String(repeating: "*", count: characters.count - kept)
    }

    /// `info@yamada-seiko.example.jp` → `i****@…`.
    public static func email(_ secret: String) -> String {
        guard let first = secret.first, first != "@" else { return "****@…" }
        return "\(first)****@…"
    }

    /// `0565-12-3456` → `056*-**-****`: digits after the first three become `*`,
    /// separators stay. Digits of any script and letters count as digits
    /// (`〇五二-…`, `o12o-ooo-oo1` read as a number).
    public static func number(_ secret: String) -> String {
        var seen = 0
        var out = ""
        for character in secret {
            if character.isNumber || character.isLetter {
                seen += 1
                out.append(seen <= 3 ? character : "*")
            } else {
                out.append(character)
            }
        }
        return out
    }
}
