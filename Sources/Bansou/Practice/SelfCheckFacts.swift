/// The institution's self-check now against the check before it (guidance 3.8's six
/// practices, 0–3 each), and the practices to work on next.
public struct SelfCheckFacts: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var practice: String
        public var now: Int
        /// nil: no previous check.
        public var previous: Int?
        public var evidence: String?
        public var change: Int? { previous.map { now - $0 } }
    }

    /// The latest check on or before the as-of date, and the one before it.
    public var date: Day?
    public var previousDate: Day?
    /// In practices.yaml order.
    public var rows: [Row]
    /// Practice ids to work on next, most pressing first (`priorities`).
    public var next: [String]

    public var total: Int { rows.reduce(0) { $0 + $1.now } }
    public var previousTotal: Int? { previousDate == nil ? nil : rows.reduce(0) { $0 + ($1.previous ?? 0) } }
    public var maximum: Int { rows.count * SelfCheckScale.range.upperBound }

    /// At most this many practices are proposed for the next half year.
    public static let nextCount = 3

    public init(record: InstitutionRecord?, practices: PracticesFile, asOf: Day) {
        let checks = record?.checks(asOf: asOf) ?? []
        let latest = checks.last
        let previous = checks.dropLast().last
        date = latest?.date.value
        previousDate = previous?.date.value
        guard let latest else {
            rows = []
            next = []
            return
        }
        rows = practices.practices.map { practice in
            let id = practice.id.value
            return Row(practice: id, now: latest.score(of: id) ?? 0, previous: previous.flatMap { $0.score(of: id) },
                       evidence: latest.scores[id]?.evidence)
        }
        next = Self.priorities(rows)
    }

    /// The practices not yet established (below 3), lowest score first; on equal scores
    /// one that did not improve since the previous check (or fell) before one that did,
    /// then the guidance's order. A written rule, so the report can state it.
    static func priorities(_ rows: [Row]) -> [String] {
        let open = rows.enumerated().filter { $0.element.now < SelfCheckScale.range.upperBound }
        return open.sorted { a, b in
            let ka = (a.element.now, a.element.change ?? 0, a.offset), kb = (b.element.now, b.element.change ?? 0, b.offset)
            return ka < kb
        }.prefix(nextCount).map(\.element.practice)
    }
}
