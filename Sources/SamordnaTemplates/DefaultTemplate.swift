import SamordnaCore

/// The template a new caseload starts with (in our own wording: no BIP or KASAM items are
/// copied; KASAM is copyrighted, §4.3). Written to the data directory as `kartlaggning.yaml` on first use;
/// after that the file is the team's and this text is never read again for that caseload.
public enum DefaultTemplate {
    /// Parsed and checked; the tests make sure this never throws.
    public static func template() throws(TemplateFileError) -> KartlaggningTemplate {
        try TemplateYAML.parse(yaml, file: TemplateFile.name).template
    }

    public static let yaml = #"""
        # Samordna – gemensam kartläggningsmall
        #
        # Teamets egen mall. Ändra fritt, men höj 'version' när du ändrar något som syns i formuläret:
        # gjorda kartläggningar visas alltid med den version de gjordes med. Beskrivning av formatet:
        # docs/kartlaggning-template.md.
        #
        # Nycklar för ett avsnitt:  id, titel, hjälp, känslighet, ägare, kategori, frågor
        # Nycklar för en fråga:     id, fråga, hjälp, typ, alternativ, skala (låg/hög), obligatorisk,
        #                           känslighet, ägare, kategori, maxlängd
        # Typer:        text, lång-text, skala (1–5), ja-nej (ja/nej/vet ej), ett-val, flera-val, datum, tal
        # Känslighet:   P0 vanlig, P1 personuppgift, P2 sekretess (OSL), P3 särskild kategori (hälsa m.m.)
        # Ägare:        gemensam, arbetsformedlare, socialsekreterare, jobbcoach, rehabiliteringskoordinator,
        #               forsakringsradgivare, syv
        # Kategori:   vilken sorts uppgift svaret är, för samtycket: identitet-kontakt, af-planering,
        #             ekonomiskt-bistand, utbildning-arbete, halsa, sjukskrivning, missbruk, social-situation.
        #             Utan kategori: ägarens egen (socialsekreterare: social-situation, arbetsformedlare:
        #             af-planering, jobbcoach: utbildning-arbete …). Svar med en annan ägare än 'gemensam'
        #             visas för andra organisationer bara med samtycke för kategorin.
        # Ett avsnitts känslighet, ägare och kategori gäller alla dess frågor som inte anger egna.

        version: 1
        titel: Gemensam kartläggning

        avsnitt:
          - id: A
            titel: Utgångsläge och samarbete
            hjälp: Vilka samtycken som finns syns på fliken Samtycke.
            känslighet: P1
            ägare: gemensam
            frågor:
              - id: a_kontaktsatt
                fråga: Hur vill du helst bli kontaktad?
                typ: ett-val
                alternativ: [sms, telefon, e-post, brev, via handläggare]
              - id: a_tolk
                fråga: Behöver du tolk vid våra möten?
                typ: ja-nej
              - id: a_tolk_sprak
                fråga: Om ja, på vilket språk?
                typ: text
                maxlängd: 100
              - id: a_forvantan
                fråga: Vad vill du få ut av samarbetet med oss?
                typ: lång-text
                obligatorisk: ja
                känslighet: P0

          - id: B
            titel: Försörjning och ekonomi
            känslighet: P2
            ägare: socialsekreterare
            kategori: ekonomiskt-bistand
            frågor:
              - id: b_forsorjning
                fråga: Nuvarande försörjning
                typ: flera-val
                alternativ:
                  - försörjningsstöd
                  - aktivitetsstöd/utvecklingsersättning
                  - sjukpenning
                  - aktivitets-/sjukersättning
                  - lön
                  - studiemedel
                  - annat
              - id: b_manader_fbs
                fråga: Hur länge har du haft försörjningsstöd? (månader)
                typ: tal
              - id: b_skulder
                fråga: Finns skulder som påverkar din situation?
                typ: ja-nej
              - id: b_skuldradgivning
                fråga: Behov av budget- och skuldrådgivning?
                typ: ja-nej

