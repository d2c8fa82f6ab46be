/// Staff skills now against their targets (guidance 5.4), the gap closed since the
/// ratings of about half a year ago, and the trainings and certifications planned.
public struct StaffDevelopmentFacts: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var id: String
        /// Per skill area of skills.yaml, in its order.
        public var now: [Int]
        /// nil where no target is set.
        public var targets: [Int?]
        /// The ratings compared with (`comparedOn`), nil when the file has no past ratings.
        public var then: [Int]?
        public var comparedOn: Day?
        /// Σ max(0, target − rating) over the areas with a target.
        public var gapNow: Int { Self.gap(now, targets) }
        public var gapThen: Int? { then.map { Self.gap($0, targets) } }
        /// How much of the gap closed since `comparedOn` (negative: it widened).
        public var closed: Int? { gapThen.map { $0 - gapNow } }

        static func gap(_ ratings: [Int], _ targets: [Int?]) -> Int {
            zip(ratings, targets).reduce(0) { sum, pair in sum + max(0, (pair.1 ?? pair.0) - pair.0) }
        }
    }

    public struct Planned: Sendable, Equatable {
        public enum Kind: String, Sendable { case training, certification }
        public var kind: Kind
        public var staff: String
        public var title: String
        public var month: YearMonth?
    }

    public var skillAreas: [String]
    public var members: [Member]
    /// Trainings planned and certifications planned, by month (undated last), then staff id.
    public var planned: [Planned]
    /// Trainings done in the 12 months up to the as-of month.
    public var trainingsDone: Int
    /// Certifications held, across the staff.
    public var certificationsHeld: Int

    public var gapNow: Int { members.reduce(0) { $0 + $1.gapNow } }
    /// Over the members with past ratings only, so the two figures compare the same people.
    public var gapThenCompared: Int { members.reduce(0) { $0 + ($1.gapThen ?? 0) } }
    public var gapNowCompared: Int { members.filter { $0.then != nil }.reduce(0) { $0 + $1.gapNow } }
    public var closed: Int { gapThenCompared - gapNowCompared }
    public var compared: Int { members.filter { $0.then != nil }.count }

    /// The ratings compared with are the latest dated at least this many months before the as-of date.
    public static let comparisonMonths = 6

    public init(staff: [StaffMember], skillAreas: [String], asOf: Day) {
        self.skillAreas = skillAreas
        let sorted = staff.sorted { $0.id.value < $1.id.value }
        let cutoff = asOf.adding(months: -Self.comparisonMonths)
        members = sorted.map { member in
            let past = (member.pastSkills ?? []).filter { $0.date.value <= asOf }.sorted { $0.date.value < $1.date.value }
            // Half a year ago; a file whose ratings all are younger compares with its oldest.
            let base = past.last { $0.date.value <= cutoff } ?? past.first
            return Member(id: member.id.value, now: skillAreas.map(member.level), targets: skillAreas.map(member.target),
                          then: base.map { b in skillAreas.map { b.skills[$0]?.value ?? 0 } }, comparedOn: base?.date.value)
        }
        let month = YearMonth(asOf)
        var planned: [Planned] = []
        var done = 0
        var held = 0
        for member in sorted {
            for training in member.trainings ?? [] {
                if training.isDone {
                    if let m = training.yearMonth, m <= month, m > month.adding(months: -12) { done += 1 }
                } else {
                    planned.append(Planned(kind: .training, staff: member.id.value, title: training.title, month: training.yearMonth))
                }
            }
            for certification in member.certifications ?? [] {
                if certification.isPlanned {
                    planned.append(Planned(kind: .certification, staff: member.id.value, title: certification.name, month: certification.yearMonth))
                } else {
                    held += 1
                }
            }
        }
        self.planned = planned.enumerated().sorted { a, b in
            let ka = (a.element.month.map { $0.year * 12 + $0.month } ?? Int.max, a.element.staff, a.offset)
            let kb = (b.element.month.map { $0.year * 12 + $0.month } ?? Int.max, b.element.staff, b.offset)
            return ka < kb
        }.map(\.element)
        trainingsDone = done
        certificationsHeld = held
    }
}
