import ArgumentParser
import Bansou

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the portal (Output/site) and the client reports (Output/reports).")

    @OptionGroup var site: SiteOptions
    @Flag(help: "Also print every client report to Output/reports/<id>/report.pdf with headless Chromium.") var pdf = false
    @Flag(help: "Also index the portal with Pagefind (Output/site/pagefind/) for search over http(s).") var pagefind = false

    func run() throws {
        var options = site.buildOptions
        options.pdf = pdf
        options.pagefind = pagefind
        try Preflight.checkFolders(site, writing: true)
        if pdf { try Preflight.requireBrowser() }
        if pagefind { try Preflight.requirePagefind() }
        let result = BuildPipeline(options: options).run()
        Console(quiet: site.quiet, verbose: site.verbose).report(result, verb: "built", output: site.output)
        if result.failed { throw ExitCode(1) }
    }
}
