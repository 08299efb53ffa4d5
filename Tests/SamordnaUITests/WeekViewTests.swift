import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// The veckolista in the terminal: built from Core's `WeekList`, moved between weeks and Min/Teamets vecka
/// by effects, and a line opens its participant on the right tab.
@Suite struct WeekViewTests {
    static func list(_ week: IsoWeek, mine: Bool = false, today: LocalDate = Fixture.today) -> WeekList {
        WeekList(
            week: week, today: today, team: [Fixture.anna, Fixture.mats, Fixture.kim],
            catalogue: DefaultInsatsCatalogue.all, reader: mine ? .mine(Fixture.anna) : .team(Fixture.anna),
            records: Fixture.records, protectedPolicy: .onlyForResponsible)
    }

    func opened() -> AppState {
        var s = Fixture.state()
        #expect(s.press("v") == [.week(.load(IsoWeek(year: 2026, week: 48)!, mine: false))])
        _ = update(&s, .week(.loaded(Self.list(IsoWeek(year: 2026, week: 48)!))))
        return s
    }

    @Test func theWeekShowsItsMeetingsByDayAndItsSections() {
        let s = opened()
        let text = s.screenText
        #expect(text.contains("Teamets vecka · v. 48 · 2026-11-23 – 2026-11-29"))
        #expect(text.contains(" ons 2026-11-25"))
        #expect(text.contains("10:00  Öberg, Åsa"))
        #expect(text.contains("Utan pågående insats"))
        #expect(text.contains("Andersson, Erik"))
    }

