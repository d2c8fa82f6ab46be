import Foundation

/// Prints written reports to PDF with one headless Chromium (Debian's `chromium`) for the
/// whole run, driven over the DevTools pipe (PDFPrintRun, DevToolsPipe), several tabs at once.
/// The browser is found via `BANSOU_CHROME`, else `chromium`, `chromium-browser`,
/// `google-chrome` on PATH.
public struct PDFPrinter: Sendable {
    public let browser: URL
    /// Seconds each step of a report may take; `BANSOU_PDF_TIMEOUT` sets another.
    public var timeout: TimeInterval = 60
    /// Tabs printing at once: on 2 cores, 3 keep both busy while one tab waits for its page.
    public static let defaultTabs = 3
    /// Tabs of this printer; `BANSOU_PDF_TABS` sets another number (to measure, or for more cores).
    public var tabs = PDFPrinter.defaultTabs

    /// What the user is told when no browser is found (exit code 3).
    public static let missingBrowserMessage = "error: Chromium is needed for --pdf: run 'apt-get install -y chromium fonts-noto-cjk'"

    public init(browser: URL) {
        self.browser = browser
    }

    /// The browser to use, or nil when none is installed.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter? {
        locateBrowser(environment: environment).map { found in
            var printer = found
            if let text = environment["BANSOU_PDF_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 { printer.timeout = seconds }
            if let text = environment["BANSOU_PDF_TABS"], let tabs = Int(text), tabs > 0 { printer.tabs = min(tabs, 32) }
            return printer
        }
    }

    private static func locateBrowser(environment: [String: String]) -> PDFPrinter? {
        let fm = FileManager.default
        if let explicit = environment["BANSOU_CHROME"], !explicit.isEmpty {
            if explicit.contains("/") {
                return fm.isExecutableFile(atPath: explicit) ? PDFPrinter(browser: URL(fileURLWithPath: explicit)) : nil
            }
            return onPath(explicit, environment: environment).map(PDFPrinter.init)
        }
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if let url = onPath(name, environment: environment) { return PDFPrinter(browser: url) }
        }
        return nil
    }

    static func onPath(_ name: String, environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    public struct Job: Sendable {
        public let html: URL
        public let pdf: URL
        /// The PDF as the user knows it (`Output/reports/<id>/report.pdf`), for messages:
        /// the job itself prints into a staging folder.
        public let displayPath: String
        public init(html: URL, pdf: URL, displayPath: String? = nil) {
            self.html = html
            self.pdf = pdf
            self.displayPath = displayPath ?? pdf.path
        }
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let job: Job
        public let message: String
        public var description: String { message }
    }

    /// Prints every job in `concurrency` (else `tabs`) tabs of one browser; returns the failures (empty when
    /// all printed). `timeout` bounds each step of a report (open, load, print): a page or a
    /// browser that hangs longer is given up on (the browser started again when it hangs).
    /// `date` becomes the PDFs' creation date (see PDFDeterminism); `progress` is told of each
    /// report done, printed or failed for good.
    public func print(_ jobs: [Job], concurrency: Int? = nil, timeout: TimeInterval? = nil, date: Day? = nil,
                      progress: (@Sendable (_ done: Int, _ total: Int, _ job: Job) -> Void)? = nil) -> [Failure] {
        PDFPrintRun(jobs: jobs, browser: browser, timeout: timeout ?? self.timeout, date: date, progress: progress).run(tabs: concurrency ?? tabs)
    }
}
