import Foundation

/// Spec, Publishing 4–5: every text file about to be published under Output/site is
/// scanned for the identifying terms of ALL clients and for generic personal data.
/// A hit is an error at the position in the SOURCE (story, page, template or data file)
/// that produced it, with the secret masked; the build then writes nothing.
public struct PublishingGate {
    public struct Report: Sendable {
        public var files = 0
        public var bytes = 0
        public var clients = 0
        public var terms = 0
        public var hits = 0
    }

    let scanner: LeakScanner
    let clientCount: Int
    /// Whose company reports `checkReports` reads.
    let clientIDs: [String]
    /// Source texts a hit may come from, by display path (stories, pages, templates, data).
    let sources: [String: SourceText]
    /// Searched for every hit after the output's own sources: shared templates and data.
    let sharedSources: [String]

    init(library: Library, templates: TemplateSet) {
        scanner = LeakScanner(clients: library.clients, allow: (library.site.allow ?? []).map(\.value))
        clientCount = library.clients.count
        clientIDs = library.clients.map(\.id.value)
        var sources = library.sources
        for (path, text) in templates.sources { sources[path] = text }
        self.sources = sources
        let confidential = Set(library.clients.map(\.path) + library.staff.map(\.path))
        sharedSources = sources.keys.filter { !confidential.contains($0) }.sorted { a, b in
            // Templates and site-wide data first: they are on every page.
            (a.hasSuffix(".yaml") ? 1 : 0, a) < (b.hasSuffix(".yaml") ? 1 : 0, b)
        }
    }

    static let textExtensions: Set<String> = ["html", "htm", "xml", "json", "js", "css", "svg", "txt", "md", "webmanifest"]

    /// Scans every public text file on all cores; hits go to the log at their source position.
    func check(_ files: [OutputFile], outputPrefix: String, log: DiagnosticLog) -> Report {
        let public_ = files.filter { $0.path.hasPrefix("site/") && Self.textExtensions.contains(($0.path as NSString).pathExtension.lowercased()) }
        let results = parallelMap(public_) { file -> [LeakHit] in
            let text = String(decoding: file.contents, as: UTF8.self)
            return scanner.scan(text, format: ScanFormat(pathExtension: (file.path as NSString).pathExtension))
        }
        var report = Report(files: public_.count, bytes: public_.reduce(0) { $0 + $1.contents.count },
                            clients: clientCount, terms: scanner.termCount, hits: 0)
        var sourceScans: [String: [LeakHit]] = [:]
        for (file, hits) in zip(public_, results) where !hits.isEmpty {
            for hit in hits {
                report.hits += 1
                let location = sourceLocation(of: hit, in: file, cache: &sourceScans)
                    ?? SourceLocation(path: "\(outputPrefix)/\(file.path)", line: hit.line, column: hit.column)
                log.error(hit.message, at: location)
            }
        }
        return report
    }

    /// The first place in the output's sources, then in the shared templates and data,
    /// where the same secret is written.
    func sourceLocation(of hit: LeakHit, in file: OutputFile, cache: inout [String: [LeakHit]]) -> SourceLocation? {
        for path in file.sources + sharedSources {
            guard let source = sources[path] else { continue }
            let hits: [LeakHit]
            if let cached = cache[path] {
                hits = cached
            } else {
                let text = path.hasSuffix(".md") ? MarkdownScanText.prepare(source.text) : source.text
                hits = scanner.scan(text, format: path.hasSuffix(".yaml") ? .plain : .markup)
                cache[path] = hits
            }
            if let same = hits.first(where: { Self.sameSecret($0, hit) }) {
                return SourceLocation(path: path, line: same.line, column: same.column)
            }
        }
        return nil
    }

    static func sameSecret(_ a: LeakHit, _ b: LeakHit) -> Bool {
        if let termA = a.term, let termB = b.term { return termA.clientID == termB.clientID && termA.normalized == termB.normalized }
        guard a.term == nil, b.term == nil, a.category == b.category else { return false }
        return TextNormalizer.normalizeNumber(a.matched) == TextNormalizer.normalizeNumber(b.matched)
    }
}
