/// The guidance's models, loaded from Content/guidance/*.yaml (DX支援ガイダンス as data).
public struct Guidance: Sendable {
    public var stages: StagesFile
    public var areas: AreasFile
    public var process: ProcessFile
    public var indicators: IndicatorsFile
    public var challenges: ChallengesFile
    public var institutions: InstitutionsFile
    public var skills: SkillsFile
    public var policyTools: PolicyToolsFile
    public var industries: IndustriesFile
    public var regions: RegionsFile
    public var needLayers: NeedLayersFile
    /// 3.2's challenges of institutions and 3.8's practices (the institution's self-check).
    public var practices: PracticesFile

    public func stage(_ id: Int) -> Stage? { stages.stages.first { $0.id.value == id } }
    public func area(_ id: String) -> Area? { areas.areas.first { $0.id.value == id } }
    public func industry(_ id: String) -> Industry? { industries.industries.first { $0.id.value == id } }
    public func region(_ id: String) -> Region? { regions.regions.first { $0.id.value == id } }
    public func institution(_ id: String) -> InstitutionType? { institutions.institutions.first { $0.id.value == id } }
    public func challenge(_ id: String) -> Challenge? { challenges.challenges.first { $0.id.value == id } }
    public func indicator(_ id: String) -> Indicator? { indicators.indicators.first { $0.id.value == id } }
    public func needLayer(_ id: String) -> NeedLayer? { needLayers.layers.first { $0.id.value == id } }
    public func policyTool(_ id: String) -> PolicyTool? { policyTools.tools.first { $0.id.value == id } }
    /// The region (地方) a prefecture lies in.
    public func region(ofPrefecture prefecture: String) -> Region? {
        regions.regions.first { $0.prefectures.contains(prefecture) }
    }
}

public struct Titled: Decodable, Sendable {
    public var title: String
    public var description: String
}

public struct StagesFile: Decodable, Sendable {
    public var source: String?
    public var surveyN: Int?
    public var stages: [Stage]
    /// 2.2: labour productivity and sales by stage (see `GuidanceEvidence.swift`).
    public var valueChange: StageValueChange?
    /// 2.2: how well SMEs say they understand DX, and what they expect of it.
    public var understanding: SurveyChart?
    public var expectations: SurveyChart?
    enum CodingKeys: String, CodingKey {
        case source, stages, understanding, expectations
        case surveyN = "survey_n", valueChange = "value_change"
    }
}

public struct Stage: Decodable, Sendable, GuidanceSourced {
    public var id: Located<Int>
    public var name: String
    public var title: String
    public var phase: String
    public var description: String
    public var examples: [String]
    public var surveyShare: Double
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "title", "phase", "description", "examples", "survey_share"]
    enum CodingKeys: String, CodingKey { case id, name, title, phase, description, examples, section, reading, surveyShare = "survey_share" }
}

public struct AreasFile: Decodable, Sendable { public var areas: [Area] }

public struct Area: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var indirect: Bool?
    public var levels: Located<[String]>
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "indirect", "levels"]
    public var isIndirect: Bool { indirect ?? false }
    /// The descriptor of level 1…4.
    public func describe(level: Int) -> String {
        levels.value.indices.contains(level - 1) ? levels.value[level - 1] : ""
    }
}

public struct ProcessFile: Decodable, Sendable { public var phases: [ProcessPhase] }

public struct ProcessPhase: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var summary: String
    public var stages: [Located<Int>]
    public var activities: [Titled]
    public var points: [String]?
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "summary", "stages", "activities", "points"]
}

public struct IndicatorsFile: Decodable, Sendable {
    public struct Level: Decodable, Sendable {
        public var level: Int
        public var name: String
        public var description: String
    }
    public var levels: [Level]
    public var indicators: [Indicator]
}

public struct Indicator: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var question: String?
}

public struct ChallengesFile: Decodable, Sendable {
    public var source: String?
    public var challenges: [Challenge]
}

