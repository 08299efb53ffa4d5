import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore

/// Options every command takes: where the data lives and which day it is.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("Datakatalog (annars $SAMORDNA_DATA, sedan $XDG_DATA_HOME/samordna).", valueName: "katalog"))
    var data: String?

    @Option(name: .customLong("today"), help: ArgumentHelp("Bestäm dagens datum (ÅÅÅÅ-MM-DD), för demo, test och reproducerbara exporter. Även $SAMORDNA_TODAY.", valueName: "datum"))
    var today: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        if let today, LocalDate(iso: today) == nil {
            throw ValidationError("ogiltigt datum för --today: '\(today)' (väntade ÅÅÅÅ-MM-DD, t.ex. 2026-11-23)")
        }
        if today == nil, let env = environment["SAMORDNA_TODAY"], LocalDate(iso: env) == nil {
            throw ValidationError("ogiltigt datum i SAMORDNA_TODAY: '\(env)' (väntade ÅÅÅÅ-MM-DD)")
        }
    }

    /// The fixed day from `--today` or `SAMORDNA_TODAY`, or nil to follow the clock.
    func fixedToday() -> LocalDate? {
        if let today { return LocalDate(iso: today) }
        return environment["SAMORDNA_TODAY"].flatMap { LocalDate(iso: $0) }
    }

    func resolvedToday() throws -> LocalDate? { fixedToday() }

    func currentDay() -> LocalDate { fixedToday() ?? LocalDate(Date(), in: .current) }

    /// Now, or with `--today` the same time of day on that day (what writes are stamped with).
    func now() -> Date { fixedToday().map { $0.moving(Date(), in: .current) } ?? Date() }

    func dataDirectory() throws -> DataDirectory {
        try DataDirectory.resolve(flag: data, environment: environment)
    }
}

/// A failure the command line reports as one line on stderr with a documented exit code.
struct CLIFailure: Error {
    var message: String
    var code: Int32
}

/// Runs `body`, turning our typed errors into a message on stderr and the documented exit code.
func exitOnFailure(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CLIFailure {
        printError(failure.message)
        throw ExitCode(failure.code)
    } catch let error as StoreError {
        printError("samordna: \(error)")
        throw ExitCode(error.exitCode)
    } catch let code as ExitCode {
        throw code
    } catch let error as CleanExit {
        throw error
    } catch {
        printError("samordna: \(error)")
        throw ExitCode(1)
    }
}

func printError(_ message: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((message + (newline ? "\n" : "")).utf8))
}

/// The login name of the person running the program: written to the change log.
func currentLogin(_ environment: [String: String]) -> String {
    if let user = environment["USER"], !user.isEmpty { return user }
    if let user = environment["LOGNAME"], !user.isEmpty { return user }
    if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "okänd"
}
