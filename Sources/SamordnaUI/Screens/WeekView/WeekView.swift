import SamordnaCore
import TerminalUI

/// The veckolista in the terminal (`v` on the list): one ISO week, Min vecka or Teamets vecka, every
/// section of the weekly list. `[` `]` move a week, `.` back to this week, `m` switches Min/Teamets vecka,
/// `Enter` opens the participant of the selected line on the right tab, `x` exports. The list is read by the
/// runtime (indexed range queries for the week) and built by Core's `WeekList`; the lines are built here in
/// `update`, and it follows a colleague's change.
public struct WeekViewState: Equatable, Sendable {
    public var week: IsoWeek
    /// Min vecka: what the logged-in member takes part in or is responsible for.
    public var mine: Bool
    public var list: WeekList?
    public var lines: [WeekLine] = []
    /// Index in `lines` of the selected line (only lines with a participant are selected).
    public var selection: Int?
    public var scrollOffset: Int = 0
    public var isLoading: Bool = true
    /// The week on screen is being read again after a commit (it stays until the new one arrives).
    public var isRefreshing = false
    /// Why the week could not be read (shown in the body instead of "Läser veckan …").
    public var loadError: String?

    /// One line of the view; `target` is the participant it opens and on which tab.
    public struct WeekLine: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var target: Target?
    }

    public struct Target: Equatable, Sendable {
        public var participant: Participant.ID
        public var tab: ParticipantTab
    }

    static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: max(1, size.height - 3)) }

    /// `v` on the list: this week, the whole team's.
    static func open(_ state: inout AppState) -> [Effect] {
        let view = opened(on: state.today)
        state.stack.append(.weekView(view))
        return [.week(.load(view.week, mine: view.mine))]
    }

    /// What `v` shows first (and what the caseload list reads ahead).
    static func opened(on today: LocalDate) -> WeekViewState { WeekViewState(week: IsoWeek(containing: today), mine: false) }

    var title: String {
        // The title line has room for this beside the date and login at 80 columns.
        // A lag's week is named by the lag (the list read says whose week it is): "Lag 2 · v. 48 · …".
        let whose = mine ? "Min vecka" : list?.reader.unit ?? "Teamets vecka"
        return whose + " · \(week.shortLabel) · \(week.monday) – \(week.sunday)"
    }

    /// The lines for the list, from Core's sections.
    mutating func build(_ list: WeekList, today: LocalDate) {
        var out: [WeekLine] = []
        func header(_ text: String) { out.append(WeekLine(text: text, role: .header, target: nil)) }
        func line(_ text: String, _ target: Target? = nil, _ role: Role = .normal) {
            out.append(WeekLine(text: "  " + text, role: role, target: target))
        }
        func secret(_ n: Int, _ one: String, _ many: String) {
            if n > 0 { line("\(n) \(n == 1 ? one : many) (sekretess: samtycke saknas)", nil, .muted) }
        }
        func target(_ p: WeekList.Person, _ tab: ParticipantTab) -> Target { Target(participant: p.id, tab: tab) }

        header("Möten")
        var anyMeeting = false
        for day in list.days where !day.meetings.isEmpty || day.restricted > 0 {
            anyMeeting = true
            out.append(WeekLine(text: " \(day.date.swedishWeekdayShort) \(day.date)", role: .title, target: nil))
            for m in day.meetings {
                var text = "\(m.meeting.time)  \(DisplayWidth.pad(m.person.name, to: 22)) \(m.meeting.kind.rawValue)"
                if !m.memberNames.isEmpty { text += " · " + m.memberNames.joined(separator: ", ") }
                if let place = m.meeting.location { text += " · \(place)" }
                if m.meeting.interpreter { text += " · tolk" + (m.meeting.interpreterLanguage.map { " \($0)" } ?? "") }
                if m.meeting.outcome != .planerat { text += " – \(m.meeting.outcome.rawValue)" }
                line(text, target(m.person, .moten), m.meeting.outcome == .installt ? .muted : .normal)
            }
            secret(day.restricted, "möte", "möten")
        }
        if !anyMeeting { line("Inga möten denna vecka.", nil, .muted) }
        if let noShows = list.noShowsLastWeek, !noShows.isEmpty {
            header("Uteblev förra veckan")
            for m in noShows.items {
                line("\(m.meeting.date) \(m.meeting.time)  \(m.person.name) · \(m.meeting.kind.rawValue)", target(m.person, .moten))
            }
            secret(noShows.restricted, "möte", "möten")
        }
        func insatser(_ title: String, _ section: WeekList.Section<WeekList.InsatsItem>, _ role: Role = .normal) {
            guard !section.isEmpty else { return }
            header(title)
            for i in section.items {
                line("\(i.date)  \(DisplayWidth.pad(i.person.name, to: 22)) \(i.episode.typeCode) \(i.typeName)", target(i.person, .insatser), role)
            }
            secret(section.restricted, "insats", "insatser")
        }
        insatser("Insatser som startar", list.starting)
        insatser("Insatser som slutar", list.ending)
        insatser("Glapp: slutar inom 4 veckor utan fortsättning", list.gaps, .warning)
        insatser("Nära längsta tid", list.nearMaxLength)
        func people(_ title: String, _ section: WeekList.Section<WeekList.Person>) {
            guard !section.isEmpty else { return }
            header(title + " (\(section.items.count + section.restricted))")
            for p in section.items { line(p.name, target(p, .insatser), .warning) }
            secret(section.restricted, "deltagare", "deltagare")
        }
        people("Utan pågående insats", list.withoutOngoing)
        people("Utan jobbinriktad insats", list.withoutJobFocused)
        if !list.followUps.isEmpty {
            header("Uppföljningar")
            for f in list.followUps.items {
                let tab: ParticipantTab
                switch f.kind {
                case .insats: tab = .insatser
                case .exit4Weeks, .exit6Months: tab = .oversikt
                }
                line("\(f.due)  \(DisplayWidth.pad(f.person.name, to: 22)) \(f.kind.label)\(f.overdue ? " · försenad" : "")",
                     target(f.person, tab), f.overdue ? .warning : .normal)
            }
            secret(list.followUps.restricted, "uppföljning", "uppföljningar")
        }
        if !list.consents.isEmpty {
            header("Samtycken")
            for c in list.consents.items {
                let what: String
                switch c.problem {
                case .missing: what = "saknas"
                case .ending(let day): what = "går ut \(day)"
                }
                line("\(DisplayWidth.pad(c.person.name, to: 24)) \(c.group.rawValue) \(what)", target(c.person, .samtycke), .warning)
            }
        }
        if !list.exits.isEmpty {
            header("Avslut")
            for e in list.exits.items {
                line("\(e.exit.date)  \(DisplayWidth.pad(e.person.name, to: 22)) \(e.exit.outcome.rawValue) \(e.exit.outcome.label)",
                     target(e.person, .oversikt))
            }
        }
        if list.gallringDue > 0 {
            header("Gallring")
            line("Gallring: \(list.gallringDue) deltagare att gallra (samordna gallring list)", nil, .warning)
        }
        let previous = selection.flatMap { lines.indices.contains($0) ? lines[$0].target : nil }
        lines = out
        isLoading = false
        selection = previous.flatMap { t in lines.firstIndex { $0.target == t } } ?? lines.firstIndex { $0.target != nil }
    }

    /// Another week or the other list: what is on screen belongs to the one before, so it goes until the new
    /// one has been read ("Läser veckan …"; a week read ahead arrives before the next frame).
    mutating func startReading() {
        isLoading = true
        isRefreshing = false
        loadError = nil
        lines = []
        list = nil
        selection = nil
        scrollOffset = 0
    }

    mutating func move(_ step: Int, page: Int) {
        let selectable = lines.indices.filter { lines[$0].target != nil }
        guard !selectable.isEmpty else { return }
        let at = selection.flatMap { selectable.firstIndex(of: $0) } ?? 0
        let next = min(max(0, at + step), selectable.count - 1)
        selection = selectable[next]
        if let s = selection {
            if s < scrollOffset { scrollOffset = max(0, s - 1) }
            if s >= scrollOffset + page { scrollOffset = s - page + 1 }
        }
    }
}

