import Foundation

/// The validate stage: cross-checks everything loaded and decides what is published.
public struct Validator {
    public struct Options: Sendable {
        public var includeDrafts: Bool
        public var asOf: Day?
        public init(includeDrafts: Bool = false, asOf: Day? = nil) {
            self.includeDrafts = includeDrafts
            self.asOf = asOf
        }
    }

    let options: Options
    let log: DiagnosticLog

    public init(options: Options, log: DiagnosticLog) {
        self.options = options
        self.log = log
    }

    /// Returns the library, or nil when site.yaml or the guidance could not be read
    /// (nothing else can be checked without them).
    public func validate(_ content: LoadedContent) -> Library? {
        guard let site = content.site, let guidance = content.guidance else { return nil }
        let check = Checker(log: log, contentPrefix: content.displayPrefix)
        let refs = ReferenceIndex(guidance: guidance, content: content)
        let asOf = options.asOf ?? site.asOf ?? Day.today()
        validateSite(site, refs: refs, check: check)
        InputLimitCheck(log: log, limits: site.limits).check(site: site, cases: content.cases, pages: content.pages, clients: content.clients)
        ThemeSlugCheck(log: log).check(site, cases: content.cases)
        GuidanceValidator(check: check, refs: refs, log: log).validate(guidance)
        content.cases.forEach { validateCase($0, refs: refs, check: check) }
        for client in content.clients {
            ClientValidator(check: check, refs: refs, log: log, asOf: asOf).validate(client)
        }
        let staffValidator = StaffValidator(check: check, refs: refs, log: log, asOf: asOf)
        content.staff.forEach(staffValidator.validate)
        content.partners.forEach { validatePartner($0, refs: refs, check: check) }
        if let institution = content.institution {
            InstitutionValidator(check: check, refs: refs, log: log, asOf: asOf).validate(institution)
        }
        ReferralValidator(check: check, refs: refs, log: log, asOf: asOf).validate(content.referrals)
        let pages = validatePages(content.pages)

        var published: [CaseStudy] = []
        var unpublished: [(String, String)] = []
        for story in content.cases {
            if let exclusion = exclusion(of: story, clients: content.clients, asOf: asOf) {
                unpublished.append((story.slug, exclusion.description))
                if case .noConsent = exclusion {
                    log.warning("case '\(story.slug)' is not published: \(exclusion)", at: story.meta.client?.location ?? SourceLocation(path: story.path))
                }
            } else {
                published.append(story)
            }
        }
        published.sort { ($0.meta.date.value, $1.slug) > ($1.meta.date.value, $0.slug) }
        var library = Library(site: site, guidance: guidance, cases: content.cases, published: published, unpublished: unpublished,
                              pages: pages, clients: content.clients, staff: content.staff, partners: content.partners,
                              asOf: asOf, sources: content.sources, contentPrefix: content.displayPrefix)
        library.institution = content.institution
        library.referrals = content.referrals
        return library
    }

    /// Spec, Publishing 1: not a draft, and a named client must have consented.
    /// Like Hugo, a case dated after the as-of date waits until then (shown with --drafts).
    func exclusion(of story: CaseStudy, clients: [Client], asOf: Day) -> Exclusion? {
        if story.isDraft && !options.includeDrafts { return .draft }
        if let clientID = story.meta.client?.value {
            let client = clients.first { $0.id.value == clientID }
            if client?.consentsToStories != true { return .noConsent(client: clientID) }
        }
        if story.meta.date.value > asOf && !options.includeDrafts { return .scheduled(story.meta.date.value) }
        return nil
    }

    /// Why a case is left out of the portal; only a missing consent is worth a warning.
    enum Exclusion: CustomStringConvertible {
        case draft
        case noConsent(client: String)
        case scheduled(Day)

        var description: String {
            switch self {
            case .draft: return "draft"
            case .noConsent(let client): return "no consent: client '\(client)' has not agreed to publication (consent.stories)"
            case .scheduled(let day): return "scheduled for \(day)"
            }
        }
    }

