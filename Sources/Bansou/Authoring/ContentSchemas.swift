import Foundation

/// `bansou schema`: a JSON Schema for every kind of content file, built from the site's own
/// guidance data, so an editor completes ids the validator will accept.
///
/// The schemas are written to a folder that mirrors the content kinds (`client.schema.json`,
/// `guidance/areas.schema.json` …); the sample's are committed in `schemas/`, and each YAML
/// file names its schema in a first-line comment (`# yaml-language-server: $schema=…`).
public struct ContentSchemas: Sendable {
    /// Path under the schema folder → schema, in a fixed order.
    public let files: [(path: String, schema: JSONValue)]

    public init(guidance: Guidance) {
        let tables = SchemaTables(guidance: guidance)
        var files: [(String, JSONValue)] = [
            ("site.schema.json", tables.siteSchema),
            ("case.schema.json", tables.caseSchema),
            ("page.schema.json", tables.pageSchema),
            ("client.schema.json", tables.clientSchema),
            ("partner.schema.json", tables.partnerSchema),
            ("staff.schema.json", tables.staffSchema),
            ("institution.schema.json", tables.institutionSchema),
            ("referral.schema.json", tables.referralSchema),
        ]
        for (name, schema) in tables.guidanceSchemas { files.append(("guidance/\(name).schema.json", schema)) }
        self.files = files
    }

    /// Reads the guidance of a content folder with the build's own loader. Nil, with the
    /// loader's errors, when it cannot be read (nothing can be listed without it).
    public static func loadGuidance(contentDirectory: URL, displayPrefix: String) -> (Guidance?, [Diagnostic]) {
        let log = DiagnosticLog()
        let content = ContentLoader(contentDirectory: contentDirectory, displayPrefix: displayPrefix).load(log: log)
        return (content.guidance, log.all.filter { $0.severity == .error })
    }

    /// Writes every schema under `folder`, creating it; returns the paths written (relative).
    @discardableResult
    public func write(to folder: URL) throws -> [String] {
        for (path, schema) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(schema.text.utf8).write(to: url, options: .atomic)
        }
        return files.map(\.path)
    }

    /// The schema of a content file, by its path inside the content folder:
    /// `clients/x.yaml` → `client.schema.json`; nil for a file no schema describes.
    public static func schemaPath(forContentFile relative: String) -> String? {
        let parts = relative.split(separator: "/").map(String.init)
        let name = parts.last ?? ""
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        switch (parts.count, parts.first ?? "", ext) {
        case (1, _, "yaml") where stem == "site": return "site.schema.json"
        case (1, _, "yaml") where stem == "institution": return "institution.schema.json"
        case (2, "referrals", "yaml"), (2, "referrals", "yml"): return "referral.schema.json"
        case (2, "cases", "md"): return "case.schema.json"
        case (2, "pages", "md"): return "page.schema.json"
        case (2, "clients", "yaml"), (2, "clients", "yml"): return "client.schema.json"
        case (2, "partners", "yaml"), (2, "partners", "yml"): return "partner.schema.json"
        case (2, "staff", "yaml"), (2, "staff", "yml"): return "staff.schema.json"
        case (2, "guidance", "yaml"): return "guidance/\(stem).schema.json"
        default: return nil
        }
    }

    /// The first-line comment that names a YAML file's schema for yaml-language-server
    /// (VS Code's YAML extension and other editors using it): the schema's path relative to
    /// the file, so it works offline and in any checkout.
    public static func modeline(forContentFile relative: String, contentDirectory: URL, schemaDirectory: URL) -> String? {
        guard let schema = schemaPath(forContentFile: relative) else { return nil }
        let file = contentDirectory.appendingPathComponent(relative)
        let target = schemaDirectory.appendingPathComponent(schema)
        return "# yaml-language-server: $schema=" + relativePath(from: file.deletingLastPathComponent(), to: target)
    }

    /// `to` written relative to the folder `from` (both made absolute and standardized).
    static func relativePath(from folder: URL, to target: URL) -> String {
        let a = folder.standardizedFileURL.pathComponents
        let b = target.standardizedFileURL.pathComponents
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        return (ups + b[common...]).joined(separator: "/")
    }
}
