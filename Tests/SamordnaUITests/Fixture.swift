import SamordnaCore
import SamordnaUI
import TerminalUI

/// A small, hand-made caseload with Swedish and international names, on Monday 2026-11-23 (v. 48).
enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    static func date(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    static func pnr(_ s: String) -> Identity {
        .personnummer(try! Personnummer(parsing: s, today: today))
    }

    static let anna = TeamMember(id: .init("m-af"), name: "Anna Lind", profession: .arbetsformedlare, login: "anna")
    static let mats = TeamMember(id: .init("m-soc"), name: "Mats Nord", profession: .socialsekreterare, login: "mats")
    static let kim = TeamMember(id: .init("m-jc"), name: "Kim Sund", profession: .jobbcoach, login: "kim")

    static func person(
        _ id: String, _ first: String, _ last: String, _ identity: Identity, status: ParticipantStatus = .aktiv,
        protected: Bool = false
    ) -> Participant {
        Participant(
            id: .init(id), identity: identity, protectedIdentity: protected, firstName: first, lastName: last,
            gender: .kvinna, phone: protected ? nil : "070-000 00 00", language: "svenska", status: status,
            enrolledOn: date("2026-10-01"))
    }

    static func assignments(_ pid: String) -> [ResponsibleAssignment] {
        [anna, mats, kim].map {
            ResponsibleAssignment(
                id: .init("a-\(pid)-\($0.login)"), participantID: .init(pid), profession: $0.profession,
                memberID: $0.id, from: date("2026-10-01"))
        }
    }

    static func consent(_ pid: String, to: String = "2027-09-30") -> Consent {
        Consent(
            id: .init("c-\(pid)"), participantID: .init(pid), discloser: [.af, .socialtjanst],
            recipient: [.af, .socialtjanst, .jobbtorg], categories: [.utbildningArbete], purposes: [.samordnadPlanering],
            validFrom: date("2026-10-01"), validTo: date(to), registeredBy: mats.id)
    }

    static func episode(_ pid: String, _ code: String, start: String, end: String? = nil) -> InsatsEpisode {
        InsatsEpisode(
            id: .init("e-\(pid)-\(code)"), participantID: .init(pid), typeCode: code, status: .pagar,
            start: date(start), plannedEnd: end.map(date), owner: .af)
    }

    static func meeting(_ pid: String, _ day: String, _ time: String) -> Meeting {
        Meeting(
            id: .init("mt-\(pid)-\(day)"), participantID: .init(pid), date: date(day), time: TimeOfDay(text: time)!,
            kind: .uppfoljning, professions: [.arbetsformedlare, .jobbcoach])
    }

    static var records: [ParticipantRecord] {
        [
            ParticipantRecord(
                participant: person("p1", "Åsa", "Öberg", pnr("19800101-9804")), assignments: assignments("p1"),
                consents: [consent("p1")], episodes: [episode("p1", "RoM", start: "2026-10-05", end: "2027-04-04")],
                meetings: [meeting("p1", "2026-11-25", "10:00")]),
            ParticipantRecord(participant: person("p2", "Erik", "Andersson", pnr("197503159811"))),
            ParticipantRecord(
                participant: person("p3", "Zeynep", "Yılmaz", pnr("920729-9828"), status: .aktualiserad),
                assignments: assignments("p3"), consents: [consent("p3", to: "2026-12-10")],
                episodes: [episode("p3", "SFI", start: "2026-09-01")]),
            ParticipantRecord(
                participant: person("p4", "Jörgen", "Ängström", pnr("870481-9856"), status: .vilande),
                assignments: assignments("p4")),
            ParticipantRecord(
                participant: person("p5", "Lan", "Nguyen 作者", .other(kind: "reservnummer", value: "99-123456"),
                    protected: true),
                // Skyddade personuppgifter: Anna and Mats are responsible and see her; Kim does not.
                assignments: assignments("p5").filter { $0.memberID != kim.id }),
        ]
    }

    static var caseload: Caseload {
        Caseload(records: records, team: [anna, mats, kim], catalogue: DefaultInsatsCatalogue.all)
    }

    /// A loaded state at the given size.
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(size: Size(width: width, height: height), today: today, user: "anna")
        _ = update(&s, .caseload(.loaded(caseload)))
        return s
    }
}

extension AppState {
    /// Presses keys written as in the keymap ("j", "<Enter>", "/") and returns the effects.
    @discardableResult
    mutating func press(_ keys: String...) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects += update(&self, .key(KeyChord(parsing: k)!)) }
        return effects
    }

    /// Types text into whatever has focus, one character at a time.
    mutating func type(_ text: String) {
        for c in text { _ = update(&self, .key(.char(c))) }
    }

    var visibleNames: [String] { list.visible.map { rows[$0].name } }
}

extension AppState {
    /// The whole screen as text, one line per row.
    var screenText: String { view(self).buffer.lines().joined(separator: "\n") }
}
