import Foundation

/// Collects diagnostics from many stages (and threads) so a run reports them all at once.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    public func error(_ message: String, at location: SourceLocation) {
        add(.error(message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation) {
        add(.warning(message, at: location))
    }

    /// All diagnostics, de-duplicated and sorted.
    public var all: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return Array(Set(items)).sorted()
    }

    public var hasErrors: Bool {
        lock.lock(); defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }
}
