/// A DX support staff member of the institution: Content/staff/<id>.yaml (internal).
public struct StaffMember: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var role: String?
    public var institution: Located<String>?
    /// 0–3 per skill-area id of skills.yaml.
    public var skills: OrderedMap<Located<Int>>?
    /// Guidance 5.4: the level (0–3) the institution wants this person to reach, per skill area.
    public var targets: OrderedMap<Located<Int>>?
    /// Earlier ratings, so the institution report can say how much of the gap closed since.
    public var pastSkills: [PastSkills]?
    public var trainings: [Training]?
    public var certifications: [Certification]?
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, role, institution, skills, targets, trainings, certifications
        case pastSkills = "past_skills"
    }

    /// The rating of a skill area now (0 when not rated).
    public func level(_ area: String) -> Int { skills?[area]?.value ?? 0 }
    public func target(_ area: String) -> Int? { targets?[area]?.value }

    public struct PastSkills: Decodable, Sendable {
        public var date: Located<Day>
        public var skills: OrderedMap<Located<Int>>
    }

    /// A course, seminar or field programme (5.4: 座学, ケーススタディ, OJT …).
    public struct Training: Decodable, Sendable {
        public var title: String
        /// `YYYY-MM`.
        public var month: Located<String>
        /// planned | done.
        public var status: Located<String>
        /// The skill areas it develops.
        public var skills: [Located<String>]?
        public var yearMonth: YearMonth? { YearMonth(month.value) }
        public var isDone: Bool { status.value == "done" }
    }

    /// A qualification: `ITパスポート`, or `{ name: ITコーディネータ, date: 2024-03, status: planned }`.
    public struct Certification: Decodable, Sendable {
        public var name: String
        /// `YYYY-MM`: when it was obtained, or the planned exam month.
        public var month: Located<String>?
        /// held (default) | planned.
        public var status: Located<String>?
        public var yearMonth: YearMonth? { month.flatMap { YearMonth($0.value) } }
        public var isPlanned: Bool { status?.value == "planned" }

        enum CodingKeys: String, CodingKey { case name, status, month = "date" }

        public init(from decoder: Decoder) throws {
            // The short form, a bare name, is what staff files have always held.
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.name = name
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            month = try container.decodeIfPresent(Located<String>.self, forKey: .month)
            status = try container.decodeIfPresent(Located<String>.self, forKey: .status)
        }
    }

    public static let trainingStatuses = ["planned", "done"]
    public static let certificationStatuses = ["held", "planned"]
}

/// Another support institution of the region: Content/partners/<id>.yaml.
public struct Partner: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var type: Located<String>
    public var region: Located<String>?
    public var strengths: [Located<String>]?
    public var description: String?
    /// `url` as written, with its position, so a link the portal may not carry is reported there.
    public var link: Located<String>?
    public var url: String? { link?.value }
    public var `public`: Bool?
    /// v2: serves every region (default false).
    public var nationwide: Bool?
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, type, region, strengths, description, `public`, nationwide
        case link = "url"
    }

    public var isPublic: Bool { self.public ?? false }
    public var isNationwide: Bool { nationwide ?? false }
}
