import Foundation

/// The link check, in `bansou check` and `bansou build` alike: every link and image that a
/// story or a free page publishes must reach a page, a file or an anchor this very build
/// writes, or the published page sends its reader to a 404. A broken one is an error at the
/// link's `[` in the source, with what is wrong and, where it can tell, the link meant: a
/// story left out of this build (draft, scheduled, no consent), the closest published path
/// ("did you mean …"), the page a `.md` source file becomes.
///
/// Links to other sites and other schemes (mailto:, tel:) are never fetched; a link to the
/// site's own base_url host is internal. The links are read from the markdown stage's HTML
/// and the targets from the render stage's files, so both are what is published; only a
/// body with a broken link is parsed again, for the positions (InternalLinksPositions).
struct InternalLinks {
    let library: Library
    /// Every free page, drafts included, to say that a link goes to a draft.
    let allPages: [Page]
    /// The markdown stage's HTML of each body, by source path.
    let html: [String: String]
    /// The render stage's files (paths under Output/, the portal's under site/).
    let files: [OutputFile]

    /// A body as the check needs it: where it is written and where it is published.
    struct Body {
        let source: String
        /// Under Output/site/, e.g. cases/x/index.html.
        let page: String
        /// The body as written (a story's before anonymization, whose positions are the file's).
        let markdown: String
        let firstLine: Int
    }

    func check(log: DiagnosticLog) {
        let targets = InternalLinkTargets(files: files, baseURL: library.site.baseURL.value)
        let written = Dictionary(library.cases.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let bodies = library.published.map { story -> Body in
            let original = written[story.path] ?? story
            return Body(source: story.path, page: SiteLayout.story(story.slug), markdown: original.body, firstLine: original.bodyFirstLine)
        } + library.pages.map { Body(source: $0.path, page: SiteLayout.page($0.slug), markdown: $0.body, firstLine: $0.bodyFirstLine) }

        // Reading every body's HTML and resolving its links is pure Swift: on every core.
        let resolved = parallelMap(bodies) { body -> [(InternalLinksHTML.Reference, LinkDestination)] in
            InternalLinksHTML.references(in: html[body.source] ?? "").compactMap { reference in
                let destination = targets.destination(of: reference.value, on: body.page)
                return destination == .elsewhere ? nil : (reference, destination)
            }
        }
        var judge = InternalLinkJudge(targets: targets, library: library, allPages: allPages)
        for (body, links) in zip(bodies, resolved) where !links.isEmpty {
            let problems = links.compactMap { link in judge.problem(with: link.0, at: link.1, on: body.page).map { (link.0, $0) } }
            guard !problems.isEmpty else { continue }
            let positions = locate(problems.map(\.0), in: body)
            for ((_, message), position) in zip(problems, positions) { log.error(message, at: position) }
        }
    }

    /// The source position of each reference, in the body as written: the k-th rendered link
    /// to a destination is the k-th written one (cmark-gfm renders in document order).
    private func locate(_ references: [InternalLinksHTML.Reference], in body: Body) -> [SourceLocation] {
        let rendered = InternalLinksHTML.references(in: html[body.source] ?? "")
        var written: [String: [InternalLinksPositions.Written]] = [:]
        for link in InternalLinksPositions.links(in: body.markdown, rawHTML: library.site.unsafeHTML ?? false) {
            written["\(link.kind)\u{0}\(link.key)", default: []].append(link)
        }
        var seen: [String: Int] = [:]
        var positions: [Int: SourceLocation] = [:]
        for reference in rendered {
            let name = "\(reference.kind)\u{0}\(Self.key(reference.value))"
            let k = seen[name, default: 0]
            seen[name] = k + 1
            if let link = written[name], k < link.count {
                positions[reference.offset] = SourceLocation(path: body.source, line: body.firstLine + link[k].line - 1, column: link[k].column)
            }
        }
        // Not found (an anonymized name inside the link itself): the body's first line.
        return references.map { positions[$0.offset] ?? SourceLocation(path: body.source, line: body.firstLine, column: 1) }
    }

    /// The form both sides of the comparison share: percent-decoded (cmark-gfm encodes what
    /// a URL may not hold, so `../事例/` is published as `../%E4%BA%8B%E4%BE%8B/`).
    static func key(_ value: String) -> String {
        guard value.utf8.contains(0x25) else { return value } // '%'
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        let source = Array(value.utf8)
        var i = 0
        while i < source.count {
            if source[i] == 0x25, i + 2 < source.count, let high = hex(source[i + 1]), let low = hex(source[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
