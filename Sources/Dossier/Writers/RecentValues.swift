/// The last string (or null) written in each field of one key layout, with its JSON bytes. Most
/// string fields repeat from one record to the next (`doc`, `kind`, `type`, `zone`, `source`, a
/// null `id`): a value equal to the last one of its field is copied as bytes, without being
/// scanned for escapes again, or even retained.
///
/// Values are matched by their bits: the same value (a literal, an enum's raw value, the
/// document's id) has the same bits, and two values with the same bits are the same value, since
/// the one kept here keeps its storage alive. Equal values with other bits only miss.
final class RecentValues {
    /// The most bytes a field keeps: a value's JSON, then `JSONByteBuffer.padding` readable bytes.
    static let stride = 64
    static let longest = stride - JSONByteBuffer.padding
    /// Bounds of a field's credit: hits add two, misses take one. A field keeps the values it
    /// misses while its credit is positive; one at the floor keeps the next and starts again at one.
    static let ceiling: Int32 = 16, floor: Int32 = -15

    let fields: Int
    private let values: UnsafeMutablePointer<JSONValue>
    private let lengths: UnsafeMutablePointer<Int>
    private let credit: UnsafeMutablePointer<Int32>
    private let bytes: UnsafeMutablePointer<UInt8>

    init(fields: Int) {
        self.fields = fields
        values = .allocate(capacity: fields)
        values.initialize(repeating: .null, count: fields)
        // Each field starts with null, and its bytes.
        lengths = .allocate(capacity: fields)
        lengths.initialize(repeating: 4, count: fields)
        credit = .allocate(capacity: fields)
        credit.initialize(repeating: 1, count: fields)
        bytes = .allocate(capacity: fields * Self.stride)
        bytes.initialize(repeating: 0, count: fields * Self.stride)
        for k in 0..<fields {
            for (i, b) in "null".utf8.enumerated() { bytes[k * Self.stride + i] = b }
        }
    }

    deinit {
        values.deinitialize(count: fields)
        values.deallocate()
        lengths.deallocate()
        credit.deallocate()
        bytes.deallocate()
    }

    /// Writes `value`, that of field `k` (below `fields`), as `JSONByteBuffer.appendValue` does,
    /// with room reserved for `stride` bytes; an object is left to the caller (false).
    @inline(__always) func append(_ value: UnsafePointer<JSONValue>, field k: Int, to buffer: inout JSONByteBuffer) -> Bool {
        if Self.sameBits(value, values + k) {
            credit[k] = Swift.min(credit[k] &+ 2, Self.ceiling)
            buffer.putPadded(bytes + k &* Self.stride, count: lengths[k])
            return true
        }
        let from = buffer.count
        switch value.pointee {
        case .int(let i): buffer.appendInt(i); return true
        case .string(let s): buffer.appendString(s)
        case .null: buffer.append("null")
        case .object: return false
        default: buffer.appendValue(value.pointee); return true
        }
        let n = buffer.count &- from
        if credit[k] > 0 && n <= Self.longest {
            (bytes + k &* Self.stride).update(from: buffer.base + from, count: n)
            values[k] = value.pointee
            lengths[k] = n
        }
        credit[k] = credit[k] <= Self.floor ? 1 : credit[k] &- 1
        return true
    }

    /// Whether the two values have the same bits (the payload's first 16 bytes, then the rest).
    @inline(__always) static func sameBits(_ a: UnsafePointer<JSONValue>, _ b: UnsafePointer<JSONValue>) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        guard x.load(as: UInt64.self) == y.load(as: UInt64.self),
              x.load(fromByteOffset: 8, as: UInt64.self) == y.load(fromByteOffset: 8, as: UInt64.self) else { return false }
        for i in 16..<MemoryLayout<JSONValue>.size where x.load(fromByteOffset: i, as: UInt8.self) != y.load(fromByteOffset: i, as: UInt8.self) {
            return false
        }
        return true
    }
}
