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
                .filter { hit in
                    // Another client's term, or any name a referral holds (a prospect is nobody's own report).
                    guard let term = hit.term else { return false }
                    return term.owner == .referral || term.clientID != report.id
                }
        }
        let tracer = makeTracer()
        for (report, hits) in zip(reports, results) {
            let output = "\(outputPrefix)/\(report.file.path)"
            for hit in hits {
                tracer.trace(hit, inName: false, output: output, own: report.file.sources, message: { same, inName in
                    "\(same.category.label) of \(same.term?.ownerLabel ?? "") in \(inName ? "the name of a file shown in " : "")the report of \(report.id) (\(same.masked)): a company's report names no other client"
                }, wouldBe: "would be in the report \(output)")
            }
        }
        _ = self.report(tracer, log: log)
    }
}
