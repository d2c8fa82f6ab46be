import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `bansou serve` on a fixture, and a raw HTTP/1.1 client for it.
extension FixtureSite {
    final class Serve {
        let process: Process
        let address: String
        let port: UInt16

        init(process: Process, address: String, port: UInt16) {
            self.process = process
            self.address = address
            self.port = port
        }

        struct Reply {
            var status: Int
            /// Lowercased names.
            var headers: [String: String]
            var body: Data
            var text: String { String(decoding: body, as: UTF8.self) }
        }

        /// One request on its own connection (`Connection: close`), the path sent as written.
        func get(_ path: String, host: String? = nil, method: String = "GET") throws -> Reply {
            let socket = try Self.connect(port: port)
            defer { close(socket) }
            try Self.send(socket, "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
            var data = Data()
            while let chunk = try Self.receive(socket) { data.append(chunk) }
            guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw FixtureError(message: "no HTTP header in \(data.count) bytes") }
            let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(head[0].split(separator: " ")[1]) ?? 0
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return Reply(status: status, headers: headers, body: Data(data[split.upperBound...]))
        }

        /// The reload events, read on a thread of their own as they arrive.
        func openEvents() throws -> EventReader {
            let socket = try Self.connect(port: port)
            try Self.send(socket, "GET /__bansou/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            return EventReader(socket: socket)
        }

        /// Ctrl-C, then SIGKILL if it has not stopped within a generous bound (so a server that
        /// ignores Ctrl-C fails its test instead of hanging the suite).
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        static func connect(port: UInt16) throws -> Int32 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(fd); throw FixtureError(message: "cannot connect to 127.0.0.1:\(port): errno \(errno)") }
            // A generous bound, so a server that never answers fails the test instead of hanging it.
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            return fd
        }

        static func send(_ fd: Int32, _ text: String) throws {
            let bytes = Array(text.utf8)
            guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
                throw FixtureError(message: "cannot send the request: errno \(errno)")
            }
        }

        /// nil at the end of the stream; throws on a timeout.
        static func receive(_ fd: Int32) throws -> Data? {
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 { throw FixtureError(message: "no answer from the server: errno \(errno)") }
            return count == 0 ? nil : Data(buffer[..<count])
        }
    }

    final class EventReader: @unchecked Sendable {
        private let socket: Int32
        private let lock = NSLock()
        private var text = ""
        private var ended = false

        init(socket: Int32) {
            self.socket = socket
            Thread { [self] in
                while let chunk = try? Serve.receive(socket) {
                    lock.lock(); text += String(decoding: chunk, as: UTF8.self); lock.unlock()
                }
                lock.lock(); ended = true; lock.unlock()
            }.start()
        }

        var received: String { lock.lock(); defer { lock.unlock() }; return text }

        /// Waits (up to a generous bound, not a timing assertion) until `line` has arrived `occurrence` times.
        func waitFor(_ line: String, occurrence: Int = 1, timeout: TimeInterval = 120) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while received.components(separatedBy: line + "\n").count - 1 < occurrence {
                lock.lock(); let over = ended; lock.unlock()
                guard !over, Date() < deadline else {
                    throw FixtureError(message: "'\(line)' (\(occurrence)×) never came; received:\n\(received.prefix(2000))")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        func close() { shutdown(socket, Int32(SHUT_RDWR)); Glibc.close(socket) }
    }

    /// Starts `bansou serve --port 0` in the fixture and waits for its "serving … at" line.
    /// Its output goes to Output/serve.out and Output/serve.err.
    func startServe(_ arguments: String...) throws -> Serve {
        let output = root.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let outURL = output.appendingPathComponent("serve.out"), errURL = output.appendingPathComponent("serve.err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = root
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let line = out.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }),
               let start = line.range(of: "http://"),
               let address = line[start.lowerBound...].split(separator: " ").first,
               let port = address.split(separator: ":").last.flatMap({ UInt16($0.trimmingCharacters(in: .init(charactersIn: "/"))) }) {
                return Serve(process: process, address: String(address), port: port)
            }
            guard process.isRunning else {
                throw FixtureError(message: "bansou serve exited \(process.terminationStatus):\n\(out)\n\((try? String(contentsOf: errURL, encoding: .utf8)) ?? "")")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw FixtureError(message: "bansou serve did not start")
    }

    /// The local addresses (hex, as the kernel writes them) of sockets listening on `port`, IPv4 and IPv6.
    static func listeningAddresses(port: UInt16) throws -> [String] {
        let hexPort = String(format: "%04X", port)
        var found: [String] = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { continue }  // 0A: LISTEN
                let local = fields[1].split(separator: ":")
                if local.count == 2, local[1] == hexPort { found.append(String(local[0])) }
            }
        }
        return found
    }

    /// A published story of the sample and its source, read before any build.
    func sampleStorySource() throws -> (slug: String, text: String) {
        let text = try read("Content/cases/fax-to-cloud-ordering.md")
        return ("fax-to-cloud-ordering", text)
    }

    /// A port nobody listens on now (the kernel's pick for a socket bound to port 0).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw FixtureError(message: "no free port: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// A published story of the sample (its page was built) and its source text.
    func sampleStory() throws -> (slug: String, text: String) {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content/cases").path).sorted()
        for name in names where name.hasSuffix(".md") {
            let slug = String(name.dropLast(3))
            if exists("Output/site/cases/\(slug)/index.html") { return (slug, try read("Content/cases/\(name)")) }
        }
        throw FixtureError(message: "no published story in the sample")
    }
}
