"""Writes the demo package of Merilahti, a fictional coastal town: config, Sotkanet data, districts, registers.

Everything is invented except the Sotkanet indicator ids and titles. The package is deterministic: the same
seed gives byte-identical files, and "today" is the fixed TODAY below, never the clock.

Patterns built in on purpose, for a leadership group to find (tests/test_demo.py asserts each one):
  (a) Participation barely reaches district 09 Metsälä (SPARSE_DISTRICT): two small resident evenings in
      2025 and one in 2026, under ten participants each, while most districts have 10–50 events a year.
  (b) The working-age lifecycle group `hyte_tyoikaiset` (QUIET_GROUP) met only 3 times in 2025, the last
      full year; its target is 5–6 and every other lifecycle group met 5–6 times.
  (c) Age group `older` has no NGO partner activity in districts 10 Peltola and 11 Kallioranta
      (OLDER_GAP_DISTRICTS): no NGO serving them, and no whole-municipality NGO, has an `older` activity row
      or an `older` experiential note. The older people's group also has one of its two NGO seats vacant.
  (d) Youth daily smoking, Sotkanet 288 (WORSENING_INDICATOR, lower is better), fell in Merilahti until 2022
      and has risen every year 2023–2025 while the whole country keeps falling.
Also: youth unemployment, Sotkanet 189 (CROSSING_INDICATOR), was above the whole-country level until 2023
and fell below it in 2024. Events in districts 12 Saaristo and 09 Metsälä have per-age-group counts under
5, so small-count suppression has something to suppress.
"""

from __future__ import annotations

import csv
import json
import math
import random
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from shapely.geometry import Point, shape

from data_pipeline.registers import REGISTERS, register_columns

TODAY = date(2026, 11, 22)  # the demo's fixed "today": output must not depend on the run date
MUNICIPALITY_CODE = "999"
MUNICIPALITY_REGION_ID = 9999
DATA_YEARS = tuple(range(2012, 2026))
SPARSE_DISTRICT = "09"
QUIET_GROUP = "hyte_tyoikaiset"
OLDER_GAP_DISTRICTS = ("10", "11")
WORSENING_INDICATOR = 288
CROSSING_INDICATOR = 189

AGE_GROUPS = (  # code, min, max, fi, sv, en
    ("children_youth", 0, 17, "Lapset ja nuoret", "Barn och unga", "Children and youth"),
    ("working_age", 18, 64, "Työikäiset", "Personer i arbetsför ålder", "Working-age"),
    ("older", 65, None, "Ikääntyneet", "Äldre", "Older people"),
)
AGE_CODES = tuple(g[0] for g in AGE_GROUPS)
PRIORITY_AREAS = (
    ("environment", "Viihtyisä ja turvallinen elinympäristö", "En trivsam och trygg livsmiljö",
     "Pleasant and safe living environment"),
    ("participation", "Osallistuva ja aktiivinen kuntalainen", "En delaktig och aktiv kommuninvånare",
     "Participating and active resident"),
    ("lifestyles", "Terveelliset elämäntavat", "Hälsosamma levnadsvanor", "Healthy lifestyles"),
)

# --- Districts ------------------------------------------------------------------------------------

# code, fi, sv, fi genitive (for generated names), grid cell (col, row) or None for the archipelago,
# residents. The grid is 4 x 3 cells with the north-west cell open sea; the archipelago lies off the coast.
DISTRICTS = (
    ("01", "Keskusta", "Centrum", "Keskustan", (1, 1), 9000),
    ("02", "Satama", "Hamnen", "Sataman", (0, 1), 3500),
    ("03", "Niittykylä", "Ängsby", "Niittykylän", (2, 1), 5200),
    ("04", "Rantala", "Strandby", "Rantalan", (0, 0), 3000),
    ("05", "Koivuniemi", "Björknäs", "Koivuniemen", (1, 0), 4300),
    ("06", "Kirkonmäki", "Kyrkbacken", "Kirkonmäen", (2, 0), 3800),
    ("07", "Mäntylä", "Tallbacka", "Mäntylän", (3, 0), 3100),
    ("08", "Asemanseutu", "Stationsområdet", "Asemanseudun", (1, 2), 4400),
    ("09", "Metsälä", "Skogsbacka", "Metsälän", (3, 2), 2600),
    ("10", "Peltola", "Åkerby", "Peltolan", (2, 2), 2900),
    ("11", "Kallioranta", "Bergstrand", "Kalliorannan", (3, 1), 2700),
    ("12", "Saaristo", "Skärgården", "Saariston", None, 350),
)
GENITIVE = {d[0]: d[3] for d in DISTRICTS}
LON0, LAT0, DLON, DLAT = 21.70, 61.44, 0.075, 0.04  # about 4 x 4.5 km cells west of real-world Pori
CENTRE_WITH_LAKE = "01"
ISLANDS = ((-0.75, 1.45, 0.22), (-0.55, 0.45, 0.16), (0.3, 2.6, 0.15))  # centre (cells), radius (cells)


def _district_features(rng: random.Random) -> list[dict]:
    """Jittered-grid quadrilaterals that share their corners, so they tile without overlap or gaps."""
    corner = {(i, j): (round(LON0 + (i + rng.uniform(-0.2, 0.2)) * DLON, 5),
                       round(LAT0 + (j + rng.uniform(-0.2, 0.2)) * DLAT, 5))
              for i in range(5) for j in range(4)}
    coastal_west_edges = {(0, 0), (0, 1), (1, 2)}  # west edge faces the sea: give it a ragged shore
    features = []
    for code, fi, sv, _gen, cell, _pop in DISTRICTS:
        if cell is None:
            polygons = [[_blob(rng, LON0 + cx * DLON, LAT0 + cy * DLAT, r)] for cx, cy, r in ISLANDS]
            geometry = {"type": "MultiPolygon", "coordinates": polygons}
        else:
            c, r = cell
            sw, se, ne, nw = corner[c, r], corner[c + 1, r], corner[c + 1, r + 1], corner[c, r + 1]
            ring = [sw, se, ne, nw]  # counter-clockwise, as RFC 7946 asks of exterior rings
            if cell in coastal_west_edges:
                ring += [(round(nw[0] + (sw[0] - nw[0]) * t + rng.uniform(-0.15, 0.15) * DLON, 5),
                          round(nw[1] + (sw[1] - nw[1]) * t, 5)) for t in (1 / 3, 2 / 3)]
            rings = [ring + [sw]]
            if code == CENTRE_WITH_LAKE:  # a lake in the town centre: a polygon with a hole
                cx, cy = (sum(p[0] for p in ring[:4]) / 4, sum(p[1] for p in ring[:4]) / 4)
                rings.append(list(reversed(_blob(rng, cx, cy, 0.12))))
            geometry = {"type": "Polygon", "coordinates": rings}
        geometry = json.loads(json.dumps(geometry))  # tuples -> lists, as a GeoJSON reader returns them
        features.append({"type": "Feature", "properties": {"code": code, "name": fi, "name_sv": sv},
                         "geometry": geometry})
    return features


def _blob(rng: random.Random, cx: float, cy: float, radius_cells: float) -> list[tuple[float, float]]:
    """A closed, counter-clockwise, irregular octagon around (cx, cy): an island or a lake."""
    pts = []
    for k in range(8):
        a, rr = 2 * math.pi * k / 8, radius_cells * rng.uniform(0.75, 1.0)
        pts.append((round(cx + rr * DLON * math.cos(a), 5), round(cy + rr * DLAT * math.sin(a), 5)))
    return pts + [pts[0]]


def _random_point_in(rng: random.Random, geom) -> tuple[float, float]:
    minx, miny, maxx, maxy = geom.bounds
    while True:  # rejection sampling; checked after rounding so the written point is inside
        lon, lat = round(rng.uniform(minx, maxx), 5), round(rng.uniform(miny, maxy), 5)
        if geom.contains(Point(lon, lat)):
            return lon, lat