          - id: C
            titel: Utbildning och språk
            ägare: arbetsformedlare
            frågor:
              - id: c_utbildning
                fråga: Högsta avslutade utbildning
                typ: ett-val
                obligatorisk: ja
                alternativ:
                  - ingen eller kortare än 9 år
                  - grundskola
                  - gymnasium, ej fullständigt
                  - gymnasieexamen
                  - eftergymnasial, kortare än 3 år
                  - eftergymnasial, 3 år eller längre
              - id: c_utbildning_utomlands
                fråga: Har du utbildning från ett annat land?
                typ: ja-nej
              - id: c_validerad
                fråga: Är den bedömd eller validerad i Sverige?
                typ: ja-nej
              - id: c_svenska_tala
                fråga: "Svenska, egen bedömning: tala"
                typ: skala
                skala: {låg: inte alls, hög: obehindrat}
              - id: c_svenska_lasa
                fråga: "Svenska, egen bedömning: läsa"
                typ: skala
                skala: {låg: inte alls, hög: obehindrat}
              - id: c_svenska_skriva
                fråga: "Svenska, egen bedömning: skriva"
                typ: skala
                skala: {låg: inte alls, hög: obehindrat}
              - id: c_sfi
                fråga: SFI
                typ: ett-val
                alternativ: [ej aktuellt, pågår kurs A–D, avslutad]
              - id: c_korkort
                fråga: Körkort
                typ: flera-val
                alternativ: [B, C, D, truck, inget]
              - id: c_digital
                fråga: Digital vana (e-post, BankID, söka jobb digitalt)
                typ: skala
                skala: {låg: ingen vana, hög: mycket van}

          - id: D
            titel: Arbetslivserfarenhet
            ägare: arbetsformedlare
            frågor:
              - id: d_tidigare_arbeten
                fråga: Tidigare arbeten (yrke, land, år, hur länge)
                hjälp: Ett arbete per rad.
                typ: lång-text
              - id: d_senast_arbete
                fråga: När arbetade du senast?
                typ: ett-val
                alternativ: [aldrig, mer än 5 år sedan, 2–5 år sedan, mindre än 2 år sedan]
              - id: d_styrkor_arbete
                fråga: Vad har du varit bra på i tidigare arbeten eller uppdrag, även oavlönade?
                typ: lång-text

          - id: E
            titel: Mål och intressen (arbete och studier)
            ägare: jobbcoach
            frågor:
              - id: e_onskat_arbete
                fråga: Vilket arbete skulle du vilja ha?
                typ: lång-text
                obligatorisk: ja
              - id: e_studera
                fråga: Kan du tänka dig att studera för att nå dit?
                typ: ja-nej
              - id: e_studera_vad
                fråga: Om ja, vad?
                typ: text
              - id: e_mal_6_man
                fråga: Vad vill du ha uppnått om 6 månader?
                typ: lång-text
              - id: e_mal_12_man
                fråga: Vad vill du ha uppnått om 12 månader?
                typ: lång-text
              - id: e_tid
                fråga: Hur mycket tid kan du lägga på arbete eller aktiviteter i dag?
                typ: ett-val
                alternativ: [heltid, 75 %, 50 %, 25 %, mindre]

          - id: F
            titel: "Förmågor och resurser: självskattning"
            hjälp: >-
              Deltagaren skattar själv, 1 = stämmer inte alls … 5 = stämmer helt.
              Görs om var tredje månad så att förflyttningen syns.
            ägare: gemensam
            frågor:
              - id: f_klara_arbete
                fråga: Jag tror att jag kan klara ett arbete.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_soker_aktivt
                fråga: Jag söker aktivt arbete eller utbildning.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_kanner_arbetsmarknaden
                fråga: Jag vet vilka jobb som finns och vad arbetsgivare efterfrågar.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_vardagen
                fråga: Jag klarar min vardag (tider, ekonomi, hushåll).
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_samarbete
                fråga: Jag samarbetar bra med andra och håller det jag lovar.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_mal
                fråga: Jag har mål som jag arbetar mot.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                obligatorisk: ja
              - id: f_halsa_mojliggor
                fråga: Min hälsa gör det möjligt att arbeta eller studera.
                hjälp: Syfte - att planera insatser som fungerar med hälsan. Ange behov, inte diagnos.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                känslighet: P3
                ägare: socialsekreterare
                kategori: halsa
              - id: f_hanterar_halsa
                fråga: Jag vet hur jag hanterar min hälsa i vardagen.
                hjälp: Syfte - att planera insatser som fungerar med hälsan. Ange behov, inte diagnos.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
                känslighet: P3
                ägare: socialsekreterare
                kategori: halsa
              - id: f_starkaste_sidor
                fråga: Mina starkaste sidor är …
                typ: lång-text

