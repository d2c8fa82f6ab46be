import Foundation
import Testing
import Yams
@testable import Bansou

/// `bansou new` and `bansou schema` (issue 10, "The authoring loop"), on the real binary and a
/// copy of the sample site.
@Suite struct AuthoringTests {
    // MARK: bansou new

    @Test(arguments: [("case", "cases/new-story.md"), ("client", "clients/new-co.yaml"), ("partner", "partners/new-partner.yaml")])
    func aNewFileBuildsWithoutWarnings(kind: String, path: String) throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let created = try site.run("new", kind, id)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "created Content/\(path)\n")
        #expect(site.exists("Content/\(path)"))
        // The sample alone builds without warnings; the new file adds none, drafts included.
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.warningLines.isEmpty, "\(check.stderr)")
        let drafts = try site.run("build", "--drafts")
        #expect(drafts.status == 0, "\(drafts.stderr)")
        #expect(!drafts.stderr.contains(path), "\(drafts.stderr)")
    }

    @Test func aNewStoryIsADraftUntilTheWriterSaysOtherwise() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.run("new", "case", "new-story")
        let text = try site.read("Content/cases/new-story.md")
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("\ndraft: true\n---\n"))
        let build = try site.run("build")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!site.exists("Output/site/cases/new-story"), "a new story must not be published")
        #expect(try site.run("check").stdout.contains("unpublished: new-story (draft)"))
    }

    @Test func aNewClientNamesItsSchemaAndPassesTheLoaderWithoutUnknownKeys() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.run("schema")
        try site.run("new", "client", "new-co")
        try site.run("new", "partner", "new-partner")
        #expect(try site.read("Content/clients/new-co.yaml").hasPrefix("# yaml-language-server: $schema=../../schemas/client.schema.json\n"))
        #expect(try site.read("Content/partners/new-partner.yaml").hasPrefix("# yaml-language-server: $schema=../../schemas/partner.schema.json\n"))
        // Without a schema folder there is no modeline pointing at nothing.
        try site.run("new", "client", "other-co", "--schemas", "nowhere")
        #expect(try site.read("Content/clients/other-co.yaml").hasPrefix("# 支援先の記録"))
    }

    @Test func newRefusesToOverwrite() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let before = try site.read("Content/cases/fax-to-cloud-ordering.md")
        let story = try site.run("new", "case", "fax-to-cloud-ordering")
        #expect(story.status == 1)
        #expect(story.stderr == "error: Content/cases/fax-to-cloud-ordering.md already exists: bansou new never overwrites a file; edit it, or choose another id\n")
        #expect(try site.read("Content/cases/fax-to-cloud-ordering.md") == before)
        // A client kept as .yml is the same id: a new .yaml beside it would be an error.
        try site.write("Content/clients/old-co.yml", "id: old-co\nname: 旧株式会社\nareas: { ordering: 1 }\n")
        let twin = try site.run("new", "client", "old-co")
        #expect(twin.status == 1)
        #expect(twin.stderr.contains("Content/clients/old-co.yml already exists"), "\(twin.stderr)")
        #expect(!site.exists("Content/clients/old-co.yaml"))
        let partner = try site.run("new", "partner", "mirai-itc")
        #expect(partner.status == 1)
    }

    @Test(arguments: ["Bad_Slug", "-leading-dash", "../escape", "日本語", String(repeating: "a", count: 65)])
    func newRefusesAnInvalidID(id: String) throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let before = try site.snapshot("Content")
        for kind in ["case", "client", "partner"] {
            let run = try site.run("new", kind, "--", id)
            #expect(run.status == 2, "\(kind) \(id): \(run.stderr)")
            #expect(run.stderr.contains("is not a valid id"), "\(run.stderr)")
        }
        #expect(try site.snapshot("Content") == before, "nothing written")
    }

    @Test func newNeedsTheContentFolder() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let run = try site.run("new", "case", "x", "--content", "Missing")
        #expect(run.status == 2)
        #expect(run.stderr.contains("content folder 'Missing' not found"), "\(run.stderr)")
    }

    // MARK: bansou schema

    /// The committed schemas are what `bansou schema` writes now, byte for byte: run
    /// `swift build && .build/debug/bansou schema` after changing the guidance or a schema.
    @Test func theCommittedSchemasAreCurrentAndTheOutputIsDeterministic() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.run("schema", "--output", "first")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote 20 schemas to first/\n")
        try site.run("schema", "--output", "second")
        let a = try site.snapshot("first"), b = try site.snapshot("second")
        #expect(a.count == 21, "20 files and the guidance folder: \(a.keys.sorted())")
        #expect(a == b)
        let committed = try FixtureSite(files: [:])
        defer { try? FileManager.default.removeItem(at: committed.root) }
        let repo = FixtureSite.packageRoot.appendingPathComponent("schemas")
        var inRepo: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: repo.path) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: repo.appendingPathComponent(name).path, isDirectory: &isDirectory)
            inRepo[name] = isDirectory.boolValue ? Data() : try Data(contentsOf: repo.appendingPathComponent(name))
        }
        #expect(inRepo.keys.sorted() == a.keys.sorted())
        for (name, data) in a where inRepo[name] != data {
            Issue.record("schemas/\(name) is stale: run `bansou schema` and commit the result")
        }
    }

    /// The ids come from the site's guidance data: a site's own industry is allowed at once.
    @Test func theSchemasTakeTheirIDsFromTheGuidance() throws {
        let site = try FixtureSite.sample()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let industries = try site.read("Content/guidance/industries.yaml")
        try site.write("Content/guidance/industries.yaml", industries + "  - { id: space, name: 宇宙産業 }\n")
        #expect(try site.run("schema").status == 0)
        let schema = try site.read("schemas/case.schema.json")
        #expect(schema.contains("space（宇宙産業）"))
        #expect(schema.contains("\"space\""))
        let broken = try site.run("schema", "--output", "broken", "--content", "Templates")
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(broken.stderr.contains("no schema was written"), "\(broken.stderr)")
        #expect(!site.exists("broken"))
    }

    /// Every key a schema allows is one the loader reads, with a type it decodes, and every key
    /// the loader asks for is in the schema: an instance with every property of the schema
    /// decodes without a diagnostic and leaves no key the decoder looked for unanswered.
    @Test(arguments: Self.kinds.map(\.path))
    func eachSchemaHasExactlyTheLoadersKeys(path: String) throws {
        let (guidance, errors) = ContentSchemas.loadGuidance(contentDirectory: FixtureSite.packageRoot.appendingPathComponent("Content"), displayPrefix: "Content")
        let g = try #require(guidance, "\(errors)")
        let schema = try #require(ContentSchemas(guidance: g).files.first { $0.path == path }?.schema)
        let instance = Self.fullInstance(of: schema)
        let node = try #require(try Yams.compose(yaml: instance.text))
        let context = NodeDecodingContext(path: path, lineOffset: 0)
        let decode = try #require(Self.kinds.first { $0.path == path }?.decode)
        try decode(NodeDecoder(node: node, context: context, codingPath: []))
        context.reportUnknownKeys()
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)\n\(instance.text)")
        for use in context.mappings {
            let missing = use.requested.subtracting(use.entries.map(\.key))
            #expect(missing.isEmpty, "the loader reads \(missing.sorted()) beside \(use.entries.map(\.key)); the schema lacks them")
        }
    }

    /// yaml-language-server (VS Code's YAML extension) implements draft-07; the schemas are
    /// 2020-12 but use only keywords that mean the same in draft-07, so an editor reads them
    /// as check-jsonschema does.
    @Test func theSchemasUseOnlyKeywordsDraft07ReadTheSameWay() throws {
        let (guidance, _) = ContentSchemas.loadGuidance(contentDirectory: FixtureSite.packageRoot.appendingPathComponent("Content"), displayPrefix: "Content")
        let shared: Set<String> = ["$schema", "title", "description", "type", "required", "properties", "additionalProperties",
                                   "propertyNames", "enum", "pattern", "format", "minimum", "maximum", "items", "uniqueItems",
                                   "minItems", "maxItems", "anyOf"]
        var used = Set<String>()
        func walk(_ schema: JSONValue) {
            guard case .object(let fields) = schema else { return }
            for (key, value) in fields {
                used.insert(key)
                switch key {
                case "properties":
                    if case .object(let properties) = value { properties.forEach { walk($0.1) } }
                case "items", "additionalProperties", "propertyNames": walk(value)
                case "anyOf":
                    if case .array(let shapes) = value { shapes.forEach(walk) }
                default: break
                }
            }
        }
        let g = try #require(guidance)
        ContentSchemas(guidance: g).files.forEach { walk($0.schema) }
        #expect(used.subtracting(shared).isEmpty, "\(used.subtracting(shared).sorted())")
        #expect(used.contains("anyOf") && used.contains("propertyNames"), "the walk reaches nested schemas")
    }

    static let kinds: [(path: String, decode: @Sendable (NodeDecoder) throws -> Void)] = [
        ("site.schema.json", { _ = try SiteConfig(from: $0) }),
        ("case.schema.json", { _ = try CaseFrontMatter(from: $0) }),
        ("page.schema.json", { _ = try PageFrontMatter(from: $0) }),
        ("client.schema.json", { _ = try Client(from: $0) }),
        ("partner.schema.json", { _ = try Partner(from: $0) }),
        ("staff.schema.json", { _ = try StaffMember(from: $0) }),
        ("guidance/stages.schema.json", { _ = try StagesFile(from: $0) }),
        ("guidance/areas.schema.json", { _ = try AreasFile(from: $0) }),
        ("guidance/process.schema.json", { _ = try ProcessFile(from: $0) }),
        ("guidance/indicators.schema.json", { _ = try IndicatorsFile(from: $0) }),
        ("guidance/challenges.schema.json", { _ = try ChallengesFile(from: $0) }),
        ("guidance/institutions.schema.json", { _ = try InstitutionsFile(from: $0) }),
        ("guidance/skills.schema.json", { _ = try SkillsFile(from: $0) }),
        ("guidance/policy-tools.schema.json", { _ = try PolicyToolsFile(from: $0) }),
        ("guidance/industries.schema.json", { _ = try IndustriesFile(from: $0) }),
        ("guidance/regions.schema.json", { _ = try RegionsFile(from: $0) }),
        ("guidance/need-layers.schema.json", { _ = try NeedLayersFile(from: $0) }),
    ]

    /// A value valid for `schema` with every property present (the object form of an `anyOf`,
    /// one entry of a map), written as JSON, which YAML reads as it is.
    static func fullInstance(of schema: JSONValue) -> JSONValue {
        if case .array(let shapes)? = schema["anyOf"] {
            let object = shapes.first { $0["type"] == .string("object") } ?? shapes[0]
            return fullInstance(of: object)
        }
        if case .array(let values)? = schema["enum"], let first = values.first { return first }
        switch schema["type"] {
        case .string("object")?:
            if case .object(let properties)? = schema["properties"] {
                return .object(properties.map { ($0.0, fullInstance(of: $0.1)) })
            }
            let key: String
            if case .string(let first)? = schema["propertyNames"].map({ fullInstance(of: $0) }) { key = first } else { key = "key" }
            return .object([(key, fullInstance(of: schema["additionalProperties"] ?? .object([])))])
        case .string("array")?:
            let item = fullInstance(of: schema["items"] ?? .object([]))
            if case .integer(let count)? = schema["minItems"] { return .array(Array(repeating: item, count: count)) }
            return .array([item])
        case .string("integer")?:
            if case .integer(let minimum)? = schema["minimum"] { return .integer(max(minimum, 1)) }
            return .integer(1)
        case .string("number")?: return .integer(3)
        case .string("boolean")?: return .bool(true)
        default:
            switch schema["pattern"] {
            case .string(Schema.datePattern)?: return .string("2026-01-05")
            case .string(Schema.monthPattern)?: return .string("2026-02")
            case .string(Schema.slugPattern)?: return .string("some-id")
            case .string(let pattern)? where pattern.hasPrefix("^(") || pattern.hasPrefix("^http"): return .string("https://www.example.jp/")
            default: return .string("テキスト")
            }
        }
    }
}
