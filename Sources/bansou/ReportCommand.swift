import ArgumentParser
import Bansou

/// `bansou report <id> [--pdf]`: builds as `build` does (so Output/ stays whole and
/// consistent) and, with --pdf, prints only that client's report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build and show one client's report (Output/reports/<id>/index.html), optionally as PDF.")

    @Argument(help: "The client id (the name of Content/clients/<id>.yaml).") var id: String
    @OptionGroup var site: SiteOptions
    @Flag(help: "Print the report to Output/reports/<id>/report.pdf with headless Chromium.") var pdf = false

    func run() throws {
        var options = site.buildOptions
        options.onlyClient = id
        options.pdf = pdf
        try Preflight.checkFolders(site, writing: true)
        try Preflight.checkClient(id, site: site)
        if pdf { try Preflight.requireBrowser() }
        let result = BuildPipeline(options: options).run()
        let console = Console(quiet: site.quiet, verbose: site.verbose)
        console.report(result, verb: "built", output: site.output)
        if result.failed { throw ExitCode(1) }
        if !site.quiet {
            console.out("report: \(site.output)/reports/\(id)/index.html")
            if pdf { console.out("pdf: \(site.output)/reports/\(id)/report.pdf") }
        }
    }
}
