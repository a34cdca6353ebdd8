"""Hand-made Sotkanet and Paavo answers for Kangasala (211), in the real formats, for the `hyte init` tests.

Populations and indicator values are round made-up figures of the right size, not THL's or Statistics
Finland's: the tests assert only what follows from them. Kangasala's `memberOf` carries Pirkanmaa's old
county id (890), as Sotkanet's region list did before the 2023 renumbering; the list itself has today's
county (970, code 8).
"""

from __future__ import annotations

import json
from pathlib import Path

from pyproj import Transformer

from data_pipeline.init.presets import INDICATOR_PRESETS
from support.sotkanet_server import FakePaavo, FakeSotkanet

KANGASALA, PIRKANMAA, COUNTRY = 97, 970, 658


def _region(rid, code, category, fi, sv=None, en=None, member_of=()):
    return {"id": rid, "code": code, "category": category, "title": {"fi": fi, "sv": sv or fi, "en": en or fi},
            "memberOf": list(member_of), "uri": None}


# (id, code, name fi, name sv, population): Kangasala, peers around 20 000–39 999 and a few outside the class.
TOWNS = [
    (KANGASALA, "211", "Kangasala", "Kangasala", 33_000),
    (801, "536", "Nokia", "Nokia", 35_000),
    (802, "980", "Ylöjärvi", "Ylöjärvi", 34_000),
    (803, "202", "Kaarina", "S:t Karins", 36_000),
    (804, "418", "Lempäälä", "Lempäälä", 25_000),
    (805, "680", "Raisio", "Reso", 24_000),
    (806, "790", "Sastamala", "Sastamala", 23_000),
    (807, "604", "Pirkkala", "Birkala", 20_500),
    (808, "908", "Valkeakoski", "Valkeakoski", 21_000),
    (809, "837", "Tampere", "Tammerfors", 255_000),
    (810, "213", "Kangasniemi", "Kangasniemi", 5_000),
    (811, "562", "Orivesi", "Orivesi", 9_000),
    (812, "257", "Kirkkonummi", "Kyrkslätt", 41_000),
]
# Population alone: the six nearest in the size class, by ratio (when Sotkanet gives no age structure).
PEERS_BY_SIZE = ["980", "536", "202", "418", "680", "790"]
# Age structure (0–14 %, 65+ %), made up: Kangasala and the towns around Tampere are young, Raisio,
# Sastamala and Valkeakoski old. By size and age the old ones of Kangasala's size give way to young ones,
# Kirkkonummi too though it is just outside the size class.
AGES = {"211": (17.5, 20.0), "536": (17.0, 21.0), "980": (19.0, 18.5), "202": (18.0, 19.5), "418": (19.5, 17.5),
        "680": (14.0, 27.0), "790": (12.5, 31.0), "604": (19.0, 18.0), "908": (14.5, 28.0), "837": (13.5, 19.0),
        "213": (10.0, 38.0), "562": (14.0, 28.0), "257": (20.0, 16.0)}
PEERS_EXPECTED = ["202", "536", "980", "604", "418", "257"]  # nearest by size and age (data_pipeline/compute/similar.py)


def regions() -> list[dict]:
    out = [_region(COUNTRY, "358", "MAA", "Koko maa", "Hela landet", "Whole country"),
           _region(PIRKANMAA, "8", "HYVINVOINTIALUE", "Pirkanmaan hyvinvointialue", "Birkalands välfärdsområde",
                   "Pirkanmaa wellbeing services county"),
           _region(6, "6", "MAAKUNTA", "Pirkanmaa", "Birkaland", "Pirkanmaa", [COUNTRY])]
    for rid, code, fi, sv, _ in TOWNS:
        out.append(_region(rid, code, "KUNTA", fi, sv, fi, [890, 6, COUNTRY] if rid != KANGASALA
                           else [6, 890, COUNTRY, 531]))
    return out


def _metadata(ind_id: int, title: str) -> dict:
    return {"id": ind_id, "data-updated": "2026-03-01", "range": {"start": 2020, "end": 2024},
            "title": {"fi": title, "sv": f"{title} (sv)", "en": f"{title} (en)"},
            "description": {"fi": "Kuvaus.", "sv": "Beskrivning.", "en": "Description."},
            "interpretation": {"fi": "", "sv": "", "en": ""},
            "primaryValueType": {"code": "PROS", "title": {"fi": "prosentti", "sv": "procent", "en": "percent"}},
            "decimals": 1, "organization": {"id": 2, "title": {"fi": "THL", "sv": "THL", "en": "THL"}}}


