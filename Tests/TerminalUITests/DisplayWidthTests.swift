import TerminalUI
import Testing

/// "René" with the accent as its own scalar: e + U+0301 COMBINING ACUTE ACCENT.
let reneCombining = "Ren\u{65}\u{301}"

@Suite struct DisplayWidthTests {
    @Test func swedishLettersTakeOneColumnEach() {
        #expect(DisplayWidth.of("åäö") == 3)
        #expect(DisplayWidth.of("ÅÄÖ") == 3)
    }

    @Test func aCombiningAccentTakesNoColumnOfItsOwn() {
        #expect(reneCombining.unicodeScalars.count == 5)
        #expect(reneCombining.count == 4)
        #expect(DisplayWidth.of(reneCombining) == 4)
        #expect(DisplayWidth.of(Character("\u{65}\u{301}")) == 1)
    }

    @Test func chineseCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("作者") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth forms
    }

    @Test func emojiTakeTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👩\u{200D}💻") == 2)  // joined by a zero-width joiner: one grapheme
        #expect(DisplayWidth.of("🇸🇪") == 2)
    }

    @Test func theEmojiPresentationSelectorMakesASymbolWide() {
        #expect(DisplayWidth.of("\u{2764}") == 1)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)
    }

    @Test func zeroWidthCharactersOnTheirOwnTakeNothing() {
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    }

    @Test func shortTextIsNotTruncated() {
        #expect(DisplayWidth.truncate("Åsa", to: 3) == "Åsa")
    }

    @Test func truncationEndsWithAnEllipsisInTheLastColumn() {
        #expect(DisplayWidth.truncate("Örjan Åkesson", to: 6) == "Örjan…")
        #expect(DisplayWidth.truncate("Örjan Åkesson", to: 6, ellipsis: false) == "Örjan ")
        #expect(DisplayWidth.truncate("Åsa", to: 1) == "…")
        #expect(DisplayWidth.truncate("Åsa", to: 0) == "")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        let cut = DisplayWidth.truncate("作者作者", to: 4)
        #expect(cut == "作…")
        #expect(DisplayWidth.of(cut) == 3)
        #expect(DisplayWidth.truncate("作者", to: 3, ellipsis: false) == "作")
    }

    @Test func truncationKeepsACombiningAccentWithItsLetter() {
        let cut = DisplayWidth.truncate(reneCombining + " Åberg", to: 5)
        #expect(cut == reneCombining + "…")
        #expect(cut.unicodeScalars.contains("\u{301}"))
    }

    @Test func paddingFillsToExactlyTheWidth() {
        #expect(DisplayWidth.pad("作者", to: 6) == "作者  ")
        #expect(DisplayWidth.pad(reneCombining, to: 6) == reneCombining + "  ")
        #expect(DisplayWidth.pad("42", to: 5, alignRight: true) == "   42")
        #expect(DisplayWidth.pad("åäöåäö", to: 4) == "åäö…")
        #expect(DisplayWidth.of(DisplayWidth.pad("作者作者", to: 4)) == 4)
    }
}
