import Foundation
import SamordnaCore
import Testing

/// Who reads what (docs/privacy.md, "Vem ser vad"): every organisation × category × period × withdrawal.
@Suite struct DisclosureTests {
    let day = LocalDate(iso: "2026-11-23")!
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    /// One member per organisation, the consent's registrar and the reader alike.
    let members: [Organisation: TeamMember] = Dictionary(
        uniqueKeysWithValues: Organisation.allCases.enumerated().map { i, o in
            (o, TeamMember(id: .init("m\(i)"), name: "M\(i)", profession: .jobbcoach, organisation: o, login: "m\(i)"))
        })
    var registrars: [TeamMember.ID: Organisation] { Disclosure.registrars(members.values) }

    func consent(
        by owner: Organisation, to reader: Organisation, _ categories: Set<InformationCategory>,
        from: String = "2026-01-01", until: String = "2026-12-31", withdrawn: String? = nil
    ) -> Consent {
        Consent(
            id: .init("c"), participantID: .init("p"), discloser: owner.consentAuthorities,
            recipient: reader.consentAuthorities, categories: categories, purposes: [.samordnadPlanering],
            validFrom: d(from), validTo: d(until), registeredBy: members[owner]!.id, withdrawnOn: withdrawn.map(d))
    }

    func disclosure(_ reader: Organisation?, _ consents: [Consent], on: LocalDate? = nil) -> Disclosure {
        Disclosure(reader: reader.map { members[$0]! }, consents: consents, registrars: registrars, on: on ?? day)
    }

    @Test func everyOrganisationReadsItsOwnEntriesWithoutAnyConsent() {
        for o in Organisation.allCases {
            for c in InformationCategory.allCases {
                #expect(disclosure(o, []).maySee(owner: o, category: c), "\(o) \(c)")
            }
        }
    }