/// The formats the view exports in (the same as `samordna export week`).
public enum WeekExportFormat: String, CaseIterable, Equatable, Sendable {
    case csv, md, html, ics, json

    var label: String {
        switch self {
        case .csv: return "CSV för Excel (semikolon, UTF-8)"
        case .md: return "Markdown för teamets anteckningar"
        case .html: return "HTML att skriva ut (A4)"
        case .ics: return "iCalendar med mötena (Outlook, Thunderbird)"
        case .json: return "JSON för andra verktyg"
        }
    }
}

public enum WeekMsg: Equatable, Sendable {
    case loaded(WeekList)
    /// The week and list asked for could not be read.
    case failed(String, week: IsoWeek, mine: Bool)
    case exported(path: String)
    case exportFailed(String)
}

public enum WeekEffect: Equatable, Sendable {
    /// Read the week for the logged-in member (Min vecka) or the team.
    case load(IsoWeek, mine: Bool)
    /// Write the week, pseudonymised, to a private file in the data directory's export folder.
    case export(IsoWeek, mine: Bool, format: WeekExportFormat)
    /// Read a week the user is likely to page to next and keep it, between keys; answers nothing.
    case prefetch(IsoWeek, mine: Bool)
}

extension WeekViewState: ScreenModel {
    var screen: Screen { .weekView(self) }
    var keyContexts: [KeyContext] { [.week, .global] }
    var acceptsText: Bool { false }
    var isOverlay: Bool { false }

