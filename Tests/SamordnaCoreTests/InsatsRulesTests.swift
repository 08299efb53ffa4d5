import Testing

@testable import SamordnaCore

/// The insats episode rules: what is refused with a reason, what is warned, and the BIP warnings.
@Suite struct InsatsRulesTests {
    let today = LocalDate(iso: "2026-11-23")!
    let catalogue = DefaultInsatsCatalogue.byCode

    func validate(_ d: InsatsDraft, existing: InsatsEpisode? = nil) -> Result<ValidInsats, FieldErrors<InsatsField>> {
        InsatsRules.validate(d, catalogue: catalogue, existing: existing, today: today)
    }

    func errors(_ d: InsatsDraft) -> FieldErrors<InsatsField> {
        guard case .failure(let e) = validate(d) else { return FieldErrors() }
        return e
    }

    func episode(
        _ code: String, _ status: InsatsStatus = .pagar, start: String, end: String? = nil, extent: Int? = nil,
        id: String? = nil
    ) -> InsatsEpisode {
        InsatsEpisode(
            id: .init(id ?? "e-\(code)-\(start)"), participantID: .init("p1"), typeCode: code, status: status,
            plannedStart: LocalDate(iso: start), start: status == .planerad ? nil : LocalDate(iso: start),
            plannedEnd: end.flatMap { LocalDate(iso: $0) }, extentPercent: extent, owner: .af)
    }

    @Test func aPlannedInsatsFromTheCatalogueIsAccepted() throws {
        let d = InsatsDraft(typeCode: "RoM", plannedStart: "2026-12-01", plannedEnd: "2027-05-31", extentPercent: "50")
        let valid = try validate(d).get()
        #expect(valid.typeCode == "RoM")
        #expect(valid.extentPercent == 50)
        #expect(valid.plannedEnd == LocalDate(iso: "2027-05-31"))
    }

    @Test func endBeforeStartIsRefusedOnTheEndField() {
        let e = errors(InsatsDraft(typeCode: "PRA", plannedStart: "2026-12-01", plannedEnd: "2026-11-01"))
        #expect(e[.plannedEnd]?.contains("före planerad start") == true)
    }

    @Test func aDayThatDoesNotExistIsNamed() {
        let e = errors(InsatsDraft(typeCode: "PRA", plannedStart: "2026-02-30"))
        #expect(e[.plannedStart]?.contains("ogiltigt datum") == true)
    }

    @Test(arguments: ["0", "101", "-5", "abc", "1000"]) func omfattningOutside1To100IsRefused(typed: String) {
        let e = errors(InsatsDraft(typeCode: "PRA", plannedStart: "2026-12-01", extentPercent: typed))
        #expect(e[.extentPercent] != nil)
    }

    @Test func anUnknownCodeIsNamed() {
        #expect(errors(InsatsDraft(typeCode: "XYZ", plannedStart: "2026-12-01"))[.typeCode]?.contains("okänd insatskod") == true)
    }

    @Test func anInactiveTypeCannotBeChosenForANewInsatsButStaysForHistory() {
        let d = InsatsDraft(typeCode: "EXT", status: .planerad, plannedStart: "2026-12-01")
        #expect(errors(d)[.typeCode]?.contains("erbjuds inte längre") == true)
        let old = episode("EXT", start: "2021-06-01", end: "2022-06-01")
        var edit = InsatsDraft(old)
        edit.status = .avslutad
        edit.end = "2022-05-31"
        edit.endReason = .genomford
        #expect((try? validate(edit, existing: old).get()) != nil)
    }

    @Test func anOngoingInsatsNeedsAStartAndAnEndedOneAnEndAndAReason() {
        #expect(errors(InsatsDraft(typeCode: "RoM", status: .pagar))[.start] != nil)
        let ended = errors(InsatsDraft(typeCode: "RoM", status: .avslutad, start: "2026-01-01"))
        #expect(ended[.end] != nil)
        #expect(ended[.endReason] != nil)
        let wrongReason = errors(
            InsatsDraft(typeCode: "RoM", status: .avslutad, start: "2026-01-01", end: "2026-06-01", endReason: .ohalsa))
        #expect(wrongReason[.endReason]?.contains("avbruten") == true)
    }

