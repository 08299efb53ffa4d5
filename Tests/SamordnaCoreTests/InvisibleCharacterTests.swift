import Testing

@testable import SamordnaCore

/// Bidi controls and other invisible format characters (Unicode Cf) and the line/paragraph separators are
/// refused where a person types a name or an identity, with what they do; messages spell them out.
@Suite struct InvisibleCharacterTests {
    func firstNameError(_ name: String) -> String? {
        var draft = RulesFixture.validDraft()
        draft.firstName = name
        guard case .failure(let errors) = ParticipantValidation.validate(draft, today: RulesFixture.today) else { return nil }
        return errors[.firstName]
    }

    @Test(arguments: [
        ("\u{202E}", "som ändrar textens riktning"), ("\u{2066}", "som ändrar textens riktning"),
        ("\u{2069}", "som ändrar textens riktning"), ("\u{200F}", "som ändrar textens riktning"),
        ("\u{200B}", "som inte syns"), ("\u{FEFF}", "som inte syns"), ("\u{200D}", "som inte syns"),
        ("\u{AD}", "som inte syns"),
    ])
    func aNameWithAnInvisibleFormatCharacterIsRefused(character: String, what: String) {
        let code = "U+" + String(character.unicodeScalars.first!.value, radix: 16, uppercase: true)
            .leftPadded(to: 4)
        #expect(firstNameError("Å\(character)sa") == "innehåller tecknet \(code), \(what), och det är inte tillåtet")
    }

    @Test func lineAndParagraphSeparatorsAreLineBreaks() {
        #expect(firstNameError("Åsa\u{2028}Eva") == "får inte innehålla radbrytningar")
        #expect(firstNameError("Åsa\u{2029}Eva") == "får inte innehålla radbrytningar")
        guard case .failure(let violation) = NoteRules.validate(text: "rad ett\nrad två\u{2028}rad tre") else {
            Issue.record("expected a refusal")
            return
        }
        #expect(violation.reason == "innehåller radavgränsaren U+2028 på rad 2; använd en vanlig radbrytning")
    }

    @Test func everyNameFieldAndIdentityIsCovered() {
        var draft = RulesFixture.validDraft()
        draft.lastName = "Öberg\u{202E}"
        draft.preferredName = "\u{2067}Sassa"
        draft.identityKind = "reservnummer"
        draft.identity = "R123\u{200B}45"
        guard case .failure(let errors) = ParticipantValidation.validate(draft, today: RulesFixture.today) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors[.lastName]?.contains("U+202E") == true)
        #expect(errors[.preferredName]?.contains("U+2067") == true)
        #expect(errors[.identity]?.contains("U+200B") == true)
        let member = TeamMemberValidation.validate(
            TeamMemberDraft(login: "anna\u{200B}", name: "Anna\u{202E}", profession: "jc"), id: TeamMember.ID("m1"))
        guard case .failure(let memberErrors) = member else {
            Issue.record("expected errors")
            return
        }
        #expect(memberErrors[.login]?.contains("U+200B") == true)
        #expect(memberErrors[.name]?.contains("U+202E") == true)
    }

    @Test func ordinaryNamesFromManyLanguagesPass() {
        for name in ["Åsa", "Zoë", "Nguyễn", "محمد", "Ольга", "O'Brien-Smith", "Jean-Luc", "e\u{301}"] {
            #expect(firstNameError(name) == nil, "\(name)")
        }
    }

    @Test func messagesSpellInvisibleCharactersOut() {
        #expect(VisibleText.quoted("Åsa\u{202E}greb") == "\"Åsa\\u{202E}greb\"")
        #expect(VisibleText.escaped("a\u{200B}b\u{2028}") == "a\\u{200B}b\\u{2028}")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Found by the csv fuzz target (Tests/fuzz/regressions/csv/): a control character in a personnummer was
/// printed raw in the error message.
@Suite struct PersonnummerMessageTests {
    @Test func aControlCharacterInAPersonnummerIsSpelledOut() {
        #expect(PersonnummerError.invalidCharacter("\u{19}").description == "otillåtet tecken '\\u{19}'")
        #expect(PersonnummerError.invalidCharacter("\u{202E}").description == "otillåtet tecken '\\u{202E}'")
        #expect(PersonnummerError.invalidCharacter("x").description == "otillåtet tecken 'x'")
    }
}
