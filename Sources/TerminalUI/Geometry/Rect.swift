/// An area of the screen that a widget draws into. Layout is done by splitting rects, as a pure function
/// of the terminal size, so `update` and `view` agree on what is visible.
///
/// Splits and insets clamp instead of going negative: a too-small screen gives empty rects, never a crash.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The whole screen of that size, starting at the top left.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// The column just right of the rect.
    public var maxX: Int { x + width }
    /// The row just below the rect.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var size: Size { Size(width: width, height: height) }

    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The rect shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: max(0, width - 2 * n), height: max(0, height - 2 * n))
    }

    /// The one-row rect at `y + i`; empty when row `i` lies outside the rect.
    public func row(_ i: Int) -> Rect {
        Rect(x: x, y: y + i, width: width, height: (0..<max(0, height)).contains(i) ? 1 : 0)
    }

    /// The first `h` rows, and the rows below them.
    public func splitTop(_ h: Int) -> (top: Rect, rest: Rect) {
        let h = clamp(h, 0, max(0, height))
        return (
            Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: max(0, height) - h)
        )
    }

    /// The last `h` rows, and the rows above them.
    public func splitBottom(_ h: Int) -> (rest: Rect, bottom: Rect) {
        let h = clamp(h, 0, max(0, height))
        let restHeight = max(0, height) - h
        return (
            Rect(x: x, y: y, width: width, height: restHeight), Rect(x: x, y: y + restHeight, width: width, height: h)
        )
    }

    /// The first `w` columns, and the columns right of them.
    public func splitLeft(_ w: Int) -> (left: Rect, rest: Rect) {
        let w = clamp(w, 0, max(0, width))
        return (
            Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: max(0, width) - w, height: height)
        )
    }

    /// The last `w` columns, and the columns left of them.
    public func splitRight(_ w: Int) -> (rest: Rect, right: Rect) {
        let w = clamp(w, 0, max(0, width))
        let restWidth = max(0, width) - w
        return (
            Rect(x: x, y: y, width: restWidth, height: height), Rect(x: x + restWidth, y: y, width: w, height: height)
        )
    }

    /// A rect of the given size centred in this one, shrunk to fit when it is larger.
    public func centered(width: Int, height: Int) -> Rect {
        let w = clamp(width, 0, max(0, self.width))
        let h = clamp(height, 0, max(0, self.height))
        return Rect(x: x + (max(0, self.width) - w) / 2, y: y + (max(0, self.height) - h) / 2, width: w, height: h)
    }

    /// The overlap of two rects; empty (zero-sized) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(maxX, other.maxX)
        let bottom = Swift.min(maxY, other.maxY)
        return Rect(x: left, y: top, width: Swift.max(0, right - left), height: Swift.max(0, bottom - top))
    }
}

private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
    min(max(value, low), high)
}
