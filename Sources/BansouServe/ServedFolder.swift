import Foundation

/// A folder served under a URL prefix (`/` → Output/site, `/reports/` → Output/reports), and
/// how a request path becomes one of its files. Nothing outside the folder is ever reached:
/// `..` segments (also percent-encoded, `%2e%2e` or `..%2f`) and NUL bytes are refused before
/// the file system is asked, and a path that resolves (through a link) outside is refused after.
/// The folder is looked up on every request, never held open: the build swaps `site/` whole.
struct ServedFolder: Sendable {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: relative links need it.
        case redirect(String)
        case notFound
        case refused
    }

    /// `/` or `/reports/`.
    let prefix: String
    let url: URL

    /// `path` is the request's percent-encoded path, `/`-rooted, within `prefix`.
    func resolve(_ path: String) -> Resolution {
        guard path.hasPrefix(prefix) || path + "/" == prefix else { return .notFound }
        if path + "/" == prefix { return .redirect(prefix) }
        guard let decoded = String(path.dropFirst(prefix.count)).removingPercentEncoding,
              !decoded.contains("\0") else { return .refused }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." { return .refused }
            if segment == "." { continue }
            // Hidden files are not part of a site (the loader skips them too).
            if segment.hasPrefix(".") { return .notFound }
            segments.append(String(segment))
        }
        var candidate = url
        for segment in segments { candidate.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            candidate.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { return .notFound }
        }
        guard Self.realPath(candidate).hasPrefix(Self.realPath(url) + "/") else { return .refused }
        return .file(candidate)
    }

    private static func realPath(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Content-Type by file extension; text types say their charset (every file bansou writes is UTF-8).
enum ContentType {
    static func of(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }

    static func isHTML(_ url: URL) -> Bool {
        ["html", "htm"].contains(url.pathExtension.lowercased())
    }
}
