import SamordnaCore
import TerminalUI

/// The runtime's answers about kartläggningar.
public enum KartlaggningMsg: Equatable, Sendable {
    /// A kartläggning opened (new from a copy, a draft to continue, or a completed one to read).
    case opened(KartlaggningSession)
    /// Two kartläggningar to compare, each with its own template version.
    case compared(KartlaggningSession, KartlaggningSession)
    /// A draft was saved (as returned by the store); `merged` when a colleague's answers to the same draft
    /// came in under ours.
    case draftSaved(Kartlaggning, merged: Bool)
    case assessmentSaved(ProfessionAssessment)
    /// Marked klar, with the user's assessment.
    case completed(Kartlaggning)
    /// A save asked for by the form did not happen; what was typed stays.
    case saveFailed(KartlaggningFailure)
    /// Opening, starting or comparing did not happen.
    case failed(KartlaggningFailure)
    /// Written as a pseudonymised document to this path.
    case printed(path: String)
}

public enum KartlaggningEffect: Equatable, Sendable {
    /// A new kartläggning: a draft on the current template, copying the last completed one's answers.
    case start(Participant.ID)
    /// Load a kartläggning with the template version it was made with and its assessments.
    case open(Kartlaggning.ID)
    case compare(Kartlaggning.ID, Kartlaggning.ID)
    /// Save a draft's answers and who was present. `base` is the draft as last saved: if a colleague saved
    /// the same draft meanwhile, only what changed from `base` goes on top of theirs.
    case saveDraft(Kartlaggning, base: Kartlaggning)
    /// Save the user's profession's assessment on a draft.
    case saveAssessment(ProfessionAssessment)
    /// Mark a kartläggning klar, with the user's profession's assessment.
    case complete(KartlaggningCompletion)
    /// Write one kartläggning as a pseudonymised document and say where.
    case print(Kartlaggning.ID)
}

/// Why something about a kartläggning did not happen.
public enum KartlaggningFailure: Equatable, Sendable, Error {
    /// No template file and no stored version.
    case noTemplate
    /// The kartläggning or its template version is not stored.
    case notFound
    /// A colleague marked it klar meanwhile: a draft save no longer applies.
    case completedElsewhere
    /// A colleague saved the same kartläggning while it was being marked klar.
    case changedElsewhere
    /// There is no data directory to print into.
    case noDataDirectory
    /// The document was not written, and why.
    case notPrinted(String)
    /// The store could not start, open, compare, save or print it, in its words.
    case couldNotStart(String)
    case couldNotOpen(String)
    case couldNotPrint(String)
    case store(String)

    public var text: String {
        switch self {
        case .noTemplate: return "Ingen kartläggningsmall finns (kartlaggning.yaml)"
        case .notFound: return "Kartläggningen eller dess mallversion finns inte sparad"
        case .completedElsewhere: return "kartläggningen har markerats klar av en kollega; den ändras inte längre"
        case .changedElsewhere: return "en kollega har sparat samma kartläggning; stäng och öppna igen (e)"
        case .noDataDirectory: return "Ingen datakatalog att skriva till"
        case .notPrinted(let reason): return "Skrivs inte ut: \(reason)"
        case .couldNotStart(let reason): return "Kunde inte starta kartläggningen: \(reason)"
        case .couldNotOpen(let reason): return "Kunde inte öppna kartläggningen: \(reason)"
        case .couldNotPrint(let reason): return "Kunde inte skriva ut: \(reason)"
        case .store(let reason): return reason
        }
    }
}

extension KartlaggningFormContent {
    public typealias ThisScreen = FormScreen<KartlaggningFormContent>

    /// "Markera som klar?" before the kartläggning becomes read-only.
    public typealias Question = ConfirmDialog