    func validateSite(_ site: SiteConfig, refs: ReferenceIndex, check: Checker) {
        let url = site.baseURL.value
        if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil {
            log.error("base_url must be an absolute http(s) URL such as https://dx.example.jp/", at: site.baseURL.location)
        }
        if let perPage = site.perPage { check.range(perPage, 1...1000, what: "per_page") }
        check.link(site.publisher.url, field: "publisher.url", allowing: LinkURL.contact)
        // v2: partners of the publisher's own type are peers, never offered to its clients (plan rule 6).
        check.reference(site.publisher.type, in: refs.institutions, kind: "institution type", file: check.path("guidance/institutions.yaml"))
        for entry in site.themeSlugs?.entries ?? [] {
            check.slug(Located(entry.value, at: entry.key.location), kind: "theme slug")
        }
    }

    func validateCase(_ story: CaseStudy, refs: ReferenceIndex, check: Checker) {
        let meta = story.meta
        let file = check.path("guidance")
        check.reference(meta.industry, in: refs.industries, kind: "industry", file: "\(file)/industries.yaml")
        check.reference(meta.region, in: refs.regions, kind: "region", file: "\(file)/regions.yaml")
        if let size = meta.size, !size.isPlaceholder, !SizeBand.all.contains(size.value) {
            log.error("size must be one of \(SizeBand.all.joined(separator: ", ")), found '\(size.value)'", at: size.location)
        }
        check.range(meta.stageBefore, 1...4, what: "stage_before")
        check.range(meta.stageAfter, 1...4, what: "stage_after")
        if !meta.stageAfter.isPlaceholder, !meta.stageBefore.isPlaceholder, meta.stageAfter.value < meta.stageBefore.value {
            log.error("stage_after (\(meta.stageAfter.value)) must not be below stage_before (\(meta.stageBefore.value))", at: meta.stageAfter.location)
        }
        check.references(meta.areas, in: refs.areas, kind: "area", file: "\(file)/areas.yaml")
        check.references(meta.institutions, in: refs.institutions, kind: "institution type", file: "\(file)/institutions.yaml")
        check.references(meta.partners, in: refs.partners, kind: "partner", file: check.path("partners"))
        check.reference(meta.client, in: refs.clients, kind: "client", file: check.path("clients"))
        if let anonymize = meta.anonymize, anonymize.value != "auto" {
            log.error("anonymize must be 'auto', found '\(anonymize.value)'", at: anonymize.location)
        }
        if meta.anonymize != nil && meta.client == nil {
            log.warning("anonymize: auto has no effect without a client", at: meta.anonymize!.location)
        }
        for theme in meta.themes ?? [] where theme.value.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error("a theme must not be empty", at: theme.location)
        }
        validateSetbacks(meta.setbacks)
        if !meta.title.isPlaceholder, meta.title.value.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error("title must not be empty", at: meta.title.location)
        }
    }

    func validatePartner(_ partner: Partner, refs: ReferenceIndex, check: Checker) {
        check.idMatchesFile(partner.id, path: partner.path)
        check.reference(partner.type, in: refs.institutions, kind: "institution type", file: check.path("guidance/institutions.yaml"))
        check.reference(partner.region, in: refs.regions, kind: "region", file: check.path("guidance/regions.yaml"))
        check.references(partner.strengths, in: refs.areas, kind: "area", file: check.path("guidance/areas.yaml"))
        check.link(partner.link, field: "url", allowing: LinkURL.contact)
    }

    /// Pages live at /<slug>/, so they must not take a section's name.
    func validatePages(_ pages: [Page]) -> [Page] {
        pages.filter { page in
            if SiteLayout.reservedTopLevel.contains(page.slug) {
                log.error("page '\(page.slug)' would overwrite the portal's own /\(page.slug)/ section: rename the file",
                          at: SourceLocation(path: page.path))
                return false
            }
            return !(page.meta.draft ?? false) || options.includeDrafts
        }
    }
}
