import Foundation

/// A content file's text, decoded and normalised: BOM dropped, CRLF turned into LF.
public struct SourceText: Sendable {
    /// Path relative to the project root, as printed in diagnostics.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = SourceText.normalise(text)
    }

    static func normalise(_ text: String) -> String {
        var text = text
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        // Byte search: String.contains(Character) would walk grapheme clusters.
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Reads a file as UTF-8; invalid UTF-8 is reported instead of guessed at.
    public static func read(_ url: URL, relativePath: String) throws -> SourceText {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error("file is not valid UTF-8", at: SourceLocation(path: relativePath))
        }
        return SourceText(path: relativePath, text: text)
    }
}
