/// HTML escaping as swift-mustache does it (`<>&"'` by Character, so a quote that carries a
/// combining mark is one Character and stays as it is), with a fast path: most text has none
/// of the five bytes and is appended whole.
public enum HTMLEscape {
    /// The text escaped (the preview server's error overlay uses the same rules as the templates).
    public static func escaped(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    static func append(_ text: String, to out: inout String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            out += text
            return
        }
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
    }
}
