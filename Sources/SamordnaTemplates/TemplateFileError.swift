import SamordnaFiles
/// One thing wrong in a template file, at a line and column (both from 1; columns count characters as
/// Unicode scalars, as the YAML library does).
public struct TemplateFileProblem: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `12:7: okänd svarstyp 'skala7' …`
    public var description: String { "\(line):\(column): \(reason)" }

    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column, a.reason) < (b.line, b.column, b.reason) }
}

/// Why the team's template file cannot be used. The UI keeps working with the last valid version and
/// shows `summary`; the command line prints `description`, one line per problem, like a compiler.
public enum TemplateFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read or written at all (missing directory, permissions, not UTF-8 is `.invalid`).
    case unreadable(file: String, reason: String)
    /// The file was read, and is malformed YAML or breaks the template's rules; problems in file order.
    case invalid(file: String, problems: [TemplateFileProblem])

    public var file: String {
        switch self {
        case .unreadable(let file, _), .invalid(let file, _): return file
        }
    }

    public var problems: [TemplateFileProblem] {
        switch self {
        case .unreadable: return []
        case .invalid(_, let problems): return problems
        }
    }

    /// `kartlaggning.yaml:12:7: okänd svarstyp 'skala7' (välj …)`, one line per problem.
    public var description: String {
        switch self {
        case .unreadable(_, let reason):
            return "\(shownFile): \(reason)"
        case .invalid(_, let problems):
            return problems.map { "\(shownFile):\($0)" }.joined(separator: "\n")
        }
    }

    /// The file's path with hidden characters spelled out (`\u{1B}`): the `FILE:LINE:COLUMN` form editors
    /// read stays, and a path from the environment can never act on the terminal.
    var shownFile: String { QuotedPath.escaped(file) }

    /// The first problem on one line, and how many more there are: for a status line.
    /// The file is named without its directory (it is always the data directory's), so the line and
    /// column come early enough to show.
    public var summary: String {
        let name = shownFile.split(separator: "/").last.map(String.init) ?? shownFile
        switch self {
        case .unreadable(_, let reason): return "\(name): \(reason)"
        case .invalid(_, let problems):
            guard let first = problems.first else { return "\(name): okänt fel" }
            let more = problems.count > 1 ? " (och \(problems.count - 1) fel till)" : ""
            return "\(name):\(first)\(more)"
        }
    }
}
