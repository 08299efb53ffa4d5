import TerminalUI
import TerminalUITesting
import Testing

@Suite struct TableTests {
    let columns = [
        TableColumn("Namn", .flexible(min: 8)),
        TableColumn("Personnr", .fixed(13)),
        TableColumn("Ins", .fixed(3), alignRight: true),
    ]
    let people = [
        ["Åsa Öberg", "19850101-1234", "2"],
        ["作者 Li", "19900202-2345", "0"],
        [reneCombining + " Ångström-Lindqvist", "19751231-3456", "12"],
        ["Örjan Ek", "19600606-4567", "1"],
    ]

    func table(selection: Int? = nil, offset: Int = 0, rowRole: @escaping (Int) -> Role = { _ in .normal }) -> Table {
        Table(
            columns: columns, rowCount: people.count, selection: selection, scrollOffset: offset,
            cell: { row, column in people[row][column] }, rowRole: rowRole)
    }

    @Test func drawsAHeaderAndRowsInAlignedColumns() {
        var buffer = Buffer(size: Size(width: 36, height: 6))
        table().render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            Namn               Personnr      Ins
            Åsa Öberg          19850101-1234   2
            作者 Li            19900202-2345   0
            René Ångström-Lin… 19751231-3456  12
            Örjan Ek           19600606-4567   1
            """)
        #expect(roleRuns(buffer, row: 0) == "0..35 header")
    }

    @Test func theSelectedRowIsHighlightedAcrossTheFullWidth() {
        var buffer = Buffer(size: Size(width: 36, height: 6))
        table(selection: 1, rowRole: { $0 == 3 ? .tagged : .normal }).render(in: Rect(size: buffer.size), into: &buffer)
        #expect(roleRuns(buffer, row: 1) == "0..35 normal")
        #expect(roleRuns(buffer, row: 2) == "0..35 selection")
        #expect(roleRuns(buffer, row: 4) == "0..35 tagged")
        #expect(roleRuns(buffer, row: 5) == "0..35 normal")
    }

    @Test func rowsScrollUnderAFixedHeader() {
        var buffer = Buffer(size: Size(width: 36, height: 3))
        table(selection: 2, offset: 1).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            Namn               Personnr      Ins
            作者 Li            19900202-2345   0
            René Ångström-Lin… 19751231-3456  12
            """)
        #expect(roleRuns(buffer, row: 2) == "0..35 selection")
    }

    @Test func onlyVisibleRowsAreAskedForTheirText() {
        var asked: Set<Int> = []
        let big = Table(
            columns: columns, rowCount: 10_000, selection: 500, scrollOffset: 498,
            cell: { row, _ in
                asked.insert(row)
                return "Rad \(row)"
            })
        var buffer = Buffer(size: Size(width: 36, height: 5))
        big.render(in: Rect(size: buffer.size), into: &buffer)
        #expect(asked == [498, 499, 500, 501])
        #expect(buffer.lines()[3].hasPrefix("Rad 500"))
    }

    @Test func rowsBelowTheLastOneAreCleared() {
        var buffer = Buffer(size: Size(width: 36, height: 8))
        buffer.fill(Rect(size: buffer.size), role: .warning)
        buffer.write(String(repeating: "x", count: 36), at: Point(x: 0, y: 7))
        table().render(in: Rect(size: buffer.size), into: &buffer)
        #expect(buffer.lines()[5...] == ["", "", ""])
        #expect(roleRuns(buffer, row: 7) == "0..35 normal")
    }

    @Test func flexibleColumnsShareTheWidthLeftByFixedOnes() {
        let widths = Table.columnWidths(
            [TableColumn("A", .flexible(min: 5)), TableColumn("B", .fixed(10)), TableColumn("C", .flexible(min: 5))],
            totalWidth: 40)
        #expect(widths == [14, 10, 14])
        let odd = Table.columnWidths(
            [TableColumn("A", .flexible(min: 5)), TableColumn("B", .fixed(10)), TableColumn("C", .flexible(min: 5))],
            totalWidth: 41)
        #expect(odd == [15, 10, 14])
    }

    @Test func withoutRoomColumnsOnTheRightShrinkFirst() {
        #expect(Table.columnWidths(columns, totalWidth: 26) == [8, 13, 3])
        #expect(Table.columnWidths(columns, totalWidth: 20) == [8, 10, 0])
        #expect(Table.columnWidths(columns, totalWidth: 0) == [0, 0, 0])
    }

    @Test func theHeaderTakesOneRowFromThePage() {
        #expect(Table.visibleRowCount(in: Rect(x: 0, y: 1, width: 80, height: 21)) == 20)
        #expect(Table.visibleRowCount(in: Rect(x: 0, y: 0, width: 80, height: 0)) == 0)
    }
}

@Suite struct ScrollOffsetTests {
    @Test func aVisibleSelectionDoesNotScroll() {
        #expect(Table.scrollOffset(selection: 12, offset: 10, visibleRows: 5, rowCount: 100) == 10)
    }

    @Test func movingAboveTheTopScrollsUpToTheSelection() {
        #expect(Table.scrollOffset(selection: 9, offset: 10, visibleRows: 5, rowCount: 100) == 9)
        #expect(Table.scrollOffset(selection: 0, offset: 10, visibleRows: 5, rowCount: 100) == 0)
    }

    @Test func movingBelowTheBottomScrollsJustEnough() {
        #expect(Table.scrollOffset(selection: 15, offset: 10, visibleRows: 5, rowCount: 100) == 11)
        #expect(Table.scrollOffset(selection: 99, offset: 0, visibleRows: 5, rowCount: 100) == 95)
    }

    @Test func aPageDownPutsTheSelectionOnTheLastVisibleRow() {
        #expect(Table.scrollOffset(selection: 14 + 5, offset: 10, visibleRows: 5, rowCount: 100) == 15)
    }

    @Test func theOffsetShrinksWhenRowsDisappear() {
        #expect(Table.scrollOffset(selection: 2, offset: 40, visibleRows: 5, rowCount: 8) == 2)
        #expect(Table.scrollOffset(selection: 7, offset: 40, visibleRows: 5, rowCount: 8) == 3)
        #expect(Table.scrollOffset(selection: 1, offset: 3, visibleRows: 5, rowCount: 3) == 0)
    }

    @Test func anEmptyListOrPageHasOffsetZero() {
        #expect(Table.scrollOffset(selection: 0, offset: 7, visibleRows: 5, rowCount: 0) == 0)
        #expect(Table.scrollOffset(selection: 3, offset: 7, visibleRows: 0, rowCount: 10) == 0)
    }
}
