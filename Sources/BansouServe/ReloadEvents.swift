import FlyingFox
import FlyingSocks
import Foundation

/// Server-Sent Events to every open page (`GET /__bansou/events`): `reload` after a
/// successful rebuild, `errors` (the overlay's HTML) after a failed one. Each page holds one
/// long response whose body is this stream, sent chunked as events happen.
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    /// A new page's stream, starting with `first` (the events that bring it up to date).
    func subscribe(first: [Data]) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
        for event in first { continuation.yield(event) }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.lock()
        if closed {
            lock.unlock()
            continuation.finish()
        } else {
            listeners[id] = continuation
            lock.unlock()
        }
        return stream
    }

    func send(_ event: Data) {
        lock.lock()
        let targets = listeners
        lock.unlock()
        for (id, continuation) in targets {
            if case .terminated = continuation.yield(event) { remove(id) }
        }
    }

    /// Ends every stream (the server stops); later subscribers get an ended stream.
    func close() {
        lock.lock()
        closed = true
        let targets = listeners
        listeners = [:]
        lock.unlock()
        for continuation in targets.values { continuation.finish() }
    }

    private func remove(_ id: UUID) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }

    /// One event in the text/event-stream format; `data` may hold line breaks (one `data:` line each).
    static func event(_ name: String, data: String) -> Data {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return Data((text + "\n").utf8)
    }

    /// A comment line: keeps proxies from closing an idle stream and finds pages that went away
    /// (writing to a closed connection fails, which ends its response).
    static let heartbeat = Data(": keep-alive\n\n".utf8)

    /// The HTTP response of one subscriber.
    static func response(for stream: AsyncStream<Data>) -> HTTPResponse {
        HTTPResponse(statusCode: .ok,
                     headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                               HTTPHeader("X-Content-Type-Options"): "nosniff"],
                     body: HTTPBodySequence(from: EventBytes(stream: stream), suggestedBufferSize: 4096))
    }
}

/// FlyingFox streams a body from a sequence of bytes in buffers; each event becomes one buffer,
/// so it is written (as one chunk) as soon as it is sent.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let data = await base.next() else { return nil }
                pending = Array(data)
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
