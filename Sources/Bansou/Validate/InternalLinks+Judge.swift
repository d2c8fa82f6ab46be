import Foundation

/// Decides whether a resolved link reaches something this build publishes and, when it does
/// not, says what is wrong in words that lead to the fix. Runs on one thread: it remembers
/// the ids of each page it was asked about and its suggestions.
struct InternalLinkJudge {
    let targets: InternalLinkTargets
    /// Stories this build leaves out, with the reason (draft, scheduled for …, no consent).
    let unpublished: [String: String]
    /// Only a link that fails needs these: made on the first.
    private lazy var draftPages = Set(allPages.filter { $0.meta.draft ?? false }.map(\.slug)).subtracting(pages)
    private lazy var stories = Set(library.published.map(\.slug))
    private lazy var pages = Set(library.pages.map(\.slug))
    private let library: Library
    private let allPages: [Page]
    private var anchors: [String: Set<String>] = [:]
    private var nearby = InternalLinkSuggestions()

    init(targets: InternalLinkTargets, library: Library, allPages: [Page]) {
        self.targets = targets
        unpublished = Dictionary(library.unpublished.map { ($0.slug, $0.reason) }, uniquingKeysWith: { first, _ in first })
        self.library = library
        self.allPages = allPages
    }

    /// nil when the link reaches a published file (and its anchor), else the message.
    mutating func problem(with reference: InternalLinksHTML.Reference, at destination: LinkDestination, on page: String) -> String? {
        let what = reference.kind == .image ? "image" : "link to"
        var shown: String { "'\(InternalLinks.key(reference.value))'" }
        switch destination {
        case .elsewhere:
            return nil
        case .aboveRoot:
            return "\(what) \(shown) points outside the site: its '..' climb above the site's root"
        case let .site(path, fragment, style):
            guard let file = targets.file(for: path) else {
                return missing(path, fragment: fragment, style: style, what: what, shown: shown, on: page, image: reference.kind == .image)
            }
            // "#top" and "#" scroll to the top of any page (HTML's "indicated part").
            guard let fragment, !fragment.isEmpty, fragment.lowercased() != "top", file.hasSuffix(".html") else { return nil }
            let decoded = InternalLinks.key(fragment)
            let ids = anchors(of: file)
            if ids.contains(fragment) || ids.contains(decoded) { return nil }
            var message = "\(what) \(shown) points to a missing anchor: \(targets.basePath + InternalLinkTargets.pretty(file)) has no element with id '\(decoded)'"
            if let near = nearby.closest(decoded, among: ids) {
                message += " (did you mean '#\(near)'?)"
            } else if isMarkdownPage(file) {
                message += "; Markdown headings get no id, so link to the page itself"
            }
            return message
        }
    }

    private mutating func missing(_ path: String, fragment: String?, style: LinkStyle, what: String, shown: String,
                                  on page: String, image: Bool) -> String {
        let pretty = InternalLinkTargets.pretty(path)
        var segments = pretty.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "" { segments.removeLast() }
        if segments.count == 2, segments[0] == "cases", let reason = unpublished[segments[1]] {
            return "\(what) \(shown) goes to story '\(segments[1])', which this build does not publish (\(reason)): remove the link, or publish that story first"
        }
        if segments.count == 1, draftPages.contains(segments[0]) {
            return "\(what) \(shown) goes to page '\(segments[0])', which is a draft (draft: true) and not published: remove the link, or publish that page first"
        }
        if pretty.hasSuffix(".md"), let name = segments.last?.dropLast(3) {
            let slug = String(name)
            if let reason = unpublished[slug] {
                return "\(what) \(shown) names the source file of story '\(slug)', which this build does not publish (\(reason)): remove the link, or publish that story first"
            }
            let preferPage = segments.contains("pages") || !stories.contains(slug)
            if preferPage ? pages.contains(slug) : stories.contains(slug) {
                let target = InternalLinkTargets.pretty(preferPage ? SiteLayout.page(slug) : SiteLayout.story(slug))
                return "\(what) \(shown) names a Markdown source file, which is not published: link to the page it becomes, '\(targets.link(to: target, from: page, style: style))'"
            }
        }
        var message = "\(what) \(shown) points to nothing: this build publishes no \(targets.basePath + pretty)"
        if image && segments.first != "assets" {
            message += "; images are published from Templates/assets/ at \(targets.basePath)assets/"
        }
        if let near = nearby.closest(to: pretty, in: targets) {
            message += " (did you mean '\(targets.link(to: near, from: page, style: style))\(fragment.map { "#" + $0 } ?? "")'?)"
        }
        return message
    }

