import XCTest
@testable import Dossier

/// The matching behind `dossier diff`: by content, never by offsets.
final class DiffMatchingTests: XCTestCase {
    func record(_ kind: String, _ type: String?, _ text: String, at start: Int, _ fields: [(String, JSONValue)] = []) -> Record {
        var r = Record(doc: "d", kind: kind)
        r["type"] = .optional(type)
        r["text"] = .string(text)
        r["start"] = .int(start)
        r["end"] = .int(start + text.unicodeScalars.count)
        r["zone"] = "body"
        for (k, v) in fields { r[k] = v }
        return r
    }

    func entity(_ type: String, _ canonical: String, at start: Int, id: String? = nil) -> Record {
        record("entity", type, canonical, at: start, [("canonical", .string(canonical)), ("id", .optional(id))])
    }

    func figure(_ type: String, _ text: String, _ value: Int, unit: String?, place: String? = nil, at start: Int) -> Record {
        var fields: [(String, JSONValue)] = [("value", .int(value)), ("unit", .optional(unit))]
        if let place { fields.append(("place", .string(place))) }
        return record("figure", type, text, at: start, fields)
    }

    func quote(_ text: String, speaker: String?, type: String = "direct", at start: Int, kind: String = "quote") -> Record {
        record(kind, kind == "quote" ? type : nil, text, at: start, [("speaker", .optional(speaker))])
    }

    func diff(_ old: [Record], _ new: [Record], options: DiffOptions = DiffOptions()) -> [DiffChange] {
        DocumentDiffer(options: options).diff(DiffDocument(id: "d", records: old), DiffDocument(id: "d", records: new))
    }

    func summary(_ changes: [DiffChange]) -> [String] {
        changes.map { c in
            let r = (c.new ?? c.old)!.record
            return "\(c.change.rawValue) \(c.kind) \(r.string("canonical") ?? r.text ?? "")" + (c.fields.isEmpty ? "" : " [\(c.fields.joined(separator: ","))]")
        }
    }

    // MARK: offsets

    func testShiftedOffsetsChangeNothing() {
        let old = [entity("person", "Qasim al-Araji", at: 10), figure("casualties", "over 300 people", 300, unit: "people", place: "Karada", at: 50),
                   quote("We ask people to move", speaker: "Qasim al-Araji", at: 90)]
        let new = old.map { r -> Record in
            var r = r
            r["start"] = .int(r.start! + 137)
            r["end"] = .int(r.end! + 137)
            return r
        }
        XCTAssertEqual(diff(old, new), [])
        XCTAssertEqual(diff(old, old), [])
    }

    // MARK: entities

    func testEntityNameSwapIsRemovedAndAdded() {
        let old = [entity("person", "Haider al-Abadi", at: 5), entity("place", "Baghdad", at: 40)]
        let new = [entity("person", "Mustafa al-Kadhimi", at: 5), entity("place", "Baghdad", at: 43)]
        XCTAssertEqual(summary(diff(old, new)), ["removed entity Haider al-Abadi", "added entity Mustafa al-Kadhimi"])
    }

    func testEntityMentionCountAloneIsNoDifferenceUnlessAsked() {
        let old = (0..<5).map { entity("organisation", "Islamic State", at: $0 * 10) }
        let new = Array(old.prefix(4))
        XCTAssertEqual(diff(old, new), [])
        var options = DiffOptions()
        options.countMentions = true
        let changes = diff(old, new, options: options)
        XCTAssertEqual(summary(changes), ["changed entity Islamic State [count]"])
        XCTAssertEqual(changes.first?.old?.count, 5)
        XCTAssertEqual(changes.first?.new?.count, 4)
    }

    func testEntityIdOrTypeChangeIsChanged() {
        let idChange = diff([entity("place", "Karada", at: 0, id: "local:karada")], [entity("place", "Karada", at: 0, id: "dossier:karada")])
        XCTAssertEqual(summary(idChange), ["changed entity Karada [id]"])
        let typeChange = diff([entity("place", "Badr", at: 0)], [entity("organisation", "Badr", at: 0)])
        XCTAssertEqual(summary(typeChange), ["changed entity Badr [type]"])
    }

    // MARK: figures

    func testRevisedFigureIsOneChange() {
        let old = [figure("casualties", "over 300 people", 300, unit: "people", place: "Karada", at: 100)]
        let new = [figure("casualties", "over 320 people", 320, unit: "people", place: "Karada", at: 180)]
        let changes = diff(old, new)
        XCTAssertEqual(summary(changes), ["changed figure over 320 people [value,text]"])
        XCTAssertEqual(changes[0].old?.record["value"], .int(300))
        XCTAssertEqual(changes[0].new?.record["value"], .int(320))
    }

    func testFiguresOfOneGroupAlignByTheUnchangedOnes() {
        let values = [4, 3, 1, 17, 16]
        let old = values.enumerated().map { figure("border crossings", "\($1) crossings", $1, unit: "border crossings", at: $0 * 20) }
        var edited = values
        edited[3] = 18
        let new = edited.enumerated().map { figure("border crossings", "\($1) crossings", $1, unit: "border crossings", at: $0 * 20) }
        XCTAssertEqual(summary(diff(old, new)), ["changed figure 18 crossings [value,text]"])
        // One removed from the middle: removed, and nothing else moves.
        let shorter = old.enumerated().filter { $0.offset != 1 }.map(\.element)
        XCTAssertEqual(summary(diff(old, shorter)), ["removed figure 3 crossings"])
        // One added at the end.
        let longer = old + [figure("border crossings", "5 crossings", 5, unit: "border crossings", at: 500)]
        XCTAssertEqual(summary(diff(old, longer)), ["added figure 5 crossings"])
    }

