import CCmarkGFM
import Foundation
import FuzzSupport
@testable import Bansou

/// Target (b): a story body through MarkdownRenderer (cmark-gfm and AutolinkBoundary), in the
/// default safe mode and with `unsafe_html: true`.
///
/// Invariants: no crash; safe mode lets no raw `<script` and no `javascript:` link through; and
/// AutolinkBoundary, checked on the parsed tree, only ever moves the non-ASCII tail of a bare URL
/// out of its link: link text + tail is the old text, the link's URL is its new text with the
/// scheme the extension added, and links written as `[…](…)` are left alone.
///
/// cmark-gfm is quadratic on some inputs (deeply nested brackets, long emphasis runs), so run
/// with a bounded -max_len (scripts/fuzz uses 8192); timeouts are reported, not crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let markdown = FuzzInput.text(data, size) else { return 0 }
    MarkdownCheck.run(markdown)
    return 0
}

enum MarkdownCheck {
    static let safe = MarkdownRenderer(unsafeHTML: false)
    static let unsafe = MarkdownRenderer(unsafeHTML: true)

    static func run(_ markdown: String) {
        let html = safe.render(markdown)
        let lower = html.lowercased()
        invariant(!lower.contains("<script"), "safe mode let a <script> through")
        invariant(!lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"), "safe mode let a javascript: URL through")
        _ = unsafe.render(markdown)
        checkAutolinkBoundary(markdown)
    }

    struct Link {
        let node: OpaquePointer
        let url: String
        let text: String
    }

    static func checkAutolinkBoundary(_ markdown: String) {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else { return }
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(document) }

        let before = links(in: document)
        AutolinkBoundary.fix(document)
        for link in before {
            guard let child = cmark_node_first_child(link.node), let literal = cmark_node_get_literal(child),
                  let urlPointer = cmark_node_get_url(link.node) else { continue }
            let text = String(cString: literal), url = String(cString: urlPointer)
            // The autolink extension's links: URL = text, or text with the scheme it added.
            let scheme = ["", "http://", "mailto:"].first { link.url == $0 + link.text }
            let splits = scheme != nil && cmark_node_next(child) == nil && cmark_node_get_type(child) == CMARK_NODE_TEXT
                && link.text.unicodeScalars.first?.isASCII == true && link.text.unicodeScalars.contains { !$0.isASCII }
            guard splits, let scheme else {
                invariant(text == link.text && url == link.url, "AutolinkBoundary changed a link that needs no split")
                continue
            }
            let tail = cmark_node_next(link.node).flatMap(cmark_node_get_literal).map { String(cString: $0) } ?? ""
            invariant(text.unicodeScalars.allSatisfy(\.isASCII), "autolink text still has non-ASCII")
            invariant(text + tail == link.text, "autolink text + tail is not the old text")
            invariant(url == scheme + text, "autolink URL '\(url.debugDescription)' is not its text '\(text.debugDescription)' with scheme '\(scheme)'")
        }
    }

    static func links(in document: OpaquePointer) -> [Link] {
        var links: [Link] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_LINK,
                  let child = cmark_node_first_child(node), let literal = cmark_node_get_literal(child),
                  let url = cmark_node_get_url(node) else { continue }
            links.append(Link(node: node, url: String(cString: url), text: String(cString: literal)))
        }
        return links
    }
}

@main
enum FuzzMarkdownMain {
    static func main() { FuzzDriver.run(fuzzMarkdown) }
}
