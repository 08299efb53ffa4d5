import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// SQLite's order by `swedish_key` is the list's order: the first page is the top of the whole list.
@Suite struct FirstPageStoreTests {
    @Test func theFirstPageIsInSwedishOrderWithTheTotal() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let names = [
            ("Åsa", "Öberg"), ("Olle", "Oberg"), ("Örjan", "Åkesson"), ("Zoran", "Zetterberg"), ("Émile", "Ek"),
            ("René\u{301}", "Ek"), ("anna", "ek"), ("Anna", "Ek"), ("Wilma", "Vik"), ("Vera", "Wik"), ("Lan", "Nguyễn"),
            ("作者", "Li"), ("Ärla", "Aronsson"), ("Kalle", "Ängström"),
        ]
        for (i, (first, last)) in names.enumerated() {
            var p = Fixture.participant(i)
            p.firstName = first
            p.lastName = last
            try store.addParticipant(p, by: "anna", at: Fixture.at)
        }
        let whole = try store.loadCaseload().map(\.participant).sorted {
            let a = SwedishCollation.key($0.lastName + " " + $0.firstName)
            let b = SwedishCollation.key($1.lastName + " " + $1.firstName)
            return a != b ? a < b : $0.id.rawValue < $1.id.rawValue
        }
        let page = try store.loadFirstPage(limit: 9, meetingsSince: nil)
        #expect(page.total == names.count)
        #expect(page.records.map(\.id) == whole.prefix(9).map(\.id))
        #expect(try store.loadFirstPage(limit: 100, meetingsSince: nil).records.map(\.id) == whole.map(\.id))
    }

    @Test func theFirstPageCarriesEachParticipantsRecords() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (full, notes) = try Fixture.fullRecord(1)
        try store.importCaseload(team: Fixture.team, records: [full], notes: notes, by: "anna", at: Fixture.at)
        let page = try store.loadFirstPage(limit: 5, meetingsSince: nil)
        #expect(page.records == [try #require(try store.record(full.id))])
    }
}
