import Foundation
import Testing

@testable import SamordnaCore

private let today = LocalDate(year: 2026, month: 6, day: 15)!

private func parse(_ text: String, on day: LocalDate = today) throws(PersonnummerError) -> Personnummer {
    try Personnummer(parsing: text, today: day)
}

private func parseError(_ text: String, on day: LocalDate = today) -> PersonnummerError? {
    do {
        _ = try parse(text, on: day)
        return nil
    } catch {
        return error
    }
}

@Suite struct PersonnummerParsing {
    @Test func skatteverketsWorkedExampleHasCheckDigitFour() {
        #expect(Personnummer.luhnCheckDigit("640823323") == 4)
    }

    @Test(arguments: ["640823-3234", "6408233234", "196408233234", "19640823-3234", "  640823-3234\n"])
    func acceptedFormsNormaliseToTwelveDigits(input: String) throws {
        #expect(try parse(input).digits == "196408233234")
    }

    @Test func samordningsnummerAddsSixtyToTheDay() throws {
        let number = try parse("701063-2391")
        #expect(number.isSamordningsnummer)
        #expect(number.digits == "197010632391")
        #expect(number.birthDate == LocalDate(year: 1970, month: 10, day: 3))
    }

    @Test func ordinaryNumberIsNotSamordningsnummer() throws {
        #expect(try parse("640823-3234").isSamordningsnummer == false)
    }

    @Test func plusSeparatorMeansTheHundredYearsOlderCentury() throws {
        #expect(try parse("261212+9854").birthDate == LocalDate(year: 1926, month: 12, day: 12))
        #expect(try parse("261212-9854").birthDate == LocalDate(year: 1926, month: 12, day: 12))
        #expect(try parse("000101+9835").birthDate == LocalDate(year: 1900, month: 1, day: 1))
    }

    @Test func tenDigitsTakeTheLatestCenturyThatIsNotInTheFuture() throws {
        #expect(try parse("260615-9800").birthDate == LocalDate(year: 2026, month: 6, day: 15))
        #expect(try parse("260616-9817").birthDate == LocalDate(year: 1926, month: 6, day: 16))
        #expect(try parse("270101-9826").birthDate == LocalDate(year: 1927, month: 1, day: 1))
        #expect(try parse("0001019835").birthDate == LocalDate(year: 2000, month: 1, day: 1))
    }

    @Test func leapDayDependsOnTheInferredCentury() throws {
        #expect(try parse("000229-9865").birthDate == LocalDate(year: 2000, month: 2, day: 29))
        #expect(parseError("000229+9865") == .invalidDate(year: 1900, month: 2, day: 29, samordningsnummer: false))
    }

    @Test func twelveDigitsKeepTheirCentury() throws {
        #expect(try parse("19000101-9835").birthDate == LocalDate(year: 1900, month: 1, day: 1))
        #expect(try parse("200001019835").birthDate == LocalDate(year: 2000, month: 1, day: 1))
    }
}

@Suite struct PersonnummerRejection {
    @Test func february29InANonLeapYearIsRejected() {
        #expect(parseError("900229-9809") == .invalidDate(year: 1990, month: 2, day: 29, samordningsnummer: false))
    }

    @Test func dayZeroIsRejected() {
        #expect(parseError("900100-9803") == .invalidDate(year: 1990, month: 1, day: 0, samordningsnummer: false))
    }

    @Test func samordningsnummerDateIsCheckedAfterSubtractingSixty() {
        // Day 91 = 31, and June has 30 days.
        #expect(parseError("19900691-9800") == .invalidDate(year: 1990, month: 6, day: 31, samordningsnummer: true))
    }

    @Test func wrongCheckDigitNamesTheExpectedOne() {
        #expect(parseError("640823-3235") == .checkDigitMismatch(expected: 4, actual: 5))
    }

    @Test func birthNumberZeroIsRejected() {
        #expect(parseError("640823-0008") == .birthNumberZero)
    }

    @Test(arguments: [("64082332341", 11), ("64082332", 8), ("1964082332345", 13)])
    func wrongNumberOfDigitsIsRejected(input: String, count: Int) {
        #expect(parseError(input) == .wrongDigitCount(count))
    }

    @Test func lettersAreRejected() {
        #expect(parseError("64O823-3234") == .invalidCharacter("O"))
        #expect(parseError("640823 3234") == .invalidCharacter(" "))
    }

    @Test func separatorMustStandBeforeTheLastFourDigits() {
        #expect(parseError("64082-33234") == .misplacedSeparator("-"))
        #expect(parseError("640823--3234") == .misplacedSeparator("-"))
    }

    @Test func plusIsNotAllowedWithTwelveDigits() {
        #expect(parseError("19640823+3234") == .plusWithCentury)
    }

    @Test func twelveDigitBirthDateInTheFutureIsRejected() {
        #expect(parseError("20300101-9847") == .futureDate(LocalDate(year: 2030, month: 1, day: 1)!))
    }

    @Test func emptyInputIsRejected() {
        #expect(parseError("   ") == .empty)
    }

