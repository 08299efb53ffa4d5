/// Swedish title, help text and group for every command: the one table that help, the hint bar and the
/// the help overlay are generated from.
public struct CommandInfo: Sendable, Equatable {
    public var title: String
    public var help: String
    public var group: String
}

public enum CommandCatalogue {
    public static let groupOrder = ["Formulär", "Flytta", "Lista", "Deltagare", "Flikar", "Allmänt"]

    public static func info(_ command: Command) -> CommandInfo {
        switch command {
        case .moveDown: return CommandInfo(title: "Ned", help: "nästa rad", group: "Flytta")
        case .moveUp: return CommandInfo(title: "Upp", help: "föregående rad", group: "Flytta")
        case .pageDown: return CommandInfo(title: "Sida ned", help: "en skärmsida framåt", group: "Flytta")
        case .pageUp: return CommandInfo(title: "Sida upp", help: "en skärmsida bakåt", group: "Flytta")
        case .first: return CommandInfo(title: "Första", help: "gå till första raden", group: "Flytta")
        case .last: return CommandInfo(title: "Sista", help: "gå till sista raden", group: "Flytta")
        case .open: return CommandInfo(title: "Öppna", help: "visa deltagarens översikt", group: "Lista")
        case .search:
            return CommandInfo(
                title: "Sök", help: "sök på namn eller personnummer medan du skriver; Esc rensar",
                group: "Lista")
        case .toggleIdentity:
            return CommandInfo(
                title: "Visa pnr", help: "visa eller dölj fullständiga personnummer", group: "Deltagare")
        case .newParticipant:
            return CommandInfo(title: "Ny deltagare", help: "lägg till en deltagare i ett formulär", group: "Lista")
        case .editParticipant:
            return CommandInfo(title: "Ändra", help: "ändra deltagarens uppgifter", group: "Deltagare")
        case .newItem:
            return CommandInfo(
                title: "Ny", help: "ny kartläggning, insats, möte, anteckning eller nytt samtycke (på fliken du står på)",
                group: "Deltagare")
        case .editItem:
            return CommandInfo(
                title: "Öppna/ändra",
                help: "öppna den valda kartläggningen, ändra den valda insatsen eller det valda mötet, rätta den valda anteckningen (en ny, länkad) eller återkalla det valda samtycket",
                group: "Deltagare")
        case .exitParticipant:
            return CommandInfo(
                title: "Avslut", help: "avsluta deltagaren med avslutsorsak, eller återöppna en avslutad",
                group: "Deltagare")
        case .undo:
            return CommandInfo(title: "Ångra", help: "ångra din egen senaste ändring (loggas)", group: "Allmänt")
        case .filter:
            return CommandInfo(
                title: "Filter", help: "visa bara en status, ansvarig, yrkesroll utan ansvarig eller flagga",
                group: "Lista")
        case .sort:
            return CommandInfo(
                title: "Sortera", help: "sortera på namn, nästa möte eller dagar sedan senaste kontakt", group: "Lista")
        case .tag: return CommandInfo(title: "Markera", help: "markera eller avmarkera deltagaren", group: "Lista")
        case .actOnTagged:
            return CommandInfo(
                title: "Åtgärd", help: "byt ansvarig eller status för alla markerade (frågar först)", group: "Lista")
        case .compare:
            return CommandInfo(
                title: "Jämför", help: "jämför den valda kartläggningen med en annan (progression)", group: "Deltagare")
        case .print:
            return CommandInfo(
                title: "Skriv ut", help: "spara den valda kartläggningen som dokument (pseudonymiserat)",
                group: "Deltagare")
        case .actOnItem:
            return CommandInfo(
                title: "Åtgärd", help: "starta, avsluta eller avbryt den valda insatsen; registrera utfall för det valda mötet",
                group: "Deltagare")
        case .earlier: return CommandInfo(title: "Tidigare", help: "tidslinjen fyra veckor bakåt; veckolistan en vecka", group: "Flytta")
        case .later: return CommandInfo(title: "Senare", help: "tidslinjen fyra veckor framåt; veckolistan en vecka", group: "Flytta")
        case .thisWeek: return CommandInfo(title: "Denna vecka", help: "tillbaka till denna vecka", group: "Flytta")
        case .teamTimeline:
            return CommandInfo(
                title: "Tidslinje", help: "alla i listans filter: insatser de kommande veckorna, glapp och J", group: "Lista")
        case .weekView:
            return CommandInfo(title: "Veckolista", help: "veckans möten, insatser, glapp, uppföljningar, samtycken och avslut", group: "Lista")
        case .toggleMine: return CommandInfo(title: "Min/Teamets", help: "växla mellan Min vecka och Teamets vecka", group: "Lista")
        case .export:
            return CommandInfo(title: "Exportera", help: "spara veckan som CSV, Markdown, HTML, iCalendar eller JSON (pseudonymiserat)", group: "Lista")
        case .save:
            return CommandInfo(title: "Spara", help: "spara formuläret (Core kontrollerar först)", group: "Formulär")
        case .cancel:
            return CommandInfo(
                title: "Avbryt", help: "lämna formuläret; frågar först om något skrivits som inte sparats", group: "Formulär")
        case .nextField: return CommandInfo(title: "Fält", help: "nästa fält", group: "Formulär")
        case .previousField: return CommandInfo(title: "Föregående fält", help: "föregående fält", group: "Formulär")
        case .nextSection:
            return CommandInfo(title: "Nästa del", help: "nästa avsnitt i kartläggningen; sidan sparas först", group: "Formulär")
        case .previousSection:
            return CommandInfo(
                title: "Föregående del", help: "föregående avsnitt i kartläggningen; sidan sparas först", group: "Formulär")
        case .nextTab: return CommandInfo(title: "Nästa flik", help: "byt till nästa flik", group: "Deltagare")
        case .previousTab: return CommandInfo(title: "Föregående flik", help: "byt till föregående flik", group: "Deltagare")
        case .tab1, .tab2, .tab3, .tab4, .tab5, .tab6:
            let tab = ParticipantTab.allCases[Int(String(command.rawValue.last!))! - 1]
            return CommandInfo(title: tab.title, help: "visa fliken \(tab.title)", group: "Flikar")
        case .back: return CommandInfo(title: "Tillbaka", help: "stäng vyn eller rensa sökningen", group: "Allmänt")
        case .quit: return CommandInfo(title: "Avsluta", help: "avsluta Samordna", group: "Allmänt")
        case .help: return CommandInfo(title: "Hjälp", help: "visa den här hjälpen", group: "Allmänt")
        }
    }
}
