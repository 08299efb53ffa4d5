import TerminalUI
import TerminalUITesting
import Testing

@Suite struct DialogTests {
    @Test func aDialogIsACentredBoxAroundItsLines() {
        var buffer = Buffer(size: Size(width: 40, height: 7))
        Dialog(title: "Avsluta", lines: ["Osparade ändringar för", "Åsa Öberg. Avsluta ändå?", "", "[N]ej  [J]a"])
            .render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
                  ┌─ Avsluta ────────────────┐
                  │ Osparade ändringar för   │
                  │ Åsa Öberg. Avsluta ändå? │
                  │                          │
                  │ [N]ej  [J]a              │
                  └──────────────────────────┘
            """)
        #expect(roleRuns(buffer, row: 0) == "0..5 normal, 6..33 dialog, 34..39 normal")
    }

    @Test func aDialogOnASmallScreenCutsItsLines() {
        var buffer = Buffer(size: Size(width: 16, height: 4))
        Dialog(title: "Fel", lines: ["Kunde inte spara deltagaren", "Försök igen"])
            .render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            ┌─ Fel ────────┐
            │ Kunde inte … │
            │ Försök igen  │
            └──────────────┘
            """)
    }
}
