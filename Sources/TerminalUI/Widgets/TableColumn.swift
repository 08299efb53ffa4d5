/// One column of a `Table`: its header text, how wide it is, and whether its cells align right (numbers).
public struct TableColumn: Sendable {
    /// How a column's width is decided when the table is laid out.
    public enum Width: Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min` columns; flexible columns share whatever width the fixed ones leave.
        case flexible(min: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool

    public init(_ title: String, _ width: Width, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}
