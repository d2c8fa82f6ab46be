import Foundation

/// `bansou new <kind> <id>`: writes a skeleton into the content folder, never over a file.
public struct NewContentWriter: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The id is not `^[a-z0-9][a-z0-9-]{0,63}$`: a usage error.
        case invalidID(String)
        /// The file (or its `.yml` twin) is already there, shown as given.
        case exists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .invalidID(let id):
                return "'\(id)' is not a valid id: use lowercase a-z, 0-9 and '-', starting with a letter or digit, at most 64 characters (it becomes a file name and a path)"
            case .exists(let path):
                return "\(path) already exists: bansou new never overwrites a file; edit it, or choose another id"
            case .cannotWrite(let path, let reason):
                return "cannot write \(path): \(reason)"
            }
        }
    }

    public let contentDirectory: URL
    /// The --content argument as given, for the paths printed.
    public let displayPrefix: String
    /// Where `bansou schema` wrote the schemas; a YAML skeleton names its schema when it is there.
    public let schemaDirectory: URL?

    public init(contentDirectory: URL, displayPrefix: String, schemaDirectory: URL?) {
        self.contentDirectory = contentDirectory
        self.displayPrefix = displayPrefix.hasSuffix("/") ? String(displayPrefix.dropLast()) : displayPrefix
        self.schemaDirectory = schemaDirectory
    }

    /// Writes the skeleton and returns its path as printed (`Content/cases/x.md`).
    public func create(_ kind: SkeletonKind, id: String, guidance: Guidance, today: Day) throws -> String {
        guard Slug.isValid(id) else { throw Failure.invalidID(id) }
        let relative = kind.relativePath(id: id)
        let shown = displayPrefix + "/" + relative
        for path in [relative, kind.twinPath(id: id)].compactMap({ $0 }) {
            // A link to nowhere is "there" too: fileExists would follow it and say no.
            if (try? FileManager.default.attributesOfItem(atPath: contentDirectory.appendingPathComponent(path).path)) != nil {
                throw Failure.exists(displayPrefix + "/" + path)
            }
        }
        var modeline: String?
        if let schemaDirectory, let schema = ContentSchemas.schemaPath(forContentFile: relative), !relative.hasSuffix(".md"),
           FileManager.default.fileExists(atPath: schemaDirectory.appendingPathComponent(schema).path) {
            modeline = ContentSchemas.modeline(forContentFile: relative, contentDirectory: contentDirectory, schemaDirectory: schemaDirectory)
        }
        let text = ContentSkeleton(guidance: guidance).text(kind, id: id, today: today, modeline: modeline)
        let url = contentDirectory.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: a file that appeared since the check above is not overwritten either.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) { throw Failure.exists(shown) }
            throw Failure.cannotWrite(shown, error.localizedDescription)
        }
        return shown
    }
}
