import CFuzzerDriver
import Foundation

/// What every fuzz target does with libFuzzer's bytes and how it reports a broken invariant.
public enum FuzzInput {
    /// The input as text the way bansou reads a file (SourceText.read): invalid UTF-8 is
    /// refused there with a diagnostic, so such inputs are skipped here.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
        guard let data, size > 0 else { return size == 0 ? "" : nil }
        return String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}

/// A broken invariant: printed, then the process aborts so libFuzzer saves the input as a crash.
/// `precondition` would do the same, but its message would not say which input property failed.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant failed at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}

/// The size of a text as positions in it may be counted: `lines` counts every line break libyaml
/// knows (LF, NEL, LS, PS; CR never reaches it, SourceText turns it into LF), `longestLine` the
/// scalars of the longest LF-separated line. YAMLDocument's nesting check counts LF only, libyaml
/// all four, so a position is checked against the larger of both views.
public struct TextShape {
    public let lines: Int
    public let longestLine: Int

    /// - Parameter verticalSpace: also count VT and FF as line breaks, as swift-mustache's error
    ///   positions do for the line (every `Character.isNewline`) but not for the column (LF only).
    public init(_ text: String, verticalSpace: Bool = false) {
        var lines = 1, current = 0, longest = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                lines += 1
                longest = max(longest, current)
                current = 0
            case "\u{85}", "\u{2028}", "\u{2029}":
                lines += 1
                current += 1
            // `where` binds to one pattern only: both need it.
            case "\u{0B}" where verticalSpace, "\u{0C}" where verticalSpace:
                lines += 1
                current += 1
            default:
                current += 1
            }
        }
        self.lines = lines
        self.longestLine = max(longest, current)
    }
}

/// Runs libFuzzer with the process's arguments. Each target's `@main` calls this: SwiftPM renames
/// an executable's entry point (`--defsym main=<Target>_main`), so libFuzzer's own `main` is never
/// linked in, and a plain @cdecl LLVMFuzzerTestOneInput alone would leave the binary without one.
public enum FuzzDriver {
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}
