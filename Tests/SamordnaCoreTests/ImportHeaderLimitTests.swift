import Testing

@testable import SamordnaCore

/// A header line is a few hundred characters; one over `ParticipantCSVImport.headerLimit` is refused with
/// its length, before any row is looked at.
@Suite struct ImportHeaderLimitTests {
    @Test func aHeaderLineOverTheLimitIsRefusedWithItsLength() {
        var ids = CountingIDs()
        let header = String(repeating: "x", count: 4_000_000)
        let result = ParticipantCSVImport.parse(header + "\n1,2,3\n", today: RulesFixture.today, existing: [], ids: &ids)
        guard case .failure(.badHeader(let reason)) = result else {
            Issue.record("expected a bad header, got \(result)")
            return
        }
        #expect(reason == "rubrikraden är 4 000 001 tecken lång; högst 2 000 (är det rätt fil?)")
    }
}
