import Bansou
import Foundation

/// `[120/1000] 印刷中 yamada-seiko` on one line of a terminal while --pdf prints, redrawn as
/// each report is done and cleared at the end, so the closing summary stands alone. Not shown
/// under --quiet, nor when stderr is a file or a pipe (a log would fill with carriage returns).
enum PDFProgressLine {
    static func forTerminal(quiet: Bool) -> (@Sendable (Int, Int, PDFPrinter.Job) -> Void)? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return { done, total, job in
            // The report's folder names it: the client id (or `institution`).
            let name = URL(fileURLWithPath: job.displayPath).deletingLastPathComponent().lastPathComponent
            let line = done < total ? "\r\u{1B}[2K[\(done)/\(total)] 印刷中 \(name)" : "\r\u{1B}[2K"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
