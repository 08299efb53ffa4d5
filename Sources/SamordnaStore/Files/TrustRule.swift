#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SamordnaFiles

/// Whom a data directory and its database may belong to before Samordna opens them (docs/storage.md, *Who
/// may own the data*). The caseload holds data about vulnerable people; a file someone else prepared could
/// be read by them afterwards, and a `-wal` someone else prepared could put pages into the database.
///
/// Trusted: owned by this account, by root, or by a member of the file's group that this account belongs to
/// too (a team sharing a setgid directory). Never trusted: writable by everyone (`o+w`), or owned by an
/// account outside that group. The directory's ancestors must not be writable by everyone unless sticky
/// (as /tmp is), or someone could swap the directory; a symbolic link is judged by what it points to.
enum TrustRule {
    /// The first reason not to trust `directory` and the database files in it, with how to fix it; nil when
    /// all is well.
    static func problem(directory: String) -> String? {
        let real = realPath(directory) ?? directory
        if let p = problem(real, what: "datakatalogen", shown: directory) { return p }
        var ancestor = parent(of: real)
        while let a = ancestor {
            var s = stat()
            if stat(a, &s) == 0, s.st_mode & S_IWOTH != 0, s.st_mode & S_ISVTX == 0 {
                return "katalogen \(QuotedPath.quoted(a)) som datakatalogen ligger i kan ändras av alla användare "
                    + "(rättigheter \(octal(s.st_mode))); vem som helst kan byta ut datakatalogen. "
                    + "Flytta datakatalogen, eller kör 'chmod o-w \(QuotedPath.escaped(a))'"
            }
            ancestor = parent(of: a)
        }
        let database = real + "/" + DataFileNames.database
        for path in [database, database + "-wal", database + "-shm"] {
            if let p = problem(path, what: "filen", shown: path) { return p }
        }
        return nil
    }

    /// Why `path` (when it exists) is not to be trusted.
    static func problem(_ path: String, what: String, shown: String) -> String? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        let q = QuotedPath.quoted(shown)
        if s.st_mode & S_IWOTH != 0 {
            return "\(what) \(q) kan ändras av alla användare på datorn (rättigheter \(octal(s.st_mode))); "
                + "Samordna använder den inte. Kör 'chmod o-rwx \(QuotedPath.escaped(shown))' om den är er"
        }
        let me = getuid()
        if s.st_uid == me || s.st_uid == 0 { return nil }
        if isMember(uid: s.st_uid, ofGroup: s.st_gid), isMember(uid: me, ofGroup: s.st_gid) { return nil }
        return "\(what) \(q) ägs av \(userName(s.st_uid)), som inte hör till gruppen \(groupName(s.st_gid)) "
            + "som du delar den med; Samordna använder den inte. Be den som ska äga den köra "
            + "'chown <du>:<teamets grupp> \(QuotedPath.escaped(shown))', eller välj en annan katalog"
    }

    /// Whether the account `uid` belongs to the group `gid` (as its primary group or listed as a member).
    static func isMember(uid: uid_t, ofGroup gid: gid_t) -> Bool {
        guard let pw = getpwuid(uid) else { return false }
        if pw.pointee.pw_gid == gid { return true }
        let name = String(cString: pw.pointee.pw_name)
        guard let gr = getgrgid(gid), var member = gr.pointee.gr_mem else { return false }
        while let m = member.pointee {
            if String(cString: m) == name { return true }
            member += 1
        }
        return false
    }

    static func userName(_ uid: uid_t) -> String {
        getpwuid(uid).map { "'" + String(cString: $0.pointee.pw_name) + "'" } ?? "användare \(uid)"
    }

    static func groupName(_ gid: gid_t) -> String {
        getgrgid(gid).map { "'" + String(cString: $0.pointee.gr_name) + "'" } ?? "\(gid)"
    }

    static func octal(_ mode: mode_t) -> String { String(UInt32(mode) & 0o7777, radix: 8) }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        let p = String(path[..<slash])
        return p.isEmpty ? "/" : p
    }
}
