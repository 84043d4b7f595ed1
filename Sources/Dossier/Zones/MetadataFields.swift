/// The splits and trims of metadata lines ("• Category: a • Tags: b, c"), on their UTF-8 bytes
/// when those are plain: ASCII, bullets (U+2022) and no-break spaces (U+00A0) alone. None of
/// these joins a neighbour in a Character, so each Character is then one scalar (or CR LF), and
/// the bytes give the parts and fields that Characters give. Other text is split and trimmed
/// as Characters.
extension ZoneDetector {
    /// `text.split(separator: "•")`.
    static func bulletParts(_ text: String) -> [Substring] {
        let found = text.utf8.withContiguousStorageIfAvailable { b -> [Range<Int>]? in
            var parts: [Range<Int>] = []
            var start = 0
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                if Self.isNoBreakSpace(b, i) { i += 2; continue }
                // Any non-ASCII byte but a bullet's or a no-break space's sends the text to Characters.
                guard Self.isBullet(b, i) else { return nil }
                if i > start { parts.append(start..<i) }
                i += 3
                start = i
            }
            if i > start { parts.append(start..<i) }
            return parts
        }
        guard let found, let parts = found else { return text.split(separator: "•") }
        let u = text.utf8
        return parts.map { text[u.index(u.startIndex, offsetBy: $0.lowerBound)..<u.index(u.startIndex, offsetBy: $0.upperBound)] }
    }

    /// `part.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }`.
    static func commaFields(_ part: Substring) -> [String] {
        let found = part.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            guard Self.isPlain(b) else { return nil }
            var fields: [String] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x2C {
                // A field of spaces alone, or none, is dropped.
                if let field = Self.trimmedOfSpaces(b, start..<i) { fields.append(field) }
                start = i + 1
            }
            return fields
        }
        if let found, let fields = found { return fields }
        return part.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
    }

    /// `text.trimmingCharacters(in: " ")`.
    static func trimmingSpaces(_ text: Substring) -> String {
        let found = text.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard Self.isPlain(b) else { return nil }
            return Self.trimmedOfSpaces(b, 0..<b.count) ?? ""
        }
        if let found, let trimmed = found { return trimmed }
        return text.trimmingCharacters(in: " ")
    }

    /// Whether `b` holds only ASCII, bullets and no-break spaces.
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1 } else if Self.isNoBreakSpace(b, i) { i += 2 } else if Self.isBullet(b, i) { i += 3 } else { return false }
        }
        return true
    }

    /// Whether U+00A0 (C2 A0) starts at `b[i]`.
    @inline(__always) private static func isNoBreakSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0
    }

    /// Whether U+2022 (E2 80 A2) starts at `b[i]`.
    @inline(__always) private static func isBullet(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0xA2
    }

    /// The bytes `b[range]` without leading and trailing spaces, as a string; nil if none are left.
    /// `range` starts and ends on scalar boundaries.
    private static func trimmedOfSpaces(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, b[lower] == 0x20 { lower += 1 }
        while upper > lower, b[upper - 1] == 0x20 { upper -= 1 }
        guard lower < upper else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lower..<upper]), as: UTF8.self)
    }
}
