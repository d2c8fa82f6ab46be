import Foundation

/// What a build reads and writes, and how.
public struct BuildOptions: Sendable {
    public var contentPath: String = "Content"
    public var templatesPath: String = "Templates"
    public var outputPath: String = "Output"
    public var includeDrafts = false
    public var baseURL: String?
    public var asOf: Day?
    /// false for `bansou check`: everything runs except the write stage.
    public var write = true
    public var pdf = false
    /// Also index the portal with Pagefind (site/pagefind/), when it is installed.
    public var pagefind = false
    /// Limit reports to one client (`bansou report <id>`).
    public var onlyClient: String?
    /// Told (once) when another build holds the output lock and this one waits for it.
    public var waitingForOutput: @Sendable (String) -> Void = { _ in }
    /// Told of each report printed with --pdf (done, total, job); the command line shows it on a terminal.
    public var pdfProgress: (@Sendable (_ done: Int, _ total: Int, _ job: PDFPrinter.Job) -> Void)?

    public init() {}

    /// A folder flag resolved against the current directory.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}
