/// How a text is read before it is scanned.
public enum ScanFormat: Sendable, Hashable {
    /// Taken as is: no character references are decoded (terms, allow-list entries).
    case literal
    /// Character references (`&amp;`, `&#x5C71;`) and JSON/JavaScript escapes
    /// (`\u5c71`, `\/`, `\n`) are decoded; there is no markup.
    case plain
    /// As `plain`, and tags are told from text: text is matched across inline tags
    /// (`山田<strong>精工</strong>`), and tag contents (attribute values such as
    /// href, src, alt, title, content) and comments are matched on their own.
    /// Escaped markup (`&lt;p&gt;` in a feed) is read as markup too.
    case markup

    /// The format for a published file, from its extension. Every text file the
    /// site publishes is read as markup (HTML, XML feeds, JSON search indexes that
    /// may embed HTML); only style sheets and plain text are `plain`.
    public init(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "css", "txt", "csv", "tsv", "map": self = .plain
        default: self = .markup
        }
    }
}
