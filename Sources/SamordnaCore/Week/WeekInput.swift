/// A week as typed on the command line (`--week 2026-W49`), with a reason a person can act on when it is not
/// one: the form expected, or the last week the year has.
public enum WeekInput {
    public static func parse(_ typed: String) -> Result<IsoWeek, RuleViolation> {
        let text = typed.trimmingWhitespace()
        if let week = IsoWeek(parsing: text) { return .success(week) }
        let u = Array(text.utf8)
        let digits = { (r: Range<Int>) in r.allSatisfy { (48...57).contains(u[$0]) } }
        if u.count == 8, u[4] == UInt8(ascii: "-"), u[5] == UInt8(ascii: "W") || u[5] == UInt8(ascii: "w"),
            digits(0..<4), digits(6..<8)
        {
            let year = Int(String(decoding: u[0..<4], as: UTF8.self))!
            let week = Int(String(decoding: u[6..<8], as: UTF8.self))!
            if u[5] == UInt8(ascii: "w"), let w = IsoWeek(year: year, week: week) { return .success(w) }
            if year >= 1 {
                let last = IsoWeek.weeksIn(year: year)
                return .failure(
                    RuleViolation(
                        "\(year) har ingen vecka \(week): veckorna är 1–\(last), den sista är \(year)-W\(last) (fick '\(typed)')"))
            }
        }
        return .failure(RuleViolation("ogiltig vecka '\(typed)' (skriv ÅÅÅÅ-Www, t.ex. 2026-W49)"))
    }
}
