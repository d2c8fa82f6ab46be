import Foundation
import Testing

/// What poppler (poppler-utils) reads in one PDF: its pages and their sizes, its fonts as
/// `pdffonts` lists them, and its text. Reading fails the test when a tool fails.
struct PDFFacts {
    struct Font {
        let type: String
        let embedded: Bool
    }

    let path: String
    let pages: Int
    /// One line per page, as `Page    1 size: 594.96 x 841.92 pts (A4)`.
    let pageSizes: [String]
    let fonts: [Font]
    /// `pdftotext` in reading order (not `-layout`, which interleaves the lines of side-by-side columns).
    let text: String

    /// The text without white space: pdftotext breaks lines and spaces columns at will.
    var compactText: String { text.filter { !$0.isWhitespace } }

    /// Every page A4 portrait: 595.x by 841.x points (Chromium writes 594.96 x 841.92).
    var everyPageIsA4: Bool {
        pageSizes.count == pages && pageSizes.allSatisfy { line in
            line.hasSuffix("(A4)") && (line.contains(" 594.") || line.contains(" 595.")) && line.contains(" 841.")
        }
    }

    init(_ path: String) throws {
        self.path = path
        let info = try FixtureSite.exec("pdfinfo", [path])
        try #require(info.status == 0, "pdfinfo (poppler-utils) cannot read \(path): \(info.stderr)")
        let pagesLine = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        pages = try #require(Int(pagesLine.split(separator: " ").last ?? ""))
        let perPage = try FixtureSite.exec("pdfinfo", ["-f", "1", "-l", "\(pages)", path])
        pageSizes = perPage.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Page") && $0.contains(" size:") }
        let fontList = try FixtureSite.exec("pdffonts", [path])
        try #require(fontList.status == 0, "pdffonts cannot read \(path): \(fontList.stderr)")
        fonts = Self.parseFonts(fontList.stdout)
        let text = try FixtureSite.exec("pdftotext", [path, "-"])
        try #require(text.status == 0, "pdftotext cannot read \(path): \(text.stderr)")
        self.text = text.stdout
    }

    /// The text of one page.
    func text(ofPage page: Int) throws -> String {
        try FixtureSite.exec("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"]).stdout
    }

    /// pdffonts prints a table whose columns are marked by the dashes under its head
    /// (`name type encoding emb sub uni object ID`); a type may contain spaces (`Type 3`).
    static func parseFonts(_ table: String) -> [Font] {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("---") }) else { return [] }
        var columns: [Range<Int>] = []
        var start: Int?
        for (offset, character) in lines[rule].enumerated() {
            if character == "-", start == nil { start = offset }
            if character != "-", let begun = start { columns.append(begun..<offset); start = nil }
        }
        if let begun = start { columns.append(begun..<lines[rule].count) }
        guard columns.count >= 4 else { return [] }
        func field(_ line: [Character], _ range: Range<Int>) -> String {
            String(line[min(range.lowerBound, line.count)..<min(range.upperBound, line.count)]).trimmingCharacters(in: .whitespaces)
        }
        return lines[(rule + 1)...].filter { !$0.isEmpty }.map { line in
            let characters = Array(line)
            return Font(type: field(characters, columns[1]), embedded: field(characters, columns[3]) == "yes")
        }
    }
}

extension FixtureSite {
    /// The client ids of this site's Content/clients/*.yaml.
    func clientsOnDisk() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content/clients").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The PDFs a `build --pdf` prints: one per client, and the institution's own report when
    /// the site describes the institution (Content/institution.yaml).
    func pdfCount() throws -> Int {
        try clientsOnDisk().count + (exists("Content/institution.yaml") ? 1 : 0)
    }

    /// A client's report.json, the build's own account of what its report says.
    func reportJSON(_ id: String, output: String = "Output") throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("\(output)/reports/\(id)/report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
