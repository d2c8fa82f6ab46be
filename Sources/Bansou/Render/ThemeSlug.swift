import Foundation

/// A theme's path segment (`themes/<slug>/`): the tag itself when it is a slug, else its
/// entry in site.yaml's `theme_slugs`, else the tag made readable as Hugo's urlize does
/// (`themes/ペーパーレス/`, `themes/bpo/`, `themes/データ活用-分析/`), else, for a tag with
/// no letter or digit at all, a stable hash. The renderer and the validator (ThemeSlugCheck,
/// which refuses two tags on one path) share it.
enum ThemeSlug {
    static func of(_ tag: String, mapping: OrderedMap<String>?) -> String {
        if Slug.isValid(tag) { return tag }
        if let slug = mapping?[tag], Slug.isValid(slug) { return slug }
        if let readable = readable(tag) { return readable }
        return "t-" + StableHash.hex(tag)
    }

    /// The tag as a path segment a person can read: NFKC (ＤＸ is DX) and lower case (BPO and bpo
    /// are one folder on a case-insensitive disk), letters, digits, marks and ー kept, every other
    /// run of characters (spaces, ・, /, punctuation) one hyphen, none at either end; at most
    /// 64 characters. nil when nothing readable is left.
    static func readable(_ tag: String) -> String? {
        var out = String.UnicodeScalarView(), pendingHyphen = false
        for scalar in tag.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let keep: Bool
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                keep = true
            default:
                keep = scalar == "_"
            }
            if keep {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        let text = String(String(out).prefix(64))
        return text.isEmpty ? nil : text
    }
}
