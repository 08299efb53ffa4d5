import Foundation
import SamordnaCore
import TerminalUI

/// A read-only page of lines: a completed kartläggning, or two compared. `j k PgDn PgUp g G` scroll, `Esc`
/// goes back.
public struct DocumentState: Equatable, Sendable {
    public var title: String
    public var lines: [OverviewLine]
    public var scrollOffset: Int = 0
    /// The kartläggning shown, so `p` can print it.
    public var kartlaggningID: Kartlaggning.ID?
    /// What the lines were built from, to build them again at a new width.
    public var source: DocumentSource?
}

/// The data behind a document, kept so that a resized window wraps it anew.
public enum DocumentSource: Equatable, Sendable {
    case kartlaggning(KartlaggningSession, participantName: String)
    case comparison(KartlaggningSession, KartlaggningSession, participantName: String)

    func document(team: [TeamMember.ID: TeamMember], timeZone: TimeZone, width: Int) -> DocumentState {
        switch self {
        case .kartlaggning(let s, let name):
            return KartlaggningPages.read(s, participantName: name, team: team, timeZone: timeZone, width: width)
        case .comparison(let a, let b, let name):
            return KartlaggningPages.compare(a, b, participantName: name, width: width)
        }
    }
}

/// Builds the read-only kartläggning and the comparison of two, always with the template version each was
/// made with.
enum KartlaggningPages {
    /// - Parameter width: the columns the lines are drawn in; answers wrap at it.
    static func read(
        _ session: KartlaggningSession, participantName: String, team: [TeamMember.ID: TeamMember],
        timeZone: TimeZone = .current, width: Int = 78
    ) -> DocumentState {
        let k = session.kartlaggning
        var lines: [OverviewLine] = []
        func add(_ text: String, _ role: Role = .normal) { lines.append(OverviewLine(text, role)) }
        add("Kartläggning \(k.date) · \(k.status == .klar ? "klar" : "utkast") · mall v\(session.template.version)", .header)
        if k.status == .klar {
            let who = k.professionsPresent.map(\.label).joined(separator: ", ")
            let by = k.completedBy.flatMap { team[$0]?.name } ?? "okänd"
            let when = k.completedAt.map { " " + ParticipantTabLines.timestamp($0, timeZone) } ?? ""
            add("  Närvarande: \(who) · markerad klar av \(by)\(when)", .muted)
        }
        for section in session.template.sections {
            add("")
            add(section.title, .header)
            for q in section.questions {
                let answer = k.answers[q.id].map(AnswerRules.displayText)
                for row in TextWrap.rows(q.label + (q.required ? " *" : ""), width: width - 2) { add("  " + row, .title) }
                if session.hidden.contains(q.id) {
                    add("    " + KartlaggningFormContent.withheld(q, answered: answer != nil), .muted)
                } else if let answer, !answer.isEmpty {
                    for row in TextWrap.rows(answer, width: width - 4) { add("    " + row) }
                } else {
                    add("    –", .muted)
                }
            }
        }
        if !session.assessments.isEmpty {
            add("")
            add("Yrkenas bedömning", .header)
            for a in session.assessments.sorted(by: { $0.profession.rawValue < $1.profession.rawValue }) {
                guard !session.hiddenAssessments.contains(a.profession) else {
                    add("  \(a.profession.label.capitalizedFirst): \(Disclosure.withheldMark)", .muted)
                    continue
                }
                add("  \(a.profession.label.capitalizedFirst): tilltro \(a.belief) av 5, steg \(a.step.rawValue) \(a.step.label)")
                if a.step != a.suggestedStep {
                    add("    föreslaget steg \(a.suggestedStep.rawValue); skäl: \(a.overrideReason ?? "–")", .muted)
                }
            }
            if session.hiddenAssessments.isEmpty, let team = AssessmentRules.teamStep(session.assessments) {
                add("  Teamets steg: \(team.rawValue) \(team.label)")
            }
        }
        return DocumentState(
            title: "Kartläggning · \(participantName) · \(k.date)", lines: lines, kartlaggningID: k.id,
            source: .kartlaggning(session, participantName: participantName))
    }