def _population_rows(rng: random.Random) -> list[dict]:
    """Residents by district, age group and year 2020–2026: the centre is working-age, the islands old."""
    shares = {"01": (0.14, 0.64, 0.22), "03": (0.26, 0.58, 0.16), "12": (0.10, 0.45, 0.45)}
    drift = (-0.010, -0.003, 0.015)  # a town that is ageing, as most Finnish towns are
    rows = []
    for code, *_, residents in DISTRICTS:
        for k, age in enumerate(AGE_CODES):
            base = residents * shares.get(code, (0.19, 0.58, 0.23))[k]
            for year in range(2020, 2027):
                pop = base * (1 + drift[k] * (year - 2023)) * rng.uniform(0.995, 1.005)
                rows.append({"district": code, "age_group": age, "year": year, "population": round(pop)})
    return rows


# --- Indicators -----------------------------------------------------------------------------------


class Indicator(NamedTuple):
    id: int
    area: str
    age_group: str | None
    direction: str
    value_type: str
    org: int
    start: float  # whole-country level in 2012
    end: float  # whole-country level in 2025
    offset: float  # Merilahti's usual distance from the country
    target: float | None
    fi: str
    sv: str
    en: str


L, H = "lower_better", "higher_better"
ENV, PART, LIFE = "environment", "participation", "lifestyles"
CY, WA, OL = AGE_CODES
INDICATORS = (  # real Sotkanet ids and titles; the levels are invented but in a plausible range
    Indicator(3113, ENV, WA, L, "PER1000", 3, 7.0, 7.8, 0.9, 7.5,
              "Poliisin tietoon tulleet henkeen ja terveyteen kohdistuneet rikokset / 1 000 asukasta",
              "Brott mot liv och hälsa som kommit till polisens kännedom / 1 000 invånare",
              "Offences against life and health recorded by the police per 1000 inhabitants"),
    Indicator(4299, ENV, WA, H, "PROS", 2, 88.0, 86.5, 1.5, 90.0,
              "Asuinalueensa turvallisuuteen tyytyväisten osuus (%), 20 - 64-vuotiaat",
              "Andelen personer som är nöjda med tryggheten i sitt bostadsområde (%), 20 - 64-åringar",
              "Persons who are satisfied with the safety of their neighbourhood (%), age 20-64"),
    Indicator(4300, ENV, OL, H, "PROS", 2, 90.0, 89.0, -3.0, 90.0,
              "Asuinalueensa turvallisuuteen tyytyväisten osuus (%), 65 vuotta täyttäneet",
              "Andelen personer som är nöjda med tryggheten i sitt bostadsområde (%), 65 år och äldre",
              "Persons who are satisfied with the safety of their neighbourhood (%), age 65 and over"),
    Indicator(3959, ENV, OL, L, "PER10000", 2, 235.0, 255.0, 18.0, 250.0,
              "Kaatumisiin ja putoamisiin liittyvät hoitojaksot 65 vuotta täyttäneillä / 10 000 vastaavanikäistä",
              "Vårdperioder i anslutning till fallolyckor bland personer som fyllt 65 år/10 000 personer i samma ålder",
              "Periods of care arising from accidental falls for those aged 65 and over/10 000 inhabitants of the same age"),
    Indicator(1570, ENV, OL, H, "PROS", 2, 89.5, 92.0, -0.5, 93.0,
              "Kotona asuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä",
              "Personer i åldrarna 75 år och över som bor hemma, % av befolkningen i samma ålder",
              "Living at home among those aged 75 and over, as % of total population of same age"),
    Indicator(1514, ENV, CY, L, "PROS", 2, 7.5, 6.6, 0.5, 5.5,
              "Koulukiusattuna vähintään kerran viikossa, % 8. ja 9. luokan oppilaista",
              "Mobbats i skolan, % av eleverna i årskurs 8 och 9",
              "Pupils who have been bullied at school, as % of all pupils in 8th and 9th year of comprehensive school"),
    Indicator(191, ENV, CY, L, "PROS", 2, 1.15, 1.3, 0.15, None,
              "Kodin ulkopuolelle sijoitetut 0 - 17-vuotiaat, % vastaavanikäisestä väestöstä (THL)",
              "0 - 17-åringar som placerats utanför hemmet, % av befolkningen i samma ålder (THL)",
              "Placements outside the home for those aged 0-17, as % of total population of same age (THL)"),
    Indicator(4292, PART, WA, H, "PROS", 2, 21.0, 19.0, -1.8, 21.0,
              "Aktiivisesti järjestötoimintaan tms. osallistuvien osuus (%), 20 - 64-vuotiaat",
              "Andelen personer som aktivt deltar i organisationsverksamhet eller motsvarande (%), 20 - 64-åringar",
              "Participating in activities organised by associations etc. (%), age 20-64"),
    Indicator(4293, PART, OL, H, "PROS", 2, 30.0, 28.5, -2.2, 30.0,
              "Aktiivisesti järjestötoimintaan tms. osallistuvien osuus (%), 65 vuotta täyttäneet",
              "Andelen personer som aktivt deltar i organisationsverksamhet eller motsvarande (%), 65 år och äldre",
              "Participating in activities organised by associations etc. (%), age 65 and over"),
    Indicator(4286, PART, OL, L, "PROS", 2, 9.0, 10.5, 1.6, 10.0,
              "Itsensä yksinäiseksi tuntevien osuus (%), 65 vuotta täyttäneet",
              "Andelen personer som känner sig ensamma (%), 65 år och äldre",
              "Persons who feel themselves lonely (%), age 65 and over"),
    Indicator(292, PART, CY, L, "PROS", 2, 9.5, 11.0, 0.6, 9.0,
              "Ei yhtään läheistä ystävää, % 8. ja 9. luokan oppilaista",
              "Inga nära vänner, % av eleverna i årskurs 8 och 9",
              "Has no close friends, as % of all pupils in 8th and 9th year of comprehensive school"),
    Indicator(3219, PART, CY, L, "PROS", 3, 9.0, 8.0, 1.1, 7.5,
              "Koulutuksen ulkopuolelle jääneet 17 - 24-vuotiaat, % vastaavanikäisestä väestöstä",
              "17 - 24-åriga personer utanför utbildningssystemet, % av befolkningen i samma ålder",
              "Those aged 17 - 24 not in education or training, as % of total population of same age"),
    Indicator(189, PART, WA, L, "PROS", 32, 20.0, 17.0, 0.0, 14.0,
              "Nuorisotyöttömät, % 18 - 24-vuotiaasta työvoimasta",
              "Arbetslösa ungdomar, % av arbetskraften i åldrarna 18 - 24 år",
              "Unemployed young people, as % of labour force aged 18-24"),
    Indicator(3076, PART, None, H, "PROS", 3, 58.5, 55.0, -3.0, 57.0,
              "Äänestysaktiivisuus kuntavaaleissa, %",
              "Valdeltagande i kommunalvalen (%)",
              "Voting turnout in municipal elections, %"),
    Indicator(288, LIFE, CY, L, "PROS", 2, 14.0, 4.5, 0.0, 5.0,
              "Tupakoi päivittäin, % 8. ja 9. luokan oppilaista",
              "Röker dagligen, % av eleverna i årskurs 8 och 9",
              "Daily smokers, as % of all pupils in 8th and 9th year of comprehensive school"),
    Indicator(3906, LIFE, CY, L, "PROS", 2, 16.0, 20.5, 1.8, 18.0,
              "Ylipaino, % 8. ja 9. luokan oppilaista",
              "Övervikt, % av eleverna i årskurs 8 och 9",
              "Overweight, as % of all pupils in 8th and 9th year of comprehensive school"),
    Indicator(3905, LIFE, CY, L, "PROS", 2, 25.0, 29.0, 1.2, 24.0,
              "Harrastaa hengästyttävää liikuntaa vapaa-ajalla korkeintaan 1 h viikossa, % 8. ja 9. luokan oppilaista",
              "Utövar motion som ger andfåddhet högst en timme per vecka under fritiden, % av eleverna i årskurs 8 och 9",
              "Less physical exercise than one hour a week, as % of all pupils in 8th and 9th year of comprehensive school"),
    Indicator(4405, LIFE, WA, L, "PROS", 2, 19.0, 11.0, 1.4, 10.0,
              "Päivittäin tupakoivien osuus (%), 20 - 64-vuotiaat",
              "Andelen personer som röker dagligen (%), 20 - 64-åringar",
              "Daily smokers (%), age 20-64"),
    Indicator(4412, LIFE, WA, L, "PROS", 2, 33.0, 27.0, 1.0, 25.0,
              "Alkoholia liikaa käyttävien osuus (AUDIT-C) (%), 20 - 64-vuotiaat",
              "Andelen personer som dricker för mycket alkohol (AUDIT-C) (%), 20 - 64-åringar",
              "Persons who drink too much alcohol (AUDIT-C) (%), age 20-64"),
    Indicator(4446, LIFE, WA, L, "PROS", 2, 22.0, 19.5, 2.2, None,
              "Vapaa-ajan liikuntaa harrastamattomien osuus (%), 20 - 64-vuotiaat",
              "Andelen personer som inte motioner på fritiden (%), 20 - 64-åringar",
              "Leisure-time physical inactivity (%), age 20-64"),
    Indicator(4447, LIFE, OL, L, "PROS", 2, 30.0, 27.0, 3.0, 25.0,
              "Vapaa-ajan liikuntaa harrastamattomien osuus (%), 65 vuotta täyttäneet",
              "Andelen personer som inte motioner på fritiden (%), 65 år och äldre",
              "Leisure-time physical inactivity (%), age 65 and over"),
    Indicator(4413, LIFE, OL, L, "PROS", 2, 17.0, 21.5, -1.0, None,
              "Alkoholia liikaa käyttävien osuus (AUDIT-C) (%), 65 vuotta täyttäneet",
              "Andelen personer som dricker för mycket alkohol (AUDIT-C) (%), 65 år och äldre",
              "Persons who drink too much alcohol (AUDIT-C) (%), age 65 and over"),
)
LOCAL_INDICATORS = (  # id, area, age group, direction, target, unit, fi, sv, en
    (900001, PART, WA, H, 25.0, "/ 1 000 asukasta", "Asukasillan osallistujat / 1000 asukasta",
     "Deltagare i invånarkvällar / 1 000 invånare", "Resident evening participants per 1,000 inhabitants"),
    (900002, ENV, CY, H, 12.0, "käyttökertaa / asukas", "Lähiliikuntapaikkojen käyttökerrat / asukas",
     "Besök på närmotionsplatser / invånare", "Visits to neighbourhood sports sites per inhabitant"),
)
# Merilahti's own series for the two pattern indicators, 2012–2025 (see the module docstring).
YOUTH_SMOKING = (15.8, 15.0, 14.1, 13.0, 12.2, 11.0, 10.1, 9.0, 8.1, 7.2, 6.6, 7.4, 8.5, 9.6)
YOUTH_UNEMPLOYMENT_GAP = (3.5, 3.8, 4.0, 3.6, 3.2, 3.0, 2.8, 2.9, 3.1, 2.6, 1.8, 0.9, -0.9, -1.6)
ELECTION_YEARS = (2012, 2017, 2021, 2025)  # municipal elections: other years have no turnout
MUNICIPAL_GAPS = {(4447, 2016)}  # a year the survey sample in Merilahti was too small to publish

