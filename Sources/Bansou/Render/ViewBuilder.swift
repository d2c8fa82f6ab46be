import Foundation

/// Turns validated content into template contexts. Pure: no I/O, no cmark.
struct ViewBuilder {
    let library: Library
    /// Story and page bodies, already rendered by the markdown stage, by source path.
    let html: [String: String]
    /// Cards rendered once per story (set by SiteRenderer before the pages are built).
    var cards: CardCache?

    init(library: Library, html: [String: String]) {
        self.library = library
        self.html = html
    }

    /// The cards of stories for the page at `path`.
    func cards(_ stories: some Sequence<CaseStudy>, on path: String) -> [RenderedCard] {
        let root = SiteLayout.root(of: path)
        return stories.map { cards?.card($0.slug, root: root) ?? RenderedCard(html: "") }
    }

    var guidance: Guidance { library.guidance }
    var site: SiteConfig { library.site }

    // MARK: Chrome

    static let sections: [(title: String, path: String, key: String)] = [
        ("ホーム", SiteLayout.home, ""),
        ("成功事例", SiteLayout.cases(page: 1), "cases"),
        ("DX支援ガイダンス", SiteLayout.guidance(nil), "guidance"),
        ("支援機関・パートナー", SiteLayout.partners, "partners"),
        ("統計", SiteLayout.stats, "stats"),
        ("検索", SiteLayout.search, "search"),
    ]

    /// `root`: how the page's links reach the site root; by default relative to the page's own
    /// path (the portal works from disk), the 404 page's from base_url (it is served at any depth).
    func chrome(path: String, title: String?, description: String? = nil, root: String? = nil) -> Chrome {
        let root = root ?? SiteLayout.root(of: path)
        let section = path.split(separator: "/").first.map(String.init) ?? ""
        var nav = Self.sections.map { item in
            Chrome.NavItem(title: item.title, url: item.path,
                           current: item.key.isEmpty ? path == SiteLayout.home : section == item.key
                               || (item.key == "cases" && ["industries", "regions", "stages", "themes", "institutions"].contains(section)))
        }
        for page in library.pages.filter({ $0.meta.menu != nil }).sorted(by: { ($0.meta.menu!, $0.slug) < ($1.meta.menu!, $1.slug) }) {
            nav.append(.init(title: page.meta.title.value, url: SiteLayout.page(page.slug), current: section == page.slug))
        }
        var chrome = Chrome(
            lang: site.language ?? "ja", siteTitle: site.title, siteDescription: site.description,
            title: title.map { "\($0) | \(site.title)" } ?? site.title,
            description: description ?? site.description, root: root,
            canonical: SiteLayout.absolute(path, base: site.base), nav: nav,
            publisherName: site.publisher.name, publisherURL: site.publisher.url?.value,
            feedURL: SiteLayout.absolute(SiteLayout.feed, base: site.base),
            year: library.asOf.year, asOf: library.asOf.japanese, noindex: false)
        chrome.searchable = section == "guidance" || library.pages.contains { SiteLayout.page($0.slug) == path }
        chrome.consult = consult
        return chrome
    }

    /// The consultation call to action (Chrome.consult): the free page with the slug `consult`, and the
    /// publisher's contact from site.yaml.
    var consult: ConsultView? {
        let page = library.pages.first { $0.slug == "consult" }.map { SiteLayout.page($0.slug) }
        let email = site.publisher.email, phone = site.publisher.phone
        guard page != nil || email != nil || phone != nil else { return nil }
        return ConsultView(url: page, email: email, phone: phone,
                           phoneDigits: phone.map { String($0.filter { $0.isNumber || $0 == "+" }) }, publisherName: site.publisher.name)
    }

    func context<Body>(path: String, title: String?, description: String? = nil, root: String? = nil, _ body: Body) -> PageContext<Body> {
        let chrome = chrome(path: path, title: title, description: description, root: root)
        return PageContext(chrome: chrome, root: chrome.root, page: body)
    }

    // MARK: Stages

    /// The four stages with their national share and how many published stories start or end there.
    func stageSummaries() -> [StageSummary] {
        let maxShare = guidance.stages.stages.map(\.surveyShare).max() ?? 1
        return guidance.stages.stages.map { stage in
            let n = stage.id.value
            let from = library.published.filter { $0.meta.stageBefore.value == n }.count
            let to = library.published.filter { $0.meta.stageAfter.value == n }.count
            return StageSummary(
                id: n, name: stage.name, title: stage.title, phase: stage.phase, description: stage.description,
                examples: stage.examples, share: ViewBuilder.number(stage.surveyShare) + "%",
                shareWidth: String(format: "%.1f%%", stage.surveyShare / maxShare * 100),
                url: SiteLayout.term("stages", String(n)),
                storiesFrom: from, storiesTo: to,
                storiesLine: to > 0 ? "この段階に到達した事例 \(to)件" : from > 0 ? "この段階から出発した事例 \(from)件" : "この段階の事例はまだありません",
                titleBasis: stage.basis("title"), examplesBasis: stage.basis("examples"),
                valueChange: guidance.valueChange(atStage: n).map(GuidanceEvidenceViews.valueChangeLine))
        }
    }

    // MARK: Names

