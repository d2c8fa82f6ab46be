/// A client's dated plan: tasks by month from the month after `as_of`, what the company
/// has achieved and dropped, and notes for the advisor on what was left out and why.
public struct Roadmap: Sendable {
    /// The first month of the plan: the month after `as_of`.
    public var start: YearMonth
    /// The last month any task runs in, and at least 12 months after `start`.
    public var end: YearMonth
    /// Sorted by start, kind, title. Explicit tasks that began before `start` are included.
    public var tasks: [RoadmapTask]
    /// Done tasks and held/done policy tools, newest first (undated last).
    public var achievements: [Achievement]
    /// Tasks recorded as dropped.
    public var dropped: [Achievement]
    /// For the advisor only.
    public var notes: [String]

    public init(start: YearMonth, tasks: [RoadmapTask], achievements: [Achievement] = [], dropped: [Achievement] = [], notes: [String]) {
        self.start = start
        self.tasks = tasks.sorted(by: RoadmapTask.displayOrder)
        self.notes = notes
        self.achievements = achievements.sorted(by: Self.newestFirst)
        self.dropped = dropped.sorted(by: Self.newestFirst)
        self.end = ([start.adding(months: 11)] + tasks.map(\.end)).max() ?? start.adding(months: 11)
    }

    static func newestFirst(_ a: Achievement, _ b: Achievement) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?): return x != y ? x > y : a.id < b.id
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.id < b.id
        }
    }

    /// The first month of the chart: the plan's start or an earlier explicit task's.
    public var chartStart: YearMonth { ([start] + tasks.map(\.start)).min() ?? start }
    /// Months from `start` to `end`, both included.
    public var monthCount: Int { start.months(until: end) + 1 }
    /// Open tasks whose status is `overdue`.
    public var overdue: [RoadmapTask] { tasks.filter { $0.status == .overdue } }
    /// The next open tasks in order: overdue first, then doing, then planned by start.
    public func nextSteps(_ count: Int) -> [RoadmapTask] {
        let open = tasks.filter(\.isOpen)
        func rank(_ t: RoadmapTask) -> Int { t.status == .overdue ? 0 : t.status == .doing ? 1 : 2 }
        return Array(open.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element).prefix(count))
    }
}
