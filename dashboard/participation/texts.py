"""UI text of the participation screen: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- page-level choices ---
    "part.filter.title": ("Rajaa tapahtumia: tyyppi, taso, toimiala", "Avgränsa evenemang: typ, nivå, sektor",
                          "Narrow the events: type, level, department"),
    "part.filter.types": ("Tapahtumatyypit", "Evenemangstyper", "Event types"),
    "part.filter.levels": ("Osallisuuden tasot", "Delaktighetsnivåer", "Participation levels"),
    "part.filter.departments": ("Järjestävät toimialat", "Arrangerande sektorer", "Organising departments"),
    "part.filter.all": ("Kaikki", "Alla", "All"),
    "part.show_events": ("Näytä tapahtumat kartalla", "Visa evenemangen på kartan", "Show the events on the map"),
    "part.type.resident_evening": ("Asukasilta", "Invånarkväll", "Resident evening"),
    "part.type.popup": ("Pop up -tila", "Pop up-lokal", "Pop-up space"),
    "part.type.pay_what_you_want": ("Maksa mitä haluat -päivä", "Betala vad du vill-dag", "Pay-what-you-want day"),
    "part.type.survey": ("Kysely", "Enkät", "Survey"),
    "part.type.workshop": ("Työpaja", "Workshop", "Workshop"),
    "part.type.other": ("Muu", "Annat", "Other"),
    "part.level.information": ("Tieto-osallisuus", "Informationsdelaktighet", "Information"),
    "part.level.planning": ("Suunnitteluosallisuus", "Planeringsdelaktighet", "Planning"),
    "part.level.decision": ("Päätöksenteko-osallisuus", "Beslutsdelaktighet", "Decision-making"),
    "part.level.action": ("Toimintaosallisuus", "Handlingsdelaktighet", "Action"),

    # --- headline figures ---
    "part.metric.reach": ("Tavoittavuus / 1 000 asukasta", "Räckvidd per 1 000 invånare",
                          "Reach per 1,000 residents"),
    "part.metric.participants": ("Osallistumiskertoja", "Deltaganden", "Participations"),
    "part.metric.events": ("Tapahtumia", "Evenemang", "Events"),
    "part.metric.low": ("Heikosti tavoitettuja alueita", "Svagt nådda områden", "Districts barely reached"),
    "part.reach_note": (
        "Tavoittavuus = osallistumiskerrat 1 000 asukasta kohden valitulla aikavälillä (sama henkilö voi "
        "osallistua monta kertaa). Asukasluku vuodelta {year}.",
        "Räckvidd = deltaganden per 1 000 invånare under perioden (samma person kan delta flera gånger). "
        "Invånarantal år {year}.",
        "Reach = participations per 1,000 residents in the period (one person may take part several "
        "times). Population of {year}.",
    ),
    "part.no_district_events": (
        "{events} tapahtumaa ilman aluetta ({participants} osallistumiskertaa) lasketaan koko kunnan lukuun "
        "mutta ei minkään alueen lukuun.",
        "{events} evenemang utan område ({participants} deltaganden) räknas in i hela kommunens siffra men "
        "inte i något områdes.",
        "{events} events without a district ({participants} participations) count toward the municipality's "
        "figure but not toward any district.",
    ),
    "part.no_district_events.one": (
        "1 tapahtuma ilman aluetta ({participants} osallistumiskertaa) lasketaan koko kunnan lukuun mutta ei "
        "minkään alueen lukuun.",
        "1 evenemang utan område ({participants} deltaganden) räknas in i hela kommunens siffra men inte i "
        "något områdes.",
        "1 event without a district ({participants} participations) counts toward the municipality's figure "
        "but not toward any district.",
    ),
    "part.suppression_note": (
        "Alle 5 osallistujan luvut näytetään muodossa ”< 5” tietosuojan vuoksi.",
        "Siffror under 5 deltagare visas som ”< 5” av dataskyddsskäl.",
        "Figures under 5 participants are shown as “< 5” to protect privacy.",
    ),
    "part.no_events": (
        "Valitulla aikavälillä ja rajauksilla ei ole osallisuustapahtumia. Laajenna aikaväliä tai poista "
        "tapahtumatyyppien, tasojen ja toimialojen rajaukset.",
        "Det finns inga delaktighetsevenemang under perioden med de här avgränsningarna. Förläng perioden "
        "eller ta bort avgränsningarna av typ, nivå och sektor.",
        "There are no participation events in this period with these filters. Widen the period or clear "
        "the event type, level and department choices.",
    ),
    "part.no_districts": (
        "Alueita ei ole ladattu, joten karttaa ei voi piirtää. Lisää alueet (GeoJSON) aineistopakettiin.",
        "Inga områden har laddats, så kartan kan inte ritas. Lägg till områdena (GeoJSON) i datapaketet.",
        "No districts have been loaded, so the map cannot be drawn. Add the districts (GeoJSON) to the "
        "data package.",
    ),
    "part.no_population": (
        "Tavoittavuutta ei voi laskea: alueille ei ole asukaslukuja vuodelta {year} tai sitä aiemmin. Täytä "
        "registers/district_population.csv (alue, ikäryhmä, vuosi, asukkaita) tai hae postinumeroalueiden väestö "
        "Paavosta: [districts] source = \"paavo\" tiedostossa hyte.toml. Alla osallistumiskerrat ja tapahtumat "
        "alueittain.",
        "Räckvidden kan inte beräknas: det finns inga invånarantal för områdena för år {year} eller tidigare. Fyll i "
        "registers/district_population.csv (område, åldersgrupp, år, invånare) eller hämta postnummerområdenas "
        "befolkning från Paavo: [districts] source = \"paavo\" i hyte.toml. Nedan deltaganden och evenemang per "
        "område.",
        "Reach cannot be computed: the districts have no population figures for {year} or earlier. Fill in "
        "registers/district_population.csv (district, age group, year, population) or take the postal areas' "
        "population from Paavo: [districts] source = \"paavo\" in hyte.toml. Below, participations and events by "
        "district.",
    ),
    "part.no_population_some": (
        "Asukasluku puuttuu {count}/{total} alueelta, joten niiden tavoittavuutta ei voi laskea eikä niitä "
        "verrata muihin (eikä koko kunnan tavoittavuutta): {names}. Täydennä registers/district_population.csv.",
        "Invånarantal saknas för {count} av {total} områden, så deras räckvidd kan inte beräknas eller jämföras "
        "(inte heller hela kommunens): {names}. Komplettera registers/district_population.csv.",
        "No population figure for {count} of {total} districts, so their reach cannot be computed or compared "
        "(nor the whole municipality's): {names}. Fill in registers/district_population.csv.",
    ),
    "part.population_missing": ("Asukasluku puuttuu {count}/{total} alueelta.",
                                "Invånarantal saknas för {count} av {total} områden.",
                                "No population figure for {count} of {total} districts."),
    "part.metric.with_events": ("Alueita, joilla tapahtumia", "Områden med evenemang", "Districts with events"),
    "part.counts": ("Tapahtumia {with_events}/{total} alueella.", "Evenemang i {with_events} av {total} områden.",
                    "Events in {with_events} of {total} districts."),
    "part.counts.top": ("Eniten osallistumiskertoja: {top} ({count}).", "Flest deltaganden: {top} ({count}).",
                        "Most participations: {top} ({count})."),
    "part.counts.none": ("Ei tapahtumia: {names}.", "Inga evenemang: {names}.", "No events: {names}."),
    "part.legend.alt_counts": ("Tavoittavuutta ei voi laskea ilman asukaslukuja. Kartan merkinnät: {classes}.",
                               "Räckvidden kan inte beräknas utan invånarantal. Kartans markeringar: {classes}.",
                               "Reach cannot be computed without population figures. The map's marks: {classes}."),
    "part.legend.counted": ("vähintään 5 osallistumiskertaa", "minst 5 deltaganden", "5 or more participations"),
    "part.legend.few": ("alle 5 tai ei tapahtumia", "under 5 eller inga evenemang", "under 5, or no events"),
    "part.map_counts": ("Tapahtumat alueittain", "Evenemang per område", "Events by district"),
    "part.legend.no_events": ("ei tapahtumia", "inga evenemang", "no events"),
    "part.ranked_counts": ("Osallistumiskerrat alueittain", "Deltaganden per område", "Participations by district"),
    "part.alt.types_counts": ("Eniten osallistumiskertoja: {type}, {count}.", "Flest deltaganden: {type}, {count}.",
                              "Most participations: {type}, {count}."),
    "part.types_counts": ("Osallistumiskerrat tapahtumatyypeittäin", "Deltaganden per evenemangstyp",
                          "Participations by event type"),
    "part.alt.age_counts": ("{district}: eniten osallistumiskertoja ikäryhmällä {age}, {count}.",
                            "{district}: flest deltaganden i åldersgruppen {age}, {count}.",
                            "{district}: most participations in the age group {age}, {count}."),
    "part.district.summary_unknown": (
        "{participants} osallistumiskertaa {events} tapahtumassa. Alueelle ei ole asukaslukua, joten sen "
        "tavoittavuutta ei voi laskea eikä sitä verrata muihin.",
        "{participants} deltaganden i {events} evenemang. Området har inget invånarantal, så dess räckvidd kan "
        "inte beräknas eller jämföras.",
        "{participants} participations at {events} events. The district has no population figure, so its reach "
        "cannot be computed or compared.",
    ),

    # --- the map ---
    "part.map": ("Tavoittavuus alueittain", "Räckvidd per område", "Reach by district"),
    "part.map_hint": (
        "Napsauta aluetta kartalla tai valitse se alta nähdäksesi sen tarkemmin.",
        "Klicka på ett område på kartan eller välj det nedan för att se det närmare.",
        "Click a district on the map, or choose it below, to see it in detail.",
    ),
    "part.compare_note": (
        "Kartta ja kaaviot vertaavat kaikkia alueita; sivupalkissa valittu alue avautuu tarkasteluun.",
        "Kartan och diagrammen jämför alla områden; området som valts i sidofältet öppnas i detalj.",
        "The map and charts compare every district; the district chosen in the sidebar opens in detail.",
    ),
    "part.legend.suppressed": ("alle 5 osallistujaa", "färre än 5 deltagare", "fewer than 5 participants"),
    "part.legend.no_data": ("ei asukaslukua", "inget invånarantal", "no population figure"),
    "part.legend.alt": ("Kartan värit tavoittavuuden mukaan: {classes}.",
                        "Kartans färger efter räckvidd: {classes}.",
                        "The map's colours by reach: {classes}."),
    "part.alt.map": (
        "Korkein tavoittavuus: {top}, {top_value}. Matalin: {low}, {low_value}.",
        "Högst räckvidd: {top}, {top_value}. Lägst: {low}, {low_value}.",
        "Highest reach: {top}, {top_value}. Lowest: {low}, {low_value}.",
    ),
    "part.alt.events": ("{count} tapahtumaa pisteinä; pisteen koko kertoo osallistujamäärän.",
                        "{count} evenemang som punkter; punktens storlek visar antalet deltagare.",
                        "{count} events as points; a point's size shows its participants."),
    "part.events_not_drawn": ("{count} tapahtumaa ilman paikkaa ei näy kartalla.",
                              "{count} evenemang utan plats visas inte på kartan.",
                              "{count} events without a place are not drawn on the map."),
    "part.events_not_drawn.one": ("1 tapahtuma ilman paikkaa ei näy kartalla.",
                                  "1 evenemang utan plats visas inte på kartan.",
                                  "1 event without a place is not drawn on the map."),
    "part.per_1000": ("{value} / 1 000 asukasta", "{value} per 1 000 invånare", "{value} per 1,000 residents"),
    "part.reach_under": ("alle {value}", "under {value}", "under {value}"),
    "part.small": ("< 5", "< 5", "< 5"),
    "part.tip.reach": ("Tavoittavuus: {value}", "Räckvidd: {value}", "Reach: {value}"),
    "part.tip.participants": ("Osallistumiskertoja: {value}", "Deltaganden: {value}", "Participations: {value}"),
    "part.tip.events": ("Tapahtumia: {value}", "Evenemang: {value}", "Events: {value}"),
    "part.tip.residents": ("Asukkaita: {value}", "Invånare: {value}", "Residents: {value}"),
    "part.tip.low": ("Heikosti tavoitettu", "Svagt nått", "Barely reached"),
    "part.tip.type": ("Tyyppi: {value}", "Typ: {value}", "Type: {value}"),
    "part.tip.level": ("Taso: {value}", "Nivå: {value}", "Level: {value}"),
    "part.tip.department": ("Toimiala: {value}", "Sektor: {value}", "Department: {value}"),

    # --- beside the map ---
    "part.ranked": ("Alueet tavoittavuuden mukaan", "Områden efter räckvidd", "Districts by reach"),
    "part.low_named": (
        "Heikosti tavoitetut (alle 25 % mediaanialueen tavoittavuudesta, {median}): {names}.",
        "Svagt nådda (under 25 % av medianområdets räckvidd, {median}): {names}.",
        "Barely reached (under 25 % of the median district's reach, {median}): {names}.",
    ),
    "part.low_none": (
        "Jokainen alue on tavoitettu vähintään neljännekseen mediaanialueen tasosta ({median}).",
        "Varje område har nåtts till minst en fjärdedel av medianområdets nivå ({median}).",
        "Every district is reached to at least a quarter of the median district's level ({median}).",
    ),
    "part.threshold": ("25 % mediaanista", "25 % av medianen", "25 % of the median"),
    "part.alt.ranked": (
        "Alueet tavoittavuuden mukaan. Korkein {top}, {top_value}; matalin {low}, {low_value}.",
        "Områden efter räckvidd. Högst {top}, {top_value}; lägst {low}, {low_value}.",
        "Districts by reach. Highest {top}, {top_value}; lowest {low}, {low_value}.",
    ),
    "part.levels": ("Osallisuuden tasot", "Delaktighetsnivåer", "Participation levels"),
    "part.alt.levels": (
        "Eniten osallistumiskertoja: {level} ({share}). Vähiten: {least} ({least_share}).",
        "Flest deltaganden: {level} ({share}). Minst: {least} ({least_share}).",
        "Most participations: {level} ({share}). Fewest: {least} ({least_share}).",
    ),
    "part.types": ("Tavoittavuus tapahtumatyypeittäin", "Räckvidd per evenemangstyp", "Reach by event type"),
    "part.alt.types": (
        "Parhaiten tavoittava tapahtumatyyppi: {type}, {value}.",
        "Evenemangstypen som når flest: {type}, {value}.",
        "The event type reaching most: {type}, {value}.",
    ),
    "part.axis.reach": ("Per 1 000 asukasta", "Per 1 000 invånare", "Per 1,000 residents"),
    "part.axis.participants": ("Osallistumiskertoja", "Deltaganden", "Participations"),
    "part.axis.share": ("Osuus", "Andel", "Share"),
    "part.axis.district": ("Alue", "Område", "District"),
    "part.axis.level": ("Osallisuuden taso", "Delaktighetsnivå", "Participation level"),
    "part.axis.type": ("Tapahtumatyyppi", "Evenemangstyp", "Event type"),
    "part.axis.age": ("Ikäryhmä", "Åldersgrupp", "Age group"),
    "part.axis.quarter": ("Vuosineljännes", "Kvartal", "Quarter"),
    "part.axis.series": ("Alue", "Område", "Area"),
    "part.axis.department": ("Toimiala", "Sektor", "Department"),
    "part.axis.events": ("Tapahtumia", "Evenemang", "Events"),
    "part.axis.units_share": ("Mallia käyttävien yksiköiden osuus", "Andel enheter som använder modellen",
                              "Share of units using the model"),

    # --- one district in detail ---
    "part.district.select": ("Tarkasteltava alue", "Område i detalj", "District in detail"),
    "part.district.none": ("— valitse alue —", "— välj område —", "— choose a district —"),
    "part.district.summary": (
        "{participants} osallistumiskertaa {events} tapahtumassa · {reach} · sija {rank}/{count}",
        "{participants} deltaganden i {events} evenemang · {reach} · plats {rank} av {count}",
        "{participants} participations at {events} events · {reach} · rank {rank} of {count}",
    ),
    "part.district.summary_small": (
        "Alle 5 osallistumiskertaa {events} tapahtumassa: alue on heikosti tavoitettu.",
        "Färre än 5 deltaganden i {events} evenemang: området har nåtts svagt.",
        "Fewer than 5 participations at {events} events: the district is barely reached.",
    ),
    "part.district.by_age": ("Tavoittavuus ikäryhmittäin", "Räckvidd per åldersgrupp", "Reach by age group"),
    "part.alt.age": (
        "{district}: korkein tavoittavuus ikäryhmällä {age}, {value}.",
        "{district}: högst räckvidd i åldersgruppen {age}, {value}.",
        "{district}: highest reach in the age group {age}, {value}.",
    ),
    "part.alt.age_none": (
        "{district}: jokaisessa ikäryhmässä alle 5 osallistujaa.",
        "{district}: färre än 5 deltagare i varje åldersgrupp.",
        "{district}: fewer than 5 participants in every age group.",
    ),
    "part.district.trend": ("Tavoittavuus neljännesvuosittain", "Räckvidd per kvartal", "Reach by quarter"),
    "part.alt.trend": (
        "{district} verrattuna koko kuntaan neljännesvuosittain: viimeisin {last} {value}, koko kunta {whole}.",
        "{district} jämfört med hela kommunen per kvartal: senast {last} {value}, hela kommunen {whole}.",
        "{district} against the whole municipality by quarter: latest {last} {value}, municipality {whole}.",
    ),
    "part.trend_hidden": (
        "Ontot pisteet: neljännekset, joilla alle 5 osallistujaa.",
        "Ihåliga punkter: kvartal med färre än 5 deltagare.",
        "Hollow points: quarters with fewer than 5 participants.",
    ),
    "part.series.municipality": ("Koko kunta", "Hela kommunen", "Whole municipality"),
    "part.district.events": ("Alueen tapahtumat", "Områdets evenemang", "Events in the district"),
    "part.district.no_events": (
        "Alueella ei ole tapahtumia valitulla aikavälillä ja rajauksilla.",
        "Området har inga evenemang under perioden med de här avgränsningarna.",
        "The district has no events in this period with these filters.",
    ),
    "part.close": ("Sulje alue", "Stäng området", "Close the district"),
    "part.col.district": ("Alue", "Område", "District"),
    "part.col.code": ("Tunnus", "Kod", "Code"),
    "part.col.age": ("Ikäryhmä", "Åldersgrupp", "Age group"),
    "part.col.participants": ("Osallistumiskertoja", "Deltaganden", "Participations"),
    "part.col.population": ("Asukkaita", "Invånare", "Residents"),
    "part.col.reach": ("Tavoittavuus / 1 000", "Räckvidd per 1 000", "Reach per 1,000"),
    "part.col.events": ("Tapahtumia", "Evenemang", "Events"),
    "part.col.low": ("Heikosti tavoitettu", "Svagt nått", "Barely reached"),
    "part.col.date": ("Päivä", "Datum", "Date"),
    "part.col.title": ("Tapahtuma", "Evenemang", "Event"),
    "part.col.type": ("Tyyppi", "Typ", "Type"),
    "part.col.level": ("Taso", "Nivå", "Level"),
    "part.col.department": ("Toimiala", "Sektor", "Department"),
    "part.col.trainings": ("Koulutuksia", "Utbildningar", "Trainings"),
    "part.col.units": ("Mallia käyttäviä yksiköitä", "Enheter som använder modellen", "Units using the model"),
    "part.col.share": ("Osuus", "Andel", "Share"),
    "part.col.year": ("Vuosi", "År", "Year"),
    "part.col.lagging": ("Jäljessä", "Efter", "Lagging"),
    "part.yes": ("kyllä", "ja", "yes"),
    "part.no": ("ei", "nej", "no"),
    "part.download": ("Lataa alueiden luvut (CSV)", "Ladda ner områdenas siffror (CSV)",
                      "Download the districts' figures (CSV)"),
    "part.file.title": ("Osallisuuden tavoittavuus alueittain", "Delaktighetens räckvidd per område",
                        "Participation reach by district"),

    # --- participation-model adoption ---
    "part.adoption": ("Osallisuusmallin käyttöönotto toimialoittain", "Delaktighetsmodellens införande per sektor",
                      "Participation-model adoption by department"),
    "part.adoption.lead": (
        "Mallia käyttävien yksiköiden osuus aikavälin viimeisimpänä vuonna, aikavälillä pidetyt koulutukset "
        "ja toimialan tapahtumien osallisuuden tasot.",
        "Andelen enheter som använder modellen periodens senaste år, utbildningar under perioden och "
        "delaktighetsnivåerna i sektorns evenemang.",
        "The share of units using the model in the period's latest year, trainings held in the period, "
        "and the participation levels of the department's events.",
    ),
    "part.adoption.lagging": (
        "Jäljessä (alle 30 % yksiköistä käyttää mallia tai koulutuksia ei ole pidetty): {names}.",
        "Efter (under 30 % av enheterna använder modellen eller inga utbildningar har hållits): {names}.",
        "Lagging (under 30 % of units use the model, or no training was held): {names}.",
    ),
    "part.adoption.none_lagging": (
        "Yksikään toimiala ei ole jäljessä: kaikissa vähintään 30 % yksiköistä käyttää mallia.",
        "Ingen sektor ligger efter: i alla använder minst 30 % av enheterna modellen.",
        "No department is lagging: in each, at least 30 % of units use the model.",
    ),
    "part.adoption.no_data": (
        "Osallisuusmallin käyttöönotosta ei ole tietoja valitulla aikavälillä.",
        "Det finns inga uppgifter om delaktighetsmodellens införande under perioden.",
        "There are no figures on the participation model's adoption in this period.",
    ),
    "part.units": ("{using}/{total} · {share}", "{using}/{total} · {share}", "{using}/{total} · {share}"),
    "part.alt.adoption": (
        "Mallia käyttävien yksiköiden osuus on suurin: {top} ({top_share}). Pienin: {low} ({low_share}).",
        "Andelen enheter som använder modellen är störst: {top} ({top_share}). Minst: {low} ({low_share}).",
        "The share of units using the model is largest in {top} ({top_share}), smallest in {low} ({low_share}).",
    ),
    "part.adoption.levels": ("Toimialojen tapahtumat osallisuuden tasoittain",
                             "Sektorernas evenemang per delaktighetsnivå",
                             "Departments' events by participation level"),
    "part.alt.dept_levels": (
        "Päätöksenteko- ja toimintaosallisuuden osuus tapahtumista on suurin: {top} ({share}).",
        "Andelen besluts- och handlingsdelaktighet bland evenemangen är störst: {top} ({share}).",
        "Decision-making and action make up the largest share of events in {top} ({share}).",
    ),

    # --- the overview's tile ---
    "part.headline.low_one": ("1 alue heikosti tavoitettu", "1 område svagt nått", "1 district barely reached"),
    "part.headline.low_many": ("{count} aluetta heikosti tavoitettu", "{count} områden svagt nådda",
                               "{count} districts barely reached"),
    "part.headline.ok": ("Jokainen alue tavoitettu", "Alla områden nådda", "Every district reached"),
    "part.headline.none": ("Ei osallisuustapahtumia valitulla aikavälillä", "Inga delaktighetsevenemang under perioden",
                           "No participation events in the period"),
    "part.headline.counts": ("alueella tapahtumia", "områden med evenemang", "districts with events"),
    "part.headline.no_population": ("Tavoittavuutta ei voi laskea: asukasluvut puuttuvat",
                                    "Räckvidden kan inte beräknas: invånarantal saknas",
                                    "Reach cannot be computed: no population figures"),
    "part.headline.some_population": ("Asukasluku puuttuu {count} alueelta: koko kunnan tavoittavuutta ei voi laskea",
                                      "Invånarantal saknas för {count} områden: hela kommunens räckvidd kan inte "
                                      "beräknas",
                                      "No population figure for {count} districts: the municipality's reach cannot "
                                      "be computed"),
    "part.headline.district_unknown": ("{district}: osallistumiskertaa; asukasluku puuttuu, tavoittavuutta ei voi laskea",
                                       "{district}: deltaganden; invånarantal saknas, räckvidden kan inte beräknas",
                                       "{district}: participations; no population figure, reach cannot be computed"),
    "part.headline.district": ("{district}: sija {rank}/{count}", "{district}: plats {rank} av {count}",
                               "{district}: rank {rank} of {count}"),
}
