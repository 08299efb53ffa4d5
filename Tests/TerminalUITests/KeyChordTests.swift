import TerminalUI
import Testing

@Suite struct KeyChordTests {
    static let examples: [(notation: String, chord: KeyChord, shown: String)] = [
        ("j", .char("j"), "j"),
        ("G", .char("G"), "G"),
        ("?", .char("?"), "?"),
        ("/", .char("/"), "/"),
        ("<C-s>", .ctrl("s"), "Ctrl-s"),
        ("<C-u>", .ctrl("u"), "Ctrl-u"),
        ("<Enter>", KeyChord(.enter), "Enter"),
        ("<Esc>", KeyChord(.escape), "Esc"),
        ("<Tab>", KeyChord(.tab), "Tab"),
        ("<S-Tab>", KeyChord(.backTab), "Shift-Tab"),
        ("<Space>", .char(" "), "Space"),
        ("<Up>", KeyChord(.up), "↑"),
        ("<Down>", KeyChord(.down), "↓"),
        ("<Left>", KeyChord(.left), "←"),
        ("<Right>", KeyChord(.right), "→"),
        ("<PgUp>", KeyChord(.pageUp), "PgUp"),
        ("<PgDn>", KeyChord(.pageDown), "PgDn"),
        ("<Home>", KeyChord(.home), "Home"),
        ("<End>", KeyChord(.end), "End"),
        ("<BS>", KeyChord(.backspace), "Backspace"),
        ("<Del>", KeyChord(.delete), "Del"),
        ("<F1>", KeyChord(.function(1)), "F1"),
        ("<F12>", KeyChord(.function(12)), "F12"),
        ("<M-x>", KeyChord(.character("x"), alt: true), "Alt-x"),
        ("<C-M-x>", KeyChord(.character("x"), control: true, alt: true), "Ctrl-Alt-x"),
        ("<lt>", .char("<"), "<"),
        ("ö", .char("ö"), "ö"),
    ]

    @Test(arguments: examples.indices)
    func parsesTheKeymapNotation(index: Int) {
        let example = Self.examples[index]
        #expect(KeyChord(parsing: example.notation) == example.chord)
    }

    @Test(arguments: examples.indices)
    func describesTheChordForHelp(index: Int) {
        let example = Self.examples[index]
        #expect(example.chord.description == example.shown)
    }

    @Test(arguments: examples.indices)
    func notationRoundTrips(index: Int) {
        let chord = Self.examples[index].chord
        #expect(chord.notation == Self.examples[index].notation)
        #expect(KeyChord(parsing: chord.notation) == chord)
    }

    @Test func namesAreCaseInsensitiveAndHaveAliases() {
        #expect(KeyChord(parsing: "<enter>") == KeyChord(.enter))
        #expect(KeyChord(parsing: "<CR>") == KeyChord(.enter))
        #expect(KeyChord(parsing: "<PageDown>") == KeyChord(.pageDown))
        #expect(KeyChord(parsing: "<c-S>") == .ctrl("s"))
    }

    @Test func ctrlLettersAreStoredLowercaseAsTheTerminalSendsThem() {
        #expect(KeyChord.ctrl("S") == KeyChord(.character("s"), control: true))
        #expect(KeyChord(parsing: "<C-S>") == KeyChord(.character("s"), control: true))
    }

    @Test func shiftWithALetterThatHasNoSingleUppercaseKeepsTheLetter() {
        #expect(KeyChord(parsing: "<S-ß>") == .char("ß"))
        #expect(KeyChord(parsing: "<S-ö>") == .char("Ö"))
    }

    @Test(arguments: ["", "jk", "<>", "<Foo>", "<S-Up>", "<F0>", "<F25>", "<X-a>", "Enter", "\u{1B}"])
    func rejectsWhatItCannotRead(notation: String) {
        #expect(KeyChord(parsing: notation) == nil)
    }
}