    public static func screen(_ form: FormScreen<Self>) -> Screen { .kartlaggningForm(form) }
    public var title: String {
        let sections = template.sections
        let pageTitle = isLastPage ? "Bedömning och klar" : sections[page].title
        return "Kartläggning · \(participantName) · \(page + 1)/\(sections.count + 1) \(pageTitle)"
    }
    public var leaveTitle: String { "Lämna kartläggningen?" }
    public var keyContexts: [KeyContext] { [.kartlaggning, .form] }
    public var hintCommands: [Command] {
        isLastPage
            ? [.save, .previousSection, .nextField, .cancel] : [.nextSection, .previousSection, .nextField, .save, .cancel, .help]
    }
    public func hintLabel(_ command: Command) -> String? {
        switch command {
        case .save: return isLastPage ? "Markera klar" : nil
        case .cancel: return "Stäng"
        default: return nil
        }
    }
    /// Drafts save as fields are left: typing goes on while a save is out.
    public static var editsWhileSaving: Bool { true }
    public static func isAvailable(_ command: Command) -> Bool { command == .nextSection || command == .previousSection }

    // MARK: Opening

    /// A kartläggning arrived from the store: a draft opens in the form, a completed one read-only.
    static func opened(_ state: inout AppState, _ session: KartlaggningSession) {
        var session = session
        let k = session.kartlaggning
        let disclosure = state.caseload.record(k.participantID).map(state.disclosure(for:))
            ?? Disclosure(reader: state.me, consents: [], registrars: [:], on: state.today)
        session.hidden = Set(session.template.sections.flatMap(\.questions).filter { !disclosure.maySee($0) }.map(\.id))
        session.hiddenAssessments = Set(session.assessments.filter { !disclosure.maySee($0) }.map(\.profession))
        let name = state.caseload.record(k.participantID)?.participant.fullName ?? ""
        if k.status == .klar {
            state.stack.append(
                .document(
                    KartlaggningPages.read(
                        session, participantName: name, team: state.caseload.team, timeZone: state.timeZone,
                        width: DocumentUpdate.body(state.size).width - 2)))
            return
        }
        guard let me = state.me else { return }
        let record = state.caseload.record(k.participantID)
        let suggestion = StepLadder.suggest(
            episodes: record?.episodes ?? [], catalogue: state.caseload.catalogue, on: state.today)
        // A draft opens where it is not done yet: the first section with a required question unanswered.
        let start = KartlaggningRules.progress(answers: k.answers, template: session.template)
            .firstIndex { $0.requiredAnswered < $0.required } ?? 0
        let content = KartlaggningFormContent(
            session: session, participantName: name, page: start, suggestion: suggestion, profession: me.profession)
        state.stack.append(.kartlaggningForm(FormScreen(content, form: content.buildPage(viewport: formViewport(state)))))
        var notes: [String] = []
        if let notice = session.templateNotice { notes.append(notice) }
        if !session.notCopied.isEmpty {
            notes.append("Kopierat från förra; kom inte med: " + session.notCopied.joined(separator: ", "))
        }
        state.status = notes.isEmpty ? nil : notes.joined(separator: " · ")
    }

    static func formViewport(_ state: AppState) -> Size {
        let body = ParticipantLayout(state.size).body
        return Size(width: body.width, height: body.height)
    }

    public static func body(_ layout: ParticipantLayout) -> Rect { layout.body }

    // MARK: Keys

    public static func edited(_ field: String, _ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        screen.content.refused[field] = nil
        screen.form.setError(nil, for: field)
        // A choice is whole when it is made: saved at once. Text is saved when the field is left.
        switch screen.form[field]?.kind {
        case .choice?, .multiChoice?, .toggle?: return saveIfChanged(&screen, state: &state)
        case .text?, .multiline?, .date?, .readOnly?, nil: return []
        }
    }

    public static func focusMoved(_ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        saveIfChanged(&screen, state: &state)
    }

    /// `save`: on a section, saves the draft; on the last page, asks to mark it klar.
    public static func submit(_ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        if screen.content.isLastPage {
            return saveIfChanged(&screen, state: &state) + askToComplete(&screen, state: &state)
        }
        let effects = saveIfChanged(&screen, state: &state)
        if screen.content.refused.isEmpty { state.status = effects.isEmpty ? "Utkastet är sparat" : nil }
        return effects
    }

