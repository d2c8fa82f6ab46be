/// feed.xml (Atom) and sitemap.xml, with absolute URLs from base_url.
enum FeedWriter {
    static func escape(_ s: String) -> String { SVG.escape(s) }

    static func atom(_ library: Library, limit: Int = 20) -> String {
        let site = library.site
        let base = site.base
        let stories = library.published.prefix(limit)
        let updated = (stories.first?.meta.date.value ?? library.asOf).rfc3339
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.language ?? "ja"))">
          <title>\(escape(site.title))</title>
          <subtitle>\(escape(site.description))</subtitle>
          <link href="\(escape(base))" rel="alternate" type="text/html"/>
          <link href="\(escape(base + SiteLayout.feed))" rel="self" type="application/atom+xml"/>
          <id>\(escape(base))</id>
          <updated>\(updated)</updated>
          <author><name>\(escape(site.publisher.name))</name></author>
          <generator>bansou</generator>

        """
        for story in stories {
            let url = SiteLayout.absolute(SiteLayout.story(story.slug), base: base)
            xml += """
              <entry>
                <title>\(escape(story.meta.title.value))</title>
                <link href="\(escape(url))" rel="alternate" type="text/html"/>
                <id>\(escape(url))</id>
                <updated>\(story.meta.date.value.rfc3339)</updated>
                <summary>\(escape(story.meta.summary?.value ?? story.meta.alias.value))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    static func sitemap(paths: [String], library: Library) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let storyDates = Dictionary(uniqueKeysWithValues: library.published.map { (SiteLayout.story($0.slug), $0.meta.date.value) })
        for path in paths.sorted() where path.hasSuffix(".html") && path != SiteLayout.notFound {
            xml += "  <url><loc>\(escape(SiteLayout.absolute(path, base: library.site.base)))</loc>"
            if let day = storyDates[path] { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
