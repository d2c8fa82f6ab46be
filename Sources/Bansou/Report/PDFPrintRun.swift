import Foundation

/// One `PDFPrinter.print`: a thread per tab takes the next report, prints it in its tab of the
/// one browser and writes it under a temporary name, renamed when whole. A report whose print
/// failed goes to the back of the queue once; failing again, it is an error naming it.
final class PDFPrintRun: @unchecked Sendable {
    typealias Job = PDFPrinter.Job
    typealias Progress = @Sendable (_ done: Int, _ total: Int, _ job: Job) -> Void

    private let jobs: [Job]
    private let browser: PDFBrowser
    private let timeout: TimeInterval
    private let date: Day?
    private let progress: Progress?
    private var name: String { browser.executable.lastPathComponent }

    private let lock = NSLock()
    private var queue: [Int]
    private var head = 0
    private var attempts: [Int]
    private var reasons: [Int: String] = [:]
    private var failures: [PDFPrinter.Failure] = []
    private var done = 0

    init(jobs: [Job], browser: URL, timeout: TimeInterval, date: Day?, progress: Progress?) {
        self.jobs = jobs
        self.browser = PDFBrowser(executable: browser)
        self.timeout = timeout
        self.date = date
        self.progress = progress
        self.queue = Array(jobs.indices)
        self.attempts = Array(repeating: 0, count: jobs.count)
    }

    /// Prints with `tabs` tabs; returns the failures (empty when every report printed).
    func run(tabs: Int) -> [PDFPrinter.Failure] {
        guard !jobs.isEmpty else { return [] }
        let finished = DispatchGroup()
        // Threads of our own, not concurrentPerform: each mostly waits for the browser, and
        // there may be more tabs than cores.
        for number in 0..<max(1, min(tabs, jobs.count)) {
            finished.enter()
            let thread = Thread { [self] in
                work()
                finished.leave()
            }
            thread.name = "bansou-pdf-tab-\(number)"
            thread.start()
        }
        finished.wait()
        browser.shutdown()
        return failures.sorted { $0.job.pdf.path < $1.job.pdf.path }
    }

    // MARK: - The queue

