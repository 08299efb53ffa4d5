import Foundation

/// The change log's sequence number the caseload on screen was read at. A reference, so the value-type
/// runner keeps it between effects.
final class ChangeMark: @unchecked Sendable {
    private let lock = NSLock()
    private var mark: Int64?

    var value: Int64? {
        lock.lock()
        defer { lock.unlock() }
        return mark
    }

    func set(_ value: Int64?) {
        lock.lock()
        defer { lock.unlock() }
        mark = value
    }
}
