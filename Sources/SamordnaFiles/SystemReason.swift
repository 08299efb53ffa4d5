#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The operating system's reason for a failed call, in Swedish for the cases a team member meets.
enum SystemReason {
    static func text(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "filen eller katalogen finns inte"
        case EACCES, EPERM: return "saknar behörighet"
        case ENOSPC: return "disken är full"
        case EDQUOT: return "diskkvoten är slut"
        case EFBIG: return "filen blev större än tillåtet (filstorleksgränsen, ulimit -f)"
        case EROFS: return "filsystemet är skrivskyddat"
        case EISDIR: return "det är en katalog"
        case ENOTDIR: return "en del av sökvägen är inte en katalog"
        case EEXIST: return "finns redan"
        case ELOOP: return "är en symbolisk länk"
        case EIO: return "in- eller utmatningsfel på disken"
        default: return String(cString: strerror(code))
        }
    }

    /// Whether `code` means the disk, the quota or the file-size limit ran out.
    static func isNoSpace(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
}