public struct Challenge: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var share: Double?
    /// How an institution can answer the challenge, addressed to support institutions (the portal,
    /// the advisor's sheet). The default data's responses are its reading (`reading`): the
    /// guidance does not pair challenges with responses.
    public var response: String
    /// The same, addressed to the company (its report); without it the report names the challenge only.
    public var forCompany: String?
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "share", "response", "for_company"]
    enum CodingKeys: String, CodingKey { case id, name, share, response, section, reading, forCompany = "for_company" }
}

public struct InstitutionsFile: Decodable, Sendable {
    public var institutions: [InstitutionType]
    public var collaboration: [Titled]
    /// Ch.1: why the guidance turns from 個社支援 to support through institutions.
    public var background: GuidanceBackground?
    /// 3.4: what makes a local institution the one to turn to (近接性).
    public var proximity: SectionText?
}

public struct InstitutionType: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var primary: Bool?
    public var why: [String]
    public var roles: [String]
    public var areas: [Located<String>]?
    /// 3.4's examples of the type (地方銀行, 第二地方銀行, 信用金庫・信用組合 …).
    public var kinds: [String]?
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "primary", "why", "roles", "areas", "kinds"]
    public var isPrimary: Bool { primary ?? false }
}

public struct SkillsFile: Decodable, Sendable {
    public struct Mindset: Decodable, Sendable {
        public var id: Located<String>
        public var name: String
        public var description: String
    }
    public struct SkillArea: Decodable, Sendable, GuidanceSourced {
        public var id: Located<String>
        public var group: String
        public var name: String
        public var description: String
        public var items: [String]
        public var section: String?
        public var reading: OrderedMap<String>?
        public static let readableKeys = ["group", "name", "description", "items"]
    }
    public struct Means: Decodable, Sendable {
        public var name: String
        public var skillAreas: [Located<String>]
        public var description: String
        enum CodingKeys: String, CodingKey { case name, description, skillAreas = "skill_areas" }
    }
    public var mindsets: [Mindset]
    public var skillAreas: [SkillArea]
    public var certifications: [Means]
    public var training: [Means]
    enum CodingKeys: String, CodingKey { case mindsets, certifications, training, skillAreas = "skill_areas" }
}

public struct PolicyToolsFile: Decodable, Sendable { public var tools: [PolicyTool] }

public struct PolicyTool: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var summary: String
    public var fromStage: Located<Int>
    /// How to use the tool: 3.7's 活用の仕方 in the default data.
    public var points: [String]?
    /// Practical advice beyond the guidance (the default data marks it as its reading).
    public var notes: [String]?
    /// The plan task that puts the tool to work (`policy:<id>`); a tool without one is
    /// shown as a reference only.
    public var task: PolicyTask?
    /// The official pages of the tool (METI, IPA), shown on the portal as its sources.
    public var links: [SourceLink]?
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "summary", "from_stage", "points", "notes", "task"]
    enum CodingKeys: String, CodingKey { case id, name, summary, points, notes, task, links, section, reading, fromStage = "from_stage" }
}

/// An official page a guidance item rests on: `{ title: DX推進指標のご案内（IPA）, url: https://… }`.
public struct SourceLink: Decodable, Sendable {
    public var title: String
    public var url: Located<String>
}

/// How a policy tool becomes a plan task: its title, length and place in the plan.
public struct PolicyTask: Decodable, Sendable {
    public var title: String
    public var months: Located<Int>
    /// `early`: the month after the plan starts; `late`: ending with the plan.
    public var timing: Located<String>
    /// Why the company would do it, addressed to the company.
    public var reason: String?
    public var isLate: Bool { timing.value == "late" }
}

public struct IndustriesFile: Decodable, Sendable { public var industries: [Industry] }

public struct Industry: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var jsic: String?
}

public struct RegionsFile: Decodable, Sendable { public var regions: [Region] }

public struct Region: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var prefectures: [String]
}

public struct NeedLayersFile: Decodable, Sendable { public var layers: [NeedLayer] }

public struct NeedLayer: Decodable, Sendable, GuidanceSourced {
    public var id: Located<String>
    public var name: String
    public var description: String
    public var approach: String
    public var priority: Int?
    public var section: String?
    public var reading: OrderedMap<String>?
    public static let readableKeys = ["name", "description", "approach", "priority"]
}
