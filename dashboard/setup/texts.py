"""UI text of the setup screen (a new municipality's package): key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    "page.setup": ("Käyttöönotto", "Ibruktagning", "Setup"),
    "setup.lead": (
        "Uuden kunnan tietopaketti samoin kuin komento `hyte init` sen kirjoittaa: kunta, vertailualueet, "
        "alueet, painopistealueet ja indikaattorit. Paketti kirjoitetaan kansioon; tietovarastoon se ladataan "
        "komennolla `hyte refresh`.",
        "Datapaketet för en ny kommun så som kommandot `hyte init` skriver det: kommun, jämförelseområden, "
        "områden, fokusområden och indikatorer. Paketet skrivs i en mapp; till datalagret laddas det med "
        "kommandot `hyte refresh`.",
        "A new municipality's data package as `hyte init` writes it: the municipality, comparison regions, "
        "districts, priority areas and indicators. The package is written to a folder; `hyte refresh` "
        "loads it into the store.",
    ),
    # --- 1. the municipality ---
    "setup.step.town": ("1. Kunta", "1. Kommun", "1. Municipality"),
    "setup.town.search": ("Kunnan nimi tai numero", "Kommunens namn eller nummer", "Municipality name or number"),
    "setup.town.placeholder": ("esim. Kangasala tai 211", "t.ex. Kangasala eller 211", "e.g. Kangasala or 211"),
    "setup.town.choose": ("Valitse kunta", "Välj kommun", "Choose the municipality"),
    "setup.town.not_found": (
        "Kuntaa '{query}' ei löydy Sotkanetin aluelistasta. Kirjoita kunnan suomen- tai ruotsinkielinen nimi "
        "tai kolminumeroinen kuntanumero (esim. 211).",
        "Kommunen '{query}' finns inte i Sotkanets områdeslista. Skriv kommunens finska eller svenska namn "
        "eller det tresiffriga kommunnumret (t.ex. 211).",
        "No municipality '{query}' in Sotkanet's region list. Type the municipality's Finnish or Swedish "
        "name or its three-digit number (e.g. 211).",
    ),
    "setup.town.proposal": ("Ehdotus", "Förslag", "Proposal"),
    "setup.town.county": ("Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
    "setup.town.no_county": (
        "Hyvinvointialuetta ei löytynyt kunnan tiedoista; paketti kirjoitetaan ilman sitä.",
        "Inget välfärdsområde hittades i kommunens uppgifter; paketet skrivs utan det.",
        "No wellbeing services county was found for the municipality; the package is written without one.",
    ),
    "setup.town.country": ("Vertailutaso", "Jämförelsenivå", "Comparison level"),
    "setup.town.population": ("Väkiluku {year}", "Invånarantal {year}", "Population {year}"),
    "setup.town.peers": ("Vertailukunnat", "Jämförelsekommuner", "Comparison municipalities"),
    "setup.town.peer_count": ("Vertailukuntien määrä", "Antal jämförelsekommuner", "Number of comparison municipalities"),
    "setup.town.peers_why": (
        "Samaa kokoluokkaa ({size} asukasta) ja väkiluvultaan lähimmät; perustelu kirjoitetaan hyte.toml-"
        "tiedoston kommenttiin, ja listaa voi muokata.",
        "Samma storleksklass ({size} invånare) och närmast i invånarantal; motiveringen skrivs som en kommentar "
        "i hyte.toml, och listan kan redigeras.",
        "Same size class ({size} residents) and nearest in population; the reason is written as a comment in "
        "hyte.toml, and the list can be edited.",
    ),
    "setup.town.peers_why_age": (
        "Väkiluvultaan ja ikärakenteeltaan lähimmät ({name}: {population} asukasta, 0–14-vuotiaita {young} %, "
        "65 vuotta täyttäneitä {old} %); perustelu kirjoitetaan hyte.toml-tiedoston kommenttiin, ja listaa voi "
        "muokata.",
        "Närmast i invånarantal och åldersstruktur ({name}: {population} invånare, 0–14 år {young} %, 65 år och "
        "äldre {old} %); motiveringen skrivs som en kommentar i hyte.toml, och listan kan redigeras.",
        "Nearest in population and age structure ({name}: {population} residents, aged 0–14 {young} %, 65 and "
        "over {old} %); the reason is written as a comment in hyte.toml, and the list can be edited.",
    ),
    "setup.town.peer_row_age": ("{name} ({code}): {population} asukasta, 0–14 v. {young} %, 65+ {old} %",
                                "{name} ({code}): {population} invånare, 0–14 år {young} %, 65+ {old} %",
                                "{name} ({code}): {population} residents, 0–14 {young} %, 65+ {old} %"),
    "setup.town.no_peers": (
        "Väkilukua ei saatu Sotkanetista, joten vertailukuntia ei ehdoteta; lisää ne myöhemmin hyte.toml-tiedostoon.",
        "Invånarantalet kunde inte hämtas från Sotkanet, så inga jämförelsekommuner föreslås; lägg till dem "
        "senare i hyte.toml.",
        "Sotkanet gave no population, so no comparison municipalities are proposed; add them later in hyte.toml.",
    ),
    "setup.town.peer_row": ("{name} ({code}): {population} asukasta", "{name} ({code}): {population} invånare",
                            "{name} ({code}): {population} residents"),
    "setup.districts": ("Alueet: Paavo-postinumeroalueet ({count}, {year})",
                        "Områden: Paavo-postnummerområden ({count}, {year})",
                        "Districts: Paavo postal areas ({count}, {year})"),
    "setup.districts.caption": (
        "Tilastokeskuksen postinumeroalueet; väestö ikäryhmittäin näkyy, kun vie hiiren alueen päälle. "
        "Lähde: Tilastokeskus, Paavo, CC BY 4.0.",
        "Statistikcentralens postnummerområden; befolkningen per åldersgrupp visas när du för musen över ett "
        "område. Källa: Statistikcentralen, Paavo, CC BY 4.0.",
        "Statistics Finland's postal areas; hover over an area for its population by age group. "
        "Source: Statistics Finland, Paavo, CC BY 4.0.",
    ),
    "setup.districts.map": ("Kartta: {count} postinumeroaluetta kunnassa {town}",
                            "Karta: {count} postnummerområden i {town}",
                            "Map: {count} postal areas in {town}"),
    "setup.districts.none": (
        "Paavo ei antanut postinumeroalueita nyt ({problem}). Paketti kirjoitetaan silti: `hyte refresh` "
        "hakee alueet uudelleen. Tarkista Tilastokeskuksen osoite (HYTE_PAAVO_URL) ja verkkoyhteys.",
        "Paavo gav inga postnummerområden nu ({problem}). Paketet skrivs ändå: `hyte refresh` hämtar "
        "områdena på nytt. Kontrollera Statistikcentralens adress (HYTE_PAAVO_URL) och nätverket.",
        "Paavo gave no postal areas now ({problem}). The package is written anyway: `hyte refresh` fetches "
        "the areas again. Check Statistics Finland's address (HYTE_PAAVO_URL) and the network.",
    ),
    "setup.districts.total": ("yhteensä", "totalt", "total"),
    # --- 2. indicators ---
    "setup.step.indicators": ("3. Indikaattorit", "3. Indikatorer", "3. Indicators"),
    "setup.preset.pori": ("Porin esimerkki ({count})", "Björneborgs exempel ({count})", "The Pori example ({count})"),
    "setup.preset.minimal": ("Suppea aloitus ({count})", "En kort början ({count})", "A short start ({count})"),
    "setup.preset.help": (
        "Valmis joukko korvaa valinnan; lisää tai poista sitten yksittäisiä indikaattoreita luettelosta.",
        "En färdig uppsättning ersätter valet; lägg sedan till eller ta bort enskilda indikatorer i katalogen.",
        "A preset replaces the choice; then add or remove single indicators from the catalogue.",
    ),
    "setup.catalogue": ("Sotkanetin indikaattorit (hae nimellä tai numerolla)",
                        "Sotkanets indikatorer (sök med namn eller nummer)",
                        "Sotkanet's indicators (search by name or number)"),
    "setup.catalogue.count": ("{chosen} valittu {total} indikaattorista", "{chosen} valda av {total} indikatorer",
                              "{chosen} chosen of {total} indicators"),
    "setup.catalogue.unavailable": (
        "Sotkanetin indikaattoriluetteloa ei saatu ({problem}); valmiit joukot ovat silti käytettävissä.",
        "Sotkanets indikatorkatalog kunde inte hämtas ({problem}); de färdiga uppsättningarna kan ändå användas.",
        "Sotkanet's indicator catalogue could not be fetched ({problem}); the presets can still be used.",
    ),
    "setup.describe": ("Indikaattorin kuvaus", "Indikatorns beskrivning", "The indicator's description"),
    "setup.describe.placeholder": ("hae indikaattori nähdäksesi sen kuvauksen",
                                   "sök en indikator för att se dess beskrivning",
                                   "search an indicator to see its description"),
    "setup.describe.failed": (
        "Indikaattorin {id} kuvausta ei saatu Sotkanetista ({problem}).",
        "Beskrivningen av indikator {id} kunde inte hämtas från Sotkanet ({problem}).",
        "Sotkanet gave no description of indicator {id} ({problem}).",
    ),
    "setup.describe.none": ("Sotkanetissa ei ole kuvausta tälle indikaattorille.",
                            "Sotkanet har ingen beskrivning av denna indikator.",
                            "Sotkanet has no description of this indicator."),
    "setup.describe.source": ("Tuottaja: {org} · tiedot {start}–{end} · päivitetty {updated}",
                              "Producent: {org} · uppgifter {start}–{end} · uppdaterad {updated}",
                              "Producer: {org} · data {start}–{end} · updated {updated}"),
    "setup.table": ("Valitut indikaattorit: painopistealue, ikäryhmä ja suunta",
                    "Valda indikatorer: fokusområde, åldersgrupp och riktning",
                    "Chosen indicators: priority area, age group and direction"),
    "setup.col.id": ("Nro", "Nr", "No."),
    "setup.col.title": ("Indikaattori", "Indikator", "Indicator"),
    "setup.col.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "setup.col.age": ("Ikäryhmä", "Åldersgrupp", "Age group"),
    "setup.col.direction": ("Suunta", "Riktning", "Direction"),
    "setup.age.all": ("kaikki", "alla", "all"),
    "setup.direction.lower_better": ("pienempi parempi", "lägre är bättre", "lower is better"),
    "setup.direction.higher_better": ("suurempi parempi", "högre är bättre", "higher is better"),
    "setup.none_chosen": ("Valitse vähintään yksi indikaattori: valmis joukko tai luettelosta.",
                          "Välj minst en indikator: en färdig uppsättning eller ur katalogen.",
                          "Choose at least one indicator: a preset or from the catalogue."),
    # --- 3. priority areas ---
    "setup.step.areas": ("2. Painopistealueet", "2. Fokusområden", "2. Priority areas"),
    "setup.areas.pori": ("Porin hyvinvointiohjelman kolme", "Björneborgs välfärdsprograms tre",
                         "The Pori wellbeing programme's three"),
    "setup.areas.empty": ("Yksi nimettävä (oma suunnitelma)", "Ett att namnge (egen plan)",
                          "One to rename (your own plan)"),
    "setup.areas.label": ("Aloituspohja", "Utgångspunkt", "Starting point"),
    # --- 4. write ---
    "setup.step.write": ("4. Kirjoita paketti", "4. Skriv paketet", "4. Write the package"),
    "setup.folder": ("Kansio", "Mapp", "Folder"),
    "setup.folder.help": (
        "Uusi kansio palvelimella (oletus: sovelluksen datakansio tai HYTE_SETUP_DIR).",
        "En ny mapp på servern (standard: appens datamapp eller HYTE_SETUP_DIR).",
        "A new folder on the server (default: the app's data folder or HYTE_SETUP_DIR).",
    ),
    "setup.folder.not_empty": (
        "Kansiossa `{folder}` on jo tiedostoja. Valitse toinen kansio tai vahvista, että paketti kirjoitetaan "
        "niiden päälle.",
        "Mappen `{folder}` innehåller redan filer. Välj en annan mapp eller bekräfta att paketet skrivs över dem.",
        "The folder `{folder}` already has files in it. Choose another folder or confirm writing the package "
        "over them.",
    ),
    "setup.folder.overwrite": ("Kirjoita olemassa olevien tiedostojen päälle", "Skriv över befintliga filer",
                               "Write over the existing files"),
    "setup.folder.is_file": ("`{folder}` on tiedosto, ei kansio. Valitse kansio.",
                             "`{folder}` är en fil, inte en mapp. Välj en mapp.",
                             "`{folder}` is a file, not a folder. Choose a folder."),
    "setup.write": ("Kirjoita paketti", "Skriv paketet", "Write the package"),
    "setup.write.failed": (
        "Pakettia ei voitu kirjoittaa kansioon `{folder}`: {problem}. Tarkista, että sovelluksella on "
        "kirjoitusoikeus kansioon.",
        "Paketet kunde inte skrivas i mappen `{folder}`: {problem}. Kontrollera att appen har skrivrätt till mappen.",
        "The package could not be written to `{folder}`: {problem}. Check that the app may write to the folder.",
    ),
    "setup.written": ("Paketti kirjoitettu: `{config}`", "Paketet skrivet: `{config}`", "Package written: `{config}`"),
    "setup.fetching": ("Haetaan {count} indikaattorin tiedot Sotkanetista pakettiin…",
                       "Hämtar uppgifterna för {count} indikatorer från Sotkanet till paketet…",
                       "Fetching {count} indicators' data from Sotkanet into the package…"),
    "setup.fetch_failed": (
        "{count} indikaattorin tietoja ei saatu nyt Sotkanetista. Paketti on kirjoitettu; `hyte refresh` "
        "hakee ne uudelleen (tarkista verkkoyhteys ja HYTE_SOTKANET_URL).",
        "Uppgifterna för {count} indikatorer kunde inte hämtas från Sotkanet nu. Paketet är skrivet; "
        "`hyte refresh` hämtar dem på nytt (kontrollera nätverket och HYTE_SOTKANET_URL).",
        "{count} indicators' data could not be fetched from Sotkanet now. The package is written; "
        "`hyte refresh` fetches them again (check the network and HYTE_SOTKANET_URL).",
    ),
    "setup.next": ("Seuraavaksi", "Därefter", "Next steps"),
    "setup.next.steps": (
        "1. Täytä rekisterit kansiossa `{registers}` (Excel-pohjat; ohjeet: `{instructions}`).\n"
        "2. Tarkista paketti: `hyte check --config {config}`\n"
        "3. Lataa tiedot: `hyte refresh --config {config}`",
        "1. Fyll i registren i mappen `{registers}` (Excel-mallar; anvisningar: `{instructions}`).\n"
        "2. Kontrollera paketet: `hyte check --config {config}`\n"
        "3. Ladda uppgifterna: `hyte refresh --config {config}`",
        "1. Fill in the registers in `{registers}` (Excel templates; instructions: `{instructions}`).\n"
        "2. Check the package: `hyte check --config {config}`\n"
        "3. Load the data: `hyte refresh --config {config}`",
    ),
    # --- network ---
    "setup.offline": (
        "Sotkanetiin ei saada yhteyttä ({problem}). Tarkista verkkoyhteys ja Sotkanetin osoite "
        "(ympäristömuuttuja HYTE_SOTKANET_URL, nyt {url}) ja yritä uudelleen.",
        "Det går inte att nå Sotkanet ({problem}). Kontrollera nätverket och Sotkanets adress "
        "(miljövariabeln HYTE_SOTKANET_URL, nu {url}) och försök igen.",
        "Cannot reach Sotkanet ({problem}). Check the network and Sotkanet's address "
        "(environment variable HYTE_SOTKANET_URL, now {url}) and try again.",
    ),
    "setup.retry": ("Yritä uudelleen", "Försök igen", "Try again"),
}
