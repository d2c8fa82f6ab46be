import Foundation
import Testing
import Bansou

/// The real browser: prints the bundled sample's reports with headless Chromium and
/// checks them with poppler. CI installs chromium, fonts-noto-cjk and poppler-utils;
/// without them these tests FAIL (they never skip), so a broken CI image is noticed.
@Suite(.serialized)
struct ReportPDFTests {
    /// Every sample client's PDF, each read with poppler: A4 pages, every font embedded
    /// (pdffonts), and the text of that client's own report (its name, stage, every task of
    /// the roadmap and the reason for its stage, from the build's report.json).
    @Test func everySampleReportPrintsToA4WithItsOwnTextAndEmbeddedFonts() throws {
        #expect(PDFPrinter.locate() != nil, "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
        let site = try FixtureSite.sample()
        let run = try site.run("build", "--pdf")
        #expect(run.status == 0, "\(run.stderr)")
        let clients = try site.clientsOnDisk()
        #expect(clients.count >= 8)
        #expect(run.stdout.contains(" \(try site.pdfCount()) PDF"), "\(run.stdout)")
        // Not a terminal: no progress line.
        #expect(!run.stderr.contains("印刷中"), "\(run.stderr)")

        for id in clients {
            let pdf = try PDFFacts(site.root.appendingPathComponent("Output/reports/\(id)/report.pdf").path)
            let report = try site.reportJSON(id)
            #expect(pdf.pages > 1, "\(id): \(pdf.pages) pages")
            #expect(pdf.everyPageIsA4, "\(id): \(pdf.pageSizes)")
            // Chromium embeds the CJK faces (Noto Sans CJK, CFF) as Type 3 fonts; none may be left to the reader's machine.
            #expect(!pdf.fonts.isEmpty && pdf.fonts.allSatisfy(\.embedded), "\(id): \(pdf.fonts)")

            let text = pdf.compactText
            let name = try #require(report["name"] as? String)
            let stage = try #require(report["stage"] as? Int)
            #expect(text.contains(name), "\(id): the PDF does not name \(name)")
            #expect(text.contains("段階\(stage)"), "\(id): stage \(stage) missing")
            #expect(text.contains("社外秘"))
            let reason = try #require(report["stage_reason"] as? String).filter { !$0.isWhitespace }
            #expect(text.contains(String(reason.prefix(40))), "\(id): the reason for the stage is missing")
            for task in report["roadmap"] as? [[String: Any]] ?? [] {
                let title = try #require(task["title"] as? String).filter { !$0.isWhitespace }
                #expect(text.contains(title), "\(id): roadmap task «\(title)» missing")
            }
            // Page numbers from the @page margin box (none on the cover), and the last page is numbered: no blank trailing page.
            #expect(text.contains("2/\(pdf.pages)") && text.contains("\(pdf.pages)/\(pdf.pages)"), "\(id): page numbers missing")
            let lastPage = try pdf.text(ofPage: pdf.pages).filter { !$0.isWhitespace }
            #expect(lastPage.count > 100, "\(id): the last page looks blank")
        }
    }

    @Test func reportCommandPrintsOneClient() throws {
        #expect(PDFPrinter.locate() != nil, "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
        let site = try FixtureSite.sample()
        let run = try site.run("report", "kaneda-shoten", "--pdf")
        #expect(run.status == 0, "\(run.stderr)")
        // The same path as a build: one browser over the DevTools pipe, the whole report printed.
        let pdf = try PDFFacts(site.root.appendingPathComponent("Output/reports/kaneda-shoten/report.pdf").path)
        #expect(pdf.everyPageIsA4 && pdf.pages > 1)
        #expect(pdf.compactText.contains("有限会社金田商店"))
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
