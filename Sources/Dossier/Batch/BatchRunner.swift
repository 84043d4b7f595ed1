import Foundation

/// Runs documents through the pipeline on `jobs` worker threads and hands their results to the
/// caller in input order. One thread lists the inputs; workers read, extract and encode; the
/// calling thread receives results in order. At most `window` documents are between listing and
/// writing, so memory stays bounded whatever the corpus size.
public final class BatchRunner: Sendable {
    public let processor: BatchProcessor
    public let jobs: Int
    public let window: Int

    /// `window` defaults to four documents per job plus a few, enough to keep workers busy while a
    /// long document holds up the writer.
    public init(processor: BatchProcessor, jobs: Int, window: Int? = nil) {
        self.processor = processor
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? self.jobs * 4 + 4)
    }

    /// Runs every document the enumerator still has. `consume` is called on the calling thread
    /// once per document, in order; if it throws, the run stops (documents in flight are dropped)
    /// and the error is rethrown.
    public func run<E: Error>(_ enumerator: BatchEnumerator, consume: (BatchResult) throws(E) -> Void) throws(E) {
        let first = enumerator.count
        let queue = BoundedQueue<BatchItem>(capacity: jobs * 2)
        let results = ReorderBuffer<BatchResult>()
        let slots = Slots(window)
        let stop = StopFlag()
        let source = Handover(enumerator)

        let producer = Thread {
            let enumerator = source.value
            while true {
                slots.acquire()
                if stop.isSet { break }
                guard let item = enumerator.next() else { break }
                if !queue.push(item) { break }
            }
            results.finish(total: enumerator.count)
            queue.close()
        }
        producer.name = "dossier-batch-input"
        producer.start()

        let processor = self.processor
        for n in 0..<jobs {
            let worker = Thread {
                while let item = queue.pop() {
                    results.put(item.index, processor.process(item))
                }
            }
            worker.name = "dossier-batch-worker-\(n)"
            worker.stackSize = 8 << 20
            worker.start()
        }

        var next = first
        while let result = results.take(next) {
            do {
                try consume(result)
            } catch {
                stop.set()
                queue.cancel()
                slots.release(window)
                throw error
            }
            next += 1
            slots.release()
        }
    }
}

/// A flag set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// A counting semaphore for the documents in flight. (A `DispatchSemaphore` may not be released
/// while its count is below its initial value, which is how a run ends.)
final class Slots: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var free: Int

    init(_ count: Int) { free = count }

    func acquire() {
        condition.lock()
        while free <= 0 { condition.wait() }
        free -= 1
        condition.unlock()
    }

    func release(_ n: Int = 1) {
        condition.lock()
        free += n
        condition.broadcast()
        condition.unlock()
    }
}
