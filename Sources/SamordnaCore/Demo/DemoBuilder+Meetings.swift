import Foundation

/// Meetings, exits and notes for a demo participant.
extension DemoBuilder {
    mutating func makeMeetings(for p: Participant, assignments: [ResponsibleAssignment], until end: LocalDate) -> [Meeting] {
        var result: [Meeting] = []
        let pastCount: Int
        switch p.status {
        case .aktualiserad: pastCount = 0
        case .aktiv: pastCount = int(2...6)
        case .vilande: pastCount = int(1...3)
        case .avslutad: pastCount = int(2...6)
        }
        // The latest held meeting: mostly recent, sometimes long ago (lost contact).
        var day = end.adding(days: -(p.status == .aktiv && chance(15) ? int(43...90) : int(1...35)))
        for i in 0..<pastCount {
            day = anyWeekday(around: day)
            guard day >= p.enrolledOn, day < today else { break }
            let outcome: MeetingOutcome =
                i == 0 ? .genomfort : weighted([(.genomfort, 80), (.uteblev, 12), (.installt, 8)])
            let kind: MeetingKind = i == pastCount - 1 ? .kartlaggning : meetingKind()
            result.append(meeting(p, on: day, kind: kind, outcome: outcome, assignments: assignments))
            day = day.adding(days: -int(10...35))
        }
        let planned: Int
        switch p.status {
        case .aktualiserad: planned = 1
        case .aktiv: planned = weighted([(0, 20), (1, 55), (2, 25)])
        case .vilande: planned = chance(30) ? 1 : 0
        case .avslutad: planned = 0
        }
        for i in 0..<planned {
            let date = anyWeekday(around: today.adding(days: int(1...28)), notBefore: today.adding(days: 1))
            let kind: MeetingKind = p.status == .aktualiserad && i == 0 ? .kartlaggning : meetingKind()
            result.append(meeting(p, on: date, kind: kind, outcome: .planerat, assignments: assignments))
        }
        return result.sorted { ($0.date, $0.time) < ($1.date, $1.time) }
    }

    /// A working day in the week of `day` (weekends move to any weekday of that week, not all to Friday).
    mutating func anyWeekday(around day: LocalDate, notBefore earliest: LocalDate? = nil) -> LocalDate {
        guard day.isoWeekday > 5 else { return day }
        let monday = day.adding(days: 1 - day.isoWeekday)
        var chosen = monday.adding(days: int(0...4))
        if let earliest, chosen < earliest { chosen = monday.adding(days: 7 + int(0...4)) }
        return chosen
    }

    mutating func meetingKind() -> MeetingKind {
        weighted([
            (.uppfoljning, 50), (.trepartssamtal, 15), (.kartlaggning, 10), (.sip, 5), (.arbetsgivarbesok, 10),
            (.ovrigt, 10),
        ])
    }

    mutating func meeting(
        _ p: Participant, on day: LocalDate, kind: MeetingKind, outcome: MeetingOutcome,
        assignments: [ResponsibleAssignment]
    ) -> Meeting {
        // Office hours: starts 08:30–15:00 on the half hour.
        let slot = int(0...13)
        let time = TimeOfDay(hour: 8 + (slot + 1) / 2, minute: slot % 2 == 0 ? 30 : 0)!
        var present = Profession.core.filter { _ in chance(60) }
        if present.isEmpty { present = [pick(Profession.core)] }
        if chance(5) { present.append(.rehabiliteringskoordinator) }
        if chance(5) { present.append(.studieOchYrkesvagledare) }
        let location = kind == .arbetsgivarbesok ? "Hos arbetsgivaren" : pick(DemoText.meetingPlaces)
        // The team members taking part: the participant's responsible person in each profession present.
        let members = present.compactMap { profession in
            assignments.last { $0.profession == profession && ($0.to.map { $0 >= day } ?? true) && $0.from <= day }?.memberID
        }
        return Meeting(
            id: newID(), participantID: p.id, date: day, time: time, durationMinutes: pick([45, 60, 60, 60, 90]),
            kind: kind, professions: present, interpreter: p.interpreterNeeded, location: location,
            outcome: outcome, members: members, interpreterLanguage: p.interpreterNeeded ? p.interpreterLanguage : nil)
    }

    mutating func makeExit(for id: Participant.ID, on date: LocalDate) -> ExitRecord {
        let outcome: OutcomeCode = weighted([
            (.a1, 28), (.a2, 24), (.s1, 14), (.n2, 12), (.s2, 5), (.o1, 6), (.n1, 4), (.f1, 3), (.n3, 2),
            (.o2, 1), (.a_annat, 1),
        ])
        let start = Step(rawValue: int(1...3))!
        let reached: Step
        switch outcome {
        case .a1, .a3, .s1: reached = .osubventioneratArbeteEllerStudier
        case .a2: reached = .subventioneradAnstallning
        case .s2: reached = .kompetenshojande
        default: reached = Step(rawValue: start.rawValue + int(0...1))!
        }
        let selfSupporting = outcome.group != .ovrigt && chance(outcome == .a1 ? 70 : 40)
        return ExitRecord(
            participantID: id, date: date, outcome: outcome,
            outcomeText: outcome.requiresText
                ? "Flyttar till anhörig i annan kommun för att arbeta i familjens företag" : nil,
            forsorjningsstodEnded: selfSupporting,
            forsorjningsstodEndedOn: selfSupporting ? min(today, date.adding(days: int(0...40))) : nil,
            stepAtStart: start, stepAtExit: reached, closerToWorkOrStudies: reached > start)
    }

    mutating func addNotes(for record: ParticipantRecord) {
        let p = record.participant
        let count = p.status == .aktualiserad ? int(0...1) : int(1...3)
        let held = record.meetings.filter { $0.outcome != .planerat }
        for _ in 0..<count {
            let profession = pick(Profession.core)
            let authorID = responsible(record, profession)
            let author = memberByID[authorID] ?? team[0]
            let day = held.isEmpty ? min(p.enrolledOn.adding(days: int(0...3)), today) : pick(held).date
            let note = Note(
                id: newID(), participantID: p.id, authorID: author.id, profession: profession,
                owner: author.organisation, writtenAt: instant(day, minutes: int(450...900)),
                text: pick(DemoText.notes(for: profession)))
            notes.append(note)
            if chance(3) {
                // Never rewritten in place: a correction is a new note pointing at the old one.
                notes.append(
                    Note(
                        id: newID(), participantID: p.id, authorID: author.id, profession: profession,
                        owner: author.organisation, writtenAt: note.writtenAt.addingTimeInterval(3600),
                        text: "Rättelse: fel datum angavs för nästa möte, rätt tid finns i kalendern.",
                        corrects: note.id))
            }
        }
    }
}
