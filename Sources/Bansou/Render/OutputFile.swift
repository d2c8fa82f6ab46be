import Foundation

/// One file the build will write, kept in memory until every check has passed.
public struct OutputFile: Sendable {
    /// Relative to Output/, e.g. "site/cases/x/index.html".
    public var path: String
    public var contents: Data
    /// The source files whose text this output carries, for mapping a leak back to them.
    public var sources: [String]

    public init(path: String, contents: Data, sources: [String] = []) {
        self.path = path
        self.contents = contents
        self.sources = sources
    }

    public init(path: String, text: String, sources: [String] = []) {
        self.init(path: path, contents: Data(text.utf8), sources: sources)
    }
}
