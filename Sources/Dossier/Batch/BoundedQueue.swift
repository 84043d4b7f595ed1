import Foundation

/// A first-in first-out queue of fixed capacity between threads: `push` waits while it is full,
/// `pop` waits while it is empty and returns nil once it is closed and drained.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Element?] = []
    private var head = 0
    private var count = 0
    private var closed = false

    init(capacity: Int) {
        items = Array(repeating: nil, count: max(1, capacity))
    }

    /// Adds an element, waiting for room; returns false (dropping it) when the queue is closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == items.count && !closed { condition.wait() }
        if closed { return false }
        items[(head + count) % items.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// The oldest element, waiting for one; nil when closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        if count == 0 { return nil }
        let element = items[head]
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// No more pushes; pops drain what is left.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes and drops what is left.
    func cancel() {
        condition.lock()
        closed = true
        for i in items.indices { items[i] = nil }
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}

/// Results that arrive in any order, taken out in input order by one writer.
final class ReorderBuffer<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Int: Element] = [:]
    private var total: Int?

    /// Stores the result of position `index`.
    func put(_ index: Int, _ element: Element) {
        condition.lock()
        waiting[index] = element
        condition.broadcast()
        condition.unlock()
    }

    /// There are `total` positions in all (set once the inputs are exhausted).
    func finish(total: Int) {
        condition.lock()
        self.total = total
        condition.broadcast()
        condition.unlock()
    }

    /// The result at `index`, waiting for it; nil when `index` is past the end.
    func take(_ index: Int) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let element = waiting.removeValue(forKey: index) { return element }
            if let total, index >= total { return nil }
            condition.wait()
        }
    }
}
