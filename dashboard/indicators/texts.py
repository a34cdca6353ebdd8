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
}
