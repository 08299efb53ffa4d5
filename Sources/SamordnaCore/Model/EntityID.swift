/// A stable identifier for one record (participant, insats episode, meeting…). Never a list position:
/// exports, the change log and the command line refer to records by these. The phantom `Entity` keeps a
/// participant's id from being passed where a meeting's is expected.
public struct EntityID<Entity>: Hashable, Comparable, Codable, CustomStringConvertible, Sendable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The first six characters: enough to tell the ~100 participants apart in a pseudonymised list.
    public var short: String { String(rawValue.prefix(6)) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// Makes new identifiers. The runtime passes a random one; the demo and tests pass a seeded one, so a
/// demo caseload is the same for the same seed.
public protocol IdentifierSource {
    mutating func next() -> String
}

/// Deterministic pseudo-random generator (SplitMix64), for demo data and tests.
public struct SeededGenerator: RandomNumberGenerator, IdentifierSource, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A UUID-shaped lowercase hex identifier.
    public mutating func next() -> String {
        let a: UInt64 = next()
        let b: UInt64 = next()
        let hex = hex16(a) + hex16(b)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-"
            + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

/// `n` as 16 lower-case hex digits.
func hex16(_ n: UInt64) -> String {
    let digits = String(n, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

/// Random identifiers for real use.
public struct RandomIdentifiers: IdentifierSource, Sendable {
    public init() {}
    public mutating func next() -> String { UUIDString.make() }
}

import Foundation

enum UUIDString {
    static func make() -> String { UUID().uuidString.lowercased() }
}
