import Foundation
import Mustache

/// Templates/: Mustache templates (HTML-escaped by default) and static assets.
public struct TemplateSet: @unchecked Sendable {
    public let library: MustacheLibrary
    /// The same templates compiled for rendering (nil if one uses a feature the compiled
    /// renderer does not mirror: then swift-mustache renders everything, as it parses everything).
    let compiled: CompiledTemplates?
    public let names: Set<String>
    /// Files under Templates/assets/, copied to Output/site/assets/.
    public let assets: [(path: String, contents: Data)]
    /// Template and text-asset sources by display path, for mapping a leak back to its line.
    public let sources: [String: SourceText]
    public let displayPrefix: String

    /// Loads every `*.mustache` under the folder; a syntax error is reported at its line and column.
    public static func load(directory: URL, displayPrefix: String, log: DiagnosticLog) -> TemplateSet? {
        guard let folder = ContainedFolder(root: directory, displayPrefix: displayPrefix) else {
            log.error("templates folder not found", at: SourceLocation(path: displayPrefix))
            return nil
        }
        var templates: [String: MustacheTemplate] = [:]
        var assets: [(String, Data)] = []
        var sources: [String: SourceText] = [:]
        /// Every template's text by name, parsed or not, for the partial check.
        var texts: [String: String] = [:]
        // A link out of Templates/ would copy any file on the machine into the portal.
        let (files, refusals) = folder.walk()
        refusals.forEach { log.add($0.diagnostic) }
        var failed = !refusals.isEmpty
        for relative in files {
            let url = directory.appendingPathComponent(relative)
            let display = "\(displayPrefix)/\(relative)"
            if relative.hasPrefix("assets/") {
                guard let data = try? Data(contentsOf: url) else { continue }
                assets.append((String(relative.dropFirst("assets/".count)), data))
                if let text = String(data: data, encoding: .utf8) { sources[display] = SourceText(path: display, text: text) }
                continue
            }
            guard url.pathExtension == "mustache" else { continue }
            guard let source = try? SourceText.read(url, relativePath: display) else {
                log.error("template is not valid UTF-8", at: SourceLocation(path: display))
                failed = true
                continue
            }
            sources[display] = source
            let name = String(relative.dropLast(".mustache".count))
            texts[name] = source.text
            do {
                templates[name] = try MustacheTemplate(string: source.text)
            } catch let error as MustacheTemplate.ParserError {
                log.error("template syntax: \(error.error)", at: SourceLocation(path: display, line: error.context.lineNumber, column: error.context.columnNumber))
                failed = true
            } catch {
                log.error("template: \(error)", at: SourceLocation(path: display))
                failed = true
            }
        }
        // A missing partial would render as nothing, and a cycle would crash the render.
        let partialProblems = PartialReferences.check(texts) { "\(displayPrefix)/\($0).mustache" }
        log.add(contentsOf: partialProblems)
        if failed || !partialProblems.isEmpty { return nil }
        assets.sort { $0.0 < $1.0 }
        return TemplateSet(library: MustacheLibrary(templates: templates), compiled: compile(templates), names: Set(templates.keys),
                           assets: assets, sources: sources, displayPrefix: displayPrefix)
    }

    /// Every template compiled, or nil if one cannot be (see CompiledTemplate).
    static func compile(_ templates: [String: MustacheTemplate]) -> CompiledTemplates? {
        // The reference renderer on request, to compare outputs (CompiledRendererTests, docs/design.md).
        if ProcessInfo.processInfo.environment["BANSOU_TEMPLATE_RENDERER"] == "swift-mustache" { return nil }
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in templates {
            guard let one = CompiledTemplate(template) else { return nil }
            compiled[name] = one
        }
        return CompiledTemplates(templates: compiled)
    }

    /// Renders one template. swift-mustache returns nil only for a template that is not
    /// there; that is an error, never an empty page (partials were checked when loading).
    func render(_ context: Any, template: String, log: DiagnosticLog) -> String {
        if let compiled, let value = TemplateValue(context), let text = compiled.render(value, template: template) { return text }
        if let text = library.render(context, withTemplate: template) { return text }
        let path = "\(displayPrefix)/\(template).mustache"
        log.error("cannot render with template '\(template)': \(path) does not exist", at: SourceLocation(path: path))
        return ""
    }

    /// Reports templates the portal needs but the folder lacks.
    func checkPresent(_ required: Set<String>, displayPrefix: String, log: DiagnosticLog) -> Bool {
        let missing = required.subtracting(names).sorted()
        for name in missing {
            log.error("missing template '\(name).mustache'", at: SourceLocation(path: "\(displayPrefix)/\(name).mustache"))
        }
        return missing.isEmpty
    }
}