    private func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard head < queue.count else { return nil }
        head += 1
        return queue[head - 1]
    }

    private enum Outcome {
        case printed
        /// `retry`: worth another try (a write error is not); `charged`: counts as one of the
        /// report's two tries (not when another report's hang took the browser down).
        case failed(String, retry: Bool, charged: Bool)
    }

    private func settle(_ index: Int, _ outcome: Outcome) {
        lock.lock()
        var finishedJob = true
        switch outcome {
        case .printed:
            break
        case .failed(let reason, let retry, let charged):
            if charged { attempts[index] += 1 }
            if retry && attempts[index] < 2 {
                if charged { reasons[index] = reason }
                queue.append(index)
                finishedJob = false
            } else {
                let first = reasons[index]
                let said = attempts[index] < 2 ? ": \(reason)"
                    : first == nil || first == reason ? " twice: \(reason)" : " twice: \(first!); then \(reason)"
                failures.append(PDFPrinter.Failure(job: jobs[index], message: "\(name) failed to print \(jobs[index].displayPath)\(said)"))
            }
        }
        if finishedJob { done += 1 }
        let count = done
        lock.unlock()
        if finishedJob { progress?(count, jobs.count, jobs[index]) }
    }

    // MARK: - One tab

    private struct Tab {
        let generation: Int
        let target: String
        let session: String
    }

    /// What the page said went wrong (the browser itself is fine).
    private struct PageFailure: Error, CustomStringConvertible {
        let description: String
    }

    private func work() {
        var tab: Tab?
        while let index = next() {
            settle(index, attempt(jobs[index], tab: &tab))
        }
    }

    private func attempt(_ job: Job, tab: inout Tab?) -> Outcome {
        let pipe: DevToolsPipe, generation: Int
        switch browser.current() {
        case .unavailable(let reason, let final):
            return .failed(reason, retry: !final, charged: true)
        case .ready(let running, let number):
            (pipe, generation) = (running, number)
        }
        let data: Data
        do {
            if tab?.generation != generation { tab = try openTab(pipe, generation: generation) }
            data = try render(job, in: tab!, pipe: pipe)
        } catch let failure as DevToolsPipe.Failure {
            let broken = tab
            tab = nil
            switch failure {
            case .timedOut:
                // The page hangs (a script that never ends) or the browser does: the tab is
                // closed, and a browser that does not even answer that is started again.
                if broken == nil || !close(broken!, pipe: pipe) { browser.discard(generation) }
                return .failed("\(failure), the page or the browser hangs", retry: true, charged: true)
            case .closed:
                return .failed(failure.description, retry: true, charged: !browser.wasDiscarded(generation))
            case .answered:
                if let broken { _ = close(broken, pipe: pipe) }
                return .failed(failure.description, retry: true, charged: true)
            }
        } catch {
            if let broken = tab { _ = close(broken, pipe: pipe) }
            tab = nil
            return .failed("\(error)", retry: true, charged: true)
        }
        do {
            try write(PDFDeterminism.normalize(data, date: date), to: job.pdf)
        } catch {
            return .failed("cannot write \(job.displayPath): \(OutputStaging.reason(error))", retry: false, charged: true)
        }
        return .printed
    }

    private func openTab(_ pipe: DevToolsPipe, generation: Int) throws -> Tab {
        // A window of its own: a second tab of one window is a background tab, whose renderer
        // Chromium runs at nice 5 (checked with ps; --disable-renderer-backgrounding does not
        // change it), so on a busy machine every other process would come first.
        let target = try pipe.call("Target.createTarget", ["url": "about:blank", "newWindow": true], timeout: timeout)["targetId"] as? String ?? ""
        let session = try pipe.call("Target.attachToTarget", ["targetId": target, "flatten": true], timeout: timeout)["sessionId"] as? String ?? ""
        return Tab(generation: generation, target: target, session: session)
    }

    /// Closes a tab after a failure; false when the browser does not answer.
    private func close(_ tab: Tab, pipe: DevToolsPipe) -> Bool {
        (try? pipe.call("Target.closeTarget", ["targetId": tab.target], timeout: min(timeout, 10))) != nil
    }

    /// Waits for the load event and the fonts (the report's CJK faces are system fonts, but a
    /// template may add web fonts), so the PDF shows what a reader's print dialog would.
    private static let readyScript = """
        new Promise(done => document.readyState === 'complete' ? done() : addEventListener('load', () => done(), { once: true }))
          .then(() => document.fonts.ready).then(() => true)
        """

    /// A4 unless the page's CSS says otherwise (`@page { size: A4 }` in the report), its
    /// backgrounds, no header or footer of the browser's own (the report numbers its pages).
    private static let printOptions: [String: Any] = [
        "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false,
        "paperWidth": 8.27, "paperHeight": 11.69, "transferMode": "ReturnAsBase64",
    ]

    private func render(_ job: Job, in tab: Tab, pipe: DevToolsPipe) throws -> Data {
        let url = job.html.standardizedFileURL.absoluteString
        let navigation = try pipe.call("Page.navigate", ["url": url], session: tab.session, timeout: timeout)
        if let error = navigation["errorText"] as? String, !error.isEmpty {
            throw PageFailure(description: "cannot open \(job.html.path): \(error)")
        }
        let ready = try pipe.call("Runtime.evaluate", ["expression": Self.readyScript, "awaitPromise": true, "returnByValue": true],
                                  session: tab.session, timeout: timeout)
        if let exception = ready["exceptionDetails"] as? [String: Any] {
            let text = (exception["exception"] as? [String: Any])?["description"] as? String ?? exception["text"] as? String ?? "an error"
            throw PageFailure(description: "the page did not load: \(text)")
        }
        let printed = try pipe.call("Page.printToPDF", Self.printOptions, session: tab.session, timeout: timeout)
        guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64), data.starts(with: Array("%PDF-".utf8)) else {
            throw PageFailure(description: "the browser gave no PDF")
        }
        return data
    }

    /// Writes under a temporary name in the same folder and renames it: a report.pdf is never
    /// seen half written.
    private func write(_ data: Data, to pdf: URL) throws {
        let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try data.write(to: partial)
            guard rename(partial.path, pdf.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}
