import ArgumentParser
import Bansou

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate everything and render in memory; write nothing.")

    @OptionGroup var site: SiteOptions
    @Flag(help: "Report what the publishing gate checked: files, clients, terms, hits.") var leaks = false

    func run() throws {
        var options = site.buildOptions
        options.write = false
        try Preflight.checkFolders(site, writing: false)
        let result = BuildPipeline(options: options).run()
        let console = Console(quiet: site.quiet, verbose: site.verbose)
        console.report(result, verb: "checked", output: site.output)
        if !site.quiet {
            for item in result.unpublished { console.out("unpublished: \(item.slug) (\(item.reason))") }
        }
        if leaks, let report = result.leakReport {
            console.out("publishing gate: \(report.files) public files (\(report.bytes / 1024) KB) checked against \(report.clients) clients, \(report.terms) identifying terms and the generic patterns (e-mail, phone, corporate number, postal code): \(report.hits) hit\(report.hits == 1 ? "" : "s")")
            if result.anonymized > 0 { console.out("anonymized: \(result.anonymized) replacement\(result.anonymized == 1 ? "" : "s") (anonymize: auto)") }
        }
        if result.failed { throw ExitCode(1) }
    }
}