REGIONS = (  # Sotkanet id, category, code, fi, sv, en, memberOf, uri
    (9999, "KUNTA", "999", "Merilahti", "Havsvik", "Merilahti", [976, 490, 658], ""),
    (9998, "KUNTA", "998", "Kivikoski", "Stenforsa", "Kivikoski", [976, 490, 658], ""),
    (9997, "KUNTA", "997", "Tuulimaa", "Vindland", "Tuulimaa", [976, 490, 658], ""),
    (976, "HYVINVOINTIALUE", "6", "Satakunnan hyvinvointialue", "Satakunta välfärdsområde",
     "Satakunta wellbeing services county", [658], ""),
    (658, "MAA", "358", "Koko maa", "Hela landet", "Whole country", [], "http://www.yso.fi/onto/kunnat/suomi"),
    # Not configured, so the loader must filter them out; code "6" repeats across categories on purpose.
    (292, "KUNTA", "609", "Pori", "Björneborg", "Pori", [976, 490, 658], "http://www.yso.fi/onto/kunnat/k609"),
    (97, "KUNTA", "211", "Kangasala", "Kangasala", "Kangasala", [970, 492, 658], "http://www.yso.fi/onto/kunnat/k211"),
    (490, "MAAKUNTA", "04", "Satakunta", "Satakunta", "Region of Satakunta", [], "http://www.yso.fi/onto/kunnat/mk04"),
    (838, "ALUEHALLINTOVIRASTO", "6", "Lapin AVIn alue", "Området för Lapplands RFV", "Area for Lapland AVI", [],
     "http://www.yso.fi/onto/kunnat/ahv6"),
)
ORGANIZATIONS = {
    2: ("Terveyden ja hyvinvoinnin laitos (THL)", "Institutet för hälsa och välfärd (THL)",
        "Finnish institute for Health and Welfare (THL)"),
    3: ("Tilastokeskus", "Statistikcentralen", "Statistics Finland"),
    32: ("Työ- ja elinkeinoministeriö (TEM)", "Arbets- och näringsministeriet (ANM)",
         "Ministry of Economic Affairs and Employment (TEM)"),
}
VALUE_TYPES = {
    "PROS": ("Prosenttia", "Procent", "Percent"),
    "PER1000": ("Tuhatta asukasta kohden", "Per tusen invånare", "Per 1000 inhabitants"),
    "PER10000": ("Kymmentä tuhatta asukasta kohden", "Per tio tusen invånare", "Per 10 000 inhabitants"),
}
SCHOOL_SURVEY = {288, 292, 1514, 3905, 3906}


def _trilingual(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "en": en, "sv": sv}  # key order of real Sotkanet responses


def _indicator_metadata(ind: Indicator, rng: random.Random) -> dict:
    org = _trilingual(*ORGANIZATIONS[ind.org])
    if ind.id in SCHOOL_SURVEY:
        source = ("Kouluterveyskysely (THL)", "Skolhälsoenkäten (THL)", "School Health Promotion study (THL)")
    elif ind.org == 2:
        source = ("Terveyden ja hyvinvoinnin laitoksen tilastot (THL)", "THL:s statistik", "THL statistics")
    else:
        source = (f"{ORGANIZATIONS[ind.org][0]}: tilastot",) * 2 + (f"{ORGANIZATIONS[ind.org][2]}: statistics",)
    if ind.direction == L:
        better = ("Pienempi arvo on parempi.", "Ett lägre värde är bättre.", "A lower value is better.")
    else:
        better = ("Suurempi arvo on parempi.", "Ett högre värde är bättre.", "A higher value is better.")
    return {
        "id": ind.id,
        "data-updated": f"2026-0{rng.randint(3, 6)}-{rng.randint(10, 28)}",
        "range": {"start": DATA_YEARS[0], "end": DATA_YEARS[-1]},
        "title": _trilingual(ind.fi, ind.sv, ind.en),
        "description": _trilingual(f"{ind.fi}. Demoaineisto: kuvaus ja arvot ovat keksittyjä.",
                                   f"{ind.sv}. Demodata: beskrivningen och värdena är påhittade.",
                                   f"{ind.en}. Demo data: the description and values are invented."),
        "interpretation": _trilingual(*better),
        "primaryValueType": {"code": ind.value_type, "title": _trilingual(*VALUE_TYPES[ind.value_type])},
        "decimals": 1,
        "organization": {"id": ind.org, "title": org},
        "sources": [{"organization": {"id": ind.org, "title": org}, "title": _trilingual(*source),
                     "description": _trilingual("Demoaineisto.", "Demodata.", "Demo data.")}],
    }


