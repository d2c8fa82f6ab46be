/// The validated content: every reference resolved, every id a safe slug.
/// Later stages read this and never see a broken reference.
public struct Library: Sendable {
    public var site: SiteConfig
    public var guidance: Guidance
    /// Every valid case, drafts included.
    public var cases: [CaseStudy]
    /// The cases the portal shows, newest first (then by slug).
    public var published: [CaseStudy]
    /// Cases left out of the portal, with the reason (for `bansou check` and the log).
    public var unpublished: [(slug: String, reason: String)]
    public var pages: [Page]
    public var clients: [Client]
    public var staff: [StaffMember]
    public var partners: [Partner]
    /// Content/institution.yaml (internal), when the site has one.
    public var institution: InstitutionRecord? = nil
    /// Content/referrals/*.yaml (internal, confidential like clients).
    public var referrals: [Referral] = []
    public var asOf: Day
    /// Raw text of every source file, by display path.
    public var sources: [String: SourceText]
    /// The content folder as the user named it; see `LoadedContent.displayPrefix`.
    public var contentPrefix: String = "Content"

    /// A path inside the content folder as printed in diagnostics and leak reports.
    public func contentPath(_ relative: String) -> String { contentPrefix + "/" + relative }

    public func client(_ id: String) -> Client? { clients.first { $0.id.value == id } }
    public func partner(_ id: String) -> Partner? { partners.first { $0.id.value == id } }
    public func staffMember(_ id: String) -> StaffMember? { staff.first { $0.id.value == id } }
}
