import Foundation
import SamordnaCore

/// Lookups shared by all rows of one read, so that a text that repeats (a code, a list of professions, the
/// id of the participant a row belongs to) is turned into a value once instead of once per row. Keyed by a
/// hash of the column's bytes and checked byte for byte, so no String is made to look a value up.
/// One read owns it; it is never shared between threads.
final class ReadCache {
    /// The participants read so far: their id's bytes, the id (shared, not copied, by every child row) and
    /// their position.
    private var participants: [UInt64: (bytes: [UInt8], id: Participant.ID, position: Int)] = [:]
    /// Participants whose id hash collided with another's (in practice never; kept for correctness).
    private var collided: [String: (id: Participant.ID, position: Int)] = [:]
    private var tables: [ObjectIdentifier: AnyObject] = [:]

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let bp = b.baseAddress, !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, bp, b.count) == 0 }
    }

    func register(_ id: Participant.ID, position: Int) {
        let bytes = Array(id.rawValue.utf8)
        let h = bytes.withUnsafeBufferPointer { Self.hash($0) }
        if let existing = participants[h], existing.id != id {
            collided[id.rawValue] = (id, position)
        } else {
            participants[h] = (bytes, id, position)
        }
    }

    func participant(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Participant.ID, position: Int)? {
        if let found = participants[Self.hash(bytes)], Self.equal(found.bytes, bytes) {
            return (found.id, found.position)
        }
        if collided.isEmpty { return nil }
        return collided[String(decoding: bytes, as: UTF8.self)]
    }

    /// The value `make` gives for these bytes, made once per distinct text.
    func value<V>(_ bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> V?) -> V? {
        let key = ObjectIdentifier(V.self)
        let table: Memo<V>
        if let existing = tables[key] {
            table = unsafeDowncast(existing, to: Memo<V>.self)
        } else {
            table = Memo<V>()
            tables[key] = table
        }
        return table.value(bytes, make)
    }

    private final class Memo<V> {
        var entries: [UInt64: (bytes: [UInt8], value: V)] = [:]

        func value(_ bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> V?) -> V? {
            let h = ReadCache.hash(bytes)
            if let e = entries[h], ReadCache.equal(e.bytes, bytes) { return e.value }
            guard let v = make(bytes) else { return nil }
            if entries[h] == nil { entries[h] = (Array(bytes), v) }
            return v
        }
    }
}
