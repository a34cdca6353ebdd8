"""UI text of the indicator screen's ranks, peer comparison and map of Finland: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- ranks among all municipalities (data_pipeline/ranks.py) ---
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
}
