import Foundation

/// The partials each template includes (`{{>name}}`, `{{<parent}}`), with the position of
/// every tag, checked when the templates load.
///
/// swift-mustache resolves a partial only while rendering: a missing one renders as nothing,
/// and a partial that includes itself, directly or through others, recurses until the stack
/// overflows (SIGSEGV). Its tokens are not public, so the tags are found here in the source.
struct PartialReferences {
    struct Reference {
        let name: String
        /// `{{>*name}}`: the partial's name is looked up in the data when rendering.
        let dynamic: Bool
        let line: Int
        let column: Int
    }

    /// Every partial tag of one template, in order. The template has already parsed, so the
    /// scan only follows what the parser accepts: comments, `{{{…}}}` and set-delimiter tags.
    static func scan(_ text: String) -> [Reference] {
        let chars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var references: [Reference] = []
        var i = 0, line = 1, column = 1

        func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
            index + pattern.count <= chars.count && chars[index..<index + pattern.count].elementsEqual(pattern)
        }
        func index(of pattern: [Unicode.Scalar], from start: Int) -> Int? {
            var k = start
            while k < chars.count { if matches(pattern, at: k) { return k }; k += 1 }
            return nil
        }
        /// Moves `i` to `target`, counting lines and columns on the way.
        func advance(to target: Int) {
            while i < target {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }

        while i < chars.count {
            guard matches(open, at: i) else { advance(to: i + 1); continue }
            let tagLine = line, tagColumn = column
            let start = i + open.count
            guard let end = index(of: close, from: start) else { break }
            let content = String(String.UnicodeScalarView(chars[start..<end]))
            var after = end + close.count
            switch content.first {
            case "{":
                if after < chars.count, chars[after] == "}" { after += 1 }
            case "=":
                // {{=<% %>=}}: the new delimiters apply from the next tag on.
                let inner = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if inner.count == 2 {
                    open = Array(String(inner[0]).unicodeScalars)
                    close = Array(String(inner[1]).unicodeScalars)
                }
            case ">", "<":
                var name = content.dropFirst().trimmingCharacters(in: .whitespaces)
                let dynamic = name.hasPrefix("*")
                if dynamic { name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces) }
                references.append(Reference(name: name, dynamic: dynamic, line: tagLine, column: tagColumn))
            default:
                break
            }
            advance(to: after)
        }
        return references
    }

    /// Errors for partials that do not exist, dynamic partial names, and partials that include
    /// themselves (directly or through others), each at the `{{>` tag. `templates` maps a
    /// template's name (`partials/pager`) to its source text; `path` prints a name as a file.
    static func check(_ templates: [String: String], path: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [(to: String, reference: Reference)]] = [:]
        for name in templates.keys.sorted() {
            for reference in scan(templates[name]!) {
                let at = SourceLocation(path: path(name), line: reference.line, column: reference.column)
                if reference.dynamic {
                    diagnostics.append(.error("a partial named by the data ({{>*\(reference.name)}}) cannot be checked before rendering: name the partial, as in {{>partials/…}}", at: at))
                } else if templates[reference.name] == nil {
                    diagnostics.append(.error("no partial '\(reference.name)': \(path(reference.name)) does not exist", at: at))
                } else {
                    edges[name, default: []].append((reference.name, reference))
                }
            }
        }
        for cycle in cycles(edges) {
            let first = cycle[0], next = cycle[1]
            guard let reference = edges[first]?.first(where: { $0.to == next })?.reference else { continue }
            diagnostics.append(.error("partials include each other in a cycle, which would never finish rendering: \(cycle.joined(separator: " → "))",
                                      at: SourceLocation(path: path(first), line: reference.line, column: reference.column)))
        }
        return diagnostics
    }

    /// At least one cycle through every group of templates that include each other, each as
    /// names from its alphabetically first template back to it (`a → b → a`, `a → a`).
    static func cycles(_ edges: [String: [(to: String, reference: Reference)]]) -> [[String]] {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        var found: [[String]] = []
        var seen = Set<[String]>()

        func visit(_ node: String) {
            marks[node] = .active
            stack.append(node)
            for edge in edges[node] ?? [] {
                switch marks[edge.to] {
                case .active:
                    var cycle = Array(stack[stack.lastIndex(of: edge.to)!...])
                    let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycle = Array(cycle[smallest...] + cycle[..<smallest])
                    if seen.insert(cycle).inserted { found.append(cycle + [cycle[0]]) }
                case .done:
                    break
                case nil:
                    visit(edge.to)
                }
            }
            stack.removeLast()
            marks[node] = .done
        }
        for node in edges.keys.sorted() where marks[node] == nil { visit(node) }
        return found
    }
}
