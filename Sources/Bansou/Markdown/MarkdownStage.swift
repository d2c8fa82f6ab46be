import Foundation

/// The markdown stage: every story and page body to HTML, through the cache
/// (`MarkdownCache`) and, for a large batch, worker processes (`MarkdownWorkers`).
public struct MarkdownStage {
    let renderer: MarkdownRenderer
    let unsafeHTML: Bool
    /// `.bansou-cache/` of the project, or nil for no cache.
    let cacheFolder: URL?

    public init(unsafeHTML: Bool, cacheFolder: URL?) {
        renderer = MarkdownRenderer(unsafeHTML: unsafeHTML)
        self.unsafeHTML = unsafeHTML
        self.cacheFolder = cacheFolder
    }

    /// The cache folder for a build reading `content` (beside it, at the project root).
    public static func cacheFolder(forContent content: URL) -> URL { MarkdownCache.folder(forContent: content) }

    /// The HTML of each body, in order. `known` gives HTML the caller kept from an earlier
    /// build in this process (`bansou serve`); when it knows some bodies, the rest are few
    /// and rendered here without the disk cache, which is read and rewritten only by a
    /// build that starts cold.
    public func render(_ bodies: [String], known: (String) -> String? = { _ in nil }) -> [String] {
        var html = bodies.map(known)
        let missing = html.indices.filter { html[$0] == nil }
        guard !missing.isEmpty else { return html.map { $0! } }
        guard missing.count == bodies.count, let cacheFolder else {
            // Each distinct body once.
            var done: [String: String] = [:]
            for index in missing {
                let body = bodies[index]
                if done[body] == nil { done[body] = renderer.render(body) }
                html[index] = done[body]
            }
            return html.map { $0! }
        }
        let cache = MarkdownCache(folder: cacheFolder, fingerprint: renderer.fingerprint)
        let fingerprint = cache.fingerprint
        // Hashing and checking the cached HTML run on every core; cmark-gfm does not.
        let keys = parallelMap(bodies) { MarkdownCache.Key(fingerprint: fingerprint, body: $0) }
        let cached = cache.count == 0 ? [String?](repeating: nil, count: bodies.count) : parallelMap(keys) { cache.html(for: $0) }
        var firstOfKey: [MarkdownCache.Key: Int] = [:]
        var toRender: [Int] = []
        for index in bodies.indices where cached[index] == nil && firstOfKey[keys[index]] == nil {
            firstOfKey[keys[index]] = index
            toRender.append(index)
        }
        let rendered = MarkdownWorkers.render(toRender.map { bodies[$0] }, with: renderer, unsafeHTML: unsafeHTML)
        var fresh: [MarkdownCache.Key: String] = [:]
        for (index, text) in zip(toRender, rendered) { fresh[keys[index]] = text }
        var used: [MarkdownCache.Key: String] = [:]
        for index in bodies.indices {
            let text = cached[index] ?? fresh[keys[index]]!
            html[index] = text
            used[keys[index]] = text
        }
        cache.save(used, rendered: toRender.count)
        return html.map { $0! }
    }
}
