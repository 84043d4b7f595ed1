/// Writes records as JSON Lines, copying the keys of records that share a key array from their
/// bytes written before (`EncodedKeys`). The bytes are those `JSONByteBuffer.appendObject` writes.
/// Keep one encoder a stream of records.
struct JSONLineEncoder {
    private var keys = EncodedKeys()

    /// A record, then a newline.
    mutating func appendLine(_ record: Record, to buffer: inout JSONByteBuffer) {
        appendObject(record.object, to: &buffer)
        buffer.reserve(1)
        buffer.put(0x0A)
    }

    mutating func appendObject(_ object: JSONObject, to buffer: inout JSONByteBuffer) {
        guard let layout = keys.layout(of: object.keys) else {
            buffer.appendObject(object)
            return
        }
        let recent = layout.recent
        buffer.reserve(1)
        buffer.put(UInt8(ascii: "{"))
        layout.bytes.withUnsafeBufferPointer { bytes in
            layout.ends.withUnsafeBufferPointer { ends in
                object.values.withUnsafeBufferPointer { values in
                    var start = 0
                    for k in 0..<Swift.min(ends.count, values.count) {
                        // Room for the key and for a value that `recent` copies.
                        buffer.reserve(ends[k] &- start &+ JSONByteBuffer.padding &+ RecentValues.stride)
                        buffer.putPadded(bytes.baseAddress! + start, count: ends[k] &- start)
                        start = ends[k]
                        // Nested objects (a quote's `cue`) have layouts of their own.
                        if !recent.append(values.baseAddress! + k, field: k, to: &buffer), case .object(let nested) = values[k] {
                            appendObject(nested, to: &buffer)
                        }
                    }
                }
            }
        }
        buffer.reserve(1)
        buffer.put(UInt8(ascii: "}"))
    }
}

/// The keys of recently written records, encoded once a key array. Records of one layout share
/// one key array (`RecordKeys`, `RecordKeySharer`), so the writer can copy the bytes
/// `"doc": `, `, "kind": `, … between the values instead of escaping every key of every record.
///
/// Key arrays are found by their storage address, then checked: a layout holds its key array, so
/// no other array can take that address while the layout is in use. A new array with the keys of a known
/// layout (each document's figures and quotes share arrays of their own) takes that layout's
/// bytes; other arrays are encoded when seen a second time among the last few misses, so objects
/// with keys of their own cost only the lookups.
struct EncodedKeys {
    /// One key array and its keys as JSON, each with the separator before it.
    final class Layout {
        let keys: [String]
        /// `"k0": `, `, "k1": `, … one after another, then padding for `appendPadded`.
        let bytes: [UInt8]
        /// Where the bytes of each key end.
        let ends: [Int]
        /// The last values of each key, shared by the layouts of equal key arrays.
        let recent: RecentValues

        /// The layout of `keys`, with the bytes of `other`, which has the same keys.
        init(_ keys: [String], sharing other: Layout) {
            self.keys = keys
            bytes = other.bytes
            ends = other.ends
            recent = other.recent
        }

        init(_ keys: [String]) {
            var buffer = JSONByteBuffer(capacity: 256)
            var ends: [Int] = []
            ends.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() {
                if i > 0 { buffer.reserve(2); buffer.put(0x2C, 0x20) }
                buffer.appendString(key, reservingAfter: 2)
                buffer.put(0x3A, 0x20)
                ends.append(buffer.count)
            }
            self.keys = keys
            bytes = Array(buffer.bytes) + [UInt8](repeating: 0, count: JSONByteBuffer.padding)
            buffer.deallocate()
            self.ends = ends
            recent = RecentValues(fields: keys.count)
        }
    }

    /// Layouts kept at most; the oldest is replaced first.
    static let capacity = 64
    private var addresses: [UnsafeRawPointer] = []
    private var layouts: [Layout] = []
    private var oldest = 0
    /// The key arrays of the last objects written without a layout.
    private var misses = [UnsafeRawPointer?](repeating: nil, count: 4)
    private var nextMiss = 0

    /// The layout of `keys`; nil for an array with new keys, before its second recent miss.
    mutating func layout(of keys: [String]) -> Layout? {
        guard let address = keys.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return nil }
        // The keys compare equal at once when they are the layout's array; were an address ever
        // reused, the keys, not the address, decide.
        if let i = addresses.firstIndex(of: address), layouts[i].keys == keys { return layouts[i] }
        let layout: Layout
        if let same = layouts.first(where: { $0.keys == keys }) {
            layout = Layout(keys, sharing: same)
        } else if let m = misses.firstIndex(of: address) {
            misses[m] = nil
            layout = Layout(keys)
        } else {
            misses[nextMiss] = address
            nextMiss = (nextMiss + 1) % misses.count
            return nil
        }
        if layouts.count < Self.capacity {
            addresses.append(address)
            layouts.append(layout)
        } else {
            addresses[oldest] = address
            layouts[oldest] = layout
            oldest = (oldest + 1) % Self.capacity
        }
        return layout
    }
}
