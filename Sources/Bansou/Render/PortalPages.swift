import Foundation

/// The model stage of the portal: which pages exist and what each shows.
struct PortalPages {
    let views: ViewBuilder
    /// The story index behind the filters, built once by SiteRenderer.
    let storyIndex: StoryIndex
    /// Each published story's related stories (indexes into `library.published`).
    let related: [[Int]]
    /// What each page depends on, for reuse by a BuildMemo (nil: no memo, no keys needed).
    let keys: RenderKeys?
    var library: Library { views.library }
    var guidance: Guidance { library.guidance }

    func jobs() -> [RenderJob] {
        let taxonomies = Taxonomy.all(library, themeSlug: views.themeSlug)
        var jobs: [RenderJob] = [home()]
        jobs += caseLists(nav: taxonomyNav(taxonomies))
        // The related stories are looked up inside the page's lazy context: a page the memo
        // reuses never copies them (10,000 stories × their related ones, on every rebuild).
        let published = library.published
        jobs += published.enumerated().map { index, story in storyPage(story, related: related[index].map { published[$0] }) }
        for taxonomy in taxonomies {
            jobs.append(taxonomyIndex(taxonomy))
            jobs += taxonomy.terms.flatMap { termPages($0, in: taxonomy) }
        }
        jobs += GuidancePages(views: views).jobs()
        jobs += library.pages.map(freePage)
        jobs.append(partnersPage())
        jobs.append(StatsPage(views: views).job())
        jobs.append(searchPage(themes: taxonomies.first { $0.kind == "themes" }))
        // A server answers a missing URL at any depth with 404.html: its links start from base_url's
        // path ("/", "/portal/"), not from where the file lies.
        jobs.append(RenderJob(path: SiteLayout.notFound, template: "404",
                              context: views.context(path: SiteLayout.notFound, title: "ページが見つかりません",
                                                     root: SiteLayout.basePath(library.site.base), ()), sources: []))
        if let keys { assignKeys(keys, to: &jobs) }
        return jobs
    }

    /// A story page's key covers its story and its related cards; any other page's, the listings.
    private func assignKeys(_ keys: RenderKeys, to jobs: inout [RenderJob]) {
        var storyByPath: [String: Int] = [:]
        for (index, story) in library.published.enumerated() { storyByPath[SiteLayout.story(story.slug)] = index }
        for index in jobs.indices {
            if let story = storyByPath[jobs[index].path] {
                jobs[index].key = keys.storyPage(library.published[story].slug, related: related[story].map { library.published[$0].slug })
            } else {
                jobs[index].key = keys.listingPage(jobs[index].path)
            }
        }
    }

    private func bars(_ items: [(String, String, Int)]) -> [BarRow] {
        let top = max(items.map(\.2).max() ?? 1, 1)
        return items.map { BarRow(name: $0.0, url: $0.1, count: $0.2, width: String(format: "%.1f%%", Double($0.2) / Double(top) * 100)) }
    }

    func home() -> RenderJob {
        let stories = library.published
        let byStage = guidance.stages.stages.map { s in
            ("段階\(s.id.value) \(s.name)", SiteLayout.term("stages", String(s.id.value)), stories.filter { $0.meta.stageAfter.value == s.id.value }.count)
        }
        let byIndustry = guidance.industries.industries.compactMap { i -> (String, String, Int)? in
            let count = stories.filter { $0.meta.industry.value == i.id.value }.count
            return count > 0 ? (i.name, SiteLayout.term("industries", i.id.value), count) : nil
        }.sorted { $0.2 > $1.2 }
        let page = HomePage(
            intro: library.site.description, stages: views.stageSummaries(),
            latest: views.cards(stories.prefix(6), on: SiteLayout.home), storyCount: stories.count,
            industryCount: Set(stories.map(\.meta.industry.value)).count,
            movedUpCount: stories.filter { $0.meta.stageAfter.value > $0.meta.stageBefore.value }.count,
            byStage: bars(byStage), byIndustry: bars(byIndustry), surveySource: guidance.stages.source)
        return RenderJob(path: SiteLayout.home, template: "home", context: views.context(path: SiteLayout.home, title: nil, page),
                         sources: [])
    }

