/// Which key runs which command, per context. Keymaps are data: the default table, help and the hint bars
/// all read the same value, so they never disagree (tig's keys table).
///
/// Lookup walks the contexts in the order given, e.g. `[textEntry, caseload, global]`, and the first
/// context that binds the chord wins, as tig falls back to its generic keymap.
public struct Keymap<Command: Hashable & Sendable, Context: Hashable & Sendable>: Sendable, Equatable {
    public var bindings: [Context: [KeyChord: Command]]
    /// The order chords were bound in, per context, so help lists keys in the order the table gives them.
    private var order: [Context: [KeyChord]] = [:]

    public init() {
        bindings = [:]
    }

    /// Binds `chord` to `command` in `context`, replacing what the chord did there before.
    public mutating func bind(_ chord: KeyChord, to command: Command, in context: Context) {
        if bindings[context]?[chord] == nil { order[context, default: []].append(chord) }
        bindings[context, default: [:]][chord] = command
    }

    /// Removes the chord from `context`; lookups then fall through to the next context.
    public mutating func unbind(_ chord: KeyChord, in context: Context) {
        bindings[context]?[chord] = nil
        order[context]?.removeAll { $0 == chord }
    }

    /// The command for `chord` in the first of `contexts` that binds it.
    public func command(for chord: KeyChord, in contexts: [Context]) -> Command? {
        for context in contexts {
            if let command = bindings[context]?[chord] { return command }
        }
        return nil
    }

    /// Every chord that runs `command` when these contexts are active, in the order they were bound.
    /// A chord that an earlier context binds to something else is left out: it would not run `command`.
    public func chords(for command: Command, in contexts: [Context]) -> [KeyChord] {
        var result: [KeyChord] = []
        for context in contexts {
            for chord in orderedChords(in: context)
            where bindings[context]?[chord] == command && !result.contains(chord)
                && self.command(for: chord, in: contexts) == command
            {
                result.append(chord)
            }
        }
        return result
    }

    /// The chords bound in `context`: bound order first, then any set directly through `bindings`.
    private func orderedChords(in context: Context) -> [KeyChord] {
        let bound = bindings[context] ?? [:]
        let known = (order[context] ?? []).filter { bound[$0] != nil }
        let others = bound.keys.filter { !known.contains($0) }.sorted { $0.notation < $1.notation }
        return known + others
    }
}
