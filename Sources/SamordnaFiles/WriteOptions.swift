/// What the one file writer may do at the target path. Every file Samordna writes states this, so the
/// rule "never over a file you did not mean to replace" is visible at each call site.
public struct WriteOptions: Sendable, Equatable {
    /// What to do when something is already at the target.
    public enum Existing: Sendable, Equatable {
        /// Refuse with `.exists` (the default for exports: `--force` is needed to replace).
        case refuse
        /// Leave it as it is and report that nothing was written (the default template on first use, a new
        /// database file): two processes starting together cannot both write.
        case keep
        /// Replace it atomically (`--force`, or Samordna's own prints in `utskrifter/`). Still never a
        /// symlink, a directory, a data file or an SQLite database.
        case replace
    }

    public var existing: Existing
    /// The data directory's own names (`caseload.sqlite`, `kartlaggning.yaml`…) are refused unless this is
    /// set; only the store's first-use writes set it.
    public var allowDataFile: Bool
    /// The permission bits; nil means 0600, or 0660 in a group-shared (setgid) directory.
    public var mode: UInt32?

    public init(existing: Existing = .refuse, allowDataFile: Bool = false, mode: UInt32? = nil) {
        self.existing = existing
        self.allowDataFile = allowDataFile
        self.mode = mode
    }

    /// An export or print the user named: never over an existing file unless `force`.
    public static func export(force: Bool) -> WriteOptions { WriteOptions(existing: force ? .replace : .refuse) }
}
