import Foundation
import Testing
@testable import Bansou

/// PDFDeterminism on bytes written as Chromium writes them (the browser itself is in
/// ReportPDFRunTests): every length kept, dates set to the as-of day, structure-tree ids
/// renumbered in order, anything else untouched.
struct PDFDeterminismTests {
    static let chromiumLike = """
        %PDF-1.4
        1 0 obj
        <</Producer (Skia/PDF m156)
        /CreationDate (D:20261203144701+00'00')
        /ModDate (D:20261203144702+00'00')>>
        endobj
        400 0 obj
        <</Type /StructElem /A [<</O /Table /Scope /Column>>] /ID (node00003178)>>
        endobj
        401 0 obj
        <</Type /StructElem /A [<</O /Table /Headers [(node00003174) (node00003341)]>>]>>
        endobj
        813 0 obj
        <</Limits [(node00003174) (node00003341)] /Names [(node00003174) 401 0 R (node00003178) 400 0 R (node00003341) 402 0 R]>>
        endobj
        (nodes) (node) (node12x) (D:notadate)
        xref

        """

    @Test func datesAndNodeIDsAreFixedWithoutChangingAnyLength() throws {
        let input = Data(Self.chromiumLike.utf8)
        let output = PDFDeterminism.normalize(input, date: try #require(Day("2026-11-25")))
        #expect(output.count == input.count)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20261125000000+00'00')"))
        #expect(text.contains("/ModDate (D:20261125000000+00'00')"))
        // 3174 < 3178 < 3341 become 1, 2, 3, zero-padded to the same width.
        #expect(text.contains("/ID (node00000002)"))
        #expect(text.contains("/Headers [(node00000001) (node00000003)]"))
        #expect(text.contains("/Limits [(node00000001) (node00000003)] /Names [(node00000001) 401 0 R (node00000002) 400 0 R (node00000003) 402 0 R]"))
        // Not ids: left alone.
        #expect(text.contains("(nodes) (node) (node12x) (D:notadate)"))
        #expect(PDFDeterminism.normalize(output, date: try #require(Day("2026-11-25"))) == output, "normalizing twice changes nothing more")
    }

    /// Two prints of one page in tabs that had printed different things before: only the
    /// counter's numbers differ, and after normalizing not even those.
    @Test func theSamePageFromTwoTabsNormalizesToTheSameBytes() throws {
        let other = Self.chromiumLike
            .replacingOccurrences(of: "20261203144701", with: "20261203150959")
            .replacingOccurrences(of: "20261203144702", with: "20261203151000")
            .replacingOccurrences(of: "00003174", with: "00913174")
            .replacingOccurrences(of: "00003178", with: "00913178")
            .replacingOccurrences(of: "00003341", with: "00913341")
        let day = try #require(Day("2026-11-25"))
        #expect(Data(other.utf8) != Data(Self.chromiumLike.utf8))
        #expect(PDFDeterminism.normalize(Data(other.utf8), date: day) == PDFDeterminism.normalize(Data(Self.chromiumLike.utf8), date: day))
    }

    /// A PDF that is not Chromium's (a test's stand-in browser) passes through unchanged.
    @Test func aPDFWithoutDatesOrIDsIsLeftAsItIs() throws {
        let plain = Data("%PDF-1.4\n% printed from file:///x/index.html at 1733300000\n".utf8)
        #expect(PDFDeterminism.normalize(plain, date: try #require(Day("2026-11-25"))) == plain)
    }
}
