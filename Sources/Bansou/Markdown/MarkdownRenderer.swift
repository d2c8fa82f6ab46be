import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with Debian's cmark-gfm.
///
/// Debian's cmark-gfm keeps its extension registry in global state and is NOT
/// thread-safe: two parsers on two threads silently lose extensions. So this type
/// is used from one thread only (the markdown stage), and everything after it
/// (templates, scan, write) is what runs in parallel.
public final class MarkdownRenderer {
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private let options: Int32
    private static let registerOnce: Void = {
        // Without this, find_syntax_extension returns NULL and tables come out as paragraphs.
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// - Parameter unsafeHTML: pass raw HTML through (site.yaml `unsafe_html: true`); off by default.
    public init(unsafeHTML: Bool = false) {
        _ = MarkdownRenderer.registerOnce
        // Table alignment as style="text-align: …": align= on <td>/<th> is obsolete HTML (Nu checker error).
        options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
            | (unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE)
    }

    public func render(_ markdown: String) -> String {
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        AutolinkBoundary.fix(document)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
