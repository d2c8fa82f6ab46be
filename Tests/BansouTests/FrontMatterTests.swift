@testable import Bansou
import Testing

struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let source = SourceText(path: "a.md", text: "---\ntitle: x\ndate: 2026-01-01\n---\n# Body\n")
        let fm = try FrontMatter.split(source).get()
        #expect(fm.yaml == "title: x\ndate: 2026-01-01")
        #expect(fm.yamlFirstLine == 2)
        #expect(fm.body == "# Body\n")
        #expect(fm.bodyFirstLine == 5)
    }

    @Test func acceptsBOMAndCRLF() throws {
        let source = SourceText(path: "a.md", text: "\u{FEFF}---\r\ntitle: x\r\n---\r\nbody\r\n")
        let fm = try FrontMatter.split(source).get()
        #expect(fm.yaml == "title: x")
        #expect(fm.body == "body\n")
    }

    @Test(arguments: [
        ("title: x\n---\nbody", "missing front matter"),
        ("---\ntitle: x\nbody without end", "front matter is not closed"),
    ])
    func rejectsMalformedFences(text: String, message: String) {
        guard case .failure(let diagnostic) = FrontMatter.split(SourceText(path: "p.md", text: text)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.hasPrefix(message))
        #expect(diagnostic.location == SourceLocation(path: "p.md", line: 1, column: 1))
    }
}