    @Test func startEndAndCancelFollowTheStatusLadder() throws {
        let planned = episode("PRA", .planerad, start: "2026-11-20")
        let started = try InsatsRules.start(planned, on: today, today: today).get()
        #expect(started.status == .pagar && started.start == today)
        let ended = try InsatsRules.end(started, on: today, reason: .arbete, today: today).get()
        #expect(ended.status == .avslutad && ended.endReason == .arbete)
        #expect(throws: RuleViolation.self) { try InsatsRules.end(ended, on: today, reason: .genomford, today: today).get() }
        // A planned insats never ran: it can be cancelled, not completed.
        #expect(throws: RuleViolation.self) { try InsatsRules.end(planned, on: today, reason: .genomford, today: today).get() }
        #expect(try InsatsRules.end(planned, on: today, reason: .annat, today: today).get().status == .avbruten)
        #expect(throws: RuleViolation.self) {
            try InsatsRules.start(planned, on: today.adding(days: 1), today: today).get()
        }
    }

    @Test func summedOmfattningOverFullTimeIsWarnedWithItsWeek() {
        let warnings = InsatsPlanning.warnings(
            [
                episode("RoM", start: "2026-11-02", end: "2027-04-30", extent: 75),
                episode("SFI", start: "2026-12-07", end: "2027-03-31", extent: 50),
            ], catalogue: catalogue, today: today)
        #expect(warnings.contains(.overFullTime(week: IsoWeek(year: 2026, week: 50)!, percent: 125)))
    }

    @Test func theSameTypeTwiceAtOnceIsWarned() {
        let warnings = InsatsPlanning.warnings(
            [episode("PRA", start: "2026-10-01", end: "2026-12-31", id: "a"), episode("PRA", start: "2026-12-15", id: "b")],
            catalogue: catalogue, today: today)
        #expect(warnings.contains(.overlapsSameType(code: "PRA", from: LocalDate(iso: "2026-12-15")!)))
    }

    @Test func runningPastTheTypesMaximumIsWarned() {
        let warnings = InsatsPlanning.warnings(
            [episode("SMF", start: "2026-01-05", end: "2026-12-31")], catalogue: catalogue, today: today)
        #expect(warnings.contains { if case .pastMaxLength("SMF", _, 150) = $0 { return true } else { return false } })
        #expect(InsatsPlanning.warnings([episode("SMF", start: "2026-09-01", end: "2026-11-30")], catalogue: catalogue, today: today).isEmpty)
    }

    @Test func bipWarningsFollowTheEpisodes() {
        #expect(InsatsPlanning.bipWarnings([], catalogue: catalogue, on: today) == [.noOngoing, .noJobFocused])
        let sfi = episode("SFI", start: "2026-09-01")
        #expect(InsatsPlanning.bipWarnings([sfi], catalogue: catalogue, on: today) == [.noJobFocused])
        let pra = episode("PRA", start: "2026-10-01", end: "2026-12-10")
        #expect(InsatsPlanning.bipWarnings([pra], catalogue: catalogue, on: today) == [.gapAhead(code: "PRA", ends: LocalDate(iso: "2026-12-10")!)])
        func hasGap(_ es: [InsatsEpisode]) -> Bool {
            InsatsPlanning.bipWarnings(es, catalogue: catalogue, on: today).contains { if case .gapAhead = $0 { return true } else { return false } }
        }
        #expect(!hasGap([sfi, pra]), "SFI runs on after it")
        #expect(!hasGap([pra, episode("KAP", .planerad, start: "2026-12-14", end: "2027-03-31")]), "KAP follows within two weeks")
        var late = pra
        late.nextFollowUp = LocalDate(iso: "2026-11-01")
        #expect(InsatsPlanning.bipWarnings([late], catalogue: catalogue, on: today).contains(.followUpOverdue(code: "PRA", due: LocalDate(iso: "2026-11-01")!)))
        let rom = episode("RoM", start: "2025-12-10")
        #expect(InsatsPlanning.bipWarnings([rom], catalogue: catalogue, on: today).contains { if case .maxLengthNear("RoM", _) = $0 { return true } else { return false } })
    }

    @Test func theTeamsOwnCoachingDoesNotMeetTheJobFocusOnItsOwn() {
        let kjc = episode("KJC", start: "2026-10-01")
        #expect(InsatsPlanning.bipWarnings([kjc], catalogue: catalogue, on: today).contains(.noJobFocused))
        #expect(catalogue["APR"]?.jobFocused == true, "arbetsprövning / arbetsförberedelse is in the default catalogue")
    }
}

