import Foundation

/// Where every public page lives, relative to Output/site/. URLs are written
/// relative and end in index.html, so the portal works when opened from disk;
/// canonical URLs, the feed and the sitemap use base_url and pretty paths.
public enum SiteLayout {
    /// Top-level folders the portal writes; free pages may not take these names.
    public static let reservedTopLevel: Set<String> = [
        "cases", "industries", "regions", "stages", "themes", "institutions", "guidance", "partners",
        "assets", "search", "stats", "reports", "feed", "sitemap", "404",
    ]

    public static let home = "index.html"
    public static func cases(page: Int) -> String { page <= 1 ? "cases/index.html" : "cases/page/\(page)/index.html" }
    public static func story(_ slug: String) -> String { "cases/\(slug)/index.html" }
    public static func taxonomy(_ kind: String) -> String { "\(kind)/index.html" }
    public static func term(_ kind: String, _ id: String, page: Int = 1) -> String {
        page <= 1 ? "\(kind)/\(id)/index.html" : "\(kind)/\(id)/page/\(page)/index.html"
    }
    public static func guidance(_ topic: String?) -> String { topic.map { "guidance/\($0)/index.html" } ?? "guidance/index.html" }
    public static func page(_ slug: String) -> String { "\(slug)/index.html" }
    public static let partners = "partners/index.html"
    public static let stats = "stats/index.html"
    public static let search = "search/index.html"
    public static let notFound = "404.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"

    /// "../../" for "cases/x/index.html": the way back to the site root.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// base_url's path, the site root as a server sees it: "/" for https://dx.example.jp/,
    /// "/portal/" for https://example.jp/portal/ (`base` ends in one slash).
    public static func basePath(_ base: String) -> String {
        guard let scheme = base.range(of: "://") else { return "/" }
        guard let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(base[slash...])
    }

    /// The pretty absolute URL: https://dx.example.jp/cases/x/
    /// A path with non-ASCII characters (a theme's readable slug) is percent-encoded, as sitemaps
    /// and feeds want URLs; links inside the pages keep the characters (browsers encode them).
    public static func absolute(_ path: String, base: String) -> String {
        let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        guard pretty.utf8.contains(where: { $0 >= 0x80 }) else { return base + pretty }
        return base + (pretty.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? pretty)
    }
}
