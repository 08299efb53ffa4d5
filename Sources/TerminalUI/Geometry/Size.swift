/// The size of a screen or an area on it, in terminal columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `80x24`, the form snapshot files use on their first line.
    public var description: String { "\(width)x\(height)" }
}
