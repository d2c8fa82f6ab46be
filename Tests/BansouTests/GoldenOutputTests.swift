import Foundation
import Testing

/// The sample site's output, byte for byte: every file under Output/site and Output/reports
/// (PDFs aside) against the committed manifest Tests/Golden/sample-output.sha256. Speed work
/// (a faster template path, caches, incremental rebuilds) must not change one byte; a deliberate
/// output change rewrites the manifest with `scripts/golden --update` in the same commit.
@Suite struct GoldenOutputTests {
    static let manifest = FixtureSite.packageRoot.appendingPathComponent("Tests/Golden/sample-output.sha256")

    @Test func sampleSiteMatchesTheGoldenManifest() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let run = try site.run("build", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")

        let expected = try Self.parse(String(contentsOf: Self.manifest, encoding: .utf8))
        let actual = try Self.parse(Self.hashes(of: site.root.appendingPathComponent("Output")))
        #expect(expected.count > 100, "the manifest lists the whole sample output")

        let missing = expected.keys.filter { actual[$0] == nil }.sorted()
        let extra = actual.keys.filter { expected[$0] == nil }.sorted()
        let changed = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty, "files no longer written: \(missing)")
        #expect(extra.isEmpty, "files not in the manifest: \(extra)")
        #expect(changed.isEmpty, "files whose bytes changed (scripts/golden --update after a deliberate change): \(changed)")
    }

    /// `sha256sum` lines for every file of site/ and reports/ (coreutils: the same tool scripts/golden uses).
    static func hashes(of output: URL) throws -> String {
        var paths: [String] = []
        for folder in ["site", "reports"] {
            let base = output.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                let relative = folder + "/" + String(url.path.dropFirst(base.path.count + 1))
                if !relative.hasSuffix(".pdf") { paths.append(relative) }
            }
        }
        let run = try FixtureSite.exec("sha256sum", ["--"] + paths, in: output)
        guard run.status == 0 else { throw FixtureError(message: "sha256sum failed: \(run.stderr)") }
        return run.stdout
    }

    /// path → hash from `sha256sum` output ("<hash>  <path>").
    static func parse(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let gap = line.range(of: "  ") else { throw FixtureError(message: "not a sha256sum line: \(line)") }
            result[String(line[gap.upperBound...])] = String(line[..<gap.lowerBound])
        }
        return result
    }
}
