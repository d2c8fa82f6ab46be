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
    /// Both ways a link names a published file → its index in `files`: `cases/x/index.html`
    /// and `cases/x/`, so one look-up answers for almost every link.
    private let reachable: [String: Int]
    let files: [OutputFile]
    /// base_url's host (lowercased, with a port other than the scheme's) and path ("/" or "/dx/").
    let authority: String
    let basePath: String
    private let basePathBytes: [UInt8]
    private let authorityBytes: [UInt8]
    private static let httpBytes = Array("http".utf8), httpsBytes = Array("https".utf8)
    /// base_url without its trailing slash.
    let base: String
    /// base_url's scheme: a protocol-relative `//host/…` link takes the page's.
    let scheme: String

    init(files: [OutputFile], baseURL: String) {
        self.files = files
        var reachable: [String: Int] = [:]
        reachable.reserveCapacity(files.count * 2)
        // On UTF-8 bytes: String's own hasSuffix and dropLast compare Characters, at 13,000 files.
        let index = Array("index.html".utf8), site = Array("site/".utf8)
        for i in files.indices {
            let utf8 = files[i].path.utf8
            guard utf8.count > site.count, utf8.prefix(site.count).elementsEqual(site) else { continue }
            let path = utf8.dropFirst(5)
            reachable[String(path)!] = i
            if path.count >= index.count, path.suffix(index.count).elementsEqual(index),
               path.count == index.count || path[path.index(path.endIndex, offsetBy: -index.count - 1)] == 0x2F {
                reachable[String(path.dropLast(index.count))!] = i
            }
        }
        self.reachable = reachable
        let parts = Self.split(baseURL)
        authority = parts?.authority ?? ""
        authorityBytes = Array(authority.utf8)
        var path = parts?.path ?? "/"
        if !path.hasSuffix("/") { path += "/" }
        basePath = path
        basePathBytes = Array(path.utf8)
        scheme = baseURL.prefix { $0 != ":" }.lowercased()
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// Where `value` (an href or src, character references decoded) leads from `page`
    /// (a path under Output/site/, such as cases/x/index.html). Read as UTF-8 bytes: every
    /// link of every body passes through here, most of them to other sites.
    func destination(of value: String, on page: String) -> LinkDestination {
        var value = value
        return value.withUTF8 { destination(of: UnsafeRawBufferPointer($0)[...], on: page, folder: Self.folder(of: page)) }
    }

    /// "cases/x/index.html" → the bytes of "cases/x/": where a relative link starts from.
    static func folder(of page: String) -> [UInt8] {
        var folder = Array(page.utf8)
        while let last = folder.last, last != 0x2F { folder.removeLast() }
        return folder
    }

    typealias Bytes = Slice<UnsafeRawBufferPointer>

    /// The same for a value's bytes, character references already decoded (or none in it),
    /// with the page's `folder(of:)` worked out once for all its links.
    func destination(of all: Bytes, on page: String, folder: [UInt8]) -> LinkDestination {
        var value = all
        while let first = value.first, Self.isSpace(first) { value = value.dropFirst() }
        while let last = value.last, Self.isSpace(last) { value = value.dropLast() }
        if value.isEmpty { return .elsewhere } // the page itself
        var fragment: String?
        if let hash = value.firstIndex(of: 0x23) { // '#'
            fragment = String(decoding: value[(hash + 1)...], as: UTF8.self)
            value = value[..<hash]
        }
        if let query = value.firstIndex(of: 0x3F) { value = value[..<query] } // '?'
        if value.isEmpty { return .site(path: page, fragment: fragment, style: .relative) }
        if let colon = Self.schemeEnd(value) {
            let scheme = value[..<colon]
            let https = Self.equalsLowercased(scheme, Self.httpsBytes)
            guard https || Self.equalsLowercased(scheme, Self.httpBytes) else { return .elsewhere }
            let rest = value[(colon + 1)...]
            guard Self.startsWithTwoSlashes(rest) else { return .elsewhere }
            return onThisHost(rest.dropFirst(2), https: https, fragment: fragment)
        }
        if Self.startsWithTwoSlashes(value) { return onThisHost(value.dropFirst(2), https: scheme == "https", fragment: fragment) }
        if value.first == 0x2F { return underBase(value, fragment: fragment, style: .absolute) }
        return resolve(value, in: folder, fragment: fragment, style: .relative)
    }

    /// After `scheme://`: the site's own host is internal, like a relative link.
    private func onThisHost(_ rest: Bytes, https: Bool, fragment: String?) -> LinkDestination {
        let slash = rest.firstIndex(of: 0x2F) ?? rest.endIndex
        var host = rest[..<slash]
        if let at = host.lastIndex(of: 0x40) { host = host[(at + 1)...] } // user@
        // http and https of the same host are the same site: only a port other than the scheme's own counts.
        let defaultPort: StaticString = https ? ":443" : ":80"
        if Self.hasSuffix(host, defaultPort) { host = host.dropLast(defaultPort.utf8CodeUnitCount) }
        guard Self.equalsLowercased(host, authorityBytes) else { return .elsewhere }
        let path = rest[slash...]
        return path.isEmpty ? .site(path: "", fragment: fragment, style: .fullURL) : underBase(path, fragment: fragment, style: .fullURL)
    }

    /// A path from the host's root: inside base_url's path, or not this site's.
    private func underBase(_ path: Bytes, fragment: String?, style: LinkStyle) -> LinkDestination {
        let base = basePathBytes
        if path.count + 1 == base.count, path.elementsEqual(base.dropLast()) { return .site(path: "", fragment: fragment, style: style) }
        guard path.starts(with: base) else { return .elsewhere }
        return resolve(path.dropFirst(base.count), in: [], fragment: fragment, style: style)
    }

    /// `folder` (empty or ending in '/') joined with `path`, `.` and `..` removed
    /// (RFC 3986 5.2.4), then percent-decoded.
    private func resolve(_ path: Bytes, in folder: [UInt8], fragment: String?, style: LinkStyle) -> LinkDestination {
        var out = folder
        out.reserveCapacity(folder.count + path.count)
        var start = path.startIndex
        while true {
            let end = path[start...].firstIndex(of: 0x2F) ?? path.endIndex
            let last = end == path.endIndex
            let segment = path[start..<end]
            if segment.elementsEqual([0x2E]) { // "." adds nothing; `out` is empty or ends in '/'
            } else if segment.elementsEqual([0x2E, 0x2E]) {
                guard !out.isEmpty else { return .aboveRoot }
                out.removeLast()
                while let byte = out.last, byte != 0x2F { out.removeLast() }
            } else {
                out.append(contentsOf: segment)
                if !last { out.append(0x2F) }
            }
            if last { break }
            start = end + 1
        }
        let text = String(decoding: out, as: UTF8.self)
        return .site(path: out.contains(0x25) ? InternalLinks.key(text) : text, fragment: fragment, style: style)
    }

    /// The published file a site path reaches: itself, or the index.html of a folder
    /// (`../x/` and `../x`, which a web server redirects to `../x/`).
    func file(for path: String) -> String? { index(for: path).map { String(files[$0].path.dropFirst(5)) } }

    /// The same as an index in `files`.
    func index(for path: String) -> Int? {
        reachable[path] ?? (path.isEmpty || path.hasSuffix("/") ? nil : reachable[path + "/"])
    }

    /// Every published path under Output/site/.
    var publishedPaths: [String] { files.compactMap { $0.path.hasPrefix("site/") ? String($0.path.dropFirst(5)) : nil } }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    private static func startsWithTwoSlashes(_ bytes: Bytes) -> Bool {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x2F && bytes[bytes.startIndex + 1] == 0x2F
    }

    /// The index of the ':' ending a scheme at the start (RFC 3986: a letter, then letters,
    /// digits, `+`, `-`, `.`), or nil: `/x:y`, `a/b:c` and `事例:x` have none.
    private static func schemeEnd(_ bytes: Bytes) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == 0x3A { return i > bytes.startIndex ? i : nil } // ':'
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let other = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard letter || (i > bytes.startIndex && other) else { return nil }
            i += 1
        }
        return nil
    }

    /// ASCII case-insensitive: `bytes` against lowercase `expected`.
    private static func equalsLowercased(_ bytes: Bytes, _ expected: [UInt8]) -> Bool {
        guard bytes.count == expected.count else { return false }
        var i = bytes.startIndex, k = 0
        while k < expected.count {
            let byte = bytes[i]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected[k] else { return false }
            i += 1
            k += 1
        }
        return true
    }

    private static func hasSuffix(_ bytes: Bytes, _ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return bytes.count >= tail.count && bytes.suffix(tail.count).elementsEqual(tail)
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
}
