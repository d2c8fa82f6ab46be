import Foundation

/// Prints written reports to PDF with headless Chromium (Debian's `chromium`).
/// The browser is found via `BANSOU_CHROME`, else `chromium`, `chromium-browser`,
/// `google-chrome` on PATH. Two browsers run at a time.
public struct PDFPrinter: Sendable {
    public let browser: URL

    /// What the user is told when no browser is found (exit code 3).
    public static let missingBrowserMessage = "error: Chromium is needed for --pdf: run 'apt-get install -y chromium fonts-noto-cjk'"

    public init(browser: URL) {
        self.browser = browser
    }

    /// The browser to use, or nil when none is installed.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter? {
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

    /// Prints every job, `concurrency` browsers at a time; returns the failures (empty when all printed).
    public func print(_ jobs: [Job], concurrency: Int = 2, timeout: TimeInterval = 120) -> [Failure] {
        let queue = WorkQueue(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(concurrency, jobs.count))) { _ in
            while let index = queue.next() {
                if let failure = printOne(jobs[index], timeout: timeout) { queue.fail(failure) }
            }
        }
        return queue.failures.sorted { $0.job.pdf.path < $1.job.pdf.path }
    }

    /// Hands out job indices and collects failures under a lock.
    final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private let count: Int
        private(set) var failures: [Failure] = []

        init(count: Int) { self.count = count }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard cursor < count else { return nil }
            cursor += 1
            return cursor - 1
        }

        func fail(_ failure: Failure) {
            lock.lock(); defer { lock.unlock() }
            failures.append(failure)
        }
    }

    func printOne(_ job: Job, timeout: TimeInterval) -> Failure? {
        let fm = FileManager.default
        // Each browser gets its own profile, so two can run side by side.
        let profile = fm.temporaryDirectory.appendingPathComponent("bansou-chrome-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: profile) }
        let partial = job.pdf.deletingLastPathComponent().appendingPathComponent(".report.pdf.partial-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: partial) }
        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-extensions", "--user-data-dir=\(profile.path)",
            "--print-to-pdf=\(partial.path)", job.html.standardizedFileURL.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = environment["HOME"] ?? profile.path
        process.environment = environment
        // stderr to a file, not a pipe: a browser helper that keeps it open cannot hang us.
        try? fm.createDirectory(at: profile, withIntermediateDirectories: true)
        let errorLog = profile.appendingPathComponent("stderr.log")
        _ = fm.createFile(atPath: errorLog.path, contents: nil)
        guard let errors = try? FileHandle(forWritingTo: errorLog) else {
            return Failure(job: job, message: "cannot create \(errorLog.path) for the browser's messages")
        }
        defer { try? errors.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return Failure(job: job, message: "cannot start \(browser.path): \(OutputStaging.reason(error))")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            return Failure(job: job, message: "\(browser.lastPathComponent) did not finish printing \(job.displayPath) in \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, let size = (try? fm.attributesOfItem(atPath: partial.path))?[.size] as? Int, size > 0 else {
            let stderrData = fm.contents(atPath: errorLog.path) ?? Data()
            let tail = String(decoding: stderrData, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            return Failure(job: job, message: "\(browser.lastPathComponent) failed to print \(job.displayPath) (status \(process.terminationStatus)): \(tail)")
        }
        do {
            if fm.fileExists(atPath: job.pdf.path) { try fm.removeItem(at: job.pdf) }
            try fm.moveItem(at: partial, to: job.pdf)
        } catch {
            return Failure(job: job, message: "cannot write \(job.displayPath): \(OutputStaging.reason(error))")
        }
        return nil
    }
}
