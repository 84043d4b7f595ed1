/// The order in which span records are written: by (start, end), ties by index, as
/// `RecordBuilder.sortedOrder(of:)` gives it. `extract` lists the bounds of entities, figures and
/// quotes one kind after another, and each kind comes out of its stage already in that order, so
/// the three runs are merged instead of sorted; a run out of order falls back to the sort.
enum SpanOrder {
    /// The indices of `bounds` in (start, end, index) order, for `bounds` made of three consecutive
    /// runs: `0..<first`, `first..<second` and `second..<bounds.count`.
    static func order(of bounds: [(start: Int, end: Int)], first: Int, second: Int) -> [Int] {
        bounds.withUnsafeBufferPointer { b in
            [Int](unsafeUninitializedCapacity: b.count) { out, count in
                order(of: b, first: first, second: second, into: out)
                count = b.count
            }
        }
    }

    /// Writes the indices of `bounds` in (start, end, index) order to `out`, which has room for
    /// them, for `bounds` made of three consecutive runs: `0..<first`, `first..<second` and
    /// `second..<bounds.count`. The writer's form: `out` is scratch memory, not a fresh array.
    static func order(of b: UnsafeBufferPointer<(start: Int, end: Int)>, first: Int, second: Int,
                      into out: UnsafeMutableBufferPointer<Int>) {
        let total = b.count
        precondition(0 <= first && first <= second && second <= total && out.count >= total)
        if !isSorted(b, 0, first) || !isSorted(b, first, second) || !isSorted(b, second, total) {
            _ = out.initialize(from: RecordBuilder.sortedOrder(of: Array(b)))
            return
        }
        // The head of each run; a run is done when its head reaches its end.
        var a = 0, f = first, q = second
        var n = 0
        while n < total {
            // The earliest head; on a tie the earlier run's (its indices are the smaller).
            var pick = -1, run = 0
            if a < first { pick = a }
            if f < second, pick < 0 || precedes(b[f], b[pick]) { pick = f; run = 1 }
            if q < total, pick < 0 || precedes(b[q], b[pick]) { pick = q; run = 2 }
            out[n] = pick
            n &+= 1
            if run == 0 { a &+= 1 } else if run == 1 { f &+= 1 } else { q &+= 1 }
        }
    }

    /// Whether `b[from..<to]` is in (start, end) order.
    static func isSorted(_ b: UnsafeBufferPointer<(start: Int, end: Int)>, _ from: Int, _ to: Int) -> Bool {
        var i = from &+ 1
        while i < to {
            if precedes(b[i], b[i &- 1]) { return false }
            i &+= 1
        }
        return true
    }

    /// Whether `a` comes strictly before `b` by (start, end).
    @inline(__always) static func precedes(_ a: (start: Int, end: Int), _ b: (start: Int, end: Int)) -> Bool {
        a.start < b.start || (a.start == b.start && a.end < b.end)
    }
}
