import Yams

/// A bound on every value of a YAML file, checked on the parsed nodes before decoding.
/// Used for the guidance files: their names are printed on many pages (a stage's name on
/// every story page and card), so a 400 KB stage name cost 4.5 s and 270 MB on the sample
/// site, and would cost that per page on a large one.
extension YAMLDocument {
    /// The first scalar (in document order) longer than `maxChars` characters, with its length.
    static func longScalar(in node: Node, maxChars: Int) -> (node: Node, chars: Int)? {
        switch node {
        case .scalar(let scalar):
            // A character is at least one UTF-8 byte: most values are settled without counting.
            guard scalar.string.utf8.count > maxChars else { return nil }
            let chars = scalar.string.count
            return chars > maxChars ? (node, chars) : nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let long = longScalar(in: key, maxChars: maxChars) ?? longScalar(in: value, maxChars: maxChars) { return long }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let long = longScalar(in: item, maxChars: maxChars) { return long }
            }
            return nil
        }
    }
}
