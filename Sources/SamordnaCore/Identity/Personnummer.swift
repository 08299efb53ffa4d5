// STUB: the real implementation replaces this file (same public API).

/// A Swedish personnummer or samordningsnummer, validated and normalised to 12 digits.
public struct Personnummer: Hashable, Codable, Sendable, CustomStringConvertible {
    /// 12 digits, no separator: YYYYMMDDNNNC. For a samordningsnummer DD is the day + 60.
    public let digits: String

    public init(parsing input: String, today: LocalDate) throws(PersonnummerError) {
        digits = input
    }

    public init(storedDigits: String) throws(PersonnummerError) {
        digits = storedDigits
    }

    public var isSamordningsnummer: Bool { false }
    public var birthDate: LocalDate { LocalDate(year: 2000, month: 1, day: 1)! }
    public var masked: String { digits }
    public var formatted: String { digits }
    public func formatted10(today: LocalDate) -> String { digits }
    public var description: String { formatted }
}

public enum PersonnummerError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    public var description: String { "tomt" }
}
