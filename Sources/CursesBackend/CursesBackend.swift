@preconcurrency import CNcursesw
import Foundation
import TerminalUI

/// Why the terminal UI cannot start. Each says what to do instead.
public enum TerminalStartError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unusableTerm(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "samordna: terminalgränssnittet kräver en terminal (stdin/stdout är ingen tty); "
                + "använd t.ex. 'samordna participant list' i skript"
        case .unusableTerm(let term):
            return "samordna: terminaltypen TERM='\(term)' går inte att använda; "
                + "sätt t.ex. TERM=xterm-256color"
        }
    }
}

/// The only code that talks to ncurses: set-up and tear-down, keys to `InputEvent`, and writing the runs of
/// a `BufferDiff`. No layout and no keymap live here.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: Theme
    private var attributes: [Role: attr_t] = [:]
    private var isActive = true
    /// When the first frame had been handed to the terminal (`CLOCK_MONOTONIC`, ns), 0 before; for the
    /// start-up trace (`SAMORDNA_TRACE_START`).
    public private(set) var firstFrameWritten: UInt64 = 0

    /// Opens the terminal. Refuses (without drawing anything) when stdin/stdout is not a terminal or the
    /// terminal type is unknown; the caller prints the reason and exits 1.
    /// Checks, without drawing or changing anything, that the UI can run here: stdin and stdout are a
    /// terminal and TERM names a terminal type this machine knows.
    public static func checkTerminal(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalStartError.notATerminal
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalStartError.unusableTerm(term) }
        var err: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &err) == OK else {
            throw TerminalStartError.unusableTerm(term)
        }
    }

    public init(environment: [String: String]) throws {
        try Self.checkTerminal(environment: environment)
        let term = environment["TERM"] ?? ""

        // ncurses needs a UTF-8 locale to draw åäö; sv_SE is seldom generated, C.UTF-8 always is.
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) }
        if chosen == nil || !(chosen!.uppercased().contains("UTF-8") || chosen!.uppercased().contains("UTF8")) {
            setlocale(LC_ALL, "C.UTF-8")
        }

        guard let out = fdopen(STDOUT_FILENO, "w"), let inp = fdopen(STDIN_FILENO, "r"),
            let scr = newterm(term, out, inp)
        else {
            throw TerminalStartError.unusableTerm(term)
        }
        screen = scr
        window = tui_stdscr()
        theme = environment["NO_COLOR"].map { _ in Theme.monochrome } ?? Theme.standard

        raw()  // Ctrl-C, Ctrl-S, Ctrl-Z reach the program as keys: typed work is never lost to them
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        tui_install_signal_handlers()
        setUpColours(useColour: environment["NO_COLOR"] == nil)
        wclear(window)
    }

    deinit { shutdown() }

    /// Restores the terminal. Safe to call more than once; every exit path calls it.
    public func shutdown() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        if let s = signalEvent() { return s }
        if let timeout {
            let ms = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            wtimeout(window, Int32(clamping: max(0, ms)))
        } else {
            wtimeout(window, -1)
        }
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if let s = signalEvent() { return s }
        switch rc {
        case KEY_CODE_YES:
            return functionKey(Int32(ch))
        case OK:
            return characterKey(UInt32(ch))
        default:
            return nil
        }
    }

    private func signalEvent() -> InputEvent? {
        switch tui_take_signal() {
        case 0: return nil
        case SIGINT: return .interrupt
        default: return .hangup
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        let key: Key
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_HOME: key = .home
        case KEY_END: key = .end
        case KEY_PPAGE: key = .pageUp
        case KEY_NPAGE: key = .pageDown
        case KEY_ENTER: key = .enter
        case KEY_BTAB: key = .backTab
        case KEY_BACKSPACE: key = .backspace
        case KEY_DC: key = .delete
        case KEY_IC: key = .insert
        case KEY_F0 + 1...KEY_F0 + 24: key = .function(Int(code - KEY_F0))
        default: return nil
        }
        return .key(KeyChord(key))
    }

    private func characterKey(_ value: UInt32) -> InputEvent? {
        switch value {
        case 27:
            // Alt-x arrives as ESC followed at once by x; a lone ESC is Escape.
            wtimeout(window, 0)
            var next: wint_t = 0
            if wget_wch(window, &next) == OK, next >= 32, next != 127, let s = Unicode.Scalar(UInt32(next)) {
                return .key(KeyChord(.character(Character(s)), alt: true))
            }
            return .key(KeyChord(.escape))
        case 13, 10: return .key(KeyChord(.enter))
        case 9: return .key(KeyChord(.tab))
        case 127, 8: return .key(KeyChord(.backspace))
        case 3: return .interrupt
        case 0: return .key(KeyChord(.character(" "), control: true))
        case 1...26:
            let letter = Character(Unicode.Scalar(value + 96)!)
            return .key(KeyChord(.character(letter), control: true))
        default:
            guard value >= 32, let s = Unicode.Scalar(value) else { return nil }
            return .key(KeyChord(.character(Character(s))))
        }
    }

    public func draw(_ diff: BufferDiff, cursor: Point?) {
        if diff.isFullRepaint { werase(window) }
        for run in diff.runs {
            wattrset(window, Int32(bitPattern: attributes[run.role] ?? tui_A_NORMAL()))
            var wide = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            mvwaddwstr(window, Int32(run.y), Int32(run.x), wide)
        }
        wattrset(window, Int32(bitPattern: tui_A_NORMAL()))
        if let cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        if firstFrameWritten == 0 {
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            firstFrameWritten = UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
        }
    }

    public func suspend() {
        def_prog_mode()
        endwin()
    }

    public func resume() {
        reset_prog_mode()
        wclear(window)
        wrefresh(window)
    }

    private func setUpColours(useColour: Bool) {
        var pairs: [Role: Int16] = [:]
        if useColour && has_colors() {
            start_color()
            use_default_colors()
            var next: Int16 = 1
            for role in Role.allCases {
                let style = theme.style(for: role)
                if style.foreground != .terminalDefault || style.background != .terminalDefault {
                    init_pair(next, colour(style.foreground), colour(style.background))
                    pairs[role] = next
                    next += 1
                }
            }
        }
        for role in Role.allCases {
            let style = theme.style(for: role)
            var attr = tui_A_NORMAL()
            if style.bold { attr |= tui_A_BOLD() }
            if style.underline { attr |= tui_A_UNDERLINE() }
            if style.reverse { attr |= tui_A_REVERSE() }
            if style.dim { attr |= tui_A_DIM() }
            if let p = pairs[role] { attr |= tui_COLOR_PAIR(Int32(p)) }
            attributes[role] = attr
        }
    }

    private func colour(_ c: Color) -> Int16 {
        switch c {
        case .terminalDefault: return -1
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }
}
