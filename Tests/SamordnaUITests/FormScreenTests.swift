import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// The generic form screen as a person sees it: asking before typed work is dropped, saving, a failed save
/// and a colleague's conflict, pinned as text.
@Suite struct FormScreenTests {
    /// The note form on Åsa Öberg, with `text` typed.
    func noteForm(typed text: String) -> AppState {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("5", "n")
        s.type(text)
        return s
    }

    @Test func escOnATypedFormAsksAndNoStaysWithTheText() {
        var s = noteForm(typed: "Ringde om praktiken")
        s.press("<Esc>")
        assertScreen(
            view(s).buffer,
            """
             Ny anteckning · Åsa Öberg                            v. 48 · 2026-11-23 · anna
              Uppgifter om *  ( ) identitet/kontakt  (•) inskrivning & planering AF
                              ( ) ekonomiskt bistånd  ( ) utbildning/arbete
                              ( ) hälsa/vårdkontakt  ( ) sjukskrivning/FK-ärende
                              ( ) missbruk  ( ) social situation/boende
            ▸ Anteckning *    Ringde om praktiken



                                  ┌─ Lämna anteckningen? ───────────┐
                                  │ Det du har fyllt i sparas inte. │
                                  │                                 │
                                  │     [Stanna kvar]  [Lämna]      │
                                  └─────────────────────────────────┘







            skriv behov, inte diagnoser
             19 av högst 10000 tecken
            Ctrl-s Spara  Esc Avbryt  Enter Ny rad  F1 Hjälp
            """)
        s.press("<Enter>")  // the default is to stay
        #expect(s.screenText.contains("Ringde om praktiken"))
        #expect(!s.screenText.contains("Lämna anteckningen?"))
    }

    @Test func savingShowsInTheStatusRowAndKeysWait() {
        var s = noteForm(typed: "Ringde om praktiken")
        #expect(s.press("<C-s>").count == 1)
        assertScreen(
            view(s).buffer,
            """
             Ny anteckning · Åsa Öberg                            v. 48 · 2026-11-23 · anna
              Uppgifter om *  ( ) identitet/kontakt  (•) inskrivning & planering AF
                              ( ) ekonomiskt bistånd  ( ) utbildning/arbete
                              ( ) hälsa/vårdkontakt  ( ) sjukskrivning/FK-ärende
                              ( ) missbruk  ( ) social situation/boende
            ▸ Anteckning *    Ringde om praktiken















            skriv behov, inte diagnoser
             19 av högst 10000 tecken · Sparar …
            Ctrl-s Spara  Esc Avbryt  Enter Ny rad  F1 Hjälp
            """)
        #expect(s.press("<C-s>").isEmpty, "a second save waits for the first")
        s.type("x")
        #expect(!s.screenText.contains("praktikenx"), "keys wait while saving")
    }

    @Test func aFailedSaveKeepsTheTextAndSaysWhy() {
        var s = noteForm(typed: "Ringde om praktiken")
        s.press("<C-s>")
        _ = update(&s, .note(.failed(.store("disken är full"))))
        assertScreen(
            view(s).buffer,
            """
             Ny anteckning · Åsa Öberg                            v. 48 · 2026-11-23 · anna
              Uppgifter om *  ( ) identitet/kontakt  (•) inskrivning & planering AF
                              ( ) ekonomiskt bistånd  ( ) utbildning/arbete
                              ( ) hälsa/vårdkontakt  ( ) sjukskrivning/FK-ärende
                              ( ) missbruk  ( ) social situation/boende
            ▸ Anteckning *    Ringde om praktiken















            skriv behov, inte diagnoser
             19 av högst 10000 tecken  Kunde inte spara: disken är full. Texten finns kvar.
            Ctrl-s Spara  Esc Avbryt  Enter Ny rad  F1 Hjälp
            """)
        // Leaving now asks: the text was never saved.
        s.press("<Esc>")
        #expect(s.screenText.contains("Lämna anteckningen?"))
    }

    @Test func aColleaguesSaveShowsTheConflictOverTheForm() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "E", "<Tab>", "<Tab>")
        s.type("x")
        s.press("<C-s>")
        var theirs = Fixture.records[0].participant
        theirs.phone = "070-999 99 99"
        theirs.version = 2
        _ = update(&s, .participant(.saveFailed(.conflict(current: theirs))))
        assertScreen(
            view(s).buffer,
            """
             Ändra deltagare                                      v. 48 · 2026-11-23 · anna
              Identitetstyp *             (•) personnummer  ( ) samordningsnummer
                                          ( ) reservnummer  ( ) annan
              Identitet (nummer) *        800101-9804
              Förnamn *                   Åsa
            ▸ Efternamn *                 Öbergx
              Tilltalsnamn
              Kön (självuppgivet) *       (•) kvinna  ( ) man  ( ) icke-binär
                ┌─ En kollega har ändrat deltagaren ──────────────────────────────────┐
              Sk│ Åsa Öberg sparades av någon annan medan du skrev.                   │
              Te│ Kollegan ändrade: telefon                                           │
              E-│ Du ändrade: efternamn                                               │
              Ad│ Behåll mina sparar bara dina ändringar; kollegans övriga står kvar. │
              Sp│                                                                     │
              Be│                  [L]äs om  [B]ehåll mina  [A]vbryt                  │
              To└─────────────────────────────────────────────────────────────────────┘
              Inskriven AF sedan          ÅÅÅÅ-MM-DD
              Försörjningsstöd sedan      ÅÅÅÅ-MM-DD
              Status *                    (•) aktiv  ( ) vilande
              Aktualiserad                2026-10-01
              Ansvarig arbetsförmedlare   ( ) ingen  (•) Anna Lind                         ↓

             Ej sparat
            Ctrl-s Spara  Esc Avbryt  Tab Fält  F1 Hjälp
            """)
    }
}
