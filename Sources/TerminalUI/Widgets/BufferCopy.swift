extension Buffer {
    /// Copies `rows` of `source` here, its first row at `origin`: how a widget that draws its whole content
    /// off screen (a scrolled form) shows the part that fits. Wide characters are copied whole.
    mutating func copyRows(_ rows: Range<Int>, of source: Buffer, to origin: Point) {
        for (i, y) in rows.enumerated() {
            for x in 0..<source.size.width where !source[x, y].isContinuation {
                self[origin.x + x, origin.y + i] = source[x, y]
            }
        }
    }
}
