"""Finland's municipality boundaries for the map: Statistics Finland's open layer, fetched once, simplified.

The layer `tilastointialueet:kunta1000k_<year>` (1:1,000,000, CC BY 4.0) on Statistics Finland's WFS
has one feature per municipality with `kunta` (the code), `nimi`, `namn` and `name`. It is fetched
once, when `[regions] boundaries_year` is set and the package has no copy yet, in ETRS-TM35FIN (the
layer's own projection: metres for the simplification, and no axis-order surprises of WFS 2.0 with
EPSG:4326). The boundaries are simplified as one coverage, so neighbours keep a shared edge with no
gaps or overlaps, reprojected to WGS84 and written to the package (boundaries/kunta1000k_<year>.geojson):
every later refresh reads that file and makes no request. Env `HYTE_BOUNDARIES_URL` overrides the address.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import numpy as np
import polars as pl
import shapely
from shapely.geometry import mapping, shape

from data_pipeline.i18n import Message, msg
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.districts import to_wgs84
from data_pipeline.inputs.problems import Problem
from data_pipeline.sources.http import JsonClient, SourceError, write_atomic

log = logging.getLogger(__name__)

DEFAULT_BOUNDARIES_URL = "https://geo.stat.fi/geoserver/tilastointialueet/wfs"
ATTRIBUTION = "Lähde: Tilastokeskus, kuntarajat 1:1 000 000, CC BY 4.0"
# Visvalingam–Whyatt tolerance in metres (about the square root of the triangle areas removed): at
# 1:1M, 1,000 m drops most of the vertices a national map cannot show and keeps every municipality
# recognisable (see the module's test for the measured size).
SIMPLIFY_TOLERANCE_M = 1_000.0
# Coordinates rounded to 4 decimals (about 5–10 m): far below what the simplification keeps.
DECIMALS = 4
SHAPE_SCHEMA = {"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8, "year": pl.Int64,
                "geometry": pl.Utf8}



def boundaries_url() -> str:
    return os.environ.get("HYTE_BOUNDARIES_URL") or DEFAULT_BOUNDARIES_URL


def cache_path(config: Config) -> Path:
    return config.base_dir / "boundaries" / f"kunta1000k_{config.boundaries_year}.geojson"


def fetch(config: Config, client: JsonClient | None = None) -> Message | None:
    """Download, simplify and cache the layer unless the package has it already; an error message or None."""
    if config.boundaries_year is None or cache_path(config).is_file():
        return None
    client = client or JsonClient(boundaries_url(), timeout=max(config.sotkanet_timeout_s, 60),
                                      retries=config.sotkanet_retries, backoff=config.sotkanet_backoff_s,
                                      service=msg("source.service.statfi"))
    layer = f"tilastointialueet:kunta1000k_{config.boundaries_year}"
    params = [("service", "WFS"), ("version", "2.0.0"), ("request", "GetFeature"), ("typeNames", layer),
              ("outputFormat", "application/json"), ("srsName", "EPSG:3067")]
    what = msg("boundaries.what", year=config.boundaries_year)
    try:
        collection = client.get("", what, params)
    except SourceError as exc:
        return exc.message
    try:
        light = simplify_collection(collection, config.boundaries_year)
    except BoundariesError as exc:
        return msg("source.detail", problem=what, detail=exc.message)
    write_atomic(cache_path(config), light)
    log.info("%s: %d municipalities cached in %s", what, len(light["features"]), cache_path(config))
    return None


class BoundariesError(ValueError):
    """A boundaries response that cannot be used; `message` says why."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def simplify_collection(collection: object, year: int, tolerance_m: float = SIMPLIFY_TOLERANCE_M) -> dict:
    """The WFS response (ETRS-TM35FIN) as a light WGS84 FeatureCollection: code, names, year, geometry."""
    if not isinstance(collection, dict) or not collection.get("features"):
        raise BoundariesError(msg("boundaries.no_municipalities"))
    props, geoms = [], []
    for feature in collection["features"]:
        p = feature.get("properties") or {}
        code = str(p.get("kunta") or "")
        if not (code.isdigit() and len(code) == 3) or not feature.get("geometry"):
            raise BoundariesError(msg("boundaries.feature_incomplete", properties=str(p)))
        props.append({"code": code, "name_fi": p.get("nimi") or code, "name_sv": p.get("namn"),
                      "name_en": p.get("name"), "year": year})
        geoms.append(shapely.make_valid(shape(feature["geometry"])))
    simplified = _simplify(np.array(geoms, dtype=object), tolerance_m)
    features = []
    for prop, geom in zip(props, simplified, strict=True):
        wgs = shapely.transform(geom, _to_wgs84)
        wgs = shapely.set_precision(wgs, 10 ** -DECIMALS)
        features.append({"type": "Feature", "properties": prop, "geometry": mapping(wgs)})
    return {"type": "FeatureCollection", "features": features}


def _simplify(geoms: np.ndarray, tolerance_m: float) -> np.ndarray:
    # One coverage: shared boundaries are simplified once, so neighbours still meet exactly.
    try:
        return shapely.coverage_simplify(geoms, tolerance_m)
    except (AttributeError, shapely.errors.GEOSException) as exc:  # older GEOS; or not a clean coverage
        log.warning("coverage simplification unavailable (%s); simplifying each municipality alone", exc)
        return shapely.simplify(geoms, tolerance_m / 4, preserve_topology=True)


def _to_wgs84(coords: np.ndarray) -> np.ndarray:
    x, y = to_wgs84().transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def read_shapes(config: Config) -> tuple[pl.DataFrame | None, list[Problem]]:
    """The cached boundaries as `municipality_shape` rows, or why the cached file is unusable."""
    path = cache_path(config)
    rel = str(path.relative_to(config.base_dir))
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem(rel, getattr(exc, "lineno", None), "-", msg("boundaries.malformed", error=str(exc)))]
    rows = []
    for feature in collection.get("features") or []:
        p = feature.get("properties") or {}
        rows.append({**{k: p.get(k) for k in ("code", "name_fi", "name_sv", "name_en", "year")},
                     "geometry": json.dumps(feature.get("geometry"), separators=(",", ":"))})
    frame = pl.DataFrame(rows, schema=SHAPE_SCHEMA)
    if frame.is_empty() or frame["code"].is_duplicated().any() or frame["code"].null_count():
        return None, [Problem(rel, None, "code", msg("boundaries.codes"))]
    return frame, []