    /// Changed answers first-class: each question with both answers; scale changes as `2 → 4 ↑`.
    static func compare(
        _ a: KartlaggningSession, _ b: KartlaggningSession, participantName: String, width: Int = 78
    ) -> DocumentState {
        // In time order: by date, then by when each was completed (a draft last).
        func when(_ s: KartlaggningSession) -> (LocalDate, Date) {
            (s.kartlaggning.date, s.kartlaggning.completedAt ?? .distantFuture)
        }
        let (older, newer) = when(a) <= when(b) ? (a, b) : (b, a)
        let c = KartlaggningComparison(
            older: older.kartlaggning, olderTemplate: older.template, olderAssessments: older.assessments,
            newer: newer.kartlaggning, newerTemplate: newer.template, newerAssessments: newer.assessments)
        var lines: [OverviewLine] = []
        func add(_ text: String, _ role: Role = .normal) { lines.append(OverviewLine(text, role)) }
        let o = older.kartlaggning
        let n = newer.kartlaggning
        add("Jämförelse \(o.date) (mall v\(c.olderTemplateVersion)) → \(n.date) (mall v\(c.newerTemplateVersion))", .header)
        add("  \(c.changedRows.count) av \(c.rows.count) frågor ändrade", .muted)
        add("")
        add("Steg", .header)
        add("  Teamet: \(c.teamStep)", c.teamStep.direction == .up ? .ok : .normal)
        for p in c.professions {
            add("  \(DisplayWidth.pad(p.profession.label.capitalizedFirst, to: 20)) steg \(p.step)   tilltro \(p.belief)")
        }
        // What changed comes first, whole; then what stayed the same, one line each, by section.
        func wrapped(_ text: String, first: String, rest: String, _ role: Role) {
            for (i, row) in TextWrap.rows(text, width: width - first.count).enumerated() {
                add((i == 0 ? first : rest) + row, role)
            }
        }
        let changed = c.changedRows
        add("")
        add("Ändrade svar (\(changed.count))", .header)
        if changed.isEmpty { add("  Inga svar har ändrats.", .muted) }
        var section = ""
        for row in changed {
            if row.sectionTitle != section {
                section = row.sectionTitle
                add("  " + section, .muted)
            }
            let change = row.changeText(olderVersion: c.olderTemplateVersion, newerVersion: c.newerTemplateVersion)
            wrapped("\(row.label)  [\(change)]", first: "  ", rest: "    ", .warning)
            wrapped(row.older ?? "–", first: "    före:  ", rest: "           ", .muted)
            wrapped(row.newer ?? "–", first: "    efter: ", rest: "           ", .normal)
        }
        let same = c.rows.filter { !$0.isChanged }
        add("")
        add("Oförändrade svar (\(same.count))", .header)
        section = ""
        for row in same {
            if row.sectionTitle != section {
                section = row.sectionTitle
                add("  " + section, .muted)
            }
            wrapped(row.label, first: "    ", rest: "      ", .muted)
            wrapped(oneLine(row.newer ?? row.older), first: "      ", rest: "      ", .muted)
        }
        return DocumentState(
            title: "Progression · \(participantName)", lines: lines,
            source: .comparison(a, b, participantName: participantName))
    }

    static func oneLine(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "–" }
        return s.replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}

extension DocumentState: ScreenModel {
    var screen: Screen { .document(self) }
    var keyContexts: [KeyContext] { [.document, .global] }
    var acceptsText: Bool { false }
    var isOverlay: Bool { false }

    func isAvailable(_ command: Command, in state: AppState) -> Bool {
        if command == .print { return kartlaggningID != nil }
        return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help].contains(command)
    }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? { nil }

    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep {
        let page = DocumentUpdate.body(state.size).height
        if let offset = LinePage.scrolled(scrollOffset, by: command, page: page, lineCount: lines.count) {
            scrollOffset = LinePage.clamped(offset, page: page, lineCount: lines.count)
            return .stay
        }
        switch command {
        case .back:
            return .close()
        case .print:
            guard let id = kartlaggningID else { return .stay }
            state.status = "Skriver ut …"
            return .stay([.kartlaggning(.print(id))])
        default:
            return .stay
        }
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        DocumentUpdate.render(self, state: state, into: &buffer)
        return nil
    }

    /// Wraps the document anew at the new width, keeping the place.
    mutating func fit(_ state: AppState) {
        let width = DocumentUpdate.body(state.size).width - 2
        if let source {
            let offset = scrollOffset
            self = source.document(team: state.caseload.team, timeZone: state.timeZone, width: width)
            scrollOffset = offset
        }
        scrollOffset = LinePage.clamped(scrollOffset, page: DocumentUpdate.body(state.size).height, lineCount: lines.count)
    }

    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }
}

enum DocumentUpdate {
    /// A document has no tabs: its lines use that row too.
    static func body(_ size: Size) -> Rect { ParticipantLayout(size).formBody }

    static func render(_ doc: DocumentState, state: AppState, into buffer: inout Buffer) {
        let layout = ParticipantLayout(state.size)
        drawTitle(doc.title, state: state, in: layout.title, into: &buffer)
        let body = body(state.size)
        LinePage.draw(doc.lines, from: doc.scrollOffset, in: body, into: &buffer)
        LinePage.drawStatus(
            " skrivskyddad · ", offset: doc.scrollOffset, page: body.height, lineCount: doc.lines.count, state: state,
            in: layout.status, into: &buffer)
        HintBar(items: hintItems(state, commands: [.moveDown, .pageDown, .print, .back, .help])).render(in: layout.hints, into: &buffer)
    }
}
