import Foundation

/// Markdown in worker processes: cmark-gfm cannot run on two threads of one process
/// (MarkdownRenderer), but it can in two processes. For a large batch the build starts
/// `bansou markdown-worker` (a hidden subcommand) for each other core, sends it its share of
/// the bodies on stdin and reads the HTML back on stdout, while this process renders the
/// first share itself. A worker that cannot start, fails or answers wrongly costs time only:
/// its share is rendered here.
///
/// The wire format both ways: for each body in order, its UTF-8 length (UInt32, little
/// endian) and bytes. The worker's stdin is a socket, written with MSG_NOSIGNAL, so a worker
/// that dies cannot kill the build with SIGPIPE.
public enum MarkdownWorkers {
    /// The `bansou` executable to start as a worker; nil (a test process, a library user)
    /// renders everything in this process. Set by the command line.
    nonisolated(unsafe) public static var executable: URL?
    /// The hidden subcommand.
    public static let subcommand = "markdown-worker"
    /// Below this many bytes of Markdown a worker's start-up (some 30–60 ms) costs more than
    /// it saves: cmark-gfm renders about 50 MB/s.
    static let minimumBatchBytes = 4 << 20

    /// One per core besides this process's; `$BANSOU_MARKDOWN_WORKERS` sets another number
    /// (0: none, to compare or to rule the workers out).
    static var workerCount: Int {
        if let text = ProcessInfo.processInfo.environment["BANSOU_MARKDOWN_WORKERS"], let count = Int(text), count >= 0 { return min(count, 64) }
        return ProcessInfo.processInfo.activeProcessorCount - 1
    }

    /// The HTML of `bodies` in order, shared between this process and workers when it pays.
    static func render(_ bodies: [String], with renderer: MarkdownRenderer, unsafeHTML: Bool,
                       executable: URL? = MarkdownWorkers.executable, workers: Int = MarkdownWorkers.workerCount) -> [String] {
        let bytes = bodies.reduce(0) { $0 + $1.utf8.count }
        guard let executable, workers > 0, bodies.count > 1, bytes >= minimumBatchBytes else { return bodies.map(renderer.render) }
        // Contiguous shares of about equal bytes; this process takes the first.
        let shares = split(bodies, into: min(workers + 1, bodies.count), bytes: bytes)
        // Share 0 on this thread's turn of parallelMap (the only thread that runs cmark-gfm),
        // the others each waiting on its worker; a failed worker's share is rendered after.
        let answers = parallelMap(Array(shares.indices)) { index -> [String]? in
            index == 0 ? bodies[shares[0]].map(renderer.render) : runWorker(executable, Array(bodies[shares[index]]), unsafeHTML: unsafeHTML)
        }
        return zip(shares, answers).flatMap { share, answer in answer ?? bodies[share].map(renderer.render) }
    }

    private static func split(_ bodies: [String], into count: Int, bytes: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = [], start = 0, sum = 0
        for (index, body) in bodies.enumerated() {
            sum += body.utf8.count
            if ranges.count < count - 1, sum >= bytes * (ranges.count + 1) / count, index + 1 < bodies.count {
                ranges.append(start..<(index + 1))
                start = index + 1
            }
        }
        ranges.append(start..<bodies.count)
        return ranges
    }

    /// One worker's answer for `bodies`, or nil if it did not give one whole.
    private static func runWorker(_ executable: URL, _ bodies: [String], unsafeHTML: Bool) -> [String]? {
        var sockets: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0 else { return nil }
        let ours = sockets[0], theirs = FileHandle(fileDescriptor: sockets[1], closeOnDealloc: true)
        defer { close(ours) }
        let process = Process()
        process.executableURL = executable
        process.arguments = [subcommand] + (unsafeHTML ? ["--unsafe-html"] : [])
        let output = Pipe()
        process.standardInput = theirs
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        try? theirs.close()
        // Written on another thread while this one reads, or both pipes fill and stall.
        let writer = FrameWriter(socket: ours, bytes: frames(bodies))
        let thread = Thread { writer.run() }
        thread.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        writer.done.wait()
        process.waitUntilExit()
        guard writer.wroteAll, process.terminationStatus == 0, let html = parseFrames(answer), html.count == bodies.count else { return nil }
        return html
    }

    /// Sends the bodies to a worker's stdin, then half-closes it so the worker sees the end.
    private final class FrameWriter: @unchecked Sendable {
        let socket: Int32
        let bytes: [UInt8]
        /// Read only after `done` is signalled.
        var wroteAll = false
        let done = DispatchSemaphore(value: 0)

        init(socket: Int32, bytes: [UInt8]) {
            self.socket = socket
            self.bytes = bytes
        }

        func run() {
            wroteAll = bytes.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count {
                    let n = send(socket, raw.baseAddress! + at, raw.count - at, Int32(MSG_NOSIGNAL))
                    if n <= 0 { return false }
                    at += n
                }
                return true
            }
            shutdown(socket, Int32(SHUT_WR))
            done.signal()
        }
    }

    static func frames(_ texts: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 4 })
        for text in texts {
            let count = text.utf8.count
            out += [UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 24)]
            out += text.utf8
        }
        return out
    }

    /// The texts of `data`, or nil when a frame is cut short or not UTF-8.
    static func parseFrames(_ data: Data) -> [String]? {
        data.withUnsafeBytes { raw -> [String]? in
            var texts: [String] = [], at = 0
            while at < raw.count {
                guard at + 4 <= raw.count else { return nil }
                let count = Int(raw[at]) | Int(raw[at + 1]) << 8 | Int(raw[at + 2]) << 16 | Int(raw[at + 3]) << 24
                at += 4
                guard count <= raw.count - at, let text = String(validating: UnsafeRawBufferPointer(rebasing: raw[at..<(at + count)]), as: UTF8.self) else { return nil }
                texts.append(text)
                at += count
            }
            return texts
        }
    }

    /// The worker's side: reads every body from stdin, writes each one's HTML to stdout.
    public static func serve(unsafeHTML: Bool) -> Int32 {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let bodies = parseFrames(input) else { return 1 }
        let renderer = MarkdownRenderer(unsafeHTML: unsafeHTML)
        let answer = Data(frames(bodies.map(renderer.render)))
        do { try FileHandle.standardOutput.write(contentsOf: answer) } catch { return 1 }
        return 0
    }
}
