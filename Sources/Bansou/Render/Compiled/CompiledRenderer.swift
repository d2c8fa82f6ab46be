import Foundation

/// Renders compiled templates over a `TemplateValue` context, with swift-mustache 2.1.1's
/// semantics rule for rule (Template+Render.swift, Context.swift, Transform.swift of that
/// version): the context stack and how names climb it, sections over lists, booleans and
/// values, inverted sections, partials with indentation and `{{<parent}}` overrides, the
/// transforms, and HTML escaping of `<>&"'`. CompiledRendererTests renders the shipped
/// templates both ways and compares bytes; a fuzz target does the same on random templates.
struct CompiledTemplates: Sendable {
    /// Names this renderer mirrors; a template using another (`sorted`, `enumerated`) is left
    /// to swift-mustache, whose results for those depend on Swift types it sees at run time.
    static let supportedTransforms: Set<String> = [
        "empty", "capitalized", "lowercased", "uppercased", "reversed",
        "first", "last", "count", "index", "equalzero", "plusone", "minusone", "even", "odd",
    ]

    let templates: [String: CompiledTemplate]

    func render(_ context: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        var state = State(stack: [context], unmirrored: Flag())
        render(template, state: &state, into: &out)
        // A dictionary or list printed as text: swift-mustache prints it in its own Dictionary's
        // order, which this renderer cannot reproduce, so the page is left to the library.
        return state.unmirrored.isSet ? nil : out
    }

    /// Where a sequence is in its iteration (`{{#first()}}` inside a list).
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    struct State {
        var stack: [TemplateValue]
        var position: Position? = nil
        var indentation: String? = nil
        var overrides: [String: CompiledTemplate]? = nil
        /// Shared by every state of one render (partials and blocks copy the state).
        let unmirrored: Flag
    }

    final class Flag {
        var isSet = false
    }

    private func render(_ template: CompiledTemplate, state: inout State, into out: inout String) {
        if let indentation = state.indentation, !indentation.isEmpty {
            // Inside an indented partial: indent what a token adds after a line break of this
            // template's own output (per token, as the library does).
            var local = ""
            for node in template.nodes {
                var piece = ""
                render(node, state: &state, into: &piece)
                if !piece.isEmpty, local.last == "\n" { local += indentation }
                local += piece
            }
            out += local
        } else {
            for node in template.nodes { render(node, state: &state, into: &out) }
        }
    }

    private func render(_ node: CompiledTemplate.Node, state: inout State, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = lookup(name, state) else { return }
            guard let text = Self.text(of: value) else { return state.unmirrored.isSet = true }
            if escaped { HTMLEscape.append(text, to: &out) } else { out += text }
        case .section(let name, let body):
            switch lookup(name, state) {
            case .array(let items)?:
                guard !items.isEmpty else { return }
                var position = Position(first: true, last: false, index: 0)
                for (offset, item) in items.enumerated() {
                    position.last = offset == items.count - 1
                    withPushed(item, position: position, state: &state) { render(body, state: &$0, into: &out) }
                    position.first = false
                    position.index += 1
                }
            case .bool(let flag)?:
                if flag { render(body, state: &state, into: &out) }
            case let value?:
                withPushed(value, position: nil, state: &state) { render(body, state: &$0, into: &out) }
            case nil:
                return
            }
        case .invertedSection(let name, let body):
            switch lookup(name, state) {
            case .array(let items)?:
                if items.isEmpty { withPushed(.array(items), position: nil, state: &state) { render(body, state: &$0, into: &out) } }
            case .bool(let flag)?:
                if !flag { render(body, state: &state, into: &out) }
            case .some:
                return
            case nil:
                render(body, state: &state, into: &out)
            }
        case .partial(let partialName, let indentation, let overrides):
            guard let partial = templates[partialName] else { return }
            var inner = State(stack: state.stack, position: nil, indentation: state.indentation, overrides: state.overrides, unmirrored: state.unmirrored)
            if let indentation { inner.indentation = (state.indentation ?? "") + indentation }
            if let overrides {
                // The outer template's blocks win over the ones a partial passes on.
                inner.overrides = state.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(partial, state: &inner, into: &out)
        case .block(let blockName, let defaultBody, let indentation):
            var inner = State(stack: state.stack, position: nil, indentation: state.indentation, overrides: state.overrides, unmirrored: state.unmirrored)
            if let indentation { inner.indentation = (state.indentation ?? "") + indentation }
            render(state.overrides?[blockName] ?? defaultBody, state: &inner, into: &out)
        }
    }

    /// Pushes a value (and a list position, or none) for the body, then restores the state.
    @inline(__always)
    private func withPushed(_ value: TemplateValue, position: Position?, state: inout State, _ body: (inout State) -> Void) {
        let saved = state.position
        state.stack.append(value)
        state.position = position
        body(&state)
        state.stack.removeLast()
        state.position = saved
    }

    // MARK: names

    private func lookup(_ name: CompiledTemplate.Name, _ state: State) -> TemplateValue? {
        var transforms = name.transforms[...]
        var value: TemplateValue?
        if name.isDot {
            value = state.stack.last
        } else if name.path.isEmpty {
            guard let first = transforms.first else { return state.stack.last }
            // `{{#first()}}`: the list position, which only answers the position transforms.
            guard let position = state.position, let answer = Self.transform(first, position) else { return nil }
            value = answer
            transforms = transforms.dropFirst()
        } else if name.isAnchored {
            value = Self.walk(name.path[...], from: state.stack.last)
        } else {
            for object in state.stack.reversed() {
                if let found = object.child(name.path[0]) {
                    value = Self.walk(name.path.dropFirst(), from: found)
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in transforms {
            guard let next = Self.transform(transform, result) else { return nil }
            result = next
        }
        return result
    }

    private static func walk(_ path: ArraySlice<String>, from start: TemplateValue?) -> TemplateValue? {
        var value = start
        for name in path {
            guard let current = value else { return nil }
            value = current.child(name)
        }
        return value
    }

    private static func transform(_ name: String, _ position: Position) -> TemplateValue? {
        switch name {
        case "first": return .bool(position.first)
        case "last": return .bool(position.last)
        case "index": return .int(position.index)
        case "even": return .bool(position.index & 1 == 0)
        case "odd": return .bool(position.index & 1 == 1)
        default: return nil
        }
    }

    private static func transform(_ name: String, _ value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let string):
            switch name {
            case "empty": return .bool(string.isEmpty)
            case "capitalized": return .string(string.capitalized)
            case "lowercased": return .string(string.lowercased())
            case "uppercased": return .string(string.uppercased())
            case "reversed": return .string(String(string.reversed()))
            default: return nil
            }
        case .array(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .array(items.reversed())
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            default: return nil
            }
        case .dict(let values):
            switch name {
            case "count": return .int(values.count)
            case "empty": return .bool(values.isEmpty)
            default: return nil
            }
        case .int(let int):
            switch name {
            case "equalzero": return .bool(int == 0)
            case "plusone": return .int(int + 1)
            case "minusone": return .int(int - 1)
            case "even": return .bool(int & 1 == 0)
            case "odd": return .bool(int & 1 == 1)
            default: return nil
            }
        case .bool, .double:
            return nil
        }
    }

    /// What `String(describing:)` prints for the value; nil for a dictionary or list.
    private static func text(of value: TemplateValue) -> String? {
        switch value {
        case .string(let string): return string
        case .int(let int): return String(int)
        case .bool(let bool): return bool ? "true" : "false"
        case .double(let double): return String(describing: double)
        case .dict, .array: return nil
        }
    }
}
