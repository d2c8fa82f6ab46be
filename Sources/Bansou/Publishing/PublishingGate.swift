import Foundation

/// Spec, Publishing 4–5: every file about to be published under Output/site is scanned,
/// its path and every byte of it, for the identifying terms of ALL clients and for generic
/// personal data. Files copied from Templates/assets are read in whatever Japanese encoding
/// they are in (`PublishedTextDecoder`); one that is not text fails the build unless
/// site.yaml lists it under `unscanned`. Each hit is an error at every position in the
/// SOURCES (story, page, template, data file, or a file's name) that writes it, with the
/// secret masked (`LeakTracer`); the build then writes nothing.
public struct PublishingGate {
    public struct Report: Sendable {
        public var files = 0
        public var bytes = 0
        public var clients = 0
        public var terms = 0
        /// Distinct positions reported (and secrets no single source writes).
        public var hits = 0
    }

    let scanner: LeakScanner
    let library: Library
    let clientCount: Int
    /// Whose company reports `checkReports` reads.
    let clientIDs: [String]
    /// Source texts a hit may come from, by display path (stories, pages, templates, data).
    let sources: [String: SourceText]
    /// Searched for every hit after the output's own sources: what every page may show.
    let sharedSources: [String]
    let templatesPrefix: String
    /// The files copied from Templates/assets: output path → source display path.
    let assetSources: [String: String]

    init(library: Library, templates: TemplateSet) {
        self.library = library
        // Referrals name companies and people as client records do (a prospect without a record yet).
        scanner = LeakScanner(terms: IdentifyingTerms.all(library.clients) + IdentifyingTerms.all(library.referrals),
                              allow: (library.site.allow ?? []).map(\.value))
        clientCount = library.clients.count
        clientIDs = library.clients.map(\.id.value)
        var sources = library.sources
        for (path, text) in templates.sources { sources[path] = text }
        self.sources = sources
        // Not published: confidential records, and stories left out (drafts, no consent).
        // institution.yaml is confidential unless its commitment statement is public (the about page shows it).
        let institution = library.institution.flatMap { $0.commitment?.isPublic == true ? nil : $0.path }
        let unpublished = Set(library.clients.map(\.path) + library.staff.map(\.path) + library.referrals.map(\.path)
                              + [institution].compactMap { $0 })
            .union(Set(library.cases.map(\.path)).subtracting(library.published.map(\.path)))
        templatesPrefix = templates.displayPrefix
        assetSources = Dictionary(templates.assets.map { (SiteRenderer.assetOutputPath($0.path), "\(templates.displayPrefix)/assets/\($0.path)") },
                                  uniquingKeysWith: { first, _ in first })
        // Every asset, text or not, for its name (a page may link to it).
        sharedSources = Set(sources.keys).union(assetSources.values).filter { !unpublished.contains($0) }.sorted { a, b in
            // Templates and site-wide data first: they are on every page.
            (a.hasSuffix(".yaml") ? 1 : 0, a) < (b.hasSuffix(".yaml") ? 1 : 0, b)
        }
    }

    /// What one public file gave the scan.
    struct Scanned: Sendable {
        var nameHits: [LeakHit] = []
        var textHits: [LeakHit] = []
        /// An asset's text as decoded (and normalised like every source), for tracing hits back.
        var decoded: String?
        /// An asset that is not text and not listed under `unscanned`.
        var unreadable = false
        var dataURIs: [DataURIFinding] = []
    }

    /// Scans every public file on all cores; hits go to the log at their source positions.
    func check(_ files: [OutputFile], outputPrefix: String, log: DiagnosticLog) -> Report {
        check(files, outputPrefix: outputPrefix, log: log) { _ in nil }.report
    }

    /// `check`, taking a file's scan from `reusing` when it gives one (a BuildMemo's result for
    /// the same bytes under the same clients and settings); also returns each file's scan.
    func check(_ files: [OutputFile], outputPrefix: String, log: DiagnosticLog,
               reusing: (OutputFile) -> Scanned?) -> (report: Report, scans: [String: Scanned]) {
        let public_ = files.filter { $0.path.hasPrefix("site/") }
        checkSettings(publishedPaths: Set(public_.map { String($0.path.dropFirst("site/".count)) }), outputPrefix: outputPrefix, log: log)
        let unscanned = Set((library.site.unscanned ?? []).map(\.value))
        let results = parallelMap(public_) { file in reusing(file) ?? scan(file, unscanned: unscanned) }

        let tracer = makeTracer()
        for (file, scanned) in zip(public_, results) {
            guard let source = assetSources[file.path] else { continue }
            if let decoded = scanned.decoded { tracer.setText(decoded, for: source) }
            if scanned.unreadable {
                log.error("not text in any encoding the publishing gate reads (UTF-8, UTF-16, UTF-32, Shift_JIS, EUC-JP, ISO-2022-JP), so it cannot be checked for client data: list it under `unscanned` in site.yaml as \(file.path.dropFirst("site/".count)) to publish it unchecked",
                          at: SourceLocation(path: source))
            }
        }
        for (file, scanned) in zip(public_, results) {
            let output = "\(outputPrefix)/\(file.path)"
            for hit in scanned.nameHits {
                tracer.trace(hit, inName: true, output: output, own: file.sources, message: Self.publishedMessage, wouldBe: "would be published in the path \(output)")
            }
            for hit in scanned.textHits {
                tracer.trace(hit, inName: false, output: output, own: file.sources, message: Self.publishedMessage, wouldBe: "would be published in \(output)")
            }
        }
        var reportedDataURIs = Set<String>()
        for (file, scanned) in zip(public_, results) where !scanned.dataURIs.isEmpty {
            let asset = assetSources[file.path].flatMap { path in scanned.decoded.map { (path: path, text: $0) } }
            reportDataURIs(scanned.dataURIs, own: file.sources, assetText: asset, reported: &reportedDataURIs, log: log)
        }
        let hits = report(tracer, log: log) + reportedDataURIs.count
        let report = Report(files: public_.count, bytes: public_.reduce(0) { $0 + $1.contents.count },
                            clients: clientCount, terms: scanner.termCount, hits: hits)
        return (report, Dictionary(zip(public_.map(\.path), results), uniquingKeysWith: { _, last in last }))
    }

