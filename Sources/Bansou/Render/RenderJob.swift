/// One page to render: the template, its context and the sources it shows.
struct RenderJob {
    let path: String        // relative to Output/site
    let template: String    // template name, without .mustache
    let context: Any
    let sources: [String]
}
