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
        /// Pages rendered by this build (the rest were reused).
        var renderedCount = 0
        var pages: [String: (key: Int, file: OutputFile)] = [:]
        var related: [[Int]]
        var cards: CardCache
        var storyIndex: StoryIndex
        var searchPages: [String: FallbackSearchIndex.IndexedPage] = [:]
        /// Every portal page's path, in the order a full build makes them.
        var pageOrder: [String] = []
    }

    /// With the memo's listings, the memo's pages in its order, and jobs only for the story
    /// pages whose key changed; nil when the memo lacks a page it should hold (then every page
    /// is planned as usual).
    private func storyJobsToRender(_ portal: PortalPages, keys: RenderKeys, memo: BuildMemo) -> (jobs: [RenderJob], order: [String])? {
        let published = library.published
        let storyPaths = Set(published.map { SiteLayout.story($0.slug) })
        guard !memo.pageOrder.isEmpty else { return nil }
        // Global inputs and listings are the memo's, so every other page keeps its key.
        for path in memo.pageOrder where !storyPaths.contains(path) {
            guard memo.pages[path]?.key == keys.listingPage(path) else { return nil }
        }
        var jobs: [RenderJob] = []
        for (index, story) in published.enumerated() {
            let path = SiteLayout.story(story.slug)
            let key = keys.storyPage(story.slug, related: portal.related[index].map { published[$0].slug })
            if memo.pages[path]?.key == key { continue }
            var job = portal.storyPage(story, related: portal.related[index].map { published[$0] })
            job.key = key
            jobs.append(job)
        }
        return (jobs, memo.pageOrder)
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
        let portal = PortalPages(views: views, storyIndex: storyIndex, related: related, keys: keys)
        // Same listings: every page but the stories' is the memo's, and only changed stories are
        // even made into jobs (building the list of 13,000 jobs was most of a body edit's rebuild).
        let jobs: [RenderJob], paths: [String]
        if sameListings, let planned = storyJobsToRender(portal, keys: keys!, memo: memo!) {
            (jobs, paths) = planned
        } else {
            jobs = portal.jobs()
            paths = jobs.map(\.path)
        }
        let templates = self.templates
        let previous = memo?.pages ?? [:]
        let fresh: [OutputFile?] = parallelMap(jobs) { job in
            if let key = job.key, let kept = previous[job.path], kept.key == key { return nil }
            let text = templates.render(MustacheValue.flatten(job.makeContext()) ?? [:], template: job.template, log: log)
            return OutputFile(path: "site/" + job.path, text: text, sources: job.sources)
        }
        var renderedByPath: [String: (key: Int?, file: OutputFile)] = [:]
        for (job, file) in zip(jobs, fresh) { if let file { renderedByPath[job.path] = (job.key, file) } }
        var outcome = Outcome(files: [], related: related, cards: cards, storyIndex: storyIndex)
        outcome.renderedCount = renderedByPath.count
        for path in paths {
            if let made = renderedByPath[path] {
                outcome.files.append(made.file)
                if let key = made.key { outcome.pages[path] = (key, made.file) }
            } else if let kept = previous[path] {
                outcome.files.append(kept.file)
                outcome.pages[path] = kept
                outcome.reused.insert(kept.file.path)
            }
        }
        outcome.pageOrder = paths
        var files = outcome.files
        files.append(OutputFile(path: "site/" + SiteLayout.feed, text: FeedWriter.atom(self.library),
                                sources: self.library.published.prefix(20).map(\.path)))
        files.append(OutputFile(path: "site/" + SiteLayout.sitemap, text: FeedWriter.sitemap(paths: paths, library: self.library)))
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