def _indicator_data(ind: Indicator, rng: random.Random) -> list[dict]:
    """Rows as Sotkanet's /json returns them: every region, three genders, missing values simply absent."""
    scale = max(abs(ind.start), abs(ind.end))
    country = {y: ind.start + (ind.end - ind.start) * (y - 2012) / 13 + rng.gauss(0, 0.004 * scale)
               for y in DATA_YEARS}
    gender_gap = rng.uniform(-0.15, 0.15)
    years = ELECTION_YEARS if ind.id == 3076 else DATA_YEARS
    rows = []
    for rid, category, *_ in REGIONS:
        # Smaller populations mean noisier series: the municipality zig-zags, county and country are smooth.
        if rid == MUNICIPALITY_REGION_ID:
            offset, sd = ind.offset, 0.03 * scale
        elif category == "MAA":
            offset, sd = 0.0, 0.0
        elif category == "KUNTA":
            offset, sd = rng.gauss(0, 0.08 * scale), 0.035 * scale
        else:
            offset, sd = 0.4 * ind.offset + rng.gauss(0, 0.02 * scale), 0.01 * scale
        for y in years:
            total = country[y] + offset + rng.gauss(0, sd)
            if rid == MUNICIPALITY_REGION_ID and ind.id == WORSENING_INDICATOR:
                total = YOUTH_SMOKING[y - 2012]
            elif rid == MUNICIPALITY_REGION_ID and ind.id == CROSSING_INDICATOR:
                total = country[y] + YOUTH_UNEMPLOYMENT_GAP[y - 2012]
            spread = min(total, 100 - total) if ind.value_type == "PROS" else total  # keeps shares below 100
            values = (("total", total), ("male", total + gender_gap * spread + rng.gauss(0, sd / 2)),
                      ("female", total - gender_gap * spread + rng.gauss(0, sd / 2)))
            for gender, value in values:
                if rid == MUNICIPALITY_REGION_ID and (ind.id, y) in MUNICIPAL_GAPS:
                    continue
                if category == "KUNTA" and rid != MUNICIPALITY_REGION_ID and gender != "total" \
                        and rng.random() < 0.04:
                    continue  # small municipalities: some gender breakdowns are not published
                value = max(0.0, min(value, 100.0)) if ind.value_type == "PROS" else max(0.0, value)
                rows.append({"indicator": ind.id, "region": rid, "year": y, "gender": gender,
                             "value": round(value, 1), "absValue": None})
    return rows


def _regions_json() -> list[dict]:
    return [{"id": rid, "code": code, "category": cat, "title": _trilingual(fi, sv, en), "memberOf": member_of,
             "uri": uri} for rid, cat, code, fi, sv, en, member_of, uri in REGIONS]


def _local_indicator_rows(rng: random.Random) -> list[dict]:
    """Local service data 2019–2025 per district and for the whole town (population-weighted)."""
    rows = []
    for ind_id, *_ in LOCAL_INDICATORS:
        level = {code: rng.uniform(8, 25) if ind_id == 900001 else rng.uniform(4, 14) for code, *_ in DISTRICTS}
        level[SPARSE_DISTRICT] = 1.5 if ind_id == 900001 else 3.0  # Metsälä: participation barely reaches it
        for year in range(2019, 2026):
            growth, weighted, weight = 1 + 0.04 * (year - 2019), 0.0, 0
            for code, *_, residents in DISTRICTS:
                value = round(level[code] * growth * rng.uniform(0.92, 1.08), 1)
                weighted, weight = weighted + value * residents, weight + residents
                rows.append({"indicator": ind_id, "district": code, "year": year, "gender": "total", "value": value})
            rows.append({"indicator": ind_id, "district": None, "year": year, "gender": "total",
                         "value": round(weighted / weight, 1)})
    return rows


def _config_toml() -> str:
    """The package's hyte.toml, in the format of docs/hyte-toml.md (data_pipeline/config_schema.py)."""
    out = ["# Merilahti: a fictional demo municipality written by data_pipeline/demo.py. All data are invented.",
           "# Indicator ids and titles are real Sotkanet ones (THL, Sotkanet.fi, CC BY 4.0)."]

    def table(header: str, values: dict) -> None:
        out.append(f"\n{header}")
        out.extend(f"{key} = {_toml_value(value)}" for key, value in values.items() if value is not None)

    table("[municipality]", {"code": MUNICIPALITY_CODE, "name_fi": "Merilahti", "name_sv": "Havsvik",
                             "name_en": "Merilahti", "demo": True})
    table("[plan]", {"name_fi": "Hyvinvointisuunnitelma 2025–2028", "name_sv": "Välfärdsplan 2025–2028",
                     "name_en": "Wellbeing plan 2025–2028", "start_year": 2025, "end_year": 2028})
    for code, lo, hi, fi, sv, en in AGE_GROUPS:
        table("[[age_groups]]", {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en,
                                 "min_age": lo, "max_age": hi})
    for code, fi, sv, en in PRIORITY_AREAS:
        table("[[priority_areas]]", {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en})
    table("[regions]", {"county": {"category": "HYVINVOINTIALUE", "code": "6"},
                        "country": {"category": "MAA", "code": "358"}, "peers": ["998", "997"]})
    # Recorded, fictional values: a refresh must never replace them with the real Sotkanet's.
    table("[sotkanet]", {"base_url": "http://127.0.0.1:9/offline-demo", "cache_dir": "sotkanet",
                         "years": [DATA_YEARS[0], DATA_YEARS[-1]], "offline": True})
    table("[districts]", {"file": "districts.geojson", "id_property": "code", "name_property": "name",
                          "name_sv_property": "name_sv"})
    table("[registers]", {"dir": "registers"})
    for ind in INDICATORS:
        table("[[indicators]]", {"id": ind.id, "source": "sotkanet", "priority_area": ind.area,
                                 "age_group": ind.age_group, "direction": ind.direction, "target": ind.target,
                                 "target_year": 2028 if ind.target is not None else None})
    for ind_id, area, age, direction, target, unit, fi, sv, en in LOCAL_INDICATORS:
        table("[[indicators]]", {"id": ind_id, "source": "local", "priority_area": area, "age_group": age,
                                 "direction": direction, "target": target, "target_year": 2028,
                                 "title_fi": fi, "title_sv": sv, "title_en": en, "unit": unit, "decimals": 1})
    return "\n".join(out) + "\n"


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    return repr(value)


# --- The wellbeing plan ---------------------------------------------------------------------------

