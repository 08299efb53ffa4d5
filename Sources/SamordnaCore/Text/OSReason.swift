import Foundation

/// The operating system's reason for a failed file operation, in Swedish for the common cases (the
/// messages are read by the team), else the system's own text.
public enum OSReason {
    public static func text(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "filen eller katalogen finns inte"
        case EACCES, EPERM: return "saknar behörighet"
        case ENOSPC: return "disken är full"
        case EDQUOT: return "diskkvoten är slut"
        case EROFS: return "filsystemet är skrivskyddat"
        case EISDIR: return "det är en katalog"
        case ENOTDIR: return "en del av sökvägen är inte en katalog"
        case EEXIST: return "finns redan"
        case EIO: return "in- eller utmatningsfel på disken"
        default: return String(cString: strerror(code))
        }
    }
}
