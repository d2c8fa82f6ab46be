/// Two theme tags must never share a page: `themes/<slug>/` would silently list the stories
/// of both under one name. A clash through `theme_slugs` is reported at the entry (the
/// place to fix it); a clash of two hashed tags, at the second tag.
struct ThemeSlugCheck {
    let log: DiagnosticLog

    /// `cases` are every case, drafts included: publishing a draft later must not merge pages then.
    func check(_ site: SiteConfig, cases: [CaseStudy]) {
        let mapping = site.themeSlugs
        let mapped = Set(mapping?.entries.map(\.key.value) ?? [])
        var tags: [(tag: String, location: SourceLocation, entry: Bool)] = []
        var seen = Set<String>()
        // Tags written in stories first, each once, so the entries that send them elsewhere are the ones blamed.
        for story in cases {
            for theme in story.meta.themes ?? [] where !mapped.contains(theme.value) && seen.insert(theme.value).inserted {
                tags.append((theme.value, theme.location, false))
            }
        }
        for entry in mapping?.entries ?? [] {
            if Slug.isValid(entry.key.value) {
                log.warning("theme_slugs entry for '\(entry.key.value)' has no effect: the tag is a slug and is its own path", at: entry.key.location)
                continue
            }
            // An invalid slug is reported by the validator; the tag then falls back to its hash.
            tags.append((entry.key.value, entry.key.location, true))
        }

        var owners: [String: (tag: String, location: SourceLocation, entry: Bool)] = [:]
        for tag in tags {
            let slug = ThemeSlug.of(tag.tag, mapping: mapping)
            guard let owner = owners[slug] else {
                owners[slug] = tag
                continue
            }
            let other = owner.entry ? "theme_slugs gives '\(owner.tag)' the same slug (\(owner.location))"
                                    : "it is the path of the theme '\(owner.tag)' (\(owner.location))"
            if tag.entry {
                log.error("theme_slugs gives '\(tag.tag)' the slug '\(slug)', but \(other): their stories would be merged on one page; give each tag its own slug",
                          at: tag.location)
            } else {
                log.error("the themes '\(owner.tag)' (\(owner.location)) and '\(tag.tag)' have the same path 'themes/\(slug)/': give one of them a slug in theme_slugs",
                          at: tag.location)
            }
        }
    }
}
