"""UI text of presentation mode and of the accessibility statement: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- presentation mode ---
    "present.start": ("Esitä", "Presentera", "Present"),
    "present.start_help": (
        "Avaa tämä näkymä esitystilassa: suuri teksti, ei sivupalkkia. Rajaukset säilyvät. "
        "Nuolinäppäimet tai PageUp/PageDown vaihtavat näkymää, Esc palaa.",
        "Öppna vyn i presentationsläge: stor text, ingen sidopanel. Avgränsningarna behålls. "
        "Piltangenterna eller PageUp/PageDown byter vy, Esc går tillbaka.",
        "Open this screen in presentation mode: large type, no sidebar. The filters are kept. "
        "Arrow keys or PageUp/PageDown change screens, Esc goes back.",
    ),
    "present.previous": ("Edellinen", "Föregående", "Previous"),
    "present.back": ("Takaisin diaan", "Tillbaka till bilden", "Back to the slide"),
    "present.unknown_slides": (
        "Esityksen dioja ei tunnisteta, joten ne ohitetaan: {slides}. Dian nimi on näkymän osoite ({known}), "
        "perässä halutessa kaksoispiste ja kohde, esim. indicators:288.",
        "Presentationens bilder känns inte igen och hoppas över: {slides}. En bild är en vys adress ({known}), "
        "vid behov följd av kolon och ett mål, t.ex. indicators:288.",
        "These slides of the deck are not recognised and are skipped: {slides}. A slide is a screen's address "
        "({known}), optionally followed by a colon and what to focus on, e.g. indicators:288.",
    ),
    "present.focus_unknown": ("Kohdetta {focus} ei löydy tästä näkymästä: näytetään koko näkymä.",
                              "Målet {focus} finns inte i den här vyn: hela vyn visas.",
                              "{focus} is not found on this screen: the whole screen is shown."),
    "present.focus": ("Kohteena: {name}", "I fokus: {name}", "In focus: {name}"),
    "present.part.low": ("Heikosti tavoitetut (rajattu kartalla): {names}",
                         "Svagt nådda (inramade på kartan): {names}",
                         "Barely reached (outlined on the map): {names}"),
    "present.alt.areas": ("Painopistealueiden indikaattorien suunta:", "Fokusområdenas indikatorer:",
                          "Indicators by priority area:"),
    "present.alt.indicators": ("{count} indikaattoria painopistealueittain, kunkin suunta:",
                               "{count} indikatorer per fokusområde, med riktning:",
                               "{count} indicators by priority area, each with its trend:"),
    "present.axis.indicator": ("Indikaattori", "Indikator", "Indicator"),
    "present.axis.trend": ("Suunta", "Riktning", "Trend"),
    "present.builder": ("Kokouksen diat", "Mötets bilder", "Meeting slides"),
    "present.builder.slides": ("Diat järjestyksessä", "Bilderna i ordning", "Slides in order"),
    "present.builder.focus": ("Kohde: {slide} (valinnainen)", "Mål: {slide} (valfritt)",
                              "Focus: {slide} (optional)"),
    "present.builder.focus_help": (
        "Indikaattorin numero, alueen koodi, työryhmän koodi tai painopistealueen koodi.",
        "Indikatorns nummer, områdets kod, arbetsgruppens kod eller fokusområdets kod.",
        "An indicator id, a district code, a group code or a priority-area code."),
    "present.builder.link": ("Linkki esitykseen (kopioi oikean yläkulman painikkeella):",
                             "Länk till presentationen (kopiera med knappen uppe till höger):",
                             "Link to the deck (copy it with the button at the top right):"),
    "present.builder.open": ("Avaa esitys", "Öppna presentationen", "Open the deck"),
    "present.next": ("Seuraava", "Nästa", "Next"),
    "present.exit": ("Poistu esityksestä", "Avsluta presentationen", "Leave the presentation"),
    "present.pause": ("Pysäytä kierto", "Stoppa bytet", "Stop rotating"),
    "present.rotating": ("Näkymä vaihtuu {seconds} sekunnin välein.", "Vyn byts var {seconds}:e sekund.",
                         "The screen changes every {seconds} seconds."),
    "present.step": ("Näkymä {n}/{count}", "Vy {n}/{count}", "Screen {n}/{count}"),
    "present.nav": ("Esityksen ohjaus", "Styrning av presentationen", "Presentation controls"),
    "present.bad_rotate": (
        "Linkin arvoa rotate={value} ei tunnisteta (sekunteja {low}–{high}), joten näkymä ei vaihdu itsestään.",
        "Länkens värde rotate={value} känns inte igen (sekunder {low}–{high}), så vyn byts inte automatiskt.",
        "The link's value rotate={value} is not recognised (seconds {low}–{high}), so the screen does not "
        "change by itself.",
    ),
    # Overview: how many indicators move the right way, and the weak signals.
    "present.ov.figure": ("indikaattoria kehittyy hyvään suuntaan tai pysyy ennallaan",
                          "indikatorer utvecklas åt rätt håll eller är oförändrade",
                          "indicators are improving or holding"),
    "present.ov.worsening": ("{count} heikkenee: {names}", "{count} försämras: {names}", "{count} worsening: {names}"),
    "present.ov.no_worsening": ("Yksikään indikaattori ei heikkene.", "Ingen indikator försämras.",
                                "No indicator is worsening."),
    "present.ov.signals": ("Heikkoja signaaleja {count}", "Svaga signaler {count}", "Weak signals: {count}"),
    # Indicators: targets met, and each priority area's line.
    "present.ind.figure": ("tavoitearvosta saavutettu", "målvärden uppnådda", "target values met"),
    "present.ind.area": ("{area}: {line}", "{area}: {line}", "{area}: {line}"),
    "present.ngo.figure": ("painopistealueen ja ikäryhmän yhdistelmää on järjestökumppani",
                           "kombinationer av fokusområde och åldersgrupp har en organisationspartner",
                           "priority-area × age-group combinations have an NGO partner"),
    "present.status.figure": ("tietolähdettä ajan tasalla", "datakällor aktuella", "data sources up to date"),
    "present.status.stale": ("Vanhentunut: {sources}", "Föråldrad: {sources}", "Stale: {sources}"),
    "present.status.all_fresh": ("Kaikki lähteet ovat ajan tasalla.", "Alla källor är aktuella.",
                                 "All sources are up to date."),
    "present.a11y.message": (
        "Palvelu täyttää osittain WCAG 2.1 AA -vaatimukset. Palautetta saavutettavuudesta voi antaa "
        "saavutettavuusselosteen yhteystiedoilla.",
        "Tjänsten uppfyller delvis kraven i WCAG 2.1 AA. Respons om tillgängligheten kan ges via "
        "kontaktuppgifterna i tillgänglighetsutlåtandet.",
        "The service partially conforms to WCAG 2.1 AA. Feedback on accessibility can be given through "
        "the contact details in the accessibility statement.",
    ),

    # --- accessibility statement (structure of the Finnish supervisory authority's model) ---
    "page.accessibility": ("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement"),
    "a11y.intro": (
        "Tämä saavutettavuusseloste koskee HYTE-hyvinvointijohtamisen tilannekuvaa. Palvelua koskee laki "
        "digitaalisten palvelujen tarjoamisesta (306/2019), jonka mukaan julkisten verkkopalvelujen on "
        "oltava saavutettavia. Seloste perustuu palvelun kehittäjien itsearvioon ja automaattisiin "
        "testeihin (axe-core, WCAG 2.1 A ja AA) kaikilla näkymillä suomeksi, ruotsiksi ja englanniksi.",
        "Detta tillgänglighetsutlåtande gäller lägesbilden för välfärdsledning (HYTE). Tjänsten omfattas "
        "av lagen om tillhandahållande av digitala tjänster (306/2019), enligt vilken offentliga "
        "webbtjänster ska vara tillgängliga. Utlåtandet bygger på utvecklarnas egen bedömning och "
        "automatiska tester (axe-core, WCAG 2.1 A och AA) av alla vyer på finska, svenska och engelska.",
        "This accessibility statement covers the HYTE wellbeing-management dashboard. The service is "
        "subject to the Act on the Provision of Digital Services (306/2019), which requires public web "
        "services to be accessible. The statement is based on the developers' own assessment and on "
        "automated tests (axe-core, WCAG 2.1 A and AA) of every screen in Finnish, Swedish and English.",
    ),
    "a11y.status.title": ("Saavutettavuuden tila", "Tillgänglighetsstatus", "Compliance status"),
    "a11y.status": (
        "Palvelu täyttää osittain WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset. Puutteet on lueteltu "
        "alla.",
        "Tjänsten uppfyller delvis kraven på nivå A och AA i WCAG 2.1. Bristerna räknas upp nedan.",
        "The service partially conforms to WCAG 2.1 levels A and AA. The non-conformities are listed below.",
    ),
    "a11y.issues.title": ("Ei-saavutettava sisältö", "Innehåll som inte är tillgängligt",
                          "Non-accessible content"),
    "a11y.issue.map": (
        "Osallisuuskartan alueita ei voi valita näppäimistöllä (WCAG 2.1.1). Samat luvut ovat kartan "
        "tekstivastineessa, alueiden järjestyskaaviossa, taulukossa ja alueen valintalistassa.",
        "Områdena på delaktighetskartan kan inte väljas med tangentbordet (WCAG 2.1.1). Samma siffror "
        "finns i kartans textalternativ, i rangordningsdiagrammet, i tabellen och i områdeslistan.",
        "The districts on the participation map cannot be selected with the keyboard (WCAG 2.1.1). The "
        "same figures are in the map's text alternative, the ranking chart, the table and the district list.",
    ),
    "a11y.issue.charts": (
        "Kaavioiden työkaluvihjeet näkyvät vain hiirellä (WCAG 1.3.1, 2.1.1). Jokaisen kaavion alla on "
        "sen viestin kertova teksti, ja luvut ovat myös taulukoina.",
        "Diagrammens verktygstips visas bara med mus (WCAG 1.3.1, 2.1.1). Under varje diagram finns en "
        "text med dess budskap, och siffrorna finns också i tabeller.",
        "Chart tooltips appear with a mouse only (WCAG 1.3.1, 2.1.1). Each chart has a text under it "
        "stating its message, and the figures are also in tables.",
    ),
    "a11y.issue.tables": (
        "Taulukot piirretään kanvakselle, ja ruudunlukijat lukevat niitä vain osittain (WCAG 1.3.1). "
        "Taulukot voi ladata CSV- tai Excel-tiedostoina.",
        "Tabellerna ritas på en canvas och skärmläsare läser dem bara delvis (WCAG 1.3.1). Tabellerna "
        "kan laddas ner som CSV- eller Excel-filer.",
        "Tables are drawn on a canvas and screen readers read them only in part (WCAG 1.3.1). The tables "
        "can be downloaded as CSV or Excel files.",
    ),
    "a11y.issue.rotation": (
        "Esitystilan automaattinen näkymänvaihto (rotate) on ajastettu (WCAG 2.2.1). Sen voi pysäyttää "
        "painikkeella tai poistumalla esitystilasta (Esc).",
        "Det automatiska vybytet i presentationsläget (rotate) är tidsstyrt (WCAG 2.2.1). Det kan stoppas "
        "med en knapp eller genom att lämna presentationsläget (Esc).",
        "Automatic screen changes in presentation mode (rotate) are timed (WCAG 2.2.1). They can be "
        "stopped with a button or by leaving presentation mode (Esc).",
    ),
    "a11y.feedback.title": ("Palaute ja yhteystiedot", "Respons och kontaktuppgifter",
                            "Feedback and contact information"),
    "a11y.feedback": (
        "Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin korjaamme sen tai toimitamme "
        "sisällön saavutettavassa muodossa. Vastaamme 14 päivän kuluessa. Yhteystieto: {contact}",
        "Har du upptäckt en brist i tillgängligheten? Berätta det för oss, så rättar vi den eller ger dig "
        "innehållet i tillgänglig form. Vi svarar inom 14 dagar. Kontakt: {contact}",
        "Did you notice an accessibility gap? Tell us, and we will fix it or give you the content in an "
        "accessible form. We reply within 14 days. Contact: {contact}",
    ),
    "a11y.contact_placeholder": (
        "[kunnan palautekanava: aseta ympäristömuuttuja HYTE_ACCESSIBILITY_CONTACT]",
        "[kommunens responskanal: ange miljövariabeln HYTE_ACCESSIBILITY_CONTACT]",
        "[the municipality's feedback channel: set the environment variable HYTE_ACCESSIBILITY_CONTACT]",
    ),
    "a11y.enforcement.title": ("Valvontaviranomainen", "Tillsynsmyndighet", "Enforcement procedure"),
    "a11y.enforcement": (
        "Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta palvelun ylläpitäjälle. "
        "Jos et ole tyytyväinen vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä "
        "ilmoituksen valvontaviranomaiselle: Liikenne- ja viestintävirasto Traficomin saavutettavuusvalvonta "
        "(ennen vuotta 2025 Etelä-Suomen aluehallintovirasto), www.saavutettavuusvaatimukset.fi. Sivustolla "
        "kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.",
        "Om du upptäcker tillgänglighetsproblem i tjänsten, ge först respons till den som förvaltar tjänsten. "
        "Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du anmäla saken till "
        "tillsynsmyndigheten: Transport- och kommunikationsverket Traficoms tillgänglighetstillsyn (före 2025 "
        "Regionförvaltningsverket i Södra Finland), www.tillgänglighetskrav.fi. Där berättas hur du gör en "
        "anmälan och hur ärendet behandlas.",
        "If you notice accessibility problems in the service, first give feedback to its maintainer. If "
        "you are not satisfied with the reply, or get none within two weeks, you can notify the supervisory "
        "authority: the accessibility supervision of the Finnish Transport and Communications Agency "
        "Traficom (before 2025 the Regional State Administrative Agency for Southern Finland), "
        "www.saavutettavuusvaatimukset.fi, which explains how to file a notification and how it is handled.",
    ),
    "a11y.updated": ("Seloste laadittu {date}.", "Utlåtandet upprättat {date}.", "Statement prepared on {date}."),
}
