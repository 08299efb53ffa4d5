/// One terminal cell: a grapheme (never a byte or a code point), the columns it takes, and its role.
///
/// A wide character (`作`) takes two cells: the first holds the grapheme with width 2, the second is a
/// continuation cell with width 0 that only reserves the column. `Buffer` keeps the pair together.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    /// 1 or 2 for a cell that shows a grapheme; 0 for the continuation column of a wide character.
    public var width: Int
    public var role: Role

    public init(grapheme: Character, width: Int, role: Role = .normal) {
        self.grapheme = grapheme
        self.width = width
        self.role = role
    }

    /// A cell for `grapheme`, with its width measured by `DisplayWidth`.
    public init(_ grapheme: Character, role: Role = .normal) {
        self.init(grapheme: grapheme, width: min(2, max(1, DisplayWidth.of(grapheme))), role: role)
    }

    /// An empty cell in the normal role.
    public static let blank = Cell(grapheme: " ", width: 1, role: .normal)

    /// The second column of a wide character drawn in `role`.
    public static func continuation(role: Role) -> Cell {
        Cell(grapheme: " ", width: 0, role: role)
    }

    public var isContinuation: Bool { width == 0 }
}
