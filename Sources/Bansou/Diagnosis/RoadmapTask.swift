/// One dated task of a client's roadmap.
public struct RoadmapTask: Sendable, Equatable {
    /// Where the task came from; the order here is the order within a month (the
    /// advisor's agreed tasks right after the quick win).
    public enum Kind: String, CaseIterable, Sendable {
        case quickWin, explicit, levelUp, bpo, policy, training

        public var rank: Int { Kind.allCases.firstIndex(of: self) ?? 0 }

        init(_ kind: TaskID.Kind) {
            switch kind {
            case .quickWin: self = .quickWin
            case .levelUp: self = .levelUp
            case .bpo: self = .bpo
            case .policy: self = .policy
            case .training: self = .training
            }
        }
    }

    /// The generated id (`level-up:attendance`) or the explicit task's `id`; nil for an
    /// explicit task written without one.
    public var id: String?
    public var title: String
    /// What the task changes, in the company's own terms (its area note, the next level).
    public var detail: String?
    public var area: String?
    public var start: YearMonth
    public var months: Int
    /// Institution-type id of institutions.yaml that carries the task.
    public var owner: String
    /// Partner id of Content/partners named for the task (plan rule 6), if any.
    public var partner: String?
    public var kind: Kind
    /// Plan rule 8.
    public var status: TaskStatus
    /// True when the status was recorded (progress, the task's `status`, `policy`), not computed.
    public var statusRecorded: Bool
    /// The company's goal the task serves, when one names its area.
    public var goal: String?
    /// Why the task is on the plan, addressed to the company: specific, plain words.
    public var reason: String
    /// For the advisor: the rule that put it there.
    public var basis: String
    /// The advisor's progress note, if any (never printed for the company).
    public var note: String?

    public init(id: String?, title: String, detail: String? = nil, area: String? = nil, start: YearMonth, months: Int,
                owner: String, partner: String? = nil, kind: Kind, status: TaskStatus = .planned, statusRecorded: Bool = false,
                goal: String? = nil, reason: String, basis: String = "", note: String? = nil) {
        self.id = id
        self.title = title
        self.detail = detail
        self.area = area
        self.start = start
        self.months = months
        self.owner = owner
        self.partner = partner
        self.kind = kind
        self.status = status
        self.statusRecorded = statusRecorded
        self.goal = goal
        self.reason = reason
        self.basis = basis
        self.note = note
    }

    /// The last month the task runs in.
    public var end: YearMonth { start.adding(months: max(months, 1) - 1) }

    /// Still to do: neither done nor dropped.
    public var isOpen: Bool { !status.closesTask }

    /// Start, then kind, then title: the display order.
    public static func displayOrder(_ a: RoadmapTask, _ b: RoadmapTask) -> Bool {
        (a.start, a.kind.rank, a.title) < (b.start, b.kind.rank, b.title)
    }
}

/// A task the company finished (or a policy tool it holds), with its date (spec v2).
public struct Achievement: Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: Day?
    /// The advisor's note (never printed for the company).
    public var note: String?
}
