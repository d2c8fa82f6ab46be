@testable import Bansou
import Foundation
import Testing

/// The reports stage's shortcuts must give what the plain code gives: the hand-written
/// view dictionaries what Mirror gives, the peer groups what `PeerComparison.compare` gives.
struct ReportFastPathTests {
    /// The sample site, loaded and validated in process (its eight clients cover present and
    /// absent optionals: history, overrides, 未診断, partners, indicators).
    static func sampleLibrary() throws -> Library {
        let log = DiagnosticLog()
        let content = ContentLoader(contentDirectory: FixtureSite.packageRoot.appendingPathComponent("Content"), displayPrefix: "Content")
            .load(log: log)
        return try #require(Validator(options: .init(), log: log).validate(content))
    }

    static func diagnosed(_ library: Library) -> [(client: Client, diagnosis: Diagnosis)] {
        let diagnoser = Diagnoser(library: library)
        return diagnoser.addPeers(library.clients.sorted { $0.id.value < $1.id.value }.map { ($0, diagnoser.diagnose($0)) })
    }

    @Test func reportAdvisorAndDashboardViewsMatchMirror() throws {
        let library = try Self.sampleLibrary()
        let diagnosed = Self.diagnosed(library)
        #expect(diagnosed.count == 8)
        for item in diagnosed {
            let report = ReportViewBuilder(library: library).build(client: item.client, diagnosis: item.diagnosis)
            let advisor = AdvisorViewBuilder(library: library).build(client: item.client, diagnosis: item.diagnosis)
            // Flattened by hand, not by Mirror (a fifth of the reports stage on 1,000 clients).
            #expect(report is MustacheDictionary)
            #expect(advisor is MustacheDictionary)
            #expect(MustacheValueTests.same(report), "report view of \(item.client.id.value)")
            #expect(MustacheValueTests.same(advisor), "advisor view of \(item.client.id.value)")
        }
        let dashboard = DashboardViewBuilder(library: library).build(diagnoses: diagnosed)
        #expect(dashboard is MustacheDictionary)
        #expect(MustacheValueTests.same(dashboard))
    }

    @Test func sampleStageDiagramsAreTheDrawnOnes() throws {
        let library = try Self.sampleLibrary()
        let builder = ReportViewBuilder(library: library)
        for item in Self.diagnosed(library) {
            let stage = item.diagnosis.stage
            let drawn = ReportViewBuilder.stageDiagram(library.guidance, stage: stage.effective,
                                                       computed: stage.override != nil ? stage.computed : nil)
            #expect(builder.build(client: item.client, diagnosis: item.diagnosis).stageDiagramSVG == drawn)
        }
    }

    /// Random institutions: three industries, some clients undiagnosed, levels on some areas.
    @Test(arguments: [1, 2, 3, 4]) func peerGroupsGiveWhatCompareGives(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let areas = ["ordering", "attendance", "customers", "inventory", "accounting"]
        let industries: [String?] = ["manufacturing", "construction", "ict", nil]
        let peers: [PeerComparison.Peer] = (0..<(40 + next(200))).map { i in
            var levels: [String: Int] = [:]
            for area in areas where next(3) > 0 { levels[area] = 1 + next(4) }
            let stage = next(5)
            return (id: "c\(i)", industry: industries[next(industries.count)], stage: stage == 0 ? nil : stage, levels: levels)
        }
        let groups = PeerComparison.Groups(peers: peers, areaOrder: areas)
        var compared = 0
        for peer in peers {
            let expected = PeerComparison.compare(client: peer.id, industry: peer.industry, stage: peer.stage, levels: peer.levels,
                                                  peers: peers, areaOrder: areas)
            #expect(groups.compare(client: peer.id, industry: peer.industry, stage: peer.stage, levels: peer.levels) == expected,
                    "client \(peer.id)")
            compared += expected.count
        }
        #expect(compared > 0, "some groups reach the minimum size")
        // A client that is not among the peers belongs to no group.
        #expect(groups.compare(client: "outsider", industry: "ict", stage: 2, levels: [:]).isEmpty)
    }
}
