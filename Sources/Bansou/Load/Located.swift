/// A decoded value together with where it was written, so later stages
/// (reference checks, the leak scan) can point at the source.
public struct Located<Value: Decodable & Sendable>: Decodable, Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public init(from decoder: Decoder) throws {
        value = try Value(from: decoder)
        location = (decoder as? NodeDecoder)?.location ?? SourceLocation(path: "?")
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
