/// Moves through the participant lifecycle (aktualiserad → aktiv → vilande → avslutad): which moves the
/// team may make, and what closing needs. The form, the `x` (avslut) action and the import all ask here.
public enum StatusTransition {
    /// Whether `from` may become `to`. Staying is always allowed. Closing (avslutad) needs the exit record
    /// for this participant, because results are followed from its outcome code (docs/domain-rules.md, Avslut); reopening
    /// a closed participant makes them aktiv again and keeps the old exit record as history.
    public static func validate(
        from: ParticipantStatus, to: ParticipantStatus, exit: ExitRecord?
    ) -> Result<ParticipantStatus, RuleViolation> {
        if from == to { return .success(to) }
        guard from.canMove(to: to) else {
            let allowed = from.allowedNext.map(\.label)
            let list =
                allowed.count > 1
                ? allowed.dropLast().joined(separator: ", ") + " eller " + allowed.last! : allowed.joined()
            return .failure(RuleViolation("från \(from.label) kan en deltagare bara bli \(list), inte \(to.label)"))
        }
        if to == .avslutad && exit == nil {
            return .failure(
                RuleViolation("ett avslut med avslutsorsak och datum krävs för att avsluta en deltagare (x)"))
        }
        return .success(to)
    }

    /// The same for a participant, also checking that the exit record is theirs.
    public static func validate(
        _ participant: Participant, to next: ParticipantStatus, exit: ExitRecord?
    ) -> Result<ParticipantStatus, RuleViolation> {
        if let exit, next == .avslutad, exit.participantID != participant.id {
            return .failure(RuleViolation("avslutet gäller en annan deltagare"))
        }
        return validate(from: participant.status, to: next, exit: exit)
    }
}
