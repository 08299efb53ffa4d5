import TerminalUI

public typealias AppKeymap = Keymap<Command, KeyContext>

/// The default bindings (docs/user-guide.md lists them). Every key a screen reacts to as a command is here,
/// the form keys included, so help and the hint bars are generated from the same table.
public enum DefaultKeymap {
    static let table: [(KeyContext, String, Command)] = [
        (.global, "j", .moveDown), (.global, "<Down>", .moveDown),
        (.global, "k", .moveUp), (.global, "<Up>", .moveUp),
        (.global, "<PgDn>", .pageDown), (.global, "<C-d>", .pageDown),
        (.global, "<PgUp>", .pageUp), (.global, "<C-u>", .pageUp),
        (.global, "g", .first), (.global, "<Home>", .first),
        (.global, "G", .last), (.global, "<End>", .last),
        (.global, "<Esc>", .back), (.global, "q", .back),
        (.global, "Q", .quit),
        (.global, "?", .help),
        (.caseload, "<Enter>", .open),
        (.caseload, "q", .quit),
        (.caseload, "/", .search),
        (.caseload, "r", .toggleIdentity),
        (.caseload, "n", .newParticipant),
        (.caseload, "f", .filter),
        (.caseload, "s", .sort),
        (.caseload, "<Space>", .tag),
        (.caseload, "a", .actOnTagged),
        (.caseload, "u", .undo),
        (.caseload, "t", .teamTimeline),
        (.caseload, "v", .weekView),
        (.week, "[", .earlier), (.week, "]", .later), (.week, ".", .thisWeek),
        (.week, "m", .toggleMine), (.week, "x", .export),
        (.participant, "a", .actOnItem),
        (.participant, "[", .earlier), (.participant, "]", .later), (.participant, ".", .thisWeek),
        (.participant, "u", .undo),
        (.participant, "e", .editItem),
        (.participant, "x", .exitParticipant),
        (.participant, "c", .compare),
        (.participant, "p", .print),
        (.document, "p", .print),
        (.kartlaggning, "<C-n>", .nextSection), (.kartlaggning, "<C-p>", .previousSection),
        (.participant, "E", .editParticipant),
        (.participant, "n", .newItem),
        (.participant, "<Tab>", .nextTab), (.participant, "<S-Tab>", .previousTab),
        (.participant, "1", .tab1), (.participant, "2", .tab2), (.participant, "3", .tab3),
        (.participant, "4", .tab4), (.participant, "5", .tab5), (.participant, "6", .tab6),
        (.form, "<C-s>", .save),
        (.form, "<Esc>", .cancel),
        (.form, "<Tab>", .nextField), (.form, "<S-Tab>", .previousField),
        (.form, "<F1>", .help),
        (.participant, "r", .toggleIdentity),
        (.help, "?", .back),
    ]

    public static func make() -> AppKeymap {
        var map = AppKeymap()
        for (context, chord, command) in table {
            guard let parsed = KeyChord(parsing: chord) else { preconditionFailure("bad default key \(chord)") }
            map.bind(parsed, to: command, in: context)
        }
        return map
    }
}