    func testFiguresOfDifferentGroupsDoNotPair() {
        let old = [figure("casualties", "300 people", 300, unit: "people", place: "Karada", at: 0)]
        let new = [figure("money", "$6m", 6_000_000, unit: "dollar", at: 0)]
        XCTAssertEqual(summary(diff(old, new)), ["removed figure 300 people", "added figure $6m"])
    }

    func testFigureWhosePlaceChangedPairs() {
        let old = [figure("casualties", "300 people", 300, unit: "people", place: "Karada", at: 0)]
        let new = [figure("casualties", "300 people", 300, unit: "people", place: "Mosul", at: 0)]
        XCTAssertEqual(summary(diff(old, new)), ["changed figure 300 people [place]"])
    }

    // MARK: quotes and claims

    func testRewordedQuoteIsChangedWithBothWordings() {
        let old = [quote("The main thing is that the caliphate has been broken,", speaker: "Qasim al-Araji", at: 10)]
        let new = [quote("The main thing is that the caliphate has now been destroyed,", speaker: "Qasim al-Araji", at: 10)]
        let changes = diff(old, new)
        XCTAssertEqual(summary(changes), ["changed quote The main thing is that the caliphate has now been destroyed, [text]"])
        XCTAssertEqual(changes[0].old?.record.text, "The main thing is that the caliphate has been broken,")
        let report = DiffReport.document(old: "a", new: "b", changes: changes)
        XCTAssertTrue(report.contains("was: “The main thing is that the caliphate has been broken,”"), report)
        XCTAssertTrue(report.contains("now: “The main thing is that the caliphate has now been destroyed,”"), report)
    }

    func testPunctuationAndCaseDoNotMakeAChange() {
        let old = [quote("If he had agreed, he would have made many gains,", speaker: "Qasim al-Araji", at: 0)]
        let new = [quote("if he had agreed he would have made many gains.", speaker: "Qasim al-Araji", at: 3)]
        XCTAssertEqual(diff(old, new), [])
    }

    func testQuoteWithAnotherSpeakerIsChanged() {
        let old = [quote("We were lucky.", speaker: "Qasim al-Araji", at: 0)]
        let new = [quote("We were lucky.", speaker: "Haider al-Abadi", at: 0)]
        XCTAssertEqual(summary(diff(old, new)), ["changed quote We were lucky. [speaker]"])
    }

    func testUnrelatedQuotesAreRemovedAndAdded() {
        let old = [quote("We ask people to move.", speaker: "Qasim al-Araji", at: 0)]
        let new = [quote("There is only one town left.", speaker: "Qasim al-Araji", at: 0)]
        XCTAssertEqual(summary(diff(old, new)), ["removed quote We ask people to move.", "added quote There is only one town left."])
    }

    func testQuotesCountAsAMultiset() {
        let q = quote("No comment.", speaker: "a spokesman", at: 0)
        var second = q
        second["start"] = .int(100)
        XCTAssertEqual(summary(diff([q, second], [q])), ["removed quote No comment."])
    }

    func testClaimsMatchLikeQuotes() {
        let old = [quote("the wife of an Isis leader was to make contact later in the day", speaker: "Qasim al-Araji", at: 0, kind: "claim")]
        let new = [quote("the wife of an Isis leader was to make contact the next day", speaker: "Qasim al-Araji", at: 0, kind: "claim")]
        XCTAssertEqual(diff(old, new).map(\.change), [.changed])
        XCTAssertEqual(diff(old, new).first?.kind, "claim")
    }

    // MARK: other kinds

    func testZonesAreIgnoredAndDocumentMetadataCompared() {
        var z1 = Record(doc: "d", kind: "zone"); z1["type"] = "body"; z1["start"] = 0; z1["end"] = 100
        var z2 = z1; z2["end"] = 180
        var d1 = Record(doc: "d", kind: "document"); d1["title"] = "Old title"; d1["length"] = 100
        var d2 = d1; d2["length"] = 180
        XCTAssertEqual(diff([d1, z1], [d2, z2]), [])
        d2["title"] = "New title"
        let changes = diff([d1, z1], [d2, z2])
        XCTAssertEqual(changes.map(\.fields), [["title"]])
    }

    func testUnknownKindsCompareAsMultisets() {
        let old = [record("event", "attack", "car bomb", at: 0)]
        XCTAssertEqual(diff(old, old), [])
        XCTAssertEqual(diff(old, []).map(\.change), [.removed])
    }

    // MARK: pairing and alignment

    func testDocumentPairing() {
        typealias P = DocumentPairing.Pair
        XCTAssertEqual(DocumentPairing.pair(old: ["a.txt"], new: ["b.txt"]), [P(old: 0, new: 0)])
        XCTAssertEqual(DocumentPairing.pair(old: ["run1/x.txt", "run1/y.txt"], new: ["run2/y.txt", "run2/z.txt"]),
                       [P(old: 0, new: nil), P(old: 1, new: 0), P(old: nil, new: 1)])
        XCTAssertEqual(DocumentPairing.pair(old: ["x.txt", "y.txt"], new: ["y.txt", "x.txt"]), [P(old: 0, new: 1), P(old: 1, new: 0)])
        XCTAssertEqual(DocumentPairing.commonFolder(["a/b/c.txt", "a/b/d/e.txt", "a/bc.txt"]), "a/")
    }

    func testSequenceAlignmentHunks() {
        let (matches, hunks) = SequenceAlignment.align([1, 2, 3, 4], [1, 5, 3, 4, 6])
        XCTAssertEqual(matches.map { [$0.0, $0.1] }, [[0, 0], [2, 2], [3, 3]])
        XCTAssertEqual(hunks, [.init(old: [1], new: [1]), .init(old: [], new: [4])])
    }
}
