import Yams

/// A YAML mapping whose keys are data (area ids, indicator ids), kept in the
/// written order and with each key's position, so a wrong key can be pointed at.
public struct OrderedMap<Value: Decodable & Sendable>: Decodable, Sendable {
    public struct Entry: Sendable {
        public var key: Located<String>
        public var value: Value
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public init(from decoder: Decoder) throws {
        guard let nodeDecoder = decoder as? NodeDecoder else {
            throw NodeDecodingError(message: "OrderedMap needs the YAML node decoder", location: nil)
        }
        guard case .mapping(let mapping) = nodeDecoder.node else {
            throw nodeDecoder.fail("expected a mapping (id: value) \(nodeDecoder.describeField), found \(nodeDecoder.node.kindDescription)")
        }
        var seen = Set<String>()
        entries = []
        for (keyNode, valueNode) in mapping {
            let keyLocation = nodeDecoder.context.location(of: keyNode)
            guard let key = keyNode.scalar?.string else {
                throw NodeDecodingError(message: "mapping keys must be plain text", location: keyLocation)
            }
            guard seen.insert(key).inserted else {
                nodeDecoder.context.diagnostics.append(.error("duplicate key '\(key)'", at: keyLocation))
                continue
            }
            let child = nodeDecoder.child(valueNode, key: AnyKey(key))
            do {
                entries.append(Entry(key: Located(key, at: keyLocation), value: try child.decodeValue(Value.self)))
            } catch let error as NodeDecodingError {
                nodeDecoder.context.record(error)
            }
        }
    }

    public subscript(key: String) -> Value? { entries.first { $0.key.value == key }?.value }
    public var isEmpty: Bool { entries.isEmpty }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
