import Foundation
import Testing

/// The same input gives the same bytes: two builds of one site, each in its own process of the
/// real binary (so each with its own random hash seed: a Dictionary's order differs between
/// them), each starting cold, compared file by file. On the sample and on a synthetic site of
/// 200 stories with several clients, partners, pages and themes, where an order that depends on
/// a Dictionary shows at once (with one or two stories it shows at most half the time).
@Suite(.serialized)
struct DeterminismTests {
    /// scripts/bench-site.py's corpus: 200 stories over every industry, region, stage and theme,
    /// 12 clients; the sample's staff, partners and free pages beside them.
    static func synthetic() throws -> FixtureSite {
        let site = try FixtureSite(files: ["Content/clients/.gitkeep": ""])
        for folder in ["staff", "partners", "pages"] {
            try FileManager.default.copyItem(at: FixtureSite.packageRoot.appendingPathComponent("Content/\(folder)"),
                                             to: site.root.appendingPathComponent("Content/\(folder)"))
        }
        let script = FixtureSite.packageRoot.appendingPathComponent("scripts/bench-site.py").path
        let made = try FixtureSite.exec("python3", [script, site.root.path, "200", "12"])
        try #require(made.status == 0, "\(made.stderr)")
        // The sample's consultation page names the publisher's own contact, which its site.yaml allows.
        try site.write("Content/site.yaml", try site.read("Content/site.yaml") + "allow: [dx@example.jp, 0120-000-000]\n")
        return site
    }

    static func buildTwiceInTwoProcesses(_ site: FixtureSite) throws -> (first: [String: Data], second: [String: Data]) {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil   // each process its own seed
        let binary = try FixtureSite.binary().path
        var outputs: [[String: Data]] = []
        for output in ["First", "Second"] {
            // Cold each time: the Markdown cache of the first build must not feed the second.
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".bansou-cache"))
            let run = try FixtureSite.exec(binary, ["build", "--quiet", "--output", output], in: site.root, environment: environment)
            try #require(run.status == 0, "\(run.stderr)")
            outputs.append(try site.snapshot(output))
        }
        return (outputs[0], outputs[1])
    }

    static func compare(_ first: [String: Data], _ second: [String: Data]) {
        #expect(first.count > 0)
        #expect(Set(first.keys) == Set(second.keys), "files only in one build: \(Set(first.keys).symmetricDifference(second.keys).sorted().prefix(10))")
        let differing = first.keys.filter { second[$0] != nil && second[$0] != first[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) files differ between two builds, e.g. \(differing.prefix(10))")
    }

    @Test func theSampleBuildsToTheSameBytesTwice() throws {
        let site = try FixtureSite.sample()
        let (first, second) = try Self.buildTwiceInTwoProcesses(site)
        Self.compare(first, second)
        #expect(first.keys.contains("reports/index.html") && first.keys.contains("site/search/index.js"))
    }

    @Test func aSyntheticSiteOf200StoriesBuildsToTheSameBytesTwice() throws {
        let site = try Self.synthetic()
        let (first, second) = try Self.buildTwiceInTwoProcesses(site)
        Self.compare(first, second)
        #expect(first.keys.filter { $0.hasPrefix("site/cases/case-") && $0.hasSuffix("/index.html") }.count == 200)
        #expect(first.keys.filter { $0.hasPrefix("reports/client-") && $0.hasSuffix("/report.json") }.count == 12)
        #expect(first.keys.contains { $0.hasPrefix("site/themes/") })
    }
}
