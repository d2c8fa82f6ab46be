import Foundation

/// What the pages of the portal depend on, as hashes, so that a rebuild in the same process
/// (`bansou serve`, BuildMemo) renders only the pages whose inputs changed and reuses the rest.
///
/// Three inputs cover every page (docs/design.md, "Incremental rebuilds"):
/// - `global`: everything except the stories — site.yaml, the guidance, clients (anonymization),
///   partners, staff, free pages, every template and asset, and the build's options;
/// - `stories[slug]`: a story's whole source text (its page); `frontMatters[slug]`: the text
///   before its body (its card on other pages);
/// - `listings`: the front matter of every published story, in order — what lists, cards,
///   taxonomies, statistics and related stories read.
/// A story page depends on `global`, its own story and the stories of its related cards; every
/// other page on `global` and `listings`. So editing a story's body re-renders one page; editing
/// its front matter re-renders it, the lists and the pages whose related cards changed.
/// The hashes are Swift's seeded `Hasher`, valid only within one process, as the memo is.
struct RenderKeys: Sendable {
    let global: Int
    let stories: [String: Int]
    /// Each published story's front matter: what its card on other pages shows.
    let frontMatters: [String: Int]
    let listings: Int

    /// A story's two hashes with the text they were taken from.
    typealias StoryHashes = (text: String, story: Int, frontMatter: Int)

    /// - Parameter known: the hashes of the last build, by path: a story whose text is equal
    ///   (compared, not hashed again) keeps them. Updated with this build's.
    init(library: Library, templates: TemplateSet, options: BuildOptions, known: inout [String: StoryHashes]) {
        let storyPaths = Set(library.cases.map(\.path))
        var global = Hasher()
        for path in library.sources.keys.sorted() where !storyPaths.contains(path) {
            global.combine(path)
            global.combine(library.sources[path]!.text)
        }
        for path in templates.sources.keys.sorted() {
            global.combine(path)
            global.combine(templates.sources[path]!.text)
        }
        for asset in templates.assets {
            global.combine(asset.path)
            global.combine(asset.contents)
        }
        global.combine(library.site.base)
        global.combine(library.asOf.rfc3339)
        global.combine(options.includeDrafts)
        global.combine(templates.compiled != nil)
        self.global = global.finalize()

        let published = library.published
        let previous = known
        let hashes: [StoryHashes] = parallelMap(published) { story in
            let text = library.sources[story.path]?.text ?? ""
            if let kept = previous[story.path], kept.text == text { return kept }
            var whole = Hasher()
            whole.combine(text)
            // The text before the body: the front matter and its delimiters.
            var frontMatter = Hasher()
            let utf8 = text.utf8
            frontMatter.combine(String(decoding: utf8.prefix(max(0, utf8.count - story.body.utf8.count)), as: UTF8.self))
            return (text, whole.finalize(), frontMatter.finalize())
        }
        known = Dictionary(zip(published.map(\.path), hashes), uniquingKeysWith: { _, last in last })
        var stories: [String: Int] = [:]
        var frontMatters: [String: Int] = [:]
        var listings = Hasher()
        for (story, hash) in zip(published, hashes) {
            stories[story.slug] = hash.story
            frontMatters[story.slug] = hash.frontMatter
            listings.combine(story.slug)
            listings.combine(hash.frontMatter)
        }
        self.stories = stories
        self.frontMatters = frontMatters
        self.listings = listings.finalize()
    }

    /// A story page: the story, the front matter of the stories whose cards it shows, and everything global.
    func storyPage(_ slug: String, related: [String]) -> Int {
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(slug)
        hasher.combine(stories[slug])
        for other in related {
            hasher.combine(other)
            hasher.combine(frontMatters[other])
        }
        return hasher.finalize()
    }

    /// Any other page: everything global and every story's front matter.
    func listingPage(_ path: String) -> Int {
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(listings)
        hasher.combine(path)
        return hasher.finalize()
    }

    /// Work that depends on everything global and the front matter only (cards, the story index, reports).
    var listingsKey: Int {
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(listings)
        return hasher.finalize()
    }
}
