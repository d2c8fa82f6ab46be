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
        var views = ViewBuilder(library: library, html: html)
        views.cards = CardCache(stories: library.published, views: views, templates: templates, log: log)
        let storyIndex = StoryIndex(views: views)
        let jobs = PortalPages(views: views, storyIndex: storyIndex).jobs()
        let templates = self.templates
        var files: [OutputFile] = parallelMap(jobs) { job in
            let text = templates.render(MustacheValue.flatten(job.makeContext()) ?? [:], template: job.template, log: log)
            return OutputFile(path: "site/" + job.path, text: text, sources: job.sources)
        }
        files.append(OutputFile(path: "site/" + SiteLayout.feed, text: FeedWriter.atom(self.library),
                                sources: self.library.published.prefix(20).map(\.path)))
        files.append(OutputFile(path: "site/" + SiteLayout.sitemap, text: FeedWriter.sitemap(paths: jobs.map(\.path), library: self.library)))
        files.append(OutputFile(path: "site/" + StoryIndex.path, text: storyIndex.json, sources: self.library.published.map(\.path)))
        // bansou's own search index, always (it works from file://; Pagefind's needs a server)
        files += FallbackSearchIndex.files(from: files)
        for asset in templates.assets {
            files.append(OutputFile(path: Self.assetOutputPath(asset.path), contents: asset.contents, sources: ["\(templates.displayPrefix)/assets/" + asset.path]))
        }
        return files
    }

    /// Where a file of Templates/assets/ is published (relative to Output/); the publishing
    /// gate tells copied assets, which may be in any encoding or not text, by this path.
    static func assetOutputPath(_ path: String) -> String { "site/assets/" + path }
}
