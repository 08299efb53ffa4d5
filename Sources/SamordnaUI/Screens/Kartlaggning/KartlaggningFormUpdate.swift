import SamordnaCore
import TerminalUI

enum KartlaggningFormUpdate {
    // MARK: Opening

    /// A kartläggning arrived from the store: a draft opens in the form, a completed one read-only.
    static func opened(_ state: inout AppState, _ session: KartlaggningSession) {
        let k = session.kartlaggning
        let name = state.caseload.records.first { $0.id == k.participantID }?.participant.fullName ?? ""
        if k.status == .klar {
            state.stack.append(.document(KartlaggningPages.read(session, participantName: name, team: state.caseload.team)))
            return
        }
        guard let me = state.me else { return }
        let record = state.caseload.records.first { $0.id == k.participantID }
        let suggestion = StepLadder.suggest(
            episodes: record?.episodes ?? [], catalogue: state.caseload.catalogue, on: state.today)
        let form = KartlaggningFormState(
            session: session, participantName: name, suggestion: suggestion, profession: me.profession,
            viewport: formViewport(state))
        state.stack.append(.kartlaggningForm(form))
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

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        guard case .kartlaggningForm(var screen) = state.stack.last else { return [] }
        defer { if case .kartlaggningForm = state.stack.last { state.stack[state.stack.count - 1] = .kartlaggningForm(screen) } }
        if var dialog = screen.completing {
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.completing = nil
                return complete(&screen, state: &state)
            case .cancelled?: screen.completing = nil
            case nil: screen.completing = dialog
            }
            return []
        }
        if chord == .ctrl("n") { return turn(&screen, by: 1, state: &state) }
        if chord == .ctrl("p") { return turn(&screen, by: -1, state: &state) }
        switch screen.form.handle(chord) {
        case .edited(let id):
            screen.refused[id] = nil
            screen.form.setError(nil, for: id)
        case .refused(let refusal):
            screen.form.setError(refusal.message, for: refusal.fieldID)
        case .focusMoved:
            return saveIfChanged(&screen, state: &state)
        case .submit:
            if screen.isLastPage { return askToComplete(&screen, state: &state) }
            let effects = saveIfChanged(&screen, state: &state)
            if effects.isEmpty && screen.refused.isEmpty { state.status = "Utkastet är sparat" }
            return effects
        case .cancel:
            // Drafts are saved as you go: leaving saves the page and closes.
            let effects = saveIfChanged(&screen, state: &state)
            state.stack.removeLast()
            if !screen.refused.isEmpty {
                state.status = "Utkastet sparat utom \(screen.refused.count) ogiltiga svar"
            } else {
                state.status = "Utkastet är sparat; e fortsätter"
            }
            return effects + [.loadRecord(screen.session.kartlaggning.participantID)]
        case .handled, .unhandled:
            break
        }
        return []
    }

    /// Ctrl-n / Ctrl-p: saves the page and shows the next or previous one.
    static func turn(_ screen: inout KartlaggningFormState, by step: Int, state: inout AppState) -> [Effect] {
        let effects = saveIfChanged(&screen, state: &state)
        let next = min(max(0, screen.page + step), screen.template.sections.count)
        guard next != screen.page else { return effects }
        screen.page = next
        screen.buildPage(viewport: formViewport(state))
        return effects
    }

    /// Applies the page's answers; marks refused ones with Core's reason; asks to save when something
    /// changed.
    static func saveIfChanged(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        guard !screen.isLastPage else { return [] }
        let (k, refused, changed) = screen.applyingPage()
        let pageIDs = Set(screen.template.sections[screen.page].questions.map(\.id))
        screen.refused = screen.refused.filter { !pageIDs.contains($0.key) }.merging(refused) { a, _ in a }
        for id in pageIDs { screen.form.setError(refused[id], for: id) }
        guard changed else { return [] }
        screen.session.kartlaggning.answers = k.answers
        screen.isSaving = true
        return [.saveKartlaggningDraft(k)]
    }

    /// Ctrl-s on the last page: everything Core needs to mark it klar, or the reasons it cannot be.
    static func askToComplete(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        let (present, assessment) = screen.lastPageValues()
        var errors: [String: String] = [:]
        if present.isEmpty { errors[KartlaggningFormState.presentID] = "ange vilka yrken som var med" }
        let assessmentErrors = AssessmentRules.validate(assessment)
        for field in assessmentErrors.fields {
            let id: String
            switch field {
            case .belief: id = KartlaggningFormState.beliefID
            case .step: id = KartlaggningFormState.stepID
            case .overrideReason: id = KartlaggningFormState.reasonID
            }
            errors[id] = assessmentErrors[field]
        }
        screen.form.setErrors(errors)
        guard errors.isEmpty else {
            _ = screen.form.focusFirstError()
            return []
        }
        let problems = KartlaggningRules.problems(answers: screen.session.kartlaggning.answers, template: screen.template)
        if !problems.isEmpty {
            screen.refused = problems.mapValues(\.reason)
            let first = screen.template.sections.firstIndex { s in s.questions.contains { problems[$0.id] != nil } }
            screen.page = first ?? 0
            screen.buildPage(viewport: formViewport(state))
            _ = screen.form.focusFirstError()
            state.status = "\(problems.count) frågor saknar svar eller har fel; de är markerade"
            return []
        }
        screen.completing = ConfirmDialog(
            title: "Markera kartläggningen som klar?",
            lines: [
                "Närvarande: " + present.map(\.label).joined(separator: ", "),
                "En klar kartläggning kan inte ändras; nästa utgår från en kopia av den.",
            ],
            yesLabel: "Klar", noLabel: "Inte än", destructive: true)
        return []
    }

    static func complete(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        let (present, assessment) = screen.lastPageValues()
        var k = screen.session.kartlaggning
        k.professionsPresent = present
        screen.isSaving = true
        state.status = "Sparar …"
        return [.completeKartlaggning(KartlaggningCompletion(kartlaggning: k, assessment: assessment))]
    }

    // MARK: Answers from the runtime

    static func draftSaved(_ state: inout AppState, _ saved: Kartlaggning) {
        guard let i = state.stack.lastIndex(where: { if case .kartlaggningForm = $0 { return true } else { return false } }),
            case .kartlaggningForm(var screen) = state.stack[i], screen.session.kartlaggning.id == saved.id
        else { return }
        screen.session.kartlaggning.version = saved.version
        screen.isSaving = false
        state.stack[i] = .kartlaggningForm(screen)
    }

    static func saveFailed(_ state: inout AppState, _ reason: String) {
        if case .kartlaggningForm(var screen) = state.stack.last {
            screen.isSaving = false
            state.stack[state.stack.count - 1] = .kartlaggningForm(screen)
        }
        state.status = "Kunde inte spara kartläggningen: \(reason)"
    }

    // MARK: Drawing

    static func render(_ screen: KartlaggningFormState, state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        let sections = screen.template.sections
        let pageTitle = screen.isLastPage ? "Bedömning och klar" : sections[screen.page].title
        drawTitle(
            "Kartläggning · \(screen.participantName) · \(screen.page + 1)/\(sections.count + 1) \(pageTitle)",
            state: state, in: layout.title, into: &buffer)
        // Progress per section: answered required of required, ✓ when complete; the current one marked.
        // When that does not fit (many sections, 80 columns), the others show only their letter and ✓.
        let progress = screen.progress
        func done(_ p: SectionProgress) -> Bool { p.isComplete && (p.required > 0 || p.answered == p.questions) }
        func items(compact: Bool) -> [String] {
            progress.enumerated().map { i, p in
                let count = compact && i != screen.page ? "" : " \(p.shortText)"
                return "\(p.sectionID)\(count)" + (done(p) ? "✓" : "")
            }
        }
        var labels = items(compact: false)
        if labels.map(DisplayWidth.of).reduce(labels.count, +) >= layout.tabs.width { labels = items(compact: true) }
        var x = layout.tabs.x + 1
        for (i, text) in labels.enumerated() {
            let role: Role = i == screen.page ? .selection : (done(progress[i]) ? .ok : .muted)
            guard x + DisplayWidth.of(text) < layout.tabs.maxX else { break }
            x += buffer.write(text, at: Point(x: x, y: layout.tabs.y), role: role) + 1
        }
        var cursor = screen.form.render(in: layout.body, into: &buffer)
        let saved = screen.isSaving ? " Sparar …" : " Utkast sparat (mall v\(screen.template.version))"
        FormScreenKeys.renderChrome(
            status: saved,
            hints: screen.isLastPage
                ? [("Ctrl-s", "Markera klar"), ("Ctrl-p", "Föregående del"), ("Tab", "Fält"), ("Esc", "Stäng")]
                : [("Ctrl-n", "Nästa del"), ("Ctrl-p", "Föregående"), ("Tab/↑↓", "Fält"), ("Ctrl-s", "Spara"), ("Esc", "Stäng")],
            leaving: screen.completing, state: state, into: &buffer)
        if screen.completing != nil { cursor = nil }
        return cursor
    }
}
