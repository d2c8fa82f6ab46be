import ArgumentParser
import Bansou
import Foundation

/// `bansou new case|client|partner <id>`: a skeleton that builds without warnings.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new story, client or partner file from a skeleton (never over an existing file).",
        subcommands: [NewCaseCommand.self, NewClientCommand.self, NewPartnerCommand.self])
}

/// Flags of every `new` subcommand.
struct NewOptions: ParsableArguments {
    @Option(help: "Content folder.") var content = "Content"
    @Option(help: "Schema folder (bansou schema): a new YAML file names its schema there when it exists.") var schemas = "schemas"

    /// Checks the id and the folder, reads the guidance (for the ids listed in the comments),
    /// writes the file and prints its path.
    func create(_ kind: SkeletonKind, id: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Preflight.usage("content folder '\(content)' not found: run bansou in the project folder or give --content DIR")
        }
        guard Slug.isValid(id) else { throw Preflight.usage(NewContentWriter.Failure.invalidID(id).description) }
        let contentURL = URL(fileURLWithPath: content)
        let (guidance, errors) = ContentSchemas.loadGuidance(contentDirectory: contentURL, displayPrefix: content)
        let console = Console(quiet: false, verbose: false)
        guard let guidance else {
            errors.forEach { console.err($0.description) }
            console.err("error: the guidance data (\(content)/guidance/) could not be read; fix it first")
            throw ExitCode(1)
        }
        let writer = NewContentWriter(contentDirectory: contentURL, displayPrefix: content,
                                      schemaDirectory: URL(fileURLWithPath: schemas))
        do {
            let path = try writer.create(kind, id: id, guidance: guidance, today: Day.today())
            console.out("created \(path)")
        } catch let failure as NewContentWriter.Failure {
            console.err("error: \(failure)")
            throw ExitCode(1)
        }
    }
}

struct NewCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "A draft success story: <content>/cases/<slug>.md (draft: true until you remove it).")
    @Argument(help: "The story's slug (lowercase a-z, 0-9, '-'): its file name and URL.") var slug: String
    @OptionGroup var options: NewOptions
    func run() throws { try options.create(.case, id: slug) }
}

struct NewClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "client", abstract: "A client record: <content>/clients/<id>.yaml (confidential).")
    @Argument(help: "The client id (lowercase a-z, 0-9, '-'): its file name.") var id: String
    @OptionGroup var options: NewOptions
    func run() throws { try options.create(.client, id: id) }
}

struct NewPartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "partner", abstract: "A partner institution: <content>/partners/<id>.yaml (public: false until you set it).")
    @Argument(help: "The partner id (lowercase a-z, 0-9, '-'): its file name.") var id: String
    @OptionGroup var options: NewOptions
    func run() throws { try options.create(.partner, id: id) }
}
