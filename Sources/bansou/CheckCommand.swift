import ArgumentParser
import Bansou

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate everything and render in memory; write nothing.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = site.buildOptions
        options.write = false
        let result = BuildPipeline(options: options).run()
        let console = Console(quiet: site.quiet, verbose: site.verbose)
        console.report(result, verb: "checked")
        if !site.quiet {
            for item in result.unpublished { console.out("unpublished: \(item.slug) (\(item.reason))") }
        }
        if result.failed { throw ExitCode(1) }
    }
}