          - id: G
            titel: Hälsa
            hjälp: >-
              Bara det som behövs för planeringen och bara med deltagarens samtycke.
              Ange behov, inte diagnos. Diagnoser hör till vårdens journal, inte hit.
              Svaren ägs av socialtjänsten och visas för andra bara med samtycke för hälsa.
            känslighet: P3
            ägare: socialsekreterare
            kategori: halsa
            frågor:
              - id: g_paverkar_arbete
                fråga: Påverkar din hälsa vad du kan arbeta med eller hur mycket?
                typ: ja-nej
              - id: g_vardkontakt
                fråga: Har du en pågående vårdkontakt?
                typ: ja-nej
              - id: g_vardkontakt_typ
                fråga: Om ja, vilken typ av vårdkontakt?
                typ: ett-val
                alternativ: [vårdcentral, psykiatri, beroendevård, annan]
              - id: g_sjukskriven
                fråga: Är du sjukskriven eller har du läkarintyg?
                typ: ja-nej
              - id: g_sjukskriven_fran
                fråga: Sjukskriven eller läkarintyg från
                typ: datum
              - id: g_sjukskriven_till
                fråga: Sjukskriven eller läkarintyg till
                typ: datum
              - id: g_hjalp_varden
                fråga: Vill du ha hjälp med kontakten med vården (t.ex. rehabiliteringskoordinator)?
                typ: ja-nej
              - id: g_anpassningar
                fråga: Anpassningar du behöver på en arbetsplats
                typ: lång-text

          - id: H
            titel: Social situation
            känslighet: P2
            ägare: socialsekreterare
            frågor:
              - id: h_boende
                fråga: Boende
                typ: ett-val
                alternativ: [eget kontrakt, andrahand, inneboende, hos släkt eller vänner, akut eller hemlös, annat]
              - id: h_omsorgsansvar
                fråga: Har du omsorgsansvar för barn eller närstående?
                typ: ja-nej
              - id: h_barnomsorg
                fråga: Behöver du barnomsorg för att kunna delta?
                typ: ja-nej
              - id: h_natverk
                fråga: Jag har någon att vända mig till.
                typ: skala
                skala: {låg: stämmer inte alls, hög: stämmer helt}
              - id: h_svart_delta
                fråga: Finns något i din situation som gör det svårt att delta just nu?
                hjälp: >-
                  Besvaras i ett enskilt samtal med socialsekreteraren. Bara ja, nej eller vet ej här;
                  detaljer (t.ex. hot, våld, beroende) hör till socialtjänstens journal.
                typ: ja-nej
                känslighet: P3

          - id: I
            titel: Praktiska förutsättningar
            ägare: jobbcoach
            frågor:
              - id: i_resor
                fråga: Kan du resa till aktiviteter (kollektivtrafik, avstånd)?
                typ: ja-nej
              - id: i_tider
                fråga: Tider då du inte kan delta
                typ: text

          - id: J
            titel: "Behov och hinder: sammanfattning"
            hjälp: Teamet fyller i tillsammans med deltagaren.
            ägare: gemensam
            frågor:
              - id: j_hinder
                fråga: Viktigaste hindren just nu
                typ: flera-val
                obligatorisk: ja
                alternativ:
                  - språk
                  - utbildning
                  - arbetslivserfarenhet
                  - hälsa
                  - social situation
                  - boende
                  - ekonomi
                  - omsorgsansvar
                  - motivation eller tilltro
                  - digital förmåga
                  - annat
              - id: j_resurser
                fråga: Viktigaste resurserna
                typ: lång-text

          - id: K
            titel: Handläggarnas bedömning
            hjälp: >-
              Varje yrke gör sin egen bedömning av tilltro (1–5) och deltagarens steg (0–7); den registreras
              för sig, med ett föreslaget steg utifrån pågående insatser. Här: det teamet rekommenderar.
            känslighet: P2
            ägare: gemensam
            frågor:
              - id: k_rekommenderade_insatser
                fråga: Rekommenderade insatser (koder ur insatskatalogen)
                hjälp: Minst en bör vara jobbinriktad. Insatser som löper parallellt ger mest.
                typ: lång-text
              - id: k_ingen_jobbinriktad
                fråga: Om ingen jobbinriktad insats rekommenderas, varför?
                typ: lång-text
              - id: k_kompletterande_resurs
                fråga: Behov av kompletterande resurs
                typ: flera-val
                alternativ:
                  - rehabiliteringskoordinator
                  - studie- och yrkesvägledare
                  - FK-handläggare
                  - försäkringsrådgivare (FINSAM)
                  - psykolog
                  - annat

          - id: L
            titel: Gemensam planering
            ägare: gemensam
            frågor:
              - id: l_mal
                fråga: Övergripande mål
                typ: ett-val
                obligatorisk: ja
                alternativ: [arbete, studier, arbete och studier]
              - id: l_mal_beskrivning
                fråga: Målet med egna ord
                typ: lång-text
              - id: l_insatser
                fråga: Första insatser (parallella), med startdatum och ansvarig organisation
                typ: lång-text
              - id: l_nasta_uppfoljning
                fråga: Nästa uppföljning
                hjälp: Första gången efter cirka 4 veckor, sedan minst var tredje månad.
                typ: datum
                obligatorisk: ja
              - id: l_egna_ataganden
                fråga: Deltagarens egna åtaganden
                typ: lång-text
        """#
}
