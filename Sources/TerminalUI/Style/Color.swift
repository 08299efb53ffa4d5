/// The eight basic terminal colours, plus the terminal's own default. Kept to what every colour terminal has.
public enum Color: Hashable, Sendable {
    case terminalDefault, black, red, green, yellow, blue, magenta, cyan, white
}
