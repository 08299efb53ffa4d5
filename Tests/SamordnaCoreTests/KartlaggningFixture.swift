import Foundation

@testable import SamordnaCore

/// A small template with one question of every answer type, and kartläggningar made with it.
enum KartlaggningFixture {
    static let participant = Participant.ID("p-1")
    static let at = Date(timeIntervalSince1970: 1_772_443_800)

    static func template(version: Int = 1) -> KartlaggningTemplate {
        KartlaggningTemplate(
            version: version, title: "Prov",
            sections: [
                TemplateSection(
                    id: "A", title: "Utgångsläge",
                    questions: [
                        TemplateQuestion(id: "mal", label: "Vad vill du?", type: .multilineText, required: true, maxLength: 20),
                        TemplateQuestion(id: "kort", label: "Kort svar", type: .text),
                        TemplateQuestion(id: "tolk", label: "Tolk?", type: .yesNoUnknown),
                    ]),
                TemplateSection(
                    id: "F", title: "Självskattning",
                    questions: [
                        TemplateQuestion(
                            id: "tror", label: "Jag tror att jag kan klara ett arbete.",
                            type: .scale(low: "stämmer inte alls", high: "stämmer helt"), required: true),
                        TemplateQuestion(id: "boende", label: "Boende", type: .singleChoice(["eget", "andrahand"])),
                        TemplateQuestion(id: "hinder", label: "Hinder", type: .multipleChoice(["språk", "hälsa", "boende"])),
                        TemplateQuestion(id: "nasta", label: "Nästa uppföljning", type: .date, required: true),
                        TemplateQuestion(id: "manader", label: "Månader", type: .number),
                    ]),
            ])
    }

    static func kartlaggning(
        _ id: String, date: String = "2026-03-02", answers: [String: Answer], status: KartlaggningStatus = .utkast,
        templateVersion: Int = 1
    ) -> Kartlaggning {
        Kartlaggning(
            id: Kartlaggning.ID(id), participantID: participant, templateVersion: templateVersion,
            date: LocalDate(iso: date)!, status: status, answers: answers)
    }

    static let fullAnswers: [String: Answer] = [
        "mal": .text("Bli kock"), "tror": .scale(2), "nasta": .date(LocalDate(iso: "2026-04-01")!),
        "boende": .choice("eget"), "hinder": .choices(["språk"]), "manader": .number(14),
    ]
}
