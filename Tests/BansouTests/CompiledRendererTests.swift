import Foundation
import Mustache
import Testing
@testable import Bansou

/// The compiled renderer against swift-mustache, the reference it mirrors: the same templates
/// and context must give the same bytes. Unit cases cover each rule (the context stack,
/// sections, partial indentation, parent overrides, transforms, escaping); the end-to-end case
/// builds the sample site with each renderer.
@Suite struct CompiledRendererTests {
    /// Loads templates from inline text, as Templates/ would hold them.
    static func templateSet(_ files: [String: String]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-compiled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let log = DiagnosticLog()
        guard let set = TemplateSet.load(directory: folder, displayPrefix: "Templates", log: log) else {
            throw FixtureError(message: "templates refused: \(log.all)")
        }
        return set
    }

    /// Renders `page` both ways; the compiled one must exist and agree byte for byte.
    static func bothWays(_ files: [String: String], _ context: [String: Any]) throws -> (compiled: String, reference: String) {
        let set = try templateSet(files)
        let compiled = try #require(set.compiled, "the set should compile")
        let value = try #require(TemplateValue(context))
        let reference = try #require(set.library.render(context, withTemplate: "page"))
        return (try #require(compiled.render(value, template: "page")), reference)
    }

    static let context: [String: Any] = [
        "title": "<事例> & \"引用\" 'single' \"\u{301}",
        "root": "../../",
        "count": 3, "zero": 0, "ratio": 0.25, "yes": true, "no": false, "blank": "",
        "items": [
            ["name": "山田", "url": "a/", "tags": ["x", "y"]],
            ["name": "鈴木", "url": "b/"],
            ["name": "佐藤", "url": "c/", "root": "inner/"],
        ] as [Any],
        "none": [Any](),
        "card": ["title": "カード", "industry": ["name": "製造業", "url": "industries/m/"]],
        "text": "line one\nline two\n",
    ]

    @Test(arguments: [
        // names: the stack, dotted and anchored names, `.`, numbers and booleans printed
        "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{ratio}}|{{yes}}|{{missing}}|{{card.industry.name}}|{{card.nope.name}}",
        "{{#items}}[{{name}} {{root}}{{url}} {{.name}} {{.root}} {{title}}]{{/items}}",
        "{{#card}}{{title}} {{root}}{{industry.url}} {{#industry}}{{name}}/{{title}}{{/industry}}{{/card}}",
        "{{#items}}{{#tags}}({{.}}:{{name}}){{/tags}}{{/items}}",
        // sections over booleans, values, empty lists and strings; inverted sections
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}{{#zero}}Z{{.}}{{/zero}}{{#blank}}B{{/blank}}",
        "{{#none}}never{{/none}}{{^none}}empty {{count}}{{/none}}{{^items}}no{{/items}}{{^missing}}M{{/missing}}{{#title}}T{{/title}}",
        // transforms, on lists, strings, numbers and the list position
        "{{#first(items)}}F:{{name}}{{/first(items)}}{{#last(items)}}L:{{name}}{{/last(items)}}{{count(items)}}{{empty(none)}}",
        "{{#reversed(items)}}{{name}}{{/reversed(items)}}{{uppercased(root)}}{{reversed(title)}}{{plusone(count)}}{{odd(count)}}",
        "{{#items}}{{index()}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{#even()}}e{{/even()}}{{/items}}",
        "{{#first(none)}}x{{/first(none)}}{{^first(none)}}no first{{/first(none)}}{{#equalzero(zero)}}0{{/equalzero(zero)}}",
        // whitespace: standalone lines, CRLF
        "a\n  {{#items}}\n  - {{name}}\n  {{/items}}\nb\r\n{{#yes}}\r\nc\r\n{{/yes}}\r\n",
    ])
    func unitCasesAgree(template: String) throws {
        let result = try Self.bothWays(["page": template], Self.context)
        #expect(result.compiled == result.reference)
        #expect(!result.reference.isEmpty)
    }

    @Test func partialsIndentAndParentsOverrideAsTheLibraryDoes() throws {
        let files = [
            "page": "<ul>\n  {{>item-list}}\n</ul>\n{{<layout}}{{$main}}本文 {{title}}\n{{/main}}{{/layout}}\n  {{>text}}\n",
            "item-list": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n  {{>nested}}\n",
            "nested": "n1\nn2 {{count}}\n",
            "text": "{{text}}{{{text}}}end\n",
            "layout": "<main>\n  {{$main}}default{{/main}}\n  {{$aside}}side {{count}}{{/aside}}\n</main>\n",
        ]
        let result = try Self.bothWays(files, Self.context)
        #expect(result.compiled == result.reference)
        #expect(result.reference.contains("本文"))
    }

    @Test func aTemplateWithATransformTheRendererDoesNotMirrorFallsBackWhole() throws {
        let set = try Self.templateSet(["page": "{{#sorted(items)}}{{.}}{{/sorted(items)}}"])
        #expect(set.compiled == nil)
        let log = DiagnosticLog()
        #expect(set.render(["items": ["b", "a"]], template: "page", log: log) == "ab")
    }

    /// swift-mustache prints a dictionary in its own Dictionary's order, which cannot be
    /// reproduced: such a page is rendered by the library (found by the FuzzTemplates target).
    @Test func aPagePrintingADictionaryIsLeftToSwiftMustache() throws {
        let set = try Self.templateSet(["page": "<p>{{card}}</p>{{#items}}{{tags}}{{/items}}"])
        let compiled = try #require(set.compiled)
        #expect(compiled.render(try #require(TemplateValue(Self.context)), template: "page") == nil)
        let log = DiagnosticLog()
        let context: [String: Any] = ["card": ["title": "カード"]]
        #expect(set.render(context, template: "page", log: log) == set.library.render(context, withTemplate: "page"))
        #expect(log.all.isEmpty)
    }

    @Test func theShippedTemplatesCompile() throws {
        let log = DiagnosticLog()
        let set = try #require(TemplateSet.load(directory: FixtureSite.packageRoot.appendingPathComponent("Templates"), displayPrefix: "Templates", log: log))
        // A swift-mustache update that changes its token shapes would silently fall back (slow, not wrong): say so here.
        #expect(set.compiled != nil)
        #expect(set.compiled?.templates.count == set.names.count)
    }

    /// The whole sample site, portal and reports, with each renderer.
    @Test func theSampleSiteIsTheSameUnderBothRenderers() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        var environment = ProcessInfo.processInfo.environment
        let compiled = try FixtureSite.exec(FixtureSite.binary().path, ["build", "--quiet", "--output", "Compiled"], in: site.root, environment: environment)
        environment["BANSOU_TEMPLATE_RENDERER"] = "swift-mustache"
        let reference = try FixtureSite.exec(FixtureSite.binary().path, ["build", "--quiet", "--output", "Reference"], in: site.root, environment: environment)
        #expect(compiled.status == 0 && reference.status == 0, "\(compiled.stderr)\(reference.stderr)")
        let a = try site.snapshot("Compiled"), b = try site.snapshot("Reference")
        #expect(a.count > 100)
        #expect(Set(a.keys) == Set(b.keys))
        let differing = a.keys.filter { !$0.hasPrefix(".bansou") && a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "pages that differ: \(differing)")
    }
}
