import Bansou
import FuzzSupport

/// Target (a): a story's front matter and the YAML data files, decoded into the model with
/// positions, as ContentLoader does after reading a file (the file system is left out).
///
/// An input starting with `---` is a story or page (.md): FrontMatter.split, then the YAML
/// decoded as CaseFrontMatter and PageFrontMatter. Any other input is a YAML data file,
/// decoded as a client and site.yaml, plus one more record type picked by input length
/// (decoding every type would cost a dozen YAML parses per input).
///
/// Invariants: no crash; the split reproduces the file; every position in a diagnostic or a
/// `Located` value names the file, with line and column inside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let raw = FuzzInput.text(data, size) else { return 0 }
    LoaderCheck.run(raw)
    return 0
}

enum LoaderCheck {
    static let path = "Content/fuzz"

    static func run(_ raw: String) {
        let source = SourceText(path: path, text: raw)
        let shape = TextShape(source.text)
        if source.text.hasPrefix("---") {
            markdown(source, shape)
        } else {
            decode(Client.self, source, shape)
            decode(SiteConfig.self, source, shape)
            records[source.text.utf8.count % records.count](source, shape)
        }
    }

    static let records: [(SourceText, TextShape) -> Void] = [
        { decode(StaffMember.self, $0, $1) }, { decode(Partner.self, $0, $1) },
        { decode(StagesFile.self, $0, $1) }, { decode(AreasFile.self, $0, $1) },
        { decode(ProcessFile.self, $0, $1) }, { decode(IndicatorsFile.self, $0, $1) },
        { decode(ChallengesFile.self, $0, $1) }, { decode(InstitutionsFile.self, $0, $1) },
        { decode(SkillsFile.self, $0, $1) }, { decode(PolicyToolsFile.self, $0, $1) },
        { decode(IndustriesFile.self, $0, $1) }, { decode(RegionsFile.self, $0, $1) },
        { decode(NeedLayersFile.self, $0, $1) }, { decode(PracticesFile.self, $0, $1) },
        { decode(InstitutionRecord.self, $0, $1) }, { decode(Referral.self, $0, $1) },
    ]

    static func markdown(_ source: SourceText, _ shape: TextShape) {
        switch FrontMatter.split(source) {
        case .failure(let diagnostic):
            checkLocation(diagnostic.location, shape, firstLine: 1, what: "split diagnostic")
        case .success(let fm):
            let text = source.text
            let firstLineEnd = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
            let opening = String(text[..<firstLineEnd])
            invariant(text.hasPrefix(opening + "\n" + fm.yaml), "front matter YAML is not the text after the opening fence")
            invariant(text.hasSuffix(fm.body), "body is not the end of the file")
            if !fm.body.isEmpty {
                let before = text.utf8.count - fm.body.utf8.count
                let newlines = text.utf8.prefix(before).filter { $0 == 0x0A }.count
                invariant(fm.bodyFirstLine == newlines + 1, "bodyFirstLine \(fm.bodyFirstLine), but the body starts on line \(newlines + 1)")
            }
            decode(CaseFrontMatter.self, SourceText(path: path, text: fm.yaml), shape, firstLine: fm.yamlFirstLine)
            decode(PageFrontMatter.self, SourceText(path: path, text: fm.yaml), shape, firstLine: fm.yamlFirstLine)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ source: SourceText, _ shape: TextShape, firstLine: Int = 1) {
        let (value, diagnostics) = YAMLDocument.decode(type, yaml: source.text, path: path, firstLine: firstLine)
        for diagnostic in diagnostics {
            checkLocation(diagnostic.location, shape, firstLine: firstLine, what: "diagnostic '\(diagnostic.message)'")
        }
        if let value {
            forEachLocation(in: value) { location in
                // A placeholder (line 0) stands in for a field whose error was reported (Placeholder.swift).
                if location.line == 0 && location.path.isEmpty {
                    invariant(diagnostics.hasErrors, "placeholder in a \(T.self) decoded without an error")
                } else {
                    checkLocation(location, shape, firstLine: firstLine, what: "Located value of \(T.self)")
                }
            }
        }
    }

    /// Path as given; line within the file (one past the end allowed: libyaml's end-of-input mark);
    /// column from 1 to one past the longest line.
    static func checkLocation(_ location: SourceLocation, _ shape: TextShape, firstLine: Int, what: String) {
        invariant(location.path == path, "\(what): path \(location.path)")
        invariant(location.line >= firstLine && location.line <= shape.lines + 1,
                  "\(what): line \(location.line) outside \(firstLine)...\(shape.lines + 1)")
        invariant(location.column >= 1 && location.column <= shape.longestLine + 2,
                  "\(what): column \(location.column) outside 1...\(shape.longestLine + 2)")
    }

    /// Every SourceLocation inside a decoded value (Located fields, nested records, lists).
    static func forEachLocation(in value: Any, _ body: (SourceLocation) -> Void) {
        if let location = value as? SourceLocation { body(location); return }
        // Leaves: reflecting a String would walk its storage.
        if value is String || value is Int || value is Double || value is Bool { return }
        let mirror = Mirror(reflecting: value)
        for child in mirror.children { forEachLocation(in: child.value, body) }
    }
}

@main
enum FuzzLoaderMain {
    static func main() { FuzzDriver.run(fuzzLoader) }
}
