import Foundation

extension PublishingGate {
    /// What the gate checks besides the output: that site.yaml cannot let a client's term
    /// through, that every `unscanned` entry names a published file, and that every file
    /// in the clients and referrals folders was loaded (a gate without them checks nothing).
    func checkSettings(publishedPaths: Set<String>, outputPrefix: String, log: DiagnosticLog) {
        checkAllowList(log: log)
        checkUnscanned(publishedPaths: publishedPaths, outputPrefix: outputPrefix, log: log)
        checkClientsFolder(log: log)
        checkReferralsFolder(log: log)
    }

    /// An `allow` entry equal to, or containing, a client's identifying term would let the
    /// term through wherever the entry is written: an error at the entry, once per client.
    func checkAllowList(log: DiagnosticLog) {
        for entry in library.site.allow ?? [] {
            var named = Set<String>()
            for term in LeakScanner.termsAllowed(by: entry.value, among: scanner.terms) where named.insert(term.ownerLabel).inserted {
                log.error("allow entry contains the \(term.category.label) of \(term.ownerLabel) (\(Mask.mask(term.normalized, as: term.category))): allow is for the publisher's own contact and cannot let a client's term through",
                          at: entry.location)
            }
        }
    }

    func checkUnscanned(publishedPaths: Set<String>, outputPrefix: String, log: DiagnosticLog) {
        for entry in library.site.unscanned ?? [] {
            if let problem = SiteConfig.unscannedProblem(entry.value) {
                log.error(problem, at: entry.location)
            } else if !publishedPaths.contains(entry.value) {
                log.error("unscanned entry '\(entry.value)' names no published file (paths are under \(outputPrefix)/site/, e.g. assets/logo.png for \(templatesPrefix)/assets/logo.png)",
                          at: entry.location)
            }
        }
    }

    /// The loader reports a clients folder it cannot read; this is the gate's own check that
    /// it never runs short of clients: each file there must have been loaded as a client.
    /// (It runs only when nothing else failed, so nothing is reported twice.)
    func checkClientsFolder(log: DiagnosticLog) {
        let display = library.contentPath("clients")
        // Missing, a dangling link or a file: the loader has said so already, and the gate
        // never runs after an error; refused here too, as a gate without clients checks nothing.
        guard let names = folderNames(display) else {
            log.error("the clients folder cannot be read, so the publishing gate cannot check for any client's terms", at: SourceLocation(path: display))
            return
        }
        reportUnloaded(names, in: display, loaded: library.clients.map(\.path), log: log,
                       "not loaded as a client, so the publishing gate cannot check for its terms: a client is <id>.yaml (lower-case id); move anything else out of the clients folder")
    }

    /// Referrals name companies and people as client files do: a file in the (optional)
    /// referrals folder that was not loaded (`x.YAML`, `memo.txt`) would leave its names unchecked.
    func checkReferralsFolder(log: DiagnosticLog) {
        let display = library.contentPath("referrals")
        guard let names = folderNames(display) else { return }
        reportUnloaded(names, in: display, loaded: library.referrals.map(\.path), log: log,
                       "not loaded as a referral, so the publishing gate cannot check for the names it holds: a referral is <name>.yaml; move anything else out of the referrals folder")
    }

    /// The entries of a content folder (by its display path, as the CLI gave it), nil when it is not a readable folder.
    private func folderNames(_ display: String) -> [String]? {
        let url = URL(fileURLWithPath: display, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return try? FileManager.default.contentsOfDirectory(atPath: url.path)
    }

    /// An error at every entry (but dot files) the loader did not read as a record.
    private func reportUnloaded(_ names: [String], in display: String, loaded: [String], log: DiagnosticLog, _ message: String) {
        let loaded = Set(loaded)
        for name in names.sorted() where !name.hasPrefix(".") && !loaded.contains("\(display)/\(name)") {
            log.error(message, at: SourceLocation(path: "\(display)/\(name)"))
        }
    }
}
