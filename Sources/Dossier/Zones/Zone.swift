/// The part of a page a span lies in.
public enum ZoneType: String, Sendable, CaseIterable {
    case title
    case byline
    case body
    case comments
    /// Picture captions and credits outside the body.
    case caption
    case boilerplate
}

/// A contiguous span of one zone, in UTF-16 offsets.
public struct Zone: Sendable, Equatable {
    public var type: ZoneType
    public var start: Int
    public var end: Int

    public init(type: ZoneType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }
}

/// One reader comment: its content span and who wrote it.
public struct Comment: Sendable, Equatable {
    public var number: Int?
    public var author: String?
    /// UTF-16 span of the author's name in the header ("llloyd says:"), when there is one.
    public var authorSpan: Range<Int>?
    public var start: Int
    public var end: Int
}

/// The zones of a document, ordered and non-overlapping, covering every non-blank character.
public struct ZoneMap: Sendable {
    public var zones: [Zone]
    public var comments: [Comment]

    public init(zones: [Zone], comments: [Comment] = []) {
        self.zones = zones.sorted { $0.start < $1.start }
        self.comments = comments
    }

    /// Zones already ordered by start, kept as they are.
    init(ordered zones: [Zone], comments: [Comment]) {
        self.zones = zones
        self.comments = comments
    }

    /// The zone at a UTF-16 offset; text between zones counts as boilerplate.
    public func zone(at offset: Int) -> ZoneType {
        var lo = 0, hi = zones.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if zones[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < zones.count, zones[lo].start <= offset { return zones[lo].type }
        return .boilerplate
    }

    /// The spans of one zone type.
    public func spans(of type: ZoneType) -> [Zone] { zones.filter { $0.type == type } }
}
