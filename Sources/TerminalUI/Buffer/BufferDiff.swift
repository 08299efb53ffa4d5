/// What the backend must write to turn the previous frame into the new one: horizontal runs of changed
/// cells, each in one role, so the backend sets the style once and writes the text once per run.
///
/// Because only changed cells are listed, a test can check that a key changed only the rows it should.
public struct BufferDiff: Hashable, Sendable {
    /// Changed cells on one row, all in one role. `text` holds the graphemes (a wide character appears
    /// once and always whole); `width` is the columns the run covers.
    public struct Run: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var text: String
        public var role: Role
        public var width: Int

        public init(x: Int, y: Int, text: String, role: Role, width: Int) {
            self.x = x
            self.y = y
            self.text = text
            self.role = role
            self.width = width
        }
    }

    public var runs: [Run]
    /// True when the backend should clear the screen first: there was no previous frame or its size differed.
    public var isFullRepaint: Bool
    /// Cells covered by the runs.
    public var changedCellCount: Int

    public init(runs: [Run], isFullRepaint: Bool, changedCellCount: Int) {
        self.runs = runs
        self.isFullRepaint = isFullRepaint
        self.changedCellCount = changedCellCount
    }

    /// Nothing to draw.
    public var isEmpty: Bool { runs.isEmpty }

    /// Runs over the cells of `buffer` that `changed` reports; every cell when `changed` is nil.
    init(buffer: Buffer, changed: ((Int, Int) -> Bool)?) {
        let width = buffer.size.width
        var runs: [Run] = []
        var count = 0
        var marked = [Bool](repeating: false, count: width)
        for y in 0..<buffer.size.height {
            for x in 0..<width { marked[x] = changed?(x, y) ?? true }
            // A wide character is written whole: if either of its halves changed, both are part of the run.
            for x in 0..<width where marked[x] {
                let cell = buffer[x, y]
                if cell.width == 2, x + 1 < width { marked[x + 1] = true }
                if cell.isContinuation, x > 0 { marked[x - 1] = true }
            }
            var x = 0
            while x < width {
                guard marked[x] else {
                    x += 1
                    continue
                }
                let role = buffer[x, y].role
                var run = Run(x: x, y: y, text: "", role: role, width: 0)
                while x < width, marked[x] {
                    let cell = buffer[x, y]
                    if !cell.isContinuation {
                        if cell.role != role { break }
                        run.text.append(cell.grapheme)
                    }
                    run.width += 1
                    x += 1
                }
                count += run.width
                runs.append(run)
            }
        }
        self.init(runs: runs, isFullRepaint: changed == nil, changedCellCount: count)
    }
}
