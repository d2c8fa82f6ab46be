/// Where a task stands (spec v2, plan rule 8): what the advisor recorded, else
/// `overdue` when its last month is before the month of `as_of`, else `planned`.
public enum TaskStatus: String, Sendable, CaseIterable {
    case planned, doing, done, dropped, overdue

    /// The statuses a content file may record (`overdue` is only ever computed).
    public static let recordable: [TaskStatus] = [.planned, .doing, .done, .dropped]

    /// Rule 8. `recorded` wins; an unrecorded task is late once its last month has passed.
    public static func of(recorded: TaskStatus?, end: YearMonth, asOf: Day) -> TaskStatus {
        if let recorded { return recorded }
        return end < YearMonth(asOf) ? .overdue : .planned
    }

    /// The word printed for the company and the advisor.
    public var label: String {
        switch self {
        case .planned: return "予定"
        case .doing: return "実施中"
        case .done: return "完了"
        case .dropped: return "見送り"
        case .overdue: return "遅れ"
        }
    }

    /// Rule 3: a generated task recorded as done or dropped is not planned again.
    public var closesTask: Bool { self == .done || self == .dropped }
}
