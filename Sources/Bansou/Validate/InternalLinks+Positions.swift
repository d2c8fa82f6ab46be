import CCmarkGFM
import Foundation

/// Where each link and image of a Markdown body is written, from cmark-gfm's own tree of
/// it, so an error points where the writer sees the link (its `[` or `![`), also in a table
/// cell, a list item or a quote. The check itself reads the rendered HTML; only a body with a
/// broken link is parsed again here, once, on the pipeline's own thread and under
/// MarkdownRenderer's lock (Debian's cmark-gfm is not thread-safe, so never from parallelMap).
enum InternalLinksPositions {
    struct Written {
        var kind: InternalLinksHTML.Reference.Kind
        /// The destination, compared with the rendered one through `InternalLinks.key`.
        var key: String
        /// 1-based, within the body; the column counts Unicode scalars like every position.
        var line: Int
        var column: Int
    }

    /// Every link and image of `body` in document order, the order cmark-gfm renders them in.
    /// Raw `<a href>`/`<img src>` tags count only when `rawHTML` (unsafe_html) publishes them.
    static func links(in body: String, rawHTML: Bool) -> [Written] {
        // The lock every cmark-gfm user of this process holds (a build may share it with tests or `serve`).
        MarkdownRenderer.withCmark { linksUnlocked(in: body, rawHTML: rawHTML) }
    }

    private static func linksUnlocked(in body: String, rawHTML: Bool) -> [Written] {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else { return [] }
        defer { cmark_parser_free(parser) }
        // The same extensions as the markdown stage: a link inside a table cell is in a table node.
        for name in MarkdownRenderer.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        body.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        // The rendered tree had its autolinks cut at Japanese text; so must this one.
        AutolinkBoundary.fix(document)

        let lines = SourceLines(body)
        var found: [Written] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let kind: InternalLinksHTML.Reference.Kind = type == CMARK_NODE_IMAGE ? .image : .link
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let (line, column) = lines.start(of: node, opener: kind == .image ? 0x21 : 0x5B) // '!' or '['
                found.append(Written(kind: kind, key: InternalLinks.key(url), line: line, column: lines.column(line: line, byteColumn: column)))
            } else if rawHTML, type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK,
                      let literal = cmark_node_get_literal(node) {
                let (line, column) = type == CMARK_NODE_HTML_INLINE
                    ? lines.start(of: node, opener: 0x3C) // '<'
                    : (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
                let bytes = UnsafeRawBufferPointer(start: literal, count: strlen(literal))
                for reference in InternalLinksHTML.references(in: bytes) {
                    let before = bytes[..<reference.offset]
                    let newlines = before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                    let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                    let byteColumn = (newlines == 0 ? column : 1) + reference.offset - lineStart
                    found.append(Written(kind: reference.kind, key: InternalLinks.key(reference.value), line: line + newlines,
                                         column: lines.column(line: line + newlines, byteColumn: byteColumn)))
                }
            }
        }
        return found
    }

    /// The body's lines as UTF-8, to turn cmark-gfm's byte columns into scalar columns.
    struct SourceLines {
        let bytes: [UInt8]
        /// Byte offset where each line starts (line 1 at index 0).
        let starts: [Int]

        init(_ text: String) {
            bytes = Array(text.utf8)
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            self.starts = starts
        }

        func byte(line: Int, byteColumn: Int) -> UInt8? {
            guard line >= 1, line <= starts.count, byteColumn >= 1 else { return nil }
            let i = starts[line - 1] + byteColumn - 1
            let end = line < starts.count ? starts[line] : bytes.count
            return i < end ? bytes[i] : nil
        }

        /// Where an inline node starts, as a 1-based line and byte column of the body.
        /// cmark-gfm 0.29 is exact on a paragraph's first line, but on the lines after it
        /// counts from the paragraph's own column as if each line's text started there (a
        /// lazy continuation line, or one indented deeper, is off by the difference), and a
        /// link whose text runs over a line break is dated to the line of its end. So on a
        /// paragraph's later lines the column is taken from where that line's text starts,
        /// and the line is the nearest one, going up, with the link's opener at that column.
        func start(of node: OpaquePointer, opener: UInt8) -> (line: Int, column: Int) {
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            var block = cmark_node_parent(node)
            while let parent = block, cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH, cmark_node_get_type(parent) != CMARK_NODE_HEADING {
                block = cmark_node_parent(parent)
            }
            guard let block else { return (line, column) } // a table cell: exact
            let firstLine = Int(cmark_node_get_start_line(block)), offset = column - Int(cmark_node_get_start_column(block))
            func candidate(_ line: Int) -> Int { line == firstLine ? column : textStart(line) + offset }
            var above = line
            while above >= max(firstLine, line - 100) {
                if byte(line: above, byteColumn: candidate(above)) == opener { return (above, candidate(above)) }
                above -= 1
            }
            return (line, max(1, candidate(line)))
        }

        /// The byte column where a line's text starts, after the indentation and `>` of its containers.
        func textStart(_ line: Int) -> Int {
            guard line >= 1, line <= starts.count else { return 1 }
            let end = line < starts.count ? starts[line] : bytes.count
            var i = starts[line - 1]
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x3E { i += 1 }
            return i - starts[line - 1] + 1
        }

        /// The 1-based column in Unicode scalars of a 1-based byte column.
        func column(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= starts.count else { return byteColumn }
            let start = starts[line - 1]
            let end = min(start + max(byteColumn - 1, 0), bytes.count)
            return bytes[start..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }
    }
}
