import Foundation

/// Pagefind (https://pagefind.app, PyPI `pagefind-bin-extended`, which segments Japanese)
/// as a post-render step: the rendered public HTML goes into a temporary folder, Pagefind
/// indexes the parts marked `data-pagefind-body`, and its bundle comes back as OutputFiles
/// under site/pagefind/, so the normal writer writes them (and a failed build writes nothing).
public enum PagefindIndexer {
    /// The bundle's folder inside Output/site.
    public static let subdirectory = "pagefind"

    /// The Pagefind bundle for the site's HTML pages, or nil when Pagefind is not installed.
    /// A Pagefind failure is a warning: the site still has bansou's own fallback index.
    public static func index(_ files: [OutputFile], outputPrefix: String = "Output", log: DiagnosticLog) -> [OutputFile]? {
        guard let command = locate() else { return nil }
        let fm = FileManager.default
        let temp = fm.temporaryDirectory.appendingPathComponent("bansou-pagefind-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: temp) }
        do {
            let pages = files.filter { $0.path.hasPrefix("site/") && $0.path.hasSuffix(".html") && $0.path != "site/404.html" }
            var folders = Set<String>()
            for file in pages {
                let url = temp.appendingPathComponent(String(file.path.dropFirst("site/".count)))
                let folder = url.deletingLastPathComponent().path
                if folders.insert(folder).inserted { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try foldedForSearch(file.contents).write(to: url)
            }
            let process = Process()
            process.executableURL = command.executable
            process.arguments = command.arguments + ["--site", temp.path, "--output-subdir", subdirectory, "--keep-index-url", "--quiet"]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let message = String(decoding: stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
                log.warning("search: Pagefind failed (\(message)); only bansou's own index is written", at: SourceLocation(path: "\(outputPrefix)/site/\(subdirectory)"))
                return nil
            }
            let bundle = temp.appendingPathComponent(subdirectory)
            guard let enumerator = fm.enumerator(at: bundle, includingPropertiesForKeys: [.isRegularFileKey]) else { return nil }
            let base = bundle.standardizedFileURL.path + "/"
            var out: [OutputFile] = []
            let sources = Array(Set(pages.flatMap(\.sources))).sorted()
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
                out.append(OutputFile(path: "site/\(subdirectory)/\(relative)", contents: try Data(contentsOf: url), sources: sources))
            }
            return out.sorted { $0.path < $1.path }
        } catch {
            log.warning("search: Pagefind could not run (\(OutputStaging.reason(error))); only bansou's own index is written", at: SourceLocation(path: "\(outputPrefix)/site/\(subdirectory)"))
            return nil
        }
    }

    /// The page as Pagefind reads it: full-width letters and digits and half-width katakana
    /// folded as NFKC folds them, so that ＦＡＸ in a story is found by "fax" as bansou's own
    /// index finds it (search.js folds every query the same way before it reaches Pagefind).
    /// Only these forms: the rest of NFKC would turn 「（」 into "(" in Pagefind's excerpts and
    /// changes no token (punctuation separates words either way).
    static func foldedForSearch(_ contents: Data) -> Data {
        // Every folded form is encoded EF BC xx – EF BE xx in UTF-8.
        guard contents.contains(0xEF) else { return contents }
        let text = String(decoding: contents, as: UTF8.self)
        var out = String.UnicodeScalarView(), changed = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF66...0xFF9F:
                out.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
                changed = true
            default:
                out.append(scalar)
            }
        }
        return changed ? Data(String(out).utf8) : contents
    }

    struct Command { let executable: URL; let arguments: [String] }

    /// What the user is told when `--pagefind` is given and no Pagefind is found (exit code 3).
    public static let missingMessage = "error: Pagefind is needed for --pagefind: run 'python3 -m pip install \"pagefind-bin-extended>=1.5,<1.6\"' "
        + "(or build without --pagefind: bansou's own search index is always written)"

    /// Whether `--pagefind` can do what it says: Pagefind is found, or `$BANSOU_PAGEFIND=off`
    /// skips it on purpose.
    public static var isAvailable: Bool {
        ProcessInfo.processInfo.environment["BANSOU_PAGEFIND"] == "off" || locate() != nil
    }

    /// `$BANSOU_PAGEFIND` (a path, or `off` to skip Pagefind, e.g. in quick test runs), then `pagefind_extended` or `pagefind` on PATH, then the binary
    /// inside pip's `pagefind_bin_extended` package (pip does not always put it on PATH).
    static func locate() -> Command? {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let explicit = env["BANSOU_PAGEFIND"], !explicit.isEmpty {
            if explicit == "off" { return nil }
            return fm.isExecutableFile(atPath: explicit) ? Command(executable: URL(fileURLWithPath: explicit), arguments: []) : nil
        }
        let path = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["pagefind_extended", "pagefind"] {
            for dir in path where fm.isExecutableFile(atPath: "\(dir)/\(name)") {
                return Command(executable: URL(fileURLWithPath: "\(dir)/\(name)"), arguments: [])
            }
        }
        for dir in path where fm.isExecutableFile(atPath: "\(dir)/python3") {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "\(dir)/python3")
            probe.arguments = ["-c", "import os, pagefind_bin_extended as p; print(os.path.join(os.path.dirname(p.__file__), 'pagefind_extended'))"]
            let out = Pipe()
            probe.standardOutput = out
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            probe.waitUntilExit()
            let binary = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if probe.terminationStatus == 0, fm.isExecutableFile(atPath: binary) {
                return Command(executable: URL(fileURLWithPath: binary), arguments: [])
            }
            break
        }
        return nil
    }
}
