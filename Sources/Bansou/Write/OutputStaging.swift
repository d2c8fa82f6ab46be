import Foundation

/// The next output tree, built in `Output/.bansou-staging-<pid>/` beside the live `site/`
/// and `reports/` (so on the same file system) and swapped in with one rename per folder
/// (`RenameExchange`): a reader, a web server or a killed build sees the old folder or the
/// new one, never a mixture, and never a moment without `site/`.
///
/// A file whose bytes did not change is hard-linked from the live tree instead of written
/// again, which keeps a rebuild as cheap as the former in-place writer (and keeps the
/// unchanged file's modification time). Files are created, never rewritten, so a link
/// cannot change the live tree's copy.
///
/// Holds the output lock from creation until `commit()` or `discard()`.
public final class OutputStaging {
    public static let folderPrefix = ".bansou-staging-"

    let outputDirectory: URL
    let displayPath: String
    let roots: [String]
    /// The staging folder; `site/` and `reports/` inside it become the live ones.
    public let url: URL
    private var lock: OutputLock?
    /// Every non-folder entry of the live roots, relative to Output/ ("site/index.html").
    private let liveFiles: Set<String>
    private var placed: Set<String> = []
    private var summary = OutputWriter.Summary()
    /// Problems that did not fail the build (an old tree that could not be removed).
    public private(set) var warnings: [String] = []

