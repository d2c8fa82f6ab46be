import Mustache

/// A template as swift-mustache parsed it, read once into a tree the renderer walks without
/// dynamic lookups. The parse stays the library's (its whitespace and standalone-line rules,
/// its errors); only rendering is ours, and it mirrors the library's rules token by token
/// (see CompiledRenderer). The tokens are internal to swift-mustache, so they are read with
/// Mirror; a shape this code does not know — another library version, a dynamic partial, a
/// content-type pragma — makes `init` fail and the whole template set render through
/// swift-mustache as before (TemplateSet.compiled is nil; a test checks the shipped set compiles).
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, body: CompiledTemplate)
        case invertedSection(Name, body: CompiledTemplate)
        /// `{{>name}}` or `{{<name}}…{{/name}}`; `overrides` are the `{{$block}}`s of the latter.
        case partial(String, indentation: String?, overrides: [String: CompiledTemplate]?)
        /// `{{$name}}default{{/name}}` in a parent template.
        case block(String, default: CompiledTemplate, indentation: String?)
    }

    /// A variable or section name, split once: `a.b` → ["a", "b"], `.` → [] with `isDot`.
    struct Name: Sendable {
        let path: [String]
        let isDot: Bool
        /// `.a.b`: looked up in the innermost context only.
        let isAnchored: Bool
        /// `first(areas)` → ["first"]; applied innermost first, as swift-mustache does.
        let transforms: [String]

        init(_ name: String, transforms: [String]) {
            isDot = name == "."
            isAnchored = !isDot && name.first == "."
            path = isDot ? [] : name.split(separator: ".").map(String.init)
            self.transforms = transforms.reversed()
        }
    }

    let nodes: [Node]

    init(nodes: [Node]) { self.nodes = nodes }

    init?(_ template: MustacheTemplate) {
        guard let tokens = Self.field("tokens", of: template) as? [Any] else { return nil }
        var nodes: [Node] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            // Token for token, adjacent texts too: indentation inside a partial is decided per token.
            guard let node = Self.node(token) else { return nil }
            nodes.append(node)
        }
        self.nodes = nodes
    }

    private static func node(_ token: Any) -> Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).children
        func value(_ label: String) -> Any? { fields.first { $0.label == label }?.value }
        func name() -> Name? {
            guard let name = value("name") as? String, let transforms = value("transforms") as? [String],
                  transforms.allSatisfy(CompiledTemplates.supportedTransforms.contains) else { return nil }
            return Name(name, transforms: transforms)
        }
        func body() -> CompiledTemplate? {
            guard let template = value("template") as? MustacheTemplate else { return nil }
            return CompiledTemplate(template)
        }
        switch kind {
        case "text":
            return (payload.value as? String).map(Node.text)
        case "variable":
            return name().map { .variable($0, escaped: true) }
        case "unescapedVariable":
            return name().map { .variable($0, escaped: false) }
        case "section":
            guard let name = name(), let body = body() else { return nil }
            return .section(name, body: body)
        case "invertedSection":
            guard let name = name(), let body = body() else { return nil }
            return .invertedSection(name, body: body)
        case "partial":
            guard let partialName = value(".0") as? String, let indentation = optional(value("indentation"), as: String.self),
                  let inherits = optional(value("inherits"), as: [String: MustacheTemplate].self) else { return nil }
            var overrides: [String: CompiledTemplate]?
            if let inherits = inherits {
                overrides = [:]
                for (key, template) in inherits {
                    guard let compiled = CompiledTemplate(template) else { return nil }
                    overrides![key] = compiled
                }
            }
            return .partial(partialName, indentation: indentation, overrides: overrides)
        case "blockExpansion":
            guard let blockName = value("name") as? String, let template = value("default") as? MustacheTemplate,
                  let compiled = CompiledTemplate(template), let indentation = optional(value("indentation"), as: String.self) else { return nil }
            return .block(blockName, default: compiled, indentation: indentation)
        default:
            // dynamicNamePartial, contentType, blockDefinition: not mirrored here.
            return nil
        }
    }

    /// A stored property of a library value, by name.
    private static func field(_ label: String, of value: Any) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == label }?.value
    }

    /// An `Optional<T>` read through Mirror: .some(nil) for nil, .some(.some(value)) for a
    /// value, nil when the field is not an Optional<T> at all.
    private static func optional<T>(_ any: Any?, as type: T.Type) -> T?? {
        guard let any else { return nil }
        let mirror = Mirror(reflecting: any)
        guard mirror.displayStyle == .optional else { return nil }
        guard let wrapped = mirror.children.first?.value else { return .some(nil) }
        guard let typed = wrapped as? T else { return nil }
        return .some(typed)
    }
}
