@testable import Bansou
import Foundation
import Testing

/// Template mistakes are errors at the `{{>` tag (issue 9): a missing partial used to render
/// as nothing with exit 0, and partials that include each other crashed the build (SIGSEGV).
@Suite(.serialized)
struct TemplateErrorTests {
    /// A site with one story (so the story card is rendered) and templates replaced by `templates`.
    func site(templates: [String: String]) throws -> FixtureSite {
        var files = templates
        files["Content/clients/.gitkeep"] = ""
        files["Content/cases/a.md"] = FixtureSite.story()
        return try FixtureSite(files: files)
    }

    // MARK: The scan

    @Test func findsEveryPartialTagWithItsPosition() {
        let text = "<p>{{title}}</p>\n  {{> partials/a }}{{! {{>not-a-partial}} }}\n{{{raw}}}{{<layout}}{{$body}}{{>partials/b}}{{/body}}{{/layout}}\n"
        let found = PartialReferences.scan(text).map { "\($0.name)@\($0.line):\($0.column)" }
        #expect(found == ["partials/a@2:3", "layout@3:10", "partials/b@3:30"])
    }

    @Test func followsChangedDelimiters() {
        let text = "{{=<% %>=}}\n<%> partials/x %> {{>not-a-tag}}\n<%={{ }}=%>{{>partials/y}}"
        let found = PartialReferences.scan(text).map { "\($0.name)@\($0.line):\($0.column)" }
        #expect(found == ["partials/x@2:1", "partials/y@3:12"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let found = PartialReferences.scan("見出し{{>partials/a}}").map { "\($0.line):\($0.column)" }
        #expect(found == ["1:4"])
    }

    @Test func findsEachCycleOnceFromItsFirstTemplate() {
        let templates = ["b": "{{>c}}", "c": "{{>b}}", "a": "x{{>a}}", "d": "{{>b}}"]
        let problems = PartialReferences.check(templates) { "T/\($0).mustache" }.map(\.description)
        #expect(problems == [
            "T/a.mustache:1:2: error: partials include each other in a cycle, which would never finish rendering: a → a",
            "T/b.mustache:1:1: error: partials include each other in a cycle, which would never finish rendering: b → c → b",
        ])
    }

    // MARK: Whole builds (in process)

    @Test func mutuallyRecursivePartialsAreAnErrorNotACrash() throws {
        let site = try site(templates: [
            "Templates/partials/story-card.mustache": "<article>{{>partials/loop-a}}</article>\n",
            "Templates/partials/loop-a.mustache": "<div>\n  {{>partials/loop-b}}\n</div>\n",
            "Templates/partials/loop-b.mustache": "{{title}}{{>partials/loop-a}}\n",
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Templates/partials/loop-a.mustache:2:3: error: partials include each other in a cycle, which would never finish rendering: partials/loop-a → partials/loop-b → partials/loop-a"], "\(run.stderr)")
    }

    @Test func aPartialIncludingItselfIsAnError() throws {
        let site = try site(templates: ["Templates/partials/story-card.mustache": "<article>{{title}}{{>partials/story-card}}</article>\n"])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Templates/partials/story-card.mustache:1:19: error: partials include each other in a cycle, which would never finish rendering: partials/story-card → partials/story-card"], "\(run.stderr)")
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() throws {
        let report = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Templates/report/report.mustache"), encoding: .utf8)
        let site = try site(templates: [
            "Templates/partials/story-card.mustache": "<article>\n  {{> partials/nope }}\n</article>\n",
            "Templates/report/report.mustache": report.replacingOccurrences(of: "{{>report/report-style}}", with: "{{>report/style-gone}}"),
        ])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == [
            "Templates/partials/story-card.mustache:2:3: error: no partial 'partials/nope': Templates/partials/nope.mustache does not exist",
            "Templates/report/report.mustache:9:1: error: no partial 'report/style-gone': Templates/report/style-gone.mustache does not exist",
        ], "\(run.stderr)")
        #expect(!site.exists("Output/site"))
    }

    @Test func aPartialNamedByTheDataIsAnError() throws {
        let site = try site(templates: ["Templates/partials/story-card.mustache": "<article>{{>*kind}}</article>\n"])
        let run = try site.runInProcess("build")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.errorLines == ["Templates/partials/story-card.mustache:1:10: error: a partial named by the data ({{>*kind}}) cannot be checked before rendering: name the partial, as in {{>partials/…}}"], "\(run.stderr)")
    }

    @Test func aTemplateThatCannotRenderIsAnErrorNotAnEmptyPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<h1>{{title}}</h1>".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        let log = DiagnosticLog()
        let templates = try #require(TemplateSet.load(directory: folder, displayPrefix: "Vorlagen", log: log))
        #expect(templates.render(["title": "見出し"], template: "page", log: log) == "<h1>見出し</h1>")
        #expect(templates.render([String: Any](), template: "home", log: log) == "")
        #expect(log.all.map(\.description) == ["Vorlagen/home.mustache:1:1: error: cannot render with template 'home': Vorlagen/home.mustache does not exist"])
    }
}