    func caseLists(nav: [TaxonomyNav]) -> [RenderJob] {
        let stories = library.published
        return paginate(stories, url: SiteLayout.cases) { number, slice, pager in
            let path = SiteLayout.cases(page: number)
            // Built inside the context closure, so on every core during the render.
            func page() -> ListPage {
                var page = ListPage(heading: "成功事例", lead: "\(stories.count)件の事例（新しい順）", stories: views.cards(slice, on: path),
                                    pager: pager, taxonomies: nav)
                // On every page of the list: the filters search all stories, not the page's.
                page.filters = filterPanel()
                return page
            }
            return RenderJob(path: path, template: "cases",
                             context: views.context(path: path, title: number > 1 ? "成功事例（\(number)ページ目）" : "成功事例", page()),
                             sources: slice.map(\.path))
        }
    }

    /// Splits a list into pages of `per_page` (Hugo's paginator): page 1 at the list's own
    /// path, then …/page/2/ and on. A list always has at least one page, even when empty.
    func paginate(_ stories: [CaseStudy], url: @escaping (Int) -> String,
                  make: (Int, ArraySlice<CaseStudy>, Pager?) -> RenderJob) -> [RenderJob] {
        let perPage = library.site.storiesPerPage
        let total = max(1, (stories.count + perPage - 1) / perPage)
        return (1...total).map { number in
            let slice = stories.dropFirst((number - 1) * perPage).prefix(perPage)
            let pager = Pager(current: number, total: total,
                              prev: number > 1 ? url(number - 1) : nil,
                              next: number < total ? url(number + 1) : nil,
                              items: Pager.window(current: number, total: total).map { n in
                                  n.map { .init(number: $0, url: url($0), current: $0 == number, gap: false) }
                                      ?? .init(number: 0, url: "", current: false, gap: true)
                              })
            return make(number, slice, total > 1 ? pager : nil)
        }
    }

    func filterPanel() -> FilterPanel {
        let json = storyIndex.json
        return FilterPanel(
            facets: StoryIndex.facetOrder.map { key, label in
                FilterPanel.Facet(key: key, label: label, options: (storyIndex.facets[key] ?? []).map { .init(id: $0.id, name: $0.name, count: $0.count) })
            },
            embeddedJSON: json.utf8.count <= StoryIndex.embedLimit ? json : nil, indexURL: StoryIndex.path)
    }

    /// The search page; when a query finds nothing, search.js shows the themes whose names share
    /// a word with it (else the most used ones) from `themes`, and the way to the consultation page.
    func searchPage(themes: Taxonomy?) -> RenderJob {
        struct SearchPage { let indexURL: String; let pagefindURL: String; let themes: [LinkView] }
        let path = SiteLayout.search
        let links = (themes?.terms ?? []).filter { !$0.stories.isEmpty }
            .map { LinkView(name: $0.name, url: SiteLayout.term("themes", $0.id), count: $0.stories.count) }
        return RenderJob(path: path, template: "search",
                         context: views.context(path: path, title: "サイト内検索", description: "成功事例とDX支援ガイダンスを全文検索します。",
                                                SearchPage(indexURL: "search/index.js", pagefindURL: "pagefind/pagefind.js", themes: links)),
                         sources: [])
    }

    /// The list pages' sidebar: each taxonomy's terms that have stories, at most `sidebarTerms` of
    /// them (a 41-theme list made the sidebar twice the height of the list) and a link to the rest.
    static let sidebarTerms = 10

    func taxonomyNav(_ taxonomies: [Taxonomy]) -> [TaxonomyNav] {
        taxonomies.map { t in
            let terms = t.terms.filter { !$0.stories.isEmpty }
            return TaxonomyNav(title: t.title, url: SiteLayout.taxonomy(t.kind),
                               terms: terms.prefix(Self.sidebarTerms).map { LinkView(name: $0.name, url: SiteLayout.term(t.kind, $0.id), count: $0.stories.count) },
                               more: terms.count > Self.sidebarTerms ? "すべての\(t.singular)（\(terms.count)）" : nil)
        }
    }

