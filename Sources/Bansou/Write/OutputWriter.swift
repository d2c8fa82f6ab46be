import Foundation

/// The write stage, the only place that changes Output/.
///
/// It runs after every check has passed, so a failed build never reaches it. It builds
/// the new `site/` and `reports/` in a staging folder inside Output/ and swaps them in
/// with renames (`OutputStaging`), under a lock (`OutputLock`): Output/ holds the old
/// output or the new one, whatever fails or whoever kills the build, and files no longer
/// produced (a deleted story) are gone, so no stale page survives.
public struct OutputWriter {
    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let outputDirectory: URL
    /// The --output folder as the user wrote it, for messages.
    public let displayPath: String
    /// The top-level folders this build owns; each is replaced by exactly the new files.
    public let managedRoots: [String]

    public init(outputDirectory: URL, displayPath: String = "Output", managedRoots: [String] = ["site", "reports"]) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.displayPath = displayPath
        self.managedRoots = managedRoots
    }

    /// A path is safe when it stays inside Output/: relative, no empty, '.' or '..' component.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Refuses any file outside the managed roots before anything is touched.
    public func checkPaths(_ files: [OutputFile]) throws {
        for file in files where !Self.isSafe(file.path) || !managedRoots.contains(String(file.path.split(separator: "/").first ?? "")) {
            throw WriteError(message: "refusing to write '\(file.path)' outside \(displayPath)/\(managedRoots.joined(separator: "|"))/")
        }
    }

    /// Takes the output lock (calling `waiting` if another build holds it) and opens the
    /// staging tree; nothing live changes until its `commit()`.
    public func begin(waiting: (String) -> Void = { _ in }) throws -> OutputStaging {
        if let problem = Self.usageProblem(outputDirectory: outputDirectory, displayPath: displayPath, roots: managedRoots) {
            throw WriteError(message: problem)
        }
        return try OutputStaging(outputDirectory: outputDirectory, displayPath: displayPath, roots: managedRoots, waiting: waiting)
    }

    /// Stages the files and swaps them in: Output/<root> then holds exactly these files.
    public func write(_ files: [OutputFile]) throws -> Summary {
        try checkPaths(files)
        let staging = try begin()
        do {
            try staging.place(files)
        } catch {
            staging.discard()
            throw error
        }
        return try staging.commit()
    }

    /// Why this output folder cannot be used, or nil: --output is a file, or a managed root
    /// is a symbolic link or not a folder (see docs/design.md, "Output"). Touches nothing.
    public static func usageProblem(outputDirectory: URL, displayPath: String, roots: [String] = ["site", "reports"]) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "--output \(displayPath) is a file, not a folder: give a folder (it is created when missing)"
        }
        for root in roots {
            let path = outputDirectory.appendingPathComponent(root).path
            switch FileSystemCalls.kind(path) {
            case .missing, .directory: continue
            case .symbolicLink:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (to \($0))" } ?? ""
                return "\(displayPath)/\(root) is a symbolic link\(target): bansou replaces \(root)/ whole by renaming a new folder into its place, "
                    + "which would replace the link, not the folder it points to. Remove the link and point the web server at \(displayPath)/\(root) "
                    + "(e.g. make the web root a link to it), or give --output a folder of its own"
            case .regularFile, .other:
                return notAFolderMessage(displayPath + "/" + root)
            }
        }
        return nil
    }

    static func notAFolderMessage(_ display: String) -> String {
        "\(display) is not a folder: bansou replaces it whole with the new output; move it away"
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    /// True only when Output/ was left holding part of the new output (a failed swap that could not be undone).
    public var outputChanged = false
    public var description: String { message }

    public init(message: String, outputChanged: Bool = false) {
        self.message = message
        self.outputChanged = outputChanged
    }
}
