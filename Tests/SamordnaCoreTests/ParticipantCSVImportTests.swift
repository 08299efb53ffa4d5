import Testing

@testable import SamordnaCore

private let today = RulesFixture.today

private func importing(
    _ text: String, existing: [Participant] = [], acceptSimilarNames: Bool = false
) -> Result<[Participant], ImportFailure> {
    var ids = CountingIDs()
    return ParticipantCSVImport.parse(
        text, today: today, existing: existing, ids: &ids, acceptSimilarNames: acceptSimilarNames)
}

private func rowErrors(_ text: String, existing: [Participant] = []) -> [RowError] {
    if case .failure(.badRows(let errors)) = importing(text, existing: existing) { return errors }
    Issue.record("expected bad rows, got \(importing(text, existing: existing))")
    return []
}

private func headerReason(_ text: String) -> String? {
    if case .failure(.badHeader(let reason)) = importing(text) { return reason }
    return nil
}

@Suite struct ParticipantCSVImportTests {
    @Test func commaSeparatedRowsBecomeParticipants() throws {
        let csv = """
            personnummer,fornamn,efternamn,kon,telefon,epost,sprak,tolk,tolksprak,af_inskriven,forsorjningsstod_sedan,status,skyddad
            19800101-9804,Åsa,Öberg,kvinna,070-123 45 67,asa@exempel.se,svenska,nej,,2023-02-01,2024-05-01,aktiv,nej
            19750315-9811,Mohammed,Ali,man,,,arabiska,ja,arabiska,,,,ja

            """
        let participants = try importing(csv).get()
        #expect(participants.count == 2)
        let asa = participants[0]
        #expect(asa.id == Participant.ID("id-1"))
        #expect(asa.identity == .personnummer(RulesFixture.pnr("19800101-9804")))
        #expect(asa.firstName == "Åsa" && asa.lastName == "Öberg" && asa.gender == .kvinna)
        #expect(asa.phone == "070-123 45 67" && asa.email == "asa@exempel.se" && asa.language == "svenska")
        #expect(asa.afRegisteredSince == RulesFixture.date("2023-02-01"))
        #expect(asa.forsorjningsstodSince == RulesFixture.date("2024-05-01"))
        #expect(asa.status == .aktiv && asa.enrolledOn == today && asa.version == 1)
        let mohammed = participants[1]
        #expect(mohammed.interpreterNeeded && mohammed.interpreterLanguage == "arabiska")
        #expect(mohammed.protectedIdentity)
        #expect(mohammed.status == .aktualiserad && mohammed.phone == nil)
    }

    @Test func semicolonSeparatedFilesAreDetectedFromTheHeader() throws {
        let csv = "personnummer;förnamn;efternamn;adress\n19800101-9804;Åsa;Öberg;Storgatan 1, 211 22 Malmö\n"
        let p = try importing(csv).get()
        #expect(p.map(\.address) == ["Storgatan 1, 211 22 Malmö"])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let csv = "\u{FEFF}personnummer,fornamn,efternamn\n19800101-9804,Åsa,Öberg\n"
        #expect(try importing(csv).get().count == 1)
    }

    @Test func quotedFieldsHoldTheDelimiterLineBreaksAndDoubledQuotes() throws {
        let csv = """
            personnummer;fornamn;efternamn;tilltalsnamn;adress
            19800101-9804;Åsa;Öberg;"Åsa ""Sassa"" Ö";"Storgatan 1; lgh 1102
            211 22 Malmö"

            """
        let p = try importing(csv).get()
        #expect(p.first?.preferredName == "Åsa \"Sassa\" Ö")
        #expect(p.first?.address == "Storgatan 1; lgh 1102\n211 22 Malmö")
    }

    @Test func crlfLineEndingsAreReadAndLineBreaksInQuotesBecomeLF() throws {
        let csv = "personnummer,fornamn,efternamn,adress\r\n19800101-9804,Åsa,Öberg,\"Box 1\r\n211 00 Malmö\"\r\n"
            + "19750315-9811,Bo,Ek,\r\n"
        let p = try importing(csv).get()
        #expect(p.map(\.lastName) == ["Öberg", "Ek"])
        #expect(p[0].address == "Box 1\n211 00 Malmö")
    }

