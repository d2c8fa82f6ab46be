/// A client's dated plan: tasks by month from the month after `as_of`, and notes
/// on what was deliberately left out (so the report can say why).
public struct Roadmap: Sendable {
    /// The first month of the plan: the month after `as_of`.
    public var start: YearMonth
    /// The last month any task runs in, and at least 12 months after `start`.
    public var end: YearMonth
    /// Sorted by start, kind, title.
    public var tasks: [RoadmapTask]
    public var notes: [String]

    public init(start: YearMonth, tasks: [RoadmapTask], notes: [String]) {
        self.start = start
        self.tasks = tasks.sorted(by: RoadmapTask.displayOrder)
        self.notes = notes
        self.end = ([start.adding(months: 11)] + tasks.map(\.end)).max() ?? start.adding(months: 11)
    }

    /// Months from `start` to `end`, both included.
    public var monthCount: Int { start.months(until: end) + 1 }
}
