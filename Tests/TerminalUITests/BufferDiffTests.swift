import TerminalUI
import TerminalUITesting
import Testing

@Suite struct BufferDiffTests {
    let size = Size(width: 20, height: 5)

    func caseload(_ names: [String]) -> Buffer {
        var buffer = Buffer(size: size)
        buffer.write("Deltagare", at: Point(x: 0, y: 0), role: .title)
        for (i, name) in names.enumerated() { buffer.write(name, at: Point(x: 0, y: i + 1)) }
        return buffer
    }

    @Test func anUnchangedFrameNeedsNoDrawing() {
        let frame = caseload(["Åsa", "作者"])
        let diff = frame.diff(from: frame)
        #expect(diff.runs.isEmpty)
        #expect(diff.changedCellCount == 0)
        #expect(!diff.isFullRepaint)
    }

    @Test func changingOneRowDrawsOnlyTheChangedCellsOfThatRow() {
        let before = caseload(["Anna Berg", "Åsa Öberg", "Li 作者"])
        let after = caseload(["Anna Berg", "Åsa Ödberg", "Li 作者"])
        let diff = after.diff(from: before)
        #expect(diff.runs == [BufferDiff.Run(x: 5, y: 2, text: "dberg", role: .normal, width: 5)])
        #expect(diff.changedCellCount == 5)
        #expect(!diff.isFullRepaint)
    }

    @Test func runsSplitWhereTheRoleChanges() {
        let before = caseload(["Anna", "Åsa"])
        var after = before
        after.restyle(Rect(x: 0, y: 1, width: 20, height: 1), role: .selection)
        after.restyle(Rect(x: 0, y: 1, width: 2, height: 1), role: .tagged)
        let diff = after.diff(from: before)
        #expect(diff.runs.map(\.role) == [.tagged, .selection])
        #expect(diff.runs.map(\.width) == [2, 18])
        #expect(diff.runs.allSatisfy { $0.y == 1 })
    }

    @Test func aChangedWideCharacterIsWrittenWhole() {
        let before = caseload(["Li 作者"])
        let after = caseload(["Li 作家"])
        let diff = after.diff(from: before)
        #expect(diff.runs == [BufferDiff.Run(x: 5, y: 1, text: "家", role: .normal, width: 2)])
    }

    @Test func aWideCharacterReplacedByNarrowOnesRewritesBothColumns() {
        let before = caseload(["作者"])
        let after = caseload(["ab者"])
        #expect(after.diff(from: before).runs == [BufferDiff.Run(x: 0, y: 1, text: "ab", role: .normal, width: 2)])
    }

    @Test func theFirstFrameIsAFullRepaint() {
        let diff = caseload(["Åsa"]).diff(from: nil)
        #expect(diff.isFullRepaint)
        #expect(diff.changedCellCount == 100)
        #expect(diff.runs.count == 6)  // "Deltagare" (title) + the rest of row 0, then one run per row
    }

    @Test func aSizeChangeIsAFullRepaint() {
        let before = Buffer(size: Size(width: 10, height: 3))
        let after = Buffer(size: Size(width: 12, height: 3))
        let diff = after.diff(from: before)
        #expect(diff.isFullRepaint)
        #expect(diff.changedCellCount == 36)
    }

    @Test func applyingEachDiffToATextBackendReproducesTheFrame() {
        let backend = TextBackend(size: size)
        let frames = [
            caseload(["Anna Berg", "Åsa Öberg", "Li 作者"]),
            caseload(["Anna Berg", "Åsa Ödberg", "Li 作者"]),
            caseload(["作者 Li", "Åsa", reneCombining, "😀 Ola"]),
            caseload(["x作者 Li", "Åsa", "\u{1B}[31mRené", "Ola"]),
            caseload([]),
        ]
        var previous: Buffer?
        for frame in frames {
            backend.draw(frame.diff(from: previous), cursor: nil)
            #expect(backend.screen == frame)
            previous = frame
        }
        #expect(backend.drawCount == frames.count)
    }

    @Test func oneChangedRowWritesOnlyThatRowToTheBackend() {
        let backend = TextBackend(size: size)
        let first = caseload(["Anna", "Åsa", "Ola"])
        backend.draw(first.diff(from: nil), cursor: nil)
        var second = first
        second.restyle(Rect(x: 0, y: 2, width: 20, height: 1), role: .selection)
        backend.draw(second.diff(from: first), cursor: Point(x: 0, y: 2))
        #expect(backend.lastDiff?.changedCellCount == 20)
        #expect(Set(backend.lastDiff?.runs.map(\.y) ?? []) == [2])
        #expect(backend.cellsWritten == 100 + 20)
        #expect(backend.screen == second)
        #expect(backend.cursor == Point(x: 0, y: 2))
    }
}
