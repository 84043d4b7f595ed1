/// `ZoneMap.zone(at:)` for offsets asked in (mostly) ascending order, without a binary search
/// each: while the zones' ends ascend, one cursor walks the zones and finds the zone the search
/// finds. An offset before the one asked last, or zones whose ends do not ascend, take the search.
struct ZoneCursor {
    private let zones: ZoneMap
    private let endsAscend: Bool
    private var next = 0
    private var last = Int.min

    init(_ zones: ZoneMap) {
        self.zones = zones
        var ascend = true
        let list = zones.zones
        for k in list.indices.dropFirst() where list[k].end < list[k - 1].end {
            ascend = false
            break
        }
        endsAscend = ascend
    }

    /// The zone at a UTF-16 offset, as `ZoneMap.zone(at:)` gives it.
    mutating func zone(at offset: Int) -> ZoneType {
        guard endsAscend && offset >= last else { return zones.zone(at: offset) }
        // Zones passed over end at or before an earlier offset, so at or before this one.
        return zones.zones.withUnsafeBufferPointer { list in
            var z = next
            while z < list.count && list[z].end <= offset { z += 1 }
            next = z
            last = offset
            return z < list.count && list[z].start <= offset ? list[z].type : .boilerplate
        }
    }
}
