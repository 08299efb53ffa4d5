import Foundation
import TerminalUI
import TerminalUITesting
import Testing

@Suite struct AssertScreenTests {
    var buffer: Buffer {
        var buffer = Buffer(size: Size(width: 12, height: 4))
        buffer.write("Åsa Öberg", at: Point(x: 0, y: 0))
        buffer.write("作者", at: Point(x: 2, y: 1), role: .selection)
        return buffer
    }

    @Test func trailingSpacesAndEmptyLinesDoNotMatter() {
        assertScreen(buffer, "Åsa Öberg   \n  作者\n\n\n")
    }

    @Test func aDifferentScreenIsReportedLineByLine() {
        withKnownIssue {
            assertScreen(
                buffer,
                """
                Åsa Öberg
                  作家
                """)
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return text.contains("Screen differs (-expected +actual)")
                && text.contains("    1 |Åsa Öberg")
                && text.contains("-   2 |  作家")
                && text.contains("+   2 |  作者")
        }
    }

    @Test func extraActualLinesAreReported() {
        withKnownIssue {
            assertScreen(buffer, "Åsa Öberg")
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("+   2 |  作者")
        }
    }

    @Test func roleRunsListEachStretchOfOneRole() {
        #expect(roleRuns(buffer, row: 0) == "0..11 normal")
        #expect(roleRuns(buffer, row: 1) == "0..1 normal, 2..5 selection, 6..11 normal")
        #expect(roleRuns(buffer, row: 9) == "")
    }
}

@Suite struct AssertSnapshotTests {
    /// A pretend test file in a fresh directory, so recording never touches the repository.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
    var testFile: String { directory.appendingPathComponent("CaseloadScreenTests.swift").path }

    func screen(_ name: String) -> Buffer {
        var buffer = Buffer(size: Size(width: 80, height: 24))
        buffer.write(name, at: Point(x: 1, y: 2))
        return buffer
    }

    @Test func aMissingBaselineIsRecordedAndFails() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        withKnownIssue {
            assertSnapshot(screen("Åsa Öberg"), named: "caseload", filePath: testFile)
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("recorded new baseline")
        }
        let file = directory.appendingPathComponent("__Snapshots__/CaseloadScreenTests/caseload.txt")
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(recorded.hasPrefix("80x24\n\n\n Åsa Öberg\n"))
    }

    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["SAMORDNA_RECORD_SNAPSHOTS"] == "1", "records instead of comparing")
    )
    func aRecordedBaselineMatchesTheSameScreenAndCatchesAChange() {
        defer { try? FileManager.default.removeItem(at: directory) }
        withKnownIssue { assertSnapshot(screen("Åsa Öberg"), named: "caseload", filePath: testFile) }
        assertSnapshot(screen("Åsa Öberg"), named: "caseload", filePath: testFile)
        withKnownIssue {
            assertSnapshot(screen("作者 Li"), named: "caseload", filePath: testFile)
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return text.contains("-   3 | Åsa Öberg") && text.contains("+   3 | 作者 Li")
        }
    }

    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["SAMORDNA_RECORD_SNAPSHOTS"] == "1", "records instead of comparing")
    )
    func aBaselineOfAnotherSizeFails() {
        defer { try? FileManager.default.removeItem(at: directory) }
        withKnownIssue { assertSnapshot(screen("Åsa"), named: "caseload", filePath: testFile) }
        var small = Buffer(size: Size(width: 60, height: 20))
        small.write("Åsa", at: Point(x: 1, y: 2))
        withKnownIssue {
            assertSnapshot(small, named: "caseload", filePath: testFile)
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("is 80x24, the screen is 60x20")
        }
    }
}

@Suite struct TextBackendTests {
    @Test func handsOutQueuedEventsInOrderThenNothing() {
        let backend = TextBackend(size: Size(width: 80, height: 24))
        backend.enqueue([.key(.char("j"))])
        backend.enqueue(keys: ["<Enter>"])
        backend.resize(to: Size(width: 100, height: 30))
        #expect(backend.nextEvent(timeout: .zero) == .key(.char("j")))
        #expect(backend.nextEvent(timeout: nil) == .key(KeyChord(.enter)))
        #expect(backend.nextEvent(timeout: nil) == .resize(Size(width: 100, height: 30)))
        #expect(backend.nextEvent(timeout: .milliseconds(10)) == nil)
        #expect(backend.size == Size(width: 100, height: 30))
    }

    @Test func countsSuspendAndResume() {
        let backend = TextBackend()
        backend.suspend()
        #expect(backend.isSuspended)
        backend.resume()
        #expect(!backend.isSuspended)
        #expect(backend.suspendCount == 1 && backend.resumeCount == 1)
    }
}
