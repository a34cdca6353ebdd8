"""UI text of the exports: the meeting briefing (PDF) and the chart and table downloads: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- the briefing's cover and running head ---
    "brief.title": ("Hyvinvointijohtamisen tilannekuva", "Lägesbild för välfärdsledningen",
                    "Wellbeing management at a glance"),
    "brief.subtitle": ("Kokousmateriaali", "Mötesunderlag", "Meeting briefing"),
    "brief.filters": ("Rajaukset", "Avgränsningar", "Filters"),
    "brief.age": ("Ikäryhmä: {value}", "Åldersgrupp: {value}", "Age group: {value}"),
    "brief.district": ("Alue: {value}", "Område: {value}", "District: {value}"),
    "brief.period": ("Ajanjakso: {value}", "Period: {value}", "Period: {value}"),
    "brief.language": ("Kieli: {value}", "Språk: {value}", "Language: {value}"),
    "brief.compiled": ("Koottu {when}", "Sammanställd {when}", "Compiled {when}"),
    "brief.contents": ("Sisältö", "Innehåll", "Contents"),
    "brief.page": ("Sivu {page}/{pages}", "Sida {page}/{pages}", "Page {page}/{pages}"),
    "brief.demo": ("ESITTELYAINEISTO: luvut ovat keksittyjä.", "DEMONSTRATIONSDATA: siffrorna är påhittade.",
                   "DEMO DATA: the figures are invented."),

    # --- sections ---
    "brief.overview.areas": ("Painopistealueiden indikaattorit", "Fokusområdenas indikatorer",
                             "The priority areas' indicators"),
    "brief.col.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "brief.col.indicators": ("Indikaattoreita", "Indikatorer", "Indicators"),
    "brief.col.target_met": ("Tavoite saavutettu", "Mål uppnått", "Target met"),
    "brief.latest": ("Viimeisin ({year}): {value} · {trend}", "Senaste ({year}): {value} · {trend}",
                     "Latest ({year}): {value} · {trend}"),
    "brief.table_note": (
        "Viimeisin arvo ja suunta edelliseen vuoteen verrattuna. ▲ = me paremmin kuin vertailualue, "
        "▼ = me heikommin; ✓ = tavoite saavutettu, ✗ = ei vielä.",
        "Senaste värde och riktning jämfört med året innan. ▲ = vi bättre än jämförelseområdet, "
        "▼ = vi sämre; ✓ = målet uppnått, ✗ = inte ännu.",
        "Latest value and its direction since the year before. ▲ = we are better than the comparison "
        "region, ▼ = we are worse; ✓ = target met, ✗ = not yet."),
    "brief.no_values": ("Ei arvoja valitulla aikavälillä.", "Inga värden under perioden.", "No values in the period."),
    "brief.participation": ("Osallisuus: tavoittavuus alueittain", "Delaktighet: räckvidd per område",
                            "Participation: reach by district"),
    "brief.participation.summary": (
        "Koko kunta: {reach} · {participants} osallistumiskertaa · {events} tapahtumaa.",
        "Hela kommunen: {reach} · {participants} deltaganden · {events} evenemang.",
        "Whole municipality: {reach} · {participants} participations · {events} events."),
    "brief.groups": ("Työryhmien aktiivisuus", "Arbetsgruppernas aktivitet", "Working-group activity"),
    "brief.groups.none": ("Valitulla rajauksella ei ole työryhmiä tai kokouksia.",
                          "Inga arbetsgrupper eller möten med avgränsningen.",
                          "No working groups or meetings with these filters."),
    "brief.ngo": ("Järjestöyhteistyön kattavuus", "Organisationssamarbetets täckning", "NGO coverage"),
    "brief.ngo.none": ("Järjestökumppanuuksia ei ole kirjattu.", "Inga organisationspartnerskap har registrerats.",
                       "No NGO partnerships have been recorded."),

    # --- the briefing's download button ---
    "brief.download": ("Lataa kokousmateriaali (PDF)", "Ladda ner mötesunderlaget (PDF)",
                       "Download the meeting briefing (PDF)"),
    "brief.download.help": (
        "PDF, jossa ovat nämä rajaukset ja kieli: yleiskuva, painopistealueet, osallisuuskartta, työryhmät ja "
        "järjestöyhteistyö.",
        "PDF med de här avgränsningarna och språket: översikt, fokusområden, delaktighetskarta, arbetsgrupper "
        "och organisationssamarbete.",
        "A PDF with these filters and this language: overview, priority areas, participation map, working "
        "groups and NGO partnerships."),
    "brief.failed": (
        "Kokousmateriaalia ei voitu koota: {reason}",
        "Mötesunderlaget kunde inte sammanställas: {reason}",
        "The meeting briefing could not be compiled: {reason}"),

    "brief.no_font": (
        "PDF-fontti puuttuu ({fonts}). Ylläpito: asenna Debianin paketti fonts-dejavu-core.",
        "PDF-typsnittet saknas ({fonts}). Administratören: installera Debian-paketet fonts-dejavu-core.",
        "The PDF font is missing ({fonts}). Administrator: install Debian's fonts-dejavu-core package."),

    # --- the deck as a PDF (presentation mode's slides, one a page) ---
    "deck.title": ("Esitys", "Presentation", "Presentation"),
    "deck.download": ("Lataa esitys (PDF)", "Ladda ner presentationen (PDF)", "Download this deck (PDF)"),
    "deck.download.help": (
        "Nämä diat tässä järjestyksessä PDF-sivuina (16:9) esityslistan liitteeksi, näillä rajauksilla ja "
        "tällä kielellä.",
        "De här bilderna i den här ordningen som PDF-sidor (16:9) för möteshandlingarna, med de här "
        "avgränsningarna och det här språket.",
        "These slides in this order as PDF pages (16:9) for the council packet, with these filters and this "
        "language."),

    # --- chart images and the participation table's Excel ---
    "exp.png": ("Kuva (PNG)", "Bild (PNG)", "Image (PNG)"),
    "exp.svg": ("Vektorikuva (SVG)", "Vektorbild (SVG)", "Vector image (SVG)"),
    "exp.csv": ("Taulukko (CSV)", "Tabell (CSV)", "Table (CSV)"),
    "exp.excel": ("Taulukko (Excel)", "Tabell (Excel)", "Table (Excel)"),
    "part.download.excel": ("Lataa alueiden luvut (Excel)", "Ladda ner områdenas siffror (Excel)",
                            "Download the districts' figures (Excel)"),
}
