import Foundation
import Testing
import Bansou

/// One Chromium for the whole --pdf run (issue 15): what happens when it dies, when a report
/// hangs or cannot be opened, whether two runs give the same bytes, and the progress line.
/// The real browser and the real binary; like ReportPDFTests they fail, never skip, without
/// chromium, fonts-noto-cjk and poppler-utils.
@Suite(.serialized)
struct ReportPDFRunTests {
    static func browser() throws -> String {
        try #require(PDFPrinter.locate(environment: ProcessInfo.processInfo.environment.filter { $0.key != "BANSOU_CHROME" })?.browser.path,
                     "Chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
    }

    /// The browser is killed (SIGKILL) once 3 reports are printed: it is started again and the
    /// other reports are printed; the build succeeds with every PDF whole.
    @Test func aBrowserKilledMidRunIsStartedAgain() throws {
        let site = try FixtureSite.sample()
        let marker = site.root.appendingPathComponent("killed-after").path
        // The wrapper runs the real browser in the background (handing on fds 3 and 4), and the
        // first time it is started kills it as soon as 3 report.pdf files exist in the staging tree.
        let wrapper = site.root.appendingPathComponent("killing-chromium").path
        let script = """
        #!/bin/sh
        if [ -e '\(marker)' ]; then exec '\(try Self.browser())' "$@"; fi
        '\(try Self.browser())' "$@" &
        browser=$!
        exec 3<&- 4>&-
        while kill -0 $browser 2>/dev/null; do
          printed=$(find '\(site.root.path)/Output' -name report.pdf | wc -l)
          if [ "$printed" -ge 3 ]; then echo "$printed" > '\(marker)'; kill -9 $browser; break; fi
          sleep 0.05
        done
        wait $browser

        """
        FileManager.default.createFile(atPath: wrapper, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf"], in: site.root,
                                       environment: FixtureSite.environment(["BANSOU_CHROME": wrapper]))
        let killedAfter = try #require(Int((try? String(contentsOfFile: marker, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""),
                                       "the browser was never killed")
        let expected = try site.pdfCount()
        #expect(killedAfter < expected, "killed only after \(killedAfter) of \(expected) reports: not mid-run")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" \(expected) PDF"), "\(run.stdout)")
        for id in try site.clientsOnDisk() {
            let pdf = try PDFFacts(site.root.appendingPathComponent("Output/reports/\(id)/report.pdf").path)
            #expect(pdf.pages > 1 && pdf.everyPageIsA4, "\(id)")
            #expect(pdf.compactText.contains(try #require(site.reportJSON(id)["name"] as? String)), "\(id)")
        }
        #expect(try Self.leftovers(in: site.root.appendingPathComponent("Output")).isEmpty)
    }

    /// A report whose page never finishes loading (a template's script that loops for one
    /// client) is given up on twice and is an error naming that client; the others print.
    @Test func aReportThatHangsIsAnErrorNamingItsClient() throws {
        let site = try FixtureSite.sample()
        // The script picks the client by the sum of its id's characters: the id itself written
        // into every report would be stopped by the publishing gate (a report names no other client).
        let sums = try site.clientsOnDisk().map { $0.unicodeScalars.reduce(0) { $0 + Int($1.value) } }
        let sum = "kaneda-shoten".unicodeScalars.reduce(0) { $0 + Int($1.value) }
        try #require(sums.filter { $0 == sum }.count == 1)
        let template = try site.read("Templates/report/report.mustache")
        try #require(template.contains("</head>"))
        try site.write("Templates/report/report.mustache", template.replacingOccurrences(of: "</head>", with: """
            <script>if ([...location.pathname.split('/').slice(-2)[0]].reduce((sum, c) => sum + c.charCodeAt(0), 0) === \(sum)) { for (;;) {} }</script>
            </head>
            """))
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf"], in: site.root,
                                       environment: FixtureSite.environment(["BANSOU_CHROME": nil, "BANSOU_PDF_TIMEOUT": "8"]))
        #expect(run.status == 1)
        #expect(run.errorLines.count == 1, "\(run.stderr)")
        let line = try #require(run.errorLines.first)
        #expect(line.hasPrefix("Output/reports/kaneda-shoten/report.pdf:1:1: error: chromium failed to print Output/reports/kaneda-shoten/report.pdf twice: "), "\(line)")
        #expect(line.contains("in 8 s") && line.contains("hangs"), "\(line)")
        // Printed before the swap: the failed build left no Output/reports (the one error above says the other seven printed).
        #expect(!site.exists("Output/reports"))
    }

    /// The printer itself: a report whose HTML cannot be opened is a failure naming it (tried
    /// twice), and it does not stop the report beside it.
    @Test func aReportThatCannotBeOpenedIsAFailureNamingIt() throws {
        let printer = try #require(PDFPrinter.locate(environment: ProcessInfo.processInfo.environment.filter { $0.key != "BANSOU_CHROME" }))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bansou-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("good.html")
        try Data("<!doctype html><html lang=ja><meta charset=utf-8><title>t</title><p>株式会社テスト 様".utf8).write(to: page)
        let jobs = [
            PDFPrinter.Job(html: page, pdf: folder.appendingPathComponent("good.pdf"), displayPath: "Output/reports/good-client/report.pdf"),
            PDFPrinter.Job(html: folder.appendingPathComponent("missing.html"), pdf: folder.appendingPathComponent("missing.pdf"),
                           displayPath: "Output/reports/missing-client/report.pdf"),
        ]
        let failures = printer.print(jobs)
        #expect(failures.map(\.job.displayPath) == ["Output/reports/missing-client/report.pdf"])
        let message = try #require(failures.first?.message)
        #expect(message.hasPrefix("chromium failed to print Output/reports/missing-client/report.pdf twice: cannot open \(folder.path)/missing.html: net::ERR_FILE_NOT_FOUND"), "\(message)")
        #expect(try PDFFacts(folder.appendingPathComponent("good.pdf").path).compactText.contains("株式会社テスト様"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing.pdf").path))
        #expect(try Self.leftovers(in: folder).isEmpty)
    }

    /// Two builds give byte-identical PDFs: Chromium's creation date and the ids of its
    /// structure tree are fixed (PDFDeterminism); the date is the report's as-of day.
    @Test func twoBuildsGiveTheSamePDFBytes() throws {
        let site = try FixtureSite.sample()
        #expect(try site.run("build", "--pdf").status == 0)
        // At least a second apart, so a creation date left as Chromium wrote it would differ.
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try site.run("build", "--pdf", "--output", "Again").status == 0)
        for id in try site.clientsOnDisk() {
            let first = try Data(contentsOf: site.root.appendingPathComponent("Output/reports/\(id)/report.pdf"))
            let second = try Data(contentsOf: site.root.appendingPathComponent("Again/reports/\(id)/report.pdf"))
            #expect(first == second, "\(id): the two PDFs differ")
        }
        let info = try FixtureSite.exec("pdfinfo", [site.root.appendingPathComponent("Output/reports/yamada-seiko/report.pdf").path])
        let asOf = try #require(site.reportJSON("yamada-seiko")["as_of"] as? String)
        let day = try #require(Day(asOf))
        // pdfinfo shows the date as e.g. "Wed Nov 25 00:00:00 2026 UTC".
        #expect(info.stdout.contains("CreationDate:") && info.stdout.contains(" \(day.day) 00:00:00 \(day.year)"), "\(info.stdout)")
    }

    /// On a terminal (`script` gives the build one) the progress line counts the reports;
    /// --quiet shows none.
    @Test func progressIsShownOnATerminalAndNotUnderQuiet() throws {
        let site = try FixtureSite.sample()
        let binary = try FixtureSite.binary().path
        let shown = try FixtureSite.exec("/usr/bin/script", ["-qec", "'\(binary)' build --pdf", "/dev/null"], in: site.root)
        #expect(shown.status == 0, "\(shown.stdout)")
        let total = try site.pdfCount()
        for done in 1..<total { #expect(shown.stdout.contains("[\(done)/\(total)] 印刷中 "), "[\(done)/\(total)] missing: \(shown.stdout)") }
        #expect(shown.stdout.contains("[1/\(total)] 印刷中 ") && shown.stdout.contains(" \(total) PDF"))
        let quiet = try FixtureSite.exec("/usr/bin/script", ["-qec", "'\(binary)' build --pdf --quiet", "/dev/null"], in: site.root)
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("印刷中"), "\(quiet.stdout)")
    }

    /// Temporary names left behind (`.report.pdf.partial-…`).
    static func leftovers(in folder: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.contains(".partial-") }
    }
}
