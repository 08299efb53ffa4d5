/// A key with its modifiers: what a keymap binds and what help shows. Parsed from the notation used in the
/// default keymap (`j`, `G`, `<C-s>`, `<Enter>`, `<S-Tab>`, `<PgDn>`, `<M-x>`).
///
/// Ctrl-letters are stored as the lowercase letter with `control` set, as the terminal delivers them.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var control: Bool
    public var alt: Bool

    public init(_ key: Key, control: Bool = false, alt: Bool = false) {
        self.key = key
        self.control = control
        self.alt = alt
    }

    /// A plain character key: `.char("j")`, `.char("G")`.
    public static func char(_ c: Character) -> KeyChord { KeyChord(.character(c)) }

    /// Ctrl and a letter: `.ctrl("s")`.
    public static func ctrl(_ c: Character) -> KeyChord {
        KeyChord(.character(c.singleLowercased), control: true)
    }

    /// Parses the keymap notation: a single character (`j`, `G`, `?`, `/`), or a name in angle brackets,
    /// optionally with `C-` (Ctrl), `M-` or `A-` (Alt) and `S-` (Shift, only for `<S-Tab>` and letters):
    /// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Space>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`,
    /// `<PgDn>`, `<Home>`, `<End>`, `<BS>`, `<Del>`, `<Ins>`, `<F1>`…`<F24>`, `<lt>` (for `<`), `<C-s>`,
    /// `<M-x>`. Names are case-insensitive. Returns nil for anything else.
    public init?(parsing notation: String) {
        if notation.count == 1, let c = notation.first {
            guard c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }) else {
                return nil
            }
            self.init(.character(c))
            return
        }
        guard notation.count > 2, notation.first == "<", notation.last == ">" else { return nil }
        var body = Substring(notation.dropFirst().dropLast())
        var control = false
        var alt = false
        var shift = false
        while body.count > 2, let dash = body.dropFirst().firstIndex(of: "-"),
            body.distance(from: body.startIndex, to: dash) == 1
        {
            switch body.first!.lowercased() {
            case "c": control = true
            case "m", "a": alt = true
            case "s": shift = true
            default: return nil
            }
            body = body[body.index(after: dash)...]
        }
        let key: Key
        if body.count == 1, let c = body.first {
            guard c.unicodeScalars.allSatisfy({ $0.value > 0x20 && !(0x7F...0x9F).contains($0.value) }) else {
                return nil
            }
            if control {
                key = .character(c.singleLowercased)
            } else if shift {
                key = .character(c.singleUppercased)
            } else {
                key = .character(c)
            }
            shift = false
        } else if let named = KeyChord.namedKeys[body.lowercased()] {
            key = named
        } else if body.count >= 2, body.first?.lowercased() == "f", let n = Int(body.dropFirst()), (1...24).contains(n)
        {
            key = .function(n)
        } else {
            return nil
        }
        if shift {
            guard key == .tab else { return nil }
            self.init(.backTab, control: control, alt: alt)
        } else {
            self.init(key, control: control, alt: alt)
        }
    }

    /// The chord written in the notation `init(parsing:)` reads, for round trips.
    public var notation: String {
        let name: String
        var bracketed = control || alt
        switch key {
        case .character(" "):
            name = "Space"
            bracketed = true
        case .character("<"):
            name = "lt"
            bracketed = true
        case .character(let c): name = String(c)
        case .up: name = "Up"
        case .down: name = "Down"
        case .left: name = "Left"
        case .right: name = "Right"
        case .home: name = "Home"
        case .end: name = "End"
        case .pageUp: name = "PgUp"
        case .pageDown: name = "PgDn"
        case .enter: name = "Enter"
        case .escape: name = "Esc"
        case .tab: name = "Tab"
        case .backTab: name = "S-Tab"
        case .backspace: name = "BS"
        case .delete: name = "Del"
        case .insert: name = "Ins"
        case .function(let n): name = "F\(n)"
        case .text(let t): name = t
        }
        if case .character = key, !bracketed { return name }
        return "<" + (control ? "C-" : "") + (alt ? "M-" : "") + name + ">"
    }

    /// How help and the hint bar show the chord: `j`, `G`, `Ctrl-s`, `Enter`, `Shift-Tab`, `Space`, `↑`, `PgDn`, `F1`.
    public var description: String {
        let name: String
        switch key {
        case .character(" "): name = "Space"
        case .character(let c): name = String(c)
        case .up: name = "↑"
        case .down: name = "↓"
        case .left: name = "←"
        case .right: name = "→"
        case .home: name = "Home"
        case .end: name = "End"
        case .pageUp: name = "PgUp"
        case .pageDown: name = "PgDn"
        case .enter: name = "Enter"
        case .escape: name = "Esc"
        case .tab: name = "Tab"
        case .backTab: name = "Shift-Tab"
        case .backspace: name = "Backspace"
        case .delete: name = "Del"
        case .insert: name = "Ins"
        case .function(let n): name = "F\(n)"
        case .text(let t): name = t
        }
        return (control ? "Ctrl-" : "") + (alt ? "Alt-" : "") + name
    }

    private static let namedKeys: [String: Key] = [
        "enter": .enter, "cr": .enter, "return": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab,
        "space": .character(" "),
        "lt": .character("<"),
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end,
        "bs": .backspace, "backspace": .backspace,
        "del": .delete, "delete": .delete,
        "ins": .insert, "insert": .insert,
    ]
}

extension Character {
    /// The lowercase form when it is a single character (not for "ß"-like cases that expand), else itself.
    fileprivate var singleLowercased: Character {
        let lower = lowercased()
        return lower.count == 1 ? Character(lower) : self
    }

    fileprivate var singleUppercased: Character {
        let upper = uppercased()
        return upper.count == 1 ? Character(upper) : self
    }
}
