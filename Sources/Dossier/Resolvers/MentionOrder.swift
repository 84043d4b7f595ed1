/// Mentions in text order, as the resolvers leave them after each pass: most passes add nothing
/// out of order, and a look at the starts costs less than a sort that finds nothing to move.
extension Array where Element == EntityMention {
    /// `sort { $0.start < $1.start }` (stable: a sorted array stays as it is), skipped when the
    /// starts already ascend. (Fields are read in the array: a closure would copy each mention.)
    mutating func sortByStart() {
        var k = 1
        while k < count, self[k - 1].start <= self[k].start { k += 1 }
        if k < count { sort { $0.start < $1.start } }
    }
}
