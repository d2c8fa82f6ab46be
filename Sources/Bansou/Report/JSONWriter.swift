import Foundation

/// The pretty-printer of report.json and portfolio.json (two-space indent, keys sorted),
/// writing UTF-8 bytes: appending to a String piece by piece was a sixth of the reports
/// stage on 1,000 clients (8 MB of JSON). Handles what `ReportJSON.object` builds:
/// dictionaries, arrays, String, Bool, Int and NSNull; anything else is written as the
/// string of its description.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: Any, indent: Int = 0) {
        switch value {
        case let dictionary as [String: Any]:
            guard !dictionary.isEmpty else { append("{}"); return }
            append("{\n")
            let keys = dictionary.keys.sorted()
            for (i, key) in keys.enumerated() {
                spaces(indent + 2)
                literal(key)
                append(": ")
                write(dictionary[key]!, indent: indent + 2)
                append(i == keys.count - 1 ? "\n" : ",\n")
            }
            spaces(indent)
            bytes.append(UInt8(ascii: "}"))
        case let array as [Any]:
            guard !array.isEmpty else { append("[]"); return }
            append("[\n")
            for (i, element) in array.enumerated() {
                spaces(indent + 2)
                write(element, indent: indent + 2)
                append(i == array.count - 1 ? "\n" : ",\n")
            }
            spaces(indent)
            bytes.append(UInt8(ascii: "]"))
        case let string as String: literal(string)
        case let bool as Bool: append(bool ? "true" : "false")
        case let int as Int: append(String(int))
        case is NSNull: append("null")
        default: literal("\(value)")
        }
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func spaces(_ count: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The bytes of `JSONString.literal(text)`: `"`, `\`, `<`, `>`, `&`, U+2028, U+2029 and
    /// control characters escaped, everything else copied.
    mutating func literal(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "<"): append("\\u003c")
                case UInt8(ascii: ">"): append("\\u003e")
                case UInt8(ascii: "&"): append("\\u0026")
                case 0..<0x20:
                    append("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default:
                    bytes.append(byte)
                }
                i += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
