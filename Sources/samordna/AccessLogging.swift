import Foundation
import SamordnaCore
import SamordnaStore

extension CommonOptions {
    /// Writes one line to the access log (docs/privacy.md) before anything is shown or written: a read or
    /// export that cannot be logged does not happen. One participant is named; more are counted.
    func logAccess(
        _ store: CaseloadStore, _ action: AccessLogEntry.Action, participants ids: [Participant.ID], format: String,
        withNames: Bool, detail: String
    ) throws {
        let unique = Array(Set(ids))
        try store.logAccess(
            action, participant: unique.count == 1 ? unique[0] : nil, participants: unique.count, format: format,
            withNames: withNames, detail: detail, by: currentLogin(environment), at: now())
    }
}

extension CommonOptions {
    /// The team member this login is (nil: not in the team, who reads only the team's shared entries).
    func reader(_ store: CaseloadStore) throws -> TeamMember? {
        try store.teamMember(login: currentLogin(environment))
    }

    /// What this login may read of `record` today (docs/privacy.md, "Vem ser vad").
    func disclosure(_ store: CaseloadStore, for record: ParticipantRecord) throws -> Disclosure {
        Disclosure(reader: try reader(store), record: record, team: try store.teamMembers(), on: currentDay())
    }
}

/// What this login may read, participant by participant, for a list of many participants' entries: each
/// entry it may not read is left out and counted, and the count is said on standard error.
struct ListDisclosure {
    let reader: TeamMember?
    let consents: [Participant.ID: [Consent]]
    let registrars: [TeamMember.ID: Organisation]
    let day: LocalDate
    private(set) var withheld = Withheld()

    init(_ store: CaseloadStore, common: CommonOptions) throws {
        reader = try common.reader(store)
        consents = try store.consentsByParticipant()
        registrars = Disclosure.registrars(try store.teamMembers())
        day = common.currentDay()
    }

    func disclosure(_ id: Participant.ID) -> Disclosure {
        Disclosure(reader: reader, consents: consents[id] ?? [], registrars: registrars, on: day)
    }

    mutating func insatser(_ all: [InsatsEpisode]) -> [InsatsEpisode] {
        all.filter { e in
            if disclosure(e.participantID).maySee(owner: e.owner, category: e.category) { return true }
            withheld.insatser[e.owner, default: 0] += 1
            return false
        }
    }

    mutating func meetings(_ all: [Meeting]) -> [Meeting] {
        all.filter { m in
            if disclosure(m.participantID).maySee(meeting: m) { return true }
            if let owner = Organisation.allCases.first(where: m.owners.contains) { withheld.meetings[owner, default: 0] += 1 }
            return false
        }
    }

    /// "samordna: inte med (samtycke saknas): 2 möten från socialtjänsten – samtycke saknas".
    func report() {
        for line in withheld.allLines { printError("samordna: inte med i listan: \(line)") }
    }
}
