"""The demo's Sotkanet responses (real indicator ids and titles, invented levels), regions, local indicators and hyte.toml."""

from __future__ import annotations

import json
import random
from typing import NamedTuple

from data_pipeline.demo.country import BOUNDARIES_YEAR
from data_pipeline.demo.districts import DISTRICTS
from data_pipeline.demo.town import (
    AGE_GROUPS,
    CROSSING_INDICATOR,
    CY,
    DATA_YEARS,
    ENV,
    LIFE,
    MUNICIPALITY_CODE,
    MUNICIPALITY_REGION_ID,
    OL,
    PART,
    PRIORITY_AREAS,
    SPARSE_DISTRICT,
    WA,
    WORSENING_INDICATOR,
    H,
    L,
)

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


def trilingual(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "en": en, "sv": sv}  # key order of real Sotkanet responses


def indicator_metadata(ind: Indicator, rng: random.Random) -> dict:
    org = trilingual(*ORGANIZATIONS[ind.org])
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
        "title": trilingual(ind.fi, ind.sv, ind.en),
        "description": trilingual(f"{ind.fi}. Demoaineisto: kuvaus ja arvot ovat keksittyjä.",
                                   f"{ind.sv}. Demodata: beskrivningen och värdena är påhittade.",
                                   f"{ind.en}. Demo data: the description and values are invented."),
        "interpretation": trilingual(*better),
        "primaryValueType": {"code": ind.value_type, "title": trilingual(*VALUE_TYPES[ind.value_type])},
        "decimals": 1,
        "organization": {"id": ind.org, "title": org},
        "sources": [{"organization": {"id": ind.org, "title": org}, "title": trilingual(*source),
                     "description": trilingual("Demoaineisto.", "Demodata.", "Demo data.")}],
    }


def indicator_data(ind: Indicator, rng: random.Random) -> list[dict]:
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


def regions_json(extra: list[tuple] = ()) -> list[dict]:
    return [{"id": rid, "code": code, "category": cat, "title": trilingual(fi, sv, en), "memberOf": member_of,
             "uri": uri} for rid, cat, code, fi, sv, en, member_of, uri in (*REGIONS, *extra)]


def local_indicator_rows(rng: random.Random) -> list[dict]:
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


def config_toml() -> str:
    """The package's hyte.toml, in the format of docs/hyte-toml.md (data_pipeline/inputs/config_schema.py)."""
    out = ["# Merilahti: a fictional demo municipality written by data_pipeline/demo/. All data are invented.",
           "# Indicator ids and titles are real Sotkanet ones (THL, Sotkanet.fi, CC BY 4.0)."]

    def table(header: str, values: dict) -> None:
        out.append(f"\n{header}")
        out.extend(f"{key} = {toml_value(value)}" for key, value in values.items() if value is not None)

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
                        "country": {"category": "MAA", "code": "358"}, "peers": ["998", "997"],
                        "boundaries_year": BOUNDARIES_YEAR, "profile": True})
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


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    return repr(value)
