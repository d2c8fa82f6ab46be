import Foundation

/// A folder the build reads from (Content/ or Templates/), and the rule that keeps every
/// read inside it: a symbolic link is followed when it resolves to a place inside the
/// folder, and refused when it leads out of it or nowhere.
///
/// Why: a story linked in from elsewhere would be published, and a link to `/etc/hostname`
/// would be read and copied into the portal; the folder is the boundary of what the
/// people who keep it in git chose to publish. Links inside the folder are harmless
/// (one story file shared under two names is still a story of this site).
struct ContainedFolder {
    /// What a path inside the folder turned out to be.
    enum Kind: Equatable {
        case missing
        case file
        case directory
        /// A device, pipe or socket: reading one could block the build or never end.
        case other
    }

    /// Why a path may not be read, at the link (or folder) that is the reason.
    struct Refusal: Error {
        let path: String
        let message: String

        var diagnostic: Diagnostic { .error(message, at: SourceLocation(path: path)) }
    }

    let root: URL
    /// The folder's own real path (its symbolic links resolved), the boundary for every link.
    let realRoot: String
    /// How the folder is printed: the --content / --templates argument as given.
    let displayPrefix: String

    /// Nil when the folder itself does not exist.
    init?(root: URL, displayPrefix: String) {
        guard let real = Self.realPath(root.path) else { return nil }
        self.root = root
        self.realRoot = real
        self.displayPrefix = displayPrefix
    }

    func display(_ relative: String) -> String { displayPrefix + "/" + relative }

    /// What `relative` is once its links are followed, or why it may not be read.
    /// Each component is checked, so a linked folder (`cases -> /elsewhere`) is refused
    /// at its own path; a missing path is `.missing`, never a refusal.
    func inspect(_ relative: String) -> Result<Kind, Refusal> {
        var path = root.path
        var shown = displayPrefix
        for component in relative.split(separator: "/") {
            path += "/" + component
            shown += "/" + component
            var info = stat()
            guard lstat(path, &info) == 0 else { return .success(.missing) }
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let real = Self.realPath(path) else {
                return .failure(Refusal(path: shown, message: "symbolic link to \(target), which does not exist"))
            }
            guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                return .failure(Refusal(path: shown, message: "symbolic link to \(real), outside \(displayPrefix)/: "
                                        + "only files inside the folder are read (copy the file in instead)"))
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return .success(.missing) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .success(.directory)
        case S_IFREG: return .success(.file)
        default: return .success(.other)
        }
    }

    /// Why `relative` may not be read as a file; nil when it may (or does not exist).
    func refusal(of relative: String) -> Refusal? {
        switch inspect(relative) {
        case .failure(let refusal): return refusal
        case .success(.other): return Refusal(path: display(relative), message: "not a regular file")
        default: return nil
        }
    }

    /// Every regular file under `relative` (recursively), sorted by path, with the refusals
    /// met on the way. A linked folder inside the boundary is walked once (no loops).
    func walk(_ relative: String = "") -> (files: [String], refusals: [Refusal]) {
        var files: [String] = []
        var refusals: [Refusal] = []
        var visited = Set<String>()
        func visit(_ folder: String) {
            let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let real = Self.realPath(url.path), visited.insert(real).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                refusals.append(Refusal(path: folder.isEmpty ? displayPrefix : display(folder), message: "cannot read this folder"))
                return
            }
            for name in names.sorted() {
                let child = folder.isEmpty ? name : folder + "/" + name
                switch inspect(child) {
                case .failure(let refusal): refusals.append(refusal)
                case .success(.directory): visit(child)
                case .success(.file): files.append(child)
                case .success(.missing), .success(.other): break
                }
            }
        }
        visit(relative)
        return (files, refusals)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