GOALS = (  # code, area, fi, sv, en
    ("T1", ENV, "Asuinalueet ovat viihtyisiä ja turvallisia kaikenikäisille",
     "Bostadsområdena är trivsamma och trygga för alla åldrar", "Neighbourhoods are pleasant and safe for all ages"),
    ("T2", ENV, "Lähiliikuntapaikat ja viheralueet ovat kaikkien saavutettavissa",
     "Närmotionsplatser och grönområden är tillgängliga för alla",
     "Neighbourhood sports sites and green areas are accessible to all"),
    ("T3", ENV, "Ikääntyneet asuvat turvallisesti kotona", "Äldre bor tryggt hemma",
     "Older people live safely at home"),
    ("T4", PART, "Jokainen asukas voi vaikuttaa oman alueensa asioihin", "Varje invånare kan påverka sitt område",
     "Every resident can influence matters in their own area"),
    ("T5", PART, "Yksinäisyys vähenee kaikissa ikäryhmissä", "Ensamheten minskar i alla åldersgrupper",
     "Loneliness decreases in all age groups"),
    ("T6", PART, "Nuoret ovat mukana koulutuksessa, työssä ja harrastuksissa",
     "Unga deltar i utbildning, arbete och fritidsaktiviteter",
     "Young people take part in education, work and hobbies"),
    ("T7", LIFE, "Lapset ja nuoret liikkuvat enemmän ja ovat savuttomia", "Barn och unga rör sig mer och är rökfria",
     "Children and young people move more and are smoke-free"),
    ("T8", LIFE, "Alkoholin riskikäyttö vähenee", "Riskbruket av alkohol minskar", "Risky alcohol use decreases"),
)
DEPARTMENTS = (  # code, fi, sv, en, share of participants by age group (children, working-age, older)
    ("sivistys", "Sivistystoimiala", "Bildningssektorn", "Education", (0.70, 0.25, 0.05)),
    ("sote", "Sosiaali- ja terveystoimiala", "Social- och hälsovårdssektorn", "Social and Health Services",
     (0.20, 0.40, 0.40)),
    ("tekninen", "Tekninen toimiala", "Tekniska sektorn", "Technical Services", (0.15, 0.55, 0.30)),
    ("kulttuuri_vapaa_aika", "Kulttuuri- ja vapaa-aikatoimiala", "Kultur- och fritidssektorn", "Culture and Leisure",
     (0.30, 0.40, 0.30)),
    ("kaupunkikehitys", "Kaupunkikehitys", "Stadsutveckling", "Urban Development", (0.10, 0.60, 0.30)),
    ("konserni", "Konsernipalvelut", "Koncerntjänster", "Central Administration", (0.10, 0.60, 0.30)),
)
UNIT = {d[0]: d[1] for d in DEPARTMENTS}
MEASURES = (  # code, goal, responsible department, status, fi, sv, en
    ("M01", "T1", "tekninen", "ongoing", "Kävelyreittien valaistuksen parantaminen", "Bättre belysning längs gångvägar",
     "Better lighting along walking routes"),
    ("M02", "T1", "kaupunkikehitys", "done", "Turvallisuuskävelyt kaupunginosissa",
     "Trygghetspromenader i stadsdelarna", "Safety walks in the districts"),
    ("M03", "T2", "tekninen", "ongoing", "Lähiliikuntapaikkojen kunnostusohjelma",
     "Upprustningsprogram för närmotionsplatser", "Renovation programme for neighbourhood sports sites"),
    ("M04", "T2", "kaupunkikehitys", "delayed", "Esteettömät reitit rantapuistoon",
     "Tillgängliga rutter till strandparken", "Accessible routes to the shore park"),
    ("M05", "T3", "sote", "ongoing", "Kaatumisten ehkäisyn kotikäynnit", "Hembesök för att förebygga fall",
     "Home visits to prevent falls"),
    ("M06", "T3", "sote", "planned", "Kotona asumisen tukipalvelujen kartoitus",
     "Kartläggning av stödtjänster för boende hemma", "Survey of support services for living at home"),
    ("M07", "T4", "konserni", "ongoing", "Osallisuusmallin koulutus kaikille toimialoille",
     "Utbildning i delaktighetsmodellen för alla sektorer", "Participation-model training for all departments"),
    ("M08", "T4", "kaupunkikehitys", "delayed", "Asukasilta jokaisessa kaupunginosassa kahdesti vuodessa",
     "Invånarkväll i varje stadsdel två gånger per år", "A resident evening in every district twice a year"),
    ("M09", "T4", "konserni", "done", "Osallistuva budjetointi", "Deltagande budgetering", "Participatory budgeting"),
    ("M10", "T5", "kulttuuri_vapaa_aika", "ongoing", "Kohtaamispaikat ikääntyneille yhdessä järjestöjen kanssa",
     "Mötesplatser för äldre tillsammans med organisationer", "Meeting places for older people with NGOs"),
    ("M11", "T5", "sivistys", "planned", "Nuorten ryhmätoiminta yksinäisyyttä vastaan",
     "Gruppverksamhet för unga mot ensamhet", "Group activities for young people against loneliness"),
    ("M12", "T6", "sivistys", "ongoing", "Etsivän nuorisotyön vahvistaminen", "Förstärkt uppsökande ungdomsarbete",
     "Stronger outreach youth work"),
    ("M13", "T6", "sivistys", "done", "Harrastamisen Suomen malli kouluille",
     "Den finländska modellen för fritidsaktiviteter i skolorna", "Finnish model for leisure activities in schools"),
    ("M14", "T7", "sivistys", "ongoing", "Liikkuva koulu -toiminta kaikkiin kouluihin",
     "Skolan i rörelse i alla skolor", "Schools on the Move in every school"),
    ("M15", "T7", "sote", "delayed", "Nikotiinituotteiden ehkäisevä työ yläkouluissa",
     "Förebyggande arbete mot nikotinprodukter i högstadiet", "Preventing nicotine use in lower secondary schools"),
    ("M16", "T7", "kulttuuri_vapaa_aika", "done", "Maksuttomat liikuntavuorot nuorille",
     "Avgiftsfria idrottsturer för unga", "Free sports slots for young people"),
    ("M17", "T8", "sote", "ongoing", "Mini-interventio työterveyshuollossa",
     "Miniintervention inom företagshälsovården", "Brief intervention in occupational health care"),
    ("M18", "T8", "kulttuuri_vapaa_aika", "planned", "Päihteettömät tapahtumat yhdessä järjestöjen kanssa",
     "Drogfria evenemang tillsammans med organisationer", "Substance-free events with NGOs"),
)


def _plan_registers() -> dict[str, list[dict]]:
    return {
        "goals": [{"code": c, "priority_area": a, "text_fi": fi, "text_sv": sv, "text_en": en}
                  for c, a, fi, sv, en in GOALS],
        "measures": [{"code": c, "goal": g, "text_fi": fi, "text_sv": sv, "text_en": en,
                      "responsible_unit": UNIT[dept], "status": status} for c, g, dept, status, fi, sv, en in MEASURES],
        "departments": [{"code": c, "name_fi": fi, "name_sv": sv, "name_en": en} for c, fi, sv, en, _ in DEPARTMENTS],
    }


# --- Participation --------------------------------------------------------------------------------

EVENT_KINDS = {  # type: (weight, levels, participants min–max, title stems)
    "resident_evening": (20, ("information", "planning", "decision"), (10, 60),
                         ("Asukasilta", "Kaupunginosan iltakahvit", "Osallistuvan budjetoinnin ideailta")),
    "popup": (15, ("information", "action"), (15, 120), ("Pop-up-olohuone", "Liikkuva pop-up-tila", "Nuorten pop-up")),
    "pay_what_you_want": (8, ("action", "information"), (40, 250),
                          ("Maksa mitä haluat -uintipäivä", "Maksa mitä haluat -konsertti",
                           "Maksa mitä haluat -museopäivä")),
    "survey": (8, ("information", "planning"), (30, 300),
               ("Kuntalaiskysely", "Lähiliikuntapaikkakysely", "Nuorten vapaa-aikakysely")),
    "workshop": (20, ("planning", "decision"), (5, 25),
                 ("Leikkipuiston suunnittelutyöpaja", "Kouluruokatyöpaja", "Ikäihmisten digityöpaja")),
    "other": (12, ("action", "information", "planning", "decision"), (8, 80),
              ("Kävelykierros", "Siivoustalkoot", "Kirjaston lukupiiri")),
}
EVENTS_FIRST, EVENTS_LAST, N_EVENTS = date(2025, 1, 1), date(2026, 11, 15), 400
SPARSE_EVENTS = (date(2025, 3, 12), date(2025, 9, 24), date(2026, 5, 6))  # the only events ever held in Metsälä


