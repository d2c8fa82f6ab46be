/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable, Equatable {
    public var yaml: String
    /// Line in the file where the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Line in the file where the Markdown body starts.
    public var bodyFirstLine: Int

    /// Splits `---\nYAML\n---\nbody`. The text is already normalised (no BOM, LF only).
    /// Returns a diagnostic when the fences are missing, since every case and page needs front matter.
    public static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error("missing front matter: the file must start with a line '---'",
                                   at: SourceLocation(path: source.path, line: 1, column: 1)))
        }
        lines.removeFirst()
        guard let closing = lines.firstIndex(where: { $0.trimmingTrailingSpaces == "---" || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(.error("front matter is not closed: add a line '---' after the YAML",
                                   at: SourceLocation(path: source.path, line: 1, column: 1)))
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 3))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
