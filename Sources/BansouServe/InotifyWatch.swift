#if os(Linux)
import Foundation
import Glibc

/// inotify over folder trees. inotify watches one folder, not its subfolders, so every folder
/// gets its own watch, and a folder created (or moved in) later is added when its event arrives.
final class InotifyWatch {
    private let descriptor: Int32
    /// Watch descriptor → the folder's displayed path (`Content/cases`).
    private var folders: [Int32: String] = [:]
    private var urls: [Int32: URL] = [:]
    private let roots: [String]
    /// Paths created (or moved in) since the last `takeCreated()`: one that is gone again by
    /// the time the burst settles was an editor's or sed's temporary file, not a change.
    private var created = Set<String>()

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// nil when inotify cannot be used (not available, or the watch limit is reached):
    /// the caller then polls.
    init?(folders: [FolderWatcher.Folder]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        roots = folders.map(\.display)
        // A root that is not a folder would be skipped by addTree; polling then says what it can.
        for folder in folders where !Self.isFolder(folder.url) || !addTree(folder.url, display: folder.display) {
            Glibc.close(fd)
            return nil
        }
    }

    func close() {
        Glibc.close(descriptor)
    }

    func takeCreated() -> Set<String> {
        defer { created = [] }
        return created
    }

    /// Waits up to `seconds` for events and returns the displayed paths they name (empty on timeout).
    func read(waiting seconds: TimeInterval) -> Set<String> {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return [] }
        var changed = Set<String>()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer, size)
            guard count > 0 else { break }  // EAGAIN: everything queued has been read
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let headerSize = MemoryLayout<inotify_event>.size
                let name = event.len > 0
                    ? String(cString: buffer.advanced(by: offset + headerSize).assumingMemoryBound(to: CChar.self)) : ""
                offset += headerSize + Int(event.len)
                handle(event, name: name, into: &changed)
            }
        }
        return changed
    }

    private func handle(_ event: inotify_event, name: String, into changed: inout Set<String>) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say that everything may have changed.
            changed.formUnion(roots)
            return
        }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            urls[event.wd] = nil
            return
        }
        guard let folder = folders[event.wd] else { return }
        if name.isEmpty {
            if event.mask & UInt32(IN_DELETE_SELF) != 0 { changed.insert(folder) }
            return
        }
        guard !FolderWatcher.ignores(name: name) else { return }
        let path = folder + "/" + name
        changed.insert(path)
        let isFolder = event.mask & UInt32(IN_ISDIR) != 0
        let arrived = event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0
        if arrived { created.insert(path) }
        if isFolder, arrived, let parent = urls[event.wd] {
            // A folder moved in brings its files along without an event of their own.
            let url = parent.appendingPathComponent(name)
            _ = addTree(url, display: path)
            changed.formUnion(PollingSnapshot(folders: [.init(url: url, display: path)]).paths)
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Adds a watch on `url` and every folder below it; false only when the kernel refuses
    /// (ENOSPC: the watch limit, fs.inotify.max_user_watches). A folder that vanished meanwhile is skipped.
    private func addTree(_ url: URL, display: String) -> Bool {
        let wd = inotify_add_watch(descriptor, url.path, InotifyWatch.mask)
        if wd < 0 { return errno != ENOSPC && errno != ENOMEM }
        folders[wd] = display
        urls[wd] = url
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names.sorted() where !FolderWatcher.ignores(name: name) {
            let child = url.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            // Not following links: the loader reads real folders only, and a link loop would never end.
            let attributes = try? FileManager.default.attributesOfItem(atPath: child.path)
            guard attributes?[.type] as? FileAttributeType == .typeDirectory,
                  FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if !addTree(child, display: display + "/" + name) { return false }
        }
        return true
    }
}
#endif
