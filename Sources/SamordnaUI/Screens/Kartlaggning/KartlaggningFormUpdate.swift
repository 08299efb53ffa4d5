import SamordnaCore
import TerminalUI

enum KartlaggningFormUpdate {
    // MARK: Opening

    /// A kartläggning arrived from the store: a draft opens in the form, a completed one read-only.
    static func opened(_ state: inout AppState, _ session: KartlaggningSession) {
        let k = session.kartlaggning
        let name = state.caseload.records.first { $0.id == k.participantID }?.participant.fullName ?? ""
        if k.status == .klar {
            state.stack.append(
                .document(
                    KartlaggningPages.read(
                        session, participantName: name, team: state.caseload.team, timeZone: state.timeZone,
                        width: DocumentUpdate.body(state.size).width - 2)))
            return
        }
        guard let me = state.me else { return }
        let record = state.caseload.records.first { $0.id == k.participantID }
        let suggestion = StepLadder.suggest(
            episodes: record?.episodes ?? [], catalogue: state.caseload.catalogue, on: state.today)
        // A draft opens where it is not done yet: the first section with a required question unanswered.
        let start = KartlaggningRules.progress(answers: k.answers, template: session.template)
            .firstIndex { $0.requiredAnswered < $0.required } ?? 0
        let form = KartlaggningFormState(
            session: session, participantName: name, page: start, suggestion: suggestion, profession: me.profession,
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
        var effects: [Effect] = []
        var close = false
        if var dialog = screen.completing {
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.completing = nil
                effects = complete(&screen, state: &state)
            case .cancelled?: screen.completing = nil
            case nil: screen.completing = dialog
            }
        } else if var dialog = screen.leaving {
            switch dialog.handle(chord) {
            case .confirmed?: close = true
            case .cancelled?: screen.leaving = nil
            case nil: screen.leaving = dialog
            }
        } else if let command = state.keymap.command(for: chord, in: [.kartlaggning]),
            command == .nextSection || command == .previousSection
        {
            // The form's own keys, from the keymap (keys.conf may rebind them), before the fields see the key.
            effects = turn(&screen, by: command == .nextSection ? 1 : -1, state: &state)
        } else {
            switch screen.form.handle(chord) {
            case .edited(let id):
                screen.refused[id] = nil
                screen.form.setError(nil, for: id)
                // A choice is whole when it is made: saved at once. Text is saved when the field is left.
                switch screen.form[id]?.kind {
                case .choice?, .multiChoice?, .toggle?: effects = saveIfChanged(&screen, state: &state)
                default: break
                }
            case .refused(let refusal):
                screen.form.setError(refusal.message, for: refusal.fieldID)
            case .focusMoved:
                effects = saveIfChanged(&screen, state: &state)
            case .submit:
                if screen.isLastPage {
                    effects = saveIfChanged(&screen, state: &state) + askToComplete(&screen, state: &state)
                } else {
                    effects = saveIfChanged(&screen, state: &state)
                    if screen.refused.isEmpty { state.status = effects.isEmpty ? "Utkastet är sparat" : nil }
                }
            case .cancel:
                effects = leave(&screen, state: &state)
            case .handled, .unhandled:
                break
            }
        }
        if close {
            state.stack.removeLast()
            state.status = "Lämnade kartläggningen; det som inte sparades är borta"
            return [.loadRecord(screen.session.kartlaggning.participantID)]
        }
        state.stack[state.stack.count - 1] = .kartlaggningForm(screen)
        return effects
    }

