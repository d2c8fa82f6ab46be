/// Content/site.yaml: the portal's settings.
public struct SiteConfig: Decodable, Sendable {
    public struct Publisher: Decodable, Sendable {
        public var name: String
        /// v2: the publisher's institution type (institutions.yaml id); a partner of the
        /// same type is a peer and is never offered to the publisher's clients (plan rule 6).
        public var type: Located<String>?
        public var url: Located<String>?
        public var email: String?
        public var phone: String?
    }

    public var title: String
    public var description: String
    public var baseURL: Located<String>
    public var language: String?
    public var publisher: Publisher
    public var asOf: Day?
    public var perPage: Located<Int>?
    public var unsafeHTML: Bool?
    public var allow: [Located<String>]?
    /// Path segments for theme tags that are not slugs themselves (ペーパーレス → paperless).
    public var themeSlugs: OrderedMap<String>?

    enum CodingKeys: String, CodingKey {
        case title, description, language, publisher, allow
        case baseURL = "base_url", asOf = "as_of", perPage = "per_page", unsafeHTML = "unsafe_html", themeSlugs = "theme_slugs"
    }

    /// base_url with exactly one trailing slash.
    public var base: String {
        var url = baseURL.value
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }

    public var storiesPerPage: Int { perPage?.value ?? 10 }
}
