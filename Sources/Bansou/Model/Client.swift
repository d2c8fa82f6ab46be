/// A client company: Content/clients/<id>.yaml. CONFIDENTIAL: never published.
public struct Client: Decodable, Sendable {
    public var id: Located<String>
    public var name: Located<String>
    public var kana: Located<String>?
    public var representative: Located<String>?
    public var address: Located<String>?
    public var phone: Located<String>?
    public var email: Located<String>?
    public var website: Located<String>?
    public var corporateNumber: Located<String>?
    public var identifiers: [Located<String>]?
    public var industry: Located<String>?
    public var prefecture: Located<String>?
    public var employees: Located<Int>?
    public var needLayer: Located<String>?
    public var advisor: Located<String>?
    public var consent: Consent?
    public var areas: OrderedMap<AreaAssessment>?
    public var indicators: OrderedMap<IndicatorScore>?
    public var challenges: [Located<String>]?
    public var goals: [String]?
    public var meetings: [Meeting]?
    public var roadmap: [PlannedTask]?
    public var stageOverride: StageOverride?

    /// Set by the loader: the file this record came from.
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, kana, representative, address, phone, email, website, identifiers, industry, prefecture, employees
        case advisor, consent, areas, indicators, challenges, goals, meetings, roadmap
        case corporateNumber = "corporate_number", needLayer = "need_layer", stageOverride = "stage_override"
    }

    public var consentsToStories: Bool { consent?.stories ?? false }

    public struct Consent: Decodable, Sendable {
        public var stories: Bool
        public var date: Day?
    }

    public struct Meeting: Decodable, Sendable {
        public var date: Day
        public var note: String
    }

    public struct StageOverride: Decodable, Sendable {
        public var stage: Located<Int>
        public var reason: String
    }
}

/// A business area's current level: `ordering: 1` or `attendance: { level: 1, note: … }`.
public struct AreaAssessment: Decodable, Sendable {
    public var level: Located<Int>
    public var note: String?

    enum CodingKeys: String, CodingKey { case level, note }

    public init(from decoder: Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder, case .scalar = nodeDecoder.node {
            level = Located(try nodeDecoder.decodeInt(), at: nodeDecoder.location)
            note = nil
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        level = try container.decode(Located<Int>.self, forKey: .level)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// A DX推進指標-style score: current and target maturity, 0–5.
public struct IndicatorScore: Decodable, Sendable {
    public var current: Located<Int>
    public var target: Located<Int>?
}

/// An explicit roadmap task written in a client file.
public struct PlannedTask: Decodable, Sendable {
    public var title: String
    public var area: Located<String>?
    public var start: Located<String>
    public var months: Located<Int>
    public var owner: Located<String>?
}
