import Foundation
import Testing
@testable import Bansou

/// The publishing gate's fast paths find exactly what the plain loops found.
@Suite struct GateSpeedTests {
    /// The data: URI finder as it was: "data:" tested at every byte.
    static func referenceDataURIs(in text: String) -> [(mediaType: String, payload: String)] {
        let b = Array(text.utf8)
        let data = Array("data:".utf8), marker = Array(";base64,".utf8)
        func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }
        func isBase64(_ c: UInt8) -> Bool {
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c)
                || [0x2B, 0x2F, 0x3D, 0x2D, 0x5F, 0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(c)
        }
        func isQuoteOrSpace(_ c: UInt8) -> Bool { [0x22, 0x27, 0x3C, 0x3E, 0x28, 0x29, 0x20, 0x09, 0x0A, 0x0D].contains(c) }
        var found: [(String, String)] = []
        var i = 0
        while i + data.count <= b.count {
            guard (0..<data.count).allSatisfy({ lower(b[i + $0]) == data[$0] }) else { i += 1; continue }
            var j = i + data.count
            while j < b.count, b[j] != 0x2C, !isQuoteOrSpace(b[j]) { j += 1 }
            guard j < b.count, b[j] == 0x2C, j + 1 - i - data.count >= marker.count,
                  (0..<marker.count).allSatisfy({ lower(b[j + 1 - marker.count + $0]) == marker[$0] }) else { i += data.count; continue }
            var k = j + 1
            while k < b.count, isBase64(b[k]) { k += 1 }
            found.append((String(decoding: b[(i + data.count)..<(j + 1 - marker.count)], as: UTF8.self).lowercased(),
                          String(decoding: b[(j + 1)..<k], as: UTF8.self)))
            i = k
        }
        return found
    }

    @Test func dataURIFinderMatchesTheByteByByteLoop() {
        let texts = [
            "", ":", "data", "data:", ":data:", "xdata:,", "DATA:image/svg+xml;BASE64,PHN2Zz4=",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src='DaTa:text/plain;charset=utf-8;base64,5bGx55Sw'>",
            "data:data:text/html;base64,PGI+ data:;base64, data:text/plain,plain data:a;base64,QUJD\n RE= tail",
            "url(data:image/svg+xml;base64,PHN2Zz48dGV4dD7lsbHnlLA8L3RleHQ+PC9zdmc+) https://e.jp:8080/ a:b:c:data:x;base64,QQ==",
            "山田data:image/svg+xml;base64,PHN2Zz4= 精工:data:", "data:image/png;base64,\t i V B O R w 0 K \n",
            String(repeating: "color: red; ", count: 50) + "data:image/gif;base64,R0lGODlh",
        ]
        for text in texts {
            let fast = PublishingGate.base64DataURIs(in: text), plain = Self.referenceDataURIs(in: text)
            #expect(fast.map(\.mediaType) == plain.map(\.mediaType), "\(text)")
            #expect(fast.map(\.payload) == plain.map(\.payload), "\(text)")
        }
    }
}
