import Testing

@testable import SamordnaCore

/// The veckolista's rules, section by section, and who sees what: Min vecka, consent and skyddade
/// personuppgifter; ISO week 53.
@Suite struct WeekListTests {
    let week = IsoWeek(year: 2026, week: 49)!  // 2026-11-30 – 2026-12-06
    let today = LocalDate(iso: "2026-12-01")!
    let anna = TeamMember(id: .init("m-anna"), name: "Anna Lind", profession: .arbetsformedlare, login: "anna")
    let sven = TeamMember(id: .init("m-sven"), name: "Sven Berg", profession: .socialsekreterare, login: "sven")
    let jonna = TeamMember(id: .init("m-jonna"), name: "Jonna Ek", profession: .jobbcoach, login: "jonna")
    var team: [TeamMember] { [anna, sven, jonna] }

    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    func person(_ id: String, _ first: String = "Åsa", _ last: String = "Öberg", status: ParticipantStatus = .aktiv, protected: Bool = false)
        -> Participant
    {
        Participant(
            id: .init(id), identity: .other(kind: "test", value: id), protectedIdentity: protected, firstName: first,
            lastName: last, status: status, enrolledOn: d("2026-01-01"))
    }

    func assignments(_ pid: String, _ members: [TeamMember], to: LocalDate? = nil) -> [ResponsibleAssignment] {
        members.map {
            ResponsibleAssignment(
                id: .init("a-\(pid)-\($0.login)"), participantID: .init(pid), profession: $0.profession, memberID: $0.id,
                from: d("2026-01-01"), to: to)
        }
    }

    /// Lets every core authority share with every other for a year.
    func consent(_ pid: String, from: String = "2026-01-01", to: String = "2027-06-30", recipients: Set<Authority> = [.af, .socialtjanst, .jobbtorg])
        -> Consent
    {
        Consent(
            id: .init("c-\(pid)-\(to)"), participantID: .init(pid), discloser: [.af, .socialtjanst, .jobbtorg], recipient: recipients,
            categories: [.afPlanering, .socialSituation, .utbildningArbete], purposes: [.samordnadPlanering], validFrom: d(from),
            validTo: d(to), registeredBy: sven.id)
    }

    func episode(
        _ pid: String, _ code: String, _ status: InsatsStatus = .pagar, start: String, end: String? = nil,
        followUp: String? = nil, owner: Organisation = .af, id: String? = nil
    ) -> InsatsEpisode {
        InsatsEpisode(
            id: .init(id ?? "e-\(pid)-\(code)-\(start)"), participantID: .init(pid), typeCode: code, status: status,
            plannedStart: d(start), start: status == .planerad ? nil : d(start), plannedEnd: end.map(d),
            nextFollowUp: followUp.map(d), owner: owner)
    }

    func meeting(
        _ pid: String, _ date: String, _ time: String, kind: MeetingKind = .uppfoljning, members: [TeamMember],
        outcome: MeetingOutcome = .planerat, id: String? = nil, interpreter: String? = nil
    ) -> Meeting {
        Meeting(
            id: .init(id ?? "mt-\(pid)-\(date)-\(time)"), participantID: .init(pid), date: d(date), time: TimeOfDay(text: time)!,
            kind: kind, professions: members.map(\.profession), interpreter: interpreter != nil, location: "Hornsgatan 1",
            outcome: outcome, members: members.map(\.id), interpreterLanguage: interpreter)
    }

    /// An open participant with everyone responsible, a consent, and a job-focused insats running all year.
    func ordinary(_ pid: String, _ first: String = "Åsa", _ last: String = "Öberg") -> ParticipantRecord {
        ParticipantRecord(
            participant: person(pid, first, last), assignments: assignments(pid, team), consents: [consent(pid)],
            episodes: [episode(pid, "PRA", start: "2026-06-01", end: "2027-06-01")])
    }

    func list(_ records: [ParticipantRecord], reader: WeekList.Reader? = nil, week: IsoWeek? = nil, today: LocalDate? = nil,
              policy: WeekList.ProtectedPolicy = .leaveOut) -> WeekList
    {
        WeekList(
            week: week ?? self.week, today: today ?? self.today, team: team, catalogue: DefaultInsatsCatalogue.all,
            reader: reader ?? .team(anna), records: records, protectedPolicy: policy)
    }

