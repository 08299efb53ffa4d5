import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore
import SamordnaUI

/// The veckolista: one week read with the store's indexed range queries (never the whole caseload), built
/// by Core's `WeekList` for the logged-in member, and exported pseudonymised to a private file.
extension EffectRunner {
    func perform(_ effect: WeekEffect) -> WeekMsg {
        switch effect {
        case .load(let week, let mine):
            do {
                return .loaded(try weekList(week, mine: mine, protectedPolicy: .onlyForResponsible))
            } catch {
                return .failed("\(error)")
            }
        case .export(let week, let mine, let format):
            guard let dir = dataDirectory else { return .exportFailed("ingen datakatalog att skriva till") }
            do {
                let (list, people) = try weekListAndPeople(week, mine: mine, protectedPolicy: .leaveOut)
                let export = WeekListExport(list: list, names: false, codeSalt: UInt64.random(in: .min ... .max), generated: clock())
                let text: String
                switch format {
                case .csv: text = export.csv()
                case .md: text = export.markdown()
                case .html: text = export.html()
                case .ics: text = export.ics()
                case .json: text = export.json()
                }
                let folder = dir.appendingPathComponent("exporter").path
                try FileWriter.makeDirectory(folder)
                let path = folder + "/veckolista-\(week)\(mine ? "-min" : "").\(format.rawValue)"
                // Logged before the file is written: an export that cannot be logged is not made.
                let ids = people
                guard logAccess(AccessRequest(
                    action: .export, participants: ids, format: format.rawValue, withNames: false,
                    detail: "x veckolista \(week)\(mine ? " min" : "")"))
                else { return .exportFailed("åtkomstloggen kunde inte skrivas") }
                // Samordna's own earlier export of the same week is replaced; anything else is refused.
                try FileWriter.write(text, to: path, options: WriteOptions(existing: .replace))
                return .exported(path: path)
            } catch {
                return .exportFailed("\(error)")
            }
        }
    }

    private func weekList(_ week: IsoWeek, mine: Bool, protectedPolicy: WeekList.ProtectedPolicy) throws(StoreError) -> WeekList {
        try weekListAndPeople(week, mine: mine, protectedPolicy: protectedPolicy).list
    }

    /// The list and the participants it was made from, without skyddade personuppgifter (for the access log).
    private func weekListAndPeople(_ week: IsoWeek, mine: Bool, protectedPolicy: WeekList.ProtectedPolicy)
        throws(StoreError) -> (list: WeekList, people: [Participant.ID])
    {
        let me = try member()
        let data = try store.weekData(week: week, today: today, reader: me?.id, catalogue: catalogue)
        let reader: WeekList.Reader = mine && me != nil ? .mine(me!) : .team(me)
        var list = WeekList(
            week: week, today: today, team: data.team, catalogue: catalogue, reader: reader, records: data.records,
            protectedPolicy: protectedPolicy, state: data.state)
        list.gallringDue = try store.gallringDueCount(today: today)
        return (list, data.covered)
    }
}
