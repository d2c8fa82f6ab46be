import Foundation
import FuzzSupport
@testable import Bansou

/// Target (d): Templates/ through TemplateSet.load (Mustache parsing, partial references and
/// cycles, error positions), then TemplateSet.render of the first template with a small context.
///
/// The input is several templates: the text up to the first line `@@ <name>` is `page`, each
/// `@@ <name>` line starts the next one, e.g. `@@ partials/card`. Names are cut down to
/// `[a-z0-9-]` path parts so nothing is written outside the target's scratch folder, which
/// TemplateSet.load then reads like a real Templates/ folder (one per process, in /dev/shm).
///
/// Invariants: no crash (a template that includes itself, directly or through another, must be
/// reported, not overflow the stack); a refused set names a template file at a position inside
/// it; a set that loads renders without an error; a value the context holds as HTML is escaped
/// unless a template asks for it raw ({{{…}}}, {{&…}}, a changed delimiter or a content-type pragma);
/// and the compiled renderer gives exactly the bytes of swift-mustache's (CompiledRenderer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    TemplatesCheck.run(text)
    return 0
}

enum TemplatesCheck {
    static let folder: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        // Fork mode starts a process per job: each removes its folder when it exits normally.
        atexit { try? FileManager.default.removeItem(at: TemplatesCheck.folder) }
        return URL(fileURLWithPath: base).appendingPathComponent("bansou-fuzz-templates-\(getpid())")
    }()
    static let marker = "<x-fuzz-raw>"
    static let context: [String: Any] = [
        "title": "\(marker)題 & \"引用\"",
        "items": [["name": "山田", "url": "https://example.jp/?a=1&b=2"], ["name": "\(marker)", "url": "javascript:alert(1)"]],
        "flag": true, "off": false, "empty": [String](), "count": 3,
        "nested": ["deep": ["value": "\(marker)"]],
    ]

    static func run(_ text: String) {
        let parts = split(text)
        try? FileManager.default.removeItem(at: folder)
        do {
            for (name, body) in parts {
                let url = folder.appendingPathComponent(name + ".mustache")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(body.utf8).write(to: url)
            }
        } catch {
            fatalError("fuzz scratch folder \(folder.path): \(error)")
        }
        let log = DiagnosticLog()
        guard let templates = TemplateSet.load(directory: folder, displayPrefix: "Templates", log: log) else {
            let errors = log.all.filter { $0.severity == .error }
            invariant(!errors.isEmpty, "template set refused without an error")
            for error in errors {
                let name = String(error.location.path.dropFirst("Templates/".count).dropLast(".mustache".count))
                let body = parts.first { $0.name == name }?.body
                invariant(body != nil, "error names no template: \(error.location.path)")
                // Positions are in the text as TemplateSet reads it (SourceText: CR and CRLF are LF).
                // swift-mustache counts VT and FF as line breaks for the line but not the column:
                // a position after one is off for an editor (reported), but still inside the file.
                let shape = TextShape(SourceText(path: "", text: body ?? "").text, verticalSpace: true)
                invariant(error.location.line >= 1 && error.location.line <= shape.lines + 1
                          && error.location.column >= 1 && error.location.column <= shape.longestLine + 2,
                          "error position \(error.location) outside its template")
            }
            return
        }
        let html = templates.render(context, template: "page", log: log)
        invariant(!log.all.hasErrors, "a loaded set failed to render: \(log.all)")
        // The compiled renderer (used whenever the set compiles) gives swift-mustache's bytes.
        // (nil: a page it leaves to swift-mustache, such as one printing a whole dictionary.)
        if let compiled = templates.compiled, let value = TemplateValue(context), let mine = compiled.render(value, template: "page") {
            let reference = templates.library.render(context, withTemplate: "page")
            invariant(mine == reference, "compiled render differs from swift-mustache: \(String(reflecting: mine)) vs \(String(reflecting: reference))")
        }
        if !parts.contains(where: { asksForRaw($0.body) || $0.body.contains("x-fuzz-raw") }) {
            invariant(!html.contains(marker), "a context value reached the output unescaped")
        }
    }

    /// `@@ name` lines split the input into named templates; the first is `page`.
    static func split(_ text: String) -> [(name: String, body: String)] {
        var parts: [(name: String, body: String)] = [("page", "")]
        var lines: [Substring] = []
        func flush() { parts[parts.count - 1].body = lines.joined(separator: "\n"); lines = [] }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@ "), parts.count < 8 {
                flush()
                let name = safeName(line.dropFirst(3))
                if !parts.contains(where: { $0.name == name }) { parts.append((name, "")) } else { parts.append((name + "-\(parts.count)", "")) }
            } else {
                lines.append(line)
            }
        }
        flush()
        return parts
    }

    static func safeName(_ raw: Substring) -> String {
        let components = raw.split(separator: "/").prefix(3).map { part in
            String(part.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }.prefix(24))
        }.filter { !$0.isEmpty }
        return components.isEmpty ? "t" : components.joined(separator: "/")
    }

    /// `{{{`, `{{&`, `{{=` (new delimiters) or `{{%` (pragma), white space allowed after `{{`.
    static func asksForRaw(_ body: String) -> Bool {
        let scalars = Array(body.unicodeScalars)
        var i = 0
        while i + 1 < scalars.count {
            if scalars[i] == "{" && scalars[i + 1] == "{" {
                var j = i + 2
                while j < scalars.count && (scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\n") { j += 1 }
                if j < scalars.count && "{&=%".unicodeScalars.contains(scalars[j]) { return true }
            }
            i += 1
        }
        return false
    }
}

@main
enum FuzzTemplatesMain {
    static func main() { FuzzDriver.run(fuzzTemplates) }
}
