import ArgumentParser
import Bansou
import Foundation

/// The command line: thin; the work is in the Bansou library's pipeline.
@main
struct BansouCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bansou",
        abstract: "伴走: a regional DX support portal and confidential client roadmap reports from Content/ and Templates/.",
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, ServeCommand.self, NewCommand.self, SchemaCommand.self, MarkdownWorkerCommand.self, EditBenchCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Exit codes of the spec: 0 ok, 1 content errors, 2 usage errors, 3 a missing outside tool.
    static func main() {
        MarkdownWorkers.executable = Bundle.main.executableURL   // this binary renders Markdown in worker processes
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Flags shared by build and check, named as a Hugo user expects.
struct SiteOptions: ParsableArguments {
    @Option(help: "Content folder.") var content = "Content"
    @Option(help: "Templates folder.") var templates = "Templates"
    @Option(help: "Output folder (site/ and reports/ go inside).") var output = "Output"
    @Flag(help: "Include draft and scheduled stories.") var drafts = false
    @Option(name: .customLong("base-url"), help: "Override base_url of site.yaml.") var baseURL: String?
    @Option(name: .customLong("as-of"), help: "The date for reports and 'latest' lists (YYYY-MM-DD); default site.yaml as_of, then today.")
    var asOf: String?
    @Flag(name: .shortAndLong, help: "Print only errors.") var quiet = false
    @Flag(name: .shortAndLong, help: "Print each stage's time and every note.") var verbose = false

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, got '\(baseURL)'")
        }
    }

    var buildOptions: BuildOptions {
        var options = BuildOptions()
        options.contentPath = content
        options.templatesPath = templates
        options.outputPath = output
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.asOf = asOf.flatMap(Day.init)
        let quiet = quiet
        options.waitingForOutput = { message in
            if !quiet { FileHandle.standardError.write(Data(("note: " + message + "\n").utf8)) }
        }
        options.pdfProgress = PDFProgressLine.forTerminal(quiet: quiet)
        return options
    }
}
