@testable import Bansou
import Testing

struct YAMLDiagnosticsTests {
    struct Sample: Decodable {
        var title: Located<String>
        var count: Int?
        var date: Day?
        var tags: [String]?
    }

    @Test func decodesWithPositions() throws {
        let (value, diagnostics) = YAMLDocument.decode(Sample.self, yaml: "title: こんにちは\ncount: 3\n", path: "s.yaml")
        #expect(diagnostics.isEmpty)
        #expect(value?.title.value == "こんにちは")
        #expect(value?.title.location == SourceLocation(path: "s.yaml", line: 1, column: 8))
        #expect(value?.count == 3)
    }

    @Test func reportsSeveralMistakesInOneFileAtTheirPositions() {
        let yaml = "title: x\ncount: many\ndate: 2026-13-01\ncolour: red\n"
        let (value, diagnostics) = YAMLDocument.decode(Sample.self, yaml: yaml, path: "s.yaml", firstLine: 2)
        #expect(value != nil)
        #expect(diagnostics.map(\.description).sorted() == [
            "s.yaml:3:8: error: expected a whole number for 'count', found 'many'",
            "s.yaml:4:7: error: '2026-13-01' is not a date: write YYYY-MM-DD",
            "s.yaml:5:1: warning: unknown key 'colour' is ignored",
        ])
    }

    @Test func missingRequiredKeyPointsAtTheMapping() {
        let (value, diagnostics) = YAMLDocument.decode(Sample.self, yaml: "count: 1\n", path: "s.yaml")
        // Decoding goes on past the missing key (so later mistakes are reported too), with a placeholder.
        #expect(value?.title.isPlaceholder == true)
        #expect(diagnostics.map(\.description) == ["s.yaml:1:1: error: missing required key 'title'"])
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let (_, diagnostics) = YAMLDocument.decode(Sample.self, yaml: "title: x\ntags: [a, b\n", path: "s.yaml", firstLine: 2)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message.hasPrefix("YAML syntax:"))
        // The document starts at line 2 of its file; the unclosed list is seen where the text ends.
        #expect(diagnostics[0].location.line == 4 && diagnostics[0].location.column == 1, "\(diagnostics[0].location)")
    }

    @Test func duplicateKeyIsAnError() {
        let (_, diagnostics) = YAMLDocument.decode(Sample.self, yaml: "title: a\ntitle: b\n", path: "s.yaml")
        #expect(diagnostics.map(\.description) == ["s.yaml:2:1: error: duplicate key 'title'"])
    }

    @Test(arguments: ["2026-02-29", "2026-1-01", "26-01-01", "2026/01/01", "2026-04-31"])
    func rejectsInvalidDates(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(Day("2028-02-29")?.description == "2028-02-29")
    }

    @Test(arguments: [("ok-id", true), ("a", true), ("Bad", false), ("-x", false), ("../etc", false), ("日本", false), (String(repeating: "a", count: 65), false)])
    func slugRule(id: String, valid: Bool) {
        #expect(Slug.isValid(id) == valid)
    }
}