    /// The form's own commands: the next and previous section (the page is saved first).
    public static func perform(_ command: Command, _ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        switch command {
        case .nextSection: return turn(&screen, by: 1, state: &state)
        case .previousSection: return turn(&screen, by: -1, state: &state)
        default: return []
        }
    }

    /// `cancel`: saves what is on the page and closes once the saves are answered. A refused value or a
    /// save that failed is not dropped unasked.
    public static func leave(_ screen: inout ThisScreen, _ state: inout AppState) -> ScreenStep {
        let effects = saveIfChanged(&screen, state: &state)
        if !screen.content.refused.isEmpty || screen.unsaved {
            let what = !screen.content.refused.isEmpty
                ? "\(screen.content.refused.count) svar har fel och sparas inte (fältet visar vad du skrev)."
                : "Det senaste kunde inte sparas."
            screen.question = .leave(
                ConfirmDialog(
                    title: "Lämna kartläggningen?", lines: [what, "Lämna ändå? Det som inte sparats går förlorat."],
                    yesLabel: "Lämna", noLabel: "Stanna kvar", destructive: true))
            return .stay(effects)
        }
        guard screen.isSaving else { return .close(closed(screen, &state)) }
        // Closes when the last save is answered (`saveAnswered`), so it stays right if saves take time.
        screen.closing = true
        return .stay(effects)
    }

    public static func leftWithoutSaving(_ screen: ThisScreen, _ state: inout AppState) -> [Effect] {
        state.status = "Lämnade kartläggningen; det som inte sparades är borta"
        return [.participant(.loadRecord(screen.content.session.kartlaggning.participantID))]
    }

    /// Closed with everything saved.
    static func closed(_ screen: ThisScreen, _ state: inout AppState) -> [Effect] {
        state.status = "Utkastet är sparat; e fortsätter"
        return [.participant(.loadRecord(screen.content.session.kartlaggning.participantID))]
    }

    /// Ctrl-C, a closed terminal or SIGTERM: the page being filled in is saved first (drafts save as you
    /// go; at most the field being typed could otherwise be lost).
    public static func interrupt(_ screen: inout ThisScreen, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        .saveFirst(saveIfChanged(&screen, state: &state))
    }

    public static func answer(
        _ question: ConfirmDialog, _ chord: KeyChord, _ screen: inout ThisScreen, _ state: inout AppState
    ) -> ScreenStep {
        var dialog = question
        switch dialog.handle(chord) {
        case .confirmed?:
            screen.question = nil
            return .stay(complete(&screen, state: &state))
        case .cancelled?:
            screen.question = nil
        case nil:
            screen.question = .own(dialog)
        }
        return .stay
    }

    public static func render(_ question: ConfirmDialog, in rect: Rect, into buffer: inout Buffer) {
        question.render(in: rect, into: &buffer)
    }

    /// The next or previous section: saves the page and shows the other one.
    static func turn(_ screen: inout ThisScreen, by step: Int, state: inout AppState) -> [Effect] {
        let effects = saveIfChanged(&screen, state: &state)
        let next = min(max(0, screen.content.page + step), screen.content.template.sections.count)
        guard next != screen.content.page else { return effects }
        screen.content.page = next
        screen.form = screen.content.buildPage(viewport: formViewport(state))
        return effects
    }

    /// Takes the page into the working copy and asks to save what changed: a section's answers with the
    /// draft, or on the last page who was present (with the draft) and the profession's assessment when
    /// Core accepts it.
    static func saveIfChanged(_ screen: inout ThisScreen, state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        let saved = screen.content.session.kartlaggning
        if screen.content.isLastPage {
            let (present, assessment) = screen.content.lastPageValues(screen.form)
            if !present.isEmpty, present != saved.professionsPresent || screen.content.answers != saved.answers {
                effects.append(.kartlaggning(.saveDraft(screen.content.draftToSave(present: present), base: saved)))
            }
            let mine = screen.content.session.assessments.first { $0.profession == screen.content.profession }
            if (1...5).contains(assessment.belief), AssessmentRules.validate(assessment).isEmpty, assessment != mine {
                effects.append(.kartlaggning(.saveAssessment(assessment)))
            }
        } else {
            screen.content.takePage(screen.form)
            for q in screen.content.template.sections[screen.content.page].questions {
                screen.form.setError(screen.content.refused[q.id], for: q.id)
            }
            if screen.content.answers != saved.answers {
                effects.append(.kartlaggning(.saveDraft(screen.content.draftToSave(), base: saved)))
            }
        }
        return screen.startSaving(effects, state: &state)
    }

