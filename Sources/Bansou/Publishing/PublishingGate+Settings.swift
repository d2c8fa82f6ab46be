import Foundation

extension PublishingGate {
    /// What the gate checks besides the output: that site.yaml cannot let a client's term
    /// through, that every `unscanned` entry names a published file, and that every file
    /// in the clients folder is a loaded client (a gate without its clients checks nothing).
    func checkSettings(publishedPaths: Set<String>, outputPrefix: String, log: DiagnosticLog) {
        checkAllowList(log: log)
        checkUnscanned(publishedPaths: publishedPaths, outputPrefix: outputPrefix, log: log)
        checkClientsFolder(log: log)
    }

    /// An `allow` entry equal to, or containing, a client's identifying term would let the
    /// term through wherever the entry is written: an error at the entry, once per client.
    func checkAllowList(log: DiagnosticLog) {
        for entry in library.site.allow ?? [] {
            var named = Set<String>()
            for term in LeakScanner.termsAllowed(by: entry.value, among: scanner.terms) where named.insert(term.clientID).inserted {
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
        let url = URL(fileURLWithPath: display, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
        // Missing, a dangling link or a file: the loader has said so already, and the gate
        // never runs after an error; refused here too, as a gate without clients checks nothing.
        guard exists, isDirectory.boolValue, let names = try? fm.contentsOfDirectory(atPath: url.path) else {
            log.error("the clients folder cannot be read, so the publishing gate cannot check for any client's terms", at: SourceLocation(path: display))
            return
        }
        let loaded = Set(library.clients.map(\.path))
        for name in names.sorted() where !name.hasPrefix(".") && !loaded.contains("\(display)/\(name)") {
            log.error("not loaded as a client, so the publishing gate cannot check for its terms: a client is <id>.yaml (lower-case id); move anything else out of the clients folder",
                      at: SourceLocation(path: "\(display)/\(name)"))
        }
        checkReferralsFolder(log: log)
    }

    /// Referrals name companies and people as client files do: a file in the referrals
    /// folder that was not loaded (`x.YAML`, `memo.txt`) would leave its names unchecked.
    /// The folder itself is optional.
    func checkReferralsFolder(log: DiagnosticLog) {
        let display = library.contentPath("referrals")
        let url = URL(fileURLWithPath: display, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        let loaded = Set(library.referrals.map(\.path))
        for name in names.sorted() where !name.hasPrefix(".") && !loaded.contains("\(display)/\(name)") {
            log.error("not loaded as a referral, so the publishing gate cannot check for the names it holds: a referral is <name>.yaml; move anything else out of the referrals folder",
                      at: SourceLocation(path: "\(display)/\(name)"))
        }
    }
}
