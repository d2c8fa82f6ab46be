/// One page to render: the template, its context and the sources it shows.
/// The context is built lazily, inside the parallel render, so per-page work
/// (related stories, cards) runs on every core.
struct RenderJob {
    let path: String        // relative to Output/site
    let template: String    // template name, without .mustache
    let sources: [String]
    let makeContext: () -> Any
    /// The RenderKeys hash of what the page shows; a memo holding the page for this key reuses it.
    var key: Int?

    init(path: String, template: String, context: @autoclosure @escaping () -> Any, sources: [String]) {
        self.path = path
        self.template = template
        self.sources = sources
        self.makeContext = context
    }
}
