import Foundation
import SamordnaCore
import SamordnaExport
import Testing

/// The insats and meeting lists that leave the tool: pseudonymised unless names are asked for, protected
/// identities left out, cells safe in a spreadsheet, JSON that parses back to what was stored.
@Suite struct ActivityListExportTests {
    let day = LocalDate(year: 2026, month: 11, day: 23)!
    let anna = TeamMember(id: .init("m-anna"), name: "Anna Åberg", profession: .arbetsformedlare, login: "anna")

    func person(_ id: String, protected: Bool = false) -> Participant {
        Participant(
            id: .init(id), identity: .other(kind: "test", value: id), protectedIdentity: protected, firstName: "Åsa",
            lastName: "Öberg", enrolledOn: day)
    }

    func episode(_ id: String, for p: Participant, provider: String? = nil) -> InsatsEpisode {
        InsatsEpisode(
            id: .init(id), participantID: p.id, typeCode: "PRA", status: .pagar, start: day, extentPercent: 60,
            provider: provider, owner: .af, note: "Hemligt om hälsan")
    }

    @Test func insatserArePseudonymisedAndProtectedIdentitiesLeftOut() throws {
        let asa = person("abcdef123")
        let hidden = person("hidden999", protected: true)
        let export = InsatsListExport(
            episodes: [(episode("e-1", for: asa, provider: "=cmd|' /C calc'!A0"), asa), (episode("e-2", for: hidden), hidden)],
            catalogue: DefaultInsatsCatalogue.all, names: false)
        #expect(export.leftOutProtected == 1)
        #expect(export.rows.map(\.id) == ["e-1"])
        #expect(export.rows[0].participant == "Å.Ö. " + export.rows[0].participantID)
        #expect(!export.rows[0].participantID.hasPrefix("abcdef"), "a code made for this export, not the stored id")
        #expect(export.rows[0].jobFocused && export.rows[0].name == "Arbetspraktik")
        let csv = export.csv()
        #expect(!csv.contains("Öberg") && !csv.contains("hidden999") && !csv.contains("Hemligt"))
        #expect(csv.contains(",'=cmd|' /C calc'!A0,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.json().utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json[0]["anordnare"] as? String == "=cmd|' /C calc'!A0")
        #expect(json[0]["omfattning"] as? Int == 60)
        #expect(json[0]["slut"] is NSNull)
        #expect(json[0]["anteckning"] == nil)
        let named = InsatsListExport(episodes: [(episode("e-1", for: asa), asa)], catalogue: DefaultInsatsCatalogue.all, names: true)
        #expect(named.rows[0].participant == "Öberg, Åsa")
    }

    @Test func meetingsNameStaffByLoginUnlessNamesAreAsked() throws {
        let asa = person("abcdef123")
        var m = Meeting(
            id: .init("mt-1"), participantID: asa.id, date: day, time: TimeOfDay(hour: 23, minute: 30)!, durationMinutes: 60,
            kind: .sip, professions: [.arbetsformedlare], interpreter: true, location: "Rum\u{1B}[2J", members: [anna.id],
            interpreterLanguage: "tigrinska", outcomeNote: "Hemligt")
        m.outcome = .genomfort
        let export = MeetingListExport(meetings: [(m, asa)], team: [anna], names: false)
        let row = try #require(export.rows.first)
        #expect(row.members == ["anna"] && row.participant == "Å.Ö. " + row.participantID)
        #expect(row.week == "2026-W48" && row.end == "00:30" && row.interpreterLanguage == "tigrinska")
        let csv = export.csv()
        #expect(!csv.contains("\u{1B}") && !csv.contains("Hemligt") && !csv.contains("Anna Åberg"))
        let json = export.json()
        #expect(!json.contains("Hemligt"))
        let back = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(back[0]["plats"] as? String == "Rum\u{1B}[2J")
        #expect(MeetingListExport(meetings: [(m, asa)], team: [anna], names: true).rows[0].members == ["Anna Åberg"])
    }
}
