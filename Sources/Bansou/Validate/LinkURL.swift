import Foundation

/// The rule for URLs written in content (a partner's `url`, `publisher.url`, a client's
/// `website`): they become `href`s on every page, so only http(s), mailto and tel links are
/// allowed. `javascript:`, `data:`, `vbscript:` and the rest would run or load whatever the
/// value says in the reader's browser.
enum LinkURL {
    enum Problem: Equatable {
        /// No scheme at all (`www.example.jp`, `/about`): a relative link.
        case relative
        case scheme(String)
        case noHost
        case controlCharacter
    }

    static let web: Set<String> = ["http", "https"]
    static let contact: Set<String> = ["http", "https", "mailto", "tel"]

    /// What is wrong with `value` as a link allowing `schemes`; nil when it is fine.
    /// Read the way a browser reads an href: surrounding spaces and control characters are
    /// dropped, and tabs or newlines inside are removed (`java⇥script:` is `javascript:`),
    /// so any control character inside is refused rather than guessed at.
    static func problem(_ value: String, allowing schemes: Set<String>) -> Problem? {
        let edges = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)
        let trimmed = value.trimmingCharacters(in: edges)
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        guard let colon = trimmed.firstIndex(of: ":"), isScheme(trimmed[..<colon]) else { return .relative }
        let scheme = trimmed[..<colon].lowercased()
        guard schemes.contains(scheme) else { return .scheme(scheme) }
        if web.contains(scheme), (URL(string: trimmed)?.host ?? "").isEmpty { return .noHost }
        return nil
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// The message for a problem with the field `field` (`url`, `publisher.url`).
    static func message(_ problem: Problem, field: String, allowing schemes: Set<String>) -> String {
        let allowed = schemes == web ? "https://…" : "https://…, mailto:… or tel:…"
        switch problem {
        case .relative: return "\(field) must be a full link such as https://www.example.jp/ (found no scheme); write \(allowed)"
        case .scheme(let scheme): return "\(field) may not be a \(scheme): link (it would reach every reader's browser); write \(allowed)"
        case .noHost: return "\(field) needs a host, as in https://www.example.jp/"
        case .controlCharacter: return "\(field) contains a tab, newline or other control character: write the link on one line"
        }
    }
}
