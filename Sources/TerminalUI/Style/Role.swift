/// What a piece of text is for on screen. Widgets and screens ask for a role, never for a colour; the
/// `Theme` decides how each role looks, so `NO_COLOR` and colour-poor terminals only change the theme.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal, title, header, selection, tagged, muted, warning, error, ok, key, hint, status, border, search, dialog
}
