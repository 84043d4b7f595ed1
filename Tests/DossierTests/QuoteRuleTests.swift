import XCTest
@testable import Dossier

/// One test per quotation and claim rule: mark pairing, cue orders, colons, turns, pronouns,
/// descriptive speakers, scare quotes, nesting, unbalanced marks and claims.
final class QuoteRuleTests: XCTestCase {
    /// Quote and claim records of a text, as a consumer reads them.
    func extract(_ text: String) -> [[String: Any]] {
        let records = TestSupport.pipeline.extract(TestSupport.document(text))
        return TestSupport.jsonRecords(records).filter { ["quote", "claim"].contains($0["kind"] as? String) }
    }

    func quotes(_ text: String) -> [[String: Any]] { extract(text).filter { $0["kind"] as? String == "quote" } }
    func claims(_ text: String) -> [[String: Any]] { extract(text).filter { $0["kind"] as? String == "claim" } }

    func speaker(_ r: [String: Any]?) -> String? { r?["speaker"] as? String }
    func cue(_ r: [String: Any]?) -> String? { (r?["cue"] as? [String: Any])?["text"] as? String }
    func mention(_ r: [String: Any]?) -> String? { (r?["speaker_mention"] as? [String: Any])?["text"] as? String }

    // MARK: Orders and cues