def fake_sotkanet() -> FakeSotkanet:
    """Regions, population (127) and every indicator of both presets, for Kangasala, Pirkanmaa, the country
    and the towns."""
    metadata = {127: _metadata(127, "Väestö 31.12.")}
    metadata[127]["primaryValueType"] = {"code": "LKM", "title": {"fi": "lukumäärä", "sv": "antal", "en": "number"}}
    data = {127: [{"indicator": 127, "region": rid, "year": 2024, "gender": "total", "value": float(pop),
                   "absValue": None} for rid, _, _, _, pop in TOWNS]
                 + [{"indicator": 127, "region": PIRKANMAA, "year": 2024, "gender": "total", "value": 530_000.0,
                     "absValue": None},
                    {"indicator": 127, "region": COUNTRY, "year": 2024, "gender": "total", "value": 5_600_000.0,
                     "absValue": None}]}
    for ind_id, title, column in ((1064, "0 - 14-vuotiaat, % väestöstä", 0),
                                  (1067, "15 - 64-vuotiaat, % väestöstä", None),
                                  (1068, "65 vuotta täyttäneet, % väestöstä", 1)):
        metadata[ind_id] = _metadata(ind_id, title)
        data[ind_id] = [{"indicator": ind_id, "region": rid, "year": 2024, "gender": "total",
                         "value": (round(100 - sum(AGES[code]), 1) if column is None else AGES[code][column]),
                         "absValue": None} for rid, code, _, _, _ in TOWNS]
    for ind in INDICATOR_PRESETS["pori"]:
        metadata[ind.id] = _metadata(ind.id, ind.title_fi)
        data[ind.id] = [{"indicator": ind.id, "region": rid, "year": year, "gender": "total",
                         "value": round(10 + (rid % 7) + (year - 2020) * 0.5, 1), "absValue": None}
                        for rid in (KANGASALA, PIRKANMAA, COUNTRY, 801, 802) for year in (2022, 2023, 2024)]
    return FakeSotkanet(regions=regions(), metadata=metadata, data=data)


BANDS = ["he_0_2", "he_3_6", "he_7_12", "he_13_15", "he_16_17", "he_18_19", "he_20_24", "he_25_29", "he_30_34",
         "he_35_39", "he_40_44", "he_45_49", "he_50_54", "he_55_59", "he_60_64", "he_65_69", "he_70_74",
         "he_75_79", "he_80_84", "he_85_"]
# 16 postal areas: code, name fi, name sv. Each band holds 10 × (area's number): a 0–17 group sums five
# bands, 18–64 ten bands, 65+ five bands.
AREAS = [("36100", "Ruutana"), ("36110", "Ruutana itä"), ("36120", "Suinula"), ("36200", "Kangasala keskus"),
         ("36220", "Lamminrahka"), ("36240", "Kangasala asema"), ("36270", "Vatiala"), ("36280", "Pikonlinna"),
         ("36340", "Liuksiala"), ("36420", "Sahalahti"), ("36430", "Sahalahti pohjoinen"), ("36520", "Raikku"),
         ("36570", "Kaivanto"), ("36810", "Kuhmalahti"), ("36840", "Pohja"), ("36880", "Vehkajärvi")]
X0, Y0, SIDE = 336_000, 6_812_000, 2_000  # ETRS-TM35FIN, around Kangasala


def _square(index: int) -> list[list[float]]:
    x, y = X0 + (index % 4) * SIDE, Y0 + (index // 4) * SIDE
    return [[x, y], [x + SIDE, y], [x + SIDE, y + SIDE], [x, y + SIDE], [x, y]]


def expected_population(index: int) -> dict[str, int]:
    per_band = 10 * (index + 1)
    return {"children_youth": 5 * per_band, "working_age": 10 * per_band, "older": 5 * per_band}


def paavo_collection() -> dict:
    features = []
    for i, (code, name) in enumerate(AREAS):
        props = {"postinumeroalue": code, "nimi": name, "namn": f"{name} (sv)", "kunta": "211",
                 "he_vakiy": 20 * 10 * (i + 1), **{band: 10 * (i + 1) for band in BANDS}}
        features.append({"type": "Feature", "id": f"pno_tilasto_2024.{i + 1}", "properties": props,
                         "geometry": {"type": "Polygon", "coordinates": [_square(i)]}})
    return {"type": "FeatureCollection", "totalFeatures": len(features), "features": features,
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}}


def fake_paavo() -> FakePaavo:
    return FakePaavo(collections={(2024, "211"): paavo_collection()})


def nameless_districts(path: Path) -> Path:
    """The 16 areas as a WGS84 GeoJSON with only `kunta` and `postinumeroalue`, like many open postal layers."""
    to_wgs = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
    features = [{"type": "Feature", "properties": {"kunta": "Kangasala", "postinumeroalue": code},
                 "geometry": {"type": "Polygon", "coordinates": [[list(to_wgs.transform(x, y))
                                                                  for x, y in _square(i)]]}}
                for i, (code, _) in enumerate(AREAS)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path