    /// `save` on the last page: everything Core needs to mark it klar, or the reasons it cannot be.
    static func askToComplete(_ screen: inout ThisScreen, state: inout AppState) -> [Effect] {
        let (present, assessment) = screen.content.lastPageValues(screen.form)
        var errors: [String: String] = [:]
        if present.isEmpty { errors[presentID] = "ange vilka yrken som var med" }
        let assessmentErrors = AssessmentRules.validate(assessment)
        if assessment.belief == 0 { errors[beliefID] = "välj din tilltro, 1–5" }
        for field in assessmentErrors.fields where !(field == .belief && assessment.belief == 0) {
            let id: String
            switch field {
            case .belief: id = beliefID
            case .step: id = stepID
            case .overrideReason: id = reasonID
            }
            errors[id] = assessmentErrors[field]
        }
        screen.form.setErrors(errors)
        guard errors.isEmpty else {
            _ = screen.form.focusFirstError()
            return []
        }
        let template = screen.content.template
        let problems = KartlaggningRules.problems(answers: screen.content.answers, template: template)
        if !problems.isEmpty {
            screen.content.refused.merge(problems.mapValues(\.reason)) { typed, _ in typed }
            let first = template.sections.firstIndex { s in s.questions.contains { problems[$0.id] != nil } }
            screen.content.page = first ?? 0
            screen.form = screen.content.buildPage(viewport: formViewport(state))
            _ = screen.form.focusFirstError()
            state.status = "\(problems.count) frågor saknar svar eller har fel; de är markerade"
            return []
        }
        screen.question = .own(
            ConfirmDialog(
                title: "Markera kartläggningen som klar?",
                lines: [
                    "Närvarande: " + present.map(\.label).joined(separator: ", "),
                    "En klar kartläggning kan inte ändras; nästa utgår från en kopia av den.",
                ],
                yesLabel: "Klar", noLabel: "Inte än", destructive: true))
        return []
    }

    static func complete(_ screen: inout ThisScreen, state: inout AppState) -> [Effect] {
        let (present, assessment) = screen.content.lastPageValues(screen.form)
        let k = screen.content.draftToSave(present: present)
        state.status = "Sparar …"
        return screen.startSaving(
            [.kartlaggning(.complete(KartlaggningCompletion(kartlaggning: k, assessment: assessment)))], state: &state)
    }

    // MARK: Answers from the runtime

