import ArgumentParser
import Bansou
import Foundation

/// `bansou schema`: JSON Schemas of every content file kind, from the site's guidance data.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas (draft 2020-12) of every content file kind, for editors; the ids come from <content>/guidance/.")

    @Option(help: "Content folder (its guidance/ gives the allowed ids).") var content = "Content"
    @Option(help: "Folder to write the schemas to.") var output = "schemas"

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Preflight.usage("content folder '\(content)' not found: run bansou in the project folder or give --content DIR")
        }
        let console = Console(quiet: false, verbose: false)
        let (guidance, errors) = ContentSchemas.loadGuidance(contentDirectory: URL(fileURLWithPath: content), displayPrefix: content)
        guard let guidance else {
            errors.forEach { console.err($0.description) }
            console.err("error: the guidance data (\(content)/guidance/) could not be read; no schema was written")
            throw ExitCode(1)
        }
        do {
            let written = try ContentSchemas(guidance: guidance).write(to: URL(fileURLWithPath: output))
            console.out("wrote \(written.count) schemas to \(output)/")
        } catch {
            console.err("error: cannot write the schemas to \(output)/: \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
