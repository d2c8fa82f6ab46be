import Foundation

/// Watches folders (recursively) and calls `onChange` with the paths that changed, once a
/// burst of changes has settled: an editor's save is often several events (write, rename,
/// chmod), and a `git checkout` many, which should make one rebuild, not ten.
///
/// Linux's inotify when it is there; otherwise (another system, inotify refused, or the
/// per-user watch limit reached) it compares modification times every `pollInterval`.
/// `BANSOU_WATCH=poll` forces polling, e.g. on a network file system inotify cannot see.
public final class FolderWatcher: @unchecked Sendable {
    /// A watched folder and how its paths are shown (the --content / --templates flag as given).
    public struct Folder: Sendable {
        public var url: URL
        public var display: String

        public init(url: URL, display: String) {
            self.url = url
            self.display = display
        }
    }

    public enum Mode: String, Sendable { case inotify, polling }

    public let folders: [Folder]
    /// Quiet time after the last event before `onChange` is called.
    public let debounce: TimeInterval
    public let pollInterval: TimeInterval
    public private(set) var mode: Mode = .polling

    private let onChange: @Sendable ([String]) -> Void
    private let stopped = LockedFlag()
    private var thread: Thread?

    public init(folders: [Folder], debounce: TimeInterval = 0.1, pollInterval: TimeInterval = 0.5,
                forcePolling: Bool = ProcessInfo.processInfo.environment["BANSOU_WATCH"] == "poll",
                onChange: @escaping @Sendable ([String]) -> Void) {
        // A folder given as a link is watched where it points (neither inotify nor the
        // snapshot follow links below it).
        self.folders = folders.map { Folder(url: $0.url.resolvingSymlinksInPath(), display: $0.display) }
        self.debounce = debounce
        self.pollInterval = pollInterval
        self.onChange = onChange
        #if os(Linux)
        if !forcePolling, let inotify = InotifyWatch(folders: self.folders) {
            mode = .inotify
            start { [self] in runInotify(inotify) }
            return
        }
        #endif
        let snapshot = PollingSnapshot(folders: self.folders)
        start { [self] in runPolling(from: snapshot) }
    }

    /// Returns at once; the watching thread notices within a poll interval and calls nothing more.
    public func stop() {
        stopped.set()
    }

    private func start(_ body: @escaping () -> Void) {
        let thread = Thread(block: body)
        thread.name = "bansou-watch"
        self.thread = thread
        thread.start()
    }

    #if os(Linux)
    private func runInotify(_ inotify: InotifyWatch) {
        defer { inotify.close() }
        var pending = Set<String>()
        var settleAt: Date?
        while !stopped.isSet {
            // Wait for events, but never past the moment the pending burst has settled.
            let wait = settleAt.map { max(0, $0.timeIntervalSinceNow) } ?? 0.2
            let changed = inotify.read(waiting: min(wait, 0.2))
            if !changed.isEmpty {
                pending.formUnion(changed)
                settleAt = Date().addingTimeInterval(debounce)
            } else if let due = settleAt, due <= Date() {
                settleAt = nil
                let temporary = inotify.takeCreated().filter { !exists($0) }
                let batch = pending.subtracting(temporary).sorted()
                pending = []
                guard !batch.isEmpty else { continue }
                if !stopped.isSet { onChange(batch) }
            }
        }
    }
    #endif

    private func runPolling(from start: PollingSnapshot) {
        var previous = start
        while !stopped.isSet {
            Thread.sleep(forTimeInterval: pollInterval)
            var current = PollingSnapshot(folders: folders)
            var changed = current.changes(since: previous)
            // A change seen while files are still being written is reported once they are quiet.
            while !changed.isEmpty, !stopped.isSet {
                Thread.sleep(forTimeInterval: debounce)
                let settled = PollingSnapshot(folders: folders)
                let more = settled.changes(since: current)
                current = settled
                if more.isEmpty { break }
                changed.formUnion(more)
            }
            previous = current
            if !changed.isEmpty, !stopped.isSet { onChange(changed.sorted()) }
        }
    }

    /// Whether a displayed path (`Content/cases/x.md`) names something on disk now.
    private func exists(_ path: String) -> Bool {
        guard let folder = folders.first(where: { path == $0.display || path.hasPrefix($0.display + "/") }) else { return false }
        let relative = path.dropFirst(folder.display.count)
        return FileManager.default.fileExists(atPath: folder.url.path + relative)
    }

    /// Editors' swap and backup files (`.x.md.swp`, `x.md~`, `.#x.md`) and hidden files,
    /// which the loader skips too, do not start a rebuild.
    static func ignores(name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }
}

/// A flag set once from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
