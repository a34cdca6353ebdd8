"""Finland's municipality boundaries from a local stand-in of Statistics Finland's WFS (kunta1000k)."""

from __future__ import annotations

import json
import math

import polars as pl
import pytest
import shapely
from shapely.geometry import shape

from support.store_rows import table_frame
from data_pipeline.sources import boundaries
from data_pipeline.store import schema
from data_pipeline.inputs.config import load_config
from data_pipeline.load.refresh import refresh
from support.sotkanet_server import Fault, FakeSotkanet, serve

SIDE = 20_000.0        # metres: a 3 × 3 grid of square municipalities near Pori
X0, Y0 = 200_000.0, 6_820_000.0
STEP = 100.0           # a vertex every 100 m along wiggly edges, as a detailed layer has
NAMES = [("609", "Pori", "Björneborg", "Pori"), ("684", "Rauma", "Raumo", "Rauma"),
         ("051", "Eurajoki", "Euraåminne", "Eurajoki"), ("079", "Harjavalta", "Harjavalta", "Harjavalta"),
         ("214", "Kankaanpää", "Kankaanpää", "Kankaanpää"), ("271", "Kokemäki", "Kumo", "Kokemäki"),
         ("531", "Nakkila", "Nakkila", "Nakkila"), ("608", "Pomarkku", "Påmark", "Pomarkku"),
         ("999", "Testilä", "Testby", "Testilä")]


def _edge(a: tuple[float, float], b: tuple[float, float]) -> list[list[float]]:
    """Points from a to b wiggling across the edge; a neighbour walking b to a gets the same points."""
    (xa, ya), (xb, yb) = a, b
    n = int(max(abs(xb - xa), abs(yb - ya)) / STEP)
    points = []
    for i in range(n):
        x, y = xa + (xb - xa) * i / n, ya + (yb - ya) * i / n
        if ya == yb:
            y += 60 * math.sin(2 * math.pi * 7 * (x - X0) / SIDE)
        else:
            x += 60 * math.sin(2 * math.pi * 5 * (y - Y0) / SIDE)
        points.append([round(x, 3), round(y, 3)])
    return points


def wfs_collection() -> dict:
    """The WFS's GeoJSON in ETRS-TM35FIN: feature ids, geometry_name, kunta/vuosi/nimi/namn/name."""
    features = []
    for i, (code, fi, sv, en) in enumerate(NAMES):
        x, y = X0 + (i % 3) * SIDE, Y0 + (i // 3) * SIDE
        corners = [(x, y), (x + SIDE, y), (x + SIDE, y + SIDE), (x, y + SIDE)]
        ring = [p for k in range(4) for p in _edge(corners[k], corners[(k + 1) % 4])]
        ring.append(ring[0])
        features.append({"type": "Feature", "id": f"kunta1000k_2025.{i + 1}", "geometry_name": "geom",
                         "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
                         "properties": {"id": i + 1, "kunta": code, "vuosi": 2025, "nimi": fi, "namn": sv,
                                        "name": en}})
    return {"type": "FeatureCollection", "features": features, "totalFeatures": len(features),
            "numberMatched": len(features), "numberReturned": len(features), "timeStamp": "2026-12-01T12:00:00Z",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}}


class FakeWfs(FakeSotkanet):
    def __init__(self, collection: dict):
        super().__init__(regions=[], metadata={}, data={})
        self.collection = collection

    def route(self, path, query):
        if path == "/wfs" and query.get("typeNames") == ["tilastointialueet:kunta1000k_2025"] \
                and query.get("srsName") == ["EPSG:3067"] and query.get("outputFormat") == ["application/json"]:
            return self.collection
        return None


@pytest.fixture
def map_package(mini_package, monkeypatch):
    fake = FakeWfs(wfs_collection())
    base_url, stop = serve(fake)
    monkeypatch.setenv("HYTE_BOUNDARIES_URL", f"{base_url}/wfs")
    text = mini_package.read_text(encoding="utf-8").replace(
        'country = { category = "MAA", code = "358" }',
        'country = { category = "MAA", code = "358" }\nboundaries_year = 2025')
    mini_package.write_text(text, encoding="utf-8")
    yield mini_package, fake
    stop()


def test_boundaries_are_fetched_once_simplified_and_stored(map_package, sqlite_url):
    config, fake = map_package
    result = refresh(config, sqlite_url)
    assert result.status == "success", (result.message, result.problems)
    assert [path for path, _, _ in fake.requests] == ["/wfs"]

    shapes = table_frame(sqlite_url, schema.municipality_shape).sort("code")
    assert shapes.select("code", "name_fi", "name_sv", "name_en", "year").row(
        shapes["code"].to_list().index("609")) == ("609", "Pori", "Björneborg", "Pori", 2025)
    assert shapes.height == 9
    geoms = [shape(json.loads(g)) for g in shapes["geometry"]]
    lon0, lat0, lon1, lat1 = shapely.total_bounds(geoms)
    assert 20.5 < lon0 < lon1 < 23.0 and 61.0 < lat0 < lat1 < 62.0, "WGS84 lon/lat"
    source_vertices = sum(len(f["geometry"]["coordinates"][0][0]) for f in wfs_collection()["features"])
    assert shapely.get_num_coordinates(geoms).sum() < source_vertices / 5, "simplified"
    # Simplified as one coverage: neighbours still meet, no gaps and no overlaps between them.
    union = shapely.union_all(geoms)
    assert union.area == pytest.approx(sum(g.area for g in geoms), rel=1e-3)
    assert shapely.get_num_interior_rings(union) == 0

    cached = boundaries.cache_path(load_config(config))
    assert cached.is_file() and cached.stat().st_size < 20_000
    freshness = table_frame(sqlite_url, schema.source_freshness)
    assert freshness.filter(pl.col("source") == "boundaries")["status"].to_list() == ["fresh"]

    # Offline afterwards: the package's copy is read, nothing is requested again.
    fake.requests.clear()
    assert refresh(config, sqlite_url).status == "unchanged"
    assert fake.requests == []


def test_a_failed_fetch_loads_everything_else_and_says_the_map_is_missing(map_package, sqlite_url):
    config, fake = map_package
    fake.faults["/wfs"] = Fault(status=503)
    result = refresh(config, sqlite_url)
    assert result.status == "success"
    assert "Tilastokeskus" in result.message and "503" in result.message
    assert table_frame(sqlite_url, schema.municipality_shape).is_empty()
    assert table_frame(sqlite_url, schema.indicator_value).height > 0
    freshness = table_frame(sqlite_url, schema.source_freshness)
    assert freshness.filter(pl.col("source") == "boundaries")["status"].to_list() == ["stale"]
    # Once the service answers again the next refresh fetches the map and clears the warning.
    fake.faults.clear()
    assert refresh(config, sqlite_url).status == "success"
    assert table_frame(sqlite_url, schema.municipality_shape).height == 9
    freshness = table_frame(sqlite_url, schema.source_freshness)
    assert freshness.filter(pl.col("source") == "boundaries")["status"].to_list() == ["fresh"]


def test_a_feature_without_a_municipality_code_is_refused_before_caching():
    collection = wfs_collection()
    collection["features"][0]["properties"]["kunta"] = None
    with pytest.raises(ValueError, match="kuntanumero"):
        boundaries.simplify_collection(collection, 2025)
