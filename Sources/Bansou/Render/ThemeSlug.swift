/// A theme's path segment (`themes/<slug>/`): the tag itself when it is a slug, else its
/// entry in site.yaml's `theme_slugs`, else a stable hash, so a Japanese tag never becomes
/// a file name. The renderer and the validator (which refuses two tags on one page) share it.
enum ThemeSlug {
    static func of(_ tag: String, mapping: OrderedMap<String>?) -> String {
        if Slug.isValid(tag) { return tag }
        if let slug = mapping?[tag], Slug.isValid(slug) { return slug }
        return "t-" + StableHash.hex(tag)
    }
}
