import Foundation
import Testing

/// The contract's exit codes through the real binary: 2 for usage errors, with one plain
/// line and no Foundation error dump; 3 for a missing outside tool, with the command that
/// installs it, before anything is built; messages name the folders as the user gave them.
struct CLIExitTests {
    func expectUsageError(_ run: FixtureSite.Run, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stderr == "error: \(message)\n", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Error Domain"), sourceLocation: sourceLocation)
    }

    @Test func missingContentFolderIsAUsageError() throws {
        let site = try FixtureSite(files: [:])
        expectUsageError(try site.run("build", "--content", "/nonexistent"),
                         "content folder '/nonexistent' not found: run bansou in the project folder or give --content DIR")
        expectUsageError(try site.run("check", "--content", "/nonexistent"),
                         "content folder '/nonexistent' not found: run bansou in the project folder or give --content DIR")
        #expect(!site.exists("Output"))
    }

    @Test func missingTemplatesFolderIsAUsageError() throws {
        let site = try FixtureSite(files: [:])
        expectUsageError(try site.run("build", "--templates", "Themes"),
                         "templates folder 'Themes' not found: run bansou in the project folder or give --templates DIR")
        #expect(!site.exists("Output"))
    }

    @Test func outputThatIsAFileIsAUsageError() throws {
        let site = try FixtureSite(files: [:])
        try site.write("public", "a file")
        expectUsageError(try site.run("build", "--output", "public"),
                         "--output public is a file, not a folder: give a folder (it is created when missing)")
        #expect(try site.read("public") == "a file")
    }

    @Test func unknownClientIsAUsageErrorNamingTheKnownOnes() throws {
        let site = try FixtureSite.versioned(stories: 1)
        expectUsageError(try site.run("report", "nobody"),
                         "no client 'nobody': Content/clients/nobody.yaml does not exist; clients: alpha-kogyo, beta-kogyo, gamma-kogyo")
        #expect(!site.exists("Output"))
    }

    @Test func pagefindMissingExitsThreeBeforeBuilding() throws {
        let site = try FixtureSite(files: ["Content/cases/one.md": FixtureSite.story()])
        let environment = FixtureSite.environment(["PATH": site.root.appendingPathComponent("empty-bin").path, "BANSOU_PAGEFIND": nil])
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pagefind"], in: site.root, environment: environment)
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("error: Pagefind is needed for --pagefind: run 'python3 -m pip install \"pagefind-bin-extended>=1.5,<1.6\"'"), "\(run.stderr)")
        #expect(!site.exists("Output"), "nothing is built when a tool is missing")
    }

    /// A Pagefind that fails is a warning at the --output folder given, not at a literal "Output/".
    @Test func pagefindFailureNamesTheOutputFolderGiven() throws {
        let site = try FixtureSite.versioned(stories: 1)
        let script = site.root.appendingPathComponent("broken-pagefind").path
        FileManager.default.createFile(atPath: script, contents: Data("#!/bin/sh\necho 'pagefind: index failed' >&2\nexit 1\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        let environment = FixtureSite.environment(["BANSOU_PAGEFIND": script])
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pagefind", "--output", "public"], in: site.root, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.warningLines == ["public/site/pagefind:1:1: warning: search: Pagefind failed (pagefind: index failed); only bansou's own index is written"],
                "\(run.stderr)")
    }
}
