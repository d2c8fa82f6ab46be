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

    public func render() -> [OutputFile] {
        var views = ViewBuilder(library: library, html: html)
        views.cards = CardCache(stories: library.published, views: views, library: templates.library)
        let storyIndex = StoryIndex(views: views)
        let jobs = PortalPages(views: views, storyIndex: storyIndex).jobs()
        let library = templates.library
        var files: [OutputFile] = parallelMap(jobs) { job in
            let text = library.render(MustacheValue.flatten(job.makeContext()) ?? [:], withTemplate: job.template) ?? ""
            return OutputFile(path: "site/" + job.path, text: text, sources: job.sources)
        }
        files.append(OutputFile(path: "site/" + SiteLayout.feed, text: FeedWriter.atom(self.library),
                                sources: self.library.published.prefix(20).map(\.path)))
        files.append(OutputFile(path: "site/" + SiteLayout.sitemap, text: FeedWriter.sitemap(paths: jobs.map(\.path), library: self.library)))
        files.append(OutputFile(path: "site/" + StoryIndex.path, text: storyIndex.json, sources: self.library.published.map(\.path)))
        // bansou's own search index, always (it works from file://; Pagefind's needs a server)
        files += FallbackSearchIndex.files(from: files)
        for asset in templates.assets {
            files.append(OutputFile(path: "site/assets/" + asset.path, contents: asset.contents, sources: ["\(templates.displayPrefix)/assets/" + asset.path]))
        }
        return files
    }
}
