import Foundation
import Testing

@testable import SamordnaCore

/// A meeting encoded before `members`, `interpreterLanguage` and `outcomeNote` existed (the change log keeps
/// such JSON for good) still decodes, and a meeting with them round-trips.
@Suite struct MeetingCodingTests {
    @Test func aMeetingWithoutTheLaterFieldsDecodes() throws {
        let json = """
            {"date":"2026-03-04","durationMinutes":60,"id":"m-old","interpreter":false,"kind":"uppföljning",
             "outcome":"planerat","participantID":"p-1","professions":["arbetsformedlare"],"time":"10:00","version":1}
            """
        let m = try JSONDecoder().decode(Meeting.self, from: Data(json.utf8))
        #expect(m.members == [] && m.interpreterLanguage == nil && m.outcomeNote == nil && m.location == nil)
        #expect(m.time == TimeOfDay(hour: 10, minute: 0))
        #expect(m.kind == .uppfoljning && m.version == 1)
    }

    @Test func everyFieldRoundTrips() throws {
        let m = Meeting(
            id: .init("m-1"), participantID: .init("p-1"), date: LocalDate(year: 2026, month: 3, day: 4)!,
            time: TimeOfDay(hour: 13, minute: 30)!, durationMinutes: 90, kind: .sip, professions: [.jobbcoach],
            interpreter: true, location: "Rum Älgen", outcome: .genomfort, members: [.init("m-anna")],
            interpreterLanguage: "tigrinska", outcomeNote: "Bra", version: 4)
        let back = try JSONDecoder().decode(Meeting.self, from: JSONEncoder().encode(m))
        #expect(back == m)
    }

    @Test func aMeetingMissingARequiredFieldIsRefused() {
        let json = #"{"id":"m-old","participantID":"p-1","time":"10:00","version":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Meeting.self, from: Data(json.utf8)) }
    }
}
