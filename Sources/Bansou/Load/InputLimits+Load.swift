import Foundation

/// The loader's part of `InputLimits`: a file's size is checked before it is read (one
/// `stat`), and a story's front matter before Yams parses it. A 60 MB front-matter title
/// grew past 6 GB on its way to the pages; a 2 GB file would be read whole before anything
/// else could look at it.
extension InputLimits {
    /// A story or page file: its front matter and body, and the fences around them.
    public var markdownFileBytes: Int { frontMatterBytes + bodyBytes + 64 }

    /// An error at the file when it is larger than `maxBytes`, without reading it.
    static func fileSizeProblem(_ url: URL, path: String, maxBytes: Int) -> Diagnostic? {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_size > maxBytes else { return nil }
        let size = Int(info.st_size)
        let keys = url.pathExtension == "md" ? "limits.front_matter_bytes and limits.body_bytes" : "limits.yaml_bytes"
        let named = path.hasSuffix("/site.yaml") ? " (site.yaml itself is held to the default)" : ""
        return .error("this file is \(describe(bytes: size)); the limit is \(describe(bytes: maxBytes)) "
                      + "(split it, or raise \(keys) in site.yaml\(named))", at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// An error at the front matter's first line when it is larger than `frontMatterBytes`.
    func frontMatterProblem(_ frontMatter: FrontMatter, path: String) -> Diagnostic? {
        let size = frontMatter.yaml.utf8.count
        guard size > frontMatterBytes else { return nil }
        return .error("the front matter is \(Self.describe(bytes: size)); the limit is \(Self.describe(bytes: frontMatterBytes)) "
                      + "(move long text into the body, or raise limits.front_matter_bytes in site.yaml)",
                      at: SourceLocation(path: path, line: frontMatter.yamlFirstLine, column: 1))
    }

    /// `900 bytes`, `64 KB`, `62 MB`: whole units a reader compares at a glance.
    static func describe(bytes: Int) -> String {
        if bytes < 10 * 1024 { return "\(bytes) bytes" }
        if bytes < 10 * 1024 * 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes / (1024 * 1024)) MB"
    }
}
