import TerminalUI
import Testing

@Suite struct SanitizeTests {
    @Test func anEscapeSequenceLosesItsEscapeAndShowsAsText() {
        #expect(Sanitize.line("\u{1B}[31mröd") == "\u{FFFD}[31mröd")
    }

    @Test func storedTextCannotPutAnEscapeIntoTheBuffer() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.write("\u{1B}[31mröd\u{1B}]0;titel\u{07}", at: Point(x: 0, y: 0))
        let scalars = buffer.lines().joined().unicodeScalars
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(buffer.lines()[0] == "�[31mröd�]0;titel�")
    }

    @Test func c1ControlsAndDeleteAreReplaced() {
        #expect(Sanitize.line("a\u{9B}31mb\u{7F}c\u{0}") == "a�31mb�c�")
    }

    @Test func lineBreaksShowAsAReturnSymbolAndTabsAsSpaces() {
        #expect(Sanitize.line("rad 1\nrad 2\r\nrad 3\rslut") == "rad 1⏎rad 2⏎rad 3⏎slut")
        #expect(Sanitize.line("namn\tpersonnr") == "namn personnr")
    }

    @Test func printableTextIsKeptAsItIs() {
        let text = "\(reneCombining) 作者 😀 åäö ÅÄÖ – “citat”"
        #expect(Sanitize.line(text) == text)
        #expect(Sanitize.line(text).unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}

/// Stored bidi controls and invisible characters (written by another tool) show as "�" on screen, so a
/// name can neither read backwards nor hide a character.
@Suite struct SanitizeInvisibleTests {
    @Test func bidiControlsAndZeroWidthCharactersShowAsReplacementCharacters() {
        #expect(Sanitize.line("Åsa\u{202E}greb") == "Åsa\u{FFFD}greb")
        #expect(Sanitize.line("\u{2066}a\u{2069}\u{200F}") == "\u{FFFD}a\u{FFFD}\u{FFFD}")
        #expect(Sanitize.line("Å\u{200B}sa\u{FEFF}") == "Å\u{FFFD}sa\u{FFFD}")
        #expect(Sanitize.line("rad\u{2028}två") == "rad⏎två")
        #expect(Sanitize.line("Zoë Nguyễn محمد") == "Zoë Nguyễn محمد")
    }

    @Test func theBufferNeverHoldsAnInvisibleFormatCharacter() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.write("A\u{202E}B\u{200B}C", at: Point(x: 0, y: 0))
        #expect(!buffer.lines().joined().unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(buffer.lines()[0].hasPrefix("A�B�C"))
    }
}
