import SamordnaCore
import TerminalUI
import Testing

@testable import SamordnaUI

@Suite struct ConsentFormTests {
    func consentForm(_ s: AppState) -> FormScreen<ConsentFormContent>? {
        if case .consentForm(let f) = s.stack.last { return f }
        return nil
    }

    @Test func nOnTheConsentTabOpensTheFormWithTwelveMonthsSuggested() {
        var s = Fixture.state()
        s.press("<Enter>", "6", "n")
        let f = try! #require(consentForm(s))
        #expect(f.content.participantID == Participant.ID("p2"))
        #expect(f.form.value(of: "validFrom")?.string == "2026-11-23")
        #expect(f.form.value(of: "validTo")?.string == "2027-11-23")
    }

    @Test func anEmptyConsentIsRefusedFieldByField() {
        var s = Fixture.state()
        s.press("<Enter>", "6", "n")
        #expect(s.press("<C-s>").isEmpty)
        let f = consentForm(s)!
        #expect(f.form["discloser"]?.error != nil)
        #expect(f.form["categories"]?.error != nil)
        #expect(f.form.focusedID == "discloser")
    }

    @Test func aSpecificConsentIsSaved() {
        var s = Fixture.state()
        s.press("<Enter>", "6", "n")
        s.press("<Space>")  // får lämna: AF
        s.press("<Tab>", "<Right>", "<Space>")  // får ta emot: Soc
        s.press("<Tab>", "<Right>", "<Right>", "<Right>", "<Space>")  // uppgifter: utbildning/arbete
        s.press("<Tab>", "<Right>", "<Space>")  // syfte: samordnad planering
        let effects = s.press("<C-s>")
        guard case .consent(.add(let id, let draft))? = effects.first else {
            Issue.record("no save: \(effects) \(consentForm(s)!.form.fields.compactMap(\.error))")
            return
        }
        #expect(id == Participant.ID("p2"))
        #expect(draft.discloser == [.af])
        #expect(draft.recipient == [.socialtjanst])
        #expect(draft.categories == [.utbildningArbete])
        #expect(draft.purposes == [.samordnadPlanering])
        #expect(update(&s, .consent(.saved(id))) == [.caseload(.refresh)])
        #expect(consentForm(s) == nil)
    }
}
