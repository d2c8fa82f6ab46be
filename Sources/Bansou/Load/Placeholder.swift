/// A value a decoder can stand in for a required field that was missing or wrong, after
/// recording the error, so decoding goes on and one run reports every mistake in a file.
/// A file with any error never reaches the write stage, so a placeholder is never published.
protocol DiagnosticPlaceholder {
    static var placeholder: Self { get }
}

extension String: DiagnosticPlaceholder { static var placeholder: String { "" } }
extension Int: DiagnosticPlaceholder { static var placeholder: Int { 0 } }
extension Double: DiagnosticPlaceholder { static var placeholder: Double { 0 } }
extension Bool: DiagnosticPlaceholder { static var placeholder: Bool { false } }
extension Day: DiagnosticPlaceholder { static var placeholder: Day { Day(year: 1, month: 1, day: 1) } }
extension Array: DiagnosticPlaceholder { static var placeholder: [Element] { [] } }

extension Located: DiagnosticPlaceholder where Value: DiagnosticPlaceholder {
    static var placeholder: Located<Value> { Located(Value.placeholder, at: SourceLocation(path: "", line: 0, column: 0)) }
}

extension Located {
    /// True for a stand-in of a value whose error was already reported: later checks skip it.
    public var isPlaceholder: Bool { location.line == 0 }
}
