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

    /// SVG.n's integer path against the String(format:) it replaced.
    @Test func svgNumbersAreWhatFormatGave() {
        func reference(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            if rounded == rounded.rounded() { return String(Int(rounded)) }
            return String(format: "%.1f", rounded)
        }
        var values: [Double] = [0, -0.0, 0.04, 0.05, -0.04, -0.05, -0.3, 0.25, 2.45, 2.55, 9.95, -9.95, 99.96, 252, 680, 123_456.75,
                                -1_000.05, 1e14 + 0.3, 3.0 / 7, 244 - 6, 10.5 * 1.25]
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.5) * 4_000)
        }
        for value in values { #expect(SVG.n(value) == reference(value), "\(value)") }
    }

    /// report.json's byte writer escapes exactly as JSONString.literal does.
    @Test func jsonWriterEscapesLikeJSONString() {
        let texts = ["", "plain", "株式会社ベンチ", "a\"b\\c", "<script>&</script>", "tab\tnew\nline\r\u{0}\u{1f}",
                     "line\u{2028}sep\u{2029}", "\u{2027}\u{202A}", "emoji 🙂 e\u{301}", "end\u{2028}"]
        for text in texts {
            var writer = JSONWriter()
            writer.literal(text)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONString.literal(text), "\(text.debugDescription)")
        }
    }

    @Test func jsonWriterLayout() {
        var writer = JSONWriter()
        let value: [String: Any] = ["b": [1, true, NSNull(), [String: Any](), [Any]()], "a": ["y": "z"], "c": 2.5]
        writer.write(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == """
            {
              "a": {
                "y": "z"
              },
              "b": [
                1,
                true,
                null,
                {},
                []
              ],
              "c": "2.5"
            }
            """)
    }
}
