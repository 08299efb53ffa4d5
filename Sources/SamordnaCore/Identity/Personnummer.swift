/// A Swedish personnummer or samordningsnummer, validated and normalised to 12 digits.
///
/// The team identifies participants by it, so it can only be made by parsing what someone typed (or by
/// reading back what was stored); every value that exists has a real birth date, a födelsenummer other
/// than 000 and a correct check digit (Skatteverket; docs/domain-rules.md, Identity numbers).
public struct Personnummer: Hashable, Codable, Sendable, CustomStringConvertible {
    /// 12 digits, no separator: YYYYMMDDNNNC. For a samordningsnummer DD is the day + 60.
    public let digits: String

    /// Parses what a person typed: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDDNNNC` or
    /// `YYYYMMDD-NNNC`, with surrounding whitespace ignored and nothing else accepted.
    ///
    /// With 10 digits the century comes from the separator and `today`: with `-` or none it is the most
    /// recent one that does not put the birth date after today; `+` marks someone who turns 100 this year
    /// or is older, so the birth year is the most recent one at least 100 years before this year.
    public init(parsing input: String, today: LocalDate) throws(PersonnummerError) {
        let text = input.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }

        var numerals: [UInt8] = []
        var separator: Character?
        var separatorPosition = 0
        for ch in text {
            if ch.isASCIIDigit, let value = ch.asciiValue {
                numerals.append(value - 48)
            } else if ch == "-" || ch == "+" {
                guard separator == nil else { throw .misplacedSeparator(ch) }
                separator = ch
                separatorPosition = numerals.count
            } else {
                throw .invalidCharacter(ch)
            }
        }
        guard numerals.count == 10 || numerals.count == 12 else { throw .wrongDigitCount(numerals.count) }
        if let separator {
            guard separatorPosition == numerals.count - 4 else { throw .misplacedSeparator(separator) }
            // The 12-digit form already carries the century; "+" would contradict or repeat it.
            if separator == "+" && numerals.count == 12 { throw .plusWithCentury }
        }

        let year: Int
        let rest = numerals.suffix(10).map { Int($0) }
        let month = rest[2] * 10 + rest[3]
        let dayInNumber = rest[4] * 10 + rest[5]
        let realDay = dayInNumber > 60 ? dayInNumber - 60 : dayInNumber
        if numerals.count == 12 {
            year = Int(numerals[0]) * 1000 + Int(numerals[1]) * 100 + rest[0] * 10 + rest[1]
        } else {
            year = Personnummer.inferYear(
                twoDigits: rest[0] * 10 + rest[1], month: month, day: realDay, centenarian: separator == "+",
                today: today)
        }

