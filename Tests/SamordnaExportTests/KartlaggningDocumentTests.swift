import Foundation
import SamordnaCore
import Testing

@testable import SamordnaExport

@Suite struct KartlaggningDocumentTests {
    let participant = Participant(
        id: .init("3f9c1a77"), identity: .other(kind: "test", value: "t-1"), firstName: "Åsa", lastName: "Öberg",
        enrolledOn: LocalDate(year: 2026, month: 1, day: 10)!)
    let anna = TeamMember(id: .init("m-anna"), name: "Anna Åberg", profession: .arbetsformedlare, login: "anna")
    let template = KartlaggningTemplate(
        version: 3, title: "Gemensam kartläggning",
        sections: [
            TemplateSection(
                id: "A", title: "Mål",
                questions: [
                    TemplateQuestion(id: "mal", label: "Vad vill du?", type: .multilineText, required: true),
                    TemplateQuestion(id: "tror", label: "Jag tror att jag kan <klara> ett arbete.", type: .scale(low: "inte", high: "helt")),
                    TemplateQuestion(id: "halsa", label: "Påverkar hälsan?", type: .yesNoUnknown, sensitivity: .p3),
                ], help: "Fylls i tillsammans."),
        ])

    func kartlaggning(_ answers: [String: Answer]) -> Kartlaggning {
        Kartlaggning(
            id: .init("k-1"), participantID: participant.id, templateVersion: 3, date: LocalDate(year: 2026, month: 3, day: 2)!,
            status: .klar, professionsPresent: [.arbetsformedlare, .jobbcoach], answers: answers,
            completedAt: Date(timeIntervalSince1970: 1_772_443_800), completedBy: anna.id, version: 4)
    }

    func document(names: Bool = false, answers: [String: Answer] = ["mal": .text("Bli *kock*\n# inte rubrik"), "tror": .scale(4)])
        throws -> KartlaggningDocument
    {
        try KartlaggningDocument(
            participant: participant, kartlaggning: kartlaggning(answers), template: template,
            assessments: [
                ProfessionAssessment(
                    kartlaggningID: .init("k-1"), profession: .jobbcoach, belief: 4, step: .arbetsplatsforlagd,
                    suggestedStep: .kompetenshojande, overrideReason: "Praktik | börjar snart")
            ], team: [anna], names: names, timeZone: TimeZone(identifier: "Europe/Stockholm")!, disclosure: .everything)
    }

    @Test func markdownIsPseudonymisedAndShowsTheTemplateVersion() throws {
        let md = try document().markdown()
        #expect(md.hasPrefix("# Kartläggning – Å.Ö. 3f9c1a\n"))
        #expect(md.contains("- **Mall:** Gemensam kartläggning, version 3\n"))
        #expect(md.contains("- **Klarmarkerad:** 2026-03-02 av anna\n"))
        #expect(md.contains("- **Närvarande yrken:** arbetsförmedlare, jobbcoach\n"))
        #expect(!md.contains("Öberg"))
        #expect(!md.contains("Anna Åberg"))
        #expect(md.contains("**Vad vill du? \\***\\\nBli \\*kock\\*\\\n\\# inte rubrik\n"))
        #expect(md.contains("**Jag tror att jag kan \\<klara\\> ett arbete.**\\\n4 av 5\n"))
        #expect(md.contains("**Påverkar hälsan?** (P3 känslig)\\\n–\n"))
        #expect(md.contains("| jobbcoach | 4 | 4 Arbetsplatsförlagd insats | 3 Kompetenshöjande / arbetsförberedande | Praktik \\| börjar snart |"))
    }

    @Test func namesAreUsedOnlyWhenAskedFor() throws {
        let md = try document(names: true).markdown()
        #expect(md.hasPrefix("# Kartläggning – Åsa Öberg\n"))
        #expect(md.contains("av Anna Åberg"))
    }

    @Test func htmlEscapesEverythingFromTheData() throws {
        let html = try document(answers: ["mal": .text("<script>alert('x')</script>\nrad två & \u{1B}[31m")]).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nrad två &amp; \\u{1B}[31m"))
        #expect(html.contains("Jag tror att jag kan &lt;klara&gt; ett arbete."))
        #expect(html.contains("<dt>Mall</dt><dd>Gemensam kartläggning, version 3</dd>"))
        #expect(!html.contains("\u{1B}"))
    }

    @Test func protectedIdentityIsNeverExported() {
        var hidden = participant
        hidden.protectedIdentity = true
        #expect(throws: KartlaggningExportRefusal.protectedIdentity(participant.id)) {
            try KartlaggningDocument(
                participant: hidden, kartlaggning: kartlaggning([:]), template: template, assessments: [], team: [],
                names: true, timeZone: .gmt, disclosure: .everything)
        }
    }

    @Test func theKartlaggningMustBeShownWithItsOwnTemplateVersion() {
        var other = template
        other.version = 4
        #expect(throws: KartlaggningExportRefusal.wrongTemplate(expected: 3, given: 4)) {
            try KartlaggningDocument(
                participant: participant, kartlaggning: kartlaggning([:]), template: other, assessments: [], team: [],
                names: false, timeZone: .gmt, disclosure: .everything)
        }
    }

    @Test func anAnswerTheReaderMayNotSeeIsSekretessInTheDocument() throws {
        var owned = template
        owned.sections[0].questions[2].owner = .socialsekreterare
        owned.sections[0].questions[2].category = .halsa
        let assessments = [
            ProfessionAssessment(kartlaggningID: .init("k-1"), profession: .socialsekreterare, belief: 2, step: .forberedande, suggestedStep: .forberedande)
        ]
        let reader = Disclosure(reader: anna, consents: [], registrars: [:], on: LocalDate(year: 2026, month: 3, day: 2)!)
        let doc = try KartlaggningDocument(
            participant: participant, kartlaggning: kartlaggning(["mal": .text("Kock"), "halsa": .yesNoUnknown(.ja)]),
            template: owned, assessments: assessments, team: [anna], names: false, timeZone: .gmt, disclosure: reader)
        let md = doc.markdown()
        #expect(md.contains("Kock"))
        #expect(md.contains("(sekretess: Kommunen, socialtjänst, hälsa/vårdkontakt – samtycke saknas)"))
        #expect(!md.contains("| ja"))
        #expect(!md.contains("Socialsekreterare |"), "the socialtjänst's assessment is not shown")
        #expect(md.contains("Bedömningar som inte visas"))
        let everything = try KartlaggningDocument(
            participant: participant, kartlaggning: kartlaggning(["mal": .text("Kock"), "halsa": .yesNoUnknown(.ja)]),
            template: owned, assessments: assessments, team: [anna], names: false, timeZone: .gmt, disclosure: .everything)
        #expect(!everything.markdown().contains("samtycke saknas"))
    }
}
