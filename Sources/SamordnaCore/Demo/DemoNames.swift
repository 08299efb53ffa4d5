/// Invented names for demo participants, grouped by language background so a name, its language and the
/// need for an interpreter fit together. None of these is meant to be a real person.
struct DemoBackground: Sendable {
    var language: String
    /// Share of participants from this background (relative weight).
    var weight: Int
    /// Chance in percent that someone from this background needs an interpreter in meetings.
    var interpreterPercent: Int
    var women: [String]
    var men: [String]
    var lastNames: [String]

    static let all: [DemoBackground] = [
        DemoBackground(
            language: "svenska", weight: 32, interpreterPercent: 0,
            women: [
                "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kristina", "Emma", "Åsa", "Ingrid", "Malin",
                "Linnéa", "Sofia", "Märta", "Elin", "Jenny", "Birgitta", "Ulla",
            ],
            men: [
                "Erik", "Lars", "Anders", "Johan", "Per", "Mikael", "Jörgen", "Björn", "Stefan", "Mattias",
                "Göran", "Håkan", "Oskar", "Niklas", "Tomas", "Örjan",
            ],
            lastNames: [
                "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
                "Svensson", "Gustafsson", "Öberg", "Ängström", "Åberg", "Lindström", "Björk", "Sjögren",
                "Wallin", "Holmqvist", "Ek", "Lundgren", "Ström", "Vikström", "Åkesson", "Östlund", "Bäckström",
                "Nyberg", "Wikström",
            ]),
        DemoBackground(
            language: "arabiska", weight: 14, interpreterPercent: 40,
            women: ["Fatima", "Amira", "Layla", "Noor", "Rania", "Huda", "Mariam", "Salma", "Yasmin", "Zainab"],
            men: ["Mohammed", "Ahmad", "Ali", "Omar", "Khaled", "Youssef", "Hassan", "Karim", "Samir", "Tariq"],
            lastNames: [
                "Al-Khalili", "Haddad", "Al-Sayed", "Mansour", "Khalil", "Saleh", "Ibrahim", "Nasser", "Darwish",
                "Hamdan", "Al-Masri", "Jaber",
            ]),
        DemoBackground(
            language: "somaliska", weight: 10, interpreterPercent: 40,
            women: ["Amina", "Hodan", "Faadumo", "Sahra", "Ifrah", "Nimco", "Ayaan", "Hibaaq", "Maryan", "Khadra"],
            men: ["Abdi", "Mahad", "Abdirahman", "Farah", "Liban", "Yusuf", "Mukhtar", "Hamza", "Guled", "Said"],
            lastNames: [
                "Hassan", "Mohamed", "Ali", "Warsame", "Jama", "Omar", "Abdullahi", "Osman", "Farah", "Nur",
                "Aden", "Hersi",
            ]),
        DemoBackground(
            language: "tigrinja", weight: 6, interpreterPercent: 45,
            women: ["Senait", "Mebrat", "Helen", "Selam", "Tsega", "Rahel", "Feven", "Luwam"],
            men: ["Yonas", "Tesfay", "Dawit", "Mehari", "Kidane", "Semere", "Habtom", "Filmon"],
            lastNames: ["Tesfamariam", "Gebremedhin", "Haile", "Berhane", "Kidane", "Tekle", "Ghebreyesus", "Woldu"]),
        DemoBackground(
            language: "dari", weight: 6, interpreterPercent: 45,
            women: ["Fereshta", "Mariam", "Zahra", "Nargis", "Shabnam", "Parwana", "Mina", "Sima"],
            men: ["Ahmad", "Mustafa", "Hamid", "Jawad", "Farid", "Nasir", "Sayed", "Rahim"],
            lastNames: ["Ahmadi", "Rahimi", "Hosseini", "Karimi", "Sultani", "Noori", "Haidari", "Sharifi"]),
        DemoBackground(
            language: "persiska", weight: 5, interpreterPercent: 30,
            women: ["Shirin", "Leila", "Parisa", "Nasrin", "Maryam", "Roya", "Azadeh", "Golnaz"],
            men: ["Reza", "Dariush", "Ali", "Babak", "Kamran", "Mehdi", "Arash", "Farhad"],
            lastNames: ["Moradi", "Rostami", "Tehrani", "Jafari", "Kazemi", "Ebrahimi", "Shirazi", "Mohammadi"]),
        DemoBackground(
            language: "turkiska", weight: 4, interpreterPercent: 30,
            women: ["Zeynep", "Elif", "Ayşe", "Emine", "Fatma", "Özlem", "Gül", "Derya"],
            men: ["Mehmet", "Mustafa", "Emre", "Hüseyin", "Murat", "Can", "Serkan", "Oğuz"],
            lastNames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"]),
        DemoBackground(
            language: "bosniska", weight: 4, interpreterPercent: 25,
            women: ["Jelena", "Amra", "Dragana", "Mirela", "Ivana", "Selma", "Vesna", "Lejla"],
            men: ["Dragan", "Nikola", "Emir", "Goran", "Dejan", "Mirza", "Zoran", "Adnan"],
            lastNames: ["Petrović", "Hodžić", "Jovanović", "Begić", "Kovačević", "Nikolić", "Mehmedović", "Ilić"]),
        DemoBackground(
            language: "kurdiska", weight: 4, interpreterPercent: 40,
            women: ["Rojin", "Berfin", "Nazdar", "Shilan", "Avin", "Dilan"],
            men: ["Rebin", "Karwan", "Dilshad", "Aram", "Hogir", "Shvan"],
            lastNames: ["Ahmed", "Rashid", "Qadir", "Hawrami", "Mahmoud", "Aziz"]),
        DemoBackground(
            language: "polska", weight: 3, interpreterPercent: 25,
            women: ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena"],
            men: ["Piotr", "Krzysztof", "Łukasz", "Tomasz", "Paweł"],
            lastNames: ["Nowak", "Wójcik", "Mazur", "Krawczyk", "Zając", "Król"]),
        DemoBackground(
            language: "engelska", weight: 3, interpreterPercent: 5,
            women: ["Sarah", "Grace", "Chloe", "Rebecca", "Blessing"],
            men: ["James", "Daniel", "Michael", "Chinedu", "Kwame"],
            lastNames: ["Smith", "O'Brien", "Okafor", "Mensah", "Brown", "Adeyemi"]),
        DemoBackground(
            language: "spanska", weight: 3, interpreterPercent: 25,
            women: ["María José", "Camila", "Valentina", "Lucía", "Daniela"],
            men: ["José", "Carlos", "Andrés", "Diego", "Jorge"],
            lastNames: ["García", "Rodríguez", "Muñoz", "Fernández", "López", "Pérez"]),
        DemoBackground(
            language: "vietnamesiska", weight: 3, interpreterPercent: 40,
            women: ["Thi Lan", "Thi Mai", "Thi Hoa", "Ngoc Anh"],
            men: ["Van Minh", "Duc Anh", "Quang Huy", "Van Nam"],
            lastNames: ["Nguyen", "Tran", "Le", "Pham"]),
        DemoBackground(
            language: "franska", weight: 3, interpreterPercent: 15,
            // "René" with a combining accent on purpose: names arrive in both normal forms.
            women: ["Céline", "Amélie", "Hélène", "Aïcha"],
            men: ["Rene\u{301}", "François", "Benoît", "Jérôme"],
            lastNames: ["Dubois", "Lefèvre", "Diallo", "Traoré", "Moreau"]),
    ]

    static func named(_ language: String) -> DemoBackground {
        all.first { $0.language == language } ?? all[0]
    }
}

/// The first participants of every demo, so the names that break naive software (å, ä, ö, ı, ć, a
/// combining accent, a hyphen, a two-part given name) are always on the first screen.
struct DemoShowcaseName: Sendable {
    var firstName: String
    var lastName: String
    var gender: Gender
    var language: String

