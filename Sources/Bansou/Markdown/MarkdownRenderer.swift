import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with Debian's cmark-gfm.
///
/// Debian's cmark-gfm keeps its extension registry in global state and is NOT
/// thread-safe: two parsers on two threads silently lose extensions (a parser adds the
/// extensions' special characters to a global table when it starts and takes them out
/// when it finishes). So every render holds one process-wide lock (`withCmark`), and the
/// markdown stage gets its parallelism from worker processes instead (MarkdownWorkers).
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

    /// Bumped whenever bansou changes what it does to cmark-gfm's tree or output
    /// (AutolinkBoundary), so cached HTML of an older bansou is not reused.
    static let postProcessingVersion = 1

    /// Everything besides the body that decides the HTML: the Markdown cache's keys include it.
    public var fingerprint: String {
        let version = cmark_version_string().map { String(cString: $0) } ?? "unknown"
        return "cmark-gfm \(version); options \(options); extensions \(Self.extensionNames.joined(separator: ",")); bansou \(Self.postProcessingVersion)"
    }

    private static let cmarkLock = NSLock()

    /// Runs `body` while no other thread of this process uses cmark-gfm through this type;
    /// any other code that parses with cmark-gfm should hold it too.
    static func withCmark<T>(_ body: () -> T) -> T {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        return body()
    }

    public func render(_ markdown: String) -> String {
        Self.withCmark { renderUnlocked(markdown) }
    }

    private func renderUnlocked(_ markdown: String) -> String {
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
