/// One client's row of the portfolio (spec v2, "The portfolio"), computed once here so
/// the dashboard, portfolio.csv and portfolio.json only print it.
public struct PortfolioFacts: Sendable, Equatable {
    /// The effective stage now (nil: 未診断).
    public var stage: Int?
    /// The stage of the latest assessment dated on or before `as_of` minus 12 months.
    public var stage12MonthsAgo: Int?
    /// Roadmap tasks whose status is `overdue`.
    public var overdue: Int
    /// The latest meeting on or before `as_of`.
    public var lastMeeting: Day?
    /// Days from `lastMeeting` to `as_of`.
    public var daysSinceMeeting: Int?

    /// Both stages known and now higher than then.
    public var movedUp: Bool {
        guard let stage, let stage12MonthsAgo else { return false }
        return stage > stage12MonthsAgo
    }

    /// No meeting for this many days puts a client on the follow-up list.
    public static let followUpDays = 90

    /// Why a client is on the follow-up list.
    public enum FollowUpReason: Sendable, Equatable {
        case overdue(tasks: Int)
        case quiet(days: Int, since: Day)
        case noMeeting
    }

    /// Overdue tasks, and no meeting for `followUpDays` days (or none at all); empty: no follow-up.
    public var followUpReasons: [FollowUpReason] {
        var reasons: [FollowUpReason] = overdue > 0 ? [.overdue(tasks: overdue)] : []
        if let days = daysSinceMeeting, let lastMeeting {
            if days >= Self.followUpDays { reasons.append(.quiet(days: days, since: lastMeeting)) }
        } else {
            reasons.append(.noMeeting)
        }
        return reasons
    }

    public var needsFollowUp: Bool { !followUpReasons.isEmpty }

    public init(stage: Int?, history: AssessmentHistory, overdue: Int, meetings: [Day], asOf: Day) {
        self.stage = stage
        stage12MonthsAgo = history.latest(onOrBefore: asOf.adding(months: -12))?.stage
        self.overdue = overdue
        lastMeeting = meetings.filter { $0 <= asOf }.max()
        daysSinceMeeting = lastMeeting.map { asOf.days(since: $0) }
    }
}
