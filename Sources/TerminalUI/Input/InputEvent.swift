/// Everything the backend can report to the loop.
public enum InputEvent: Hashable, Sendable {
    case key(KeyChord)
    /// The terminal changed size; the new size is included.
    case resize(Size)
    /// Ctrl-C or SIGINT. The loop decides what it means; typed work is never dropped because of it.
    case interrupt
    /// SIGHUP or SIGTERM: the terminal is gone or the program was asked to stop. Save drafts and exit.
    case hangup
}
