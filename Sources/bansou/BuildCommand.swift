import ArgumentParser
import Bansou

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the portal (Output/site) and the client reports (Output/reports).")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = BuildPipeline(options: site.buildOptions).run()
        Console(quiet: site.quiet, verbose: site.verbose).report(result, verb: "built")
        if result.failed { throw ExitCode(1) }
    }
}