    // MARK: Möten

    @Test func meetingsAreListedByDayAndTimeWithMembersByName() {
        var a = ordinary("p1", "Åsa", "Öberg")
        a.meetings = [
            meeting("p1", "2026-12-02", "13:00", members: [anna, sven], interpreter: "arabiska"),
            meeting("p1", "2026-11-30", "09:00", members: [anna]),
            meeting("p1", "2026-12-07", "09:00", members: [anna]),  // next week
        ]
        var b = ordinary("p2", "Bo", "Ek")
        b.meetings = [meeting("p2", "2026-12-02", "10:00", kind: .trepartssamtal, members: [jonna, anna])]
        let l = list([a, b])
        #expect(l.days.count == 7)
        #expect(l.days[0].date == d("2026-11-30"))
        #expect(l.days[6].date == d("2026-12-06"))
        #expect(l.days[0].meetings.map(\.meeting.time.description) == ["09:00"])
        #expect(l.days[2].meetings.map(\.person.name) == ["Ek, Bo", "Öberg, Åsa"])
        #expect(l.days[2].meetings[0].memberNames == ["Jonna Ek", "Anna Lind"])
        #expect(l.days[2].meetings[1].meeting.interpreterLanguage == "arabiska")
        #expect(l.meetings.count == 3)
    }

    @Test func lastWeeksNoShowsAreForTheSocialsekreterareAndTheTeam() {
        var a = ordinary("p1")
        a.meetings = [
            meeting("p1", "2026-11-25", "10:00", members: [sven, anna], outcome: .uteblev),
            meeting("p1", "2026-11-26", "10:00", members: [sven], outcome: .genomfort),
            meeting("p1", "2026-11-20", "10:00", members: [sven], outcome: .uteblev),  // two weeks ago
        ]
        #expect(list([a], reader: .mine(sven)).noShowsLastWeek?.items.map(\.meeting.date) == [d("2026-11-25")])
        #expect(list([a], reader: .team(anna)).noShowsLastWeek?.items.count == 1)
        #expect(list([a], reader: .mine(anna)).noShowsLastWeek == nil)
    }

    // MARK: Insatser

    @Test func insatserStartingAndEndingThisWeek() {
        var a = ordinary("p1")
        a.episodes += [
            episode("p1", "SFI", .planerad, start: "2026-12-03", end: "2027-03-01"),
            episode("p1", "RoM", start: "2026-01-10", end: "2026-12-04"),
            episode("p1", "KAP", .avbruten, start: "2026-12-01", id: "cancelled-before-start"),
        ]
        a.episodes[3].start = nil
        let l = list([a])
        #expect(l.starting.items.map(\.episode.typeCode) == ["SFI"])
        #expect(l.starting.items.first?.typeName == "Svenska för invandrare")
        #expect(l.ending.items.map(\.episode.typeCode) == ["RoM"])
        #expect(l.ending.items.first?.date == d("2026-12-04"))
    }

    @Test func aGapIsAnInsatsEndingWithinFourWeeksWithNothingAfter() {
        var gap = ordinary("p1")
        gap.episodes = [episode("p1", "PRA", start: "2026-09-01", end: "2026-12-20")]
        var followed = ordinary("p2", "Bo", "Ek")
        followed.episodes = [
            episode("p2", "PRA", start: "2026-09-01", end: "2026-12-20"),
            episode("p2", "RoM", .planerad, start: "2026-12-28", end: "2027-06-01"),
        ]
        var later = ordinary("p3", "Cia", "Al")
        later.episodes = [episode("p3", "PRA", start: "2026-09-01", end: "2027-02-01")]
        let l = list([gap, followed, later])
        #expect(l.gaps.items.map(\.person.id) == [.init("p1")])
        #expect(l.gaps.items.first?.date == d("2026-12-20"))
    }

    @Test func withoutOngoingAndWithoutJobFocusedInsats() {
        var none = ordinary("p1")
        none.episodes = []
        var notJob = ordinary("p2", "Bo", "Ek")
        notJob.episodes = [episode("p2", "SFI", start: "2026-06-01", end: "2027-06-01")]
        var closed = ordinary("p3", "Cia", "Al")
        closed.participant.status = .avslutad
        closed.episodes = []
        let l = list([none, notJob, ordinary("p4", "Dan", "Ny"), closed])
        #expect(l.withoutOngoing.items.map(\.id) == [.init("p1")])
        #expect(l.withoutJobFocused.items.map(\.id) == [.init("p2"), .init("p1")])
    }

