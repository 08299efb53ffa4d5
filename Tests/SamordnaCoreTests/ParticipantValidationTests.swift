import Testing

@testable import SamordnaCore

private let today = RulesFixture.today

private func errors(_ change: (inout ParticipantDraft) -> Void) -> FieldErrors<ParticipantField> {
    var draft = RulesFixture.validDraft()
    change(&draft)
    switch ParticipantValidation.validate(draft, today: today) {
    case .success: return FieldErrors()
    case .failure(let e): return e
    }
}

private func fields(_ change: (inout ParticipantDraft) -> Void = { _ in }) throws -> ValidParticipantFields {
    var draft = RulesFixture.validDraft()
    change(&draft)
    return try ParticipantValidation.validate(draft, today: today).get()
}

@Suite struct ParticipantValidationTests {
    @Test func aFilledInDraftGivesTheParsedFields() throws {
        let f = try fields()
        #expect(f.identity == .personnummer(RulesFixture.pnr("19800101-9804")))
        #expect(f.firstName == "Åsa")
        #expect(f.gender == .kvinna)
        #expect(f.status == .aktiv)
        #expect(f.afRegisteredSince == LocalDate(year: 2023, month: 2, day: 1))
        #expect(f.enrolledOn == LocalDate(year: 2026, month: 1, day: 10))
        #expect(f.preferredName == nil)
    }

    @Test func surroundingSpacesAreTrimmedButNothingIsCut() throws {
        let f = try fields { $0.firstName = "  Åsa  " }
        #expect(f.firstName == "Åsa")
    }

