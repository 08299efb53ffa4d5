/// The terminal as the run loop sees it: a size, a stream of input events and a place to draw frame
/// differences. `CursesBackend` implements it over ncurses; `TextBackend` (in TerminalUITesting) over a
/// `Buffer`, so the whole loop runs in tests without a terminal.
///
/// Backends do no layout and no text measurement; everything they draw was measured by `TerminalUI`.
public protocol TerminalBackend: AnyObject {
    /// The current terminal size in columns and rows.
    var size: Size { get }
    /// The next event, waiting at most `timeout` (forever when nil); nil when the timeout passes without input.
    func nextEvent(timeout: Duration?) -> InputEvent?
    /// Writes the changed runs (clearing first when `diff.isFullRepaint`) and shows the cursor at
    /// `cursor`, or hides it when nil.
    func draw(_ diff: BufferDiff, cursor: Point?)
    /// Gives the terminal back, e.g. while an external editor runs.
    func suspend()
    /// Takes the terminal again after `suspend`; the caller then draws a full repaint.
    func resume()
}