    func storyPage(_ story: CaseStudy, related: @autoclosure @escaping () -> [CaseStudy]) -> RenderJob {
        let path = SiteLayout.story(story.slug)
        return RenderJob(path: path, template: "case",
                         context: views.context(path: path, title: story.meta.title.value, description: story.meta.summary?.value,
                                                views.storyPage(story, related: related())),
                         sources: [story.path])
    }

    func taxonomyIndex(_ taxonomy: Taxonomy) -> RenderJob {
        let path = SiteLayout.taxonomy(taxonomy.kind)
        // A term without stories keeps its page (the guidance's figures link to it) but is not listed
        // ("0件" eight times on the industries page); the four stages are listed whatever their count.
        let listed = taxonomy.kind == "stages" ? taxonomy.terms : taxonomy.terms.filter { !$0.stories.isEmpty }
        let page = TaxonomyIndexPage(title: taxonomy.title, singular: taxonomy.singular,
                                     terms: listed.map { LinkView(name: $0.name, url: SiteLayout.term(taxonomy.kind, $0.id), count: $0.stories.count) })
        return RenderJob(path: path, template: "taxonomy", context: views.context(path: path, title: "\(taxonomy.title)の事例", page), sources: [])
    }

    func termPages(_ term: Taxonomy.Term, in taxonomy: Taxonomy) -> [RenderJob] {
        let stage = taxonomy.kind == "stages" ? views.stageSummaries().first { String($0.id) == term.id } : nil
        return paginate(term.stories, url: { SiteLayout.term(taxonomy.kind, term.id, page: $0) }) { number, slice, pager in
            let path = SiteLayout.term(taxonomy.kind, term.id, page: number)
            func page() -> TermPage {
                TermPage(kind: taxonomy.kind, singular: taxonomy.singular, name: term.name, description: term.description,
                         intro: TermIntroduction.text(kind: taxonomy.kind, name: term.name, stories: term.stories),
                         stories: views.cards(slice, on: path), count: term.stories.count,
                         indexURL: SiteLayout.taxonomy(taxonomy.kind), stage: number == 1 ? stage : nil, pager: pager)
            }
            let title = number > 1 ? "\(term.name)の事例（\(number)ページ目）" : "\(term.name)の事例"
            return RenderJob(path: path, template: "term", context: views.context(path: path, title: title, page()), sources: slice.map(\.path))
        }
    }

    func freePage(_ page: Page) -> RenderJob {
        let path = SiteLayout.page(page.slug)
        var body = TextPage(title: page.meta.title.value, bodyHTML: views.html[page.path] ?? "", date: page.meta.date?.japanese)
        var sources = [page.path]
        if page.slug == "about", let commitment = library.institution?.commitment, commitment.isPublic {
            body.commitment = CommitmentView(paragraphs: commitment.paragraphs, date: commitment.date?.japanese)
            sources.append(library.institution!.path)
        }
        return RenderJob(path: path, template: "page",
                         context: views.context(path: path, title: page.meta.title.value, description: page.meta.description, body),
                         sources: sources)
    }

    func partnersPage() -> RenderJob {
        struct PartnersPage { let partners: [PartnerRow]; let institutions: [LinkView] }
        let path = SiteLayout.partners
        let publicPartners = library.partners.filter(\.isPublic).sorted { $0.id.value < $1.id.value }
        let page = PartnersPage(partners: publicPartners.map(views.partnerRow),
                                institutions: guidance.institutions.institutions.map { LinkView(name: $0.name, url: SiteLayout.term("institutions", $0.id.value)) })
        return RenderJob(path: path, template: "partners", context: views.context(path: path, title: "支援機関・パートナー", page),
                         sources: publicPartners.map(\.path))
    }
}
