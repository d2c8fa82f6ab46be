import ArgumentParser
import Bansou

/// `bansou markdown-worker`: not for people. A build with a large batch of Markdown starts
/// one per spare core and hands it bodies on stdin (see MarkdownWorkers in the library).
struct MarkdownWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: MarkdownWorkers.subcommand,
        abstract: "Internal: renders Markdown bodies framed on stdin for a build.",
        shouldDisplay: false
    )

    @Flag(name: .customLong("unsafe-html"), help: "Pass raw HTML through (site.yaml unsafe_html: true).")
    var unsafeHTML = false

    func run() throws {
        let status = MarkdownWorkers.serve(unsafeHTML: unsafeHTML)
        if status != 0 { throw ExitCode(status) }
    }
}
