import ArgumentParser
import Foundation
import SamordnaFiles
import SamordnaStore

/// `samordna init [--group G]`: makes a data directory and an empty caseload, private to the account or
/// shared by a team's Unix group (docs/storage.md, *A team on one server*).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Skapa datakatalogen och en tom ärendelista, privat eller delad av teamets grupp.",
        discussion: """
            Utan --group blir katalogen privat (0700, filerna 0600). Med --group G tillhör katalogen gruppen G \
            med setgid-biten (2770), och databasen och allt Samordna skriver där blir 0660 för gruppen, så att \
            varje medlem arbetar med sitt eget konto (och ändringsloggen visar vem). Du måste själv vara med i G.

            Slutkoder: 0 klart, 64 felaktig användning, 65 okänd grupp eller en grupp du inte är med i, \
            1 annat fel.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("group"), help: ArgumentHelp("Teamets Unix-grupp.", valueName: "grupp"))
    var group: String?

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let directory = try common.dataDirectory()
            let path = directory.url.path
            var gid: gid_t?
            if let group {
                guard let entry = getgrnam(group) else {
                    throw CLIFailure(message: "samordna: det finns ingen grupp \(quotedValue(group))", code: 65)
                }
                gid = entry.pointee.gr_gid
                if getuid() != 0, !Self.isMember(of: entry.pointee.gr_gid) {
                    throw CLIFailure(
                        message: "samordna: du är inte med i gruppen \(quotedValue(group)); be en administratör "
                            + "lägga till dig (usermod -aG \(group) \(currentLogin(common.environment))) och logga in igen",
                        code: 65)
                }
            }
            try directory.prepare()
            if let gid, groupOwner(of: path) != gid || !SharingMode.isGroupShared(directory: path) {
                // Given to the group by its owner (this account, when it just made it); an administrator's
                // directory must already be set up (docs/storage.md, *A team on one server*).
                if chown(path, uid_t.max, gid) != 0 || chmod(path, 0o2770) != 0 {
                    throw CLIFailure(
                        message: "samordna: kan inte ge \(quotedValue(path)) till gruppen \(quotedValue(group!)): "
                            + String(cString: strerror(errno)) + "; be ägaren köra 'chgrp \(group!) "
                            + "\(QuotedPath.escaped(path)) && chmod 2770 \(QuotedPath.escaped(path))'",
                        code: 1)
                }
            }
            let store = try CaseloadStore.open(at: directory.databaseURL)
            let db = directory.databaseURL.path
            if let gid, groupOwner(of: db) != gid { _ = chown(db, uid_t.max, gid) }
            print("Datakatalog: \(quotedValue(path)) (\(gid == nil ? "privat" : "delad av gruppen \(quotedValue(group!))"))")
            print("Ärendelista: \(quotedValue(db)), \(try store.participantCount()) deltagare")
            for warning in directory.storageWarnings() { print("VARNING: \(warning)") }
        }
    }

    static func isMember(of gid: gid_t) -> Bool {
        if getgid() == gid || getegid() == gid { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let n = getgroups(count, &groups)
        return groups.prefix(Int(max(n, 0))).contains(gid)
    }
}

/// The group that owns `path`, or nil.
func groupOwner(of path: String) -> gid_t? {
    var s = stat()
    return stat(path, &s) == 0 ? s.st_gid : nil
}
