/// One dated task of a client's roadmap.
public struct RoadmapTask: Sendable, Equatable {
    /// Where the task came from; the order here is the order within a month.
    public enum Kind: String, CaseIterable, Sendable {
        case quickWin, areaStep, bpo, process, policy, explicit

        public var rank: Int { Kind.allCases.firstIndex(of: self) ?? 0 }
    }

    public var title: String
    /// A longer description (areas.yaml descriptor, process activity, tool summary).
    public var detail: String?
    public var area: String?
    public var start: YearMonth
    public var months: Int
    /// Institution-type id of institutions.yaml that carries the task.
    public var owner: String
    /// Partner id of Content/partners that fits the task, if any.
    public var partner: String?
    public var kind: Kind
    /// Why the task is on the roadmap, in Japanese.
    public var reason: String

    public init(title: String, detail: String? = nil, area: String? = nil, start: YearMonth, months: Int,
                owner: String, partner: String? = nil, kind: Kind, reason: String) {
        self.title = title
        self.detail = detail
        self.area = area
        self.start = start
        self.months = months
        self.owner = owner
        self.partner = partner
        self.kind = kind
        self.reason = reason
    }

    /// The last month the task runs in.
    public var end: YearMonth { start.adding(months: max(months, 1) - 1) }

    /// Start, then kind, then title: the display order.
    public static func displayOrder(_ a: RoadmapTask, _ b: RoadmapTask) -> Bool {
        (a.start, a.kind.rank, a.title) < (b.start, b.kind.rank, b.title)
    }
}
