/// Where a company stands among the institution's own clients of its industry or of its
/// stage: aggregates only, and only for a group of at least `minimumGroup` clients, so no
/// other client can be recognised from the figures.
public struct PeerComparison: Sendable, Equatable {
    public enum Group: Sendable, Equatable {
        case industry(String)
        case stage(Int)
    }

    public static let minimumGroup = 5

    public var group: Group
    /// Clients in the group, this one included.
    public var count: Int
    /// Mean stage of the group's diagnosed clients.
    public var averageStage: Double
    /// Mean level per area over the group's clients who assessed it (areas.yaml order).
    public var areaAverages: [AreaAverage]
    /// How many of the group are at a higher stage than this company.
    public var ahead: Int

    public struct AreaAverage: Sendable, Equatable {
        public var area: String
        public var average: Double
        /// This company's level, when assessed.
        public var company: Int?
    }

    /// One client's standing; `peers` are all clients (id, industry, stage, levels) of the institution.
    public static func compare(client: String, industry: String?, stage: Int?, levels: [String: Int],
                               peers: [(id: String, industry: String?, stage: Int?, levels: [String: Int])],
                               areaOrder: [String]) -> [PeerComparison] {
        var groups: [(Group, [(id: String, industry: String?, stage: Int?, levels: [String: Int])])] = []
        if let industry { groups.append((.industry(industry), peers.filter { $0.industry == industry && $0.stage != nil })) }
        if let stage { groups.append((.stage(stage), peers.filter { $0.stage == stage })) }
        return groups.compactMap { group, members in
            guard members.count >= minimumGroup, members.contains(where: { $0.id == client }) else { return nil }
            let stages = members.compactMap(\.stage)
            let average = Double(stages.reduce(0, +)) / Double(max(stages.count, 1))
            let areas = areaOrder.compactMap { area -> AreaAverage? in
                let values = members.compactMap { $0.levels[area] }
                guard values.count >= minimumGroup else { return nil }
                return AreaAverage(area: area, average: Double(values.reduce(0, +)) / Double(values.count), company: levels[area])
            }
            let ahead = stage.map { s in stages.filter { $0 > s }.count } ?? 0
            return PeerComparison(group: group, count: members.count, averageStage: average, areaAverages: areas, ahead: ahead)
        }
    }
}
