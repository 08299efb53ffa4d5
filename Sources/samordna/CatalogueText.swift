import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaTemplates

/// The insats catalogue for the terminal UI and the commands that need it: the team's `insatser.yaml` (the
/// default written there on first use), or the last valid version when the file has errors.
enum CatalogueText {
    /// Read once. A store that cannot be read still leaves the built-in default, with the reason.
    static func load(store: CaseloadStore, directory: DataDirectory) -> CatalogueLoad {
        do {
            return try store.currentCatalogue(file: CatalogueFile.url(in: directory.url))
        } catch {
            return CatalogueLoad(
                catalogue: DefaultInsatsCatalogue.all, source: .builtIn,
                error: .unreadable(file: CatalogueFile.url(in: directory.url).path, reason: error.description))
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
