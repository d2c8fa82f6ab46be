import ArgumentParser
import Bansou
import Foundation

/// Checks made before anything is built: a folder that does not exist, an output that
/// cannot be used, an unknown client are usage errors (exit 2) with one plain line, and
/// a missing outside tool is exit 3 with the command that installs it.
enum Preflight {
    /// Prints `error: <message>` and gives the usage-error exit code.
    static func usage(_ message: String) -> ExitCode {
        Console(quiet: false, verbose: false).err("error: " + message)
        return ExitCode(2)
    }

    /// --content and --templates must be folders; with `writing`, --output must be usable too.
    static func checkFolders(_ site: SiteOptions, writing: Bool) throws {
        for (flag, path) in [("--content", site.content), ("--templates", site.templates)] {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw usage("\(flag.dropFirst(2)) folder '\(path)' not found: run bansou in the project folder or give \(flag) DIR")
            }
            if !isDirectory.boolValue { throw usage("\(flag) \(path) is a file, not a folder") }
        }
        if writing, let problem = OutputWriter.usageProblem(outputDirectory: site.buildOptions.url(site.output), displayPath: site.output) {
            throw usage(problem)
        }
    }

    /// `bansou report <id>`: the id must name a file in <content>/clients/.
    static func checkClient(_ id: String, site: SiteOptions) throws {
        let folder = URL(fileURLWithPath: site.content).appendingPathComponent("clients")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ids = files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { String($0.prefix(upTo: $0.lastIndex(of: ".")!)) }
        guard !ids.contains(id) else { return }
        let known = Set(ids).sorted()
        throw usage("no client '\(id)': \(site.content)/clients/\(id).yaml does not exist; clients: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
    }

    /// Exit 3 with the command that installs the browser, before anything is built.
    static func requireBrowser() throws {
        if PDFPrinter.locate() == nil {
            Console(quiet: false, verbose: false).err(PDFPrinter.missingBrowserMessage)
            throw ExitCode(3)
        }
    }

    /// Exit 3 with the command that installs Pagefind, before anything is built.
    static func requirePagefind() throws {
        if !PagefindIndexer.isAvailable {
            Console(quiet: false, verbose: false).err(PagefindIndexer.missingMessage)
            throw ExitCode(3)
        }
    }
}