    @Test func insatserNearTheirMaximumLength() {
        var a = ordinary("p1")
        // RoM: at most 365 days; started 2025-12-20, it reaches them 2026-12-19, within 30 days of today.
        a.episodes = [episode("p1", "RoM", start: "2025-12-20", end: "2027-02-01")]
        let l = list([a])
        #expect(l.nearMaxLength.items.map(\.episode.typeCode) == ["RoM"])
        #expect(l.nearMaxLength.items.first?.date == d("2026-12-19"))
    }

    // MARK: Uppföljningar

    @Test func insatsFollowUpsDueThisWeekOrOverdue() {
        var a = ordinary("p1")
        a.episodes = [
            episode("p1", "PRA", start: "2026-06-01", end: "2027-06-01", followUp: "2026-12-03"),
            episode("p1", "SFI", start: "2026-06-01", end: "2027-06-01", followUp: "2026-11-10"),
            episode("p1", "RoM", start: "2026-06-01", end: "2027-06-01", followUp: "2026-12-09"),  // next week
            episode("p1", "KAP", .avslutad, start: "2026-01-01", end: "2026-05-01", followUp: "2026-04-01"),
        ]
        let l = list([a])
        #expect(l.followUps.items.map(\.due) == [d("2026-11-10"), d("2026-12-03")])
        #expect(l.followUps.items.map(\.overdue) == [true, false])
    }

    @Test func exitFollowUpsAreListedForWhoWasResponsibleAtExitEvenAfterTheirAssignmentEnded() {
        // Exit 2026-11-04: the 4-week follow-up is 2026-12-02. Exit 2026-06-02: 6 months is 2026-12-02.
        var four = ordinary("p1")
        four.participant.status = .avslutad
        four.assignments = assignments("p1", team, to: d("2026-11-04"))
        four.exit = ExitRecord(participantID: .init("p1"), date: d("2026-11-04"), outcome: .a1)
        var six = ordinary("p2", "Bo", "Ek")
        six.participant.status = .avslutad
        six.assignments = assignments("p2", [sven], to: d("2026-06-02"))
        six.exit = ExitRecord(participantID: .init("p2"), date: d("2026-06-02"), outcome: .s1)
        let mine = list([four, six], reader: .mine(anna))
        #expect(mine.followUps.items.map(\.kind) == [.exit4Weeks])
        let team = list([four, six], reader: .team(anna))
        #expect(Set(team.followUps.items.map(\.kind)) == [.exit4Weeks, .exit6Months])
        #expect(list([four, six], reader: .mine(sven)).followUps.items.count == 2)
    }

    // MARK: Samtycken, avslut

    @Test func consentsMissingOrEndingWithinThirtyDaysPerAuthority() {
        var missing = ordinary("p1")
        missing.consents = []
        var ending = ordinary("p2", "Bo", "Ek")
        ending.consents = [consent("p2", to: "2026-12-20")]
        var lasting = ordinary("p3", "Cia", "Al")
        lasting.consents = [consent("p3", to: "2026-12-20"), consent("p3", from: "2026-12-01", to: "2027-12-31")]
        let l = list([missing, ending, lasting])
        // The team's authorities: AF (anna), Soc (sven) and the Jobbtorg (jonna), each its own party; no FK,
        // Region or samordningsförbund.
        #expect(l.consents.items.map(\.group) == [.af, .af, .soc, .soc, .jobbtorg, .jobbtorg])
        #expect(l.consents.items.filter { $0.person.id == .init("p1") }.allSatisfy { $0.problem == .missing })
        #expect(l.consents.items.filter { $0.person.id == .init("p2") }.allSatisfy { $0.problem == .ending(d("2026-12-20")) })
    }