    /// A story or free page: its body is Markdown, whose headings carry no id.
    private mutating func isMarkdownPage(_ file: String) -> Bool {
        let segments = file.split(separator: "/")
        if segments.count == 3, segments[0] == "cases" { return stories.contains(String(segments[1])) }
        return segments.count == 2 && pages.contains(String(segments[0]))
    }

    private mutating func anchors(of file: String) -> Set<String> {
        if let known = anchors[file] { return known }
        let ids = targets.index(for: file).map { InternalLinksHTML.ids(in: targets.files[$0].contents) } ?? []
        anchors[file] = ids
        return ids
    }
}

/// "Did you mean …": the published path or id closest to a broken one, by edit distance.
/// Only broken links get here, but a site with thousands of them must not take minutes, so
/// the comparisons have a budget; past it, messages come without a suggestion.
struct InternalLinkSuggestions {
    /// Pretty published paths by parent folder ("cases/" → ["a/", "b/"]) and by last name.
    private var children: [String: [String]]?
    private var byName: [String: [String]] = [:]
    private var known: [String: String?] = [:]
    private var budget = 20_000_000

    mutating func closest(to pretty: String, in targets: InternalLinkTargets) -> String? {
        if let answer = known[pretty] { return answer }
        if children == nil { index(targets) }
        let (parent, name) = Self.splitLast(pretty)
        var answer = closest(name, among: children?[parent] ?? []).map { parent + $0 }
        // `b/` written on cases/a/ meant ../b/: the same name in another folder.
        if answer == nil { answer = byName[Self.bare(name)]?.min() }
        known[pretty] = answer
        return answer
    }

    private mutating func index(_ targets: InternalLinkTargets) {
        var children: [String: [String]] = [:]
        for path in targets.publishedPaths {
            let pretty = InternalLinkTargets.pretty(path)
            guard !pretty.isEmpty else { continue }
            let (parent, name) = Self.splitLast(pretty)
            children[parent, default: []].append(name)
            byName[Self.bare(name), default: []].append(pretty)
        }
        self.children = children
    }

    /// "cases/x/" → ("cases/", "x/"); "assets/a.png" → ("assets/", "a.png").
    static func splitLast(_ pretty: String) -> (String, String) {
        let body = pretty.hasSuffix("/") ? pretty.dropLast() : Substring(pretty)
        guard let slash = body.lastIndex(of: "/") else { return ("", pretty) }
        return (String(pretty[...slash]), String(pretty[pretty.index(after: slash)...]))
    }

    private static func bare(_ name: String) -> String { name.hasSuffix("/") ? String(name.dropLast()) : name }

    /// The candidate within a third of the name's length in edits (at least 2), nearest first,
    /// then in code-point order, so the answer does not depend on the order of the files.
    mutating func closest<C: Collection>(_ name: String, among candidates: C) -> String? where C.Element == String {
        let target = Array(name.unicodeScalars)
        let limit = max(2, target.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.unicodeScalars)
            guard abs(other.count - target.count) <= limit, budget > 0 else { continue }
            budget -= (target.count + 1) * (other.count + 1)
            let distance = Self.distance(target, other)
            guard distance <= limit, distance < max(target.count, other.count) else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.name) { best = (distance, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance, two rows.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
