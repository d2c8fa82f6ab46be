import Foundation

/// What a successful build leaves for the next one in the same process (`bansou serve`, the
/// edit benchmark): each stage reuses the work whose inputs have not changed. A one-shot
/// `bansou build` has no memo and does everything.
///
/// Every entry is keyed by what produced it (a body's text, a page's `RenderKeys` hash, a
/// file's path while the gate's inputs stay the same), never by time stamps, so a memo can
/// only save work, not change a byte: IncrementalBuildTests compares random edits against
/// clean builds. The memo is replaced only after a build without errors, so a failed build
/// leaves it describing the output that is live.
public final class BuildMemo: @unchecked Sendable {
    /// Decoded stories by display path, with the text they were decoded from and the limits.
    var stories: [String: (text: String, result: (CaseStudy?, [Diagnostic]))] = [:]
    var storyLimits: InputLimits?
    /// Each story's and page's body and its HTML by path, for one `unsafe_html` setting.
    var markdown: [String: (body: String, html: String)] = [:]
    var markdownUnsafeHTML: Bool?
    /// Each published story's RenderKeys hashes, by path.
    var storyHashes: [String: RenderKeys.StoryHashes] = [:]
    /// Every portal page's path in build order (the sitemap's order), for a rebuild that plans only changed stories.
    var pageOrder: [String] = []
    /// Portal pages by path, with the RenderKeys hash they were rendered for.
    var pages: [String: (key: Int, file: OutputFile)] = [:]
    /// Work that depends only on global inputs and front matter, under `RenderKeys.listingsKey`.
    var listingsKey: Int?
    var related: [[Int]]?
    var cards: CardCache?
    var storyIndex: StoryIndex?
    var reports: [OutputFile]?
    /// Each page as the fallback search index holds it.
    var searchPages: [String: FallbackSearchIndex.IndexedPage] = [:]
    /// The gate's result for each public file of the last build, valid while `global` holds.
    var scanGlobal: Int?
    var scans: [String: PublishingGate.Scanned] = [:]
    /// Every file of the last build as written: a file with the same bytes now is unchanged.
    var output: [String: Data] = [:]

    public init() {}

    /// Files whose bytes are those of the last build's (its output is what is live): pages
    /// reused from the memo without a look, any other file by comparing its bytes.
    func unchanged(_ files: [OutputFile], reused: Set<String>) -> Set<String> {
        var result = reused
        for file in files where !reused.contains(file.path) {
            if let previous = output[file.path], previous == file.contents { result.insert(file.path) }
        }
        return result
    }
}
