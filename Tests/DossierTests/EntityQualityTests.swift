import XCTest
@testable import Dossier

/// Entity quality on gold kept in `Corpus/`: fails below the floors.
final class EntityQualityTests: XCTestCase {
    func score(_ textURL: URL, gold goldURL: URL, zones: Set<String>?) throws -> EntityScore {
        let doc = try DocumentReader().read(path: textURL.path, id: "doc")
        let predicted = TestSupport.jsonRecords(TestSupport.pipeline.extract(doc))
        var s = EntityScore()
        s.add(gold: try TestSupport.loadRecords(goldURL), predicted: predicted, zones: zones)
        return s
    }

    var exampleGold: URL { TestSupport.corpus.appendingPathComponent("unz-cockburn-iraq-isis-sleeper-cells.gold.jsonl") }

    func testWorkedExampleBody() throws {
        let s = try score(TestSupport.example, gold: exampleGold, zones: ["body"])
        XCTAssertGreaterThanOrEqual(s.f1, 0.97, "body entity F1 \(s.f1) (P \(s.precision), R \(s.recall))")
    }

    func testWorkedExampleAllZones() throws {
        let s = try score(TestSupport.example, gold: exampleGold, zones: nil)
        XCTAssertGreaterThanOrEqual(s.f1, 0.90, "all-zones entity F1 \(s.f1) (P \(s.precision), R \(s.recall))")
    }

    /// 14 Wikinews articles with GUM's independent entity gold: typed overlap F1 ≥ 0.85.
    func testGUMNews() throws {
        let dir = TestSupport.corpus.appendingPathComponent("gum-news")
        let texts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(texts.count, 14)
        var total = EntityScore()
        for name in texts {
            let text = dir.appendingPathComponent(name)
            let gold = dir.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".gold.jsonl"))
            let s = try score(text, gold: gold, zones: nil)
            total.truePositives += s.truePositives
            total.predicted += s.predicted
            total.gold += s.gold
        }
        XCTAssertGreaterThanOrEqual(total.f1, 0.85, "GUM news entity F1 \(total.f1) (P \(total.precision), R \(total.recall))")
    }

    func testResolvesSurnamesAndTitles() {
        let a = TestSupport.analyse("Interior Minister Qasim al-Araji spoke. Mr Araji said Araji's men were ready.")
        let people = a.entities.filter { $0.type == .person }
        XCTAssertEqual(people.count, 3)
        XCTAssertTrue(people.allSatisfy { $0.canonical == "Qasim al-Araji" })
        XCTAssertEqual(people.first?.title, "Interior Minister")
        XCTAssertEqual(people[1].title, "Mr")
    }

    func testAcronymDefinedInText() {
        let a = TestSupport.analyse("The Kurdistan Regional Government (KRG) rejected it. Later the KRG agreed.")
        let krg = a.entities.filter { a.document.slice($0.start, $0.end) == "KRG" }
        XCTAssertEqual(krg.count, 2)
        XCTAssertTrue(krg.allSatisfy { $0.canonical == "Kurdistan Regional Government" && $0.type == .organisation })
    }

    func testCaseAwareness() {
        let a = TestSupport.analyse("We ate turkey in Turkey. The independent panel met The Independent.")
        let texts = a.entities.map { a.document.slice($0.start, $0.end) }
        XCTAssertTrue(texts.contains("Turkey"))
        XCTAssertFalse(texts.contains("turkey"))
        XCTAssertFalse(texts.contains("independent"))
    }

    func testHyphenAndSpacingVariants() {
        for form in ["al-Araji", "al Araji", "Al Araji", "Al-Araji"] {
            let a = TestSupport.analyse("Qasim \(form) spoke in Baghdad.")
            XCTAssertEqual(a.entities.first?.canonical, "Qasim al-Araji", form)
        }
    }

    func testDemonymsAreNotPlaces() {
        let a = TestSupport.analyse("Iraqi officials and Kurdish leaders met in Iraqi Kurdistan.")
        let texts = a.entities.map { a.document.slice($0.start, $0.end) }
        XCTAssertFalse(texts.contains("Iraqi"))
        XCTAssertFalse(texts.contains("Kurdish"))
        XCTAssertTrue(texts.contains("Iraqi Kurdistan"))
    }
}
