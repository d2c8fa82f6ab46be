import ArgumentParser
import Bansou
import Foundation

/// `bansou edit-bench <story.md>` (hidden; scripts/bench): what `bansou serve` does after an edit,
/// timed. A first build with a BuildMemo, then `rounds` edits of the story's body, each followed
/// by a rebuild with the memo, then as many edits of its title (front matter: lists change too);
/// the file is put back and rebuilt at the end. Prints one line per rebuild; a benchmark, not a test.
struct EditBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit-bench", abstract: "Time rebuilds after editing one story (benchmark).",
                                                    shouldDisplay: false)

    @OptionGroup var site: SiteOptions
    @Argument(help: "The story to edit, e.g. Content/cases/case-00042.md.") var story: String
    @Option(help: "Body edits.") var rounds = 3
    @Option(name: .customLong("title-rounds"), help: "Title edits (default: as many as body edits; 0 to profile body edits alone).") var titleRounds: Int?

    func run() throws {
        let url = URL(fileURLWithPath: story)
        let original = try String(contentsOf: url, encoding: .utf8)
        defer { try? original.write(to: url, atomically: false, encoding: .utf8) }
        let memo = BuildMemo()
        func build(_ label: String) throws {
            let start = DispatchTime.now()
            let result = BuildPipeline(options: site.buildOptions, memo: memo).run()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            guard !result.failed else {
                Console(quiet: false, verbose: false).report(result, verb: "built", output: site.output)
                throw ExitCode(1)
            }
            let stages = result.timings.filter { $0.seconds >= 0.005 }.map { "\($0.stage) \(String(format: "%.3f", $0.seconds))" }.joined(separator: ", ")
            print(String(format: "%-14@ %7.3f s  %6d pages rendered, %6d reused  (%@)", label as NSString, seconds,
                         result.renderedPages, result.reusedPages, stages as NSString))
        }
        try build("first build")
        for round in 1...max(1, rounds) {
            try (original + "\n\n編集\(round): 本文を一行足しました。\n").write(to: url, atomically: false, encoding: .utf8)
            try build("body edit")
        }
        for round in stride(from: 1, through: titleRounds ?? rounds, by: 1) {
            let retitled = original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: 改訂\(round) ", options: [], range: original.range(of: "\ntitle: "))
            try retitled.write(to: url, atomically: false, encoding: .utf8)
            try build("title edit")
        }
        try original.write(to: url, atomically: false, encoding: .utf8)
        try build("restored")
    }
}