    @Test func emptyEnrolmentDateMeansToday() throws {
        #expect(try fields { $0.enrolledOn = "" }.enrolledOn == today)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let e = errors {
            $0.firstName = ""
            $0.lastName = ""
            $0.email = "nope"
            $0.status = "klar"
        }
        #expect(e.fields == [.firstName, .lastName, .email, .status])
        #expect(e.description.hasPrefix("förnamn: får inte vara tomt; efternamn: får inte vara tomt"))
    }

    // MARK: Identity

    @Test func emptyIdentityIsRefused() {
        #expect(errors { $0.identity = "  " }[.identity] == "får inte vara tomt")
    }

    @Test func wrongCheckDigitIsRefusedWithTheExpectedDigit() {
        #expect(
            errors { $0.identity = "19800101-9805" }[.identity]
                == "ogiltigt personnummer: kontrollsiffran stämmer inte (väntade 4, fick 5)")
    }

    @Test func samordningsnummerTypedAsPersonnummerSaysWhichKindToChoose() {
        let reason = errors { $0.identity = "19870481-9856" }[.identity]
        #expect(reason?.contains("numret är ett samordningsnummer") == true)
        #expect(reason?.contains("välj identitetstyp samordningsnummer") == true)
    }

    @Test func personnummerTypedAsSamordningsnummerSaysWhichKindToChoose() {
        let reason = errors { $0.identityKind = "samordningsnummer" }[.identity]
        #expect(reason?.contains("numret är ett personnummer, inte ett samordningsnummer") == true)
        #expect(reason?.contains("välj identitetstyp personnummer") == true)
    }

    @Test func samordningsnummerOfTheRightKindIsAccepted() throws {
        let f = try fields {
            $0.identityKind = "Samordningsnummer"
            $0.identity = "870481-9856"
        }
        #expect(f.identity.birthDate == LocalDate(year: 1987, month: 4, day: 21))
        #expect(f.identity.kindLabel == "samordningsnummer")
    }

    @Test func unknownIdentityKindNamesTheChoices() {
        #expect(
            errors { $0.identityKind = "pass" }[.identityKind]
                == "okänd identitetstyp \"pass\": välj personnummer, samordningsnummer, reservnummer eller annan")
    }

    @Test func reservnummerIsKeptAsTypedWithoutLuhnCheck() throws {
        let f = try fields {
            $0.identityKind = "reservnummer"
            $0.identity = "99-1234 ABC"
        }
        #expect(f.identity == .other(kind: "reservnummer", value: "99-1234 ABC"))
        #expect(f.identity.birthDate == nil)
    }

    @Test func otherIdentityLongerThanFortyCharactersIsRefused() {
        let e = errors {
            $0.identityKind = "annan"
            $0.identity = String(repeating: "7", count: 41)
        }
        #expect(e[.identity] == "högst 40 tecken (nu 41)")
    }

    @Test func otherIdentityWithAControlCharacterIsRefused() {
        let e = errors {
            $0.identityKind = "annan"
            $0.identity = "T\u{7}123"
        }
        #expect(e[.identity] == "innehåller styrtecknet U+0007, som inte är tillåtet")
    }

    // MARK: Names

    @Test func firstAndLastNameAreRequired() {
        let e = errors {
            $0.firstName = ""
            $0.lastName = "\t"
        }
        #expect(e[.firstName] == "får inte vara tomt")
        #expect(e[.lastName] == "får inte vara tomt")
    }

    @Test func overLongNameIsRefusedWithTheLimitNamed() {
        #expect(errors { $0.lastName = String(repeating: "ö", count: 123) }[.lastName] == "högst 100 tecken (nu 123)")
    }

    @Test func nameLengthCountsGraphemesNotCodePoints() throws {
        // "é" written as e + combining acute: 200 scalars, 100 characters.
        let name = String(repeating: "e\u{301}", count: 100)
        #expect(try fields { $0.firstName = name }.firstName == name)
    }

    @Test func nameWithAnEscapeCharacterIsRefused() {
        #expect(
            errors { $0.firstName = "Ann\u{1B}[31m" }[.firstName]
                == "innehåller styrtecknet U+001B, som inte är tillåtet")
    }

    @Test func nameWithALineBreakIsRefused() {
        #expect(errors { $0.lastName = "Öberg\nSvensson" }[.lastName] == "får inte innehålla radbrytningar")
    }

    @Test func overLongPreferredNameIsRefused() {
        #expect(errors { $0.preferredName = String(repeating: "a", count: 101) }[.preferredName] == "högst 100 tecken (nu 101)")
    }

    // MARK: Gender

    @Test(arguments: [
        ("kvinna", Gender.kvinna), ("Man", .man), ("icke-binär", .ickeBinar), ("icke binar", .ickeBinar),
        ("vill ej uppge", .villEjUppge), ("vill-ej-uppge", .villEjUppge),
    ])
    func genderIsReadFromItsValueOrLabel(typed: String, gender: Gender) throws {
        #expect(try fields { $0.gender = typed }.gender == gender)
    }

    @Test func unknownGenderNamesTheChoices() {
        #expect(
            errors { $0.gender = "k" }[.gender] == "okänt värde \"k\": välj kvinna, man, icke-binär eller vill ej uppge")
    }

    @Test func emptyGenderAsksForAChoice() {
        #expect(errors { $0.gender = "" }[.gender] == "välj kvinna, man, icke-binär eller vill ej uppge")
    }

    // MARK: Contact

    @Test(arguments: ["070-123 45 67", "+46 (0)70 123 45 67", "08-123 45", "12345"])
    func phoneNumbersInCommonShapesAreAccepted(phone: String) throws {
        #expect(try fields { $0.phone = phone }.phone == phone)
    }

    @Test func phoneWithLettersIsRefused() {
        #expect(
            errors { $0.phone = "070-ABC" }[.phone] == "otillåtet tecken \"A\" (tillåtet: siffror, mellanslag, + - ( ))")
    }

    @Test func phoneWithTooFewDigitsIsRefused() {
        #expect(errors { $0.phone = "12-34" }[.phone] == "för få siffror: 4 (minst 5)")
    }

    @Test func phoneWithTooManyDigitsIsRefused() {
        #expect(errors { $0.phone = String(repeating: "1", count: 21) }[.phone] == "för många siffror: 21 (högst 20)")
    }

    @Test(arguments: ["asa", "asa@", "@exempel.se", "asa@exempel", "asa@.se", "asa@exempel.", "a b@exempel.se", "a@b@c.se"])
    func emailWithoutTheShapeOfAnAddressIsRefused(email: String) {
        #expect(errors { $0.email = email }[.email] == "ser inte ut som en e-postadress (namn@exempel.se)")
    }

    @Test func addressMayRunOverSeveralLines() throws {
        #expect(try fields { $0.address = "Storgatan 1\n123 45 Malmö" }.address == "Storgatan 1\n123 45 Malmö")
    }

    @Test func overLongAddressIsRefused() {
        #expect(errors { $0.address = String(repeating: "x", count: 201) }[.address] == "högst 200 tecken (nu 201)")
    }

    @Test func addressWithAControlCharacterOtherThanNewlineIsRefused() {
        #expect(
            errors { $0.address = "Storgatan 1\n\u{8}Malmö" }[.address]
                == "innehåller styrtecknet U+0008 på rad 2, som inte är tillåtet (bara radbrytning och tabb)")
    }

    @Test func overLongLanguageIsRefused() {
        #expect(errors { $0.language = String(repeating: "a", count: 51) }[.language] == "högst 50 tecken (nu 51)")
    }

    @Test func interpreterNeededRequiresALanguage() {
        let e = errors {
            $0.interpreterNeeded = true
            $0.interpreterLanguage = " "
        }
        #expect(e[.interpreterLanguage] == "ange tolkspråk när tolk behövs")
    }

    @Test func interpreterWithLanguageIsAccepted() throws {
        let f = try fields {
            $0.interpreterNeeded = true
            $0.interpreterLanguage = "tigrinja"
        }
        #expect(f.interpreterNeeded && f.interpreterLanguage == "tigrinja")
    }

    // MARK: Dates and status

    @Test(arguments: ["2023-2-1", "2023-02-30", "01/02/2023", "igår"])
    func datesMustBeRealIsoDates(typed: String) {
        #expect(errors { $0.afRegisteredSince = typed }[.afRegisteredSince]?.hasPrefix("ogiltigt datum") == true)
    }

    @Test func futureDateIsRefused() {
        #expect(
            errors { $0.forsorjningsstodSince = "2026-06-16" }[.forsorjningsstodSince]
                == "datumet 2026-06-16 ligger i framtiden (idag är 2026-06-15)")
    }

    @Test func todayIsNotInTheFuture() throws {
        #expect(try fields { $0.afRegisteredSince = "2026-06-15" }.afRegisteredSince == today)
    }

    @Test func afRegistrationBeforeBirthIsRefused() {
        #expect(
            errors { $0.afRegisteredSince = "1979-12-31" }[.afRegisteredSince]
                == "kan inte vara före födelsedatumet 1980-01-01")
    }

    @Test func enrolmentInTheFutureOrBeforeBirthIsRefused() {
        #expect(errors { $0.enrolledOn = "2026-07-01" }[.enrolledOn]?.contains("ligger i framtiden") == true)
        #expect(errors { $0.enrolledOn = "1979-01-01" }[.enrolledOn] == "kan inte vara före födelsedatumet 1980-01-01")
    }

    @Test func unknownStatusNamesTheChoices() {
        #expect(
            errors { $0.status = "pausad" }[.status]
                == "okänd status \"pausad\": välj aktualiserad, aktiv, vilande eller avslutad")
    }

    // MARK: Editing

    @Test(arguments: [
        Identity.personnummer(RulesFixture.pnr("19800101-9804")),
        .personnummer(RulesFixture.pnr("19870481-9856")),
        .personnummer(RulesFixture.pnr("19261212-9854")),
        .other(kind: "reservnummer", value: "991234567890"),
    ])
    func aStoredParticipantRoundTripsThroughTheDraft(identity: Identity) throws {
        let stored = Participant(
            id: Participant.ID("p1"), identity: identity, protectedIdentity: true, firstName: "René",
            lastName: "Åkesson", preferredName: "Ré", gender: .ickeBinar, phone: "070-1234567",
            email: "rene@exempel.se", address: "Box 1\n211 00 Malmö", language: "franska", interpreterNeeded: true,
            interpreterLanguage: "franska", afRegisteredSince: LocalDate(iso: "2022-03-01"),
            forsorjningsstodSince: LocalDate(iso: "2023-01-01"), status: .vilande,
            enrolledOn: LocalDate(iso: "2025-09-01")!, version: 7)
        let draft = ParticipantDraft(from: stored, today: today)
        let edited = try ParticipantValidation.validate(draft, today: today).get().applied(to: stored)
        #expect(edited == stored)
    }

    @Test func aDraftShowsTheNumberTheWaySkatteverketPrintsIt() {
        let p = RulesFixture.participant("p1", "19800101-9804", "Åsa", "Öberg")
        #expect(ParticipantDraft(from: p, today: today).identity == "800101-9804")
        let old = RulesFixture.participant("p2", "19261212-9854", "Karl", "Berg")
        #expect(ParticipantDraft(from: old, today: today).identity == "261212+9854")
    }

    @Test func anOtherIdentityOfAForeignKindIsEditedAsAnnan() {
        var p = RulesFixture.participant("p1", "19800101-9804", "Åsa", "Öberg")
        p.identity = .other(kind: "test", value: "T-1")
        #expect(ParticipantDraft(from: p, today: today).identityKind == "annan")
    }

    @Test func aNewParticipantStartsAtVersionOne() throws {
        let p = try fields().newParticipant(id: Participant.ID("new"))
        #expect(p.version == 1 && p.id == Participant.ID("new"))
    }
}
