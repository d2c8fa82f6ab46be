import Yams

/// Shared state of one document's decoding: the diagnostics it produced and the
/// keys each mapping was asked for, so keys nobody asked for become warnings.
final class NodeDecodingContext {
    let path: String
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    /// Every mapping decoded as a keyed container, with the keys that were requested.
    var mappings: [MappingUse] = []

    final class MappingUse {
        let entries: [(key: String, location: SourceLocation)]
        var requested: Set<String> = []
        init(entries: [(key: String, location: SourceLocation)]) { self.entries = entries }
    }

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: 1 + lineOffset, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func record(_ error: NodeDecodingError) {
        diagnostics.append(.error(error.message, at: error.location ?? SourceLocation(path: path)))
    }

    func reportUnknownKeys() {
        for use in mappings {
            for entry in use.entries where !use.requested.contains(entry.key) {
                diagnostics.append(.warning("unknown key '\(entry.key)' is ignored", at: entry.location))
            }
        }
    }
}

/// A `Decoder` over a Yams node tree that knows where every value came from.
/// Optional values that fail to decode are recorded and treated as absent, so one
/// file can report several mistakes in a single run.
struct NodeDecoder: Decoder {
    let node: Node
    let context: NodeDecodingContext
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var location: SourceLocation { context.location(of: node) }

    func fail(_ message: String) -> NodeDecodingError {
        NodeDecodingError(message: message, location: location)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw fail("expected a mapping (key: value) \(describeField), found \(node.kindDescription)")
        }
        var values: [String: (key: Node, value: Node)] = [:]
        var entries: [(key: String, location: SourceLocation)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw NodeDecodingError(message: "mapping keys must be plain text", location: context.location(of: keyNode))
            }
            if values[key] != nil {
                context.diagnostics.append(.error("duplicate key '\(key)'", at: context.location(of: keyNode)))
                continue
            }
            values[key] = (keyNode, valueNode)
            entries.append((key, context.location(of: keyNode)))
        }
        let use = NodeDecodingContext.MappingUse(entries: entries)
        context.mappings.append(use)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, values: values, use: use))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw fail("expected a list \(describeField), found \(node.kindDescription)")
        }
        return UnkeyedNodeContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        SingleValueNodeContainer(decoder: self)
    }

    func child(_ node: Node, key: CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, context: context, codingPath: codingPath + [key])
    }

    var describeField: String {
        guard let last = codingPath.last else { return "at the top level" }
        if let index = last.intValue { return "for item \(index + 1)" }
        return "for '\(last.stringValue)'"
    }

    // MARK: Scalars

    var scalarText: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.style != .plain { return false }
        switch scalar.string {   // a switch, not an array literal built on every value
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func decodeString() throws -> String {
        guard let text = scalarText, !isNull else {
            throw fail("expected text \(describeField), found \(node.kindDescription)")
        }
        return text
    }

    func decodeInt() throws -> Int {
        // Foundation's replacingOccurrences only when there is a `_` (it was a tenth of the load stage).
        guard let text = scalarText, let value = Int(text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text) else {
            throw fail("expected a whole number \(describeField), found \(quoted)")
        }
        return value
    }

    func decodeDouble() throws -> Double {
        guard let text = scalarText, let value = Double(text), value.isFinite else {
            throw fail("expected a number \(describeField), found \(quoted)")
        }
        return value
    }

    /// YAML 1.2's booleans only, written plain. A quoted `"yes"` is text, and YAML 1.1's
    /// yes/no/on/off read differently from one tool to the next: a switch such as
    /// `unsafe_html` must never be turned on by a value that merely looks like one.
    func decodeBool() throws -> Bool {
        guard case .scalar(let scalar) = node else {
            throw fail("expected true or false \(describeField), found \(node.kindDescription)")
        }
        let text = scalar.string
        let word = Self.booleanWords[text]
        if scalar.style == .plain, let word { return word }
        if word != nil {
            throw fail("expected true or false \(describeField), found the quoted text \(quoted): write \(text.lowercased()) without quotes")
        }
        if Self.yaml11Booleans.contains(text.lowercased()) {
            throw fail("expected true or false \(describeField), found \(quoted): write true or false (yes/no/on/off are not booleans here)")
        }
        throw fail("expected true or false \(describeField), found \(quoted)")
    }

    static let booleanWords: [String: Bool] = ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false]
    static let yaml11Booleans: Set<String> = ["yes", "no", "y", "n", "on", "off"]

    var quoted: String {
        if let text = scalarText { return "'\(text.prefix(40))'" }
        return node.kindDescription
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try decodeString() as! T
        case is Int.Type: return try decodeInt() as! T
        case is Double.Type: return try decodeDouble() as! T
        case is Bool.Type: return try decodeBool() as! T
        default: return try T(from: self)
        }
    }
}

extension Node {
    var kindDescription: String {
        switch self {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let values: [String: (key: Node, value: Node)]
    let use: NodeDecodingContext.MappingUse

    var codingPath: [CodingKey] { decoder.codingPath }
    /// Asked for by dictionaries, which take every key: none of them is unknown.
    var allKeys: [Key] {
        use.requested.formUnion(values.keys)
        return values.keys.sorted().compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        use.requested.insert(key.stringValue)
        return values[key.stringValue] != nil
    }

    private func present(_ key: Key) -> NodeDecoder? {
        use.requested.insert(key.stringValue)
        guard let entry = values[key.stringValue] else { return nil }
        let child = decoder.child(entry.value, key: key)
        return child.isNull ? nil : child
    }

    func decodeNil(forKey key: Key) throws -> Bool { present(key) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let placeholder = (T.self as? DiagnosticPlaceholder.Type)?.placeholder as? T
        guard let child = present(key) else {
            let error = NodeDecodingError(message: "missing required key '\(key.stringValue)'", location: decoder.location)
            guard let placeholder else { throw error }
            decoder.context.record(error)
            return placeholder
        }
        do {
            return try child.decodeValue(type)
        } catch let error as NodeDecodingError {
            guard let placeholder else { throw error }
            decoder.context.record(error)
            return placeholder
        }
    }

    /// A wrong optional value is reported and treated as absent, so decoding goes on.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try recorded(type, key) }

    // The standard library's defaults for these concrete overloads would win over the
    // generic one above and throw; route them through it so they are recorded too.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try recorded(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try recorded(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try recorded(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try recorded(type, key) }

    private func recorded<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let child = present(key) else { return nil }
        do {
            return try child.decodeValue(type)
        } catch let error as NodeDecodingError {
            decoder.context.record(error)
            return nil
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let child = present(key) else { throw NodeDecodingError(message: "missing required key '\(key.stringValue)'", location: decoder.location) }
        return try child.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        guard let child = present(key) else { throw NodeDecodingError(message: "missing required key '\(key.stringValue)'", location: decoder.location) }
        return try child.unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { present(key) ?? decoder }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.fail("the list \(decoder.describeField) has too few items") }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: IndexKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if decoder.child(items[currentIndex], key: IndexKey(intValue: currentIndex)).isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct SingleValueNodeContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInt() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
