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
