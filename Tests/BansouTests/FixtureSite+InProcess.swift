import Bansou
import Foundation

/// Fixture builds in this process through the public `BuildPipeline`, as Hugo's integration
/// test builder does: no process start, no second copy of the binary's state. A few tests keep
/// running the real binary (`run`) for what only the command line does: exit codes 2 and 3,
/// the preflight checks, the summary line on stdout, worker processes.
extension FixtureSite {
    /// `bansou build` or `bansou check` with the given flags, run in the fixture folder but in
    /// this process: the same `Run` as `run(...)` with the diagnostics on stderr, paths shown as
    /// the command line shows them (relative to the fixture), status 0 or 1, and nothing on
    /// stdout (the summary line is the command line's). Only the flags below are understood;
    /// any other is a mistake in the test and throws.
    @discardableResult
    func runInProcess(_ arguments: String...) throws -> Run {
        try runInProcess(arguments: arguments)
    }

    @discardableResult
    func runInProcess(arguments: [String]) throws -> Run {
        guard let command = arguments.first, command == "build" || command == "check" else {
            throw FixtureError(message: "runInProcess runs build or check, not \(arguments)")
        }
        var options = BuildOptions()
        options.write = command == "build"
        var quiet = false
        var rest = arguments.dropFirst()[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw FixtureError(message: "\(flag) needs a value") }
            return next
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--drafts": options.includeDrafts = true
            case "--quiet", "-q": quiet = true
            case "--content": options.contentPath = try value(flag)
            case "--templates": options.templatesPath = try value(flag)
            case "--output": options.outputPath = try value(flag)
            case "--base-url": options.baseURL = try value(flag)
            case "--as-of":
                let text = try value(flag)
                guard let day = Day(text) else { throw FixtureError(message: "--as-of \(text) is not a date") }
                options.asOf = day
            default: throw FixtureError(message: "runInProcess does not understand \(flag)")
            }
        }
        let result = build(options)
        let lines = result.diagnostics.filter { !(quiet && $0.severity == .warning) }.map(\.description)
        return Run(status: result.failed ? 1 : 0, stdout: "", stderr: lines.map { $0 + "\n" }.joined(), result: result)
    }

    /// Runs the pipeline with `options` whose folders are relative to the fixture (as the command
    /// line's are to the current directory), and shows paths in diagnostics relative to it again.
    func build(_ options: BuildOptions) -> BuildResult {
        var options = options
        let shown = (content: options.contentPath, templates: options.templatesPath, output: options.outputPath)
        options.contentPath = absolute(shown.content)
        options.templatesPath = absolute(shown.templates)
        options.outputPath = absolute(shown.output)
        var result = BuildPipeline(options: options).run()
        // Each folder given relative is shown as given again; any other path (a link's target,
        // say) stays as the build wrote it, as it would from the command line.
        let folders = [(options.contentPath, shown.content), (options.templatesPath, shown.templates), (options.outputPath, shown.output)]
            .filter { !$0.1.hasPrefix("/") }
        func display(_ text: String) -> String {
            folders.reduce(text) { text, folder in
                text.replacingOccurrences(of: folder.0 + "/", with: folder.1 + "/").replacingOccurrences(of: folder.0, with: folder.1)
            }
        }
        result.diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.path = display(diagnostic.location.path)
            diagnostic.message = display(diagnostic.message)
            return diagnostic
        }
        return result
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).standardizedFileURL.path
    }
}
