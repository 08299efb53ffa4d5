import SamordnaCore
import Yams

/// Malformed YAML in the team's words, at the line and column the YAML library found it.
enum YAMLSyntaxError {
    static func problem(_ error: any Error, in text: String) -> TemplateFileProblem {
        guard let error = error as? YamlError else {
            return TemplateFileProblem(line: 1, column: 1, reason: "kan inte läsa YAML: \(error)")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return TemplateFileProblem(line: mark.line, column: mark.column, reason: translate(problem))
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = position(ofCharacter: offset ?? 0, in: yaml)
            return TemplateFileProblem(line: line, column: column, reason: "kan inte läsa filen: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.prefix(5).map { "'" + VisibleText.escaped(String($0.prefix(40))) + "'" }.joined(separator: ", ")
            return TemplateFileProblem(
                line: context.mark.line, column: context.mark.column,
                reason: "nyckeln \(keys) står två gånger på samma nivå (här första gången); ta bort den ena")
        case .dataCouldNotBeDecoded:
            return TemplateFileProblem(line: 1, column: 1, reason: "filen är inte UTF-8")
        default:
            return TemplateFileProblem(line: 1, column: 1, reason: "kan inte läsa YAML: \(error)")
        }
    }

    /// libyaml's messages, in Swedish where a common mistake lies behind them; the original is kept after.
    static func translate(_ problem: String) -> String {
        let hints: [(String, String)] = [
            ("found character that cannot start any token", "ett tecken som inte kan börja ett värde (en tabb? dra in med mellanslag)"),
            ("mapping values are not allowed in this context", "kolon på fel ställe (sätt text som innehåller ': ' inom citattecken)"),
            ("could not find expected ':'", "saknar ':' efter nyckeln"),
            ("did not find expected key", "väntade en nyckel här (fel indrag?)"),
            ("did not find expected '-' indicator", "väntade ett listelement '- ' här (fel indrag?)"),
            ("found undefined alias", "okänd referens (*namn) utan motsvarande &namn"),
            ("found unexpected end of stream", "filen tar slut mitt i ett värde (ett citattecken som inte stängs?)"),
            ("found a tab character", "en tabb där indrag ska vara; använd mellanslag"),
        ]
        for (english, swedish) in hints where problem.contains(english) { return "\(swedish) [YAML: \(problem)]" }
        return "felaktig YAML: \(problem)"
    }

    /// Line and column (from 1, columns in Unicode scalars) of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (i, ch) in text.enumerated() {
            if i >= offset { break }
            if ch == "\n" || ch == "\r\n" {
                line += 1
                column = 1
            } else {
                column += ch.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
