/// Every figure of the institution report (Output/reports/institution/), computed once here so
/// the HTML and institution.json only print them: the self-check, staff development,
/// collaboration, and the portfolio's headline figures.
public struct InstitutionFacts: Sendable, Equatable {
    public struct Portfolio: Sendable, Equatable {
        /// Client records.
        public var clients: Int
        /// Clients whose stage now is above their stage 12 months ago (both known).
        public var movedUp: Int
        /// Clients with both stages known.
        public var compared: Int
        /// Stories on the portal; of those, dated in the last 12 months.
        public var storiesPublished: Int
        public var storiesLast12Months: Int
        /// Roadmap tasks overdue, summed over clients, and the clients with any.
        public var overdueTasks: Int
        public var clientsWithOverdue: Int
    }

    public var asOf: Day
    public var selfCheck: SelfCheckFacts
    public var staff: StaffDevelopmentFacts
    public var collaboration: CollaborationFacts
    public var portfolio: Portfolio

    public init(library: Library, portfolio: [PortfolioFacts]) {
        asOf = library.asOf
        selfCheck = SelfCheckFacts(record: library.institution, practices: library.guidance.practices, asOf: library.asOf)
        staff = StaffDevelopmentFacts(staff: library.staff, skillAreas: library.guidance.skills.skillAreas.map(\.id.value), asOf: library.asOf)
        collaboration = CollaborationFacts(referrals: library.referrals, areaOrder: library.guidance.areas.areas.map(\.id.value), asOf: library.asOf)
        let yearAgo = library.asOf.adding(months: -12)
        self.portfolio = Portfolio(
            clients: portfolio.count,
            movedUp: portfolio.filter(\.movedUp).count,
            compared: portfolio.filter { $0.stage != nil && $0.stage12MonthsAgo != nil }.count,
            storiesPublished: library.published.count,
            storiesLast12Months: library.published.filter { $0.meta.date.value > yearAgo }.count,
            overdueTasks: portfolio.reduce(0) { $0 + $1.overdue },
            clientsWithOverdue: portfolio.filter { $0.overdue > 0 }.count)
    }
}
