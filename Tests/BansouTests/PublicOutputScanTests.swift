@testable import Bansou
import Foundation
import Testing

/// The publishing gate reads every kind of file the portal publishes, not only its pages: a
/// secret that reaches only the Atom feed, the story index (JSON) or the search index (a
/// script) fails the build, in whatever escaping that file writes it. The files are a real
/// build's; one secret is put into one file, as a renderer bug would put it there.
@Suite(.serialized)
struct PublicOutputScanTests {
    static func site() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/clients/yamada-seiko.yaml": LeakFixture.yamadaYAML,
            "Content/cases/cloud.md": FixtureSite.story(title: "受発注をクラウドへ", extra: "summary: 受注の電子化の要約です。"),
            "Content/pages/about.md": "---\ntitle: 運営者\n---\nテスト銀行が運営しています。\n",
        ])
    }

    /// The gate's inputs as the pipeline has them: the validated library, the templates and
    /// every public file of a clean build of the fixture.
    static func gateInputs(_ site: FixtureSite) throws -> (gate: PublishingGate, files: [OutputFile]) {
        try #require(site.runInProcess("build").status == 0)
        let log = DiagnosticLog()
        // Absolute folders, as FixtureSite.build gives the pipeline: the gate looks into the
        // clients folder by its path, which a relative one would find in the current directory.
        let contentFolder = site.root.appendingPathComponent("Content")
        let content = ContentLoader(contentDirectory: contentFolder, displayPrefix: contentFolder.path).load(log: log)
        let templatesFolder = site.root.appendingPathComponent("Templates")
        let templates = try #require(TemplateSet.load(directory: templatesFolder, displayPrefix: templatesFolder.path, log: log))
        let library = try #require(Validator(options: .init(), log: log).validate(content))
        #expect(!log.hasErrors, "\(log.all)")
        // snapshot() lists folders too (with no bytes): only files are published.
        let files = try site.snapshot("Output/site")
            .compactMap { path, data -> OutputFile? in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/site/" + path).path, isDirectory: &isDirectory)
                return isDirectory.boolValue ? nil : OutputFile(path: "site/" + path, contents: data)
            }
            .sorted { $0.path < $1.path }
        return (PublishingGate(library: library, templates: templates), files)
    }

    /// `file` with `original` replaced by `leaked`; the original must be there.
    static func inject(_ files: [OutputFile], into path: String, replacing original: String, with leaked: String) throws -> [OutputFile] {
        let index = try #require(files.firstIndex { $0.path == path }, "\(path) was not built")
        let text = String(decoding: files[index].contents, as: UTF8.self)
        try #require(text.contains(original), "\(path) does not hold \(original)")
        var out = files
        out[index].contents = Data(text.replacingOccurrences(of: original, with: leaked).utf8)
        return out
    }

    @Test(arguments: [
        // Atom: XML character references, as a feed writer may escape.
        ("site/feed.xml", "<summary>受注の電子化の要約です。</summary>", "<summary>&#x5C71;&#x7530;&#x7CBE;&#x5DE5;の要約です。</summary>"),
        // The story index: JSON \u escapes.
        ("site/cases/index.json", "\"alias\":\"製造業A社\"", "\"alias\":\"\\u5c71\\u7530\\u7cbe\\u5de5\""),
        // The search index: a script whose page titles are JSON strings.
        ("site/search/index.js", "\"t\":\"受発注をクラウドへ\"", "\"t\":\"山田精工のクラウド\""),
    ])
    func aSecretOnlyInOneNonHTMLOutputFailsTheGate(path: String, original: String, leaked: String) throws {
        let site = try Self.site()
        let (gate, files) = try Self.gateInputs(site)
        // The clean build passes the gate.
        let clean = DiagnosticLog()
        _ = gate.check(files, outputPrefix: "Output", log: clean)
        #expect(clean.all.isEmpty, "\(clean.all)")

        let log = DiagnosticLog()
        let report = gate.check(try Self.inject(files, into: path, replacing: original, with: leaked), outputPrefix: "Output", log: log)
        let errors = log.all.filter { $0.severity == .error }.map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
        #expect(errors.count == 1, "\(errors)")
        // No source writes the name, so the error names the client's line and the output file.
        #expect(errors.first?.hasPrefix("Content/clients/yamada-seiko.yaml:2:7: error: 会社名 of ") == true, "\(errors)")
        #expect(errors.first?.contains("would be published in Output/\(path) (not written)") == true, "\(errors)")
        #expect(report.hits == 1)
    }

    /// The pipeline hands the gate every file it publishes: the gate's count of files and
    /// bytes is that of Output/site, feed, sitemap, JSON, scripts and styles included.
    @Test func theGateReadsEveryPublishedFile() throws {
        let site = try Self.site()
        let run = try site.runInProcess("build")
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(run.result?.leakReport)
        let published = try Self.gateInputs(site).files
        #expect(report.files == published.count)
        #expect(report.bytes == published.reduce(0) { $0 + $1.contents.count })
        let kinds = Set(published.map { ($0.path as NSString).pathExtension })
        #expect(kinds.isSuperset(of: ["html", "xml", "json", "js", "css"]), "\(kinds)")
    }
}
