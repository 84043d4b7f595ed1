/// `ZoneMap.zone(at:)` for offsets asked in ascending order, as the quote scope asks for its
/// sentences' zones: while the zones' ends ascend, a cursor walks them and finds the zone the
/// binary search finds, without a search an offset. An offset out of order, or zones whose ends
/// do not ascend, go to the search.
struct ZoneCursor {
    let map: ZoneMap
    let endsAscend: Bool
    /// The first zone not known to end at or before the last offset asked about.
    private var next = 0
    private var last = Int.min

    init(_ map: ZoneMap) {
        self.map = map
        var ascend = true
        for k in map.zones.indices.dropFirst() where map.zones[k].end < map.zones[k - 1].end {
            ascend = false
            break
        }
        endsAscend = ascend
    }

    mutating func zone(at offset: Int) -> ZoneType {
        guard endsAscend, offset >= last else { return map.zone(at: offset) }
        last = offset
        return map.zones.withUnsafeBufferPointer { zones in
            // Zones passed over end at or before an earlier offset, so at or before this one.
            while next < zones.count, zones[next].end <= offset { next += 1 }
            return next < zones.count && zones[next].start <= offset ? zones[next].type : .boilerplate
        }
    }
}
