/// Referrals of the last 12 months (guidance 4.2): by partner and by business area,
/// made (out) and received (in), with their outcomes.
public struct CollaborationFacts: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var made = 0
        public var received = 0
        /// By `ReferralOutcome`, in its order.
        public var outcomes: [Int] = Array(repeating: 0, count: ReferralOutcome.allCases.count)
        public var total: Int { made + received }

        mutating func add(_ referral: Referral) {
            if referral.isOutgoing { made += 1 } else { received += 1 }
            if let index = ReferralOutcome.allCases.firstIndex(where: { $0.rawValue == referral.outcome.value }) { outcomes[index] += 1 }
        }
    }

    /// The period counted: the 12 months up to the as-of date (`from` exclusive).
    public var from: Day
    public var to: Day
    /// A partner's or an area's counts.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var count: Count
    }

    /// Partners, most referrals first, then by id.
    public var partners: [Row]
    /// Areas in areas.yaml order; areas without referrals left out.
    public var areas: [Row]
    public var total: Count
    /// Referrals naming a company without a client record yet (prospects received).
    public var prospects: Int

    public static let months = 12

    public init(referrals: [Referral], areaOrder: [String], asOf: Day) {
        to = asOf
        let from = asOf.adding(months: -Self.months)
        self.from = from
        let counted = referrals.filter { $0.date.value > from && $0.date.value <= asOf }
        var byPartner: [String: Count] = [:]
        var byArea: [String: Count] = [:]
        var total = Count()
        for referral in counted {
            byPartner[referral.partner.value, default: Count()].add(referral)
            for area in Set((referral.areas ?? []).map(\.value)) { byArea[area, default: Count()].add(referral) }
            total.add(referral)
        }
        partners = byPartner.map { Row(id: $0.key, count: $0.value) }.sorted { ($1.count.total, $0.id) < ($0.count.total, $1.id) }
        areas = areaOrder.compactMap { id in byArea[id].map { Row(id: id, count: $0) } }
        self.total = total
        prospects = counted.filter { $0.client == nil }.count
    }
}
