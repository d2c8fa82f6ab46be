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
    public var goals: [Goal]?
    public var meetings: [Meeting]?
    public var roadmap: [PlannedTask]?
    public var stageOverride: StageOverride?
    /// v2: the date of the current `areas`/`indicators`; required when `history` is present.
    public var assessed: Located<Day>?
    /// v2: earlier assessments, oldest or newest first as written.
    public var history: [Assessment]?
    /// v2: the company's own status with each policy tool, by tool id.
    public var policy: OrderedMap<PolicyStatus>?
    /// v2: what became of generated (or explicit) tasks, by task id.
    public var progress: [ProgressEntry]?

    /// Set by the loader: the file this record came from.
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, kana, representative, address, phone, email, website, identifiers, industry, prefecture, employees
        case advisor, consent, areas, indicators, challenges, goals, meetings, roadmap
        case assessed, history, policy, progress
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

/// A goal of the company: `在庫の見える化` (short form) or `{ text: …, areas: [inventory] }`.
public struct Goal: Decodable, Sendable {
    /// Where the text was written, so an empty goal is reported at its place.
    public var text: Located<String>
    /// Business areas the goal is about (areas.yaml ids); they steer the plan (rules 1–2).
    public var areas: [Located<String>]

    enum CodingKeys: String, CodingKey { case text, areas }

    public init(from decoder: Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder, case .scalar = nodeDecoder.node {
            text = Located(try nodeDecoder.decodeString(), at: nodeDecoder.location)
            areas = []
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(Located<String>.self, forKey: .text)
        areas = try container.decodeIfPresent([Located<String>].self, forKey: .areas) ?? []
    }
}

/// An earlier assessment (v2 `history`): the same shapes as the client's current one.
public struct Assessment: Decodable, Sendable {
    public var date: Located<Day>
    public var areas: OrderedMap<AreaAssessment>?
    public var indicators: OrderedMap<IndicatorScore>?
}

/// The company's status with one policy tool (v2 `policy`).
public struct PolicyStatus: Decodable, Sendable {
    /// held | applying | planned | none (certification); done | planned | none (the others).
    public var status: Located<String>
    public var date: Located<Day>?
}

/// What became of one task (v2 `progress`).
public struct ProgressEntry: Decodable, Sendable {
    /// A generated task id (`quick-win:ordering`) or the `id` of an explicit roadmap task.
    public var task: Located<String>
    public var status: Located<String>
    public var date: Located<Day>?
    /// For the advisor only: never printed in the company's report.
    public var note: String?
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
    /// v2: a stable id (a slug), so `progress` and report.json can name the task.
    public var id: Located<String>?
    /// v2: planned | doing | done | dropped.
    public var status: Located<String>?
    public var title: String
    public var area: Located<String>?
    public var start: Located<String>
    public var months: Located<Int>
    public var owner: Located<String>?
}
