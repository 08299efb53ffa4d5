/// Who may be made responsible for a participant in a profession: an active member of the team who has that
/// profession. Responsibility is per profession (docs/domain-rules.md, The team and its way of working), so the socialsekreterare's place is not
/// filled by the jobbcoach, and someone who has left the team gets no new participants.
public enum ResponsibleEligibility {
    public static func check(_ member: TeamMember, for profession: Profession) -> RuleViolation? {
        if !member.active {
            return RuleViolation("\(member.name) (\(member.login)) är inte längre aktiv i teamet")
        }
        if member.profession != profession {
            return RuleViolation(
                "\(member.name) (\(member.login)) är \(member.profession.label), inte \(profession.label)")
        }
        return nil
    }
}