    func isAvailable(_ command: Command, in state: AppState) -> Bool {
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help, .earlier, .later, .thisWeek,
            .toggleMine, .export:
            return true
        case .open: return selection != nil
        default: return false
        }
    }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        guard chord == KeyChord(.enter) else { return nil }
        return perform(.open, state: &state)
    }

    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep {
        let page = Self.body(state.size).height
        switch command {
        case .moveDown: move(1, page: page)
        case .moveUp: move(-1, page: page)
        case .pageDown: move(page, page: page)
        case .pageUp: move(-page, page: page)
        case .first: move(-lines.count, page: page)
        case .last: move(lines.count, page: page)
        case .earlier, .later, .thisWeek:
            week = command == .thisWeek ? IsoWeek(containing: state.today) : (command == .later ? week.next : week.previous)
            startReading()
            return .stay([.week(.load(week, mine: mine))])
        case .toggleMine:
            guard state.me != nil else {
                state.status = "Min vecka kräver att inloggningen hör till någon i teamet"
                return .stay
            }
            mine.toggle()
            startReading()
            return .stay([.week(.load(week, mine: mine))])
        case .export:
            let week = self.week
            let mine = self.mine
            OverlayUpdate.pick(
                &state, title: "Exportera \(week) (pseudonymiserat, sparas privat)",
                items: WeekExportFormat.allCases.map { ($0.label, .weekExport(week, mine: mine, format: $0)) })
        case .open:
            guard let s = selection, let target = lines[s].target, let record = state.caseload.record(target.participant)
            else { return .stay }
            var overview = ParticipantOverview.screen(
                for: record, caseload: state.caseload, today: state.today, reveal: state.revealIdentity)
            overview.tab = target.tab
            ParticipantUpdate.rebuild(&overview, state: state)
            state.stack.append(.participant(overview))
            return .stay([.participant(.openRecord(record.id))])
        case .back: return .close()
        default: break
        }
        return .stay
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        let size = state.size
        drawTitle(title, state: state, in: Rect(x: 0, y: 0, width: size.width, height: 1), into: &buffer)
        let body = Self.body(size)
        if let loadError, lines.isEmpty {
            buffer.write(
                " Kunde inte läsa veckan: \(Sanitize.line(loadError))", at: Point(x: 0, y: body.y + 1), role: .warning,
                maxWidth: size.width)
        } else if isLoading && lines.isEmpty {
            buffer.write(" Läser veckan …", at: Point(x: 0, y: body.y + 1), role: .muted)
        }
        for (i, line) in lines.dropFirst(scrollOffset).prefix(body.height).enumerated() {
            let index = scrollOffset + i
            let selected = index == selection
            if selected { buffer.fill(Rect(x: 0, y: body.y + i, width: size.width, height: 1), role: .selection) }
            buffer.write(line.text, at: Point(x: 0, y: body.y + i), role: selected ? .selection : line.role, maxWidth: size.width)
        }
        let layout = CaseloadLayout(size)
        drawStatusRow(
            " \(week) · rad \(min(lines.count, scrollOffset + 1))–\(min(lines.count, scrollOffset + body.height)) av \(lines.count)"
                + (isRefreshing ? " · uppdateras …" : loadError != nil && !lines.isEmpty ? " · kunde inte uppdateras" : ""),
            message: state.status, in: layout.status, into: &buffer)
        HintBar(items: [("Enter", "Öppna")] + hintItems(state, commands: [.earlier, .later, .thisWeek, .toggleMine, .export, .back, .help]))
            .render(in: layout.hints, into: &buffer)
        return nil
    }

    mutating func fit(_ state: AppState) {
        let page = Self.body(state.size).height
        if let s = selection, s >= scrollOffset + page { scrollOffset = s - page + 1 }
    }

    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }

    static func update(_ state: inout AppState, _ msg: WeekMsg) -> [Effect] {
        switch msg {
        case .loaded(let list):
            state.updateScreen(WeekViewState.self) { view, state in
                // A week read for an earlier key (the user has paged or switched list since, or the day has
                // changed) is not shown.
                guard view.week == list.week, list.reader.onlyMine == (view.mine && list.reader.member != nil),
                    list.today == state.today
                else { return }
                view.isRefreshing = false
                view.loadError = nil
                view.build(list, today: state.today)
                view.list = list
                view.fit(state)
            }
        case .failed(let reason, let week, let mine):
            // Only for the week and list on screen: a week paged past says nothing.
            guard let view = state.screen(WeekViewState.self), view.week == week, view.mine == mine else { return [] }
            state.updateScreen(WeekViewState.self) { view, _ in
                view.isLoading = false
                view.isRefreshing = false
                view.loadError = reason
            }
            state.status = "Kunde inte läsa veckan: \(reason)"
        case .exported(let path):
            state.status = "Exporterad: \(Sanitize.line(path))"
        case .exportFailed(let reason):
            state.status = "Exporterades inte: \(reason)"
        }
        return []
    }

    /// A colleague's change, the user's own or a new day: the open week is read again. What is on screen
    /// stays, marked "uppdateras …" until the new reading arrives; a week that could not be read is tried
    /// again ("Läser veckan …").
    static func reloadIfOpen(_ state: inout AppState) -> [Effect] {
        guard let view = state.screen(WeekViewState.self) else { return [] }
        state.updateScreen(WeekViewState.self) { view, _ in
            if view.lines.isEmpty {
                view.isLoading = true
                view.isRefreshing = false
            } else {
                view.isRefreshing = true
            }
            view.loadError = nil
        }
        return [.week(.load(view.week, mine: view.mine))]
    }
}

extension AppState {
    /// Work for the time between keys: on the caseload list (once it is loaded), this week, so that `v` shows a
    /// week already read; with the week view on screen, the weeks before and after it, so that `[` and `]` do.
    public var idleEffects: [Effect] {
        if stack.isEmpty, !isLoading, previewTotal == nil {
            let first = WeekViewState.opened(on: today)
            return [.week(.prefetch(first.week, mine: first.mine))]
        }
        guard case .weekView(let v)? = stack.last, !v.isLoading else { return [] }
        return [.week(.prefetch(v.week.next, mine: v.mine)), .week(.prefetch(v.week.previous, mine: v.mine))]
    }
}
