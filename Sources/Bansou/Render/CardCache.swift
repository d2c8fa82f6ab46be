import Mustache

/// Story cards, rendered once per story instead of once per list they appear in.
///
/// A 10,000-story site shows each card on about ten pages (the list, five taxonomies,
/// related stories, home): ~100,000 renders of the same partial, which made up most of
/// the render stage. A card differs between pages only in `{{root}}`, the way back to the
/// site root, so it is rendered once with a marker in its place and the marker is
/// replaced per page. The card's markup still comes from `partials/story-card.mustache`.
struct CardCache: Sendable {
    static let template = "partials/story-card"
    /// A private-use character pair: never in content, and not changed by HTML escaping.
    static let rootMarker = "\u{F8FF}root\u{F8FF}"

    /// Each card split at the root marker: the page's root is put back between the parts.
    private let parts: [String: [Substring]]

    init(stories: [CaseStudy], views: ViewBuilder, templates: TemplateSet, log: DiagnosticLog) {
        let rendered = parallelMap(stories) { story -> (String, String) in
            var context = MustacheValue.flatten(views.card(story)) as? [String: Any] ?? [:]
            context["root"] = Self.rootMarker
            return (story.slug, templates.render(context, template: Self.template, log: log))
        }
        // Split once here: Foundation's replacingOccurrences per card per page cost more than
        // the render it saved.
        parts = Dictionary(rendered.map { ($0.0, $0.1.split(separator: Self.rootMarker, omittingEmptySubsequences: false)) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// The card of a story as it appears on a page whose way back to the root is `root`.
    func card(_ slug: String, root: String) -> RenderedCard {
        RenderedCard(html: (parts[slug] ?? []).joined(separator: root))
    }
}

/// A card ready to insert with `{{{html}}}`.
struct RenderedCard {
    let html: String
}
