import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("samordna-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var database: URL { url.appendingPathComponent("caseload.sqlite") }
    var path: String { url.path }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

func permissions(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

/// Names in `dir`, sorted, to see that nothing was left behind.
func listing(_ dir: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
}

/// Values shared by the store tests. Identities are Skatteverket test numbers (birth numbers 980–999) or
/// `.other`, so no real person's number ever appears in a test.
enum Fixture {
    static let at = Date(timeIntervalSince1970: 1_772_443_800)  // 2026-03-02 09:30 UTC
    static let later = at.addingTimeInterval(3600)
    static let day = LocalDate(year: 2026, month: 3, day: 2)!

    static let anna = TeamMember(id: .init("m-anna"), name: "Anna Åberg", profession: .arbetsformedlare, login: "anna")
    static let sven = TeamMember(id: .init("m-sven"), name: "Sven Öst", profession: .socialsekreterare, login: "sven")
    static let jonna = TeamMember(id: .init("m-jonna"), name: "Jonna Ärlig", profession: .jobbcoach, login: "jonna")
    static let team = [anna, sven, jonna]

    /// A test personnummer (12 digits) for `yyyymmdd` with birth number `serial` (980–999) and its Luhn digit.
    static func personnummerDigits(_ yyyymmdd: String, serial: Int) -> String {
        let body = Array((yyyymmdd.dropFirst(2) + String(serial)).utf8).map { Int($0) - 48 }
        var sum = 0
        for (i, d) in body.enumerated() {
            let p = d * (i % 2 == 0 ? 2 : 1)
            sum += p / 10 + p % 10
        }
        return yyyymmdd + String(serial) + String((10 - sum % 10) % 10)
    }

    static func personnummer(_ yyyymmdd: String, serial: Int) throws -> Identity {
        .personnummer(try Personnummer(storedDigits: personnummerDigits(yyyymmdd, serial: serial)))
    }

    static func participant(_ n: Int, identity: Identity? = nil) -> Participant {
        Participant(
            id: Participant.ID("p-\(n)"), identity: identity ?? .other(kind: "test", value: "t-\(n)"),
            firstName: "Deltagare", lastName: "Nummer \(n)", enrolledOn: day)
    }

    /// A participant with every field and every kind of child record filled in, text with Swedish letters,
    /// a decomposed accent and control characters.
    static func fullRecord(_ n: Int) throws -> (record: ParticipantRecord, notes: [Note]) {
        let pid = Participant.ID("full-\(n)")
        let p = Participant(
            id: pid, identity: try personnummer("19800101", serial: 980 + n % 20), protectedIdentity: true,
            firstName: "Åsa-René\u{301}", lastName: "Öström Ärlig", preferredName: "Åsa", gender: .kvinna,
            phone: "070-123 45 67", email: "asa@example.se", address: "Storgatan 1\nlgh 1102\t(port\u{1B}[31m kod)",
            language: "svenska", interpreterNeeded: true, interpreterLanguage: "arabiska",
            afRegisteredSince: LocalDate(year: 2022, month: 12, day: 31), forsorjningsstodSince: LocalDate(
                year: 2023, month: 2, day: 28), status: .aktiv, enrolledOn: day)
        let assignments = [
            ResponsibleAssignment(
                id: .init("a-\(n)-1"), participantID: pid, profession: .arbetsformedlare, memberID: anna.id,
                from: LocalDate(year: 2025, month: 1, day: 1)!, to: LocalDate(year: 2025, month: 6, day: 30)),
            ResponsibleAssignment(
                id: .init("a-\(n)-2"), participantID: pid, profession: .socialsekreterare, memberID: sven.id,
                from: LocalDate(year: 2025, month: 7, day: 1)!),
        ]
        let consents = [
            Consent(
                id: .init("c-\(n)"), participantID: pid, discloser: [.af, .socialtjanst, .primarvard],
                recipient: [.jobbtorg, .fk], categories: [.halsa, .afPlanering, .ekonomisktBistand],
                purposes: [.samordnadPlanering, .sip], purposeText: "Samordning kring hälsa\r\noch arbete",
                form: .muntligtDokumenterat, validFrom: LocalDate(year: 2025, month: 1, day: 1)!,
                validTo: LocalDate(year: 2026, month: 12, day: 31)!, documentReference: "Dnr 2025/17",
                registeredBy: anna.id, withdrawnOn: LocalDate(year: 2026, month: 2, day: 1),
                withdrawnHow: "Muntligt på möte", withdrawalRegisteredBy: sven.id)
        ]
        let episodes = [
            InsatsEpisode(
                id: .init("e-\(n)-1"), participantID: pid, typeCode: "AF-PRAKTIK", status: .pagar,
                plannedStart: LocalDate(year: 2026, month: 1, day: 5), start: LocalDate(year: 2026, month: 1, day: 7),
                plannedEnd: LocalDate(year: 2026, month: 4, day: 30), extentPercent: 75, provider: "Bageriet Å&Ö AB",
                contactPerson: "Örjan", nextFollowUp: LocalDate(year: 2026, month: 3, day: 15), owner: .af,
                version: 3),
            InsatsEpisode(id: .init("e-\(n)-2"), participantID: pid, typeCode: "SFI", status: .planerad, owner: .kommunJobbtorg),
        ]
        let meetings = [
            Meeting(
                id: .init("m-\(n)-1"), participantID: pid, date: LocalDate(year: 2026, month: 3, day: 4)!,
                time: TimeOfDay(hour: 13, minute: 30)!, durationMinutes: 90, kind: .trepartssamtal,
                professions: [.jobbcoach, .arbetsformedlare], interpreter: true, location: "Rum Älgen",
                outcome: .genomfort, version: 2),
            Meeting(
                id: .init("m-\(n)-2"), participantID: pid, date: LocalDate(year: 2026, month: 3, day: 11)!,
                time: TimeOfDay(hour: 0, minute: 0)!, kind: .uppfoljning, professions: []),
        ]
        var exit = ExitRecord(
            participantID: pid, date: LocalDate(year: 2026, month: 2, day: 27)!, outcome: .a_annat,
            outcomeText: "Flyttade till Västerås", forsorjningsstodEnded: true,
            forsorjningsstodEndedOn: LocalDate(year: 2026, month: 2, day: 28), stepAtStart: .ingenAktivitet,
            stepAtExit: .arbetsplatsforlagd, closerToWorkOrStudies: true)
        exit.followUp4Weeks = LocalDate(year: 2026, month: 3, day: 30)!
        let notes = [
            Note(
                id: .init("n-\(n)-1"), participantID: pid, authorID: jonna.id, profession: .jobbcoach, owner: .kommunJobbtorg,
                writtenAt: at.addingTimeInterval(0.25), text: "Första mötet gick bra.\nHon vill bli bagare: ÅÄÖ åäö é"),
            Note(
                id: .init("n-\(n)-2"), participantID: pid, authorID: anna.id, profession: .arbetsformedlare, owner: .af,
                writtenAt: later, text: "Rättelse: konditor, inte bagare.", corrects: .init("n-\(n)-1")),
        ]
        let record = ParticipantRecord(
            participant: p, assignments: assignments, consents: consents, episodes: episodes, meetings: meetings,
            exit: exit)
        return (record, notes)
    }

    /// The full record's consent as it was before it was withdrawn.
    static func unwithdrawnConsent(_ record: ParticipantRecord) -> Consent {
        var consent = record.consents[0]
        consent.withdrawnOn = nil
        consent.withdrawnHow = nil
        consent.withdrawalRegisteredBy = nil
        return consent
    }

    static func kartlaggning(for pid: Participant.ID, id: String = "k-1") -> Kartlaggning {
        Kartlaggning(
            id: Kartlaggning.ID(id), participantID: pid, templateVersion: 2, date: day, status: .utkast,
            professionsPresent: [.arbetsformedlare, .jobbcoach],
            answers: [
                "mal": .text("Arbeta som kock på heltid\nhelst i Malmö"), "motivation": .scale(4),
                "korkort": .yesNoUnknown(.vetEj), "sprak": .choice("svenska"), "hinder": .choices(["hälsa", "barnomsorg"]),
                "start": .date(LocalDate(year: 2026, month: 4, day: 1)!), "timmar": .number(32.5),
                "oandligt": .number(.infinity),
            ])
    }

    static func store(in dir: TemporaryDirectory, team: [TeamMember] = team) throws -> CaseloadStore {
        let store = try CaseloadStore.open(at: dir.database)
        for m in team { try store.addTeamMember(m, by: "admin", at: at) }
        return store
    }
}
