import Foundation
import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// The overview's "Åtkomst" section: who has read, revealed, exported or printed this record, newest first,
/// and `r` asking the runtime to log a reveal.
@Suite struct AccessLinesTests {
    func entry(_ action: AccessLogEntry.Action, _ login: String, org: String, minute: Int, format: String = "tui",
        names: Bool = true) -> AccessLogEntry
    {
        // 1_795_424_400 is 2026-11-23 09:00 UTC, 10:00 in Stockholm (the fixture's time zone).
        AccessLogEntry(
            sequence: Int64(minute), at: Date(timeIntervalSince1970: 1_795_424_400 + Double(minute) * 60), login: login,
            organisation: org, action: action, participantID: Fixture.records[0].id, participants: 1, format: format,
            withNames: names, detail: "")
    }

    @Test func theOverviewListsWhoLookedAtTheRecord() {
        var s = Fixture.state(width: 100, height: 60)
        s.press("<Enter>")
        let id = s.openParticipant!.id
        let record = s.caseload.record(id)!
        var details = ParticipantDetails(record: record)
        details.access = [
            entry(.print, "kim", org: "Kommun-Jobbtorg", minute: 3, format: "md", names: false),
            entry(.revealPersonnummer, "mats", org: "Kommun-soc", minute: 2),
            entry(.read, "okand.login", org: "", minute: 1),
        ]
        _ = update(&s, .participant(.detailsLoaded(details)))
        let lines = s.openParticipant!.lines.map(\.text)
        let header = try! #require(lines.firstIndex(of: "Åtkomst (senaste läsningar och exporter)"))
        #expect(Array(lines[(header + 1)...(header + 3)]) == [
            "  2026-11-23 10:03  Kim Sund (kim), Kommun-Jobbtorg: skrev ut (md)",
            "  2026-11-23 10:02  Mats Nord (mats), Kommun-soc: visade personnumret",
            "  2026-11-23 10:01  okand.login: öppnade",
        ])
    }

    @Test func anEmptyLogSaysSoAndAnUnreadOneIsNotShown() {
        var s = Fixture.state(width: 100, height: 60)
        s.press("<Enter>")
        #expect(!s.openParticipant!.lines.contains { $0.text.hasPrefix("Åtkomst") }, "not before the record is read")
        var details = ParticipantDetails(record: s.caseload.record(s.openParticipant!.id)!)
        details.access = []
        _ = update(&s, .participant(.detailsLoaded(details)))
        #expect(s.openParticipant!.lines.map(\.text).contains("  Ingen åtkomst loggad"))
    }

    @Test func openingAsksForALoggedReadAndRevealingForOneLine() {
        var s = Fixture.state()
        #expect(s.press("<Enter>") == [.participant(.openRecord(s.openParticipant!.id))])
        let id = s.openParticipant!.id
        #expect(s.press("r") == [.participant(.logAccess(.revealed([id])))])
        #expect(s.press("r") == [], "masking again is not logged")
    }
}
