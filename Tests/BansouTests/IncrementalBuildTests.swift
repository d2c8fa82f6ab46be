import Foundation
import Testing
@testable import Bansou

/// A rebuild with a BuildMemo (what `bansou serve` does after an edit) must write exactly what
/// a clean build of the same content writes. Random edits of every kind — a body, a title, a
/// date, a taxonomy, a summary, a story added or deleted, a template — each followed by a
/// rebuild with the memo and a clean build without one, compared byte for byte.
@Suite struct IncrementalBuildTests {
    /// SplitMix64: the same sequence of edits on every run, so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func options(_ site: FixtureSite, output: String) -> BuildOptions {
        var options = BuildOptions()
        options.contentPath = site.root.appendingPathComponent("Content").path
        options.templatesPath = site.root.appendingPathComponent("Templates").path
        options.outputPath = site.root.appendingPathComponent(output).path
        return options
    }

    /// Output/site and Output/reports of a build, by path.
    static func output(_ site: FixtureSite, _ folder: String) throws -> [String: Data] {
        try site.snapshot(folder).filter { $0.key.hasPrefix("site/") || $0.key.hasPrefix("reports/") }
    }

    /// Replaces the first line starting with `key:` in a story's front matter.
    static func setKey(_ key: String, to value: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) { lines[index] = "\(key): \(value)" }
        return lines.joined(separator: "\n")
    }

    @Test func randomEditsRebuildToTheBytesOfACleanBuild() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let memo = BuildMemo()
        let first = BuildPipeline(options: Self.options(site, output: "Incremental"), memo: memo).run()
        #expect(!first.failed, "\(first.diagnostics)")
        // The memo's first build has nothing to reuse: every portal page is rendered.
        #expect(first.reusedPages == 0 && first.renderedPages > 100, "\(first.renderedPages) rendered, \(first.reusedPages) reused")

        var random = Random(state: 2026)
        let industries = ["manufacturing", "construction", "wholesale-retail", "transport", "medical-welfare"]
        let themes = ["[ペーパーレス]", "[BPO, データ活用]", "[補助金活用]"]
        var added = 0
        var kinds: [String] = []
        for round in 0..<12 {
            let stories = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Content/cases").path).sorted()
            let story = "Content/cases/" + stories[random.next(stories.count)]
            var text = try site.read(story)
            let kind = ["body", "title", "date", "industry", "themes", "summary", "add", "delete", "body", "template"][round < 10 ? round : random.next(10)]
            kinds.append(kind)
            switch kind {
            case "body":
                text += "\n\n追記\(round): 効果の測定を続けています。\n"
                try site.write(story, text)
            case "title":
                try site.write(story, Self.setKey("title", to: "改訂\(round) 業務の見直し", in: text))
            case "date":
                try site.write(story, Self.setKey("date", to: "2025-0\(1 + random.next(9))-1\(random.next(10))", in: text))
            case "industry":
                try site.write(story, Self.setKey("industry", to: industries[random.next(industries.count)], in: text))
            case "themes":
                try site.write(story, Self.setKey("themes", to: themes[random.next(themes.count)], in: text))
            case "summary":
                try site.write(story, Self.setKey("summary", to: "要約を改めました（\(round)）。", in: text))
            case "add":
                added += 1
                let copy = Self.setKey("client", to: "", in: Self.setKey("title", to: "追加した事例\(added)", in: text))
                try site.write("Content/cases/added-\(added).md", copy.replacingOccurrences(of: "\nclient: \n", with: "\n"))
            case "delete":
                // A story another one links to would fail both builds alike; delete what this test added.
                if let victim = stories.last(where: { $0.hasPrefix("added-") }) {
                    try site.remove("Content/cases/" + victim)
                } else {
                    try site.write(story, text + "\n削除の代わりの追記。\n")
                }
            default:
                let card = "Templates/partials/story-card.mustache"
                try site.write(card, try site.read(card) + "<!-- \(round) -->\n")
            }
            let incremental = BuildPipeline(options: Self.options(site, output: "Incremental"), memo: memo).run()
            let clean = BuildPipeline(options: Self.options(site, output: "Clean\(round)")).run()
            #expect(incremental.failed == clean.failed, "round \(round) (\(kind)): \(incremental.diagnostics) vs \(clean.diagnostics)")
            #expect(!clean.failed, "round \(round) (\(kind)) should build: \(clean.diagnostics)")
            let a = try Self.output(site, "Incremental"), b = try Self.output(site, "Clean\(round)")
            let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "round \(round) (\(kind)): \(differing.prefix(10))")
            if kind == "body" {
                // A body edit renders its story's page (none if the story is not published) and reuses every other page.
                #expect(incremental.renderedPages <= 1, "round \(round): \(incremental.renderedPages) pages rendered")
                #expect(incremental.reusedPages > 20)
            }
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent("Clean\(round)"))
        }
        #expect(Set(kinds).count >= 9, "every kind of edit ran: \(kinds)")
    }
}
