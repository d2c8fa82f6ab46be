/// What the base layout needs on every page: site identity, navigation and the way back to the root.
struct Chrome {
    struct NavItem {
        let title: String
        let url: String
        let current: Bool
    }

    let lang: String
    let siteTitle: String
    let siteDescription: String
    let title: String
    let description: String
    let root: String
    let canonical: String
    let nav: [NavItem]
    let publisherName: String
    let publisherURL: String?
    let feedURL: String
    let year: Int
    let asOf: String
    let noindex: Bool
    /// The whole <main> is searchable text (guidance and free pages); stories mark their article.
    var searchable: Bool = false
    /// The 相談する call to action (home page, end of a story, a search without results).
    var consult: ConsultView? = nil
}

/// Where a visitor asks the publisher for help: the free page `consult` when the site has one,
/// and the publisher's e-mail and telephone from site.yaml. nil when there is none of these.
struct ConsultView {
    let url: String?
    let email: String?
    let phone: String?
    /// The number without hyphens or spaces, for a tel: link.
    let phoneDigits: String?
    let publisherName: String
}

/// A page's full template context: the chrome plus the page's own data.
struct PageContext<Body> {
    let chrome: Chrome
    let root: String
    let page: Body
}

/// A link to a page, relative to the root (templates prefix `{{root}}`).
struct LinkView {
    let name: String
    let url: String
    var count: Int = 0
}
