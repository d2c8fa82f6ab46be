import Foundation
import FuzzSupport
@testable import Bansou

/// Target (c): the leak normaliser and scanner on any text, in every ScanFormat, with the
/// identifying terms of two fixed clients (the sample's Content/clients/aozora-farm.yaml and
/// hikari-kaigo.yaml) and site.yaml's allow-list.
///
/// Invariants: no crash; every normalized byte maps to a range of the original text that lies
/// inside it, starts and ends on scalar boundaries, and the ranges run forward (one run for the
/// text, a second for the tag contents of markup); the normalized text is UTF-8; every hit lies
/// inside the text on scalar boundaries, in order, with the line and column of its start, its
/// `matched` text equal to that range, a client among the fixed ones, and a mask that does not
/// show the match.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLeakScan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    LeakScanCheck.run(text)
    return 0
}

enum LeakScanCheck {
    static let formats: [ScanFormat] = [.literal, .plain, .markup]

    /// Read once: the clients are the sample's, so the terms have kana, legal forms, phone,
    /// corporate number and website variants. The path is this source file's, so the target
    /// finds them from any working directory.
    static let clients: [Client] = {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Content/clients").standardizedFileURL
        return ["aozora-farm", "hikari-kaigo"].map { id in
            let url = content.appendingPathComponent("\(id).yaml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
            let (client, diagnostics) = YAMLDocument.decode(Client.self, yaml: text, path: url.path)
            guard let client else { fatalError("cannot decode \(url.path): \(diagnostics)") }
            return client
        }
    }()
    static let clientIDs = Set(clients.map(\.id.value))
    static let scanner = LeakScanner(clients: clients, allow: ["dx@example.jp", "0120-000-000"])

    static func run(_ text: String) {
        let utf8 = Array(text.utf8)
        for format in formats {
            checkNormalized(TextNormalizer.normalize(text, format: format), utf8, format)
            checkHits(scanner.scan(text, format: format), text, utf8, format)
        }
        let prepared = MarkdownScanText.prepare(text)
        invariant(prepared.unicodeScalars.count == text.unicodeScalars.count, "MarkdownScanText changed the scalar count")
        checkHits(scanner.scan(prepared, format: .plain), prepared, Array(prepared.utf8), .plain)
    }

    static func isBoundary(_ utf8: [UInt8], _ offset: Int) -> Bool {
        offset == utf8.count || utf8[offset] & 0xC0 != 0x80
    }

    static func checkNormalized(_ normalized: NormalizedText, _ utf8: [UInt8], _ format: ScanFormat) {
        let n = normalized.count
        invariant(normalized.sourceStarts.count == n && normalized.sourceEnds.count == n, "\(format): map and bytes differ in length")
        invariant(String(validating: normalized.bytes, as: UTF8.self) != nil, "\(format): normalized text is not UTF-8")
        var descents = 0
        for i in 0..<n {
            let start = Int(normalized.sourceStarts[i]), end = Int(normalized.sourceEnds[i])
            invariant(0 <= start && start <= end && end <= utf8.count, "\(format): byte \(i) maps to \(start)..<\(end) of \(utf8.count)")
            invariant(isBoundary(utf8, start) && isBoundary(utf8, end), "\(format): byte \(i) maps to \(start)..<\(end), not scalar boundaries")
            if i > 0 && start < Int(normalized.sourceStarts[i - 1]) { descents += 1 }
        }
        invariant(descents <= 1, "\(format): source ranges run backwards \(descents) times")
    }

    static func checkHits(_ hits: [LeakHit], _ text: String, _ utf8: [UInt8], _ format: ScanFormat) {
        var previous = -1
        for hit in hits {
            let range = hit.range
            invariant(0 <= range.lowerBound && range.lowerBound < range.upperBound && range.upperBound <= utf8.count,
                      "\(format): hit \(range) outside the text (\(utf8.count) bytes)")
            invariant(isBoundary(utf8, range.lowerBound) && isBoundary(utf8, range.upperBound), "\(format): hit \(range) splits a scalar")
            invariant(range.lowerBound >= previous, "\(format): hits out of order")
            previous = range.lowerBound
            let before = utf8[..<range.lowerBound]
            let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = utf8[lineStart..<range.lowerBound].filter { $0 & 0xC0 != 0x80 }.count + 1
            invariant(hit.line == line && hit.column == column, "\(format): hit at \(hit.line):\(hit.column), expected \(line):\(column)")
            invariant(hit.matched == String(decoding: utf8[range], as: UTF8.self), "\(format): matched is not the hit's text")
            if let client = hit.clientID { invariant(clientIDs.contains(client), "\(format): unknown client \(client)") }
            // The message names the client id by design (`of client hikari-kaigo`), which may equal
            // the match (an identifier written like the id); the mask is what must hide it.
            if hit.matched.unicodeScalars.count >= 3 { invariant(!hit.masked.contains(hit.matched), "\(format): mask prints the match") }
        }
    }
}

@main
enum FuzzLeakScanMain {
    static func main() { FuzzDriver.run(fuzzLeakScan) }
}
