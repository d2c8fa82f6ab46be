/// What a build did: its diagnostics, what it produced, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var timings: [(stage: String, seconds: Double)] = []
    /// Pages per kind, e.g. ("事例", 14).
    public var counts: [(kind: String, count: Int)] = []
    public var write: OutputWriter.Summary?
    public var notes: [String] = []
    public var unpublished: [(slug: String, reason: String)] = []

    public var failed: Bool { diagnostics.hasErrors }
    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}
