import Testing

@testable import SamordnaCore

/// The part of a key that decides the order before the tie-break.
private func primary(_ s: String) -> Substring {
    let key = SwedishCollation.key(s)
    return key[..<(key.firstIndex(of: "\u{1}") ?? key.endIndex)]
}

private func swedishSorted(_ names: [String]) -> [String] {
    names.sorted(by: SwedishCollation.compare)
}

@Suite struct SwedishCollationTests {
    @Test func aRingAUmlautAndOUmlautComeAfterZ() {
        #expect(
            swedishSorted(["Öberg", "Zetterberg", "Åberg", "Ängström", "Andersson"])
                == ["Andersson", "Zetterberg", "Åberg", "Ängström", "Öberg"])
    }

    @Test func upperAndLowerCaseAreEqualAtPrimaryLevel() {
        #expect(primary("Öberg") == primary("öberg"))
        #expect(primary("ÅSA") == primary("åsa"))
        #expect(swedishSorted(["bertil", "Anna", "adam"]) == ["adam", "Anna", "bertil"])
    }

    @Test func tiesAreBrokenByTheOriginalStringSoTheOrderIsTotal() {
        #expect(swedishSorted(["öberg", "Öberg"]) == ["Öberg", "öberg"])
        #expect(swedishSorted(["Öberg", "öberg"]) == ["Öberg", "öberg"])
    }

    @Test func accentsFoldToTheBaseLetter() {
        #expect(primary("René") == primary("Rene"))
        #expect(primary("Rene\u{301}") == primary("Rene"))
        #expect(primary("José") == primary("jose"))
        #expect(primary("Hodžić") == primary("hodzic"))
        #expect(primary("Yılmaz") == primary("yilmaz"))
        #expect(primary("Łukasz") == primary("lukasz"))
    }

    @Test func danishAndNorwegianLettersSortAsTheirSwedishCounterparts() {
        #expect(primary("Ærø") == primary("Ärö"))
        #expect(primary("Ørsted") == primary("Örsted"))
    }

    @Test func decomposedSwedishLettersAreStillSwedishLetters() {
        #expect(primary("A\u{30A}sa") == primary("Åsa"))
        #expect(primary("O\u{308}berg") == primary("Öberg"))
    }

    @Test func uUmlautSortsAsY() {
        #expect(primary("Müller") == primary("Myller"))
        #expect(swedishSorted(["Myr", "Müller", "Muller"]) == ["Muller", "Müller", "Myr"])
    }

    @Test func wIsALetterOfItsOwn() {
        #expect(swedishSorted(["Wall", "Vik", "Vall"]) == ["Vall", "Vik", "Wall"])
    }

    @Test func shorterNameSortsFirst() {
        #expect(
            swedishSorted(["Bergström, Anna", "Berg, Anna", "Bergman, Anna"])
                == ["Berg, Anna", "Bergman, Anna", "Bergström, Anna"])
    }

    @Test func scriptsOutsideTheLatinAlphabetComeAfterO() {
        #expect(swedishSorted(["作者", "Öberg", "Жуков", "Adam"]) == ["Adam", "Öberg", "Жуков", "作者"])
    }

    @Test func sortingByKeysIsDeterministicAndMatchesCompare() {
        var rng = SeededGenerator(seed: 3)
        let names = DemoCaseload.generate(
            participants: 2_000, seed: 11, today: LocalDate(year: 2026, month: 6, day: 15)!
        )
        .records.map(\.participant.sortName)
        let once = SwedishCollation.sorted(names.shuffled(using: &rng)) { $0 }
        let twice = SwedishCollation.sorted(names.shuffled(using: &rng)) { $0 }
        #expect(once == twice)
        #expect(once == names.sorted(by: SwedishCollation.compare))
    }
}
