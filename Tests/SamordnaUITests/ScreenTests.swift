import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// Screens rendered to text and compared with what a person would see.
@Suite struct ScreenTests {
    @Test func caseloadAt80x24() {
        let s = Fixture.state()
        assertScreen(
            view(s).buffer,
            """
             Samordna · Deltagarlista                             v. 48 · 2026-11-23 · anna
            Namn                 Personnr      Status       Ansvariga Nästa möte Ins Flaggor
            Andersson, Erik      750315-XXXX   aktiv        – – –                  – IJSK
            Nguyen 作者, Lan     99-123…       aktiv        AL MN –                – PIJSK
            Yılmaz, Zeynep       920729-XXXX   aktualiserad AL MN KS               1 Js
            Ängström, Jörgen     870481-XXXX   vilande      AL MN KS               – IJS
            Öberg, Åsa           800101-XXXX   aktiv        AL MN KS  2026-11-25   1 K















             1 av 5
            Enter Öppna  / Sök  f Filter  s Sortera  Space Markera  n Ny deltagare  ? Hjälp
            """)
    }

    @Test func selectedRowIsDrawnAsSelectionOverTheFullWidth() {
        var s = Fixture.state()
        s.press("j")
        let buffer = view(s).buffer
        #expect(roleRuns(buffer, row: 3) == "0..79 selection")
        #expect(roleRuns(buffer, row: 2) == "0..79 normal")
    }

    @Test func searchShowsTheFieldTheHitsAndTheCursor() {
        var s = Fixture.state()
        s.press("/")
        s.type("ö")
        let frame = view(s)
        let lines = frame.buffer.lines()
        #expect(lines[2].hasPrefix("Ängström, Jörgen"))
        #expect(lines[3].hasPrefix("Öberg, Åsa"))
        #expect(lines[22] == " 1 av 2 (av 5)  Sök: ö")
        #expect(lines[23] == "Enter Behåll sökning  Esc Rensa  ↑↓ Flytta")
        #expect(frame.cursor == Point(x: 22, y: 22))
    }

    @Test func revealShowsFullPersonnummer() {
        var s = Fixture.state()
        s.press("r")
        let lines = view(s).buffer.lines()
        #expect(lines[6].contains("19800101-9804"))
        #expect(lines[22].contains("Fullständiga personnummer visas"))
    }

    @Test func participantOverviewTopOfPage() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        assertScreen(
            view(s).buffer,
            """
             Deltagare · Åsa Öberg · 800101-XXXX                  v. 48 · 2026-11-23 · anna
             1 Översikt │ 2 Kartläggni… │ 3 Insatser │ 4 Möten │ 5 Anteckning… │ 6 Samtycke
             Deltagare
               Namn             Åsa Öberg
               Personnummer     800101-XXXX
               Född             1980-01-01  (46 år)
               Kön              kvinna
               Status           aktiv · aktualiserad 2026-10-01
               Språk            svenska

             Kontakt
               Telefon          070-000 00 00
               E-post           –
               Adress           –

             Ansvariga
               Arbetsförmedlare    Anna Lind
               Socialsekreterare   Mats Nord
               Jobbcoach           Kim Sund

             Samtycke
               Samtycke: AF✓ Soc✓ JT✓ FK– Reg– SF–
             Översikt · rad 1–20 av 30
            E Ändra  x Avslut  Tab Nästa flik  u Ångra  Esc Tillbaka  ? Hjälp
            """)
    }

    @Test func participantOverviewScrollsToInsatserMeetingsAndWarnings() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "G")
        let text = view(s).buffer.text
        #expect(text.contains("J pågår     2026-10-05 – 2027-04-04   Rusta och matcha"))
        #expect(text.contains("ons 2026-11-25 10:00  uppföljning  (AF, JC)"))
        #expect(text.contains("! K  ingen kontakt på 6 veckor"))
        #expect(text.contains("rad 11–30 av 30"))
    }

    @Test func protectedIdentityHidesContactDetails() {
        var s = Fixture.state()
        s.press("j", "<Enter>")
        let text = view(s).buffer.text
        #expect(text.contains("Skyddade personuppgifter: kontaktuppgifter visas inte."))
        #expect(!text.contains("070-"))
    }

    @Test func tooSmallWindowSaysSoInsteadOfDrawing() {
        let s = Fixture.state(width: 70, height: 20)
        assertScreen(
            view(s).buffer,
            """
            Fönstret är för litet.
            Minst 80×24, nu 70×20.
            Förstora fönstret, eller tryck Q för att avsluta.
            """)
    }

    @Test func tinyWindowDoesNotCrash() {
        for (w, h) in [(1, 1), (0, 0), (5, 2), (79, 24), (80, 23)] {
            var s = Fixture.state(width: w, height: h)
            s.press("j", "<Enter>", "?")
            _ = view(s)
        }
    }

    @Test func resizingToAWiderWindowShowsMeetingTimes() {
        var s = Fixture.state()
        _ = update(&s, .resized(Size(width: 120, height: 30)))
        let line = view(s).buffer.lines()[6]
        #expect(line.contains("2026-11-25 10:00"))
    }

    @Test func storedControlCharactersAreShownInert() {
        var caseload = Fixture.caseload
        var first = caseload.records[0]
        first.participant.firstName = "Åsa\u{1B}[2J\u{07}"
        caseload.replace(first)
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "anna")
        _ = update(&s, .caseload(.loaded(caseload)))
        let buffer = view(s).buffer
        #expect(!buffer.text.contains("\u{1B}"))
        #expect(!buffer.text.contains("\u{07}"))
        #expect(buffer.text.contains("Öberg, Åsa�[2J�"))
    }

    @Test func helpOverlayIsGeneratedFromTheKeymap() {
        var s = Fixture.state()
        s.press("?")
        let lines = view(s).buffer.lines()
        #expect(lines[1].contains("Hjälp – tangenter"))
        #expect(lines.contains { $0.contains("j ↓          Ned – nästa rad") })
        #expect(lines.contains { $0.contains("/            Sök – sök på namn eller personnummer") })
        s.press("G")
        #expect(view(s).buffer.lines().contains { $0.contains("q Q          Avsluta – avsluta Samordna") })
        #expect(view(s).buffer.text.contains("ingen jobbinriktad insats"), "the flag legend is reachable")
    }

    @Test func emptyCaseloadSaysHowToStart() {
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "anna")
        _ = update(&s, .caseload(.loaded(.empty)))
        #expect(view(s).buffer.lines()[3].contains("Inga deltagare ännu"))
    }
}
