import Bansou
import Foundation

/// Prints diagnostics to stderr and the one-line summary to stdout.
struct Console {
    let quiet: Bool
    let verbose: Bool

    func out(_ line: String) { print(line) }
    func err(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// `output` is the --output folder as given, for the closing line.
    func report(_ result: BuildResult, verb: String, output: String) {
        for diagnostic in result.diagnostics where !(quiet && diagnostic.severity == .warning) {
            err(diagnostic.description)
        }
        if verbose {
            for note in result.notes { out("note: \(note)") }
            for timing in result.timings { out("  " + timing.stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.3f s", timing.seconds)) }
        }
        let errors = result.diagnostics.errors.count
        let warnings = result.diagnostics.warnings.count
        if result.failed {
            // Said only when true: a swap that failed half-way says what it left in its own error.
            let unchanged = result.outputChanged ? "" : "; \(output)/ was not changed"
            err("error: \(verb == "built" ? "build" : "check") failed with \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? " and \(warnings) warning\(warnings == 1 ? "" : "s")" : "")\(unchanged)")
            return
        }
        guard !quiet else { return }
        let counts = result.counts.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
        var line = String(format: "%@ %@ in %.2f s", verb, counts, result.totalSeconds)
        if let write = result.write { line += " (\(write.written) written, \(write.unchanged) unchanged, \(write.removed) removed)" }
        if result.anonymized > 0 { line += ", \(result.anonymized) anonymized" }
        if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        out(line)
    }
}
