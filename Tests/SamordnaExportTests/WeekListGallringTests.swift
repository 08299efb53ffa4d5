import Foundation
import SamordnaCore
import SamordnaExport
import Testing

/// The week list's gallring line: the count the store computes is shown in every format but the calendar,
/// and nothing is shown when none are due (so the golden files of an ordinary week stay as they are).
@Suite struct WeekListGallringTests {
    func export(due: Int) -> WeekListExport {
        var list = WeekList(
            week: IsoWeek(year: 2026, week: 49)!, today: LocalDate(iso: "2026-12-01")!, team: [],
            catalogue: DefaultInsatsCatalogue.all, reader: .team(nil), records: [], protectedPolicy: .leaveOut)
        list.gallringDue = due
        return WeekListExport(list: list, names: false, codeSalt: 1, generated: Date(timeIntervalSince1970: 1_796_000_000))
    }

    @Test func aDueCountIsOneLineInEveryDocument() throws {
        let e = export(due: 3)
        #expect(e.markdown().contains("## Gallring\n\n- Gallring: 3 deltagare att gallra\n"))
        #expect(e.html().contains("<h2>Gallring</h2>\n<ul>\n<li>Gallring: 3 deltagare att gallra</li>"))
        #expect(e.csv().contains(";Gallring;;;;3 deltagare att gallra;"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(e.json().utf8)) as? [String: Any])
        #expect((json["gallring"] as? [String: Any])?["att_gallra"] as? Int == 3)
    }

    @Test func noneDueShowsNothing() throws {
        let e = export(due: 0)
        #expect(!e.markdown().contains("Gallring"))
        #expect(!e.html().contains("Gallring"))
        #expect(!e.csv().contains("Gallring"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(e.json().utf8)) as? [String: Any])
        #expect(json["gallring"] == nil)
    }
}
