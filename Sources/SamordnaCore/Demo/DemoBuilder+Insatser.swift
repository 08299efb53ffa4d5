/// Insats episodes for a demo participant: parallel, mostly job-focused, some ending soon or overdue, and
/// all of them within the catalogue's own rules: every episode passes `InsatsRules.validate`, none runs past
/// its type's maximum length, the same type never runs twice at once, one subsidised employment at a time,
/// and the omfattning of what runs together never passes full time. So the demo raises only the warnings a
/// real caseload would (gaps ahead, overdue follow-ups, no job-focused insats).
extension DemoBuilder {
    mutating func makeEpisodes(for p: Participant, until exit: LocalDate?) -> [InsatsEpisode] {
        var used: Set<String> = []
        var live: [InsatsEpisode] = []
        let daysEnrolled = p.enrolledOn.days(until: today)
        switch p.status {
        case .aktualiserad:
            if chance(50) { live.append(plannedEpisode(p, job: chance(70), used: &used)) }
        case .aktiv:
            let count = weighted([(1, 30), (2, 45), (3, 20), (4, 5)])
            let hasJob = chance(90)
            for i in 0..<count {
                let job = i == 0 ? hasJob : (hasJob ? chance(30) : false)
                if i == 0 || chance(65) {
                    live.append(ongoingEpisode(p, job: job, used: &used))
                } else {
                    live.append(plannedEpisode(p, job: job, used: &used))
                }
            }
        case .vilande:
            if chance(40) { live.append(ongoingEpisode(p, job: false, used: &used)) }
        case .avslutad:
            break
        }
        shareExtent(&live)
        // What ran before: one after another, ending before anything still running began.
        let firstLive = live.compactMap(\.expectedStart).min()
        let last = min(firstLive.map { $0.adding(days: -1) } ?? today, exit ?? today).adding(days: -1)
        let earlier: Int
        switch p.status {
        case .aktualiserad: earlier = 0
        case .aktiv: earlier = daysEnrolled > 90 ? weighted([(0, 40), (1, 45), (2, 15)]) : 0
        case .vilande: earlier = daysEnrolled > 60 ? 1 : 0
        case .avslutad: earlier = int(1...3)
        }
        let ended = endedEpisodes(p, count: earlier, until: last, used: used)
        // Every episode through the same rules as the forms; anything they refuse is left out.
        let catalogue = DefaultInsatsCatalogue.byCode
        return (ended + live).filter { e in
            var draft = InsatsDraft(e)
            if e.status.isEnded, draft.endReason == nil { draft.endReason = .genomford }
            return (try? InsatsRules.validate(draft, catalogue: catalogue, existing: e, today: today).get()) != nil
        }
    }

    /// The days an episode of `type` may run: its maximum, or a long default for offers without one.
    func longest(_ type: InsatsType) -> Int { type.maxLengthDays ?? 540 }

    mutating func ongoingEpisode(_ p: Participant, job: Bool, used: inout Set<String>) -> InsatsEpisode {
        let type = insatsType(job: job, on: today, used: &used)
        // Started within its maximum length, leaving room so most are not about to hit it.
        let room = max(0, min(400, p.enrolledOn.days(until: today), longest(type) - 45))
        let start = today.adding(days: -int(0...room))
        let latestEnd = start.adding(days: longest(type) - 1)
        let end: LocalDate?
        if chance(15) {
            // BIP: gaps set people back; some end soon with nothing after, to warn about.
            end = min(latestEnd, today.adding(days: int(0...CaseloadRules.gapHorizonDays)))
        } else if let typical = type.typicalLengthDays {
            end = min(latestEnd, max(start.adding(days: typical - 1), today.adding(days: int(29...200))))
        } else if type.maxLengthDays != nil || chance(60) {
            end = min(latestEnd, today.adding(days: int(29...240)))
        } else {
            end = nil
        }
        return episode(p, type, .pagar, start: start, end: end.map { max($0, today) }, followUp: followUp(after: start))
    }

