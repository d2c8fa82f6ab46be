import Bansou

/// The seam between `bansou serve` and the library: the server knows only that something
/// rebuilds `Output/` after files changed and tells it how that went.
///
/// Contract, for any implementation (the full build below, the incremental engine later):
/// - `changed` lists the paths that changed since the previous call, as the user gave the
///   folders (`Content/cases/x.md`, `Templates/layout.mustache`), sorted, without duplicates;
///   empty for the first build, which must build everything. A path may name a file that no
///   longer exists (deleted or renamed away) or a folder.
/// - The output is all-or-nothing, as `bansou build`'s: a result with errors has left the
///   served folders as they were, so the browser keeps showing the last good build.
/// - Calls never overlap: the server makes them one at a time, from one queue.
public protocol SiteRebuilder: Sendable {
    func rebuild(changed: [String]) -> BuildResult
}

/// `bansou build` on every change, with a BuildMemo kept between calls: the rebuild reads and
/// decodes only changed files and renders, scans and writes only the pages whose inputs
/// changed (a story's body: its page), with the bytes of a clean build (IncrementalBuildTests).
/// `changed` is not needed: the memo compares the inputs themselves, which also catches an
/// edit the watcher coalesced or missed.
public struct IncrementalSiteRebuilder: SiteRebuilder {
    public let options: BuildOptions
    private let memo = BuildMemo()

    public init(options: BuildOptions) {
        var options = options
        options.write = true  // serve shows what is on disk, so every rebuild writes
        self.options = options
    }

    public func rebuild(changed: [String]) -> BuildResult {
        BuildPipeline(options: options, memo: memo).run()
    }
}
