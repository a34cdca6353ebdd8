"""UI text of the partnerships screen: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- page filter: kind of partnership ---
    "ngo.kind.label": ("Kumppanuuden laji", "Typ av partnerskap", "Kind of partnership"),
    "ngo.kind.placeholder": ("Kaikki lajit", "Alla typer", "All kinds"),
    "ngo.kind.help": (
        "Näytetään järjestöt, joilla on valitun lajin kumppanuus voimassa jonakin kauden aikana. "
        "Tyhjä valinta tarkoittaa kaikkia lajeja.",
        "Visar organisationer som har ett partnerskap av vald typ i kraft någon gång under perioden. "
        "Inget val betyder alla typer.",
        "Shows the organisations with a partnership of the chosen kind in force at some point in the "
        "period. No choice means every kind.",
    ),
    "ngo.kind.agreement": ("kumppanuussopimus", "partnerskapsavtal", "partnership agreement"),
    "ngo.kind.grant": ("avustus", "bidrag", "grant"),
    "ngo.kind.joint_service": ("yhteinen palvelu", "gemensam tjänst", "joint service"),
    "ngo.kind.seat": ("paikka työryhmässä", "plats i arbetsgrupp", "seat in a working group"),
    "ngo.type.association": ("yhdistys", "förening", "association"),
    "ngo.type.sports_club": ("urheiluseura", "idrottsförening", "sports club"),
    "ngo.type.cultural": ("kulttuuriyhdistys", "kulturförening", "cultural society"),
    "ngo.type.parish": ("seurakunta", "församling", "parish"),
    "ngo.type.other": ("muu", "annan", "other"),

    # --- empty states ---
    "ngo.none_in_store": (
        "Järjestöjä ei ole vielä kirjattu. Lisää järjestöt ja kumppanuudet rekistereihin "
        "(ngos.csv, partnerships.csv, ngo_activities.csv) ja päivitä tiedot komennolla `hyte refresh`.",
        "Inga organisationer har registrerats ännu. Lägg till organisationerna och partnerskapen i "
        "registren (ngos.csv, partnerships.csv, ngo_activities.csv) och uppdatera med `hyte refresh`.",
        "No organisations have been recorded yet. Add the organisations and partnerships to the "
        "registers (ngos.csv, partnerships.csv, ngo_activities.csv) and refresh with `hyte refresh`.",
    ),
    "ngo.none_active": (
        "Valitulla rajauksella ei ole aktiivisia kumppaneita. Laajenna kautta, aluetta, ikäryhmää "
        "tai kumppanuuden lajia.",
        "Det finns inga aktiva partner med den här avgränsningen. Utvidga perioden, området, "
        "åldersgruppen eller typen av partnerskap.",
        "There are no active partners with these filters. Widen the period, district, age group or "
        "kind of partnership.",
    ),

    # --- headline figures ---
    "ngo.metric.partners": ("Aktiiviset kumppanit", "Aktiva partner", "Active partners"),
    "ngo.metric.partners_note": ("kumppanuus voimassa kaudella", "partnerskap i kraft under perioden",
                                 "a partnership in force in the period"),
    "ngo.metric.coverage": ("Katetut yhdistelmät", "Täckta kombinationer", "Covered combinations"),
    "ngo.metric.coverage_note": ("painopistealue × ikäryhmä, jossa kumppani", "fokusområde × åldersgrupp med partner",
                                 "priority area × age group with a partner"),
    "ngo.metric.agreement": ("Kirjallinen sopimus", "Skriftligt avtal", "Written agreement"),
    "ngo.metric.agreement_note": ("kumppaneista: {share}", "av partnerna: {share}", "of the partners: {share}"),
    "ngo.metric.grants": ("Avustukset kaudella", "Bidrag under perioden", "Grants in the period"),
    "ngo.metric.grants_note": ("kaudella alkaneet avustukset", "bidrag som började under perioden",
                               "grants starting in the period"),
    "ngo.eur": ("{amount}\u00a0€", "{amount}\u00a0€", "€{amount}"),
    "ngo.percent": ("{value}\u00a0%", "{value}\u00a0%", "{value}%"),

    # --- coverage matrix ---
    "ngo.coverage.title": ("Kattavuus painopistealueittain ja ikäryhmittäin",
                           "Täckning per fokusområde och åldersgrupp",
                           "Coverage by priority area and age group"),
    "ngo.coverage.caption": (
        "Luku kertoo, kuinka monella aktiivisella kumppanilla on kirjattua toimintaa painopistealueella "
        "ja ikäryhmässä kauden aikana. Oranssinpunainen ruutu on aukko: ei yhtään kumppania.",
        "Talet anger hur många aktiva partner som har registrerad verksamhet inom fokusområdet och "
        "åldersgruppen under perioden. En orangeröd ruta är en lucka: ingen partner alls.",
        "Each number is how many active partners have recorded activity in the priority area and age "
        "group during the period. An orange-red cell is a gap: no partner at all.",
    ),
    "ngo.gap_label": ("0 · aukko", "0 · lucka", "0 · gap"),
    "ngo.cell": ("{area}: {age}", "{area}: {age}", "{area}: {age}"),
    "ngo.gaps.none": (
        "Jokaisella painopistealueella ja ikäryhmällä on vähintään yksi aktiivinen kumppani.",
        "Varje fokusområde och åldersgrupp har minst en aktiv partner.",
        "Every priority area and age group has at least one active partner.",
    ),
    "ngo.gaps.some": ("Aukot, joissa ei ole yhtään aktiivista kumppania: {cells}.",
                      "Luckor utan någon aktiv partner: {cells}.",
                      "Gaps with no active partner: {cells}."),
    "ngo.alt.coverage": (
        "Kattavuusruudukko: {covered}/{cells} painopistealueen ja ikäryhmän yhdistelmässä on aktiivinen "
        "kumppani.",
        "Täckningsrutnät: {covered} av {cells} kombinationer av fokusområde och åldersgrupp har en aktiv "
        "partner.",
        "Coverage grid: {covered} of {cells} priority area × age group combinations have an active "
        "partner.",
    ),

    # --- axes and tooltips ---
    "ngo.axis.age": ("Ikäryhmä", "Åldersgrupp", "Age group"),
    "ngo.axis.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "ngo.axis.partners": ("Kumppaneita", "Partner", "Partners"),
    "ngo.axis.rate": ("Kumppaneita / 1\u00a0000 asukasta", "Partner / 1\u00a0000 invånare",
                      "Partners per 1,000 residents"),
    "ngo.axis.district": ("Alue", "Område", "District"),
    "ngo.axis.population": ("Asukkaita", "Invånare", "Residents"),
    "ngo.axis.year": ("Vuosi", "År", "Year"),
    "ngo.axis.eur": ("Avustukset (€)", "Bidrag (€)", "Grants (€)"),

    # --- districts ---
    "ngo.districts.title": ("Kattavuus alueittain", "Täckning per område", "Coverage by district"),
    "ngo.districts.caption": (
        "Aktiiviset kumppanit, joilla on kirjattua toimintaa ({age}) kaudella, 1\u00a0000 asukasta "
        "kohden (väestö {year}). Koko kunnassa toimiva järjestö lasketaan jokaiselle alueelle ja "
        "usealla alueella toimiva jokaiselle alueelleen.",
        "Aktiva partner med registrerad verksamhet ({age}) under perioden, per 1\u00a0000 invånare "
        "(befolkning {year}). En organisation som verkar i hela kommunen räknas för varje område och "
        "en som verkar i flera områden för vart och ett av dem.",
        "Active partners with recorded activity ({age}) in the period, per 1,000 residents "
        "(population {year}). An organisation serving the whole municipality counts for every "
        "district, one serving several districts for each of them.",
    ),
    "ngo.districts.none": ("Ei yhtään kumppania: {districts}.", "Ingen partner alls: {districts}.",
                           "No partner at all: {districts}."),
    "ngo.districts.all": ("Jokaisella alueella on vähintään yksi kumppani.",
                          "Varje område har minst en partner.", "Every district has at least one partner."),
    "ngo.districts.range": (
        "Parhaiten katettu on {best} ({best_rate} / 1\u00a0000 asukasta), heikoimmin {worst} "
        "({worst_rate} / 1\u00a0000 asukasta).",
        "Bäst täckt är {best} ({best_rate} / 1\u00a0000 invånare), sämst {worst} "
        "({worst_rate} / 1\u00a0000 invånare).",
        "Best covered is {best} ({best_rate} per 1,000 residents), least {worst} "
        "({worst_rate} per 1,000 residents).",
    ),
    "ngo.districts.chosen": (
        "Valittu alue {district}: kumppaneita {partners}, {rate} / 1\u00a0000 asukasta, sija {rank}/{count}.",
        "Valt område {district}: partner {partners}, {rate} / 1\u00a0000 invånare, plats {rank} av {count}.",
        "Chosen district {district}: partners {partners}, {rate} per 1,000 residents, rank {rank} of {count}.",
    ),
    "ngo.districts.hidden": (
        "Suhdelukua ei näytetä, kun väestö on alle 5 tai sitä ei tiedetä: {districts}.",
        "Ingen kvot visas när befolkningen är under 5 eller okänd: {districts}.",
        "No rate is shown where the population is under 5 or unknown: {districts}.",
    ),
    "ngo.none_mark": ("0 · ei kumppaneita", "0 · inga partner", "0 · no partners"),
    "ngo.rate_hidden": ("kumppaneita: {partners}", "partner: {partners}", "partners: {partners}"),
    "ngo.alt.districts": (
        "Kumppaneita 1\u00a0000 asukasta kohden alueittain. {range}",
        "Partner per 1\u00a0000 invånare per område. {range}",
        "Partners per 1,000 residents by district. {range}",
    ),

    # --- partners table ---
    "ngo.partners.title": ("Kumppanit", "Partner", "Partners"),
    "ngo.search": ("Hae järjestön nimellä", "Sök på organisationens namn", "Search by organisation name"),
    "ngo.search.count": ("Näytetään {shown}/{total} kumppania.", "Visar {shown} av {total} partner.",
                         "Showing {shown} of {total} partners."),
    "ngo.search.none": ("Haulla ”{query}” ei löytynyt kumppaneita.", "Sökningen ”{query}” gav inga partner.",
                        "No partners match “{query}”."),
    "ngo.col.name": ("Järjestö", "Organisation", "Organisation"),
    "ngo.col.type": ("Laji", "Typ", "Type"),
    "ngo.col.kinds": ("Kumppanuudet", "Partnerskap", "Partnerships"),
    "ngo.col.areas": ("Painopistealueet", "Fokusområden", "Priority areas"),
    "ngo.col.ages": ("Ikäryhmät", "Åldersgrupper", "Age groups"),
    "ngo.col.districts": ("Alueet", "Områden", "Districts"),
    "ngo.col.grants": ("Avustukset (€)", "Bidrag (€)", "Grants (€)"),
    "ngo.col.seats": ("Paikat työryhmissä", "Platser i arbetsgrupper", "Seats in working groups"),
    "ngo.whole": ("koko kunta", "hela kommunen", "whole municipality"),
    "ngo.partners.caption": (
        "Avustukset: kaudella alkaneet. Painopistealueet ja ikäryhmät: kauden kirjattu toiminta.",
        "Bidrag: de som började under perioden. Fokusområden och åldersgrupper: periodens registrerade "
        "verksamhet.",
        "Grants: those starting in the period. Priority areas and age groups: recorded activity in the period.",
    ),
    "ngo.file.title": ("Järjestökumppanit", "Organisationspartner", "NGO partners"),
    "ngo.download.csv": ("Lataa CSV", "Ladda ner CSV", "Download CSV"),
    "ngo.download.excel": ("Lataa Excel", "Ladda ner Excel", "Download Excel"),

    # --- grants and forums ---
    "ngo.grants.title": ("Avustukset painopistealueittain", "Bidrag per fokusområde", "Grants by priority area"),
    "ngo.grants.caption": (
        "Avustus lasketaan alkamisvuodelleen. Se jaetaan tasan niiden painopistealueiden kesken, joilla "
        "järjestö toimi avustusvuonna, joten alueiden osuudet summautuvat myönnettyihin avustuksiin.",
        "Ett bidrag räknas för det år det börjar. Det delas jämnt mellan de fokusområden där "
        "organisationen verkade det året, så att områdenas andelar summeras till de beviljade bidragen.",
        "A grant counts in the year it starts. It is split evenly between the priority areas the "
        "organisation worked in that year, so the areas' shares add up to the grants awarded.",
    ),
    "ngo.grants.none": ("Kumppaneille ei ole kirjattu kaudella alkaneita avustuksia.",
                        "Inga bidrag som började under perioden har registrerats för partnerna.",
                        "No grants starting in the period have been recorded for the partners."),
    "ngo.grants.unassigned": ("Ei kirjattua toimintaa", "Ingen registrerad verksamhet", "No recorded activity"),
    "ngo.alt.grants": (
        "Avustukset vuosittain: {years}. Suurin osuus kaudella: {area} ({amount}).",
        "Bidrag per år: {years}. Största andelen under perioden: {area} ({amount}).",
        "Grants by year: {years}. Largest share in the period: {area} ({amount}).",
    ),
    "ngo.forums.title": ("Yhteiset foorumit", "Gemensamma forum", "Joint forums"),
    "ngo.forums.caption": (
        "Foorumit ovat koko kunnan yhteisiä. Ikäryhmä-, alue- ja lajirajaus vaikuttavat vain sarakkeeseen "
        "”Joista kumppaneita”.",
        "Foren är gemensamma för hela kommunen. Avgränsningen efter åldersgrupp, område och typ påverkar "
        "bara kolumnen ”Av dem partner”.",
        "The forums are municipality-wide. The age group, district and kind filters affect only the "
        "column “Of them partners”.",
    ),
    "ngo.forums.none": ("Kaudella ei ole kirjattu yhteisiä foorumeita.",
                        "Inga gemensamma forum har registrerats under perioden.",
                        "No joint forums have been recorded in the period."),
    "ngo.forums.col.year": ("Vuosi", "År", "Year"),
    "ngo.forums.col.meetings": ("Kokouksia", "Möten", "Meetings"),
    "ngo.forums.col.organisations": ("Järjestöjä paikalla", "Organisationer närvarande", "Organisations present"),
    "ngo.forums.col.partners": ("Joista kumppaneita", "Av dem partner", "Of them partners"),
    "ngo.forums.col.date": ("Päivämäärä", "Datum", "Date"),
    "ngo.forums.col.title": ("Aihe", "Ämne", "Topic"),
    "ngo.forums.col.present": ("Paikalla olleet järjestöt", "Närvarande organisationer", "Organisations present"),
    "ngo.forums.list": ("Foorumit ja paikalla olleet järjestöt", "Foren och de närvarande organisationerna",
                        "The forums and the organisations present"),

    # --- experiential knowledge beside the indicators ---
    "ngo.knowledge.title": ("Kokemustieto indikaattorien rinnalla", "Erfarenhetskunskap vid sidan av indikatorerna",
                            "Experiential knowledge beside the indicators"),
    "ngo.knowledge.lead": (
        "Järjestöjen havainnot, painopistealueen indikaattorit ja kumppanien kattavuus rinnakkain: "
        "kolme tietolähdettä samasta asiasta.",
        "Organisationernas iakttagelser, fokusområdets indikatorer och partnernas täckning sida vid sida: "
        "tre kunskapskällor om samma sak.",
        "The organisations' observations, the priority area's indicators and the partners' coverage side "
        "by side: three sources of knowledge on the same thing.",
    ),
    "ngo.knowledge.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "ngo.knowledge.notes": ("Järjestöjen havainnot (kokemustieto)", "Organisationernas iakttagelser "
                            "(erfarenhetskunskap)", "The organisations' observations (experiential knowledge)"),
    "ngo.knowledge.no_notes": ("Tältä painopistealueelta ei ole kirjattu havaintoja valitulla rajauksella.",
                               "Inga iakttagelser har registrerats för fokusområdet med den här avgränsningen.",
                               "No observations have been recorded for this priority area with these filters."),
    "ngo.knowledge.more": ("Aiemmat havainnot ({count})", "Tidigare iakttagelser ({count})",
                           "Earlier observations ({count})"),
    "ngo.knowledge.indicators": ("Indikaattorit", "Indikatorer", "Indicators"),
    "ngo.knowledge.no_indicators": ("Painopistealueella ei ole indikaattoreita valitulla rajauksella.",
                                    "Fokusområdet har inga indikatorer med den här avgränsningen.",
                                    "The priority area has no indicators with these filters."),
    "ngo.knowledge.coverage": ("Aktiiviset kumppanit", "Aktiva partner", "Active partners"),
    "ngo.knowledge.value": ("{value} ({year})", "{value} ({year})", "{value} ({year})"),
    "ngo.all_ages": ("kaikki ikäryhmät", "alla åldersgrupper", "all age groups"),

    # --- the overview tile ---
    "ngo.headline.gap": ("Suurin aukko: {cell}", "Största luckan: {cell}", "Biggest gap: {cell}"),
    "ngo.headline.more": ("(+{count} muuta)", "(+{count} till)", "(+{count} more)"),
    "ngo.headline.no_gaps": ("Kaikilla painopistealueilla ja ikäryhmillä on aktiivinen kumppani.",
                             "Alla fokusområden och åldersgrupper har en aktiv partner.",
                             "Every priority area and age group has an active partner."),
    "ngo.headline.none": ("Järjestökumppaneita ei ole kirjattu.", "Inga organisationspartner har registrerats.",
                          "No NGO partners have been recorded."),
}
