import Foundation

/// The next output tree, prepared in `Output/.bansou-staging/` beside the live `site/` and
/// `reports/` (so on the same file system) and swapped in with one rename per folder
/// (`RenameExchange`): a reader, a web server or a killed build sees the old folder or the
/// new one, never a mixture, and never a moment without `site/`.
///
/// Between builds the staging folder is a mirror of the live output made of hard links (no
/// second copy of any byte). A build therefore only touches what changed: an unchanged file
/// is already there as a link to the live file, a changed one gets a new file, a stale one is
/// unlinked. Building a fresh tree every time and deleting the old one cost seconds on this
/// VM's disk (mounted with `discard`, where every freed block is a synchronous TRIM).
///
/// Safety rests on one rule: nothing in the staging folder is ever rewritten in place, only
/// replaced by a new name (unlink, then create or link), so the live files it shares inodes
/// with never change. Whatever state a killed build leaves the folder in, the next build
/// compares by content and identity and repairs it.
///
/// Holds the output lock from creation until `commit()` or `discard()`.
public final class OutputStaging {
    public static let folderName = ".bansou-staging"
    /// Staging folders of earlier versions, one per build: swept.
    static let legacyPrefix = ".bansou-staging-"
    /// The live tree parked inside the staging folder by the three-rename fallback.
    static let previousPrefix = "previous-"

    let outputDirectory: URL
    let displayPath: String
    let roots: [String]
    /// The staging folder; `site/` and `reports/` inside it become the live ones.
    public let url: URL
    private var lock: OutputLock?
    /// Whether the folder was there before this build (else a failure removes it again).
    private let existedBefore: Bool
    /// The live roots' files and folders, relative to Output/ ("site/index.html").
    private let live: (files: Set<String>, folders: Set<String>)
    /// What the staging folder held when this build started.
    private let staged: (files: Set<String>, folders: Set<String>)
    private var placed: Set<String> = []
    /// Files whose bytes differ from the live ones (new files, changed files, printed PDFs).
    private var written: Set<String> = []
    private var summary = OutputWriter.Summary()
    /// Problems that did not fail the build (a staging entry that could not be updated).
    public private(set) var warnings: [String] = []