        let candidate = Personnummer.twoDigits(year / 100) + rest.map(String.init).joined()
        let number = try Personnummer(storedDigits: candidate)
        if numerals.count == 12 && number.birthDate > today { throw .futureDate(number.birthDate) }
        self = number
    }

    /// Reads back the 12 stored digits, checking them as strictly as typed input (except against today).
    public init(storedDigits: String) throws(PersonnummerError) {
        // The stored form, 12 ASCII digits, checked in one pass over the bytes (every participant read comes
        // here: 10 000 at start-up, thousands for a week list); anything else takes the general path below,
        // which names what is wrong. The checks and their order are the same.
        do {
            var count = 0
            var year = 0, month = 0, dayInNumber = 0, birthNumber = 0, check = 0
            var sum = 0, weight = 2
            for byte in storedDigits.utf8 {
                guard byte >= 48 && byte <= 57, count < 12 else {
                    count = -1
                    break
                }
                let d = Int(byte) - 48
                switch count {
                case 0...3: year = year * 10 + d
                case 4...5: month = month * 10 + d
                case 6...7: dayInNumber = dayInNumber * 10 + d
                case 8...10: birthNumber = birthNumber * 10 + d
                default: check = d
                }
                if count >= 2 && count <= 10 {
                    let product = d * weight
                    sum += product / 10 + product % 10
                    weight = 3 - weight
                }
                count += 1
            }
            if count == 12 {
                let coordination = dayInNumber > 60
                let day = coordination ? dayInNumber - 60 : dayInNumber
                guard LocalDate(year: year, month: month, day: day) != nil else {
                    throw .invalidDate(year: year, month: month, day: day, samordningsnummer: coordination)
                }
                guard birthNumber != 0 else { throw .birthNumberZero }
                let expected = (10 - sum % 10) % 10
                guard expected == check else { throw .checkDigitMismatch(expected: expected, actual: check) }
                digits = storedDigits
                return
            }
        }
        let utf8 = Array(storedDigits.utf8)
        if let bad = storedDigits.first(where: { !$0.isASCIIDigit }) { throw .invalidCharacter(bad) }
        guard utf8.count == 12 else { throw .wrongStoredLength(utf8.count) }
        let n = utf8.map { Int($0) - 48 }

        let year = n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3]
        let month = n[4] * 10 + n[5]
        let dayInNumber = n[6] * 10 + n[7]
        let coordination = dayInNumber > 60
        let day = coordination ? dayInNumber - 60 : dayInNumber
        // Day 00 never occurs; a samordningsnummer's day runs 61–91 and must be a real date minus 60.
        guard LocalDate(year: year, month: month, day: day) != nil else {
            throw .invalidDate(year: year, month: month, day: day, samordningsnummer: coordination)
        }
        guard n[8] * 100 + n[9] * 10 + n[10] != 0 else { throw .birthNumberZero }
        let expected = Personnummer.luhnCheckDigit(String(decoding: utf8[2..<11], as: UTF8.self))
        guard expected == n[11] else { throw .checkDigitMismatch(expected: expected, actual: n[11]) }
        digits = storedDigits
    }

    /// The Luhn (modulus 10) check digit over YYMMDDNNN: weights 2, 1, 2, … and the digit sums of the
    /// products (Skatteverket's example: `640823323` gives 4). Characters other than ASCII digits are skipped.
    public static func luhnCheckDigit(_ nineDigits: String) -> Int {
        var sum = 0
        var weight = 2
        for byte in nineDigits.utf8 where (48...57).contains(byte) {
            let product = Int(byte - 48) * weight
            sum += product / 10 + product % 10
            weight = 3 - weight
        }
        return (10 - sum % 10) % 10
    }

    /// A samordningsnummer: given to people who are not and have not been folkbokförda (day + 60).
    public var isSamordningsnummer: Bool { dayInNumber > 60 }

    /// The birth date the number stands for (for a samordningsnummer, its day minus 60). Skatteverket may
    /// give a nearby date when a day's numbers run out, so this is not always the true birthday.
    public var birthDate: LocalDate {
        let day = isSamordningsnummer ? dayInNumber - 60 : dayInNumber
        // Every value was validated when it was made, so the date exists.
        return LocalDate(year: value(0, 4), month: value(4, 2), day: day)!
    }

    /// `YYMMDD-XXXX`: enough for the team to recognise someone on screen without revealing the number.
    public var masked: String { slice(2, 6) + "-XXXX" }

    /// `YYYYMMDD-NNNC`.
    public var formatted: String { slice(0, 8) + "-" + slice(8, 4) }

    /// `YYMMDD-NNNC`, or `YYMMDD+NNNC` from the year the person turns 100, as Skatteverket prints it.
    public func formatted10(today: LocalDate) -> String {
        let separator = today.year - birthDate.year >= 100 ? "+" : "-"
        return slice(2, 6) + separator + slice(8, 4)
    }

    public var description: String { formatted }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Personnummer(storedDigits: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "ogiltigt personnummer: \(error)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }

    // MARK: - Digits

    private var dayInNumber: Int { value(6, 2) }

    private func value(_ start: Int, _ count: Int) -> Int {
        var result = 0
        for byte in digits.utf8.dropFirst(start).prefix(count) { result = result * 10 + Int(byte - 48) }
        return result
    }

    private func slice(_ start: Int, _ count: Int) -> String {
        String(decoding: digits.utf8.dropFirst(start).prefix(count), as: UTF8.self)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func inferYear(twoDigits yy: Int, month: Int, day: Int, centenarian: Bool, today: LocalDate)
        -> Int
    {
        if centenarian {
            // "+" from the year the person turns 100.
            let latest = today.year - 100
            return latest - ((latest - yy) % 100 + 100) % 100
        }
        var year = today.year - ((today.year - yy) % 100 + 100) % 100
        if (month, day) > (today.month, today.day) && year == today.year { year -= 100 }
        return year
    }
}

/// Why a typed or stored personnummer was refused; `description` names the broken rule in Swedish so the
/// person at the keyboard can correct it.
public enum PersonnummerError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(Character)
    case wrongDigitCount(Int)
    case wrongStoredLength(Int)
    case misplacedSeparator(Character)
    case plusWithCentury
    case invalidDate(year: Int, month: Int, day: Int, samordningsnummer: Bool)
    case birthNumberZero
    case checkDigitMismatch(expected: Int, actual: Int)
    case futureDate(LocalDate)

    public var description: String {
        switch self {
        case .empty:
            return "personnumret är tomt"
        case .invalidCharacter(let ch):
            // Spelled out like every quoted value: the character may be a control or bidi character.
            return "otillåtet tecken '\(VisibleText.escaped(String(ch)))'"
        case .wrongDigitCount(let n):
            return "fel antal siffror: \(n) (ska vara 10 eller 12)"
        case .wrongStoredLength(let n):
            return "fel antal siffror: \(n) (lagrat personnummer ska ha 12)"
        case .misplacedSeparator(let ch):
            return "skiljetecknet '\(ch)' står fel (ett '-' eller '+' före de fyra sista siffrorna)"
        case .plusWithCentury:
            return "'+' kan bara användas med 10 siffror (12 siffror anger redan århundradet)"
        case .invalidDate(let y, let m, let d, let coordination):
            let date = Self.pad(y, 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2)
            return coordination
                ? "ogiltigt datum \(date) (samordningsnummer: dagen minus 60)" : "ogiltigt datum \(date)"
        case .birthNumberZero:
            return "födelsenumret 000 finns inte"
        case .checkDigitMismatch(let expected, let actual):
            return "kontrollsiffran stämmer inte (väntade \(expected), fick \(actual))"
        case .futureDate(let date):
            return "datumet ligger i framtiden (\(date))"
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation needed).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
