import Foundation

/// The render stage of the portal: every page through its template, on all cores.
public struct SiteRenderer {
    let library: Library
    let templates: TemplateSet
    let html: [String: String]

    public init(library: Library, templates: TemplateSet, html: [String: String]) {
        self.library = library
        self.templates = templates
        self.html = html
    }

    /// The templates a portal build needs.
    public static let requiredTemplates: Set<String> = Set([
        "home", "cases", "case", "taxonomy", "term", "page", "partners", "404", "guidance", "stats", "search",
    ]).union(GuidancePages.topics.map { "guidance-\($0.id)" })

    /// Every public file; a page that cannot be rendered is an error in `log`, never an empty page.
    public func render(log: DiagnosticLog) -> [OutputFile] {
        render(log: log, memo: nil, keys: nil).files
    }

    /// What the render stage made, and what a memo may keep of it for the next build.
    struct Outcome {
        var files: [OutputFile]
        /// Pages taken from the memo unchanged (their bytes are the last build's).
        var reused: Set<String> = []
        var pages: [String: (key: Int, file: OutputFile)] = [:]
        var related: [[Int]]
        var cards: CardCache
        var storyIndex: StoryIndex
        var searchPages: [String: FallbackSearchIndex.IndexedPage] = [:]
    }

    /// With a memo and keys, pages whose key the memo holds are reused, not rendered; work
    /// that depends only on global inputs and front matter (related stories, cards, the story
    /// index) is reused when `listingsKey` is the memo's.
    func render(log: DiagnosticLog, memo: BuildMemo?, keys: RenderKeys?) -> Outcome {
        var views = ViewBuilder(library: library, html: html)
        let sameListings = keys != nil && memo?.listingsKey == keys?.listingsKey
        let cards = sameListings ? memo!.cards! : CardCache(stories: library.published, views: views, templates: templates, log: log)
        views.cards = cards
        let storyIndex = sameListings ? memo!.storyIndex! : StoryIndex(views: views)
        let related: [[Int]]
        if sameListings {
            related = memo!.related!
        } else {
            let relatedStories = RelatedStories(library.published)
            related = parallelMap(Array(library.published.indices)) { relatedStories.related(to: $0) }
        }
        let jobs = PortalPages(views: views, storyIndex: storyIndex, related: related, keys: keys).jobs()
        let templates = self.templates
        let previous = memo?.pages ?? [:]
        let rendered: [(file: OutputFile, reused: Bool)] = parallelMap(jobs) { job in
            if let key = job.key, let kept = previous[job.path], kept.key == key { return (kept.file, true) }
            let text = templates.render(MustacheValue.flatten(job.makeContext()) ?? [:], template: job.template, log: log)
            return (OutputFile(path: "site/" + job.path, text: text, sources: job.sources), false)
        }
        var outcome = Outcome(files: rendered.map(\.file), related: related, cards: cards, storyIndex: storyIndex)
        if keys != nil {
            for (job, page) in zip(jobs, rendered) {
                if let key = job.key { outcome.pages[job.path] = (key, page.file) }
                if page.reused { outcome.reused.insert(page.file.path) }
            }
        }
        var files = outcome.files
        files.append(OutputFile(path: "site/" + SiteLayout.feed, text: FeedWriter.atom(self.library),
                                sources: self.library.published.prefix(20).map(\.path)))
        files.append(OutputFile(path: "site/" + SiteLayout.sitemap, text: FeedWriter.sitemap(paths: jobs.map(\.path), library: self.library)))
        files.append(OutputFile(path: "site/" + StoryIndex.path, text: storyIndex.json, sources: self.library.published.map(\.path)))
        // bansou's own search index, always (it works from file://; Pagefind's needs a server)
        // A page the memo gave back unchanged keeps its tokens too.
        let previousSearch = memo?.searchPages ?? [:]
        let reused = outcome.reused
        let search = FallbackSearchIndex.files(from: files) { file in reused.contains(file.path) ? previousSearch[file.path] : nil }
        files += search.files
        outcome.searchPages = search.pages
        for asset in templates.assets {
            files.append(OutputFile(path: Self.assetOutputPath(asset.path), contents: asset.contents, sources: ["\(templates.displayPrefix)/assets/" + asset.path]))
        }
        outcome.files = files
        return outcome
    }

    /// Where a file of Templates/assets/ is published (relative to Output/); the publishing
    /// gate tells copied assets, which may be in any encoding or not text, by this path.
    static func assetOutputPath(_ path: String) -> String { "site/assets/" + path }
}
