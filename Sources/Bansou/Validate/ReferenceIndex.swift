import Foundation

/// The known ids of each kind, for checking references at their position.
struct ReferenceIndex {
    var industries: Set<String> = []
    var regions: Set<String> = []
    var prefectures: Set<String> = []
    var areas: Set<String> = []
    var institutions: Set<String> = []
    var challenges: Set<String> = []
    var indicators: Set<String> = []
    var needLayers: Set<String> = []
    var skillAreas: Set<String> = []
    var policyTools: Set<String> = []
    var stages: Set<Int> = []
    var partners: Set<String> = []
    var clients: Set<String> = []
    var staff: Set<String> = []
    var practices: Set<String> = []
    var institutionChallenges: Set<String> = []

    init(guidance: Guidance, content: LoadedContent) {
        industries = Set(guidance.industries.industries.map(\.id.value))
        regions = Set(guidance.regions.regions.map(\.id.value))
        prefectures = Set(guidance.regions.regions.flatMap(\.prefectures))
        areas = Set(guidance.areas.areas.map(\.id.value))
        institutions = Set(guidance.institutions.institutions.map(\.id.value))
        challenges = Set(guidance.challenges.challenges.map(\.id.value))
        indicators = Set(guidance.indicators.indicators.map(\.id.value))
        needLayers = Set(guidance.needLayers.layers.map(\.id.value))
        skillAreas = Set(guidance.skills.skillAreas.map(\.id.value))
        policyTools = Set(guidance.policyTools.tools.map(\.id.value))
        stages = Set(guidance.stages.stages.map(\.id.value))
        partners = Set(content.partners.map(\.id.value))
        clients = Set(content.clients.map(\.id.value))
        staff = Set(content.staff.map(\.id.value))
        practices = Set(guidance.practices.practices.map(\.id.value))
        institutionChallenges = Set(guidance.practices.challenges.map(\.id.value))
    }
}

/// Small helpers shared by the validators: each reports at the value's own position.
struct Checker {
    let log: DiagnosticLog
    /// The content folder as the user named it, for the files a message points to.
    var contentPrefix = "Content"

    /// A content file as printed: `path("guidance/areas.yaml")` is `<--content>/guidance/areas.yaml`.
    func path(_ relative: String) -> String { contentPrefix + "/" + relative }

    func reference(_ value: Located<String>?, in known: Set<String>, kind: String, file: String) {
        guard let value, !value.isPlaceholder else { return }
        if !known.contains(value.value) {
            log.error("unknown \(kind) '\(value.value)'\(suggestion(value.value, known)) (see \(file))", at: value.location)
        }
    }

    func references(_ values: [Located<String>]?, in known: Set<String>, kind: String, file: String) {
        var seen = Set<String>()
        for value in values ?? [] {
            reference(value, in: known, kind: kind, file: file)
            if !seen.insert(value.value).inserted {
                log.warning("\(kind) '\(value.value)' is listed twice", at: value.location)
            }
        }
    }

    func range(_ value: Located<Int>?, _ range: ClosedRange<Int>, what: String) {
        guard let value, !value.isPlaceholder else { return }
        if !range.contains(value.value) {
            log.error("\(what) must be \(range.lowerBound)–\(range.upperBound), found \(value.value)", at: value.location)
        }
    }

    func slug(_ value: Located<String>, kind: String) {
        if !Slug.isValid(value.value) {
            log.error("\(kind) '\(value.value)' is not a valid id: use lowercase a-z, 0-9 and '-', at most 64 characters", at: value.location)
        }
    }

    /// A link field (LinkURL): only the schemes allowed, at the value's position.
    func link(_ value: Located<String>?, field: String, allowing schemes: Set<String>) {
        guard let value, !value.isPlaceholder, let problem = LinkURL.problem(value.value, allowing: schemes) else { return }
        log.error(LinkURL.message(problem, field: field, allowing: schemes), at: value.location)
    }

    /// The record's `id` must match its file name, or links and reports would disagree.
    /// A value from a fixed list (a status, a direction), named in the message.
    func oneOf(_ value: Located<String>?, _ allowed: [String], what: String) {
        guard let value, !value.isPlaceholder, !allowed.contains(value.value) else { return }
        log.error("\(what) must be one of \(allowed.joined(separator: ", ")), found '\(value.value)'", at: value.location)
    }

    /// A month written `YYYY-MM`.
    func month(_ value: Located<String>?, what: String) {
        guard let value, !value.isPlaceholder, YearMonth(value.value) == nil else { return }
        log.error("\(what) must be a month written YYYY-MM, found '\(value.value)'", at: value.location)
    }

    func idMatchesFile(_ id: Located<String>, path: String) {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        slug(id, kind: "id")
        if id.value != stem {
            log.error("id '\(id.value)' must equal the file name '\(stem)'", at: id.location)
        }
    }

    func unique<T>(_ items: [T], id: (T) -> Located<String>, kind: String) {
        var seen = Set<String>()
        for item in items {
            let value = id(item)
            slug(value, kind: kind)
            if !seen.insert(value.value).inserted {
                log.error("duplicate \(kind) id '\(value.value)'", at: value.location)
            }
        }
    }

    /// "did you mean …" for a near miss: the known id sharing the longest prefix.
    private func suggestion(_ value: String, _ known: Set<String>) -> String {
        let best = known.max { commonPrefix($0, value) < commonPrefix($1, value) || (commonPrefix($0, value) == commonPrefix($1, value) && $0 > $1) }
        guard let best, commonPrefix(best, value) >= 3 else { return "" }
        return "; did you mean '\(best)'?"
    }

    private func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
