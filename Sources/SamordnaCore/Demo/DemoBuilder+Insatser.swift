/// Insats episodes for a demo participant: parallel, mostly job-focused, some ending soon or overdue.
extension DemoBuilder {
    mutating func makeEpisodes(for p: Participant, until exit: LocalDate?) -> [InsatsEpisode] {
        var used: Set<String> = []
        var result: [InsatsEpisode] = []
        let daysEnrolled = p.enrolledOn.days(until: today)
        switch p.status {
        case .aktualiserad:
            if chance(50) { result.append(plannedEpisode(p, job: chance(70), used: &used)) }
        case .aktiv:
            let count = weighted([(1, 25), (2, 40), (3, 25), (4, 10)])
            let hasJob = chance(90)
            for i in 0..<count {
                let job = i == 0 ? hasJob : (hasJob ? chance(35) : false)
                let when = i == 0 ? (chance(96) ? 0 : 2) : weighted([(0, 50), (1, 20), (2, 30)])
                switch when {
                case 0: result.append(ongoingEpisode(p, job: job, used: &used))
                case 1: result.append(plannedEpisode(p, job: job, used: &used))
                default:
                    if daysEnrolled > 60 {
                        result.append(endedEpisode(p, job: job, until: today.adding(days: -1), used: &used))
                    }
                }
            }
        case .vilande:
            if daysEnrolled > 60 { result.append(endedEpisode(p, job: chance(60), until: today, used: &used)) }
            if chance(40) { result.append(ongoingEpisode(p, job: false, used: &used)) }
        case .avslutad:
            for _ in 0..<int(1...3) {
                result.append(endedEpisode(p, job: chance(60), until: exit ?? today, used: &used))
            }
        }
        return result
    }

    mutating func ongoingEpisode(_ p: Participant, job: Bool, used: inout Set<String>) -> InsatsEpisode {
        let start = today.adding(days: -int(0...min(400, p.enrolledOn.days(until: today))))
        let type = insatsType(job: job, on: start, used: &used)
        let end: LocalDate?
        if chance(15) {
            // BIP: gaps set people back; some end soon with nothing after, to warn about.
            end = today.adding(days: int(0...CaseloadRules.gapHorizonDays))
        } else if let typical = type.typicalLengthDays {
            end = max(start.adding(days: typical), today.adding(days: int(29...200)))
        } else {
            end = chance(40) ? nil : today.adding(days: int(29...240))
        }
        return episode(p, type, .pagar, start: start, end: end, followUp: followUp(after: start))
    }

    mutating func plannedEpisode(_ p: Participant, job: Bool, used: inout Set<String>) -> InsatsEpisode {
        let start = today.adding(days: int(1...40))
        let type = insatsType(job: job, on: start, used: &used)
        let end = start.adding(days: type.typicalLengthDays ?? int(60...240))
        return episode(p, type, .planerad, start: start, end: end, followUp: followUp(after: start))
    }

    mutating func endedEpisode(_ p: Participant, job: Bool, until last: LocalDate, used: inout Set<String>)
        -> InsatsEpisode
    {
        let room = max(1, p.enrolledOn.days(until: last) - 14)
        let start = p.enrolledOn.adding(days: int(0...room))
        let type = insatsType(job: job, on: start, used: &used)
        let length = type.typicalLengthDays ?? int(30...180)
        let end = min(start.adding(days: length), last.adding(days: -1))
        let status: InsatsStatus = chance(85) ? .avslutad : .avbruten
        return episode(p, type, status, start: start, end: max(start, end), followUp: nil)
    }

    mutating func episode(
        _ p: Participant, _ type: InsatsType, _ status: InsatsStatus, start: LocalDate, end: LocalDate?,
        followUp: LocalDate?
    ) -> InsatsEpisode {
        let begun = status != .planerad
        let finished = status == .avslutad || status == .avbruten
        return InsatsEpisode(
            id: newID(), participantID: p.id, typeCode: type.code, status: status, plannedStart: start,
            start: begun ? start : nil, plannedEnd: end, end: finished ? end : nil,
            extentPercent: pick([25, 50, 50, 75, 100, 100]), provider: DemoInsats.provider(for: type.code, pick: &rng),
            nextFollowUp: followUp, owner: DemoInsats.owner(for: type.code))
    }

    mutating func followUp(after start: LocalDate) -> LocalDate {
        if chance(12) { return max(start, today.adding(days: -int(1...21))) }
        return max(start, today).adding(days: int(3...60))
    }

    /// A catalogue offer open on `day`, weighted by how common it is, not already running for this person.
    mutating func insatsType(job: Bool, on day: LocalDate, used: inout Set<String>) -> InsatsType {
        let pool = job ? jobTypes : otherTypes
        func eligible(_ type: InsatsType) -> Bool { type.isOffered(on: day) && !used.contains(type.code) }
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