    /// The path of a public file (under Output/site/), then its text: an asset decoded from
    /// any encoding `PublishedTextDecoder` knows, everything the build rendered as UTF-8.
    func scan(_ file: OutputFile, unscanned: Set<String>) -> Scanned {
        let published = String(file.path.dropFirst("site/".count))
        var scanned = Scanned(nameHits: scanner.scan(published, format: .plain))
        let format = ScanFormat(pathExtension: (file.path as NSString).pathExtension)
        guard let source = assetSources[file.path] else {
            let text = String(decoding: file.contents, as: UTF8.self)
            scanned.textHits = scanner.scan(text, format: format)
            scanned.dataURIs = scanDataURIs(in: text)
            return scanned
        }
        let readings = PublishedTextDecoder.readings(file.contents)
        guard !readings.isEmpty else {
            scanned.unreadable = !unscanned.contains(published)
            return scanned
        }
        // Lines and columns as the source is read everywhere else (BOM dropped, CRLF as LF).
        let texts = readings.map { SourceText(path: source, text: $0.text).text }
        let hits = texts.map { scanner.scan($0, format: format) }
        // The tracer places hits in one text: the first reading that has any. A hit only
        // another reading has is still an error, reported at the client's term.
        scanned.decoded = texts[hits.firstIndex { !$0.isEmpty } ?? 0]
        scanned.textHits = hits.flatMap { $0 }
        scanned.dataURIs = texts.flatMap { scanDataURIs(in: $0) }
        return scanned
    }

    func makeTracer() -> LeakTracer {
        var anonymized: [String: (client: String, lines: (Int) -> Bool)] = [:]
        for story in library.published where story.meta.anonymize?.value == "auto" {
            guard let client = story.meta.client?.value else { continue }
            let bodyFirstLine = story.bodyFirstLine
            let fieldLines = Set([story.meta.title.location.line] + (story.meta.summary.map { [$0.location.line] } ?? []))
            anonymized[story.path] = (client, { $0 >= bodyFirstLine || fieldLines.contains($0) })
        }
        var unpublishedLines: [String: Set<Int>] = [:]
        for entry in (library.site.allow ?? []) + (library.site.unscanned ?? []) {
            unpublishedLines[entry.location.path, default: []].insert(entry.location.line)
        }
        let content = library.contentPrefix + "/", templates = templatesPrefix + "/"
        return LeakTracer(scanner: scanner, texts: sources.mapValues(\.text), shared: sharedSources, publishedName: { path in
            // A story's slug and an asset's name are published as they are named inside
            // their folder; the folder given on the command line is not.
            if path.hasPrefix(content) { return String(path.dropFirst(content.count)) }
            if path.hasPrefix(templates) { return String(path.dropFirst(templates.count)) }
            return (path as NSString).lastPathComponent
        }, anonymized: anonymized, unpublishedLines: unpublishedLines)
    }

    /// `会社名 of client yamada-seiko in published text (山田**)`, or `… in the name of a
    /// published file` for a hit in a file's name.
    static func publishedMessage(_ hit: LeakHit, inName: Bool) -> String {
        inName ? hit.message.replacingOccurrences(of: " in published text ", with: " in the name of a published file ") : hit.message
    }

    /// Logs what the tracer found: each source position once, then each secret no single
    /// source writes, at the client file's line that defines it. Returns how many.
    func report(_ tracer: LeakTracer, log: DiagnosticLog) -> Int {
        var count = 0
        for (location, messages) in tracer.reported {
            for message in messages { log.error(message, at: location); count += 1 }
        }
        for item in tracer.unresolvedInOrder {
            let hit = item.hit
            let what = hit.term.map { "\(hit.category.label) of \($0.ownerLabel)" } ?? hit.category.label
            let more = item.otherOutputs > 0 ? " and \(item.otherOutputs) other file\(item.otherOutputs == 1 ? "" : "s")" : ""
            var fed = Array(item.fedBy.prefix(3))
            if item.fedBy.count > 3 { fed.append("\(item.fedBy.count - 3) more") }
            fed.append("the templates and site data")
            log.error("\(what) \(item.wouldBe)\(more) (not written): no source text writes it whole, it is put together from \(fed.joined(separator: ", ")) (\(hit.masked))",
                      at: hit.term?.location ?? SourceLocation(path: item.fedBy.first ?? templatesPrefix))
            count += 1
        }
        return count
    }
}
