import Yams

/// Parses YAML text and decodes it into a `Decodable` model with positions:
/// every error and every unknown key is reported at its `path:line:col`.
public enum YAMLDocument {
    /// - Parameters:
    ///   - firstLine: the file line the YAML starts on (2 for front matter).
    ///   - maxScalarChars: the longest value allowed (`limits.guidance_text_chars`), or nil.
    /// - Returns: the value, or nil when it could not be decoded; diagnostics in both cases.
    public static func decode<T: Decodable>(_ type: T.Type, yaml: String, path: String, firstLine: Int = 1,
                                            maxScalarChars: Int? = nil) -> (T?, [Diagnostic]) {
        let context = NodeDecodingContext(path: path, lineOffset: firstLine - 1)
        if let tooDeep = nestingLimitExceeded(yaml) {
            return (nil, [.error("YAML nested more than \(maxNesting) levels deep", at: SourceLocation(path: path, line: tooDeep.line + firstLine - 1, column: tooDeep.column))])
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                return (nil, [.error("the YAML is empty", at: SourceLocation(path: path, line: firstLine, column: 1))])
            }
            node = composed
            if let maxScalarChars, let long = longScalar(in: composed, maxChars: maxScalarChars) {
                return (nil, [.error("this value is \(long.chars) characters; the limit is \(maxScalarChars) "
                                     + "(shorten it, or raise limits.guidance_text_chars in site.yaml)", at: context.location(of: long.node))])
            }
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

    /// Content never nests deeply; a hostile file nested thousands of levels would overflow
    /// the stack of Yams' recursive composer, so such a file is refused before parsing.
    static let maxNesting = 100

    /// The position where flow brackets or block indentation go deeper than `maxNesting`.
    static func nestingLimitExceeded(_ yaml: String) -> (line: Int, column: Int)? {
        var depth = 0, line = 1, column = 0, indent = 0
        var quote: Unicode.Scalar? = nil
        var atLineStart = true
        for scalar in yaml.unicodeScalars {
            column += 1
            if scalar == "\n" { line += 1; column = 0; atLineStart = true; indent = 0; continue }
            if atLineStart {
                if scalar == " " {
                    indent += 1
                    if indent > maxNesting * 4 { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            switch scalar {
            case "\"", "'": quote = scalar
            case "[", "{":
                depth += 1
                if depth > maxNesting { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
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
