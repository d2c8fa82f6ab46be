import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Output/ holds the old output or the new one, never a mixture: the write stage builds into
/// a staging folder and swaps `site/` and `reports/` in (docs/design.md, "Output"). Through
/// the real binary, with real failures: a file in the way, a full tmpfs, an immutable page,
/// a failing browser, a second build, SIGKILL.
@Suite(.serialized)
struct AtomicOutputTests {
    /// "(12 written, 3 unchanged, 2 removed)" from the summary line.
    func summary(_ stdout: String) throws -> (written: Int, unchanged: Int, removed: Int) {
        let line = try #require(stdout.split(separator: "\n").first { $0.hasPrefix("built ") })
        let inner = try #require(line.range(of: #"\(\d+ written, \d+ unchanged, \d+ removed\)"#, options: .regularExpression))
        let numbers = line[inner].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return (numbers[0], numbers[1], numbers[2])
    }

    func inode(_ site: FixtureSite, _ path: String) -> UInt64 {
        var info = stat()
        return stat(site.root.appendingPathComponent(path).path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func rebuildReplacesTheTreeWholeAndTheSummaryCountsWhatHappened() throws {
        let site = try FixtureSite.versioned(stories: 20)
        #expect(try site.run("build").status == 0)
        try Data().write(to: site.root.appendingPathComponent("Output/.gitkeep"))
        let before = site.files("Output").filter { $0.key.hasPrefix("site/") || $0.key.hasPrefix("reports/") }
        let unchangedInode = inode(site, "Output/site/assets/style.css")

        try site.setVersion(2, stories: 20)
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        let after = site.files("Output").filter { $0.key.hasPrefix("site/") || $0.key.hasPrefix("reports/") }
        let counts = try summary(run.stdout)
        #expect(counts.removed == Set(before.keys).subtracting(after.keys).count)
        #expect(counts.unchanged == after.filter { before[$0.key] == $0.value }.count)
        #expect(counts.written == after.filter { before[$0.key] != $0.value }.count)
        #expect(counts.removed > 0 && counts.unchanged > 0 && counts.written > 0)

        // Exactly what a build into an empty folder gives; .gitkeep kept; the staging folder
        // mirrors the new output with links (no second copy, no older version of a file).
        #expect(try site.run("build", "--output", "Fresh").status == 0)
        #expect(after == site.files("Fresh").filter { $0.key.hasPrefix("site/") || $0.key.hasPrefix("reports/") })
        #expect(site.exists("Output/.gitkeep"))
        #expect(site.stagingMirrorsLive())
        // An unchanged file is linked into the new tree, not written again.
        #expect(inode(site, "Output/site/assets/style.css") == unchangedInode)
    }

    @Test func aFileInTheWayOfANewFolderDoesNotHalfWriteTheSite() throws {
        let site = try FixtureSite.versioned(stories: 20)
        #expect(try site.run("build").status == 0)
        // A plain file where the new tree needs a folder (the in-place writer failed here half-way).
        try site.remove("Output/site/cases/story-5")
        try site.write("Output/site/cases/story-5", "not a folder")
        try site.setVersion(2, stories: 20)
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.run("build", "--output", "Fresh").status == 0)
        #expect(site.files("Output/site") == site.files("Fresh/site"))
        #expect(site.files("Output/reports") == site.files("Fresh/reports"))
    }

    @Test func outputSiteThatIsAFileIsRefusedBeforeBuilding() throws {
        let site = try FixtureSite.versioned(stories: 3)
        try site.write("Output/site", "a file")
        let before = try site.snapshot()
        let run = try site.run("build")
        #expect(run.status == 2)
        #expect(run.stderr == "error: Output/site is not a folder: bansou replaces it whole with the new output; move it away\n")
        #expect(try site.snapshot() == before)
    }

    /// A symbolic link for Output/site (to a web root) is refused: the swap would replace the
    /// link, and following it would write outside the output folder (docs/design.md).
    @Test func outputSiteThatIsASymbolicLinkIsRefusedAndNothingIsWrittenThroughIt() throws {
        let site = try FixtureSite.versioned(stories: 3)
        try site.write("webroot/keep.html", "<p>the web server's own page</p>")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Output/site").path,
                                                   withDestinationPath: site.root.appendingPathComponent("webroot").path)
        let run = try site.run("build")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: Output/site is a symbolic link (to \(site.root.appendingPathComponent("webroot").path)): "), "\(run.stderr)")
        #expect(run.stderr.contains("point the web server at Output/site"))
        #expect(site.files("webroot") == ["keep.html": Data("<p>the web server's own page</p>".utf8)])
        #expect(!site.exists("Output/reports"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.root.appendingPathComponent("Output/site").path)
                == site.root.appendingPathComponent("webroot").path)
    }

    /// A killed build leaves the staging folder in any state: the next build repairs it by
    /// content (a stray page, a file where a folder belongs, a page with other bytes).
    @Test func stagingLeftByAKilledBuildIsRepairedByTheNextBuild() throws {
        let site = try FixtureSite.versioned(stories: 3)
        #expect(try site.run("build").status == 0)
        try site.write("Output/.bansou-staging-99999/site/index.html", "an earlier version's staging folder")
        try site.write("Output/.bansou-staging/site/stray/index.html", "half of a killed build")
        try site.remove("Output/.bansou-staging/site/cases")
        try site.write("Output/.bansou-staging/site/cases", "a file where a folder belongs")
        try site.remove("Output/.bansou-staging/site/index.html")
        try site.write("Output/.bansou-staging/site/index.html", "other bytes")
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.stagingFolders().isEmpty)
        #expect(site.stagingMirrorsLive())
        #expect(try site.run("build", "--output", "Fresh").status == 0)
        #expect(site.files("Output/site") == site.files("Fresh/site"))
    }

    /// A full disk (a 3 MB tmpfs as --output) while the new tree is written: the old output
    /// stays whole, and the closing line's "was not changed" is true.
    @Test func fullDiskLeavesTheOldOutputWholeAndSaysSoTruthfully() throws {
        let site = try FixtureSite.versioned(stories: 30)
        let mountPoint = site.root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mount = try FixtureSite.exec("/bin/mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint.path])
        try #require(mount.status == 0, "this test needs to mount a small tmpfs (root or CAP_SYS_ADMIN): \(mount.stderr)")
        defer { _ = try? FixtureSite.exec("/bin/umount", [mountPoint.path]) }

        let first = try site.run("build", "--output", "public")
        try #require(first.status == 0, "\(first.stderr)")
        let before = try site.snapshot("public")

        try site.setVersion(2, stories: 30)
        // Four stories of 620 KB (a body is bounded at 1 MB), 2.5 MB in all: more than the disk has left.
        for k in 1...4 {
            try site.write("Content/cases/huge-\(k).md", FixtureSite.story(title: "大きな事例\(k)", body: String(repeating: "長い本文の一行です。\n", count: 20_000)))
        }
        let run = try site.run("build", "--output", "public")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("public:1:1: error: cannot write public/site/") && $0.contains("(staged in public/.bansou-staging/): No space left on device") },
                "\(run.stderr)")
        #expect(run.stderr.contains("; public/ was not changed"))
        #expect(try site.snapshot("public") == before)

        for k in 1...4 { try site.remove("Content/cases/huge-\(k).md") }
        let retry = try site.run("build", "--output", "public")
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try site.read("public/site/index.html").contains("テストポータル第二版"))
        #expect(site.stagingMirrorsLive("public"))
    }

    /// A page nobody may replace (immutable, which stops even root): the build fails before
    /// the swap and says so; the old output stays whole, and the closing line is true.
    @Test func anImmutablePageLeavesTheOldOutputWhole() throws {
        let site = try FixtureSite.versioned(stories: 10)
        #expect(try site.run("build").status == 0)
        // A file late in the write order: the in-place writer had rewritten the whole site before it.
        let page = site.root.appendingPathComponent("Output/reports/alpha-kogyo/report.json").path
        let lock = try FixtureSite.exec("/usr/bin/chattr", ["+i", page])
        try #require(lock.status == 0, "this test needs chattr +i on the temporary folder's file system: \(lock.stderr)")
        defer { _ = try? FixtureSite.exec("/usr/bin/chattr", ["-i", page]) }
        let before = try site.snapshot()
        try site.setVersion(2, stories: 10)
        let run = try site.run("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Output:1:1: error: cannot write Output/reports/alpha-kogyo/report.json (staged in Output/.bansou-staging/): Operation not permitted") },
                "\(run.stderr)")
        #expect(run.stderr.contains("; Output/ was not changed"))
        #expect(try site.snapshot() == before)
    }

    /// A browser failure during --pdf happens before the swap: the old output stays whole,
    /// and the messages name the --output folder the user gave.
    @Test func browserFailureDuringPDFLeavesTheOldOutputWhole() throws {
        let site = try FixtureSite.versioned(stories: 5)
        #expect(try site.run("build", "--output", "out").status == 0)
        let before = try site.snapshot("out")
        try site.setVersion(2, stories: 5)
        let environment = FixtureSite.environment(["BANSOU_CHROME": try site.fakeBrowser(failing: true)])
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf", "--output", "out"], in: site.root, environment: environment)
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("out/reports/alpha-kogyo/report.pdf:1:1: error: failing-chromium failed to print out/reports/alpha-kogyo/report.pdf") }, "\(run.stderr)")
        #expect(run.stderr.contains("; out/ was not changed"))
        #expect(try site.snapshot("out") == before)
    }

    @Test func reportCommandKeepsTheOtherClientsPDFsAsTheyWere() throws {
        let site = try FixtureSite.versioned(stories: 3)
        let environment = FixtureSite.environment(["BANSOU_CHROME": try site.fakeBrowser(failing: false)])
        let binary = try FixtureSite.binary().path
        let build = try FixtureSite.exec(binary, ["build", "--pdf"], in: site.root, environment: environment)
        #expect(build.status == 0, "\(build.stderr)")
        let pdfs = FixtureSite.clientIDs.map { "Output/reports/\($0)/report.pdf" }
        let printed = try pdfs.map { try Data(contentsOf: site.root.appendingPathComponent($0)) }

        let report = try FixtureSite.exec(binary, ["report", "beta-kogyo", "--pdf"], in: site.root, environment: environment)
        #expect(report.status == 0, "\(report.stderr)")
        let after = pdfs.map { FileManager.default.contents(atPath: site.root.appendingPathComponent($0).path) }
        #expect(after[0] == printed[0], "alpha-kogyo's report.pdf was not kept")
        #expect(after[1] != nil && after[1] != printed[1], "beta-kogyo's report.pdf was not printed again")
        #expect(after[2] == printed[2], "gamma-kogyo's report.pdf was not kept")

        // Without --pdf the command prints nothing and keeps every PDF.
        let plain = try FixtureSite.exec(binary, ["report", "gamma-kogyo"], in: site.root, environment: environment)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(pdfs.allSatisfy { site.exists($0) })
        // A full build without --pdf replaces the whole output: no PDF is left describing older content.
        #expect(try site.run("build").status == 0)
        #expect(!pdfs.contains { site.exists($0) })
    }

    /// Two real processes: `flock(1)` holds the output lock as another build would; the build
    /// says it waits, changes nothing meanwhile, and finishes once the lock is free.
    @Test func aSecondBuildWaitsForTheOutputLock() throws {
        let site = try FixtureSite.versioned(stories: 5)
        #expect(try site.run("build").status == 0)
        let before = try site.snapshot()
        try site.setVersion(2, stories: 5)

        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [site.root.appendingPathComponent("Output/.bansou.lock").path, "/bin/sh", "-c", "echo locked; cat"]
        let holderIn = Pipe(), holderOut = Pipe()
        holder.standardInput = holderIn
        holder.standardOutput = holderOut
        try holder.run()
        let locked = String(decoding: holderOut.fileHandleForReading.availableData, as: UTF8.self)
        try #require(locked.hasPrefix("locked"), "flock(1) did not take the lock")

        let stderrFile = site.root.appendingPathComponent("second.stderr")
        let build = try site.start(["build"], stderrFile: stderrFile)
        var said = ""
        while build.isRunning, !said.contains("waiting for another bansou build") {
            usleep(20_000)
            said = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        }
        let waited = build.isRunning
        #expect(said.contains("note: waiting for another bansou build to finish writing Output/ (it holds Output/.bansou.lock)"), "\(said)")
        #expect(waited, "the build did not wait for the lock")
        #expect(try site.snapshot() == before, "the waiting build changed Output/")

        try holderIn.fileHandleForWriting.close()
        holder.waitUntilExit()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        #expect(try site.read("Output/site/index.html").contains("テストポータル第二版"))
    }

    @Test func twoBuildsStartedTogetherLeaveOneWholeTree() throws {
        let site = try FixtureSite.versioned(stories: 40)
        #expect(try site.run("build").status == 0)
        try site.setVersion(2, stories: 40)
        let builds = try (0..<2).map { try site.start(["build"], stderrFile: site.root.appendingPathComponent("build-\($0).stderr")) }
        for build in builds { build.waitUntilExit() }
        for (index, build) in builds.enumerated() {
            #expect(build.terminationStatus == 0, "\((try? site.read("build-\(index).stderr")) ?? "")")
        }
        #expect(try site.run("build", "--output", "Fresh").status == 0)
        #expect(site.files("Output/site") == site.files("Fresh/site"))
        #expect(site.files("Output/reports") == site.files("Fresh/reports"))
        #expect(site.stagingMirrorsLive())
    }

    /// SIGKILL at random moments of builds that switch between two versions: after each kill,
    /// Output/site and Output/reports are each exactly version 1's or version 2's tree
    /// (compared byte for byte with fresh builds of both). Half of the kills aim at the write
    /// stage: they wait for the first change under Output/ and kill a few milliseconds later.
    @Test func sigkillAtRandomMomentsLeavesTheOldTreeOrTheNewOne() throws {
        let stories = 200
        let site = try FixtureSite.versioned(stories: stories)
        let started = Date()
        #expect(try site.run("build", "--output", "V1").status == 0)
        let buildSeconds = Date().timeIntervalSince(started)
        try site.setVersion(2, stories: stories)
        #expect(try site.run("build", "--output", "V2").status == 0)
        let versions = [1: (site.files("V1/site"), site.files("V1/reports")), 2: (site.files("V2/site"), site.files("V2/reports"))]
        #expect(versions[1]!.0 != versions[2]!.0 && versions[1]!.1 != versions[2]!.1)

        try site.setVersion(1, stories: stories)
        #expect(try site.run("build").status == 0)
        var current = 1
        let watched = ["Output", "Output/site", "Output/site/cases", "Output/reports", "Output/.bansou-staging/site", "Output/.bansou-staging/site/cases"]
            .map { site.root.appendingPathComponent($0).path }
        func mtimes() -> [Int] {
            watched.map { path in
                var info = stat()
                return stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
            }
        }
        var rng = SystemRandomNumberGenerator()
        for round in 0..<10 {
            let next = current == 1 ? 2 : 1
            try site.setVersion(next, stories: stories)
            let quiet = mtimes()
            let build = try site.start(["build"])
            var moment: String
            if round % 2 == 0 {
                while build.isRunning, mtimes() == quiet { usleep(500) }
                let delay = UInt32.random(in: 0...40_000, using: &rng)
                usleep(delay)
                moment = "\(delay / 1000) ms after the first change under Output/"
            } else {
                let delay = UInt32(Double.random(in: 0...(buildSeconds * 1.2), using: &rng) * 1_000_000)
                usleep(delay)
                moment = "\(delay / 1000) ms after the start"
            }
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let siteNow = site.files("Output/site"), reportsNow = site.files("Output/reports")
            let siteVersion = versions.first { $0.value.0 == siteNow }?.key
            let reportsVersion = versions.first { $0.value.1 == reportsNow }?.key
            #expect(siteVersion != nil, "round \(round): Output/site is neither version after a kill \(moment)")
            #expect(reportsVersion != nil, "round \(round): Output/reports is neither version after a kill \(moment)")
            current = siteVersion ?? next
        }
        // A build that runs to the end sweeps what the killed ones left.
        try site.setVersion(2, stories: stories)
        #expect(try site.run("build").status == 0)
        #expect(site.files("Output/site") == versions[2]!.0)
        #expect(site.files("Output/reports") == versions[2]!.1)
        #expect(site.stagingMirrorsLive())
    }

    /// A withdrawn story's page that cannot be removed from the staging folder (immutable; the
    /// staging folder links the live file, so the inode is shared) would be swapped back into
    /// the live site: the build fails before the swap, naming the page, and changes nothing.
    @Test func aWithdrawnStorysPageThatCannotBeRemovedFailsBeforeTheSwap() throws {
        let site = try FixtureSite.versioned(stories: 5)
        #expect(try site.run("build").status == 0)
        try #require(site.exists("Output/site/cases/story-3/index.html"))
        let page = site.root.appendingPathComponent("Output/site/cases/story-3/index.html").path
        let lock = try FixtureSite.exec("/usr/bin/chattr", ["+i", page])
        try #require(lock.status == 0, "this test needs chattr +i on the temporary folder's file system: \(lock.stderr)")
        defer { _ = try? FixtureSite.exec("/usr/bin/chattr", ["-i", page]) }
        try site.remove("Content/cases/story-3.md")
        let before = try site.snapshot()
        let run = try site.run("build")
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("Output:1:1: error: cannot remove Output/site/cases/story-3/index.html (staged in Output/.bansou-staging/), which this build no longer produces: Operation not permitted") },
                "\(run.stderr)")
        #expect(run.stderr.contains("; Output/ was not changed"))
        #expect(!run.stdout.contains("removed)"), "the summary counted the page as removed: \(run.stdout)")
        #expect(try site.snapshot() == before)
    }

    /// The three-rename fallback parks the live tree as `.bansou-staging/previous-<root>`; a
    /// build killed between its renames leaves it there. Killed after the first rename, it is
    /// the last good tree and goes back live (even if the next build then fails); killed after
    /// the second, it is swept. (The fallback itself needs a file system without
    /// RENAME_EXCHANGE; the leftovers are made by hand, as it leaves them.)
    @Test func aTreeParkedByAKilledFallbackSwapIsPutBackOrSwept() throws {
        let site = try FixtureSite.versioned(stories: 5)
        #expect(try site.run("build").status == 0)
        let oldSite = site.files("Output/site")
        let fm = FileManager.default
        let staging = site.root.appendingPathComponent("Output/.bansou-staging")
        func parked() -> [String] { ((try? fm.contentsOfDirectory(atPath: staging.path)) ?? []).filter { $0.hasPrefix("previous-") } }

        // Killed after the first rename: no Output/site, the old one parked. A build failing
        // before the swap (a failing browser) leaves the old site live again.
        try fm.moveItem(at: site.root.appendingPathComponent("Output/site"), to: staging.appendingPathComponent("previous-site"))
        try site.setVersion(2, stories: 5)
        let environment = FixtureSite.environment(["BANSOU_CHROME": try site.fakeBrowser(failing: true)])
        let failed = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf"], in: site.root, environment: environment)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(site.files("Output/site") == oldSite)
        #expect(parked().isEmpty)

        // Killed after the second rename: the new tree live, the previous one parked (and a
        // copy of it where the staging tree belongs). The next build sweeps it.
        try fm.copyItem(at: staging.appendingPathComponent("reports"), to: staging.appendingPathComponent("previous-reports"))
        let run = try site.run("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(parked().isEmpty)
        #expect(try site.run("build", "--output", "Fresh").status == 0)
        #expect(site.files("Output/site") == site.files("Fresh/site"))
        #expect(site.files("Output/reports") == site.files("Fresh/reports"))
        #expect(site.stagingMirrorsLive())
    }

    /// Staging entries that could not be put back after a failure are said as warnings: here
    /// the browser fails after making the staged site/ folder immutable, so the staging
    /// folder cannot go back to mirroring the live site/index.html.
    @Test func stagingEntriesThatCouldNotBePutBackAreWarnedAbout() throws {
        let site = try FixtureSite.versioned(stories: 3)
        #expect(try site.run("build").status == 0)
        let folder = site.root.appendingPathComponent("Output/.bansou-staging/site").path
        let browser = site.root.appendingPathComponent("locking-chromium").path
        let script = "#!/bin/sh\n/usr/bin/chattr +i '\(folder)'\necho 'chromium: the GPU process crashed' >&2\nexit 1\n"
        FileManager.default.createFile(atPath: browser, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        defer { _ = try? FixtureSite.exec("/usr/bin/chattr", ["-i", folder]) }
        try site.setVersion(2, stories: 3)
        let environment = FixtureSite.environment(["BANSOU_CHROME": browser])
        let run = try FixtureSite.exec(try FixtureSite.binary().path, ["build", "--pdf"], in: site.root, environment: environment)
        var flags = try FixtureSite.exec("/usr/bin/lsattr", ["-d", folder])
        try #require(flags.stdout.hasPrefix("----i"), "this test needs chattr +i on the temporary folder's file system: \(flags.stdout)\(flags.stderr)")
        flags = try FixtureSite.exec("/usr/bin/chattr", ["-i", folder])
        #expect(run.status == 1)
        #expect(run.stderr.contains("warning: could not update Output/.bansou-staging/site/index.html"), "\(run.stderr)")
        // Once the folder can be changed again, the next build repairs the staging folder.
        #expect(try site.run("build").status == 0)
        #expect(site.stagingMirrorsLive())
    }
}
