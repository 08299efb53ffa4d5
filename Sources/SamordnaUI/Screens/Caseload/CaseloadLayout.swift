import TerminalUI

/// Where the caseload screen's parts go for a given size. Shared by `update` (page size, keeping the
/// selection visible) and `view` (drawing), so paging never disagrees with what is drawn.
public struct CaseloadLayout: Equatable, Sendable {
    public var title: Rect
    public var table: Rect
    public var status: Rect
    public var hints: Rect

    public init(_ size: Size) {
        let full = Rect(size: size)
        let (title, rest) = full.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        let (table, status) = middle.splitBottom(1)
        self.title = title
        self.table = table
        self.status = status
        self.hints = hints
    }

    /// Data rows that fit under the table header.
    public var visibleRows: Int { max(1, Table.visibleRowCount(in: table)) }

    public var columns: [TableColumn] {
        let wide = table.width >= 100
        return [
            TableColumn("Namn", .flexible(min: 14)),
            TableColumn("Personnr", .fixed(13)),
            TableColumn("Status", .fixed(12)),
            TableColumn("Ansvariga", .fixed(9)),
            TableColumn("Nästa möte", .fixed(wide ? 16 : 10)),
            TableColumn("Ins", .fixed(3), alignRight: true),
            TableColumn("Flaggor", .fixed(7)),
        ]
    }
}
