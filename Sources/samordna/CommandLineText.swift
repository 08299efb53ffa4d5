import Foundation
import SamordnaCore
import SamordnaStore

/// How the command line names a value in an error: in single quotes with control characters spelled out
/// (`'Ann\u{1B}[31m'`), so printing a bad value can never act on the terminal.
func quotedValue(_ value: String) -> String { "'" + VisibleText.escaped(value) + "'" }

/// `samordna: ogiltigt värde för --email 'x': ser inte ut som en e-postadress`: one line per refused option,
/// naming the option, the value as typed and the rule.
func invalidOption(_ option: String, _ value: String, _ reason: String) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return "samordna: \(option): \(reason)" }
    return "samordna: ogiltigt värde för \(option) \(quotedValue(value)): \(reason)"
}

extension CommonOptions {
    /// The caseload, created (private) when `creating` and missing; otherwise it must exist already.
    /// `connections: .single` for a command that only reads and logs once (`export week`).
    func openStore(creating: Bool, connections: CaseloadStore.Connections = .pool) throws -> CaseloadStore {
        let directory = try dataDirectory()
        if creating {
            try directory.prepare()
        } else if !FileManager.default.fileExists(atPath: directory.databaseURL.path) {
            throw CLIFailure(
                message: "samordna: ingen ärendelista i \(quotedValue(directory.url.path)) (skapa en med 'samordna demo', "
                    + "'samordna participant add' eller 'samordna import participants')",
                code: 1)
        }
        let store = try CaseloadStore.open(at: directory.databaseURL, connections: connections)
        // The same warnings the terminal UI shows in its status line (readable by others, a network file
        // system, a sync folder, a symbolic link), on standard error so scripts' output stays clean.
        for warning in directory.storageWarnings() { printError("samordna: varning: \(warning)") }
        return store
    }
}

/// A history line's field as this view may show it: contact details of someone with skyddade
/// personuppgifter and, unless revealed, identity numbers are hidden here too.
func shownChange(_ change: HistoryEntry.FieldChange, protectedIdentity: Bool, reveal: Bool) -> String {
    let hidden =
        switch change.sensitivity {
        case .contact: protectedIdentity
        case .identity: !reveal
        case .ordinary: false
        }
    guard hidden else { return change.text }
    func hide(_ v: String) -> String { v == "–" ? v : "(dold)" }
    return "\(change.field): \(hide(change.old)) → \(hide(change.new))"
}

extension ParticipantDraft {
    /// What was typed for `field`, to quote it in a message.
    func typed(_ field: ParticipantField) -> String {
        switch field {
        case .identityKind: return identityKind
        case .identity: return identity
        case .firstName: return firstName
        case .lastName: return lastName
        case .preferredName: return preferredName
        case .gender: return gender
        case .phone: return phone
        case .email: return email
        case .address: return address
        case .language: return language
        case .interpreterLanguage: return interpreterLanguage
        case .afRegisteredSince: return afRegisteredSince
        case .forsorjningsstodSince: return forsorjningsstodSince
        case .status: return status
        case .enrolledOn: return enrolledOn
        }
    }
}
