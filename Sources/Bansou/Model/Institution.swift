/// Content/institution.yaml (internal, optional): the institution's own practice —
/// its public commitment statement (guidance 3.8 「DX支援へのコミットメント表明」),
/// dated self-checks of the six practices of 3.8, and how it develops its support staff (5.4).
/// Only `commitment.statement`, and only with `commitment.public: true`, reaches the portal.
public struct InstitutionRecord: Decodable, Sendable {
    public struct Commitment: Decodable, Sendable {
        public var statement: Located<String>
        /// The day the statement was made (shown with it).
        public var date: Day?
        /// true: the portal's about page shows the statement (default false).
        public var `public`: Bool?
        public var isPublic: Bool { self.public ?? false }
        /// The statement's non-empty lines, each a paragraph.
        public var paragraphs: [String] {
            statement.value.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// One practice's score in a self-check: `commitment: 2`, or with its evidence
    /// `commitment: { score: 2, evidence: … }` (as a client's `areas` take a level or a note).
    public struct PracticeScore: Decodable, Sendable {
        /// 0 not started … 3 established (`SelfCheckScale`).
        public var score: Located<Int>
        /// A short note of what the score rests on.
        public var evidence: String?

        enum CodingKeys: String, CodingKey { case score, evidence }

        public init(from decoder: Decoder) throws {
            if let score = try? decoder.singleValueContainer().decode(Located<Int>.self) {
                self.score = score
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            score = try container.decode(Located<Int>.self, forKey: .score)
            evidence = try container.decodeIfPresent(String.self, forKey: .evidence)
        }
    }

    public struct SelfCheck: Decodable, Sendable {
        public var date: Located<Day>
        /// Staff id of who led the check.
        public var by: Located<String>?
        /// Practice id (practices.yaml) → score.
        public var scores: OrderedMap<PracticeScore>

        public func score(of practice: String) -> Int? { scores[practice]?.score.value }
    }

    /// Guidance 5.4: how the institution develops its DX support staff.
    public struct StaffDevelopment: Decodable, Sendable {
        /// 「DX支援人材育成が必須の取組であることを経営戦略に明確に位置づける」: where it is written.
        public var strategy: String?
        /// 「DX支援人材に適した評価制度」 (e.g. a プロフェッショナル職 track), as in place.
        public var evaluation: String?
        /// 「資格取得・維持の際のインセンティブ」, as in place.
        public var incentives: String?
    }

    public var commitment: Commitment?
    public var selfChecks: [SelfCheck]?
    public var staffDevelopment: StaffDevelopment?
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case commitment
        case selfChecks = "self_checks"
        case staffDevelopment = "staff_development"
    }

    /// Self-checks on or before `asOf`, oldest first.
    public func checks(asOf: Day) -> [SelfCheck] {
        (selfChecks ?? []).filter { $0.date.value <= asOf }.sorted { $0.date.value < $1.date.value }
    }
}

/// What the self-check scores mean; the report prints the scale beside the table.
public enum SelfCheckScale {
    public static let range = 0...3
    public static let labels = ["未着手", "検討中", "一部で実施", "組織として定着"]
    public static func label(_ score: Int) -> String { labels[min(max(score, 0), 3)] }
}
