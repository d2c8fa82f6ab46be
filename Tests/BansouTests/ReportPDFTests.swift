import Foundation
import Testing
import Bansou

/// The real browser: prints the bundled sample's reports with headless Chromium and
/// checks them with poppler. CI installs chromium, fonts-noto-cjk and poppler-utils;
/// without them these tests FAIL (they never skip), so a broken CI image is noticed.
@Suite(.serialized)
struct ReportPDFTests {
    @Test func sampleReportPrintsToA4PDFWithJapaneseText() throws {
        #expect(PDFPrinter.locate() != nil, "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
        let site = try FixtureSite.sample()
        let run = try site.run("build", "--pdf")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("8 PDF"), "\(run.stdout)")
        let pdf = site.root.appendingPathComponent("Output/reports/yamada-seiko/report.pdf").path
        #expect(FileManager.default.fileExists(atPath: pdf))

        let info = try FixtureSite.exec("pdfinfo", [pdf])
        #expect(info.status == 0, "pdfinfo (poppler-utils) is needed: \(info.stderr)")
        let pagesLine = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        let pages = try #require(Int(pagesLine.split(separator: " ").last ?? ""))
        #expect(pages > 1)
        let perPage = try FixtureSite.exec("pdfinfo", ["-f", "1", "-l", "\(pages)", pdf])
        let sizes = perPage.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size:") }
        #expect(sizes.count == pages)
        for line in sizes {
            // 595.x x 841.x pts (A4); Chromium writes 594.96 x 841.92.
            #expect(line.hasSuffix("(A4)") && (line.contains(" 594.") || line.contains(" 595.")) && line.contains(" 841."), "\(line)")
        }

        let text = try FixtureSite.exec("pdftotext", ["-layout", pdf, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("株式会社山田精工"))
        #expect(text.stdout.contains("段階2"))
        #expect(text.stdout.contains("デジタイゼーション"))
        #expect(text.stdout.contains("社外秘"))
        // Japanese glyphs came out as text, not tofu: a font with CJK was used.
        #expect(text.stdout.contains("段階") && text.stdout.contains("このたびのご報告"))
        // Page numbers from the @page margin box (none on the cover), and the last page is numbered: no blank trailing page.
        let compact = text.stdout.replacingOccurrences(of: " ", with: "")
        #expect(compact.contains("2/\(pages)") && compact.contains("\(pages)/\(pages)"), "page numbers missing")
        let lastPage = try FixtureSite.exec("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", pdf, "-"])
        #expect(lastPage.stdout.contains("時点の情報に基づく") || lastPage.stdout.count > 200, "the last page looks blank")
    }

    @Test func reportCommandPrintsOneClient() throws {
        #expect(PDFPrinter.locate() != nil, "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
        let site = try FixtureSite.sample()
        let run = try site.run("report", "kaneda-shoten", "--pdf")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.exists("Output/reports/kaneda-shoten/report.pdf"))
        #expect(!site.exists("Output/reports/yamada-seiko/report.pdf"))
        #expect(site.exists("Output/reports/yamada-seiko/index.html"))
    }

    @Test func noBrowserExitsWithThreeAndTheInstallCommand() throws {
        let site = try FixtureSite.sample()
        var environment = ProcessInfo.processInfo.environment
        environment["BANSOU_CHROME"] = "/nonexistent/chromium"
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf"], in: site.root, environment: environment)
        #expect(run.status == 3)
        #expect(run.stderr.contains("error: Chromium is needed for --pdf: run 'apt-get install -y chromium fonts-noto-cjk'"))
        #expect(!site.exists("Output"))
    }
}
