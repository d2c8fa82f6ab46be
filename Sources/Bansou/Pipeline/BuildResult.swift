/// What a build did: its diagnostics, what it produced, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var timings: [(stage: String, seconds: Double)] = []
    /// Pages per kind, e.g. ("事例", 14).
    public var counts: [(kind: String, count: Int)] = []
    public var write: OutputWriter.Summary?
    /// Whether Output/ changed: true after a successful swap, and after a failed one that left
    /// part of the new output in place. A failed build with this false left Output/ as it was.
    public var outputChanged = false
    public var notes: [String] = []
    public var unpublished: [(slug: String, reason: String)] = []
    /// Terms replaced by `anonymize: auto`.
    public var anonymized = 0
    /// What the publishing gate checked (files, clients, terms, hits).
    public var leakReport: PublishingGate.Report?
    /// Portal pages rendered, and pages a BuildMemo gave back unchanged without rendering.
    public var renderedPages = 0
    public var reusedPages = 0

    public var failed: Bool { diagnostics.hasErrors }
    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}
