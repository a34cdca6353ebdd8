"""The demo's whole country: ~300 invented municipalities in 20 invented counties, so ranks read like 57/304.

Seeded and deterministic like the rest of the demo, drawn from their own random stream so the town's
own series (and its built-in patterns) stay exactly as before. Values are the country's level plus a
municipality's lasting offset plus yearly noise, totals only (ranks and the map use the total). Each
municipality also gets a square on a grid shaped roughly like Finland, written as the package's
boundaries copy, so the map of Finland works offline in the demo. All names and values are invented.
"""

from __future__ import annotations

import json
import random

from data_pipeline.demo.town import MUNICIPALITY_CODE

OWN_COUNTY_ID = 976  # Satakunnan hyvinvointialue, Merilahti's county in REGIONS
SYNTHETIC_COUNT = 300
BOUNDARIES_YEAR = 2025
# Invented county stems (genitive): "<stem> hyvinvointialue".
COUNTY_STEMS = ("Rannikon", "Järviseudun", "Harjun", "Koskimaan", "Saariston", "Kankaan", "Vaaramaan", "Suomaan",
                "Joenlaakson", "Tunturin", "Lakeuden", "Metsämaan", "Kallioseudun", "Kuusimaan", "Lahdenperän",
                "Niittymaan", "Ylänköjen", "Salmiseudun", "Jokisuun")
FIRST = ("Koivu", "Kuusi", "Mänty", "Leppä", "Haapa", "Paju", "Tammi", "Vaahtera", "Kivi", "Kallio", "Hiekka",
         "Savi", "Suo", "Niitty", "Pelto", "Metsä", "Järvi", "Lampi", "Joki", "Puro", "Koski", "Salmi", "Ranta",
         "Saari", "Niemi", "Mäki", "Vaara", "Harju", "Kangas", "Laakso")
LAST = ("lahti", "järvi", "koski", "niemi", "mäki", "vaara", "saari", "joki", "lampi", "kylä", "ranta", "salo",
        "harju", "kangas", "suo", "linna")
SV_LAST = {"lahti": "vik", "järvi": "sjö", "koski": "fors", "niemi": "näs", "mäki": "backa", "vaara": "berg",
           "saari": "ö", "joki": "å", "lampi": "tjärn", "kylä": "by", "ranta": "strand", "salo": "skog",
           "harju": "ås", "kangas": "mo", "suo": "myr", "linna": "borg"}


def grid() -> list[tuple[float, float]]:
    """South-west corners of 0.55° × 0.3° cells inside a rough outline of Finland, south to north."""
    cells = []
    lat = 59.9
    while lat < 69.8:
        # The land narrows to the north (and widens again a little in Lapland's arm).
        west = 21.0 if lat < 63.5 else 22.5 + (lat - 63.5) * 0.6 if lat < 66 else 24.0 + (lat - 66) * 0.3
        east = 30.2 if lat < 62.5 else 29.8 - (lat - 62.5) * 0.35 if lat < 67 else 28.3
        lon = west
        while lon + 0.55 <= east + 0.01:
            cells.append((round(lon, 3), round(lat, 3)))
            lon += 0.55
        lat += 0.3
    return cells


def regions() -> list[tuple]:
    """Synthetic counties and municipalities as REGIONS rows: (id, category, code, fi, sv, en, memberOf, uri)."""
    rng = random.Random("country-names")  # the country is the demo's world, not the dice's: the same for any seed
    counties = [(9001 + i, "HYVINVOINTIALUE", f"9{i:02d}", f"{stem} hyvinvointialue", f"{stem[:-1]} välfärdsområde",
                 f"{stem[:-1]} wellbeing services county", [658], "") for i, stem in enumerate(COUNTY_STEMS)]
    names: set[str] = set()
    rows = []
    for i in range(SYNTHETIC_COUNT):
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            if first + last not in names:
                break
        names.add(first + last)
        fi = (first + last).capitalize()
        sv = first + SV_LAST[last]
        rows.append((20001 + i, "KUNTA", str(300 + i), fi, sv, fi, None, ""))
    return counties + rows


def assign_counties(rows: list[tuple], cells: list[tuple[float, float]]) -> tuple[list[tuple], dict[str, tuple]]:
    """Each synthetic municipality's county by where its cell lies (neighbouring cells share a county),
    the town's county in the south-west; returns the rows with memberOf set and code -> cell."""
    counties = [r for r in rows if r[1] == "HYVINVOINTIALUE"]
    municipalities = [r for r in rows if r[1] == "KUNTA"]
    county_ids = [OWN_COUNTY_ID] + [c[0] for c in counties]
    total = len(municipalities) + 5
    # The demo's own five (Merilahti, Kivikoski, Tuulimaa, Pori, Kangasala) take the first south-western cells.
    placed = {}
    order = sorted(cells, key=lambda c: (round((c[1] - 59.9) / 1.2), c[0], c[1]))
    for code, cell in zip((MUNICIPALITY_CODE, "998", "997", "609", "211"), order):
        placed[code] = cell
    out = []
    for i, (row, cell) in enumerate(zip(municipalities, order[5:])):
        county = county_ids[(i + 5) * len(county_ids) // total]
        out.append((*row[:6], [county, 658], row[7]))
        placed[row[2]] = cell
    return counties + out, placed


def boundaries(placed: dict[str, tuple], names: dict[str, tuple[str, str, str]]) -> dict:
    """The cells as the package's boundaries copy (boundaries/kunta1000k_<year>.geojson, WGS84)."""
    features = []
    for code, (lon, lat) in sorted(placed.items()):
        ring = [[lon, lat], [lon + 0.55, lat], [lon + 0.55, lat + 0.3], [lon, lat + 0.3], [lon, lat]]
        fi, sv, en = names[code]
        features.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                         "properties": {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en,
                                        "year": BOUNDARIES_YEAR}})
    return {"type": "FeatureCollection", "features": features}


def values(indicator_rows: list[dict], municipalities: list[tuple], direction_scale: float, is_share: bool,
           rng: random.Random) -> list[dict]:
    """Totals for each synthetic region (municipality or county) around the country's level (region 658) in the same years."""
    country = {r["year"]: r["value"] for r in indicator_rows if r["region"] == 658 and r["gender"] == "total"}
    indicator = indicator_rows[0]["indicator"]
    out = []
    for row in municipalities:
        offset = rng.gauss(0, 0.08 * direction_scale)
        for year, level in sorted(country.items()):
            value = level + offset + rng.gauss(0, 0.035 * direction_scale)
            value = max(0.0, min(value, 100.0)) if is_share else max(0.0, value)
            out.append({"indicator": indicator, "region": row[0], "year": year, "gender": "total",
                        "value": round(value, 1), "absValue": None})
    return out


def write_boundaries(path, collection: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
