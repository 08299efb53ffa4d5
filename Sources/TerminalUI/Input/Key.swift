/// A key as the terminal reports it, without modifiers. Letters, digits, punctuation and the space bar
/// arrive as `.character`; `Shift` is part of the character (`G`, `?`), except for `.backTab`.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// Several characters that arrived at once (a paste, or keys typed faster than a frame), delivered
    /// together only where text is being typed, so a long paste is one edit instead of thousands.
    case text(String)
}
