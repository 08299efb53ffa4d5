import TerminalUI
import Testing

@Suite struct KeymapTests {
    enum Context: Hashable, Sendable { case global, list, form }
    enum Command: Hashable, Sendable { case moveDown, back, quit, search, save, insertQ }

    var keymap: Keymap<Command, Context> = {
        var map = Keymap<Command, Context>()
        map.bind(.char("j"), to: .moveDown, in: .global)
        map.bind(KeyChord(.down), to: .moveDown, in: .global)
        map.bind(KeyChord(.escape), to: .back, in: .global)
        map.bind(.char("q"), to: .back, in: .global)
        map.bind(.char("Q"), to: .quit, in: .global)
        map.bind(.char("/"), to: .search, in: .list)
        map.bind(.ctrl("s"), to: .save, in: .form)
        map.bind(.char("q"), to: .insertQ, in: .form)
        return map
    }()

    @Test func aScreenContextFallsBackToGlobal() {
        #expect(keymap.command(for: .char("j"), in: [.list, .global]) == .moveDown)
        #expect(keymap.command(for: .char("/"), in: [.list, .global]) == .search)
        #expect(keymap.command(for: .char("/"), in: [.form, .global]) == nil)
    }

    @Test func theFirstContextThatBindsTheChordWins() {
        #expect(keymap.command(for: .char("q"), in: [.form, .global]) == .insertQ)
        #expect(keymap.command(for: .char("q"), in: [.list, .global]) == .back)
    }

    @Test func unbindingLetsTheNextContextAnswer() {
        var map = keymap
        map.unbind(.char("q"), in: .form)
        #expect(map.command(for: .char("q"), in: [.form, .global]) == .back)
        map.unbind(.char("q"), in: .global)
        #expect(map.command(for: .char("q"), in: [.form, .global]) == nil)
        #expect(map.chords(for: .back, in: [.global]) == [KeyChord(.escape)])
    }

    @Test func rebindingAChordReplacesItsCommand() {
        var map = keymap
        map.bind(.char("j"), to: .search, in: .global)
        #expect(map.command(for: .char("j"), in: [.global]) == .search)
        #expect(map.chords(for: .moveDown, in: [.global]) == [KeyChord(.down)])
    }

    @Test func chordsForACommandComeInTheOrderTheyWereBound() {
        #expect(keymap.chords(for: .moveDown, in: [.list, .global]) == [.char("j"), KeyChord(.down)])
        #expect(keymap.chords(for: .back, in: [.list, .global]) == [KeyChord(.escape), .char("q")])
    }

    @Test func chordsShadowedByAnEarlierContextAreNotListed() {
        #expect(keymap.chords(for: .back, in: [.form, .global]) == [KeyChord(.escape)])
        #expect(keymap.chords(for: .insertQ, in: [.form, .global]) == [.char("q")])
    }
}
