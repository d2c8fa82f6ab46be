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

    /// A link the parallel pass could not settle: to a #fragment, or to nothing.
    struct Unsettled {
        let body: Int
        let reference: InternalLinksHTML.Reference
        let destination: LinkDestination
    }

    /// A body as the check needs it: where it is written and where it is published.
    struct Body {
        let source: String
        /// Under Output/site/, e.g. cases/x/index.html.
        let page: String
    }

    func check(log: DiagnosticLog) {
        let targets = InternalLinkTargets(files: files, baseURL: library.site.baseURL.value)
        // By index: mapping over the stories themselves copies every field of each.
        let stories = library.published, pages = library.pages
        let bodies = stories.indices.map { Body(source: stories[$0].path, page: SiteLayout.story(stories[$0].slug)) }
            + pages.indices.map { Body(source: pages[$0].path, page: SiteLayout.page(pages[$0].slug)) }
        let texts = bodies.map { html[$0.source] ?? "" }
        let rawHTML = library.site.unsafeHTML ?? false

        // Reading every body's HTML and resolving its links is pure Swift: on every core, in a
        // few long runs rather than one task per body. A link that reaches a published file
        // without a #fragment is settled there; the rest come back.
        func settled(_ destination: LinkDestination) -> Bool {
            switch destination {
            case .elsewhere: return true
            case let .site(path, fragment, _): return (fragment?.isEmpty ?? true) && targets.index(for: path) != nil
            case .aboveRoot: return false
            }
        }
        let runs = stride(from: 0, to: bodies.count, by: 512).map { $0..<min($0 + 512, bodies.count) }
        let unsettled: [Unsettled] = parallelMap(runs) { run in
            var found: [Unsettled] = []
            for k in run {
                let page = bodies[k].page, folder = InternalLinkTargets.folder(of: page)
                if rawHTML {
                    for reference in InternalLinksHTML.references(in: texts[k]) {
                        let destination = targets.destination(of: reference.value, on: page)
                        if !settled(destination) { found.append(Unsettled(body: k, reference: reference, destination: destination)) }
                    }
                    continue
                }
                var text = texts[k]
                text.withUTF8 { buffer in
                    InternalLinksHTML.forEachRendered(in: UnsafeRawBufferPointer(buffer)) { kind, raw, offset in
                        // Character references (`&amp;` in a query) are rare: decoded only where present.
                        let decoded = raw.contains(0x26) ? InternalLinksHTML.decode(raw) : nil
                        let destination = decoded.map { targets.destination(of: $0, on: page) } ?? targets.destination(of: raw, on: page, folder: folder)
                        guard !settled(destination) else { return }
                        let value = decoded ?? String(decoding: raw, as: UTF8.self)
                        found.append(Unsettled(body: k, reference: InternalLinksHTML.Reference(kind: kind, value: value, offset: offset), destination: destination))
                    }
                }
            }
            return found
        }.flatMap { $0 }

        var judge = InternalLinkJudge(targets: targets, library: library, allPages: allPages)
        var written: [String: Int]?
        var next = unsettled.startIndex
        while next < unsettled.endIndex {
            let k = unsettled[next].body
            var end = next
            while end < unsettled.endIndex, unsettled[end].body == k { end += 1 }
            let links = unsettled[next..<end]
            next = end
            let problems = links.compactMap { link in judge.problem(with: link.reference, at: link.destination, on: bodies[k].page).map { (link.reference, $0) } }
            guard !problems.isEmpty else { continue }
            // The body as written: a story's before anonymization, whose positions are the file's.
            let cases = library.cases
            if written == nil { written = Dictionary(cases.indices.map { (cases[$0].path, $0) }, uniquingKeysWith: { first, _ in first }) }
            let (markdown, firstLine) = written?[bodies[k].source].map { (cases[$0].body, cases[$0].bodyFirstLine) }
                ?? (k >= stories.count ? (pages[k - stories.count].body, pages[k - stories.count].bodyFirstLine) : (stories[k].body, stories[k].bodyFirstLine))
            let positions = locate(problems.map(\.0), in: bodies[k], html: texts[k], markdown: markdown, firstLine: firstLine)
            for ((_, message), position) in zip(problems, positions) { log.error(message, at: position) }
        }
    }

    /// The source position of each reference, in the body as written: the k-th rendered link
    /// to a destination is the k-th written one (cmark-gfm renders in document order).
    private func locate(_ references: [InternalLinksHTML.Reference], in body: Body, html: String, markdown: String, firstLine: Int) -> [SourceLocation] {
        let rendered = library.site.unsafeHTML ?? false ? InternalLinksHTML.references(in: html) : InternalLinksHTML.renderedReferences(in: html)
        var written: [String: [InternalLinksPositions.Written]] = [:]
        for link in InternalLinksPositions.links(in: markdown, rawHTML: library.site.unsafeHTML ?? false) {
            written["\(link.kind)\u{0}\(link.key)", default: []].append(link)
        }
        var seen: [String: Int] = [:]
        var positions: [Int: SourceLocation] = [:]
        for reference in rendered {
            let name = "\(reference.kind)\u{0}\(Self.key(reference.value))"
            let k = seen[name, default: 0]
            seen[name] = k + 1
            if let link = written[name], k < link.count {
                positions[reference.offset] = SourceLocation(path: body.source, line: firstLine + link[k].line - 1, column: link[k].column)
            }
        }
        // Not found (an anonymized name inside the link itself): the body's first line.
        return references.map { positions[$0.offset] ?? SourceLocation(path: body.source, line: firstLine, column: 1) }
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