    @Test func bracketsAndDotMoveBetweenWeeksAndMSwitchesToMinVecka() {
        var s = opened()
        #expect(s.press("]") == [.week(.load(IsoWeek(year: 2026, week: 49)!, mine: false))])
        #expect(s.press("[", "[") == [
            .week(.load(IsoWeek(year: 2026, week: 48)!, mine: false)), .week(.load(IsoWeek(year: 2026, week: 47)!, mine: false)),
        ])
        #expect(s.press(".") == [.week(.load(IsoWeek(year: 2026, week: 48)!, mine: false))])
        #expect(s.press("m") == [.week(.load(IsoWeek(year: 2026, week: 48)!, mine: true))])
        _ = update(&s, .week(.loaded(Self.list(IsoWeek(year: 2026, week: 48)!, mine: true))))
        #expect(s.screenText.contains("Min vecka · v. 48"))
    }

    /// A member of an arbetslag reads their lag's week: the title is the lag's name; Min vecka names none.
    @Test func aLagsWeekNamesTheLagInTheTitle() {
        var s = Fixture.state()
        _ = s.press("v")
        var anna = Fixture.anna
        anna.unit = "Lag 2"
        let week = IsoWeek(year: 2026, week: 48)!
        let lag = WeekList(
            week: week, today: Fixture.today, team: [anna, Fixture.mats, Fixture.kim], catalogue: DefaultInsatsCatalogue.all,
            reader: .team(anna), records: Fixture.records, protectedPolicy: .onlyForResponsible)
        _ = update(&s, .week(.loaded(lag)))
        #expect(s.screenText.contains(" Lag 2 · v. 48 · 2026-11-23 – 2026-11-29"))
        _ = s.press("m")
        let mine = WeekList(
            week: week, today: Fixture.today, team: [anna, Fixture.mats, Fixture.kim], catalogue: DefaultInsatsCatalogue.all,
            reader: .mine(anna), records: Fixture.records, protectedPolicy: .onlyForResponsible)
        _ = update(&s, .week(.loaded(mine)))
        #expect(s.screenText.contains("Min vecka · v. 48"))
        #expect(!s.screenText.contains("Lag 2"))
    }

    @Test func enterOpensTheParticipantOfTheLineOnItsTab() {
        var s = opened()
        #expect(s.press("<Enter>") == [.participant(.openRecord(.init("p1")))])
        #expect(s.openParticipant?.tab == .moten)
    }

    @Test func xAsksForAFormatAndExportsThatWeek() {
        var s = opened()
        s.press("x")
        #expect(s.screenText.contains("CSV för Excel"))
        s.type("ical")
        #expect(s.press("<Enter>") == [.week(.export(IsoWeek(year: 2026, week: 48)!, mine: false, format: .ics))])
        _ = update(&s, .week(.exported(path: "/data/exporter/veckolista-2026-W48.ics")))
        #expect(s.status == "Exporterad: /data/exporter/veckolista-2026-W48.ics")
    }

    @Test func aColleaguesChangeReadsTheOpenWeekAgain() {
        var s = opened()
        let effects = update(&s, .caseload(.changed(CaseloadPatch(records: [Fixture.records[1]]))))
        #expect(effects.contains(.week(.load(IsoWeek(year: 2026, week: 48)!, mine: false))))
        // The week stays on screen, marked, until the new reading arrives.
        #expect(s.screenText.contains("Öberg, Åsa"))
        #expect(s.screenText.contains("uppdateras …"))
        _ = update(&s, .week(.loaded(Self.list(IsoWeek(year: 2026, week: 48)!))))
        #expect(!s.screenText.contains("uppdateras …"))
    }

    /// Another week shows "Läser veckan …", never the week before under the new title; a week that cannot be
    /// read says why instead of reading for ever, and a failure for a week paged past says nothing.
    @Test func aWeekBeingReadOrFailedSaysSo() {
        var s = opened()
        s.press("]")
        #expect(s.screenText.contains("Teamets vecka · v. 49"))
        #expect(s.screenText.contains("Läser veckan …"))
        #expect(!s.screenText.contains("Öberg, Åsa"))
        _ = update(&s, .week(.failed("databasen är låst", week: IsoWeek(year: 2026, week: 48)!, mine: false)))
        #expect(s.screenText.contains("Läser veckan …"))
        #expect(s.status == nil || !s.status!.contains("låst"))
        _ = update(&s, .week(.failed("databasen är låst", week: IsoWeek(year: 2026, week: 49)!, mine: false)))
        #expect(!s.screenText.contains("Läser veckan …"))
        #expect(s.screenText.contains("Kunde inte läsa veckan: databasen är låst"))
        // `.` reads again.
        s.press(".")
        #expect(s.screenText.contains("Läser veckan …"))
        #expect(!s.screenText.contains("Kunde inte läsa veckan"))
    }

    /// A refresh that fails leaves the week on screen marked "kunde inte uppdateras" on the status row, also
    /// once the status message is gone, until a reading arrives.
    @Test func aFailedRefreshKeepsTheWeekMarked() {
        var s = opened()
        let w48 = IsoWeek(year: 2026, week: 48)!
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [Fixture.records[1]]))))
        _ = update(&s, .week(.failed("databasen är låst", week: w48, mine: false)))
        s.status = nil
        #expect(s.screenText.contains("Öberg, Åsa"))
        #expect(s.screenText.contains("kunde inte uppdateras"))
        #expect(!s.screenText.contains("uppdateras …"))
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [Fixture.records[1]]))))
        #expect(s.screenText.contains("uppdateras …"))
        #expect(!s.screenText.contains("kunde inte uppdateras"))
        _ = update(&s, .week(.loaded(Self.list(w48))))
        #expect(!s.screenText.contains("uppdateras"))
    }

    /// After a week could not be read, a colleague's change tries again: "Läser veckan …", not the error
    /// beside "uppdateras …".
    @Test func aChangeAfterAFailedReadReadsTheWeekAgain() {
        var s = opened()
        let w49 = IsoWeek(year: 2026, week: 49)!
        s.press("]")
        _ = update(&s, .week(.failed("databasen är låst", week: w49, mine: false)))
        s.status = nil
        let effects = update(&s, .caseload(.changed(CaseloadPatch(records: [Fixture.records[1]]))))
        #expect(effects.contains(.week(.load(w49, mine: false))))
        #expect(s.screenText.contains("Läser veckan …"))
        #expect(!s.screenText.contains("Kunde inte läsa veckan"))
        #expect(!s.screenText.contains("uppdateras"))
    }

    /// The week is judged on today (follow-ups due, consents ending): a new day reads it again, and a list
    /// read for the day before is not shown.
    @Test func aNewDayReadsTheOpenWeekAgain() {
        var s = opened()
        let w48 = IsoWeek(year: 2026, week: 48)!
        let tomorrow = Fixture.today.adding(days: 1)
        #expect(update(&s, .dayChanged(tomorrow)) == [.week(.load(w48, mine: false))])
        #expect(s.screenText.contains("uppdateras …"))
        _ = update(&s, .week(.loaded(Self.list(w48))))
        #expect(s.screenText.contains("uppdateras …"), "read for the day before")
        _ = update(&s, .week(.loaded(Self.list(w48, today: tomorrow))))
        #expect(!s.screenText.contains("uppdateras"))
        guard case .weekView(let v)? = s.stack.last else {
            Issue.record("no week view")
            return
        }
        #expect(v.list?.today == tomorrow)
    }
}
