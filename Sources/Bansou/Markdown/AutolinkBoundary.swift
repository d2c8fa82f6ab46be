import CCmarkGFM
import Foundation

/// cmark-gfm's autolink extension ends a bare URL only at white space or '<', so in
/// Japanese text, which has no spaces, `https://example.jp。詳しくは…` swallows the
/// sentence into the link. A Japanese reader expects the link to end at the first
/// character that cannot be in a URL as written: any non-ASCII character (、。「」,
/// kana, kanji, full-width forms). This pass moves that tail out of the link and
/// back into the text, on the parsed tree, so Markdown links written with `[…](…)`
/// are never touched (their text differs from their URL).
enum AutolinkBoundary {
    static func fix(_ document: OpaquePointer) {
        var links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK {
                links.append(node)
            }
        }
        cmark_iter_free(iterator)
        links.forEach(split)
    }

    private static func split(_ link: OpaquePointer) {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let urlPointer = cmark_node_get_url(link), let textPointer = cmark_node_get_literal(child) else { return }
        let url = String(cString: urlPointer)
        let text = String(cString: textPointer)
        // Only autolinks: the URL is the text itself, or the text with the scheme the extension added.
        guard url == text || url == "http://" + text || url == "mailto:" + text else { return }
        guard let cut = text.unicodeScalars.firstIndex(where: { !$0.isASCII }) else { return }
        let kept = String(text.unicodeScalars[..<cut])
        let tail = String(text.unicodeScalars[cut...])
        guard !kept.isEmpty, let tailNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        // Cut in scalars like the text: a tail starting with a combining mark is one Character
        // with the ASCII before it, so a cut by Characters took that letter off the URL too.
        let keptURL = String(String.UnicodeScalarView(url.unicodeScalars.dropLast(tail.unicodeScalars.count)))
        cmark_node_set_literal(child, kept)
        cmark_node_set_url(link, keptURL)
        cmark_node_set_literal(tailNode, tail)
        cmark_node_insert_after(link, tailNode)
    }
}
