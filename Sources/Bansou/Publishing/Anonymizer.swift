/// Spec, Publishing 6 (`anonymize: auto`): in a story that names its client, that client's
/// identifying terms are replaced before rendering: the company (name, kana, identifiers)
/// by the story's alias, the representative by 代表者, contact data by 非公開. The terms
/// are found by the leak scanner itself, so every variant it would catch (full-width,
/// spaces inside, without 株式会社, kana) is replaced, not only the spelling in the
/// client file. The final scan of the rendered site still runs afterwards.
struct Anonymizer {
    struct Replacement: Sendable {
        let location: SourceLocation
        let category: LeakCategory
        let masked: String
        let replacement: String
    }

    let clients: [String: Client]

    init(clients: [Client]) {
        self.clients = Dictionary(clients.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stories with replacements made, and every replacement made.
    func apply(to stories: [CaseStudy]) -> ([CaseStudy], [Replacement]) {
        var replacements: [Replacement] = []
        let result = stories.map { story -> CaseStudy in
            guard story.meta.anonymize?.value == "auto", let id = story.meta.client?.value, let client = clients[id] else { return story }
            let scanner = LeakScanner(clients: [client])
            let alias = story.meta.alias.value
            // The nested function reads only these constants: had it captured `story`, assigning
            // its result to `story.meta.summary?.value` would read `story` while writing it
            // (exclusive-access violation, exit 134).
            let path = story.path
            func replace(_ text: String, firstLine: Int, firstColumn: Int) -> String {
                let (replaced, made) = Self.replace(in: text, scanner: scanner, alias: alias)
                replacements += made.map { hit, with in
                    Replacement(location: SourceLocation(path: path, line: firstLine + hit.line - 1,
                                                         column: hit.line == 1 ? firstColumn + hit.column - 1 : hit.column),
                                category: hit.category, masked: hit.masked, replacement: with)
                }
                return replaced
            }
            var anonymized = story
            anonymized.body = replace(story.body, firstLine: story.bodyFirstLine, firstColumn: 1)
            let title = story.meta.title
            anonymized.meta.title.value = replace(title.value, firstLine: title.location.line, firstColumn: title.location.column)
            if let summary = story.meta.summary {
                let replaced = replace(summary.value, firstLine: summary.location.line, firstColumn: summary.location.column)
                anonymized.meta.summary?.value = replaced
            }
            if let setbacks = story.meta.setbacks {
                anonymized.meta.setbacks = setbacks.map { setback in
                    var s = setback
                    s.what.value = replace(s.what.value, firstLine: s.what.location.line, firstColumn: s.what.location.column)
                    s.learned.value = replace(s.learned.value, firstLine: s.learned.location.line, firstColumn: s.learned.location.column)
                    return s
                }
            }
            return anonymized
        }
        return (result, replacements)
    }

    static func replacement(for category: LeakCategory, alias: String) -> String {
        switch category {
        case .name, .kana, .identifier: return alias
        case .representative: return "代表者"
        default: return "非公開"
        }
    }

    /// Replaces the client's hits from the end backwards, so earlier offsets stay valid.
    static func replace(in text: String, scanner: LeakScanner, alias: String) -> (String, [(LeakHit, String)]) {
        let hits = scanner.scan(text, format: .plain).filter { $0.clientID != nil }
        guard !hits.isEmpty else { return (text, []) }
        var bytes = Array(text.utf8)
        var made: [(LeakHit, String)] = []
        for hit in hits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let with = replacement(for: hit.category, alias: alias)
            bytes.replaceSubrange(hit.range, with: Array(with.utf8))
            made.append((hit, with))
        }
        return (String(decoding: bytes, as: UTF8.self), made.reversed())
    }
}
