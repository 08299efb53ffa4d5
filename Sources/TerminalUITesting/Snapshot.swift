import Foundation
import TerminalUI
import Testing

/// Compares `buffer` with the file `__Snapshots__/<TestFile>/<named>.txt` next to the test file. The
/// file's first line is the size (`80x24`), then one line per row with trailing spaces trimmed.
///
/// When the file is missing, or `SAMORDNA_RECORD_SNAPSHOTS=1` is set, the file is written and the test
/// fails with "recorded new baseline", so a fresh recording never passes unseen: run again to compare.
public func assertSnapshot(
    _ buffer: Buffer, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: filePath)
    let url = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
        .appendingPathComponent(name + ".txt")
    let recorded = snapshotText(buffer)
    let recording = ProcessInfo.processInfo.environment["SAMORDNA_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try recorded.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded new baseline: \(url.path); check it and run the test again", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    var expected = stored.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let size = expected.isEmpty ? "" : expected.removeFirst()
    if size != buffer.size.description {
        Issue.record("Snapshot \(name) is \(size), the screen is \(buffer.size)", sourceLocation: sourceLocation)
        return
    }
    let wanted = normalisedLines(expected)
    let actual = normalisedLines(buffer.lines())
    guard wanted != actual else { return }
    Issue.record(
        Comment(
            rawValue: "Snapshot \(name) differs (-expected +actual); SAMORDNA_RECORD_SNAPSHOTS=1 re-records it:\n"
                + lineDiff(expected: wanted, actual: actual)),
        sourceLocation: sourceLocation)
}

/// The file form of a snapshot: size line, then the rows.
func snapshotText(_ buffer: Buffer) -> String {
    ([buffer.size.description] + buffer.lines()).joined(separator: "\n") + "\n"
}
