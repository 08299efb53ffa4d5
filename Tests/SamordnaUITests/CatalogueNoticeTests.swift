import Foundation
import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// When the insats catalogue file has errors the runtime loads the last valid catalogue with a notice: it is
/// shown in the status line when the caseload loads, and on every participant's Insatser tab.
@Suite struct CatalogueNoticeTests {
    static let notice =
        "Insatskatalogen har fel, använder senaste giltiga versionen (samordna check visar alla fel): insatser.yaml:5:18: "
        + "okänd kategori 'Q'"

    func loaded(notice: String?) -> AppState {
        var caseload = Fixture.caseload
        caseload.catalogueNotice = notice
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "anna")
        _ = update(&s, .caseload(.loaded(caseload)))
        return s
    }

    @Test func theNoticeIsShownInTheStatusLineWhenTheCaseloadLoads() {
        let s = loaded(notice: Self.notice)
        #expect(s.status == Self.notice)
        #expect(s.screenText.contains("Insatskatalogen har fel"))
        #expect(loaded(notice: nil).status == nil)
    }

    @Test func theNoticeIsShownOnTheInsatserTab() {
        var s = loaded(notice: Self.notice)
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("3")
        #expect(s.screenText.contains("Insatskatalogen har fel, använder senaste giltiga versionen"))
        #expect(s.screenText.contains("okänd kategori 'Q'"))

        var clean = loaded(notice: nil)
        clean.press("G", "<Enter>")
        _ = update(&clean, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        clean.press("3")
        #expect(!clean.screenText.contains("Insatskatalogen"))
    }
}