    static func update(_ state: inout AppState, _ msg: KartlaggningMsg) -> [Effect] {
        switch msg {
        case .opened(let session):
            opened(&state, session)
            return []
        case .compared(let a, let b):
            let name = state.caseload.record(a.kartlaggning.participantID)?.participant.fullName ?? ""
            // Only what the user may read is compared; what is left out is counted above the comparison.
            let disclosure = state.caseload.record(a.kartlaggning.participantID).map(state.disclosure(for:))
                ?? Disclosure(reader: state.me, consents: [], registrars: [:], on: state.today)
            var withheld = 0
            func visible(_ session: KartlaggningSession) -> KartlaggningSession {
                var shown = session
                let (k, hidden) = disclosure.visible(session.kartlaggning, template: session.template)
                shown.kartlaggning = k
                shown.assessments = session.assessments.filter(disclosure.maySee)
                withheld += hidden.values.reduce(0, +) + session.assessments.count - shown.assessments.count
                return shown
            }
            var document = KartlaggningPages.compare(
                visible(a), visible(b), participantName: name, width: DocumentUpdate.body(state.size).width - 2)
            if withheld > 0 {
                document.lines.insert(
                    OverviewLine("  \(withheld) svar och bedömningar jämförs inte (\(Disclosure.withheldMark))", .muted),
                    at: min(1, document.lines.count))
            }
            state.stack.append(.document(document))
            return []
        case .draftSaved(let saved, let merged):
            let viewport = formViewport(state)
            let effects = answered(&state, saved.id, ok: true) { screen in
                screen.content.session.kartlaggning = saved
                guard merged else { return }
                screen.content.answers = saved.answers
                let focus = screen.form.focusedID
                screen.form = screen.content.buildPage(viewport: viewport)
                if let focus { screen.form.focus(focus) }
            }
            if merged { state.status = "Sparat; en kollegas svar i samma utkast har kommit in" }
            return effects
        case .assessmentSaved(let saved):
            return answered(&state, saved.kartlaggningID, ok: true) { screen in
                screen.content.session.assessments.removeAll { $0.profession == saved.profession }
                screen.content.session.assessments.append(saved)
            }
        case .completed(let k):
            _ = state.withTop(ThisScreen.self) { screen, _ in
                screen.content.session.kartlaggning.id == k.id ? .close() : .stay
            }
            state.status = "Kartläggningen är klar; nästa utgår från en kopia"
            return [.caseload(.refresh)]
        case .saveFailed(let failure):
            _ = state.withTop(ThisScreen.self) { screen, _ in
                _ = screen.saveAnswered(ok: false)
                return .stay
            }
            state.status = "Kunde inte spara kartläggningen: \(failure.text)"
            return []
        case .failed(let failure):
            state.status = failure.text
            return []
        case .printed(let path):
            state.status = "Utskrift sparad: \(Sanitize.line(path))"
            return []
        }
    }

    /// A save of kartläggning `id` was answered: the open form takes the result, and closes if it was
    /// waiting only for this.
    private static func answered(
        _ state: inout AppState, _ id: Kartlaggning.ID, ok: Bool, _ body: (inout ThisScreen) -> Void
    ) -> [Effect] {
        state.withTop(ThisScreen.self) { screen, state in
            guard screen.content.session.kartlaggning.id == id else { return .stay }
            body(&screen)
            guard screen.saveAnswered(ok: ok) else { return .stay }
            return .close(closed(screen, &state))
        } ?? []
    }

    // MARK: Drawing

    /// The progress line on the tab row, and the section's required count in the status row.
    public static func drawExtras(
        _ screen: ThisScreen, _ state: AppState, _ layout: ParticipantLayout, into buffer: inout Buffer
    ) {
        // Progress per section: answered of all its questions; ✓ when every required one is answered (and
        // nothing is refused); the current one marked. When that does not fit (many sections, 80 columns),
        // the others show only their letter and ✓.
        let progress = screen.content.progress
        let page = screen.content.page
        func done(_ p: SectionProgress) -> Bool { p.isComplete && (p.required > 0 || p.answered == p.questions) }
        func items(compact: Bool) -> [String] {
            progress.enumerated().map { i, p in
                let count = compact && i != page ? "" : " \(p.answered)/\(p.questions)"
                return "\(p.sectionID)\(count)" + (done(p) ? "✓" : "")
            }
        }
        var labels = items(compact: false)
        if labels.map(DisplayWidth.of).reduce(labels.count, +) >= layout.tabs.width { labels = items(compact: true) }
        var x = layout.tabs.x + 1
        for (i, text) in labels.enumerated() {
            let role: Role = i == page ? .selection : (done(progress[i]) ? .ok : .muted)
            guard x + DisplayWidth.of(text) < layout.tabs.maxX else { break }
            x += buffer.write(text, at: Point(x: x, y: layout.tabs.y), role: role) + 1
        }
    }

    public static func status(_ screen: ThisScreen, _ state: AppState) -> String {
        let content = screen.content
        var saved = screen.isSaving ? " Sparar …" : " Utkast sparat (mall v\(content.template.version))"
        // The section's required count, unless a message needs the room.
        let progress = content.progress
        if state.status == nil, !content.isLastPage, progress.indices.contains(content.page), progress[content.page].required > 0 {
            let p = progress[content.page]
            saved += " · obligatoriska \(p.requiredAnswered) av \(p.required)"
        }
        return saved
    }
}