    /// Esc: saves what is on the page and closes once the saves went through (`finished`). A refused value
    /// or a save that failed is not dropped unasked.
    static func leave(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        let effects = saveIfChanged(&screen, state: &state)
        if !screen.refused.isEmpty || screen.unsaved {
            let what = !screen.refused.isEmpty
                ? "\(screen.refused.count) svar har fel och sparas inte (fältet visar vad du skrev)."
                : "Det senaste kunde inte sparas."
            screen.leaving = ConfirmDialog(
                title: "Lämna kartläggningen?", lines: [what, "Lämna ändå? Det som inte sparats går förlorat."],
                yesLabel: "Lämna", noLabel: "Stanna kvar", destructive: true)
            return effects
        }
        screen.closing = true
        return effects + [.finishKartlaggningForm]
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

    /// Takes the page into the working copy and asks to save what changed: a section's answers with the
    /// draft, or on the last page who was present (with the draft) and the profession's assessment when
    /// Core accepts it.
    static func saveIfChanged(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if screen.isLastPage {
            let (present, assessment) = screen.lastPageValues()
            let saved = screen.session.kartlaggning
            if !present.isEmpty, present != saved.professionsPresent || screen.answers != saved.answers {
                effects.append(.saveKartlaggningDraft(screen.draftToSave(present: present), base: saved))
            }
            let mine = screen.session.assessments.first { $0.profession == screen.profession }
            if (1...5).contains(assessment.belief), AssessmentRules.validate(assessment).isEmpty, assessment != mine {
                effects.append(.saveDraftAssessment(assessment))
            }
        } else {
            screen.takePage()
            for q in screen.template.sections[screen.page].questions {
                screen.form.setError(screen.refused[q.id], for: q.id)
            }
            let saved = screen.session.kartlaggning
            if screen.answers != saved.answers {
                effects.append(.saveKartlaggningDraft(screen.draftToSave(), base: saved))
            }
        }
        if !effects.isEmpty { screen.isSaving = true }
        return effects
    }

    /// Ctrl-s on the last page: everything Core needs to mark it klar, or the reasons it cannot be.
    static func askToComplete(_ screen: inout KartlaggningFormState, state: inout AppState) -> [Effect] {
        let (present, assessment) = screen.lastPageValues()
        var errors: [String: String] = [:]
        if present.isEmpty { errors[KartlaggningFormState.presentID] = "ange vilka yrken som var med" }
        let assessmentErrors = AssessmentRules.validate(assessment)
        if assessment.belief == 0 { errors[KartlaggningFormState.beliefID] = "välj din tilltro, 1–5" }
        for field in assessmentErrors.fields where !(field == .belief && assessment.belief == 0) {
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
        let problems = KartlaggningRules.problems(answers: screen.answers, template: screen.template)
        if !problems.isEmpty {
            screen.refused.merge(problems.mapValues(\.reason)) { typed, _ in typed }
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
        let k = screen.draftToSave(present: present)
        screen.isSaving = true
        state.status = "Sparar …"
        return [.completeKartlaggning(KartlaggningCompletion(kartlaggning: k, assessment: assessment))]
    }

    // MARK: Answers from the runtime

    /// The open form, if it is the one for kartläggning `id`.
    private static func withForm(
        _ state: inout AppState, _ id: Kartlaggning.ID, _ body: (inout KartlaggningFormState) -> Void
    ) {
        guard case .kartlaggningForm(var screen) = state.stack.last, screen.session.kartlaggning.id == id else { return }
        body(&screen)
        state.stack[state.stack.count - 1] = .kartlaggningForm(screen)
    }

    /// The store saved the draft. With `merged`, a colleague had saved the same draft meanwhile: their
    /// answers came in under ours, and the page shows them.
    static func draftSaved(_ state: inout AppState, _ saved: Kartlaggning, merged: Bool) {
        let viewport = formViewport(state)
        withForm(&state, saved.id) { screen in
            screen.session.kartlaggning = saved
            screen.isSaving = false
            screen.unsaved = false
            guard merged else { return }
            screen.answers = saved.answers
            let focus = screen.form.focusedID
            screen.buildPage(viewport: viewport)
            if let focus { screen.form.focus(focus) }
        }
        if merged { state.status = "Sparat; en kollegas svar i samma utkast har kommit in" }
    }

    static func assessmentSaved(_ state: inout AppState, _ saved: ProfessionAssessment) {
        withForm(&state, saved.kartlaggningID) { screen in
            screen.session.assessments.removeAll { $0.profession == saved.profession }
            screen.session.assessments.append(saved)
            screen.isSaving = false
        }
    }

    /// A save failed: what was typed stays in the form, and leaving will ask.
    static func saveFailed(_ state: inout AppState, _ reason: String) {
        if case .kartlaggningForm(var screen) = state.stack.last {
            screen.isSaving = false
            screen.unsaved = true
            screen.closing = false
            state.stack[state.stack.count - 1] = .kartlaggningForm(screen)
        }
        state.status = "Kunde inte spara kartläggningen: \(reason)"
    }

    /// The saves Esc asked for are done: close if they all went through.
    static func finished(_ state: inout AppState) -> [Effect] {
        guard case .kartlaggningForm(let screen) = state.stack.last, screen.closing else { return [] }
        guard !screen.unsaved else { return [] }
        state.stack.removeLast()
        state.status = "Utkastet är sparat; e fortsätter"
        return [.loadRecord(screen.session.kartlaggning.participantID)]
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
        // Each section: answered of all its questions; ✓ when every required one is answered (and nothing
        // is refused). The status line gives the current section's required count.
        func done(_ p: SectionProgress) -> Bool { p.isComplete && (p.required > 0 || p.answered == p.questions) }
        func items(compact: Bool) -> [String] {
            progress.enumerated().map { i, p in
                let count = compact && i != screen.page ? "" : " \(p.answered)/\(p.questions)"
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
        var saved = screen.isSaving ? " Sparar …" : " Utkast sparat (mall v\(screen.template.version))"
        // The section's required count, unless a message needs the room.
        if state.status == nil, !screen.isLastPage, progress.indices.contains(screen.page),
            progress[screen.page].required > 0
        {
            let p = progress[screen.page]
            saved += " · obligatoriska \(p.requiredAnswered) av \(p.required)"
        }
        FormScreenKeys.renderChrome(
            status: saved,
            hints: screen.isLastPage
                ? [("Ctrl-s", "Markera klar"), ("Ctrl-p", "Föregående del"), ("Tab", "Fält"), ("Esc", "Stäng")]
                : hintItems(state, commands: [.nextSection, .previousSection])
                    + [("Tab/↑↓", "Fält"), ("Ctrl-s", "Spara"), ("Esc", "Stäng"), ("F1", "Hjälp")],
            leaving: screen.completing, state: state, into: &buffer)
        if screen.completing != nil { cursor = nil }
        if let dialog = screen.leaving {
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        }
        return cursor
    }
}