    func testQuoteThenSaidSpeaker() {
        let q = quotes("“We have people who work with Isis,” said Interior Minister Qasim al-Araji in Baghdad.")
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?["text"] as? String, "We have people who work with Isis,")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(cue(q.first), "said")
        XCTAssertEqual(q.first?["type"] as? String, "direct")
    }

    func testSpeakerSaidThenQuote() {
        let q = quotes("Qasim al-Araji said, “We have cooperation from members of important families.”")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(cue(q.first), "said")
    }

    func testQuoteThenSpeakerSaid() {
        let q = quotes("“If he had agreed to postpone the referendum, he would have made gains,” Qasim al-Araji said.")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(mention(q.first), "Qasim al-Araji")
    }

    func testAppositiveBetweenSpeakerAndCue() {
        let q = quotes("“It would have been much worse,” Qasim al-Araji, speaking in his office in Baghdad, said.")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
    }

    func testSpeakerBeforeColon() {
        let q = quotes("Qasim al-Araji: “We will not give up the fight against them.”")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
    }

    func testParagraphEndingInColonIntroducesQuote() {
        let text = "Violence in Iraq has fallen to its lowest level since 2003, and bombings are rarer.\n\n"
            + "Interior Minister Qasim al-Araji told reporters in Baghdad on Monday:\n\n“We will not give up the fight against them.”"
        let q = quotes(text)
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(cue(q.first), "told")
    }

    func testEveryMarkStyle() {
        for (open, close) in [("“", "”"), ("‘", "’"), ("\"", "\""), ("'", "'"), ("«", "»"), ("„", "“"), ("« ", " »")] {
            let q = quotes("\(open)We make sure our informant is not exposed,\(close) said Qasim al-Araji.")
            XCTAssertEqual(q.count, 1, "\(open)…\(close)")
            XCTAssertEqual(q.first?["text"] as? String, "We make sure our informant is not exposed,", "\(open)…\(close)")
            XCTAssertEqual(speaker(q.first), "Qasim al-Araji", "\(open)…\(close)")
        }
    }

    // MARK: Spans

    func testQuoteSpanningSentences() {
        let q = quotes("Qasim al-Araji said: “The caliphate has been broken. There is only one town left.”")
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?["text"] as? String, "The caliphate has been broken. There is only one town left.")
    }

    func testQuoteSpanningParagraphs() {
        let text = "Qasim al-Araji said: “The caliphate has been broken.\n\n“There is only one town left where they hold out.”\n\nThe end came later."
        let q = quotes(text)
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?["text"] as? String, "The caliphate has been broken.\n\n“There is only one town left where they hold out.")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
    }

    func testNestedQuotes() {
        let q = quotes("“He told me ‘go home now’ and then he left the room,” said Qasim al-Araji.")
        let outer = q.first { ($0["text"] as? String)?.hasPrefix("He told me") == true }
        let inner = q.first { $0["text"] as? String == "go home now" }
        XCTAssertEqual(speaker(outer), "Qasim al-Araji")
        XCTAssertEqual(inner?["type"] as? String, "nested")
        XCTAssertNil(speaker(inner))
    }

    func testUnbalancedMarkRecoversLocally() {
        let text = "Critics called it “a disaster and moved on\n\nLater, “We will win this war,” said Qasim al-Araji.\n\nIt was “infiltrated” anyway."
        let q = quotes(text)
        let real = q.first { ($0["text"] as? String) == "We will win this war," }
        XCTAssertEqual(speaker(real), "Qasim al-Araji")
        XCTAssertTrue(q.contains { $0["text"] as? String == "infiltrated" && $0["type"] as? String == "scare" })
        XCTAssertFalse(q.contains { ($0["text"] as? String)?.contains("disaster") == true })
    }

    func testApostrophesAreNotMarks() {
        let q = quotes("The Kurds' homes and Isis's fighters don't stay. Isis’s ‘sleeper cells’ remain in the Kurds’ land.")
        XCTAssertEqual(q.map { $0["text"] as? String }, ["sleeper cells"])
    }

    // MARK: Types

    func testScareQuotesHaveNoSpeaker() {
        let q = quotes("Isis will have prepared “sleeper cells” along with desert hideouts and arms.")
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?["type"] as? String, "scare")
        XCTAssertTrue(q.first?["speaker"] is NSNull)
    }

    func testTitleLikeQuoteIsScare() {
        let q = quotes("One of the silk screens was the print called “Cowboys and Indians” from 1987.")
        XCTAssertEqual(q.first?["type"] as? String, "scare")
    }

    func testPartialQuoteAttributedByCue() {
        let q = quotes("Qasim al-Araji said an officer was “about to be charged for helping them escape”.")
        XCTAssertEqual(q.first?["type"] as? String, "partial")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
    }

    func testSoCalledMarksATerm() {
        let q = quotes("Qasim al-Araji says the so-called “tax relief” will mostly help corporations.")
        XCTAssertEqual(q.first?["type"] as? String, "scare")
        XCTAssertTrue(q.first?["speaker"] is NSNull)
    }

    func testEmbeddedQuoteTakesTheCueBeforeIt() {
        let q = quotes("Qasim al-Araji said the bill was “a giveaway to the rich” and Mr Barzani warned against it.")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(cue(q.first), "said")
    }

    func testTitleAbbreviationDoesNotEndTheSearch() {
        let q = quotes("“No,” Mr. Qasim al-Araji replied when asked about it.")
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(cue(q.first), "replied")
    }

    // MARK: Speakers

    func testTurnsKeepTheLastSpeaker() {
        let q = quotes("“We have people who work with Isis,” said Qasim al-Araji. “Isis does not know this and we make sure of it.”")
        XCTAssertEqual(q.count, 2)
        XCTAssertEqual(speaker(q.last), "Qasim al-Araji")
    }

    func testPronounResolvesToNearestPerson() {
        let text = "Mr Qasim al-Araji got his job last year. “We ask people to move away from the car,” he says."
        let q = quotes(text)
        XCTAssertEqual(speaker(q.first), "Qasim al-Araji")
        XCTAssertEqual(mention(q.first), "he")
    }

    func testPronounPrefersLastSpeakerOverObject() {
        let text = "Qasim al-Araji says that Iraqi leaders had met President Recep Tayyip Erdogan last week. He explains that the border is permeable."
        let c = claims(text)
        XCTAssertEqual(c.count, 2)
        XCTAssertEqual(speaker(c.last), "Qasim al-Araji")
    }

    func testPronounGender() {
        let text = "Mr Qasim al-Araji met Mrs Jane Harrow in Baghdad. “It went very well for all of us,” she said."
        let q = quotes(text)
        XCTAssertEqual((speaker(q.first) ?? "").split(separator: " ").last, "Harrow")
    }

    func testDescriptiveSpeaker() {
        let c = claims("A senior Iraqi security official says that intelligence about attacks has improved.")
        XCTAssertEqual(speaker(c.first), "a senior Iraqi security official")
        XCTAssertEqual(c.first?["text"] as? String, "intelligence about attacks has improved")
        XCTAssertEqual(cue(c.first), "says")
    }

    /// A descriptive speaker that opens with a capitalised determiner is written with that letter
    /// lowered (in the UTF-16 text), as `Character.lowercased()` lowers it, the rest as written.
    func testDescriptiveSpeakerLowersOnlyItsOpeningLetter() {
        let texts = [
            "A senior Iraqi security official says that intelligence about attacks has improved.",
            "The Kurdish border officials 😀 said that the crossing was closed.",
            "Some Zoë-area local residents said that the water had gone.",
            "“We are leaving the city,” A Ünïon spokesman said.",
        ]
        var checked = 0
        for text in texts {
            for r in extract(text) {
                guard let name = speaker(r), let written = mention(r), let first = written.first, first.isUppercase,
                      name.lowercased() == written.lowercased(), name != written else { continue }
                XCTAssertEqual(name, first.lowercased() + written.dropFirst(), text)
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 2)
    }

    func testDescriptiveQuoteSpeaker() {
        let q = quotes("“They fled in the night with nothing,” said a local resident.")
        XCTAssertEqual(speaker(q.first), "a local resident")
    }

    // MARK: Claims

    func testClaimSaysThat() {
        let c = claims("Qasim al-Araji says that this could happen again.")
        XCTAssertEqual(c.first?["text"] as? String, "this could happen again")
        XCTAssertEqual(speaker(c.first), "Qasim al-Araji")
    }

    func testClaimBareClause() {
        let c = claims("In Mosul, local people say they are frightened when they see the fighters.")
        XCTAssertEqual(speaker(c.first), "local people")
        XCTAssertEqual(c.first?["text"] as? String, "they are frightened when they see the fighters")
    }

    func testClaimAccordingTo() {
        let c = claims("According to the Interior Ministry, two suicide bombers were killed.")
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(c.first?["text"] as? String, "two suicide bombers were killed")
        XCTAssertEqual(cue(c.first), "According to")
        XCTAssertTrue((speaker(c.first) ?? "").contains("Ministry"))
    }

    func testClaimAccordingToAfter() {
        let c = claims("Two suicide bombers were killed, according to a police spokesman.")
        XCTAssertEqual(c.first?["text"] as? String, "Two suicide bombers were killed")
        XCTAssertEqual(speaker(c.first), "a police spokesman")
    }

    func testClaimAgreedRevealedDenied() {
        let c = claims("Qasim al-Araji agreed that such things did happen and said an officer was charged. Qasim al-Araji denied the charges against the police.")
        XCTAssertEqual(c.map { cue($0) }, ["agreed", "said", "denied"])
        XCTAssertEqual(c.first?["text"] as? String, "such things did happen")
        XCTAssertEqual(c.last?["text"] as? String, "the charges against the police")
        XCTAssertTrue(c.allSatisfy { speaker($0) == "Qasim al-Araji" })
    }

    func testClaimReportedAfterContent() {
        let c = claims("The attack was over by midnight, police said.")
        XCTAssertEqual(c.first?["text"] as? String, "The attack was over by midnight")
        XCTAssertEqual(speaker(c.first), "police")
    }

    func testNoClaimWithoutContent() {
        XCTAssertTrue(claims("Qasim al-Araji said in an interview.").isEmpty)
        XCTAssertTrue(claims("The crimes are punishable according to international law.").isEmpty)
    }

    func testQuotedSpeechIsNotAClaim() {
        XCTAssertTrue(claims("“We said that we would never leave,” Qasim al-Araji said.").isEmpty)
    }

    // MARK: Records

    func testOffsetsAreCodePoints() {
        let text = "😀 Baghdad. “We will win this war,” said Qasim al-Araji."
        let q = quotes(text)
        let r = q.first!
        let start = r["start"] as! Int, end = r["end"] as! Int
        XCTAssertEqual(TestSupport.slice(text, start, end), r["text"] as? String)
        let m = r["speaker_mention"] as! [String: Any], c = r["cue"] as! [String: Any]
        XCTAssertEqual(TestSupport.slice(text, m["start"] as! Int, m["end"] as! Int), m["text"] as? String)
        XCTAssertEqual(TestSupport.slice(text, c["start"] as! Int, c["end"] as! Int), "said")
        XCTAssertEqual(r["zone"] as? String, "body")
    }

    func testManyUnbalancedMarksStayFast() {
        let text = String(repeating: "He said “this and ‘that’ or \"other\" isn't it. ", count: 2000)
        let start = Date()
        _ = extract(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}
