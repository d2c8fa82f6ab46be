import ArgumentParser
import Bansou
import BansouServe
import Foundation

/// `bansou serve`: the authoring loop. Builds, serves the portal on 127.0.0.1, rebuilds on
/// every change under --content and --templates, and reloads the open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the portal on http://127.0.0.1:1313/, rebuild on change and reload open pages.")

    @OptionGroup var site: SiteOptions
    @Option(help: "Port to listen on (0 picks a free one).") var port: UInt16 = 1313
    @Option(help: "Address to listen on. The default is this machine only; another address shows the portal (and, with --reports, the client reports) to the network.")
    var bind = "127.0.0.1"
    @Flag(help: "Also serve the confidential client reports (Output/reports) under /reports/.") var reports = false

    func run() throws {
        try Preflight.checkFolders(site, writing: true)
        let options = site.buildOptions
        let console = Console(quiet: site.quiet, verbose: site.verbose)
        var configuration = PreviewServer.Configuration(
            site: options.url(site.output).appendingPathComponent("site"),
            reports: reports ? options.url(site.output).appendingPathComponent("reports") : nil,
            watched: [.init(url: options.url(site.content), display: site.content),
                      .init(url: options.url(site.templates), display: site.templates)])
        configuration.bind = bind
        configuration.port = port
        if reports, !(bind.hasPrefix("127.") || bind == "::1") {
            console.err("warning: --reports with --bind \(bind) serves the confidential client reports to every machine that reaches \(bind)")
        }
        let output = site.output
        let server = PreviewServer(configuration: configuration, rebuilder: IncrementalSiteRebuilder(options: options)) { rebuild in
            Self.print(rebuild, console: console, output: output)
            fflush(stdout)
        }
        let interrupt = Interrupt()  // before the first build, which Ctrl-C must not cut short either
        do {
            try server.start()
        } catch let error as PreviewServer.StartError {
            throw Preflight.usage(error.description)
        }
        console.out("serving \(output)/site at \(server.address)\(reports ? " (reports at \(server.address)reports/)" : "")")
        if !site.quiet {
            console.out("watching \(site.content)/ and \(site.templates)/ (\(server.watchMode?.rawValue ?? "polling")); Ctrl-C stops")
        }
        fflush(stdout)  // a long-running command: its lines must reach a pipe or file now, not at exit
        interrupt.wait()
        console.out("stopping…")
        server.stop()
    }

    /// The first build as `bansou build` reports it; then one line per rebuild (or its errors).
    private static func print(_ rebuild: PreviewServer.Rebuild, console: Console, output: String) {
        guard !rebuild.changed.isEmpty else {
            console.report(rebuild.result, verb: "built", output: output)
            if rebuild.result.failed { console.err("serving the last good build with the errors shown in the browser") }
            return
        }
        let result = rebuild.result
        let paths = rebuild.changed.count <= 3 ? " (" + rebuild.changed.joined(separator: ", ") + ")" : ""
        let changed = "\(rebuild.changed.count) changed" + paths
        for diagnostic in result.diagnostics where !(console.quiet && diagnostic.severity == .warning) {
            console.err(diagnostic.description)
        }
        if result.failed {
            let errors = result.diagnostics.errors.count
            console.err(String(format: "rebuild failed in %.2f s: %@: %d error%@, shown in the browser over the last good build",
                               rebuild.seconds, changed, errors, errors == 1 ? "" : "s"))
        } else if !console.quiet {
            console.out(String(format: "rebuilt in %.2f s: %@", rebuild.seconds, changed))
        }
    }

    /// SIGINT (Ctrl-C) and SIGTERM, caught from its creation on: their default action would end
    /// the process in the middle of a build. A second one during the clean stop exits at once.
    private final class Interrupt {
        private let interrupted = DispatchSemaphore(value: 0)
        private var sources: [DispatchSourceSignal] = []

        init() {
            let queue = DispatchQueue(label: "bansou.serve.signals")  // serial: `seen` is shared by both handlers
            var seen = false
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)  // delivered to the source below only
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [interrupted] in
                    if seen { Foundation.exit(130) }
                    seen = true
                    interrupted.signal()
                }
                source.resume()
                sources.append(source)
            }
        }

        /// Returns at once when the signal came earlier.
        func wait() { interrupted.wait() }
    }
}
