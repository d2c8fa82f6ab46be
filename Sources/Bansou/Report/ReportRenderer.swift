import Foundation

/// The reports stage: for every client Output/reports/<id>/index.html (print-ready,
/// noindex, confidential) and report.json, plus the internal dashboard
/// Output/reports/index.html. Never writes under site/.
public struct ReportRenderer {
    let library: Library
    let templates: TemplateSet
    /// `bansou report <id>`: the id must name a client. Every report is still rendered,
    /// so the write stage (which sweeps Output/reports) keeps the other clients' reports.
    let onlyClient: String?

    public init(library: Library, templates: TemplateSet, onlyClient: String? = nil) {
        self.library = library
        self.templates = templates
        self.onlyClient = onlyClient
    }

    /// The templates the reports need (checked with the portal's).
    public static let requiredTemplates: Set<String> = ["report/report", "report/advisor", "report/dashboard", "report/report-style", "report/institution"]

    public static func reportPath(_ id: String) -> String { "reports/\(id)/index.html" }
    public static func jsonPath(_ id: String) -> String { "reports/\(id)/report.json" }
    public static func advisorPath(_ id: String) -> String { "reports/\(id)/advisor.html" }
    public static func pdfPath(_ id: String) -> String { "reports/\(id)/report.pdf" }
    public static let dashboardPath = "reports/index.html"
    /// The portfolio rows of the dashboard for Excel and for other tools (spec v2, "The portfolio").
    public static let portfolioCSVPath = "reports/portfolio.csv"
    public static let portfolioJSONPath = "reports/portfolio.json"
    /// The institution's own half-yearly report (self-check, staff, collaboration, portfolio).
    public static let institutionPath = "reports/institution/index.html"
    public static let institutionJSONPath = "reports/institution/institution.json"
    public static let institutionPDFPath = "reports/institution/report.pdf"

    public func render(log: DiagnosticLog) -> [OutputFile] {
        if let onlyClient, library.client(onlyClient) == nil {
            let known = library.clients.map(\.id.value).sorted().joined(separator: ", ")
            let file = library.contentPath("clients/\(onlyClient).yaml")
            log.error("no client '\(onlyClient)' (\(file)); clients: \(known.isEmpty ? "none" : known)", at: SourceLocation(path: file))
            return []
        }
        let diagnoser = Diagnoser(library: library)
        let views = ReportViewBuilder(library: library)
        let advisorViews = AdvisorViewBuilder(library: library)
        // Views are flattened to dictionaries first: swift-mustache's Mirror lookups were 2/3 of the time.
        let templates = self.templates
        let clients = library.clients.sorted { $0.id.value < $1.id.value }
        let diagnosed = diagnoser.addPeers(parallelMap(clients) { client in (client: client, diagnosis: diagnoser.diagnose(client)) })
        // The dashboard (a large page) is job -1 and the institution report job -2, first in
        // line, so they render beside the clients' reports instead of after them on one core.
        let rendered: [[OutputFile]] = parallelMap(Array(-2..<diagnosed.count)) { index in
            if index == -2 { return institutionReport(diagnosed: diagnosed, templates: templates, log: log) }
            if index < 0 {
                let dashboard = DashboardViewBuilder(library: library).build(diagnoses: diagnosed)
                return [OutputFile(path: Self.dashboardPath,
                                   text: templates.render(MustacheValue.flatten(dashboard) ?? [:], template: "report/dashboard", log: log),
                                   sources: clients.map(\.path) + library.staff.map(\.path))]
            }
            let item = diagnosed[index]
            let id = item.client.id.value
            // The company's view is flattened once and shared by both documents.
            let report = MustacheValue.flatten(views.build(client: item.client, diagnosis: item.diagnosis)) as? [String: Any] ?? [:]
            let html = templates.render(report, template: "report/report", log: log)
            var advisor = MustacheValue.flatten(advisorViews.build(client: item.client, diagnosis: item.diagnosis)) as? [String: Any] ?? [:]
            advisor["report"] = report
            let advisorHTML = templates.render(advisor, template: "report/advisor", log: log)
            return [
                OutputFile(path: Self.reportPath(id), text: html, sources: [item.client.path]),
                OutputFile(path: Self.advisorPath(id), text: advisorHTML, sources: [item.client.path]),
                OutputFile(path: Self.jsonPath(id), contents: ReportJSON.data(client: item.client, diagnosis: item.diagnosis),
                           sources: [item.client.path]),
            ]
        }
        // The dashboard after the reports, as the write stage has always received them.
        var files = rendered.dropFirst(2).flatMap { $0 } + rendered[1] + rendered[0]
        let advisorNames = Dictionary(library.staff.map { ($0.id.value, $0.name) }, uniquingKeysWith: { a, _ in a })
        files.append(OutputFile(path: Self.portfolioCSVPath, contents: PortfolioCSV.data(diagnosed, asOf: library.asOf, advisorNames: advisorNames),
                                sources: clients.map(\.path) + library.staff.map(\.path)))
        files.append(OutputFile(path: Self.portfolioJSONPath, contents: PortfolioJSON.data(diagnosed, asOf: library.asOf),
                                sources: clients.map(\.path)))
        // Spec "Stage diagnosis" 3 (未診断 is a warning, not an error): the report itself says so.
        // No diagnostic here: the bundled sample has a 未診断 client and must build without warnings.
        return files
    }

    /// Output/reports/institution/: the page and institution.json, from one `InstitutionFacts`.
    func institutionReport(diagnosed: [(client: Client, diagnosis: Diagnosis)], templates: TemplateSet, log: DiagnosticLog) -> [OutputFile] {
        let facts = InstitutionFacts(library: library, portfolio: diagnosed.map(\.diagnosis.portfolio))
        let view = InstitutionViewBuilder(library: library).build(facts)
        let sources = [library.institution?.path].compactMap { $0 } + library.staff.map(\.path) + library.referrals.map(\.path)
            + library.clients.map(\.path) + [library.contentPath("guidance/practices.yaml")]
        return [
            OutputFile(path: Self.institutionPath, text: templates.render(MustacheValue.flatten(view) ?? [:], template: "report/institution", log: log),
                       sources: sources),
            OutputFile(path: Self.institutionJSONPath, contents: InstitutionJSON.data(facts), sources: sources),
        ]
    }
}
