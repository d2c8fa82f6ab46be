import Foundation

/// The one headless Chromium of a print run, started when first needed and started again when
/// it dies or is discarded because it hangs. Two starts failing in a row end the run's hope of a
/// browser: every report left then fails with the reason, instead of starting it 1,000 times.
final class PDFBrowser: @unchecked Sendable {
    enum State {
        case ready(DevToolsPipe, generation: Int)
        /// `final`: no further start will be tried.
        case unavailable(String, final: Bool)
    }

    let executable: URL
    private let lock = NSLock()
    private var pipe: DevToolsPipe?
    private var profile: URL?
    private var generation = 0
    private var failedStarts = 0
    private var lastStartFailure = ""
    private var discarded = Set<Int>()
    /// Browsers started again after one died or hung (for the build's notes).
    private(set) var restarts = 0

    init(executable: URL) {
        self.executable = executable
    }

    /// The running browser, started (or started again) if there is none. Other tabs wait here
    /// while it starts.
    func current() -> State {
        lock.lock(); defer { lock.unlock() }
        if let pipe, pipe.isOpen { return .ready(pipe, generation: generation) }
        if pipe != nil {
            retire()
            restarts += 1
        }
        if failedStarts >= 2 { return .unavailable(lastStartFailure, final: true) }
        do {
            let started = try launch()
            generation += 1
            failedStarts = 0
            pipe = started
            return .ready(started, generation: generation)
        } catch {
            failedStarts += 1
            lastStartFailure = "\(error)"
            return .unavailable(lastStartFailure, final: failedStarts >= 2)
        }
    }

    /// Kills the browser of `generation` (it hangs); the next `current()` starts another.
    func discard(_ generation: Int) {
        lock.lock(); defer { lock.unlock() }
        guard generation == self.generation, let pipe else { return }
        discarded.insert(generation)
        pipe.kill()
    }

    /// Whether the browser of `generation` was killed on purpose (a report in another tab hung):
    /// the reports it took down with it are not to blame.
    func wasDiscarded(_ generation: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return discarded.contains(generation)
    }

    func shutdown() {
        lock.lock(); defer { lock.unlock() }
        pipe?.close()
        retire()
    }

    /// Kills the current browser (if still running) and removes its profile.
    private func retire() {
        pipe?.kill()
        pipe = nil
        if let profile { try? FileManager.default.removeItem(at: profile) }
        profile = nil
    }

    private func launch() throws -> DevToolsPipe {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("bansou-chrome-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = environment["HOME"] ?? folder.path
        do {
            let started = try DevToolsPipe.launch(executable, arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-sync", "--disable-component-update", "--mute-audio", "--hide-scrollbars",
                // No crash handler: it would leave our process group, so killing the group would miss it.
                "--disable-breakpad", "--disable-crash-reporter",
                // No throttled timers in tabs Chromium thinks are in the background (see PDFPrintRun.openTab).
                "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "about:blank",
            ], environment: environment, errorLog: folder.appendingPathComponent("stderr.log"))
            do {
                // The first answer says the browser is up (it can take seconds on a busy machine).
                _ = try started.call("Browser.getVersion", timeout: 60)
            } catch {
                started.kill()
                let tail = started.errorTail()
                throw DevToolsPipe.Failure.closed("it did not start" + (tail.isEmpty ? " (\(error))" : ": " + tail))
            }
            profile = folder
            return started
        } catch {
            try? fm.removeItem(at: folder)
            throw error
        }
    }
}
