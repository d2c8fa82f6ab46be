import Foundation

extension PublishingGate {
    /// Spec v2, "Two audiences": a company's report (`reports/<id>/index.html`) may name
    /// that company and the publisher, but no other client. Each report is scanned for the
    /// identifying terms of every other client; a hit is an error at its source, as in
    /// Publishing 5. The advisor's sheet and the dashboard are internal and not scanned.
    func checkReports(_ files: [OutputFile], outputPrefix: String, log: DiagnosticLog) {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let reports = clientIDs.compactMap { id in byPath[ReportRenderer.reportPath(id)].map { (id: id, file: $0) } }
        let results = parallelMap(reports) { report -> [LeakHit] in
            scanner.scan(String(decoding: report.file.contents, as: UTF8.self), format: .markup)
                .filter { hit in hit.clientID != nil && hit.clientID != report.id }
        }
        var cache: [String: [LeakHit]] = [:]
        for (report, hits) in zip(reports, results) {
            for hit in hits {
                let location = sourceLocation(of: hit, in: report.file, cache: &cache)
                    ?? SourceLocation(path: "\(outputPrefix)/\(report.file.path)", line: hit.line, column: hit.column)
                log.error("\(hit.category.label) of client \(hit.clientID ?? "") in the report of \(report.id) (\(hit.masked)): a company's report names no other client", at: location)
            }
        }
    }
}
