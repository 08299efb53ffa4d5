import SamordnaCore
import TerminalUI
import Testing

@testable import SamordnaUI

/// Booking a meeting: the members and the complementary professions taking part, Core's reasons next to the
/// fields, and a double booking asked about.
@Suite struct MeetingFormTests {
    func booking() -> AppState {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("4", "n")
        return s
    }

    func to(_ label: String, _ s: inout AppState) {
        for _ in 0..<20 where !s.screenText.contains("▸ \(label)") { s.press("<Tab>") }
    }

    @Test func membersAndAComplementaryProfessionTakePart() {
        var s = booking()
        to("Typ", &s)
        s.press("<Right>")
        to("Även", &s)
        s.press("<Space>")  // rehabiliteringskoordinator
        let effects = s.press("<C-s>")
        guard case .meeting(.add(let valid, let participant))? = effects.first else {
            Issue.record("no booking: \(effects)")
            return
        }
        #expect(participant == .init("p1"))
        #expect(valid.members == [Fixture.anna.id], "the member booking it takes part")
        #expect(Set(valid.professions) == [.arbetsformedlare, .rehabiliteringskoordinator])
        #expect(valid.date == Fixture.date("2026-11-24"))
    }

    @Test func aTimeThatDoesNotExistIsRefusedUnderItsField() {
        var s = booking()
        to("Tid", &s)
        s.press("<C-u>")
        s.type("25:61")
        to("Typ", &s)
        s.press("<Right>")
        #expect(s.press("<C-s>").isEmpty)
        #expect(s.screenText.contains("ogiltig tid \"25:61\""))
    }

    @Test func aDoubleBookingIsAskedAboutAndCanBeBookedAnyway() {
        var s = booking()
        // Åsa already meets at 10:00 on 2026-11-25.
        s.press("<C-u>")
        s.type("2026-11-25")
        to("Typ", &s)
        s.press("<Right>")
        #expect(s.press("<C-s>").isEmpty)
        #expect(s.screenText.contains("Dubbelbokning"))
        #expect(s.screenText.contains("Deltagaren har redan ett möte 2026-11-25 10:00"))
        #expect(s.press("<Enter>").isEmpty, "a bare Enter answers Ändra")
        #expect(s.press("<C-s>").isEmpty)
        let effects = s.press("y")
        guard case .meeting(.add)? = effects.first else {
            Issue.record("not booked: \(effects) \(s.screenText)")
            return
        }
    }
}
