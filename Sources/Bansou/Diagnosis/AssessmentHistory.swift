/// A client's assessments in date order: the `history` entries and the current
/// `areas` (dated `assessed`, or `as_of` when the file gives no date; spec v2 "The portfolio").
public struct AssessmentHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var date: Day
        /// Level 1–4 per area id.
        public var levels: [String: Int]
        /// The stage by the rule (no override: an override describes today only).
        public var stage: Int?
        public var isCurrent: Bool
    }

    /// Oldest first; the current assessment is last.
    public var entries: [Entry]

    public init(current: [String: Int], assessed: Day?, history: [(date: Day, levels: [String: Int])], asOf: Day) {
        let earlier = history
            .filter { assessed == nil || $0.date < assessed! }
            .sorted { $0.date < $1.date }
            .map { Entry(date: $0.date, levels: $0.levels, stage: StageDiagnosis.stage(of: Array($0.levels.values)), isCurrent: false) }
        let now = Entry(date: assessed ?? asOf, levels: current, stage: StageDiagnosis.stage(of: Array(current.values)), isCurrent: true)
        entries = earlier + [now]
    }

    public init(client: Client, asOf: Day) {
        self.init(current: client.areas?.levels ?? [:], assessed: client.assessed?.value,
                  history: (client.history ?? []).map { ($0.date.value, $0.areas?.levels ?? [:]) }, asOf: asOf)
    }

    public var current: Entry { entries[entries.count - 1] }
    /// The latest earlier assessment, the one "since the last visit" compares with.
    public var previous: Entry? { entries.count > 1 ? entries[entries.count - 2] : nil }

    /// The latest assessment dated on or before `day` (the portfolio's "12 months ago").
    public func latest(onOrBefore day: Day) -> Entry? { entries.last { $0.date <= day } }

    /// What changed since the previous assessment (report.json `progress`); nil without history.
    public var change: Change? {
        guard let previous else { return nil }
        var areas: [String: (then: Int, now: Int)] = [:]
        for (id, then) in previous.levels {
            if let now = current.levels[id] { areas[id] = (then, now) }
        }
        return Change(since: previous.date, stageThen: previous.stage, stageNow: current.stage, areas: areas)
    }

    public struct Change: Sendable {
        public var since: Day
        public var stageThen: Int?
        public var stageNow: Int?
        /// Areas assessed both times: level then and now.
        public var areas: [String: (then: Int, now: Int)]

        public var movedUp: Bool {
            guard let stageThen, let stageNow else { return false }
            return stageNow > stageThen
        }
        /// Area ids whose level rose, in the given order.
        public func improved(in order: [String]) -> [String] {
            order.filter { id in areas[id].map { $0.now > $0.then } ?? false }
        }
    }
}