    mutating func plannedEpisode(_ p: Participant, job: Bool, used: inout Set<String>) -> InsatsEpisode {
        let start = today.adding(days: int(1...40))
        let type = insatsType(job: job, on: start, used: &used)
        let days = min(longest(type), type.typicalLengthDays ?? int(60...240))
        return episode(p, type, .planerad, start: start, end: start.adding(days: days - 1), followUp: followUp(after: start))
    }

    /// `count` ended episodes, the latest ending on `last`, each before the next.
    mutating func endedEpisodes(_ p: Participant, count: Int, until last: LocalDate, used: Set<String>) -> [InsatsEpisode] {
        var result: [InsatsEpisode] = []
        var end = last
        var taken = used
        for _ in 0..<count {
            let room = p.enrolledOn.days(until: end)
            guard room >= 21 else { break }
            let type = insatsType(job: chance(60), on: end, used: &taken)
            let length = min(longest(type), type.typicalLengthDays ?? int(30...180), room)
            let start = end.adding(days: -(length - 1))
            let status: InsatsStatus = chance(85) ? .avslutad : .avbruten
            var e = episode(p, type, status, start: start, end: end, followUp: nil)
            e.endReason = status == .avslutad
                ? weighted([(.genomford, 70), (.arbete, 20), (.studier, 10)])
                : weighted([(.ohalsa, 35), (.deltagarenAvbrot, 30), (.anordnarenAvbrot, 15), (.annanInsats, 20)])
            e.extentPercent = DemoInsats.hasExtent(type) ? pick([50, 75, 100]) : nil
            result.append(e)
            end = start.adding(days: -int(7...60))
        }
        return result.reversed()
    }

    /// Omfattning for what runs at the same time, never more than full time together.
    mutating func shareExtent(_ live: inout [InsatsEpisode]) {
        let weighed = live.indices.filter { i in
            DefaultInsatsCatalogue.byCode[live[i].typeCode].map(DemoInsats.hasExtent) ?? false
        }
        var budget = 100
        for (n, i) in weighed.enumerated() {
            let left = weighed.count - n - 1
            let most = budget - 25 * left
            let share = n == weighed.count - 1 ? min(most, pick([50, 75, 100])) : min(most, pick([25, 50, 50, 75]))
            guard share >= 25 else { continue }
            live[i].extentPercent = share
            budget -= share
        }
    }

    mutating func episode(
        _ p: Participant, _ type: InsatsType, _ status: InsatsStatus, start: LocalDate, end: LocalDate?,
        followUp: LocalDate?
    ) -> InsatsEpisode {
        let begun = status != .planerad
        let finished = status == .avslutad || status == .avbruten
        return InsatsEpisode(
            id: newID(), participantID: p.id, typeCode: type.code, status: status, plannedStart: start,
            start: begun ? start : nil, plannedEnd: end, end: finished ? end : nil, extentPercent: nil,
            provider: DemoInsats.provider(for: type.code, pick: &rng), nextFollowUp: followUp,
            owner: DemoInsats.owner(for: type.code), decidedBy: DemoInsats.owner(for: type.code),
            decisionDate: start.adding(days: -int(3...21)))
    }

    mutating func followUp(after start: LocalDate) -> LocalDate {
        if chance(12) { return max(start, today.adding(days: -int(1...21))) }
        return max(start, today).adding(days: int(3...60))
    }

    /// A catalogue offer open on `day`, weighted by how common it is, not already running for this person,
    /// and no second subsidised employment.
    mutating func insatsType(job: Bool, on day: LocalDate, used: inout Set<String>) -> InsatsType {
        let pool = job ? jobTypes : otherTypes
        let employed = !used.isDisjoint(with: DemoInsats.employments)
        func eligible(_ type: InsatsType) -> Bool {
            type.isOffered(on: day) && !used.contains(type.code) && !(employed && DemoInsats.employments.contains(type.code))
        }
        let total = pool.reduce(0) { $0 + (eligible($1.0) ? $1.1 : 0) }
        var type = DemoInsats.fallback
        if total > 0 {
            var r = int(0...(total - 1))
            for (candidate, weight) in pool where eligible(candidate) {
                if r < weight {
                    type = candidate
                    break
                }
                r -= weight
            }
        }
        used.insert(type.code)
        return type
    }
}
