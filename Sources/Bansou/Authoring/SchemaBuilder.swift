/// Small constructors for JSON Schema (draft 2020-12) nodes, so each content kind's schema
/// reads as a list of its keys. Every node carries a Japanese description: an editor shows it
/// while typing (yaml-language-server, VS Code).
enum Schema {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The same rule as `Slug.isValid`: identifiers become paths.
    static let slugPattern = "^[a-z0-9][a-z0-9-]{0,63}$"
    /// `Day`: `YYYY-MM-DD` (the `date` format also checks that the day exists).
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    /// `YearMonth`: `YYYY-MM`.
    static let monthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"
    /// Text that is not only white space (the validator refuses an empty title, theme or goal).
    static let notBlankPattern = "\\S"

    /// A whole file: `$schema`, a title and the object itself.
    static func document(title: String, description: String, _ body: JSONValue) -> JSONValue {
        guard case .object(let fields) = body else { return body }
        return .object([("$schema", .string(draft)), ("title", .string(title))]
            + [("description", .string(description))] + fields.filter { $0.0 != "description" })
    }

    /// A mapping with exactly these keys (the loader warns about any other: `unknown key`).
    static func object(_ description: String, required: [String] = [], _ properties: [(String, JSONValue)]) -> JSONValue {
        var fields: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("object"))]
        if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
        fields.append(("properties", .object(properties)))
        fields.append(("additionalProperties", .bool(false)))
        return .object(fields)
    }

    /// A mapping from keys of one kind (area ids, tool ids …) to values of one shape.
    static func map(_ description: String, keys: JSONValue, values: JSONValue) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("object")),
                 ("propertyNames", keys), ("additionalProperties", values)])
    }

    static func text(_ description: String, notBlank: Bool = false) -> JSONValue {
        var fields: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("string"))]
        if notBlank { fields.append(("pattern", .string(notBlankPattern))) }
        return .object(fields)
    }

    /// Text that YAML may read as a number when written without quotes (`0120000000`): the
    /// loader reads every scalar as text, so both are accepted.
    static func textOrNumber(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .array([.string("string"), .string("integer")]))])
    }

    static func pattern(_ description: String, _ pattern: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string")), ("pattern", .string(pattern))])
    }

    static func slug(_ description: String) -> JSONValue {
        pattern(description + "（英小文字・数字・ハイフン、64文字まで）", slugPattern)
    }

    static func date(_ description: String) -> JSONValue {
        .object([("description", .string(description + "（YYYY-MM-DD）")), ("type", .string("string")),
                 ("format", .string("date")), ("pattern", .string(datePattern))])
    }

    static func month(_ description: String) -> JSONValue {
        pattern(description + "（YYYY-MM）", monthPattern)
    }

    static func integer(_ description: String, _ range: ClosedRange<Int>? = nil, minimum: Int? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("integer"))]
        if let range {
            fields.append(("minimum", .integer(range.lowerBound)))
            fields.append(("maximum", .integer(range.upperBound)))
        } else if let minimum {
            fields.append(("minimum", .integer(minimum)))
        }
        return .object(fields)
    }

    static func number(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("number"))])
    }

    static func bool(_ description: String) -> JSONValue {
        .object([("description", .string(description + "（true または false、引用符なし）")), ("type", .string("boolean"))])
    }

    /// One of the given ids; the description lists each with its name, so the editor's help
    /// says what `ordering` means.
    static func choice(_ description: String, _ ids: [IDName]) -> JSONValue {
        .object([("description", .string(description + IDName.legend(ids))), ("type", .string("string")),
                 ("enum", .array(ids.map { .string($0.id) }))])
    }

    static func choice(_ description: String, values: [String]) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string")), ("enum", .array(values.map(JSONValue.string)))])
    }

    static func list(_ description: String, of items: JSONValue, unique: Bool = false, count: Int? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("array")), ("items", items)]
        if unique { fields.append(("uniqueItems", .bool(true))) }
        if let count {
            fields.append(("minItems", .integer(count)))
            fields.append(("maxItems", .integer(count)))
        }
        return .object(fields)
    }

    /// Either shape (`ordering: 1` or `ordering: { level: 1, note: … }`).
    static func either(_ description: String, _ shapes: [JSONValue]) -> JSONValue {
        .object([("description", .string(description)), ("anyOf", .array(shapes))])
    }
}

/// An id and the name an editor shows beside it.
struct IDName: Sendable {
    var id: String
    var name: String

    /// "：ordering（受発注）、attendance（勤怠管理）…"
    static func legend(_ ids: [IDName]) -> String {
        ids.isEmpty ? "" : "：" + ids.map { $0.name.isEmpty ? $0.id : "\($0.id)（\($0.name)）" }.joined(separator: "、")
    }
}
