import Foundation

/// Every file under the watched folders with what tells a change: modification time, size
/// and inode (a file replaced by a rename keeps its size and maybe its time). Folders are
/// walked but not recorded: a folder's time changes with every file added, which is no change of its own.
struct PollingSnapshot {
    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: Int?
    }

    private(set) var stamps: [String: Stamp] = [:]

    init(folders: [FolderWatcher.Folder]) {
        for folder in folders { scan(folder.url, display: folder.display) }
    }

    var paths: Set<String> { Set(stamps.keys) }

    /// Paths added, removed or changed since `old`.
    func changes(since old: PollingSnapshot) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in stamps where old.stamps[path] != stamp { changed.insert(path) }
        for path in old.stamps.keys where stamps[path] == nil { changed.insert(path) }
        return changed
    }

    private mutating func scan(_ url: URL, display: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return }
        // Links are not followed, as with inotify: the loader reads real folders only.
        guard attributes[.type] as? FileAttributeType == .typeDirectory else {
            stamps[display] = Stamp(modified: attributes[.modificationDate] as? Date,
                                    size: (attributes[.size] as? NSNumber)?.intValue,
                                    inode: (attributes[.systemFileNumber] as? NSNumber)?.intValue)
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where !FolderWatcher.ignores(name: name) {
            scan(url.appendingPathComponent(name), display: display + "/" + name)
        }
    }
}
