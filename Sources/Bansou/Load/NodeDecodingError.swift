/// A decoding failure at a known position in a YAML file.
public struct NodeDecodingError: Error, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(message: String, location: SourceLocation?) {
        self.message = message
        self.location = location
    }
}
