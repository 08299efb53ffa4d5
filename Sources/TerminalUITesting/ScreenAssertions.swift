import TerminalUI
import Testing

/// Checks that `buffer` shows `expected`, compared line by line with trailing spaces and trailing empty
/// lines ignored. On a mismatch the issue shows every line, marking expected lines `-` and actual `+`.
public func assertScreen(_ buffer: Buffer, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = normalisedLines(buffer.lines())
    let wanted = normalisedLines(expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    guard actual != wanted else { return }
    Issue.record(
        Comment(rawValue: "Screen differs (-expected +actual):\n" + lineDiff(expected: wanted, actual: actual)),
        sourceLocation: sourceLocation)
}

/// The style runs of one row, e.g. `"0..9 header, 10..79 normal"` (columns inclusive), for checking roles
/// next to a text screen. A wide character's continuation column counts with the character.
public func roleRuns(_ buffer: Buffer, row: Int) -> String {
    guard row >= 0, row < buffer.size.height, buffer.size.width > 0 else { return "" }
    var runs: [String] = []
    var start = 0
    var role = buffer[0, row].role
    for x in 1...buffer.size.width {
        let next = x < buffer.size.width ? buffer[x, row].role : nil
        if next != role {
            runs.append("\(start)..\(x - 1) \(role.rawValue)")
            if let next {
                start = x
                role = next
            }
        }
    }
    return runs.joined(separator: ", ")
}

/// Lines with trailing spaces trimmed and trailing empty lines dropped.
func normalisedLines(_ lines: [String]) -> [String] {
    var result = lines.map { line -> String in
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
    while result.last == "" { result.removeLast() }
    return result
}

/// Every line numbered; equal lines once with two spaces, differing lines as `-` expected then `+` actual.
func lineDiff(expected: [String], actual: [String]) -> String {
    var out: [String] = []
    for i in 0..<max(expected.count, actual.count) {
        let e = i < expected.count ? expected[i] : nil
        let a = i < actual.count ? actual[i] : nil
        let number = String(i + 1).leftPadded(to: 3)
        if e == a {
            out.append("  \(number) |\(e ?? "")")
        } else {
            if let e { out.append("- \(number) |\(e)") }
            if let a { out.append("+ \(number) |\(a)") }
        }
    }
    return out.joined(separator: "\n")
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
