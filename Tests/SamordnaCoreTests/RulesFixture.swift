import Foundation

@testable import SamordnaCore

/// Shared values for the participant-rule tests. Test personnummer only (födelsenummer 980–999).
enum RulesFixture {
    static let today = LocalDate(year: 2026, month: 6, day: 15)!

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static func pnr(_ text: String) -> Personnummer { try! Personnummer(parsing: text, today: today) }

    static func participant(
        _ id: String, _ number: String, _ first: String, _ last: String, enrolled: String = "2026-01-10",
        protected: Bool = false
    ) -> Participant {
        Participant(
            id: Participant.ID(id), identity: .personnummer(pnr(number)), protectedIdentity: protected,
            firstName: first, lastName: last, enrolledOn: date(enrolled))
    }

    static func member(_ id: String, _ profession: Profession) -> TeamMember {
        TeamMember(id: TeamMember.ID(id), name: id, profession: profession, login: id)
    }

    /// A draft every rule accepts; tests change one field at a time.
    static func validDraft() -> ParticipantDraft {
        ParticipantDraft(
            identityKind: "personnummer", identity: "19800101-9804", firstName: "Åsa", lastName: "Öberg",
            gender: "kvinna", phone: "070-123 45 67", email: "asa.oberg@exempel.se", address: "Storgatan 1",
            language: "svenska", afRegisteredSince: "2023-02-01", status: "aktiv", enrolledOn: "2026-01-10")
    }
}

/// A fixed sequence of ids: "id-1", "id-2", …
struct CountingIDs: IdentifierSource {
    var n = 0
    mutating func next() -> String {
        n += 1
        return "id-\(n)"
    }
}

extension Result {
    /// The failure's text, for comparing reasons in tests.
    var failureReason: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}