def _event_rows(rng: random.Random, features: list[dict]) -> list[dict]:
    geoms = {f["properties"]["code"]: shape(f["geometry"]) for f in features}
    names = {code: fi for code, fi, *_ in DISTRICTS}
    # The islands get a few events despite few residents (summer pop-ups); Metsälä only its SPARSE_EVENTS.
    reachable = [(code, max(residents, 1500)) for code, *_, residents in DISTRICTS if code != SPARSE_DISTRICT]
    small = {code for code, *_, residents in DISTRICTS if residents < 1000}
    kinds = list(EVENT_KINDS)
    drafts = []  # (date, title, district, type, level, department, total participants)
    span = (EVENTS_LAST - EVENTS_FIRST).days
    for _ in range(N_EVENTS):
        day = EVENTS_FIRST + timedelta(days=rng.randint(0, span))
        kind = rng.choices(kinds, weights=[EVENT_KINDS[k][0] for k in kinds])[0]
        _w, levels, (lo, hi), stems = EVENT_KINDS[kind]
        district = None if kind in ("survey", "other") and rng.random() < 0.35 else \
            rng.choices([c for c, _ in reachable], weights=[r for _, r in reachable])[0]
        dept = rng.choices(DEPARTMENTS, weights=(3, 2, 2, 3, 2, 1))[0][0]
        place = names[district] if district else "koko Merilahti"
        title, total = f"{rng.choice(stems)}, {place}", rng.randint(lo, hi)
        if district in small:
            total = max(3, total // 4)  # a handful of islanders: counts under 5 to suppress
        drafts.append((day, title, district, kind, rng.choice(levels), dept, total))
    for day in SPARSE_EVENTS:
        drafts.append((day, f"Asukasilta, {names[SPARSE_DISTRICT]}", SPARSE_DISTRICT, "resident_evening",
                       "information", "kaupunkikehitys", rng.randint(3, 9)))
    mix = {d[0]: d[4] for d in DEPARTMENTS}
    rows, per_year = [], {}
    for day, title, district, kind, level, dept, total in sorted(drafts, key=lambda d: (d[0], d[1])):
        per_year[day.year] = per_year.get(day.year, 0) + 1
        lon, lat = _random_point_in(rng, geoms[district]) if district else (None, None)
        row = {"id": f"OS-{day.year}-{per_year[day.year]:03d}", "title": title, "date": day, "district": district,
               "lon": lon, "lat": lat, "department": dept, "event_type": kind, "level": level}
        for age, share in zip(AGE_CODES, mix[dept]):  # floor keeps small groups small: counts of 0–4 happen
            row[f"participants_{age}"] = int(total * share * rng.uniform(0.5, 1.5))
        rows.append(row)
    return rows


def _adoption_rows(rng: random.Random) -> list[dict]:
    """Participation-model adoption spreads year by year, unevenly across departments."""
    units = {"sivistys": 34, "sote": 12, "tekninen": 9, "kulttuuri_vapaa_aika": 11, "kaupunkikehitys": 6, "konserni": 5}
    rows = []
    for dept, total in units.items():
        share = rng.uniform(0.1, 0.4)
        for year in (2024, 2025, 2026):
            rows.append({"department": dept, "year": year, "trainings_held": rng.randint(1, 6), "units_total": total,
                         "units_using_model": min(total, round(total * share))})
            share += rng.uniform(0.05, 0.2)
    return rows


# --- Working groups -------------------------------------------------------------------------------

GROUPS = (  # code, kind, parent, age group, meetings min–max, officials, fi, sv, en
    ("johtoryhma", "leadership", None, None, (10, 11), 9, "Kunnan johtoryhmä", "Kommunens ledningsgrupp",
     "Municipal leadership group"),
    ("hyte_ohjausryhma", "steering", "johtoryhma", None, (5, 6), 10, "Hyvinvoinnin ohjausryhmä",
     "Styrgruppen för välfärd", "Wellbeing steering group"),
    ("hyte_lapset_nuoret", "lifecycle", "hyte_ohjausryhma", CY, (5, 6), 7, "Lasten ja nuorten hyvinvointiryhmä",
     "Välfärdsgruppen för barn och unga", "Children and youth wellbeing group"),
    ("hyte_tyoikaiset", "lifecycle", "hyte_ohjausryhma", WA, (5, 6), 7, "Työikäisten hyvinvointiryhmä",
     "Välfärdsgruppen för personer i arbetsför ålder", "Working-age wellbeing group"),
    ("hyte_ikaantyneet", "lifecycle", "hyte_ohjausryhma", OL, (5, 6), 7, "Ikääntyneiden hyvinvointiryhmä",
     "Välfärdsgruppen för äldre", "Older people's wellbeing group"),
    ("perhekeskus", "subgroup", "hyte_lapset_nuoret", CY, (4, 6), 6, "Perhekeskusryhmä", "Familjecentergruppen",
     "Family centre group"),
    ("opiskeluhuolto", "subgroup", "hyte_lapset_nuoret", CY, (4, 6), 6, "Opiskeluhuollon ohjausryhmä",
     "Styrgruppen för elevhälsa", "Student welfare group"),
    ("ehkaiseva_paihdetyo", "subgroup", "hyte_tyoikaiset", WA, (4, 6), 6, "Ehkäisevän päihdetyön työryhmä",
     "Arbetsgruppen för förebyggande missbruksarbete", "Preventive substance abuse group"),
)
RESIDENT_SEATS = (("entrepreneur", 1), ("parish", 1), ("ngo", 2))  # every lifecycle group, by the rule
VACANT_NGO_SEAT_GROUP = "hyte_ikaantyneet"
TOPICS = {
    ENV: ("Lähiliikuntapaikkojen kunto", "Turvallinen koulumatka", "Kävelyreittien valaistus",
          "Asuinalueiden viihtyisyys", "Kaatumisten ehkäisy kotona"),
    PART: ("Osallisuusmallin käyttöönotto", "Asukasiltojen palaute", "Järjestöyhteistyön kuulumiset",
           "Yksinäisyyden vähentäminen", "Nuorisovaltuuston aloitteet"),
    LIFE: ("Nuorten nikotiinituotteiden käyttö", "Liikkumisen edistäminen", "Kouluruokailu ja ravitsemus",
           "Alkoholin riskikäyttö", "Ikäihmisten liikuntaryhmät"),
}
MEETING_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)  # July is the Finnish summer break
CLOCK = (  # month, fi, sv, en
    (1, "Hyvinvointityön vuosisuunnitelma", "Årsplan för välfärdsarbetet", "Annual plan for wellbeing work"),
    (2, "Indikaattoritietojen päivitys", "Uppdatering av indikatordata", "Indicator data update"),
    (3, "Järjestöavustusten myöntäminen", "Beviljande av föreningsbidrag", "NGO grants awarded"),
    (4, "Hyvinvointikertomus valtuustolle", "Välfärdsberättelse till fullmäktige", "Wellbeing report to the council"),
    (5, "Talousarvion hyvinvointilinjaukset", "Välfärdsriktlinjer för budgeten", "Wellbeing guidelines for the budget"),
    (6, "Osallisuusmallin tilannekatsaus", "Lägesöversikt över delaktighetsmodellen", "Participation-model review"),
    (8, "Hyvinvointisuunnitelman väliarvio", "Halvtidsutvärdering av välfärdsplanen", "Mid-term review of the plan"),
    (9, "Talousarvioesityksen hyvinvointivaikutusten arviointi", "Bedömning av budgetförslagets välfärdskonsekvenser",
     "Wellbeing impact assessment of the draft budget"),
    (10, "Kuntalaiskyselyn tulokset", "Resultaten av invånarenkäten", "Resident survey results"),
    (11, "Järjestöfoorumin palaute johtoryhmälle", "Organisationsforumets respons till ledningsgruppen",
     "NGO forum feedback to the leadership group"),
    (12, "Seuraavan vuoden vuosikello", "Nästa års årshjul", "Next year's annual clock"),
)


def _meeting_day(rng: random.Random, year: int, month: int) -> date:
    day = date(year, month, rng.randint(1, 24))
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 3 else 0)  # Monday–Thursday