    init(outputDirectory: URL, displayPath: String, roots: [String], waiting: (String) -> Void) throws {
        self.outputDirectory = outputDirectory
        self.displayPath = displayPath
        self.roots = roots
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: "cannot create \(displayPath)/: \(OutputStaging.reason(error))")
        }
        let lock = try OutputLock.acquire(in: outputDirectory, displayPath: displayPath, waiting: waiting)
        // Under the lock no other build is staging, so any staging folder left here is a killed build's.
        var warnings: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? [] where name.hasPrefix(Self.folderPrefix) {
            do {
                try fm.removeItem(at: outputDirectory.appendingPathComponent(name))
            } catch {
                warnings.append("could not remove \(displayPath)/\(name), left by an interrupted build (\(Self.reason(error)))")
            }
        }
        self.warnings = warnings
        let url = outputDirectory.appendingPathComponent(Self.folderPrefix + String(ProcessInfo.processInfo.processIdentifier))
        self.url = url
        do {
            for path in [url.path] + roots.map({ url.appendingPathComponent($0).path }) {
                guard mkdir(path, 0o777) == 0 else { throw FileSystemCalls.Failure(code: errno) }
            }
        } catch {
            try? fm.removeItem(at: url)
            throw WriteError(message: "cannot create the staging folder \(displayPath)/\(url.lastPathComponent): \(error)")
        }
        var live = Set<String>()
        for root in roots where FileSystemCalls.kind(outputDirectory.appendingPathComponent(root).path) == .directory {
            Self.collectFiles(in: outputDirectory, relative: root, into: &live)
        }
        liveFiles = live
        self.lock = lock
    }

    /// Puts every file into the staging tree: a hard link to the live file when its bytes
    /// are the same, else a new file. Runs on every core; the first failure is thrown
    /// (with how many other files failed) and nothing live has been touched.
    public func place(_ files: [OutputFile]) throws {
        // Two files for one path (never produced by a correct build): the last wins, as before.
        var last: [String: Int] = [:]
        for (index, file) in files.enumerated() { last[file.path] = index }
        let unique = files.enumerated().filter { last[$0.element.path] == $0.offset }.map(\.element)
        var created = Set<String>()
        for file in unique {
            var folder = ""
            for component in file.path.split(separator: "/").dropLast() {
                folder += folder.isEmpty ? String(component) : "/" + component
                if created.insert(folder).inserted {
                    do { try FileSystemCalls.makeDirectory(url.appendingPathComponent(folder).path) } catch {
                        throw WriteError(message: "cannot create \(displayPath)/\(folder)/: \(error)")
                    }
                }
            }
        }
        enum Placement { case linked, written, failed(String) }
        let live = liveFiles
        let outcomes: [Placement] = parallelMap(unique) { file in
            let staged = self.url.appendingPathComponent(file.path).path
            let current = self.outputDirectory.appendingPathComponent(file.path).path
            if live.contains(file.path), FileSystemCalls.regularFileSize(current) == file.contents.count,
               FileSystemCalls.contents(current) == file.contents, FileSystemCalls.hardLink(current, staged) {
                return .linked
            }
            do {
                try FileSystemCalls.createFile(staged, file.contents)
                return .written
            } catch {
                return .failed("\(error)")
            }
        }
        var failures: [(path: String, reason: String)] = []
        for (file, outcome) in zip(unique, outcomes) {
            switch outcome {
            case .linked: summary.unchanged += 1; placed.insert(file.path)
            case .written: summary.written += 1; placed.insert(file.path)
            case .failed(let reason): failures.append((file.path, reason))
            }
        }
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more file\(failures.count == 2 ? "" : "s"))" : ""
            throw WriteError(message: "cannot write \(displayPath)/\(first.path): \(first.reason)\(more)")
        }
    }

    /// Keeps a live file as it is (a report.pdf this run did not print); false when there is none.
    @discardableResult
    public func carryOver(_ path: String) -> Bool {
        let current = outputDirectory.appendingPathComponent(path).path
        let staged = url.appendingPathComponent(path).path
        guard OutputWriter.isSafe(path), liveFiles.contains(path), FileSystemCalls.kind(current) == .regularFile,
              FileSystemCalls.kind(url.appendingPathComponent(path).deletingLastPathComponent().path) == .directory
        else { return false }
        if !FileSystemCalls.hardLink(current, staged) {
            guard let data = FileSystemCalls.contents(current), (try? FileSystemCalls.createFile(staged, data)) != nil else { return false }
        }
        placed.insert(path)
        summary.unchanged += 1
        return true
    }

    /// Counts a file something else created inside the staging folder (a printed PDF).
    public func adopt(_ path: String) {
        if placed.insert(path).inserted { summary.written += 1 }
    }

    /// Swaps every staged root in; on a failure the roots already swapped are swapped back.
    /// The old trees end up in the staging folder, which is then removed.
    public func commit() throws -> OutputWriter.Summary {
        summary.removed = liveFiles.subtracting(placed).count
        var undo: [() throws -> Void] = []
        for root in roots {
            do {
                undo.append(try swapIn(root))
            } catch {
                var restored = true
                for step in undo.reversed() {
                    do { try step() } catch { restored = false }
                }
                discard()
                var failure = WriteError(message: "cannot replace \(displayPath)/\(root): \(error)")
                if !restored {
                    failure.message += "; \(displayPath)/ holds parts of the new output: run the build again"
                    failure.outputChanged = true
                }
                throw failure
            }
        }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            warnings.append("could not remove the previous output in \(displayPath)/\(url.lastPathComponent) (\(Self.reason(error))); the next build removes it")
        }
        lock?.release()
        lock = nil
        return summary
    }

    /// Drops the staging folder; the live output is as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: url)
        lock?.release()
        lock = nil
    }

    /// Moves staging/<root> to Output/<root>, returning how to undo it.
    private func swapIn(_ root: String) throws -> () throws -> Void {
        let staged = url.appendingPathComponent(root).path
        let live = outputDirectory.appendingPathComponent(root).path
        switch FileSystemCalls.kind(live) {
        case .missing:
            try FileSystemCalls.move(staged, live)
            return { try FileSystemCalls.move(live, staged) }
        case .directory:
            if try RenameExchange.swap(staged, live) == .swapped {
                return { _ = try RenameExchange.swap(staged, live) }
            }
            // No exchange on this file system: two renames, with a moment without the folder.
            let previous = url.appendingPathComponent("previous-" + root).path
            try FileSystemCalls.move(live, previous)
            do {
                try FileSystemCalls.move(staged, live)
            } catch {
                try? FileSystemCalls.move(previous, live)
                throw error
            }
            return {
                try FileSystemCalls.move(live, staged)
                try FileSystemCalls.move(previous, live)
            }
        default:
            throw WriteError(message: OutputWriter.notAFolderMessage(displayPath + "/" + root))
        }
    }

    private static func collectFiles(in base: URL, relative: String, into set: inout Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(relative).path)) ?? []
        for name in names {
            let path = relative + "/" + name
            if FileSystemCalls.kind(base.appendingPathComponent(path).path) == .directory {
                collectFiles(in: base, relative: path, into: &set)
            } else {
                set.insert(path)
            }
        }
    }

    /// A Foundation error as its POSIX sentence when it has one, not the whole NSError dump.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    deinit {
        if lock != nil { discard() }
    }
}
