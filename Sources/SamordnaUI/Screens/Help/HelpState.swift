import SamordnaCore
import TerminalUI

/// The help overlay: groups generated from the active keymap and the command catalogue when it opens.
public struct HelpState: Equatable, Sendable {
    public var title: String
    public var groups: [HelpGroup]
    public var scrollOffset: Int

    public init(title: String, groups: [HelpGroup], scrollOffset: Int = 0) {
        self.title = title
        self.groups = groups
        self.scrollOffset = scrollOffset
    }
}

enum HelpBuilder {
    /// The keys the form's fields use themselves while editing (`FormState`, `TextAreaState`). Saving,
    /// leaving, Tab and the sections are commands and come from the keymap with the rest.
    static let fieldKeys = HelpGroup(
        title: "I fälten",
        entries: [
            HelpEntry(keys: ["↓", "Enter"], title: "Nästa fält", help: "i en flerradstext: ↓ på sista raden; Enter gör ny rad"),
            HelpEntry(keys: ["↑"], title: "Föregående fält", help: "i en flerradstext: på första raden"),
            HelpEntry(keys: ["← →", "Space"], title: "Välj", help: "byt alternativ; Space kryssar i flerval och växlar ja/nej"),
            HelpEntry(keys: ["Ctrl-u", "Ctrl-w"], title: "Radera", help: "tömmer fältet / raderar ordet före markören"),
        ])

    /// Every available command bound in `contexts`, grouped as in the catalogue, with the active keys.
    static func groups(keymap: AppKeymap, contexts: [KeyContext], isAvailable: (Command) -> Bool) -> [HelpGroup] {
        var byGroup: [String: [HelpEntry]] = [:]
        for command in Command.allCases where isAvailable(command) {
            let chords = keymap.chords(for: command, in: contexts)
            guard !chords.isEmpty else { continue }
            let info = CommandCatalogue.info(command)
            byGroup[info.group, default: []].append(
                HelpEntry(keys: chords.map(\.description), title: info.title, help: info.help))
        }
        var groups = CommandCatalogue.groupOrder.compactMap { name in
            byGroup[name].map { HelpGroup(title: name, entries: $0) }
        }
        groups.append(
            HelpGroup(
                title: "Flaggor i listan",
                entries: ParticipantFlag.allCases.map {
                    HelpEntry(keys: [String($0.letter)], title: $0.label, help: "")
                }))
        return groups
    }
}