def _group_registers(rng: random.Random) -> dict[str, list[dict]]:
    groups, seats, meetings, topics = [], [], [], []
    size = {}
    for code, kind, parent, age, (lo, hi), officials, fi, sv, en in GROUPS:
        groups.append({"code": code, "name_fi": fi, "name_sv": sv, "name_en": en, "kind": kind, "parent": parent,
                       "age_group": age, "target_meetings_min": lo, "target_meetings_max": hi})
        seats.append({"group": code, "seat_type": "official", "seats_required": officials, "seats_filled": officials})
        size[code] = officials
        if kind == "lifecycle":
            for seat, required in RESIDENT_SEATS:
                filled = required - 1 if (seat, code) == ("ngo", VACANT_NGO_SEAT_GROUP) else required
                seats.append({"group": code, "seat_type": seat, "seats_required": required, "seats_filled": filled})
                size[code] += filled
    lifecycle = [g[0] for g in GROUPS if g[1] == "lifecycle"]
    for year in range(2022, TODAY.year + 1):
        joint_months = sorted(rng.sample((3, 10), rng.randint(1, 2)))  # lifecycle groups meet together 1–2 times
        joint_days = [_meeting_day(rng, year, m) for m in joint_months]
        own_months = [m for m in MEETING_MONTHS if m not in joint_months]
        for code, _kind, _p, _a, (lo, hi), *_ in GROUPS:
            is_lifecycle = code in lifecycle
            count = 3 if (code, year) == (QUIET_GROUP, 2025) else rng.randint(lo, hi)
            joint = joint_days[:1] if (code, year) == (QUIET_GROUP, 2025) else joint_days if is_lifecycle else []
            months = own_months if is_lifecycle else MEETING_MONTHS
            days = [(d, True) for d in joint]
            days += [(_meeting_day(rng, year, m), False) for m in rng.sample(months, count - len(joint))]
            for day, is_joint in sorted(days):
                if day > TODAY:
                    continue  # the rest of this year's meetings have not happened yet
                meeting_id = f"{code}-{day:%Y%m%d}"
                meetings.append({"id": meeting_id, "group": code, "date": day, "joint": is_joint,
                                 "invited": size[code], "present": size[code] - rng.randint(0, size[code] // 4)})
                for area in sorted(rng.sample([a[0] for a in PRIORITY_AREAS], rng.randint(1, 2))):
                    topics.append({"meeting": meeting_id, "priority_area": area, "topic": rng.choice(TOPICS[area])})
    clock = [{"id": f"VK2026-{m:02d}", "year": 2026, "month": m, "title_fi": fi, "title_sv": sv, "title_en": en,
              "status": "done" if m < TODAY.month else "planned"} for m, fi, sv, en in CLOCK]
    return {"working_groups": groups, "seats": seats, "meetings": meetings, "meeting_topics": topics,
            "annual_clock": clock}


# --- NGOs -----------------------------------------------------------------------------------------

TOWN_NGOS = (  # name, type, whole municipality, home districts, age groups, priority areas
    ("Merilahden seurakunta", "parish", True, (), (CY, WA), (PART, LIFE)),
    ("MLL:n Merilahden yhdistys ry", "association", True, (), (CY,), (PART, ENV)),
    ("Merilahden Mielenterveysseura ry", "association", True, (), (WA,), (PART,)),
    ("SPR Merilahden osasto", "association", True, (), (WA, CY), (PART, ENV)),
    ("Merilahden Nuorisoseura ry", "cultural", True, (), (CY,), (PART,)),
    ("Merilahden Palloseura ry", "sports_club", True, (), (CY,), (LIFE,)),
    ("Merilahden Uimaseura ry", "sports_club", True, (), (CY, WA), (LIFE,)),
    ("Merilahden Martat ry", "association", True, (), (WA,), (LIFE,)),
    ("Merilahden Työttömät ry", "association", True, (), (WA,), (PART,)),
    ("Merilahden A-kilta ry", "association", True, (), (WA,), (LIFE,)),
    ("Merilahden Latu ry", "sports_club", True, (), (WA,), (LIFE, ENV)),
    ("Merilahden Yrittäjät ry", "other", True, (), (WA,), (ENV,)),
    ("Merilahden Eläkkeensaajat ry", "association", False, ("01", "03"), (OL,), (PART, LIFE)),
    ("Eläkeliiton Merilahden yhdistys ry", "association", False, ("05", "06"), (OL,), (PART,)),
    ("Merilahden Sydänyhdistys ry", "association", False, ("01", "02", "08"), (OL, WA), (LIFE,)),
    ("Merilahden Reumayhdistys ry", "association", False, ("04", "05"), (OL,), (LIFE,)),
    ("Merilahden Omaishoitajat ry", "association", False, ("06", "07"), (OL, WA), (PART,)),
    ("Merilahden Meripartiolaiset ry", "association", False, ("02", "04", "12"), (CY,), (ENV, PART)),
    ("Merilahden Teatteriyhdistys ry", "cultural", False, ("01",), (CY, WA), (PART,)),
    ("Merilahden Kuvataideyhdistys ry", "cultural", False, ("01", "03"), (WA, OL), (PART,)),
)
DISTRICT_NGO_KINDS = (  # name suffix after the district genitive, type, age groups, priority areas
    ("asukasyhdistys ry", "association", (WA, OL), (ENV, PART)),
    ("Urheilijat ry", "sports_club", (CY, WA), (LIFE,)),
    ("eläkeläiset ry", "association", (OL,), (PART, LIFE)),
    ("kulttuuriseura ry", "cultural", (CY, WA), (PART,)),
)
NOTES = (  # priority area, age group, note with {place}
    (ENV, OL, "Talvikunnossapito {place} rajoittaa ikääntyneiden liikkumista kodin ulkopuolella."),
    (ENV, CY, "Nuoret kaipaavat {place} valaistua ja katettua kokoontumispaikkaa iltaisin."),
    (ENV, CY, "Koulumatkan vaarallinen risteys {place} huolestuttaa vanhempia."),
    (ENV, WA, "Kävelyreittien valaistus {place} koetaan puutteelliseksi syksyisin."),
    (ENV, None, "Bussivuorojen harvuus {place} vaikeuttaa osallistumista iltatapahtumiin."),
    (PART, OL, "Yksinäisyys näkyy kohtaamispaikan kävijöissä {place}; moni tulee ensimmäistä kertaa vuosiin."),
    (PART, CY, "Tieto harrastuksista ei tavoita nuoria {place}; some toimii paremmin kuin ilmoitustaulu."),
    (PART, WA, "Työttömät kävijät toivovat {place} matalan kynnyksen vapaaehtoistehtäviä."),
    (PART, None, "Asukasillan ajankohta {place} sopi huonosti lapsiperheille; päivällä tuli enemmän väkeä."),
    (LIFE, CY, "Valmentajat ovat huomanneet nuuskan ja sähkötupakan käytön lisääntyneen {place} junioreilla."),
    (LIFE, CY, "Maksuton harrastuskerho on tuonut {place} mukaan lapsia, jotka eivät aiemmin harrastaneet."),
    (LIFE, WA, "Vertaisryhmään {place} hakeutuu yhä useampi alkoholinkäytöstään huolestunut."),
    (LIFE, OL, "Tuolijumppa {place} on täynnä, ja jonossa on kymmeniä ikääntyneitä."),
    (LIFE, OL, "Yhteinen ruokailu {place} on parantanut yksin asuvien ikääntyneiden ruokahalua."),
)
SEAT_HOLDERS = {  # NGO seats of the lifecycle groups; the older people's group has one vacant (see seats)
    "hyte_lapset_nuoret": ("MLL:n Merilahden yhdistys ry", "Merilahden Nuorisoseura ry"),
    "hyte_tyoikaiset": ("Merilahden Mielenterveysseura ry", "Merilahden Työttömät ry"),
    "hyte_ikaantyneet": ("Merilahden Eläkkeensaajat ry",),
}
FORUM_THEMES = {2: "avustukset ja yhteistyö", 5: "hyvinvointikertomus", 9: "talousarvio ja yhteiset palvelut",
                11: "kokemustieto"}
JOINT_SERVICES = ("Perhekahvila perhekeskuksen kanssa", "Ikäihmisten digituki kirjastossa", "Liikuntaluotsit",
                  "Ruoka-apu ja yhteinen ateria", "Nuorten kohtaamispaikka", "Omaishoitajien vertaisryhmä")


def _ngo_list(rng: random.Random) -> list[dict]:
    """Town-wide organisations, then a few per district; ids follow that order."""
    ngos = [{"name": n, "type": t, "whole": w, "districts": list(d), "ages": a, "areas": ar}
            for n, t, w, d, a, ar in TOWN_NGOS]
    codes = [d[0] for d in DISTRICTS]
    for code in codes:
        for suffix, kind, ages, areas in DISTRICT_NGO_KINDS:
            if suffix.startswith("eläkeläiset") and code in OLDER_GAP_DISTRICTS:
                continue  # pattern (c): no pensioners' association in Peltola or Kallioranta
            if suffix.startswith("kulttuuri") and code not in OLDER_GAP_DISTRICTS and rng.random() < 0.6:
                continue
            if code == "01" and suffix == "asukasyhdistys ry":
                suffix = "kaupunginosayhdistys ry"
            neighbours = [c for c in codes if c != code and not (OL in ages and c in OLDER_GAP_DISTRICTS)]
            served = sorted([code] + rng.sample(neighbours, rng.choice((0, 0, 1, 2))))
            ngos.append({"name": f"{GENITIVE[code]} {suffix}", "type": kind, "whole": False, "districts": served,
                         "ages": ages, "areas": areas})
    for i, ngo in enumerate(ngos, start=1):
        ngo["id"] = f"J{i:03d}"
        if ngo["whole"] or set(ngo["districts"]) & set(OLDER_GAP_DISTRICTS):
            # Pattern (c): nobody working in Peltola or Kallioranta, or town-wide, works with older people.
            ngo["ages"] = tuple(a for a in ngo["ages"] if a != OL)
    return ngos


def _partnership_rows(rng: random.Random, ngos: list[dict]) -> list[dict]:
    rows = []

    def partner(ngo_id, kind, start, end=None, grant=None, group=None, description=None):
        rows.append({"id": f"K{len(rows) + 1:03d}", "ngo": ngo_id, "kind": kind, "start_date": start,
                     "end_date": end, "grant_eur": grant, "group": group, "description": description})

    ids = [n["id"] for n in ngos]
    town_ids = ids[:len(TOWN_NGOS)]  # the town-wide organisations carry agreements and joint services
    for ngo_id in town_ids[:10] + sorted(rng.sample(ids[10:], 6)):
        partner(ngo_id, "agreement", date(rng.randint(2022, 2025), rng.choice((1, 3, 6, 9)), 1),
                description="Kumppanuussopimus")
    for year in (2024, 2025, 2026):
        for ngo_id in sorted(rng.sample(ids, 18)):
            partner(ngo_id, "grant", date(year, 1, 1), date(year, 12, 31), float(rng.randrange(500, 15001, 250)),
                    description=f"Toiminta-avustus {year}")
    for service in JOINT_SERVICES:
        partner(rng.choice(town_ids), "joint_service", date(rng.randint(2023, 2025), 8, 1), description=service)
    # Resident-side seats of the lifecycle groups for the council term from 1.6.2025.
    by_name = {n["name"]: n["id"] for n in ngos}
    for group, holders in SEAT_HOLDERS.items():
        partner(by_name["Merilahden seurakunta"], "seat", date(2025, 6, 1), group=group,
                description="Seurakunnan edustaja")
        for name in holders:
            partner(by_name[name], "seat", date(2025, 6, 1), group=group, description="Järjestöjen edustaja")
    return rows


def _note_rows(rng: random.Random, ngos: list[dict]) -> list[dict]:
    """Experiential knowledge: short observations, each from an NGO working with that age group."""
    notes, used = [], set()
    last_day = (TODAY - date(2024, 1, 1)).days - 1
    while len(notes) < 40:
        area, age, text = rng.choice(NOTES)
        ngo = rng.choice([n for n in ngos if age is None or age in n["ages"]])
        place = "Merilahdessa" if ngo["whole"] else f"{GENITIVE[ngo['districts'][0]]} alueella"
        if (text, place) in used:
            continue
        used.add((text, place))
        notes.append({"id": "", "ngo": ngo["id"], "date": date(2024, 1, 1) + timedelta(days=rng.randint(0, last_day)),
                      "priority_area": area, "age_group": age, "note": text.format(place=place)})
    notes.sort(key=lambda n: (n["date"], n["ngo"]))
    for i, note in enumerate(notes, start=1):
        note["id"] = f"KT{i:03d}"
    return notes


def _ngo_registers(rng: random.Random) -> dict[str, list[dict]]:
    ngos = _ngo_list(rng)
    activities = []
    for ngo in ngos:
        for year in range(rng.choices((2024, 2025, 2026), weights=(8, 2, 1))[0], 2027):
            activities += [{"ngo": ngo["id"], "priority_area": area, "age_group": age, "year": year}
                           for area in ngo["areas"] for age in ngo["ages"]]
    forums = [{"id": f"F{year}-{month:02d}", "date": _meeting_day(rng, year, month),
               "title": f"Järjestöfoorumi {year}: {FORUM_THEMES[month]}",
               "ngos": sorted(rng.sample([n["id"] for n in ngos], rng.randint(8, 20)))}
              for year, months in ((2024, (2, 5, 9, 11)), (2025, (2, 5, 9, 11)), (2026, (2, 5, 9)))
              for month in months]
    return {
        "ngos": [{"id": n["id"], "name": n["name"], "type": n["type"], "whole_municipality": n["whole"],
                  "districts": n["districts"]} for n in ngos],
        "partnerships": _partnership_rows(rng, ngos),
        "ngo_activities": activities,
        "forums": forums,
        "experiential_notes": _note_rows(rng, ngos),
    }


# --- Writing --------------------------------------------------------------------------------------


def write_demo_package(out_dir: Path, seed: int = 2026) -> Path:
    """Write the demo package into `out_dir` (created if missing) and return the path of its hyte.toml."""
    out = Path(out_dir)
    for sub in ("registers", "sotkanet/indicators", "sotkanet/data"):
        (out / sub).mkdir(parents=True, exist_ok=True)

    def rng(domain: str) -> random.Random:
        # One stream per domain, so a change in one domain leaves the others' data unchanged.
        return random.Random(f"{seed}:{domain}")

    features = _district_features(rng("districts"))
    _write_json(out / "districts.geojson", {"type": "FeatureCollection", "features": features}, indent=1)
    _write_text(out / "hyte.toml", _config_toml())

    _write_json(out / "sotkanet" / "regions.json", _regions_json(), indent=1)
    sotkanet_rng = rng("sotkanet")
    for ind in INDICATORS:
        metadata, data = _indicator_metadata(ind, sotkanet_rng), _indicator_data(ind, sotkanet_rng)
        _write_json(out / "sotkanet" / "indicators" / f"{ind.id}.json", metadata, indent=1)
        _write_json(out / "sotkanet" / "data" / f"{ind.id}.json", data)

    registers = {
        **_plan_registers(),
        "district_population": _population_rows(rng("population")),
        "local_indicator_values": _local_indicator_rows(rng("local_indicators")),
        "events": _event_rows(rng("events"), features),
        "adoption": _adoption_rows(rng("adoption")),
        **_group_registers(rng("groups")),
        **_ngo_registers(rng("ngos")),
    }
    for name in REGISTERS:
        _write_register(out / "registers" / f"{name}.csv", name, registers[name])
    return out / "hyte.toml"


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_json(path: Path, data, indent: int | None = None) -> None:
    separators = None if indent else (",", ":")  # data files compact, as the API sends them
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n")


def _write_register(path: Path, name: str, rows: list[dict]) -> None:
    columns = [c.name for c in register_columns(name, AGE_CODES)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            if sorted(row) != sorted(columns):  # the generator and the register spec must not drift apart
                raise ValueError(f"{name}: row keys {sorted(row)} differ from columns {columns}")
            writer.writerow([_cell(row[c]) for c in columns])


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(value)
    return str(value)  # floats were rounded where they were made; str() writes a dot
