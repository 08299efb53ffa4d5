import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// The Insatser tab's timeline, the team timeline and the insats form, as a person sees them.
@Suite struct TimelineScreenTests {
    /// Åsa Öberg with RoM running, Arbetspraktik planned from 2026-12-07 and SFI ended.
    static var record: ParticipantRecord {
        var r = Fixture.records[0]
        var pra = Fixture.episode("p1", "PRA", start: "2026-12-07", end: "2027-03-05")
        pra.status = .planerad
        pra.start = nil
        pra.plannedStart = Fixture.date("2026-12-07")
        pra.extentPercent = 50
        var sfi = Fixture.episode("p1", "SFI", start: "2026-09-01", end: "2026-11-06")
        sfi.status = .avslutad
        sfi.end = Fixture.date("2026-11-06")
        sfi.endReason = .genomford
        r.episodes += [pra, sfi]
        return r
    }

    func insatserTab() -> AppState {
        var s = Fixture.state()
        var caseload = Fixture.caseload
        caseload.replace(Self.record)
        _ = update(&s, .caseload(.loaded(caseload)))
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Self.record))))
        s.press("3")
        return s
    }

    @Test func theInsatserTabDrawsEachEpisodeOverIsoWeeksWithTodayMarked() {
        let s = insatserTab()
        assertScreen(
            view(s).buffer,
            """
             Deltagare · Åsa Öberg · 800101-XXXX                  v. 48 · 2026-11-23 · anna
             1 Översikt │ 2 Kartläggni… │ 3 Insatser │ 4 Möten │ 5 Anteckning… │ 6 Samtycke
             Insatser (n ny, e ändra, a starta/avsluta; [ ] flyttar tidslinjen, . idag)

                                    ▼
               v.      44 45 46 47 48 49 50 51 52 53 01 02 03 04 05 06 07 08 09 10 11 12
               J RoM   ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██
               J PRA                     ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░ ░░
                 SFI   ▒▒ ▒▒
                 alla  █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J
               █ pågår  ░ planerad  ▒ avslutad  × avbruten  · glapp  J jobbinriktad  ▼ idag

               J pågår     2026-10-05 – 2027-04-04   Rusta och matcha
               J planerad  2026-12-07 – 2027-03-05   Arbetspraktik
                   50 %
                 avslutad  2026-09-01 – 2026-11-06   Svenska för invandrare
                   orsak: genomförd





             Insatser · rad 1–15 av 15
            n Ny  e Öppna/ändra  a Åtgärd  E Ändra  x Avslut  Tab Nästa flik  ? Hjälp
            """)
    }

    @Test func bracketsMoveTheTimelineFourWeeksAndDotComesBack() {
        var s = insatserTab()
        s.press("]")
        #expect(s.screenText.contains("   v.      48 49 50 51"))
        s.press(".")
        #expect(s.screenText.contains("   v.      44 45 46 47"))
    }

    @Test func theTeamTimelineShowsEveryoneInTheListWithTheirFlags() {
        var s = Fixture.state()
        var caseload = Fixture.caseload
        caseload.replace(Self.record)
        _ = update(&s, .caseload(.loaded(caseload)))
        s.press("t")
        assertScreen(
            view(s).buffer,
            """
             Tidslinje · 5 deltagare i listans urval              v. 48 · 2026-11-23 · anna
                                                     ▼
             Deltagare                  44 45 46 47 48 49 50 51 52 53 01 02 03 04 05 06 07
             Andersson, Erik      IJ                ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ··
             Nguyen 作者, Lan     IJ                ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ··
             Yılmaz, Zeynep       J     ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██ ██
             Ängström, Jörgen     IJ                ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· ··
             Öberg, Åsa                 █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J █J













             █ pågår  ░ planerad  ▒ avslutad  × avbruten  · glapp  J jobbinriktad  ▼ idag
             1 av 5
            Enter Öppna  [ Tidigare  ] Senare  . Denna vecka  Esc Tillbaka  ? Hjälp
            """)
        // Enter opens the participant on the Insatser tab.
        s.press("G")
        #expect(s.press("<Enter>") == [.participant(.openRecord(.init("p1")))])
        #expect(s.openParticipant?.tab == .insatser)
        // q goes back from the participant and from the timeline; it never quits from there.
        s.press("q", "q")
        #expect(!s.shouldQuit)
        #expect(s.stack.isEmpty)
    }

    @Test func eOnTheSelectedEpisodeOpensItInTheForm() {
        var s = insatserTab()
        s.press("j", "e")
        assertScreen(
            view(s).buffer,
            """
             Ändra insats · Åsa Öberg                             v. 48 · 2026-11-23 · anna
              Insats             PRA Arbetspraktik · AF (arbetsgivare) · jobbinriktad
            ▸ Status *           (•) planerad  ( ) pågår  ( ) avbruten  ( ) avslutad
              Planerad start     2026-12-07
              Startade           ÅÅÅÅ-MM-DD
              Planerat slut      2027-03-05
              Slutade            ÅÅÅÅ-MM-DD
              Avslutsorsak       (•) –  ( ) genomförd  ( ) arbete  ( ) studier  ( ) ohälsa
                                 ( ) deltagaren avbröt  ( ) anordnaren avbröt
                                 ( ) byte till annan insats  ( ) flytt  ( ) annat
              Omfattning %       50
              Anordnare
              Kontaktperson
              Beslutad av        (•) –  ( ) Arbetsförmedlingen  ( ) Kommunen, socialtjänst
                                 ( ) Kommunen, Jobbtorg  ( ) Försäkringskassan  ( ) Regionen
                                 ( ) Samordningsförbundet
              Beslutsdatum       ÅÅÅÅ-MM-DD
              Nästa uppföljning  ÅÅÅÅ-MM-DD
              Anteckning


            planerad → pågår → avslutad eller avbruten
             Oförändrat
            Ctrl-s Spara  Esc Avbryt  ←→ Space Välj  Tab Fält  F1 Hjälp
            """)
    }
}