    @Test func exitsThisWeek() {
        var a = ordinary("p1")
        a.participant.status = .avslutad
        a.exit = ExitRecord(participantID: .init("p1"), date: d("2026-12-02"), outcome: .a2)
        var old = ordinary("p2", "Bo", "Ek")
        old.participant.status = .avslutad
        old.exit = ExitRecord(participantID: .init("p2"), date: d("2026-10-02"), outcome: .a2)
        #expect(list([a, old]).exits.items.map(\.exit.date) == [d("2026-12-02")])
    }

    // MARK: Who sees what

    @Test func protectedParticipantsAreNeverInAnExportAndOnlyForTheirResponsibleInTheView() {
        var hidden = ordinary("p1")
        hidden.participant.protectedIdentity = true
        hidden.assignments = assignments("p1", [sven])
        hidden.meetings = [meeting("p1", "2026-12-02", "10:00", members: [sven, anna])]
        #expect(list([hidden], reader: .team(sven), policy: .leaveOut).meetings.isEmpty)
        #expect(list([hidden], reader: .team(sven), policy: .leaveOut).isEmpty)
        #expect(list([hidden], reader: .team(sven), policy: .onlyForResponsible).meetings.count == 1)
        #expect(list([hidden], reader: .team(anna), policy: .onlyForResponsible).isEmpty)
    }

    @Test func anotherOrganisationsItemsWithoutConsentAreOnlyCounted() {
        var a = ordinary("p1")
        a.consents = [consent("p1", recipients: [.socialtjanst])]  // AF may not receive
        a.meetings = [
            meeting("p1", "2026-12-02", "10:00", members: [sven]),  // the socialtjänst's meeting
            meeting("p1", "2026-12-02", "11:00", members: [sven, anna]),  // anna takes part
        ]
        a.episodes = [
            episode("p1", "PRA", start: "2026-06-01", end: "2027-06-01"),
            episode("p1", "SFI", start: "2026-12-01", end: "2027-06-01", owner: .kommunSoc),
        ]
        let af = list([a], reader: .team(anna))
        #expect(af.days[2].meetings.map(\.meeting.time.description) == ["11:00"])
        #expect(af.days[2].restricted == 1)
        #expect(af.starting.items.isEmpty)
        #expect(af.starting.restricted == 1)
        let soc = list([a], reader: .team(sven))
        #expect(soc.days[2].meetings.count == 2)
        #expect(soc.starting.items.count == 1)
        // With a consent that lets AF receive, the AF reader sees all.
        a.consents.append(consent("p1", recipients: [.af]))
        let shared = list([a], reader: .team(anna))
        #expect(shared.days[2].restricted == 0)
        #expect(shared.starting.items.count == 1)
    }

    @Test func minVeckaIsWhatTheMemberTakesPartInOrIsResponsibleFor() {
        var annas = ordinary("p1")
        annas.assignments = assignments("p1", [anna])
        annas.meetings = [meeting("p1", "2026-12-02", "10:00", members: [sven])]
        var other = ordinary("p2", "Bo", "Ek")
        other.assignments = assignments("p2", [sven])
        other.meetings = [
            meeting("p2", "2026-12-03", "10:00", members: [anna, sven]),
            meeting("p2", "2026-12-04", "10:00", members: [sven]),
        ]
        other.episodes = []
        let mine = list([annas, other], reader: .mine(anna))
        #expect(mine.meetings.map(\.meeting.date) == [d("2026-12-02"), d("2026-12-03")])
        #expect(mine.withoutOngoing.items.isEmpty)  // p2 is sven's
        #expect(list([annas, other], reader: .team(anna)).withoutOngoing.items.map(\.id) == [.init("p2")])
    }