    @Test func anotherOrganisationsEntryNeedsConsentForExactlyThatCategoryAndPair() {
        for owner in Organisation.allCases {
            for reader in Organisation.allCases where reader != owner {
                for category in InformationCategory.allCases {
                    #expect(!disclosure(reader, []).maySee(owner: owner, category: category), "no consent: \(owner)→\(reader)")
                    let given = disclosure(reader, [consent(by: owner, to: reader, [category])])
                    #expect(given.maySee(owner: owner, category: category), "\(owner)→\(reader) \(category)")
                    for other in InformationCategory.allCases where other != category {
                        #expect(!given.maySee(owner: owner, category: other), "only \(category), not \(other)")
                    }
                    // The consent lets `owner` disclose to `reader` only: not to a third organisation, and
                    // not the other way.
                    for third in Organisation.allCases where third != owner && third != reader {
                        #expect(!disclosure(third, [consent(by: owner, to: reader, [category])]).maySee(owner: owner, category: category))
                        #expect(!disclosure(reader, [consent(by: owner, to: reader, [category])]).maySee(owner: third, category: category))
                    }
                    #expect(!disclosure(owner, [consent(by: owner, to: reader, [category])]).maySee(owner: reader, category: category)
                        || owner == reader)
                }
            }
        }
    }

    @Test func theConsentCountsOnlyFromItsFirstDayToItsLastAndNotAfterWithdrawal() {
        let c = consent(by: .kommunSoc, to: .af, [.socialSituation], from: "2026-03-01", until: "2026-09-30")
        let cases: [(String, Bool)] = [("2026-02-28", false), ("2026-03-01", true), ("2026-09-30", true), ("2026-10-01", false)]
        for (on, expected) in cases {
            #expect(disclosure(.af, [c], on: d(on)).maySee(owner: .kommunSoc, category: .socialSituation) == expected, "\(on)")
        }
        let withdrawn = consent(by: .kommunSoc, to: .af, [.socialSituation], withdrawn: "2026-11-23")
        #expect(!disclosure(.af, [withdrawn]).maySee(owner: .kommunSoc, category: .socialSituation), "withdrawn today")
        #expect(disclosure(.af, [withdrawn], on: d("2026-11-22")).maySee(owner: .kommunSoc, category: .socialSituation))
    }

    @Test func eachAuthorityRegistersItsOwnConsent() {
        // The AF member registered a form that names the socialtjänst as discloser: it lifts AF's secrecy
        // only, so it does not open the socialtjänst's notes to AF's reader.
        var c = consent(by: .kommunSoc, to: .af, [.socialSituation])
        c.registeredBy = members[.af]!.id
        #expect(!disclosure(.af, [c]).maySee(owner: .kommunSoc, category: .socialSituation))
        // A registrar who is not in the team opens nothing.
        c.registeredBy = .init("gone")
        #expect(!disclosure(.af, [c]).maySee(owner: .kommunSoc, category: .socialSituation))
    }

    @Test func jobbtorgAndSamordningsforbundAreTheirOwnParties() {
        let soc = consent(by: .kommunSoc, to: .af, [.utbildningArbete])
        #expect(!disclosure(.af, [soc]).maySee(owner: .kommunJobbtorg, category: .utbildningArbete))
        #expect(!disclosure(.af, [soc]).maySee(owner: .samordningsforbund, category: .utbildningArbete))
        let toJobbtorg = consent(by: .kommunSoc, to: .kommunJobbtorg, [.socialSituation])
        #expect(disclosure(.kommunJobbtorg, [toJobbtorg]).maySee(owner: .kommunSoc, category: .socialSituation))
        #expect(!disclosure(.samordningsforbund, [toJobbtorg]).maySee(owner: .kommunSoc, category: .socialSituation))
    }

    @Test func theTeamsOwnEntriesAreForEveryoneAndAnUnknownReaderSeesOnlyThose() {
        #expect(disclosure(nil, []).maySee(owner: nil, category: .identitetKontakt))
        #expect(disclosure(.af, []).maySee(owner: nil, category: .halsa))
        for o in Organisation.allCases {
            #expect(!disclosure(nil, [consent(by: o, to: .af, Set(InformationCategory.allCases))]).maySee(owner: o, category: .identitetKontakt))
        }
    }

    @Test func aMeetingIsSeenByItsParticipantsItsOrganisationsAndByConsent() {
        let m = Meeting(
            id: .init("m"), participantID: .init("p"), date: day, time: TimeOfDay(hour: 10, minute: 0)!, kind: .uppfoljning,
            professions: [.socialsekreterare], members: [members[.kommunSoc]!.id])
        #expect(disclosure(.kommunSoc, []).maySee(meeting: m))
        #expect(!disclosure(.af, []).maySee(meeting: m))
        #expect(disclosure(.af, [consent(by: .kommunSoc, to: .af, [.socialSituation])]).maySee(meeting: m))
        #expect(!disclosure(.af, [consent(by: .kommunSoc, to: .af, [.ekonomisktBistand])]).maySee(meeting: m))
        var joined = m
        joined.members.append(members[.af]!.id)
        #expect(disclosure(.af, []).maySee(meeting: joined), "taking part oneself")
    }

    @Test func theHiddenAreCountedPerOwnerInSwedish() {
        let record = ParticipantRecord(
            participant: Participant(
                id: .init("p"), identity: .other(kind: "test", value: "1"), firstName: "A", lastName: "B", status: .aktiv,
                enrolledOn: d("2026-01-01")),
            episodes: [
                InsatsEpisode(id: .init("e1"), participantID: .init("p"), typeCode: "PRA", status: .pagar, owner: .af),
                InsatsEpisode(id: .init("e2"), participantID: .init("p"), typeCode: "SFI", status: .pagar, owner: .kommunSoc),
            ])
        let notes = (1...2).map { i in
            Note(
                id: .init("n\(i)"), participantID: .init("p"), authorID: members[.kommunSoc]!.id, profession: .socialsekreterare,
                owner: .kommunSoc, writtenAt: Date(timeIntervalSince1970: 0), text: "hemligt \(i)")
        }
        let reader = disclosure(.af, [])
        let (shown, withheld) = reader.visible(record)
        #expect(shown.episodes.map(\.id) == [.init("e1")])
        #expect(withheld.insatsLines == ["1 insats från socialtjänsten – samtycke saknas"])
        let hidden = reader.visible(notes)
        #expect(hidden.notes.isEmpty)
        #expect(Withheld.lines(notes: hidden.withheld) == ["2 anteckningar från socialtjänsten – samtycke saknas"])
    }

    @Test func aKartlaggningAnswerFollowsItsQuestionsOwnerAndCategory() {
        let template = KartlaggningTemplate(
            version: 1, title: "t",
            sections: [
                TemplateSection(
                    id: "A", title: "A",
                    questions: [
                        TemplateQuestion(id: "together", label: "?", type: .text),
                        TemplateQuestion(id: "money", label: "?", type: .text, owner: .socialsekreterare, category: .ekonomisktBistand),
                        TemplateQuestion(id: "health", label: "?", type: .text, owner: .socialsekreterare, category: .halsa),
                        TemplateQuestion(id: "plan", label: "?", type: .text, owner: .arbetsformedlare),
                    ])
            ])
        let k = Kartlaggning(
            id: .init("k"), participantID: .init("p"), templateVersion: 1, date: day,
            answers: ["together": .text("a"), "money": .text("b"), "health": .text("c"), "plan": .text("d")])
        let af = disclosure(.af, [consent(by: .kommunSoc, to: .af, [.ekonomisktBistand])])
        let (shown, withheld) = af.visible(k, template: template)
        #expect(Set(shown.answers.keys) == ["together", "money", "plan"])
        #expect(withheld == [.kommunSoc: 1])
        #expect(template.question("plan")?.informationCategory == .afPlanering, "the owner's own kind by default")
        #expect(template.question("together")?.informationCategory == .identitetKontakt)
    }
}
