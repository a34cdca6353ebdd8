"""Merilahti's districts: invented polygons around a lake and islands, and their population by age group."""

from __future__ import annotations

import json
import math
import random

from shapely.geometry import Point

from data_pipeline.demo.town import AGE_CODES

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


def district_features(rng: random.Random) -> list[dict]:
    """Jittered-grid quadrilaterals that share their corners, so they tile without overlap or gaps."""
    corner = {(i, j): (round(LON0 + (i + rng.uniform(-0.2, 0.2)) * DLON, 5),
                       round(LAT0 + (j + rng.uniform(-0.2, 0.2)) * DLAT, 5))
              for i in range(5) for j in range(4)}
    coastal_west_edges = {(0, 0), (0, 1), (1, 2)}  # west edge faces the sea: give it a ragged shore
    features = []
    for code, fi, sv, _gen, cell, _pop in DISTRICTS:
        if cell is None:
            polygons = [[blob(rng, LON0 + cx * DLON, LAT0 + cy * DLAT, r)] for cx, cy, r in ISLANDS]
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
                rings.append(list(reversed(blob(rng, cx, cy, 0.12))))
            geometry = {"type": "Polygon", "coordinates": rings}
        geometry = json.loads(json.dumps(geometry))  # tuples -> lists, as a GeoJSON reader returns them
        features.append({"type": "Feature", "properties": {"code": code, "name": fi, "name_sv": sv},
                         "geometry": geometry})
    return features


def blob(rng: random.Random, cx: float, cy: float, radius_cells: float) -> list[tuple[float, float]]:
    """A closed, counter-clockwise, irregular octagon around (cx, cy): an island or a lake."""
    pts = []
    for k in range(8):
        a, rr = 2 * math.pi * k / 8, radius_cells * rng.uniform(0.75, 1.0)
        pts.append((round(cx + rr * DLON * math.cos(a), 5), round(cy + rr * DLAT * math.sin(a), 5)))
    return pts + [pts[0]]


def random_point_in(rng: random.Random, geom) -> tuple[float, float]:
    minx, miny, maxx, maxy = geom.bounds
    while True:  # rejection sampling; checked after rounding so the written point is inside
        lon, lat = round(rng.uniform(minx, maxx), 5), round(rng.uniform(miny, maxy), 5)
        if geom.contains(Point(lon, lat)):
            return lon, lat


def population_rows(rng: random.Random) -> list[dict]:
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
