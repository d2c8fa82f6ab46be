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
        // Works on UTF-8 bytes and finds only the two fences: splitting a whole story into
        // lines cost more than parsing its YAML on a 10,000-story site.
        let utf8 = source.text.utf8
        guard let firstEnd = lineEnd(utf8, from: utf8.startIndex), isFence(utf8[utf8.startIndex..<firstEnd], closing: false) else {
            return .failure(.error("missing front matter: the file must start with a line '---'",
                                   at: SourceLocation(path: source.path, line: 1, column: 1)))
        }
        var lineStart = utf8.index(after: firstEnd)
        var line = 2
        while lineStart < utf8.endIndex {
            let end = lineEnd(utf8, from: lineStart) ?? utf8.endIndex
            if isFence(utf8[lineStart..<end], closing: true) {
                let yaml = String(source.text[firstEnd..<lineStart].dropFirst().dropLast())
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: String(source.text[bodyStart...]), bodyFirstLine: line + 1))
            }
            guard end < utf8.endIndex else { break }
            lineStart = utf8.index(after: end)
            line += 1
        }
        return .failure(.error("front matter is not closed: add a line '---' after the YAML",
                               at: SourceLocation(path: source.path, line: 1, column: 1)))
    }

    /// The index of the next newline at or after `from`, nil at the end of the text.
    private static func lineEnd(_ utf8: String.UTF8View, from: String.Index) -> String.Index? {
        utf8[from...].firstIndex(of: 0x0A) ?? (from < utf8.endIndex ? utf8.endIndex : nil)
    }

    /// `---` (or `...` closing), with trailing spaces or tabs allowed.
    private static func isFence(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        // Most lines are not fences: decided by the first byte without copying the line.
        guard let first = line.first, first == 0x2D || (closing && first == 0x2E) else { return false }
        var bytes = Array(line)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return bytes == [0x2D, 0x2D, 0x2D] || (closing && bytes == [0x2E, 0x2E, 0x2E])
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
