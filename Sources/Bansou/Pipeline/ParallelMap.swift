import Dispatch

/// Maps on every core, keeping the order. The closure must be thread-safe:
/// never call cmark-gfm from it (Debian's build keeps global state).
public func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            out[i] = transform(items[i])
        }
    }
    return results.map { $0! }
}