    @Test func errorLinesCountLineBreaksInsideQuotedFields() {
        let csv = """
            personnummer,fornamn,efternamn,adress
            19800101-9804,Åsa,Öberg,"Storgatan 1
            211 22 Malmö"

            19750315-9812,Bo,Ek,
            """
        let errors = rowErrors(csv)
        #expect(errors == [
            RowError(
                line: 5, column: "personnummer", value: "19750315-9812",
                reason: "ogiltigt personnummer: kontrollsiffran stämmer inte (väntade 1, fick 2)")
        ])
    }

    @Test func crlfFilesCountLinesTheSame() {
        let csv = "personnummer,fornamn,efternamn,adress\r\n19800101-9804,Åsa,Öberg,\"a\r\nb\"\r\n19750315-9811,,Ek,\r\n"
        #expect(rowErrors(csv).map(\.line) == [4])
    }

    @Test func headerNamesWithÅÄÖAnyCaseAndSpacesAreAccepted() throws {
        let csv = """
            PERSONNUMMER;Förnamn;Efternamn;Kön;Språk;Tolk;Tolkspråk;Försörjningsstöd sedan;AF-inskriven;E-post
            19800101-9804;Åsa;Öberg;icke-binär;tigrinja;ja;tigrinja;2024-05-01;2023-01-01;asa@exempel.se
            """
        let p = try importing(csv).get()[0]
        #expect(p.gender == .ickeBinar && p.language == "tigrinja" && p.interpreterLanguage == "tigrinja")
        #expect(p.forsorjningsstodSince == RulesFixture.date("2024-05-01"))
        #expect(p.afRegisteredSince == RulesFixture.date("2023-01-01") && p.email == "asa@exempel.se")
    }

    @Test func samordningsnummerRowsAreRecognisedFromTheNumber() throws {
        let csv = "personnummer,fornamn,efternamn\n19870481-9856,Tesfay,Haile\n870481-9856,Saba,Haile\n"
        if case .failure(.badRows(let errors)) = importing(csv) {
            #expect(errors.map(\.reason) == ["samma identitet som rad 2"])
        } else {
            Issue.record("the second row repeats the first one's number")
        }
        let p = try importing("personnummer,fornamn,efternamn\n19870481-9856,Tesfay,Haile\n").get()[0]
        #expect(p.identity.kindLabel == "samordningsnummer")
        #expect(p.identity.birthDate == RulesFixture.date("1987-04-21"))
    }

    @Test func anIdentityKindColumnAllowsReservnummer() throws {
        let csv = "personnummer,idtyp,fornamn,efternamn\n99-123456,reservnummer,Okänd,Person\n"
        #expect(try importing(csv).get()[0].identity == .other(kind: "reservnummer", value: "99-123456"))
    }

    @Test func anIdentityKindThatDoesNotFitTheNumberIsReported() {
        let csv = "personnummer,idtyp,fornamn,efternamn\n19870481-9856,personnummer,Tesfay,Haile\n"
        #expect(rowErrors(csv).first?.reason.contains("välj identitetstyp samordningsnummer") == true)
    }

    // MARK: Header

    @Test func aMissingRequiredColumnIsNamed() {
        #expect(
            headerReason("personnummer;fornamn\n19800101-9804;Åsa\n")
                == "kolumnen efternamn saknas (krävs: personnummer, fornamn, efternamn)")
    }

    @Test func anUnknownColumnIsNamedWithTheKnownOnes() {
        let reason = headerReason("personnummer,fornamn,efternamn,skostorlek\n19800101-9804,Åsa,Öberg,38\n")
        #expect(reason?.hasPrefix("okänd kolumn \"skostorlek\" (kolumn 4); kända kolumner: personnummer, idtyp") == true)
    }

    @Test func aColumnGivenTwiceIsRefusedEvenInTwoSpellings() {
        #expect(
            headerReason("personnummer,förnamn,efternamn,fornamn\n19800101-9804,Åsa,Öberg,Åsa\n")
                == "kolumnen fornamn finns två gånger (kolumn 2 och 4)")
    }

    @Test func anEmptyFileOrOnlyAHeaderIsEmpty() {
        #expect(importing("") == .failure(.empty))
        #expect(importing("\u{FEFF}\n\n") == .failure(.empty))
        #expect(importing("personnummer,fornamn,efternamn\n") == .failure(.empty))
    }

    // MARK: Rows

    @Test func everyBadRowIsReportedAndNothingIsImported() {
        let csv = """
            personnummer;förnamn;efternamn;kön;epost;tolk
            19800101-9804;Åsa;Öberg;kvinna;asa@exempel.se;nej
            19800101-9805;;Ek;kvinna;;nej
            19750315-9811;Bo;Ek;robot;bo@;kanske
            19920729-9828;Sara;Lind;kvinna;;ja
            """
        let errors = rowErrors(csv)
        #expect(errors.map(\.line) == [3, 3, 4, 4, 4, 5])
        #expect(errors.map(\.column) == ["personnummer", "förnamn", "kön", "epost", "tolk", "tolksprak"])
        #expect(errors[1].reason == "får inte vara tomt")
        #expect(errors[4] == RowError(line: 4, column: "tolk", value: "kanske", reason: "skriv ja eller nej"))
        #expect(errors[5].reason == "ange tolkspråk när tolk behövs")
    }

    @Test func aMissingOptionalColumnIsNamedWhenItsRuleFails() {
        let errors = rowErrors("personnummer,fornamn,efternamn,tolk\n19800101-9804,Åsa,Öberg,ja\n")
        #expect(errors.map(\.column) == ["tolksprak"])
    }

    @Test func controlCharactersInACellAreRefusedAndShownSafely() {
        let errors = rowErrors("personnummer,fornamn,efternamn\n19800101-9804,Åsa\u{1B}[2J,Öberg\n")
        #expect(errors.first?.reason == "innehåller styrtecknet U+001B, som inte är tillåtet")
        #expect(
            errors.first?.description
                == "rad 2, kolumn fornamn, värde \"Åsa\\u{1B}[2J\": innehåller styrtecknet U+001B, som inte är tillåtet")
    }

    @Test func aNameOverTheLimitIsRefusedNotCut() {
        let long = String(repeating: "Ö", count: 123)
        #expect(rowErrors("personnummer,fornamn,efternamn\n19800101-9804,Åsa,\(long)\n").first?.reason == "högst 100 tecken (nu 123)")
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsReported() {
        let errors = rowErrors("personnummer,fornamn,efternamn\n19800101-9804,Åsa\n19750315-9811,Bo,Ek,,\n")
        #expect(errors.count == 1)
        #expect(errors.first?.reason == "raden har 2 fält men rubrikraden har 3 (kontrollera avgränsare och citattecken)")
    }

    @Test func anUnclosedQuoteIsReportedAtTheLineItOpens() {
        let errors = rowErrors("personnummer,fornamn,efternamn\n19800101-9804,Åsa,Öberg\n19750315-9811,\"Bo,Ek\n\n")
        #expect(errors == [RowError(line: 3, column: nil, value: nil, reason: "citattecknet som öppnar ett fält på den här raden stängs aldrig")])
    }

    @Test func textAfterAClosingQuoteIsReported() {
        #expect(rowErrors("personnummer,fornamn,efternamn\n19800101-9804,\"Åsa\"x,Öberg\n").map(\.line) == [2])
    }

    @Test func aClosedParticipantCannotBeImported() {
        let errors = rowErrors("personnummer,fornamn,efternamn,status\n19800101-9804,Åsa,Öberg,avslutad\n")
        #expect(errors.map(\.column) == ["status"])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let csv = "personnummer,fornamn,efternamn\n\n19800101-9804,Åsa,Öberg\n,,\n19750315-9811,,Ek\n"
        #expect(rowErrors(csv).map(\.line) == [5])
    }

    @Test func moreThanTenThousandRowsAreRefusedWithTheLimit() {
        let csv = "personnummer,fornamn,efternamn\n" + String(repeating: "x,y,z\n", count: 10_001)
        let result = importing(csv)
        #expect(result == .failure(.tooManyRows(count: 10_001, limit: 10_000)))
        #expect(
            result.failureReason
                == "filen har 10 001 rader; högst 10 000 deltagare kan importeras åt gången (dela upp filen)")
    }

    // MARK: Duplicates

    @Test func anIdentityTwiceInTheFileIsReportedOnTheSecondRow() {
        let csv = "personnummer,fornamn,efternamn\n19800101-9804,Åsa,Öberg\n198001019804,Helt,Annan\n"
        #expect(rowErrors(csv) == [
            RowError(line: 3, column: "personnummer", value: "198001019804", reason: "samma identitet som rad 2")
        ])
    }

    @Test func anIdentityAlreadyInTheCaseloadIsReported() {
        let existing = RulesFixture.participant("abcdef123", "19800101-9804", "Åsa", "Öberg")
        let errors = rowErrors("personnummer,fornamn,efternamn\n800101-9804,Åsa,Öberg\n", existing: [existing])
        #expect(errors.map(\.reason) == ["finns redan i ärendelistan (deltagare abcdef)"])
    }

    @Test func aDuplicateIdentityIsFoundEvenOnARowWithOtherErrors() {
        let csv = "personnummer,fornamn,efternamn\n19800101-9804,Åsa,Öberg\n19800101-9804,,Öberg\n"
        #expect(rowErrors(csv).map(\.reason) == ["får inte vara tomt", "samma identitet som rad 2"])
    }

    @Test func aSimilarNameWithTheSameBirthDateIsRefusedUnlessAccepted() throws {
        let csv = "personnummer,fornamn,efternamn\n19800101-9804,Åsa,Öberg\n19800101-9812,Asa,Oberg\n"
        let errors = rowErrors(csv)
        #expect(errors.map(\.line) == [3])
        #expect(errors.first?.reason.hasPrefix("samma födelsedatum (1980-01-01) och snarlikt namn som Åsa Öberg på rad 2") == true)
        #expect(try importing(csv, acceptSimilarNames: true).get().count == 2)
    }

    @Test func aSimilarNameInTheCaseloadIsNamedUnlessProtected() {
        let open = RulesFixture.participant("abcdef123", "19800101-9804", "Åsa", "Öberg")
        let csv = "personnummer,fornamn,efternamn\n19800101-9812,Åsa,Öberg\n"
        #expect(rowErrors(csv, existing: [open]).first?.reason.contains("som Åsa Öberg (abcdef) i ärendelistan") == true)
        let hidden = RulesFixture.participant("abcdef123", "19800101-9804", "Åsa", "Öberg", protected: true)
        #expect(rowErrors(csv, existing: [hidden]).first?.reason.contains("som deltagare (abcdef) i ärendelistan") == true)
    }

    @Test func theWholeFailureReadsAsOneLinePerProblem() {
        let csv = "personnummer,fornamn,efternamn\n19800101-9805,Åsa,Öberg\n19750315-9811,,Ek\n"
        #expect(
            importing(csv).failureReason == """
                2 rader har fel; ingenting importerades:
                rad 2, kolumn personnummer, värde "19800101-9805": ogiltigt personnummer: kontrollsiffran stämmer inte (väntade 4, fick 5)
                rad 3, kolumn fornamn: får inte vara tomt
                """)
    }

    // MARK: docs/import-csv.md

    @Test func theDocumentedExampleImports() throws {
        let csv = """
            personnummer;förnamn;efternamn;kön;telefon;epost;adress;språk;tolk;tolkspråk;af_inskriven;försörjningsstöd_sedan;status
            19800101-9804;Åsa;Öberg;kvinna;070-123 45 67;asa.oberg@exempel.se;"Storgatan 1; lgh 1102
            211 22 Malmö";svenska;nej;;2023-02-01;2024-05-01;aktiv
            750315-9811;Mohammed;Ali;man;;;;arabiska;ja;arabiska;2022-09-15;;aktualiserad
            19920729-9828;Sara;Lindqvist;icke-binär;+46 (0)70 987 65 43;;;svenska;nej;;;2025-01-01;
            19870481-9856;Tesfay;Haile;man;;;;tigrinja;ja;tigrinja;2024-11-04;;

            """
        let p = try importing(csv).get()
        #expect(p.map(\.firstName) == ["Åsa", "Mohammed", "Sara", "Tesfay"])
        #expect(p[3].identity.kindLabel == "samordningsnummer")
    }

    @Test func theDocumentedErrorOutputIsWhatTheImportSays() {
        let csv = """
            personnummer;förnamn;efternamn;tolk;tolkspråk
            19800101-9804;Åsa;Öberg;nej;
            19800101-9805;;Ek;nej;
            19750315-9811;Bo;Ek;nej;
            19920729-9828;Sara;Lind;ja;
            800101-9804;Åsa;Öberg;nej;
            """
        #expect(
            importing(csv).failureReason == """
                3 rader har fel; ingenting importerades:
                rad 3, kolumn personnummer, värde "19800101-9805": ogiltigt personnummer: kontrollsiffran stämmer inte (väntade 4, fick 5)
                rad 3, kolumn förnamn: får inte vara tomt
                rad 5, kolumn tolkspråk: ange tolkspråk när tolk behövs
                rad 6, kolumn personnummer, värde "800101-9804": samma identitet som rad 2
                """)
    }
}