    private var stagingDisplay: String { displayPath + "/" + Self.folderName }

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
        var warnings: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? [] where name.hasPrefix(Self.legacyPrefix) {
            do { try fm.removeItem(at: outputDirectory.appendingPathComponent(name)) } catch {
                warnings.append("could not remove \(displayPath)/\(name), left by an earlier build (\(Self.reason(error)))")
            }
        }
        let url = outputDirectory.appendingPathComponent(Self.folderName)
        self.url = url
        existedBefore = FileSystemCalls.kind(url.path) == .directory
        do {
            if !existedBefore { try FileSystemCalls.removeEntry(url.path) }
            try FileSystemCalls.makeDirectory(url.path)
            warnings += Self.sweepPrevious(in: url, outputDirectory: outputDirectory, displayPath: displayPath)
            for root in roots where FileSystemCalls.kind(url.appendingPathComponent(root).path) != .directory {
                try FileSystemCalls.removeEntry(url.appendingPathComponent(root).path)
                try FileSystemCalls.makeDirectory(url.appendingPathComponent(root).path)
            }
        } catch {
            throw WriteError(message: "cannot prepare the staging folder \(displayPath)/\(Self.folderName): \(error)")
        }
        live = Self.walk(outputDirectory.path, roots)
        staged = Self.walk(url.path, roots)
        self.warnings = warnings
        self.lock = lock
    }

    /// Puts every file into the staging tree: a link to the live file when its bytes are the
    /// same, else a new file. Runs on every core; the first failure is thrown (with how many
    /// other files failed) and nothing live has been touched.
    ///
    /// `knownUnchanged`: paths whose bytes the caller knows equal the live file's (a BuildMemo's
    /// last build wrote them, and nothing since): when the staging entry is already a link to
    /// the live file, it is not read and compared again.
    public func place(_ files: [OutputFile], knownUnchanged: Set<String> = []) throws {
        // Two files for one path (never produced by a correct build): the last wins, as before.
        var last: [String: Int] = [:]
        for (index, file) in files.enumerated() { last[file.path] = index }
        let unique = files.enumerated().filter { last[$0.element.path] == $0.offset }.map(\.element)
        for folder in Self.folders(of: unique.map(\.path)).sorted() where !staged.folders.contains(folder) {
            let path = url.appendingPathComponent(folder).path
            do {
                if FileSystemCalls.kind(path) != .directory {
                    try FileSystemCalls.removeEntry(path)
                    try FileSystemCalls.makeDirectory(path)
                }
            } catch {
                throw WriteError(message: "cannot create \(displayPath)/\(folder)/ (in \(stagingDisplay)/): \(error)")
            }
        }
        enum Placement { case unchanged, written, failed(String) }
        let liveFiles = live.files
        // Paths joined as strings: URL.appendingPathComponent was a third of this stage's CPU.
        let stagingBase = url.path.hasSuffix("/") ? url.path : url.path + "/"
        let liveBase = outputDirectory.path.hasSuffix("/") ? outputDirectory.path : outputDirectory.path + "/"
        let outcomes: [Placement] = parallelMap(unique) { file in
            let staging = stagingBase + file.path
            let current = liveBase + file.path
            do {
                if knownUnchanged.contains(file.path), liveFiles.contains(file.path), FileSystemCalls.sameFile(staging, current) {
                    return .unchanged
                }
                if liveFiles.contains(file.path), FileSystemCalls.regularFileSize(current) == file.contents.count,
                   FileSystemCalls.contents(current) == file.contents {
                    if !FileSystemCalls.sameFile(staging, current) { try Self.link(current, as: staging, contents: file.contents) }
                    return .unchanged
                }
                // A staging file not shared with the live tree that already holds these bytes
                // (left by a build that failed later) is kept.
                let kept = FileSystemCalls.regularFileSize(staging) == file.contents.count && !FileSystemCalls.sameFile(staging, current)
                    && FileSystemCalls.contents(staging) == file.contents
                if !kept {
                    try FileSystemCalls.removeEntry(staging)
                    try FileSystemCalls.createFile(staging, file.contents)
                }
                return .written
            } catch {
                return .failed("\(error)")
            }
        }
        var failures: [(path: String, reason: String)] = []
        for (file, outcome) in zip(unique, outcomes) {
            switch outcome {
            case .unchanged: summary.unchanged += 1; placed.insert(file.path)
            case .written: summary.written += 1; placed.insert(file.path); written.insert(file.path)
            case .failed(let reason): failures.append((file.path, reason))
            }
        }
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more file\(failures.count == 2 ? "" : "s"))" : ""
            throw WriteError(message: "cannot write \(displayPath)/\(first.path) (staged in \(stagingDisplay)/): \(first.reason)\(more)")
        }
    }

    /// Keeps a live file as it is (a report.pdf this run did not print); false when there is none.
    @discardableResult
    public func carryOver(_ path: String) -> Bool {
        let current = outputDirectory.appendingPathComponent(path).path
        let staging = url.appendingPathComponent(path).path
        guard OutputWriter.isSafe(path), live.files.contains(path), FileSystemCalls.kind(current) == .regularFile,
              FileSystemCalls.kind((staging as NSString).deletingLastPathComponent) == .directory
        else { return false }
        if !FileSystemCalls.sameFile(staging, current) {
            guard let data = FileSystemCalls.contents(current), (try? Self.link(current, as: staging, contents: data)) != nil else { return false }
        }
        placed.insert(path)
        summary.unchanged += 1
        return true
    }

    /// Counts a file something else created inside the staging folder (a printed PDF).
    public func adopt(_ path: String) {
        if placed.insert(path).inserted { summary.written += 1 }
        written.insert(path)
    }

    /// Removes what this build did not place, swaps every staged root in (swapping back the
    /// ones already done if one fails), then makes the staging folder — which now holds the
    /// previous output — a mirror of the new one again.
    public func commit() throws -> OutputWriter.Summary {
        let current = Self.walk(url.path, roots)
        let folders = Self.folders(of: Array(placed))
        // A page this build no longer produces (a withdrawn story) that cannot be removed would
        // be swapped back into the live site: fail before the swap instead, naming it.
        var stuck: [(path: String, reason: String)] = []
        for file in current.files.sorted() where !placed.contains(file) {
            do { try FileSystemCalls.removeEntry(url.appendingPathComponent(file).path) } catch { stuck.append((file, "\(error)")) }
        }
        if stuck.isEmpty {
            for folder in current.folders.sorted(by: >) where !folders.contains(folder) && !roots.contains(folder) {
                do { try FileSystemCalls.removeEntry(url.appendingPathComponent(folder).path) } catch { stuck.append((folder + "/", "\(error)")) }
            }
        }
        if let first = stuck.first {
            discard()
            let more = stuck.count > 1 ? " (and \(stuck.count - 1) more)" : ""
            throw WriteError(message: "cannot remove \(displayPath)/\(first.path) (staged in \(stagingDisplay)/), which this build no longer produces: \(first.reason)\(more)")
        }
        summary.removed = live.files.subtracting(placed).count

        var undo: [() throws -> Void] = []
        for root in roots {
            do {
                undo.append(try swapIn(root))
            } catch {
                var restored = true
                for step in undo.reversed() {
                    do { try step() } catch { restored = false }
                }
                var failure = WriteError(message: "cannot replace \(displayPath)/\(root): \(error)")
                if restored {
                    discard()
                } else {
                    failure.message += "; \(displayPath)/ holds parts of the new output: run the build again"
                    failure.outputChanged = true
                    release()
                }
                throw failure
            }
        }
        mirrorAfterSwap()
        release()
        return summary
    }

    /// The build failed before the swap: the staging folder goes back to mirroring the live
    /// output (or away, if this build created it), so Output/ holds exactly what it held.
    public func discard() {
        if existedBefore {
            mirrorLive()
        } else {
            try? FileManager.default.removeItem(at: url)
        }
        release()
    }

    private func release() {
        lock?.release()
        lock = nil
    }

    /// After the swap the staging folder holds the previous output, which shares every
    /// unchanged file with the new one: only written files are linked in and removed ones
    /// unlinked, so the previous version of a changed or deleted report does not linger.
    private func mirrorAfterSwap() {
        for file in written.sorted() {
            update(file)
        }
        for file in live.files.subtracting(placed) {
            try? FileSystemCalls.removeEntry(url.appendingPathComponent(file).path)
        }
        let folders = Self.folders(of: Array(placed))
        for folder in live.folders.sorted(by: >) where !folders.contains(folder) {
            try? FileSystemCalls.removeEntry(url.appendingPathComponent(folder).path)
        }
    }

    /// Makes every staging entry a link to the live file of the same name, and removes the rest.
    private func mirrorLive() {
        let now = Self.walk(url.path, roots)
        for file in now.files where !live.files.contains(file) {
            try? FileSystemCalls.removeEntry(url.appendingPathComponent(file).path)
        }
        for folder in now.folders.sorted(by: >) where !live.folders.contains(folder) {
            try? FileSystemCalls.removeEntry(url.appendingPathComponent(folder).path)
        }
        for file in live.files where !FileSystemCalls.sameFile(url.appendingPathComponent(file).path, outputDirectory.appendingPathComponent(file).path) {
            update(file)
        }
    }

    /// Links the live file into the staging folder under the same name (creating folders).
    private func update(_ file: String) {
        let staging = url.appendingPathComponent(file).path
        let current = outputDirectory.appendingPathComponent(file).path
        var folder = ""
        for component in file.split(separator: "/").dropLast() {
            folder += folder.isEmpty ? String(component) : "/" + component
            let path = url.appendingPathComponent(folder).path
            if FileSystemCalls.kind(path) != .directory {
                try? FileSystemCalls.removeEntry(path)
                try? FileSystemCalls.makeDirectory(path)
            }
        }
        do {
            try FileSystemCalls.removeEntry(staging)
            if FileSystemCalls.kind(current) != .missing, !FileSystemCalls.hardLink(current, staging) {
                try FileSystemCalls.createFile(staging, FileSystemCalls.contents(current) ?? Data())
            }
        } catch {
            warnings.append("could not update \(stagingDisplay)/\(file) (\(error)); the next build tries again")
        }
    }

    /// Replaces a staging entry by a link to `existing` (a copy where links are refused).
    private static func link(_ existing: String, as staging: String, contents: Data) throws {
        try FileSystemCalls.removeEntry(staging)
        if !FileSystemCalls.hardLink(existing, staging) { try FileSystemCalls.createFile(staging, contents) }
    }

    /// Moves staging/<root> to Output/<root> and the live one into staging, returning how to undo it.
    private func swapIn(_ root: String) throws -> () throws -> Void {
        let staging = url.appendingPathComponent(root).path
        let current = outputDirectory.appendingPathComponent(root).path
        switch FileSystemCalls.kind(current) {
        case .missing:
            try FileSystemCalls.move(staging, current)
            try? FileSystemCalls.makeDirectory(staging)
            return {
                try FileSystemCalls.removeEntry(staging)
                try FileSystemCalls.move(current, staging)
            }
        case .directory:
            if try RenameExchange.swap(staging, current) == .swapped {
                return { _ = try RenameExchange.swap(staging, current) }
            }
            // No exchange on this file system: three renames, with a moment without the folder.
            let previous = url.appendingPathComponent(Self.previousPrefix + root).path
            // A leftover would make the rename fail (ENOTEMPTY); the sweep at start removed it,
            // this only covers a folder that could not be swept there.
            try FileSystemCalls.removeEntry(previous)
            try FileSystemCalls.move(current, previous)
            do {
                try FileSystemCalls.move(staging, current)
            } catch {
                try? FileSystemCalls.move(previous, current)
                throw error
            }
            try? FileSystemCalls.move(previous, staging)
            return {
                try FileSystemCalls.move(staging, previous)
                try FileSystemCalls.move(current, staging)
                try FileSystemCalls.move(previous, current)
            }
        default:
            throw WriteError(message: OutputWriter.notAFolderMessage(displayPath + "/" + root))
        }
    }

    /// Puts back what the three-rename fallback left when a build was killed between its
    /// renames: `previous-<root>` is the last good tree when `<root>` is missing (killed after
    /// the first rename), so it goes back live; otherwise it is the previous output and becomes
    /// the staging tree again if that is missing, else it is removed. Returns the warnings.
    private static func sweepPrevious(in url: URL, outputDirectory: URL, displayPath: String) -> [String] {
        var warnings: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where name.hasPrefix(previousPrefix) {
            let previous = url.appendingPathComponent(name).path
            let root = String(name.dropFirst(previousPrefix.count))
            let live = outputDirectory.appendingPathComponent(root).path
            let staging = url.appendingPathComponent(root).path
            do {
                if !root.isEmpty, FileSystemCalls.kind(previous) == .directory, FileSystemCalls.kind(live) == .missing {
                    try FileSystemCalls.move(previous, live)
                } else if !root.isEmpty, FileSystemCalls.kind(previous) == .directory, FileSystemCalls.kind(staging) == .missing {
                    try FileSystemCalls.move(previous, staging)
                } else {
                    try FileSystemCalls.removeEntry(previous)
                }
            } catch {
                warnings.append("could not put back or remove \(displayPath)/\(folderName)/\(name), left by a build killed while swapping (\(error))")
            }
        }
        return warnings
    }

    /// Files and folders under the given roots of `base` (roots themselves not listed).
    private static func walk(_ base: String, _ roots: [String]) -> (files: Set<String>, folders: Set<String>) {
        var files = Set<String>(), folders = Set<String>()
        for root in roots where FileSystemCalls.kind(base + "/" + root) == .directory {
            let found = FileSystemCalls.walk(base, root)
            files.formUnion(found.files)
            folders.formUnion(found.folders)
        }
        return (files, folders)
    }

    /// Every folder (with its ancestors, roots included) that holds one of the paths.
    private static func folders(of paths: [String]) -> Set<String> {
        var result = Set<String>()
        for path in paths {
            var folder = ""
            for component in path.split(separator: "/").dropLast() {
                folder += folder.isEmpty ? String(component) : "/" + component
                result.insert(folder)
            }
        }
        return result
    }

    /// A Foundation error as its POSIX sentence when it has one, not the whole NSError dump.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let code = ns.posixCode { return String(cString: strerror(code)) }
        return ns.localizedDescription
    }

    deinit {
        if lock != nil { discard() }
    }
}