@Suite struct MeetingRulesTests {
    let team = Dictionary(
        uniqueKeysWithValues: [
            TeamMember(id: .init("m1"), name: "Anna Lind", profession: .arbetsformedlare, login: "anna"),
            TeamMember(id: .init("m2"), name: "Kim Sund", profession: .jobbcoach, login: "kim"),
        ].map { ($0.id, $0) })

    func errors(_ d: MeetingDraft) -> FieldErrors<MeetingField> {
        guard case .failure(let e) = MeetingRules.validate(d, team: team) else { return FieldErrors() }
        return e
    }

    @Test func aMeetingWithMembersCountsTheirProfessions() throws {
        let valid = try MeetingRules.validate(
            MeetingDraft(date: "2026-11-25", time: "9:30", lengthMinutes: "45", kind: .uppfoljning, members: [.init("m2")]),
            team: team
        ).get()
        #expect(valid.time == TimeOfDay(hour: 9, minute: 30))
        #expect(valid.professions == [.jobbcoach])
    }

    @Test(arguments: ["0", "481", "-10", "en timme"]) func aLengthOf0OrOver8HoursIsRefused(length: String) {
        #expect(errors(MeetingDraft(date: "2026-11-25", time: "10:00", lengthMinutes: length, kind: .sip))[.lengthMinutes] != nil)
    }

    @Test(arguments: ["25:61", "24:00", "9", "10.30"]) func aTimeThatDoesNotExistIsRefused(time: String) {
        #expect(errors(MeetingDraft(date: "2026-11-25", time: time, kind: .sip))[.time]?.contains("ogiltig tid") == true)
    }

    @Test func anInterpreterNeedsALanguage() {
        #expect(errors(MeetingDraft(date: "2026-11-25", time: "10:00", kind: .sip, interpreter: true))[.interpreterLanguage] != nil)
    }

    @Test func bookingAMemberOrTheParticipantTwiceIsFound() {
        func meeting(_ id: String, _ pid: String, _ time: String, members: [String]) -> Meeting {
            Meeting(
                id: .init(id), participantID: .init(pid), date: LocalDate(iso: "2026-11-25")!, time: TimeOfDay(text: time)!,
                durationMinutes: 60, kind: .uppfoljning, professions: [], members: members.map { .init($0) })
        }
        let existing = [meeting("a", "p1", "10:00", members: ["m1"]), meeting("b", "p2", "10:30", members: ["m2"])]
        let new = meeting("c", "p1", "10:45", members: ["m2"])
        let found = MeetingRules.doubleBookings(new, among: existing)
        #expect(found.map(\.who) == [.participant, .member(.init("m2"))])
        #expect(MeetingRules.doubleBookings(meeting("d", "p3", "11:00", members: ["m1"]), among: existing).isEmpty)
        var cancelled = existing[0]
        cancelled.outcome = .installt
        #expect(MeetingRules.doubleBookings(new, among: [cancelled]).isEmpty)
    }

    @Test func anOutcomeIsRecordedOnlyOnceTheMeetingHasTakenPlace() throws {
        let m = Meeting(
            id: .init("a"), participantID: .init("p1"), date: LocalDate(iso: "2026-11-30")!, time: TimeOfDay(hour: 10, minute: 0)!,
            kind: .sip, professions: [])
        let today = LocalDate(iso: "2026-11-23")!
        #expect(throws: RuleViolation.self) { try MeetingRules.record(m, outcome: .uteblev, note: "", today: today).get() }
        #expect(try MeetingRules.record(m, outcome: .installt, note: "Sjuk", today: today).get().outcomeNote == "Sjuk")
    }
}
