import TerminalUI

/// A terminal for tests: events come from a queue the test fills, and every drawn diff is applied to
/// `screen`, so a test can check that the diffs reproduce the frame and count what each key redrew.
public final class TextBackend: TerminalBackend {
    public var size: Size
    /// What a terminal would show after every `draw` so far.
    public private(set) var screen: Buffer
    public private(set) var cursor: Point?
    public private(set) var drawCount = 0
    /// Cells written by all draws together.
    public private(set) var cellsWritten = 0
    public private(set) var lastDiff: BufferDiff?
    public private(set) var isSuspended = false
    public private(set) var suspendCount = 0
    public private(set) var resumeCount = 0
    private var queue: [InputEvent] = []

    public init(size: Size = Size(width: 80, height: 24)) {
        self.size = size
        screen = Buffer(size: size)
    }

    /// Adds events that `nextEvent` hands out in order.
    public func enqueue(_ events: [InputEvent]) {
        queue.append(contentsOf: events)
    }

    /// Key presses in keymap notation (`"j"`, `"<Enter>"`); notation that does not parse is a test bug.
    public func enqueue(keys: [String]) {
        for notation in keys {
            guard let chord = KeyChord(parsing: notation) else {
                preconditionFailure("TextBackend.enqueue(keys:): cannot parse key \(notation)")
            }
            queue.append(.key(chord))
        }
    }

    /// Changes the size as a user resizing the window would, and queues the `.resize` event.
    public func resize(to newSize: Size) {
        size = newSize
        queue.append(.resize(newSize))
    }

    /// Events not handed out yet.
    public var pendingEvents: [InputEvent] { queue }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        queue.isEmpty ? nil : queue.removeFirst()
    }

    public func draw(_ diff: BufferDiff, cursor: Point?) {
        if diff.isFullRepaint || screen.size != size { screen = Buffer(size: size) }
        for run in diff.runs {
            var x = run.x
            for grapheme in run.text {
                let cell = Cell(grapheme, role: run.role)
                screen[x, run.y] = cell
                x += cell.width
            }
        }
        cellsWritten += diff.changedCellCount
        drawCount += 1
        lastDiff = diff
        self.cursor = cursor
    }

    public func suspend() {
        isSuspended = true
        suspendCount += 1
    }

    public func resume() {
        isSuspended = false
        resumeCount += 1
    }
}