    /// A caseload of several arbetslag: a member's Teamets vecka is their lag's (what its members take part in
    /// or are responsible for, and the exits of a colleague who has left the lag), the whole team's with
    /// `wholeTeam`; Min vecka stays the member's own.
    @Test func teametsVeckaOfAMemberOfALagIsTheLags() {
        var anna = self.anna, sven = self.sven, jonna = self.jonna
        anna.unit = "Lag 1"
        sven.unit = "Lag 1"
        jonna.unit = "Lag 2"
        let gone = TeamMember(
            id: .init("m-gone"), name: "Gun Ek", profession: .jobbcoach, login: "gun", active: false, unit: "Lag 1")
        let team = [anna, sven, jonna, gone]
        var svens = ordinary("p1")
        svens.assignments = assignments("p1", [sven])
        svens.episodes = []
        var jonnas = ordinary("p2", "Bo", "Ek")
        jonnas.assignments = assignments("p2", [jonna])
        jonnas.episodes = []
        jonnas.meetings = [
            meeting("p2", "2026-12-03", "10:00", members: [jonna, anna]),
            meeting("p2", "2026-12-04", "10:00", members: [jonna]),
        ]
        var left = ordinary("p3", "Cia", "Al")
        left.participant.status = .avslutad
        left.assignments = assignments("p3", [gone], to: d("2026-11-04"))
        left.exit = ExitRecord(participantID: .init("p3"), date: d("2026-11-04"), outcome: .a1)
        func list(_ reader: WeekList.Reader) -> WeekList {
            WeekList(
                week: week, today: today, team: team, catalogue: DefaultInsatsCatalogue.all, reader: reader,
                records: [svens, jonnas, left], protectedPolicy: .leaveOut)
        }
        let lag = list(.team(anna))
        #expect(lag.reader.unit == "Lag 1")
        #expect(lag.withoutOngoing.items.map(\.id) == [.init("p1")])
        #expect(lag.meetings.map(\.meeting.date) == [d("2026-12-03")])  // Anna takes part; jonna's alone is not the lag's
        #expect(lag.followUps.items.map(\.person.id) == [.init("p3")])
        let whole = list(.team(anna, wholeTeam: true))
        #expect(whole.reader.unit == nil)
        #expect(Set(whole.withoutOngoing.items.map(\.id)) == [.init("p1"), .init("p2")])
        #expect(whole.meetings.count + whole.days.map(\.restricted).reduce(0, +) == 2)
        let jonnasLag = list(.team(jonna))
        #expect(jonnasLag.withoutOngoing.items.map(\.id) == [.init("p2")])
        #expect(jonnasLag.followUps.items.isEmpty)
        #expect(list(.mine(anna)).withoutOngoing.items.isEmpty)
        #expect(list(.mine(anna)).meetings.map(\.meeting.date) == [d("2026-12-03")])
        // A caseload without lag: Teamets vecka is everyone's, as before.
        #expect(self.list([svens, jonnas, left], reader: .team(self.anna)).withoutOngoing.items.count == 2)
    }

    // MARK: Weeks

    @Test func week53Exists2026AndNot2025() throws {
        #expect(IsoWeek(year: 2026, week: 53) != nil)
        #expect(IsoWeek(year: 2025, week: 53) == nil)
        guard case .failure(let why) = WeekInput.parse("2025-W53") else {
            Issue.record("2025-W53 accepted")
            return
        }
        #expect(why.reason.contains("2025-W52"))
        #expect(throws: RuleViolation.self) { try WeekInput.parse("2026-W54").get() }
        #expect(throws: RuleViolation.self) { try WeekInput.parse("2026-49").get() }
        #expect(throws: RuleViolation.self) { try WeekInput.parse("v49").get() }
        #expect(throws: RuleViolation.self) { try WeekInput.parse("2026-W00").get() }
        #expect(try WeekInput.parse(" 2026-W53 ").get() == IsoWeek(year: 2026, week: 53))
    }

    @Test func theWeekAroundNewYearSpansTwoCalendarYears() {
        let w53 = IsoWeek(year: 2026, week: 53)!
        #expect(w53.monday == d("2026-12-28"))
        #expect(w53.sunday == d("2027-01-03"))
        #expect(w53.next == IsoWeek(year: 2027, week: 1))
        var a = ordinary("p1")
        a.meetings = [meeting("p1", "2027-01-02", "10:00", members: [anna]), meeting("p1", "2026-12-27", "10:00", members: [anna])]
        let l = list([a], week: w53, today: d("2026-12-29"))
        #expect(l.days[5].date == d("2027-01-02"))
        #expect(l.days[5].meetings.count == 1)
        #expect(l.meetings.count == 1)
    }

    @Test func theStateSectionsAreJudgedOnTodayInTheWeekElseItsMonday() {
        #expect(WeekList.referenceDay(week: week, today: today) == today)
        #expect(WeekList.referenceDay(week: week.next, today: today) == d("2026-12-07"))
    }
}
