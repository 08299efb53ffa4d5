import SamordnaCore
import SamordnaExport
import Testing

/// A pseudonymised participant list carries neither the stored id nor a birth date, and its codes are made
/// for that export only.
@Suite struct ParticipantListPseudonymTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let records: [ParticipantRecord] = (0..<50).map { i in
        ParticipantRecord(
            participant: Participant(
                id: .init("0c4b8e2a-\(1000 + i)-4d0f-9c1e-5a7b3d2f1e0\(i % 10)"),
                identity: .personnummer(try! Personnummer(parsing: "19800101-9804", today: today)),
                firstName: "Åsa", lastName: "Öberg", enrolledOn: today))
    }

    func export(names: Bool, salt: UInt64) -> ParticipantListExport {
        ParticipantListExport(
            records: Self.records, team: [], catalogue: DefaultInsatsCatalogue.all, today: Self.today, names: names,
            revealIdentity: false, codeSalt: salt)
    }

    @Test func noStoredIdAndNoBirthDateWithoutNames() {
        let csv = export(names: false, salt: 7).csv()
        #expect(!csv.contains("0c4b8e2a"), "the stored id leaves the tool")
        #expect(!csv.contains("800101"), "the birth date leaves the tool")
        #expect(csv.contains("Å.Ö. "))
    }

    @Test func codesAreUniqueInAnExportAndDifferInTheNext() {
        let first = export(names: false, salt: 1).rows.map(\.id)
        let second = export(names: false, salt: 2).rows.map(\.id)
        #expect(Set(first).count == first.count)
        #expect(Set(first).isDisjoint(with: second))
    }

    @Test func namesGiveTheIdAndTheMaskedIdentity() {
        let row = export(names: true, salt: 1).rows[0]
        #expect(row.id.hasPrefix("0c4b8e2a"))
        #expect(row.identity == "800101-XXXX")
        #expect(row.name == "Öberg, Åsa")
    }
}