    func stageName(_ n: Int) -> String { guidance.stage(n)?.name ?? "段階\(n)" }
    func industryLink(_ id: String) -> LinkView { LinkView(name: guidance.industry(id)?.name ?? id, url: SiteLayout.term("industries", id)) }
    func regionLink(_ id: String) -> LinkView { LinkView(name: guidance.region(id)?.name ?? id, url: SiteLayout.term("regions", id)) }

    /// A theme's path segment: the tag itself when it is a slug, else site.yaml's theme_slugs,
    /// else a stable hash (so a Japanese tag never becomes a file name).
    func themeSlug(_ tag: String) -> String { ThemeSlug.of(tag, mapping: site.themeSlugs) }

    // MARK: Stories

    func card(_ story: CaseStudy) -> StoryCard {
        let m = story.meta
        let filters = [
            "industry:\(m.industry.value)", "region:\(m.region.value)", "before:\(m.stageBefore.value)",
            "after:\(m.stageAfter.value)", "size:\(m.size?.value ?? "")",
        ] + (m.institutions ?? []).map { "institution:\($0.value)" } + (m.themes ?? []).map { "theme:\(themeSlug($0.value))" }
            + ((m.setbacks ?? []).isEmpty ? [] : ["\(StoryIndex.setbacksFacet):\(StoryIndex.setbacksValue)"])
        return StoryCard(
            slug: story.slug, url: SiteLayout.story(story.slug), title: m.title.value, alias: m.alias.value,
            date: m.date.value.japanese, dateISO: m.date.value.description, summary: m.summary?.value,
            industry: industryLink(m.industry.value), region: regionLink(m.region.value),
            size: m.size.map { SizeBand.label($0.value) },
            stageBefore: m.stageBefore.value, stageAfter: m.stageAfter.value,
            stageBeforeName: stageName(m.stageBefore.value), stageAfterName: stageName(m.stageAfter.value),
            moved: m.stageAfter.value > m.stageBefore.value, filterData: filters.joined(separator: " "))
    }

    func storyPage(_ story: CaseStudy, related: [CaseStudy]) -> StoryPage {
        let path = SiteLayout.story(story.slug)
        let m = story.meta
        return StoryPage(
            card: card(story), bodyHTML: html[story.path] ?? "",
            outcomes: (m.outcomes ?? []).map(outcomeRow), hasOutcomes: !(m.outcomes ?? []).isEmpty,
            areas: (m.areas ?? []).map { LinkView(name: guidance.area($0.value)?.name ?? $0.value, url: SiteLayout.guidance("areas") + "#area-\($0.value)") },
            institutions: (m.institutions ?? []).map { LinkView(name: guidance.institution($0.value)?.name ?? $0.value, url: SiteLayout.term("institutions", $0.value)) },
            partners: (m.partners ?? []).compactMap { library.partner($0.value) }.filter(\.isPublic).map(partnerRow),
            themes: (m.themes ?? []).map { LinkView(name: $0.value, url: SiteLayout.term("themes", themeSlug($0.value))) },
            tools: m.tools ?? [], related: cards(related, on: path),
            setbacks: (m.setbacks ?? []).map { SetbackRow(what: $0.what.value, learned: $0.learned.value) })
    }

    /// The change column: a rate (unit %) changes by percentage points (48%→63% is +15ポイント,
    /// not +31.3%); anything else by percent of its value before.
    func outcomeRow(_ o: Outcome) -> OutcomeRow {
        func signed(_ value: Double, _ suffix: String) -> String {
            let rounded = (value * 10).rounded() / 10
            let text = Self.number(abs(rounded))
            return rounded > 0 ? "+\(text)\(suffix)" : rounded < 0 ? "−\(text)\(suffix)" : "±0\(suffix)"
        }
        let isRate = ["%", "％"].contains((o.unit ?? "").trimmingCharacters(in: .whitespaces))
        let change = isRate ? signed(o.after - o.before, "ポイント") : o.changePercent.map { signed($0, "%") } ?? "—"
        return OutcomeRow(label: o.label, before: Self.number(o.before), after: Self.number(o.after), unit: o.unit ?? "",
                          change: change, improved: nil)
    }

    func partnerRow(_ p: Partner) -> PartnerRow {
        PartnerRow(name: p.name, type: guidance.institution(p.type.value)?.name ?? p.type.value,
                   region: p.region.flatMap { guidance.region($0.value)?.name },
                   strengths: (p.strengths ?? []).compactMap { guidance.area($0.value)?.name }.joined(separator: "・"),
                   description: p.description, url: p.url)
    }

    /// 1,200 or 12.5: whole numbers without decimals, others with one, thousands grouped.
    /// By hand: a NumberFormatter per call cost more than the rest of a story page's view.
    static func number(_ value: Double) -> String {
        let tenths = (abs(value) * 10).rounded()
        var whole = Int(tenths / 10)
        let fraction = Int(tenths) % 10
        var groups: [String] = []
        repeat {
            let group = whole % 1000
            whole /= 1000
            groups.insert(whole > 0 ? String(format: "%03d", group) : String(group), at: 0)
        } while whole > 0
        return (value < 0 && tenths > 0 ? "-" : "") + groups.joined(separator: ",") + (fraction > 0 ? ".\(fraction)" : "")
    }
}

/// FNV-1a, 32 bits: a stable short hash for path segments (not for security).
enum StableHash {
    static func hex(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return String(format: "%08x", hash)
    }
}
