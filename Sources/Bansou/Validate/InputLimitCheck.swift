/// The validate stage's part of `InputLimits`: the `limits:` settings themselves, the
/// Markdown bodies (`MarkdownLimits`), and the front-matter texts that are copied onto
/// many pages. A story's title, alias and summary show on its card, which goes on the
/// story list, five taxonomy pages, related stories, the home page, the feed and the
/// search index: a 4 MB title cost 6 s and 525 MB, a 60 MB one over 6 GB. The site's
/// title, description and publisher are on every page: a 1 MB site title cost 22 s and
/// 1.3 GB on the 121-page sample site.
/// (Sizes of whole files and front matter are checked by the loader, before YAML parsing.)
struct InputLimitCheck {
    let log: DiagnosticLog
    let limits: InputLimits

    func check(site: SiteConfig, cases: [CaseStudy], pages: [Page], clients: [Client]) {
        log.add(contentsOf: InputLimits.problems(in: site.limitSettings))
        text(site.titleText, "title", limit: limits.titleChars, key: "title_chars")
        text(site.descriptionText, "description", limit: limits.summaryChars, key: "summary_chars")
        text(site.publisher.located.name, "publisher's name", limit: limits.titleChars, key: "title_chars")
        text(site.publisher.located.email, "publisher's email", limit: limits.titleChars, key: "title_chars")
        text(site.publisher.located.phone, "publisher's phone", limit: limits.titleChars, key: "title_chars")
        text(site.publisher.url, "publisher's url", limit: limits.titleChars, key: "title_chars")
        let markdown = MarkdownLimits(log: log, limits: limits)
        for story in cases {
            markdown.check(story.body, path: story.path, firstLine: story.bodyFirstLine)
            text(story.meta.title, "title", limit: limits.titleChars, key: "title_chars")
            text(story.meta.alias, "alias", limit: limits.titleChars, key: "title_chars")
            text(story.meta.summary, "summary", limit: limits.summaryChars, key: "summary_chars")
        }
        for client in clients {
            let texts: [(String, Located<String>?)] = [
                ("name", client.name), ("kana", client.kana), ("representative", client.representative), ("address", client.address),
                ("phone", client.phone), ("email", client.email), ("website", client.website), ("corporate_number", client.corporateNumber),
            ] + (client.identifiers ?? []).map { ("identifier", $0) }
            for (key, value) in texts { text(value, key, limit: limits.termChars, key: "term_chars") }
        }
        for page in pages {
            markdown.check(page.body, path: page.path, firstLine: page.bodyFirstLine)
            text(page.meta.title, "title", limit: limits.titleChars, key: "title_chars")
        }
    }

    private func text(_ value: Located<String>?, _ what: String, limit: Int, key: String) {
        guard let value, !value.isPlaceholder else { return }
        // A character is at least one UTF-8 byte: most texts are settled without counting.
        guard value.value.utf8.count > limit else { return }
        let count = value.value.count
        guard count > limit else { return }
        log.error("the \(what) is \(count) characters; the limit is \(limit) (shorten it, or raise limits.\(key) in site.yaml)",
                  at: value.location)
    }
}
