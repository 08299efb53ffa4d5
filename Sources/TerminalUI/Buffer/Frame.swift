/// What `view` hands to the runtime: the screen's cells and where the text cursor should show, if anywhere
/// (a focused text field); `nil` hides the cursor.
public struct Frame: Sendable {
    public var buffer: Buffer
    public var cursor: Point?

    public init(buffer: Buffer, cursor: Point? = nil) {
        self.buffer = buffer
        self.cursor = cursor
    }
}