    @Test func storedDigitsMustBeExactlyTwelve() {
        #expect(throws: PersonnummerError.wrongStoredLength(10)) { try Personnummer(storedDigits: "6408233234") }
        #expect(throws: PersonnummerError.invalidCharacter("-")) { try Personnummer(storedDigits: "19640823-323") }
    }

    /// The one-pass check of the stored form gives what the rules say, date by date: invalid dates (including
    /// a samordningsnummer's day 61–91), birth number 000, the check digit, and 13 digits.
    @Test func storedDigitsFollowTheRulesForManyNumbers() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let year = Int.random(in: 1890...2030, using: &rng)
            let month = Int.random(in: 0...13, using: &rng)
            let dayInNumber = Int.random(in: 0...1, using: &rng) == 0 ? Int.random(in: 0...32, using: &rng) : Int.random(in: 59...93, using: &rng)
            let birth = Int.random(in: 0...999, using: &rng)
            let check = Int.random(in: 0...9, using: &rng)
            func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
            let text = pad(year, 4) + pad(month, 2) + pad(dayInNumber, 2) + pad(birth, 3) + String(check)
            let day = dayInNumber > 60 ? dayInNumber - 60 : dayInNumber
            let expected: PersonnummerError?
            if LocalDate(year: year, month: month, day: day) == nil {
                expected = .invalidDate(year: year, month: month, day: day, samordningsnummer: dayInNumber > 60)
            } else if birth == 0 {
                expected = .birthNumberZero
            } else {
                let digit = Personnummer.luhnCheckDigit(String(text.dropFirst(2).prefix(9)))
                expected = digit == check ? nil : .checkDigitMismatch(expected: digit, actual: check)
            }
            do {
                let number = try Personnummer(storedDigits: text)
                #expect(expected == nil, "\(text)")
                #expect(number.digits == text)
            } catch {
                #expect(error == expected, "\(text)")
            }
        }
        #expect(throws: PersonnummerError.wrongStoredLength(13)) { try Personnummer(storedDigits: "1964082332340") }
    }

    @Test func storedDigitsAreValidatedLikeInput() {
        #expect(throws: PersonnummerError.checkDigitMismatch(expected: 4, actual: 0)) {
            try Personnummer(storedDigits: "196408233230")
        }
    }

    @Test func errorsExplainTheRuleInSwedish() {
        #expect(
            PersonnummerError.checkDigitMismatch(expected: 4, actual: 5).description
                == "kontrollsiffran stämmer inte (väntade 4, fick 5)")
        #expect(
            PersonnummerError.invalidDate(year: 1990, month: 2, day: 30, samordningsnummer: false).description
                == "ogiltigt datum 1990-02-30")
        #expect(PersonnummerError.wrongDigitCount(11).description == "fel antal siffror: 11 (ska vara 10 eller 12)")
        #expect(PersonnummerError.invalidCharacter("x").description == "otillåtet tecken 'x'")
        #expect(
            PersonnummerError.futureDate(LocalDate(year: 2030, month: 1, day: 1)!).description
                .hasPrefix("datumet ligger i framtiden"))
    }
}

@Suite struct PersonnummerPresentation {
    @Test func maskedHidesTheLastFourDigits() throws {
        #expect(try parse("196408233234").masked == "640823-XXXX")
    }

    @Test func maskedSamordningsnummerShowsTheDayPlusSixty() throws {
        #expect(try parse("701063-2391").masked == "701063-XXXX")
    }

    @Test func formattedHasTheCenturyAndADash() throws {
        let number = try parse("640823-3234")
        #expect(number.formatted == "19640823-3234")
        #expect(number.description == "19640823-3234")
    }

    @Test func tenDigitFormUsesPlusFromTheYearThePersonTurnsHundred() throws {
        let number = try parse("19261212-9854")
        #expect(number.formatted10(today: LocalDate(year: 2025, month: 12, day: 31)!) == "261212-9854")
        #expect(number.formatted10(today: LocalDate(year: 2026, month: 1, day: 1)!) == "261212+9854")
    }

    @Test func codableUsesTheTwelveDigits() throws {
        let number = try parse("640823-3234")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["196408233234"]"#)
        #expect(try JSONDecoder().decode([Personnummer].self, from: data) == [number])
    }

    @Test func decodingRejectsAnInvalidNumber() {
        let data = Data(#"["196408233235"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Personnummer].self, from: data) }
    }

    @Test func everyValidNumberSurvivesTheTenDigitRoundTrip() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let birth = LocalDate(dayNumber: Int.random(in: -45_000...today.dayNumber, using: &rng))
            let coordination = Bool.random(using: &rng)
            let day = birth.day + (coordination ? 60 : 0)
            let nine = String(
                format: "%02d%02d%02d%03d", birth.year % 100, birth.month, day,
                Int.random(in: 1...999, using: &rng))
            let digits = String(format: "%02d", birth.year / 100) + nine + String(Personnummer.luhnCheckDigit(nine))
            let number = try Personnummer(storedDigits: digits)
            #expect(number.birthDate == birth)
            #expect(try parse(number.formatted10(today: today)) == number)
            #expect(try parse(number.formatted) == number)
        }
    }
}
