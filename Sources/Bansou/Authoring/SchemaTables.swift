/// The allowed values of every content kind's schema, taken from the site's guidance data in
/// file order (the same arrays `ReferenceIndex` turns into the validator's sets) and from the
/// validator's own fixed tables. Records (clients, partners, staff) are not listed: a new
/// client would make the committed schemas stale, and the validator checks those references.
struct SchemaTables: Sendable {
    var stages: [IDName]
    var industries: [IDName]
    var regions: [IDName]
    var prefectures: [String]
    var areas: [IDName]
    var institutions: [IDName]
    var challenges: [IDName]
    var indicators: [IDName]
    var needLayers: [IDName]
    var skillAreas: [IDName]
    var policyTools: [IDName]
    /// The practices of guidance 3.8 (practices.yaml) and the institution challenges of 3.2.
    var practices: [IDName]
    var institutionChallenges: [IDName]

    init(guidance g: Guidance) {
        stages = g.stages.stages.map { IDName(id: String($0.id.value), name: $0.name) }
        industries = g.industries.industries.map { IDName(id: $0.id.value, name: $0.name) }
        regions = g.regions.regions.map { IDName(id: $0.id.value, name: $0.name) }
        var seen = Set<String>()
        prefectures = g.regions.regions.flatMap(\.prefectures).filter { seen.insert($0).inserted }
        areas = g.areas.areas.map { IDName(id: $0.id.value, name: $0.name) }
        institutions = g.institutions.institutions.map { IDName(id: $0.id.value, name: $0.name) }
        challenges = g.challenges.challenges.map { IDName(id: $0.id.value, name: $0.name) }
        indicators = g.indicators.indicators.map { IDName(id: $0.id.value, name: $0.name) }
        needLayers = g.needLayers.layers.map { IDName(id: $0.id.value, name: $0.name) }
        skillAreas = g.skills.skillAreas.map { IDName(id: $0.id.value, name: $0.name) }
        policyTools = g.policyTools.tools.map { IDName(id: $0.id.value, name: $0.name) }
        practices = g.practices.practices.map { IDName(id: $0.id.value, name: $0.name) }
        institutionChallenges = g.practices.challenges.map { IDName(id: $0.id.value, name: $0.short) }
    }

    // MARK: Fixed tables of the validator

    /// Case `size` (Validator.validateCase).
    static var sizeBands: [String] { SizeBand.all }
    /// Statuses a content file may record (`overdue` is computed).
    static var taskStatuses: [String] { TaskStatus.recordable.map(\.rawValue) }
    /// Policy-tool task timing (GuidanceValidator).
    static var timings: [String] { GuidanceValidator.timings }
    /// `anonymize` (Validator.validateCase accepts this one value).
    static let anonymizeModes = ["auto"]
    /// Link schemes of a partner's `url` and `publisher.url` (LinkURL.contact), as a pattern.
    static var contactLinkPattern: String { linkPattern(LinkURL.contact) }
    /// A client's `website` (LinkURL.web).
    static var webLinkPattern: String { linkPattern(LinkURL.web) }

    private static func linkPattern(_ schemes: Set<String>) -> String {
        let parts = schemes.sorted().map { LinkURL.web.contains($0) ? "\($0)://" : "\($0):" }
        return "^(" + parts.joined(separator: "|") + ")"
    }

    /// The statuses the validator allows for a policy tool, by the same rule (ClientValidator).
    static func policyStatuses(of tool: String) -> [String] {
        ClientValidator.isCertification(tool) ? ClientValidator.certificationStatuses : ClientValidator.toolStatuses
    }

    /// Every generated task id the planner can make (`quick-win:ordering`, `policy:dx-index`,
    /// `training:talent`), as `progress` may name them.
    var generatedTaskIDs: [String] {
        TaskID.Kind.allCases.flatMap { kind -> [String] in
            switch kind.subject {
            case .area: return areas.map { "\(kind.rawValue):\($0.id)" }
            case .policyTool: return policyTools.map { "\(kind.rawValue):\($0.id)" }
            case .fixed(let subject): return ["\(kind.rawValue):\(subject)"]
            }
        }
    }
}
