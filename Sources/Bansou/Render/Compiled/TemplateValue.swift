/// A page's context as plain data: what the compiled templates read. swift-mustache looks up
/// every name through dynamic casts on `Any` (is it a parent? a sequence? a lambda?), which was
/// most of the render stage; here each value says what it is once, when the context is built.
indirect enum TemplateValue {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case dict([String: TemplateValue])
    case array([TemplateValue])

    /// The context of a page as `MustacheValue.flatten` gives it; nil when it holds something
    /// the compiled renderer does not mirror exactly (an Optional stored as a value, a Set, a
    /// struct that was not flattened, …): that page is rendered by swift-mustache instead.
    init?(_ any: Any) {
        switch any {
        case let string as String: self = .string(string)
        case let int as Int: self = .int(int)
        case let bool as Bool: self = .bool(bool)
        case let double as Double: self = .double(double)
        case let dictionary as [String: Any]:
            var values: [String: TemplateValue] = [:]
            values.reserveCapacity(dictionary.count)
            for (key, value) in dictionary {
                guard let converted = TemplateValue(value) else { return nil }
                values[key] = converted
            }
            self = .dict(values)
        case let array as [Any]:
            var values: [TemplateValue] = []
            values.reserveCapacity(array.count)
            for value in array {
                guard let converted = TemplateValue(value) else { return nil }
                values.append(converted)
            }
            self = .array(values)
        default:
            return nil
        }
    }

    /// `{{name}}` of a dictionary value; nothing for the other kinds (swift-mustache's Mirror
    /// finds no labelled child in a string, number or list).
    @inline(__always) func child(_ name: String) -> TemplateValue? {
        if case .dict(let values) = self { return values[name] }
        return nil
    }
}
