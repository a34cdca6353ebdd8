"""The demo's population and age structure for every region (Sotkanet 127, 1064, 1067, 1068), as /json sends them.

So the similar municipalities are proposed in the demo as they are for a real package (`[regions] profile`).
Merilahti's population is its districts' residents; Kivikoski and Tuulimaa, its configured peers, are
drawn close to it in size and age structure, as peers chosen by a coordinator would be; every other
municipality gets an invented size (log-normal around Finland's median of some 6,000 residents) and an
age structure that gets older as the place gets smaller. Counties and the country are their
municipalities' sums. Drawn from their own random stream: nothing else in the demo changes.
"""

from __future__ import annotations

import math
import random

from data_pipeline.compute.similar import POPULATION, SHARE_0_14, SHARE_15_64, SHARE_65_PLUS
from data_pipeline.demo.indicators import ORGANIZATIONS, trilingual

YEARS = tuple(range(2019, 2026))
TITLES = {
    POPULATION: ("Väestö 31.12.", "Befolkning 31.12", "Population 31 Dec"),
    SHARE_0_14: ("0 - 14-vuotiaat, % väestöstä", "0 - 14-åringar, % av befolkningen",
                 "Aged 0-14, as % of total population"),
    SHARE_15_64: ("15 - 64-vuotiaat, % väestöstä", "15 - 64-åringar, % av befolkningen",
                  "Aged 15-64, as % of total population"),
    SHARE_65_PLUS: ("65 vuotta täyttäneet, % väestöstä", "Personer som fyllt 65, % av befolkningen",
                    "Aged 65 and over, as % of total population"),
}
# Own-like peers: (code, population relative to Merilahti's, 0–14 % and 65+ % offsets from Merilahti's)
PEER_SHAPES = {"998": (0.82, 0.4, -0.9), "997": (1.25, -0.6, 1.1)}
OWN_SHARES = (15.2, 24.8)  # Merilahti in the last year: 0–14 % and 65+ %


def metadata(indicator_id: int) -> dict:
    org = trilingual(*ORGANIZATIONS[3])
    value_type = ("LKM", ("Lukumäärä", "Antal", "Number")) if indicator_id == POPULATION else \
        ("PROS", ("Prosenttia", "Procent", "Percent"))
    return {
        "id": indicator_id,
        "data-updated": "2026-04-24",
        "range": {"start": YEARS[0], "end": YEARS[-1]},
        "title": trilingual(*TITLES[indicator_id]),
        "description": trilingual("Demoaineisto: arvot ovat keksittyjä.", "Demodata: värdena är påhittade.",
                                   "Demo data: the values are invented."),
        "primaryValueType": {"code": value_type[0], "title": trilingual(*value_type[1])},
        "decimals": 0 if indicator_id == POPULATION else 1,
        "organization": {"id": 3, "title": org},
        "sources": [{"organization": {"id": 3, "title": org},
                     "title": trilingual("Tilastokeskus: väestörakenne", "Statistikcentralen: befolkningsstruktur",
                                         "Statistics Finland: population structure"),
                     "description": trilingual("Demoaineisto.", "Demodata.", "Demo data.")}],
    }


def profile_rows(regions: list[tuple], own_code: str, own_population: dict[int, int],
                 rng: random.Random) -> dict[int, list[dict]]:
    """Indicator id -> /json rows (totals) for every KUNTA in `regions` and the sums for their
    counties and the country. `regions`: REGIONS rows (id, category, code, fi, sv, en, memberOf, uri);
    `own_population`: year -> Merilahti's residents."""
    municipalities = [r for r in regions if r[1] == "KUNTA"]
    own_last = own_population[max(own_population)]
    people: dict[int, dict[int, tuple[float, float, float]]] = {}  # region -> year -> (population, young, old)
    for row in municipalities:
        code = row[2]
        if code == own_code:
            size, young, old = own_last, *OWN_SHARES
        elif code in PEER_SHAPES:
            ratio, d_young, d_old = PEER_SHAPES[code]
            size, young, old = own_last * ratio, OWN_SHARES[0] + d_young, OWN_SHARES[1] + d_old
        else:
            size = math.exp(rng.gauss(math.log(6_000), 1.1))
            size = min(max(size, 700), 650_000)
            # Smaller places are older: about 4 points more 65+ for a tenth of the size.
            old = min(max(rng.gauss(27.0 - 4.0 * math.log10(size / 6_000), 3.0), 14.0), 42.0)
            young = min(max(rng.gauss(15.5 - 0.15 * (old - 27.0), 2.0), 8.0), 26.0)
        growth = rng.gauss(-0.004, 0.006) if code not in (own_code, *PEER_SHAPES) else -0.002
        series = {}
        for year in YEARS:
            back = YEARS[-1] - year
            population = own_population.get(year, own_last) if code == own_code else size * (1 - growth) ** back
            # Ageing: 65+ rose about half a point a year, 0–14 fell about a fifth of one.
            series[year] = (float(round(population)), young + 0.2 * back, old - 0.5 * back)
        people[row[0]] = series
    totals = _sums(regions, people)
    out: dict[int, list[dict]] = {POPULATION: [], SHARE_0_14: [], SHARE_15_64: [], SHARE_65_PLUS: []}
    for region_id, series in sorted({**people, **totals}.items()):
        for year, (population, young, old) in series.items():
            figures = {POPULATION: population, SHARE_0_14: round(young, 1), SHARE_65_PLUS: round(old, 1),
                       SHARE_15_64: round(100.0 - round(young, 1) - round(old, 1), 1)}
            for indicator_id, value in figures.items():
                out[indicator_id].append({"indicator": indicator_id, "region": region_id, "year": year,
                                          "gender": "total", "value": value,
                                          "absValue": population if indicator_id == POPULATION
                                          else round(population * value / 100)})
    return out


def _sums(regions: list[tuple], people: dict[int, dict[int, tuple[float, float, float]]]):
    """The counties' and the country's figures: population summed, shares weighted by it."""
    groups: dict[int, list[int]] = {}
    for row in regions:
        if row[1] == "KUNTA":
            for member in row[6] or []:
                groups.setdefault(member, []).append(row[0])
    wanted = {r[0] for r in regions if r[1] in ("HYVINVOINTIALUE", "MAA")}
    out = {}
    for region_id, members in groups.items():
        if region_id not in wanted:
            continue
        series = {}
        for year in YEARS:
            rows = [people[m][year] for m in members if m in people]
            total = sum(p for p, _, _ in rows)
            series[year] = (total, sum(p * y for p, y, _ in rows) / total, sum(p * o for p, _, o in rows) / total)
        out[region_id] = series
    return out
