/// Maps every `Role` to a concrete `Style`. `standard` uses colour; `monochrome` uses only bold, reverse,
/// underline and dim, for `NO_COLOR` and terminals without colour (as htop's monochrome scheme does).
///
/// Colour is never the only signal (docs/domain-rules.md, The terminal): the monochrome theme tells every role that matters
/// (selection, warning, error, header) apart by attributes alone.
public struct Theme: Sendable {
    private var styles: [Role: Style]

    /// A theme from explicit styles; roles left out look plain.
    public init(styles: [Role: Style]) {
        self.styles = styles
    }

    public func style(for role: Role) -> Style {
        styles[role] ?? .plain
    }

    public static let standard = Theme(styles: [
        .normal: Style(),
        .title: Style(foreground: .cyan, bold: true),
        .header: Style(bold: true, underline: true),
        .selection: Style(foreground: .black, background: .cyan),
        .tagged: Style(foreground: .yellow, bold: true),
        .muted: Style(dim: true),
        .warning: Style(foreground: .yellow, bold: true),
        .error: Style(foreground: .red, bold: true),
        .ok: Style(foreground: .green),
        .key: Style(foreground: .cyan, bold: true),
        .hint: Style(),
        .status: Style(foreground: .black, background: .white),
        .border: Style(foreground: .blue),
        .search: Style(foreground: .yellow, underline: true),
        .dialog: Style(foreground: .white, background: .blue),
    ])

    public static let monochrome = Theme(styles: [
        .normal: Style(),
        .title: Style(bold: true),
        .header: Style(bold: true, underline: true),
        .selection: Style(reverse: true),
        .tagged: Style(bold: true),
        .muted: Style(dim: true),
        .warning: Style(bold: true),
        .error: Style(bold: true, underline: true),
        .ok: Style(),
        .key: Style(bold: true),
        .hint: Style(),
        .status: Style(reverse: true),
        .border: Style(),
        .search: Style(underline: true),
        .dialog: Style(),
    ])
}
