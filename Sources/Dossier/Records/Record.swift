/// A JSON value, for records. Not `indirect`: arrays and objects already hold their elements in
/// heap buffers, and an indirect enum would box every value (ten allocations a record), which
/// dominated memory on documents with hundreds of thousands of records.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object that keeps its keys in the order they were set.
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        self.init(pairs, capacity: pairs.count)
    }

    /// An object with room for `capacity` keys, so that setting the rest does not grow (and, by
    /// doubling, overallocate) its arrays: a document can have a million records.
    public init(_ pairs: [(String, JSONValue)], capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        for (k, v) in pairs { self[k] = v }
    }

    /// An empty object with room for `capacity` keys.
    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// An object of `keys` and their `values`, in order. The keys must be distinct: records of one
    /// layout pass the same key array, which they then share.
    init(distinctKeys keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count, "one value a key")
        self.keys = keys
        self.values = values
    }

    /// Adds a key the object does not have yet, without looking for it.
    mutating func appendNew(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    /// Makes this object's keys share `other`'s storage when the two hold the same keys.
    mutating func shareKeys(with other: [String]) -> Bool {
        guard keys == other else { return false }
        keys = other
        return true
    }

    /// The index of `key`, comparing lengths before contents.
    func index(of key: String) -> Int? {
        let n = key.utf8.count
        return keys.firstIndex { $0.utf8.count == n && $0 == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let v = newValue { values[i] = v } else { keys.remove(at: i); values.remove(at: i) }
            } else if let v = newValue {
                keys.append(key)
                values.append(v)
            }
        }
    }
}

/// One output record (see the record contract): a JSON object with `doc`, `kind` and, for spans,
/// `type`, `text`, `start`, `end` (code point offsets) and `zone`, then the fields of its kind.
public struct Record: Sendable, Equatable {
    public var object: JSONObject

    /// Room for the fields of most records (`doc`, `kind`, the span fields and those of its kind).
    static let typicalFields = 12

    public init(doc: String, kind: String) {
        object = JSONObject(capacity: Record.typicalFields)
        object.appendNew("doc", .string(doc))
        object.appendNew("kind", .string(kind))
    }

    /// A record of `object`, which must have `doc` and `kind` first.
    init(object: JSONObject) {
        self.object = object
    }

    public subscript(key: String) -> JSONValue? {
        get { object[key] }
        set { object[key] = newValue }
    }

    public var kind: String { if case .string(let k)? = object["kind"] { return k } else { return "" } }
    public var doc: String { if case .string(let d)? = object["doc"] { return d } else { return "" } }
    public var start: Int? { if case .int(let s)? = object["start"] { return s } else { return nil } }
    public var end: Int? { if case .int(let e)? = object["end"] { return e } else { return nil } }
    public var type: String? { if case .string(let t)? = object["type"] { return t } else { return nil } }
    public var text: String? { if case .string(let t)? = object["text"] { return t } else { return nil } }
    /// (`start`, `end`), zero for either missing: looked up together, as a span's `end` follows its
    /// `start`.
    var bounds: (start: Int, end: Int) {
        let keys = object.keys, values = object.values
        // `start` is field 2, 3 or 4 of a span record (see `RecordKeys`).
        let at = (2...4).first { $0 < keys.count && keys[$0].utf8.count == 5 && keys[$0] == "start" }
        guard let i = at ?? object.index(of: "start") else { return (0, end ?? 0) }
        let start = if case .int(let s) = values[i] { s } else { 0 }
        if i + 1 < keys.count, keys[i + 1] == "end" {
            let end = if case .int(let e) = values[i + 1] { e } else { 0 }
            return (start, end)
        }
        return (start, end ?? 0)
    }
    public func string(_ key: String) -> String? { if case .string(let s)? = object[key] { return s } else { return nil } }
}

/// Lets finished records of one layout share one key array. Records of a kind have the same keys
/// in the same order, and a document can have millions of them (a table of numbers gives one
/// figure a number): shared keys save a quarter of a record's memory. Keep one sharer per document.
struct RecordKeySharer {
    private var recent: [[String]] = []

    /// Call when `record` has all its keys.
    mutating func share(_ record: inout Record) {
        for k in recent.indices.reversed() where record.object.shareKeys(with: recent[k]) { return }
        if recent.count == 16 { recent.removeFirst() }
        recent.append(record.object.keys)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONValue {
    /// A string, or null.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
