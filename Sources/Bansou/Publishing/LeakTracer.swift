import Foundation

/// Maps leaks found in rendered output back to the source files that wrote them, for the
/// publishing gate (spec, Publishing 5): EVERY occurrence of the secret in those sources at
/// its own line and column, each position once however many pages carry it.
///
/// A secret found in an output file is looked for, in order, in the output's own sources
/// (the story of a story page, an asset's file), their file names, then the texts and names
/// of everything shared by all pages (templates, site.yaml, guidance data, published stories
/// and pages, partners); the first of these that holds it is reported, all of its
/// occurrences. Confidential files (clients, staff) are never shared sources, and neither
/// are drafts and stories left out for want of consent: they are not published.
///
/// A secret that no source writes whole (put together by templates from pieces, or from
/// a file name and a text) is reported once, naming the output file that WOULD contain it,
/// which was not written, and the sources that fed it.
final class LeakTracer {
    struct Unresolved {
        var hit: LeakHit
        var firstOutput: String
        var otherOutputs = 0
        var fedBy: [String]
        var wouldBe: String
    }

    let scanner: LeakScanner
    /// Source texts by display path.
    private(set) var texts: [String: String]
    /// Shared sources: templates first, then Markdown, then data (.yaml).
    let shared: [String]
    /// How a source's file name is published: its path inside the content or templates folder.
    let publishedName: (String) -> String
    /// For a story with `anonymize: auto`: its client, whose terms in its title, summary and
    /// body the anonymizer replaced, and the lines they may be on (those are not reported).
    let anonymized: [String: (client: String, lines: (Int) -> Bool)]
    /// Lines of shared sources that are never published (site.yaml's `allow` and `unscanned`).
    let unpublishedLines: [String: Set<Int>]

    private var textHits: [String: [LeakHit]] = [:]
    private var nameHits: [String: [LeakHit]] = [:]
    private(set) var reported: [SourceLocation: Set<String>] = [:]
    private(set) var unresolved: [String: Unresolved] = [:]
    private var unresolvedOrder: [String] = []

    init(scanner: LeakScanner, texts: [String: String], shared: [String], publishedName: @escaping (String) -> String,
         anonymized: [String: (client: String, lines: (Int) -> Bool)], unpublishedLines: [String: Set<Int>]) {
        self.scanner = scanner
        self.texts = texts
        self.shared = shared
        self.publishedName = publishedName
        self.anonymized = anonymized
        self.unpublishedLines = unpublishedLines
    }

    /// Adds or replaces a source text (an asset decoded from Shift_JIS, say).
    func setText(_ text: String, for path: String) {
        texts[path] = text
        textHits[path] = nil
    }

    /// The key that tells one secret from another: a client's term by its folded form (several
    /// terms, e.g. the kana in hiragana and in katakana, match one spelling, and the scanner may
    /// name either), or generic data by value.
    static func secret(_ hit: LeakHit) -> String {
        if let term = hit.term { return "t\u{1}\(term.owner.rawValue)\u{1}\(term.clientID)\u{1}\(TextNormalizer.skeleton(term.normalized))" }
        return "g\u{1}\(hit.category.rawValue)\u{1}\(TextNormalizer.normalizeNumber(hit.matched))"
    }

    /// Reports `hit`, found in the text (or, `inName`, the path) of output `path` whose own
    /// sources are `own`, at every source position that writes it.
    /// `message(hit, inName)` words a position found; `wouldBe` says where the secret would
    /// have gone, for the unresolved case ("would be published in Output/site/x.html").
    func trace(_ hit: LeakHit, inName: Bool, output path: String, own: [String],
               message: (LeakHit, Bool) -> String, wouldBe: String) {
        let others = shared.filter { !own.contains($0) }
        let order: [(paths: [String], names: Bool)] = inName
            ? [(own, true), (own, false), (others, true), (others, false)]
            : [(own, false), (own, true), (others, false), (others, true)]
        let key = Self.secret(hit)
        for step in order {
            var found = false
            for source in step.paths {
                for same in (step.names ? names(source) : hits(source)) where Self.secret(same) == key {
                    if !step.names, isUnpublished(same, in: source) { continue }
                    let location = step.names ? SourceLocation(path: source) : SourceLocation(path: source, line: same.line, column: same.column)
                    reported[location, default: []].insert(message(same, step.names))
                    found = true
                }
            }
            if found { return }
        }
        if var known = unresolved[key] {
            known.otherOutputs += 1
            unresolved[key] = known
        } else {
            unresolved[key] = Unresolved(hit: hit, firstOutput: path, fedBy: own, wouldBe: wouldBe)
            unresolvedOrder.append(key)
        }
    }

    var unresolvedInOrder: [Unresolved] { unresolvedOrder.compactMap { unresolved[$0] } }

    // MARK: -

    private func hits(_ path: String) -> [LeakHit] {
        if let cached = textHits[path] { return cached }
        guard let text = texts[path] else { return [] }
        let found: [LeakHit]
        switch (path as NSString).pathExtension.lowercased() {
        case "md": found = scanner.scan(MarkdownScanText.prepare(text), format: .markup)
        case "yaml", "yml": found = scanner.scan(text, format: .plain)
        // Templates are markup; an asset is read as its published copy is (CSS as plain text).
        case let ext: found = scanner.scan(text, format: ScanFormat(pathExtension: ext))
        }
        textHits[path] = found
        return found
    }

    private func names(_ path: String) -> [LeakHit] {
        if let cached = nameHits[path] { return cached }
        let found = scanner.scan(publishedName(path), format: .plain)
        nameHits[path] = found
        return found
    }

    private func isUnpublished(_ hit: LeakHit, in path: String) -> Bool {
        if unpublishedLines[path]?.contains(hit.line) == true { return true }
        guard let story = anonymized[path], hit.term?.owner == .client, hit.clientID == story.client else { return false }
        return story.lines(hit.line)
    }
}
