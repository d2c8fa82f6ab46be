import Yams

/// Parses YAML text and decodes it into a `Decodable` model with positions:
/// every error and every unknown key is reported at its `path:line:col`.
public enum YAMLDocument {
    /// - Parameters:
    ///   - firstLine: the file line the YAML starts on (2 for front matter).
    /// - Returns: the value, or nil when it could not be decoded; diagnostics in both cases.
    public static func decode<T: Decodable>(_ type: T.Type, yaml: String, path: String, firstLine: Int = 1) -> (T?, [Diagnostic]) {
        let context = NodeDecodingContext(path: path, lineOffset: firstLine - 1)
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                return (nil, [.error("the YAML is empty", at: SourceLocation(path: path, line: firstLine, column: 1))])
            }
            node = composed
        } catch {
            return (nil, [syntaxDiagnostic(error, path: path, lineOffset: firstLine - 1)])
        }
        do {
            let value = try T(from: NodeDecoder(node: node, context: context, codingPath: []))
            context.reportUnknownKeys()
            return (value, context.diagnostics)
        } catch let error as NodeDecodingError {
            context.record(error)
            return (nil, context.diagnostics)
        } catch {
            context.diagnostics.append(.error("\(error)", at: SourceLocation(path: path, line: firstLine, column: 1)))
            return (nil, context.diagnostics)
        }
    }

    /// Turns a libyaml error into `path:line:col: error: YAML syntax: …`.
    static func syntaxDiagnostic(_ error: Error, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
             YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("YAML syntax: \(detail)", at: at(mark))
        case YamlError.reader(let problem, _, _, _):
            return .error("YAML: \(problem)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        default:
            return .error("YAML: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        }
    }
}
