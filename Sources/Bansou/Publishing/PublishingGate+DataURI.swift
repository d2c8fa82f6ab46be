import Foundation

/// A base64 `data:` URI in a published text. Its payload is published as surely as the text
/// around it (an SVG with `<text>山田精工</text>` as a CSS background, an `<img src>` in a
/// template), but no scan of the text sees through base64: so the gate decodes it and scans
/// what it holds, and refuses one that is not text, as it refuses a binary asset.
struct DataURIFinding: Sendable {
    /// The payload as written, to find the source that writes it.
    var payload: String
    var hits: [LeakHit]
    var unreadable: Bool
}

extension PublishingGate {
    /// Decodes and scans every base64 `data:` URI in `text`, and those nested in what they
    /// hold (an SVG may embed an image as another data URI), down to `depth` levels.
    func scanDataURIs(in text: String, depth: Int = 3) -> [DataURIFinding] {
        guard depth > 0 else { return [] }
        var findings: [DataURIFinding] = []
        for uri in Self.base64DataURIs(in: text) {
            guard let bytes = Self.decodeBase64(uri.payload) else { continue }   // a browser shows nothing either
            let readings = PublishedTextDecoder.readings(bytes)
            let format: ScanFormat = uri.mediaType.contains("svg") || uri.mediaType.contains("html") || uri.mediaType.contains("xml") ? .markup : .plain
            var hits = readings.flatMap { scanner.scan($0.text, format: format) }
            hits += readings.flatMap { scanDataURIs(in: $0.text, depth: depth - 1).flatMap(\.hits) }
            findings.append(DataURIFinding(payload: uri.payload, hits: hits, unreadable: readings.isEmpty))
        }
        return findings
    }

    /// `data:<media type>[;param…];base64,<payload>`, matched without regard to case as
    /// browsers do; the payload runs over the base64 alphabet (URL-safe too) and white space.
    static func base64DataURIs(in text: String) -> [(mediaType: String, payload: String)] {
        var text = text
        return text.withUTF8 { base64DataURIs(inUTF8: $0) }
    }

    /// Reads the bytes in place: every public page goes through here and almost none has a
    /// data: URI (copying each page into an array and testing "data:" at every byte through
    /// closures was 2% of a whole build).
    private static func base64DataURIs(inUTF8 b: UnsafeBufferPointer<UInt8>) -> [(mediaType: String, payload: String)] {
        let data = Array("data:".utf8), marker = Array(";base64,".utf8)
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }
        func isBase64(_ c: UInt8) -> Bool {
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c)
                || [0x2B, 0x2F, 0x3D, 0x2D, 0x5F, 0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(c)
        }
        @inline(__always) func matches(_ word: [UInt8], at start: Int) -> Bool {
            var k = 0
            while k < word.count, lower(b[start + k]) == word[k] { k += 1 }
            return k == word.count
        }
        var found: [(String, String)] = []
        var i = 0
        while i + data.count <= b.count {
            // The next "data:" starting at i or later ends at a colon: memchr finds colons at
            // memory speed, and the four bytes before one are compared only then.
            guard let base = b.baseAddress,
                  let hit = memchr(base + i + data.count - 1, 0x3A, b.count - (i + data.count - 1)) else { break }
            let colon = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            guard matches(data, at: colon - (data.count - 1)) else { i = colon - (data.count - 1) + 1; continue }
            i = colon - (data.count - 1)
            var j = i + data.count
            while j < b.count, b[j] != 0x2C, !isQuoteOrSpace(b[j]) { j += 1 }   // up to the comma
            guard j < b.count, b[j] == 0x2C, j + 1 - i - data.count >= marker.count,
                  matches(marker, at: j + 1 - marker.count) else { i += data.count; continue }
            var k = j + 1
            while k < b.count, isBase64(b[k]) { k += 1 }
            let mediaType = String(decoding: UnsafeBufferPointer(rebasing: b[(i + data.count)..<(j + 1 - marker.count)]), as: UTF8.self).lowercased()
            found.append((mediaType, String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<k]), as: UTF8.self)))
            i = k
        }
        return found
    }

    private static func isQuoteOrSpace(_ c: UInt8) -> Bool {
        [0x22, 0x27, 0x3C, 0x3E, 0x28, 0x29, 0x20, 0x09, 0x0A, 0x0D].contains(c)
    }

    /// Forgiving, as browsers are: white space dropped, URL-safe letters taken, padding optional.
    static func decodeBase64(_ payload: String) -> Data? {
        var clean = String(payload.unicodeScalars.filter { !" \t\n\r\u{0C}".unicodeScalars.contains($0) })
        clean = clean.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        clean = String(clean.prefix { $0 != "=" })
        guard !clean.isEmpty else { return nil }
        clean += String(repeating: "=", count: (4 - clean.count % 4) % 4)
        return Data(base64Encoded: clean)
    }

    /// Logs each finding at the source position that writes the data URI: the file's own
    /// sources first, then what every page shows, then (an asset) its decoded text.
    func reportDataURIs(_ findings: [DataURIFinding], own: [String], assetText: (path: String, text: String)?,
                        reported: inout Set<String>, log: DiagnosticLog) {
        for finding in findings where finding.unreadable || !finding.hits.isEmpty {
            let location = dataURILocation(finding.payload, own: own, assetText: assetText)
            var messages = finding.hits.map { "\($0.message) inside a base64 data: URI" }
            if finding.unreadable {
                messages.append("a base64 data: URI that is not text, so the publishing gate cannot check it for client data: move it into a file under \(templatesPrefix)/assets and list that under `unscanned` in site.yaml")
            }
            for message in messages where reported.insert("\(location)\u{1}\(message)").inserted {
                log.error(message, at: location)
            }
        }
    }

    private func dataURILocation(_ payload: String, own: [String], assetText: (path: String, text: String)?) -> SourceLocation {
        let needle = String(payload.prefix { !" \t\n\r\u{0C}".contains($0) }.prefix(64))
        var candidates = (own + sharedSources).compactMap { path in sources[path].map { (path, $0.text) } }
        if let assetText { candidates.insert(assetText, at: 0) }
        for (path, text) in candidates where !needle.isEmpty {
            guard let range = text.range(of: needle) else { continue }
            let position = LineIndex(text).position(ofUTF8Offset: text.utf8.distance(from: text.startIndex, to: range.lowerBound))
            return SourceLocation(path: path, line: position.line, column: position.column)
        }
        return SourceLocation(path: own.first ?? templatesPrefix)
    }
}
