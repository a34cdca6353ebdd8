"""UI text of the indicator screen's ranks, peer comparison and map of Finland: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- ranks among all municipalities (data_pipeline/compute/ranks.py) ---
    "rank.country": ("Sija {rank}/{count} kunnista", "Plats {rank}/{count} av kommunerna",
                     "Rank {rank}/{count} of municipalities"),
    "rank.county": ("{county}: {rank}/{count}", "{county}: {rank}/{count}", "{county}: {rank}/{count}"),
    "rank.quartile.1": ("paras neljännes", "bästa fjärdedelen", "best quarter"),
    "rank.quartile.2": ("toiseksi paras neljännes", "näst bästa fjärdedelen", "second quarter"),
    "rank.quartile.3": ("toiseksi heikoin neljännes", "näst sämsta fjärdedelen", "third quarter"),
    "rank.quartile.4": ("heikoin neljännes", "sämsta fjärdedelen", "worst quarter"),
    "rank.up": ("↑{n} noussut vuodesta {year}", "↑{n} upp sedan {year}", "↑{n} up since {year}"),
    "rank.down": ("↓{n} laskenut vuodesta {year}", "↓{n} ned sedan {year}", "↓{n} down since {year}"),
    "rank.same": ("→ sama sija kuin {year}", "→ samma plats som {year}", "→ same rank as in {year}"),
    "rank.none": ("Ei sijaa: muiden kuntien arvoja ei ole tälle mittarille.",
                  "Ingen plats: andra kommuners värden saknas för denna indikator.",
                  "No rank: other municipalities have no values for this indicator."),
    "rank.caption": (
        "Sija ja sen väri vertaavat muihin kuntiin (1 = paras mittarin suunnan mukaan; sininen = paras "
        "neljännes, harmaa = keskimmäiset, oranssi = heikoin neljännes), eivät tavoitteeseen.",
        "Platsen och dess färg jämför med andra kommuner (1 = bäst enligt indikatorns riktning; blå = bästa "
        "fjärdedelen, grå = mitten, orange = sämsta fjärdedelen), inte med ett mål.",
        "The rank and its colour compare with other municipalities (1 = best by the indicator's direction; "
        "blue = best quarter, grey = middle, orange = worst quarter), not with a target."),
    "rank.detail": ("Sijoitus kuntien joukossa ({year})", "Placering bland kommunerna ({year})",
                    "Rank among municipalities ({year})"),

    # --- the configured peers' median and range ---
    "peer.title": ("Vertailukunnat: mediaani ja vaihteluväli", "Jämförelsekommuner: median och variationsbredd",
                   "Peer municipalities: median and range"),
    "peer.alt": ("{title}: vertailukuntien ({peers}) mediaani vuonna {year} {median}, vaihteluväli {low}–{high}.",
                 "{title}: jämförelsekommunernas ({peers}) median år {year} {median}, variationsbredd {low}–{high}.",
                 "{title}: the peer municipalities' ({peers}) median in {year} {median}, range {low}–{high}."),
    "peer.own": ("{municipality} {value}.", "{municipality} {value}.", "{municipality} {value}."),
    "peer.none": ("Vertailukunnille ei ole arvoja tällä aikavälillä.",
                  "Jämförelsekommunerna har inga värden under perioden.",
                  "The peer municipalities have no values in the period."),
    "peer.range": ("Vertailukuntien vaihteluväli", "Jämförelsekommunernas variationsbredd", "Peers' range"),
    "peer.median": ("Vertailukuntien mediaani", "Jämförelsekommunernas median", "Peers' median"),
    # --- the briefing's priority-area tables ---
    "brief.col.peers": ("Vertailukunnat", "Jämförelsekommuner", "Peers"),
    "brief.col.rank": ("Sija", "Plats", "Rank"),
    "brief.rank_note": (
        "Vertailukunnat = niiden mediaani (vaihteluväli). Sija = sija kaikkien kuntien joukossa (1 = paras), "
        "↑/↓ muutos edellisestä vuodesta; se vertaa muihin kuntiin, ei tavoitteeseen.",
        "Jämförelsekommuner = deras median (variationsbredd). Plats = plats bland alla kommuner (1 = bäst), "
        "↑/↓ förändring från året innan; den jämför med andra kommuner, inte med ett mål.",
        "Peers = their median (range). Rank = rank among all municipalities (1 = best), ↑/↓ change since the "
        "previous year; it compares with other municipalities, not with a target."),
    "rank.slide": ("Kuntien joukossa: {best}/{ranked} mittarissa parhaassa neljänneksessä, {worst} heikoimmassa.",
                   "Bland kommunerna: {best}/{ranked} indikatorer i bästa fjärdedelen, {worst} i den sämsta.",
                   "Among municipalities: {best}/{ranked} indicators in the best quarter, {worst} in the worst."),
    # --- the map of Finland ---
    "map.title": ("Kaikki kunnat kartalla", "Alla kommuner på kartan", "Every municipality on the map"),
    "map.no_shapes": (
        "Suomen kartta tarvitsee kuntarajat: lisää hyte.toml-tiedostoon `[regions] boundaries_year = 2025` ja "
        "päivitä tiedot (`hyte refresh --config hyte.toml`).",
        "Finlandskartan behöver kommungränserna: lägg till `[regions] boundaries_year = 2025` i hyte.toml och "
        "uppdatera data (`hyte refresh --config hyte.toml`).",
        "The map of Finland needs the municipal boundaries: add `[regions] boundaries_year = 2025` to hyte.toml "
        "and refresh (`hyte refresh --config hyte.toml`)."),
    "map.no_values": ("Ei karttaa: muiden kuntien arvoja ei ole tälle mittarille.",
                      "Ingen karta: andra kommuners värden saknas för denna indikator.",
                      "No map: other municipalities have no values for this indicator."),
    "map.class.0": ("Paras viidennes", "Bästa femtedelen", "Best fifth"),
    "map.class.1": ("Toinen viidennes", "Andra femtedelen", "Second fifth"),
    "map.class.2": ("Keskimmäinen viidennes", "Mellersta femtedelen", "Middle fifth"),
    "map.class.3": ("Neljäs viidennes", "Fjärde femtedelen", "Fourth fifth"),
    "map.class.4": ("Heikoin viidennes", "Sämsta femtedelen", "Worst fifth"),
    "map.no_value": ("Ei arvoa", "Inget värde", "No value"),
    "map.legend": ("Kunnat {year}", "Kommunerna {year}", "Municipalities {year}"),
    "map.tip.municipality": ("Kunta", "Kommun", "Municipality"),
    "map.tip.value": ("Arvo", "Värde", "Value"),
    "map.tip.rank": ("Sija", "Plats", "Rank"),
    "map.alt": ("{title} {year}: {count} kuntaa viidessä luokassa parhaasta heikoimpaan.",
                "{title} {year}: {count} kommuner i fem klasser från bästa till sämsta.",
                "{title} {year}: {count} municipalities in five classes from best to worst."),
    "map.alt_own": ("{municipality} {value}, sija {rank} ({cls}).", "{municipality} {value}, plats {rank} ({cls}).",
                    "{municipality} {value}, rank {rank} ({cls})."),
    "map.note": (
        "Musta ääriviiva = oma kunta, violetti = vertailukunnat, katkoviiva = hyvinvointialueen raja. Värit "
        "vertaavat kuntia keskenään (sininen = paras), eivät tavoitteeseen.",
        "Svart kontur = den egna kommunen, lila = jämförelsekommuner, streckad = välfärdsområdets gräns. Färgerna "
        "jämför kommunerna sinsemellan (blå = bäst), inte med ett mål.",
        "Black outline = own municipality, purple = peers, dashed = the county's boundary. The colours compare "
        "municipalities with each other (blue = best), not with a target."),

    # --- similar municipalities: why these peers (data_pipeline/compute/similar.py) ---
    "similar.title": ("Miksi nämä vertailukunnat? Koko ja ikärakenne", "Varför dessa jämförelsekommuner? Storlek och "
                      "åldersstruktur", "Why these peers? Size and age structure"),
    "similar.method": (
        "Ehdotetut kunnat ovat ne {n}, jotka ovat lähimpänä omaa kuntaa ({municipality}) väkiluvultaan ja "
        "ikärakenteeltaan vuonna {year}: väkiluku (logaritmisena), 0–14-vuotiaiden ja 65 vuotta täyttäneiden osuus, "
        "kukin vakioitu kaikkien {count} kunnan kesken. Vertailukunnat valitaan hyte.toml:n kohdassa "
        "[regions] peers; ehdotus ei muuta niitä.",
        "De föreslagna är de {n} kommuner som ligger närmast den egna ({municipality}) i folkmängd och "
        "åldersstruktur år {year}: folkmängden (logaritmisk), andelen 0–14-åringar och andelen personer som fyllt "
        "65, var och en standardiserad bland alla {count} kommuner. Jämförelsekommunerna väljs i hyte.toml under "
        "[regions] peers; förslaget ändrar dem inte.",
        "The proposed are the {n} municipalities nearest to the own one ({municipality}) in population and age "
        "structure in {year}: population (on a log scale), the shares aged 0–14 and 65 and over, each standardised "
        "over all {count} municipalities. The peers are chosen in hyte.toml under [regions] peers; the proposal "
        "does not change them."),
    "similar.none": (
        "Kuntien väkilukua ja ikärakennetta ei ole tallennettu, joten samankaltaisia kuntia ei ehdoteta. Ne haetaan "
        "Sotkanetista, kun hyte.toml:n kohdassa [regions] on rivi `profile = true`; päivitä sitten tiedot "
        "(`hyte refresh`).",
        "Kommunernas folkmängd och åldersstruktur har inte sparats, så inga liknande kommuner föreslås. De hämtas "
        "från Sotkanet när hyte.toml har raden `profile = true` under [regions]; uppdatera sedan (`hyte refresh`).",
        "The municipalities' population and age structure are not stored, so no similar municipalities are "
        "proposed. They are fetched from Sotkanet when hyte.toml has `profile = true` under [regions]; then "
        "refresh (`hyte refresh`)."),
    "similar.no_own": (
        "Oman kunnan väkilukua tai ikärakennetta ei ole vuodelta {year}, joten samankaltaisia kuntia ei ehdoteta.",
        "Den egna kommunens folkmängd eller åldersstruktur saknas för {year}, så inga liknande kommuner föreslås.",
        "The own municipality's population or age structure is missing for {year}, so no similar municipalities "
        "are proposed."),
    "similar.outside": (
        "{name} on vertailukunta, mutta koon ja ikärakenteen perusteella vasta {rank}. samankaltaisin.",
        "{name} är jämförelsekommun men bara den {rank}:e mest lika efter storlek och åldersstruktur.",
        "{name} is a peer but only the {rank}th most similar by size and age structure."),
    "similar.no_rank": ("{name} on vertailukunta, mutta sen väkilukua tai ikärakennetta ei ole vuodelta {year}.",
                        "{name} är jämförelsekommun men dess folkmängd eller åldersstruktur saknas för {year}.",
                        "{name} is a peer but its population or age structure is missing for {year}."),
    "similar.all_in": ("Kaikki vertailukunnat ovat ehdotettujen joukossa.",
                       "Alla jämförelsekommuner finns bland de föreslagna.",
                       "Every peer is among the proposed."),
    "similar.table": ("Vertailukuntien ja ehdotettujen luvut taulukkona", "Jämförelsekommunernas och de föreslagnas "
                      "siffror som tabell", "The peers' and the proposed's figures as a table"),
    "similar.col.municipality": ("Kunta", "Kommun", "Municipality"),
    "similar.col.choice": ("Valinta", "Val", "Choice"),
    "similar.col.rank": ("Sija", "Plats", "Rank"),
    "similar.col.population": ("Väkiluku", "Folkmängd", "Population"),
    "similar.col.young": ("0–14 v., %", "0–14 år, %", "0–14, %"),
    "similar.col.old": ("65+ v., %", "65+ år, %", "65+, %"),
    "similar.col.distance": ("Etäisyys", "Avstånd", "Distance"),
    "similar.group.municipality": ("oma kunta", "egen kommun", "own municipality"),
    "similar.group.peer_proposed": ("vertailukunta, ehdotettu", "jämförelsekommun, föreslagen", "peer, proposed"),
    "similar.group.peer": ("vertailukunta", "jämförelsekommun", "peer"),
    "similar.group.proposed": ("ehdotettu", "föreslagen", "proposed"),
    "similar.group.other": ("muu kunta", "annan kommun", "other municipality"),
    "similar.axis.population": ("Väkiluku (logaritminen asteikko)", "Folkmängd (logaritmisk skala)",
                                "Population (log scale)"),
    "similar.axis.old": ("65 v. täyttäneet, %", "65 år och äldre, %", "Aged 65+, %"),
    "similar.alt": (
        "Kaikki {count} kuntaa väkiluvun ja 65 vuotta täyttäneiden osuuden mukaan vuonna {year}. {municipality}: "
        "{population} asukasta, 65 vuotta täyttäneitä {old} %. Ehdotetut: {proposed}.",
        "Alla {count} kommuner efter folkmängd och andel personer som fyllt 65 år {year}. {municipality}: "
        "{population} invånare, 65 år och äldre {old} %. Föreslagna: {proposed}.",
        "All {count} municipalities by population and share aged 65 and over in {year}. {municipality}: "
        "{population} residents, aged 65+ {old} %. Proposed: {proposed}."),
}
