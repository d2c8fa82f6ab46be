import Foundation

/// What a link names, read the way a browser on the page would read it.
enum LinkDestination: Equatable {
    /// Another site, another scheme (mailto:, tel:), or a path of the site's host outside
    /// base_url's path: never fetched, never checked.
    case elsewhere
    /// `..` climbs above the site's root.
    case aboveRoot
    /// A path under Output/site/ (percent-decoded; "" is the root, a trailing "/" a folder).
    case site(path: String, fragment: String?, style: LinkStyle)
}

/// How a link was written, so a suggestion is written the same way.
enum LinkStyle: Equatable { case relative, absolute, fullURL }

/// The files this build publishes, from the render stage's own list (so a link is checked
/// against exactly what is written, whichever code decided the paths: SiteLayout, the
/// guidance pages, pagination, copied assets), and how a link on a page reaches them.
struct InternalLinkTargets {
    /// Paths under Output/site/ → index in `files`.
    let published: [String: Int]
    let files: [OutputFile]
    /// base_url's host (lowercased, with a port other than the scheme's) and path ("/" or "/dx/").
    let authority: String
    let basePath: String
    /// base_url without its trailing slash.
    let base: String
    /// base_url's scheme: a protocol-relative `//host/…` link takes the page's.
    let scheme: String

    init(files: [OutputFile], baseURL: String) {
        self.files = files
        var published: [String: Int] = [:]
        for (i, file) in files.enumerated() where file.path.hasPrefix("site/") { published[String(file.path.dropFirst(5))] = i }
        self.published = published
        let parts = Self.split(baseURL)
        authority = parts?.authority ?? ""
        var path = parts?.path ?? "/"
        if !path.hasSuffix("/") { path += "/" }
        basePath = path
        scheme = baseURL.prefix { $0 != ":" }.lowercased()
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// Where `value` (an href or src, character references decoded) leads from `page`
    /// (a path under Output/site/, such as cases/x/index.html).
    func destination(of value: String, on page: String) -> LinkDestination {
        var rest = Substring(value.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.isEmpty { return .elsewhere } // the page itself
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        if rest.isEmpty { return .site(path: page, fragment: fragment, style: .relative) }
        if let scheme = Self.scheme(of: rest) {
            guard scheme == "http" || scheme == "https" else { return .elsewhere }
            rest = rest.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//") else { return .elsewhere }
            return onThisHost(scheme + ":" + rest, fragment: fragment)
        }
        if rest.hasPrefix("//") { return onThisHost(scheme + ":" + rest, fragment: fragment) }
        if rest.hasPrefix("/") { return underBase(rest, fragment: fragment, style: .absolute) }
        let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return resolve((folder.isEmpty ? "" : folder + "/") + rest, fragment: fragment, style: .relative)
    }

    /// `scheme://host/path`: the site's own host is internal, like a relative link.
    private func onThisHost(_ url: String, fragment: String?) -> LinkDestination {
        guard let parts = Self.split(url), parts.authority == authority else { return .elsewhere }
        return underBase(Substring(parts.path), fragment: fragment, style: .fullURL)
    }

    private func underBase(_ path: Substring, fragment: String?, style: LinkStyle) -> LinkDestination {
        if path + "/" == basePath { return .site(path: "", fragment: fragment, style: style) }
        guard path.hasPrefix(basePath) else { return .elsewhere }
        return resolve(String(path.dropFirst(basePath.count)), fragment: fragment, style: style)
    }

    /// Removes `.` and `..` (RFC 3986 5.2.4) and decodes each segment.
    private func resolve(_ path: String, fragment: String?, style: LinkStyle) -> LinkDestination {
        var segments: [String] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            let last = i == parts.count - 1
            switch part {
            case ".":
                if last { segments.append("") }
            case "..":
                guard !segments.isEmpty else { return .aboveRoot }
                segments.removeLast()
                if last { segments.append("") }
            default:
                segments.append(InternalLinks.key(String(part)))
            }
        }
        return .site(path: segments.joined(separator: "/"), fragment: fragment, style: style)
    }

    /// The published file a site path reaches: itself, or the index.html of a folder
    /// (`../x/` and `../x`, which a web server redirects to `../x/`).
    func file(for path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return published[index] != nil ? index : nil
        }
        if published[path] != nil { return path }
        return published[path + "/index.html"] != nil ? path + "/index.html" : nil
    }

    /// "cases/x/index.html" → "cases/x/": the path as a link names it.
    static func pretty(_ path: String) -> String {
        if path == "index.html" { return "" }
        return path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }

    /// How a link written in `style` on `page` reaches the site path `target` (pretty).
    func link(to target: String, from page: String, style: LinkStyle) -> String {
        switch style {
        case .absolute: return basePath + target
        case .fullURL: return base + "/" + target
        case .relative:
            let from = page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            let to = target.split(separator: "/", omittingEmptySubsequences: false)
            var common = 0
            while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
            let url = String(repeating: "../", count: from.count - common) + to.dropFirst(common).joined(separator: "/")
            return url.isEmpty ? "./" : url
        }
    }

    /// `https://Host:8443/dx/x` → ("host:8443", "/dx/x"); nil without `//`.
    static func split(_ url: String) -> (authority: String, path: String)? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon].lowercased()
        let rest = url[url.index(after: colon)...]
        guard rest.hasPrefix("//") else { return nil }
        let afterSlashes = rest.dropFirst(2)
        let end = afterSlashes.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterSlashes.endIndex
        var authority = afterSlashes[..<end].lowercased()
        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        // http and https of the same host are the same site: only a port other than the scheme's own counts.
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        var path = String(afterSlashes[end...])
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        return (authority, path.isEmpty ? "/" : path)
    }

    /// The lowercased scheme when `value` starts with one (RFC 3986: a letter, then letters,
    /// digits, `+`, `-`, `.`, then `:` before any `/`).
    static func scheme(of value: Substring) -> String? {
        var length = 0
        for byte in value.utf8 {
            if byte == 0x3A { break } // ':'
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let other = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard letter || (length > 0 && other) else { return nil }
            length += 1
        }
        guard length > 0, length < value.utf8.count else { return nil }
        return value.prefix(length).lowercased()
    }
}
