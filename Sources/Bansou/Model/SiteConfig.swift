/// Content/site.yaml: the portal's settings.
public struct SiteConfig: Decodable, Sendable {
    public struct Publisher: Decodable, Sendable {
        public var name: String { located.name.value }
        /// v2: the publisher's institution type (institutions.yaml id); a partner of the
        /// same type is a peer and is never offered to the publisher's clients (plan rule 6).
        public var type: Located<String>?
        public var url: Located<String>?
        public var email: String? { located.email?.value }
        public var phone: String? { located.phone?.value }
        /// The texts printed on every page, with their positions (`InputLimitCheck` bounds them).
        public var located: (name: Located<String>, email: Located<String>?, phone: Located<String>?)

        enum CodingKeys: String, CodingKey { case name, type, url, email, phone }

        public init(from decoder: Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            located = (try keys.decode(Located<String>.self, forKey: .name),
                       try keys.decodeIfPresent(Located<String>.self, forKey: .email),
                       try keys.decodeIfPresent(Located<String>.self, forKey: .phone))
            type = try keys.decodeIfPresent(Located<String>.self, forKey: .type)
            url = try keys.decodeIfPresent(Located<String>.self, forKey: .url)
        }
    }

    public var title: String { titleText.value }
    public var description: String { descriptionText.value }
    /// Title and description with their positions: both are printed on every page.
    public var titleText: Located<String>
    public var descriptionText: Located<String>
    public var baseURL: Located<String>
    public var language: String?
    public var publisher: Publisher
    public var asOf: Day?
    public var perPage: Located<Int>?
    public var unsafeHTML: Bool?
    public var allow: [Located<String>]?
    /// Published files the publishing gate cannot read as text (images, fonts, PDFs), listed
    /// by their path under Output/site/ (`assets/logo.png`): published unscanned. Any other
    /// file that is not text fails the build.
    public var unscanned: [Located<String>]?
    /// Path segments for theme tags that are not slugs themselves (ペーパーレス → paperless).
    public var themeSlugs: OrderedMap<String>?
    /// `limits:`, how big one input may be (`InputLimits`, docs/content-schema.md).
    public var limitSettings: OrderedMap<Located<Int>>?

    enum CodingKeys: String, CodingKey {
        case titleText = "title", descriptionText = "description", language, publisher, allow, unscanned
        case limitSettings = "limits"
        case baseURL = "base_url", asOf = "as_of", perPage = "per_page", unsafeHTML = "unsafe_html", themeSlugs = "theme_slugs"
    }

    /// base_url with exactly one trailing slash.
    public var base: String {
        var url = baseURL.value
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }

    public var storiesPerPage: Int { perPage?.value ?? 10 }

    /// The input limits: the defaults, raised or lowered by `limits:`.
    public var limits: InputLimits { InputLimits(limitSettings) }

    /// What is wrong with an `unscanned` entry's form, or nil: it must name one file by its
    /// path under Output/site/, relative, without `.` or `..` segments. (Whether that file is
    /// published is known only after rendering; the publishing gate checks it.)
    public static func unscannedProblem(_ entry: String) -> String? {
        if entry.isEmpty { return "an unscanned entry is empty: name a published file, e.g. assets/logo.png" }
        if entry.hasPrefix("/") || entry.contains("\\") || entry.contains("://") {
            return "unscanned entry '\(entry)' must be a path inside the published site (site/ in the output folder) written with '/', e.g. assets/logo.png"
        }
        let segments = entry.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "unscanned entry '\(entry)' must name one file without empty, '.' or '..' segments, e.g. assets/logo.png"
        }
        return nil
    }
}