    static let all: [DemoShowcaseName] = [
        DemoShowcaseName(firstName: "Åsa", lastName: "Öberg", gender: .kvinna, language: "svenska"),
        DemoShowcaseName(firstName: "Mohammed", lastName: "Al-Khalili", gender: .man, language: "arabiska"),
        DemoShowcaseName(firstName: "Amina", lastName: "Hassan", gender: .kvinna, language: "somaliska"),
        DemoShowcaseName(firstName: "Jörgen", lastName: "Ängström", gender: .man, language: "svenska"),
        DemoShowcaseName(firstName: "Thi Lan", lastName: "Nguyen", gender: .kvinna, language: "vietnamesiska"),
        DemoShowcaseName(firstName: "Zeynep", lastName: "Yılmaz", gender: .kvinna, language: "turkiska"),
        DemoShowcaseName(firstName: "Jelena", lastName: "Petrović", gender: .kvinna, language: "bosniska"),
        DemoShowcaseName(firstName: "Rene\u{301}", lastName: "Dubois", gender: .man, language: "franska"),
        DemoShowcaseName(firstName: "Kim", lastName: "Wallin", gender: .ickeBinar, language: "svenska"),
        DemoShowcaseName(firstName: "Yonas", lastName: "Tesfamariam", gender: .man, language: "tigrinja"),
    ]
}

/// Team members: first the core three, then colleagues added for larger demo caseloads, and one former
/// colleague per profession so a demo shows a change of responsible caseworker.
enum DemoStaffNames {
    static let core: [(Profession, String, String)] = [
        (.arbetsformedlare, "Anna Lindqvist", "anna"),
        (.socialsekreterare, "Björn Sandberg", "bjorn"),
        (.jobbcoach, "Carin Ekholm", "carin"),
    ]

    static let former: [(Profession, String, String)] = [
        (.arbetsformedlare, "Lars Holm", "lars"),
        (.socialsekreterare, "Maria Nyström", "maria"),
        (.jobbcoach, "Pär Wikström", "par"),
    ]

    static let firstNames: [(String, String)] = [
        ("Sofia", "sofia"), ("Daniel", "daniel"), ("Leila", "leila"), ("Jonas", "jonas"), ("Hanna", "hanna"),
        ("Ahmed", "ahmed"), ("Ebba", "ebba"), ("Mattias", "mattias"), ("Nadia", "nadia"), ("Oskar", "oskar"),
        ("Ida", "ida"), ("Samir", "samir"), ("Linnéa", "linnea"), ("Fredrik", "fredrik"), ("Ylva", "ylva"),
        ("Mirja", "mirja"), ("Tobias", "tobias"), ("Åke", "ake"), ("Sanna", "sanna"), ("Kerstin", "kerstin"),
    ]

    static let lastNames = [
        "Berglund", "Forsberg", "Hedlund", "Jakobsson", "Lindberg", "Sundqvist", "Engström", "Dahl",
        "Falk", "Mattsson", "Söderberg", "Blom", "Hamid", "Kovač", "Rahimi", "Virtanen",
    ]

    /// The login suffix per profession: "anna.af", "bjorn.soc", "carin.jc".
    static func loginSuffix(_ p: Profession) -> String { p.short.lowercased() }
}
