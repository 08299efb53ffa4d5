import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaTemplates

/// The insats catalogue for the terminal UI and the commands that need it: the team's `insatser.yaml` (the
/// default written there on first use), or the last valid version when the file has errors.
enum CatalogueText {
    /// Read once. A store that cannot be read still leaves the built-in default, with the reason.
    static func load(store: CaseloadStore, directory: DataDirectory) -> CatalogueLoad {
        load(store: store, read: CatalogueFileRead(CatalogueFile.url(in: directory.url), writingDefault: !store.isReadOnly))
    }

    /// With the file already read (`PendingCatalogueRead`).
    static func load(store: CaseloadStore, read: CatalogueFileRead) -> CatalogueLoad {
        do {
            return try store.currentCatalogue(from: read)
        } catch {
            return CatalogueLoad(
                catalogue: DefaultInsatsCatalogue.all, source: .builtIn,
                error: .unreadable(file: read.file.path, reason: error.description))
        }
    }

    /// For a command: the catalogue, with the notice on standard error when the file could not be used (the
    /// command still runs; `samordna check` lists every problem).
    static func load(store: CaseloadStore, common: CommonOptions) throws -> CatalogueLoad {
        let load = load(store: store, directory: try common.dataDirectory())
        if let notice = load.notice { printError("samordna: varning: \(notice)") }
        return load
    }
}

extension CatalogueLoad {
    /// The catalogue by code, as the rules take it.
    var byCode: [String: InsatsType] { Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }) }
}

/// The terminal UI reads the catalogue file on another thread while it opens the store (both take about a
/// millisecond or more and need nothing from each other), so the file costs start-up next to nothing.
final class PendingCatalogueRead: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once on the reading thread before `finished` is signalled; read only after waiting for it.
    private var read: CatalogueFileRead?

    static func start(_ file: URL) -> PendingCatalogueRead {
        let pending = PendingCatalogueRead()
        DispatchQueue.global(qos: .userInitiated).async {
            pending.read = CatalogueFileRead(file, writingDefault: true)
            pending.finished.signal()
        }
        return pending
    }

    /// The read, once it is done (at once if it already is).
    func wait() -> CatalogueFileRead {
        finished.wait()
        finished.signal()
        return read!
    }
}
