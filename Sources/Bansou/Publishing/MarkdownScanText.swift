/// Markdown source prepared for the leak scan, so a hit in the rendered page can be found
/// again in the file that produced it: emphasis and code markers (`山田**精工**`) become
/// zero-width spaces, which the scanner skips like inline tags. One scalar for one scalar,
/// so lines and columns are those of the original file.
enum MarkdownScanText {
    static func prepare(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "*" || $0 == "~" || $0 == "`" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "*" || scalar == "~" || scalar == "`" ? "\u{200B}" : scalar)
        }
        return String(scalars)
    }
}
