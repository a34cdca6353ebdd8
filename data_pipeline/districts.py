"""Reads district polygons (GeoJSON, WGS84 or ETRS-TM35FIN) into rows with geometry and centroid."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import polars as pl
from pyproj import Transformer
import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from data_pipeline.problems import Problem

log = logging.getLogger(__name__)

# Bounding boxes of Finland in each supported projection, for telling them apart and rejecting others.
WGS84_BOX = (19.0, 59.3, 31.8, 70.2)
TM35FIN_BOX = (40_000.0, 6_600_000.0, 780_000.0, 7_800_000.0)

_TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
_TO_TM35 = Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True)


def _reproject(geom, transformer: Transformer):
    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, apply)


def _repair(geom):
    """The polygonal part of a repaired geometry, or None if nothing polygonal is left."""
    fixed = shapely.make_valid(geom)
    if fixed.geom_type == "GeometryCollection":
        parts = [g for g in fixed.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        fixed = shapely.unary_union(parts) if parts else None
    if fixed is None or fixed.is_empty or fixed.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return fixed


def _inside(bounds, box) -> bool:
    minx, miny, maxx, maxy = bounds
    return box[0] <= minx and maxx <= box[2] and box[1] <= miny and maxy <= box[3]


def _declared_crs(collection: dict) -> str | None:
    name = ((collection.get("crs") or {}).get("properties") or {}).get("name", "")
    if "3067" in name:
        return "EPSG:3067"
    if "4326" in name or "CRS84" in name:
        return "EPSG:4326"
    return name or None


def read_districts(path: Path, id_property: str, name_property: str,
                   name_sv_property: str | None = None) -> tuple[pl.DataFrame | None, list[Problem]]:
    """District rows (code, name_fi, name_sv, geometry, centroid, area), or why the file is unusable."""
    fname = path.name
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem(fname, 1, "-", f"ei kelvollinen GeoJSON / not valid GeoJSON: {exc}")]
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return None, [Problem(fname, 1, "type", "pitää olla GeoJSON FeatureCollection / must be a FeatureCollection")]
    declared = _declared_crs(collection)
    if declared not in (None, "EPSG:3067", "EPSG:4326"):
        return None, [Problem(fname, 1, "crs", f"projektio {declared} ei ole tuettu; käytä WGS84 tai "
                                               f"ETRS-TM35FIN (EPSG:3067) / unsupported projection")]
    problems: list[Problem] = []
    rows = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(collection.get("features") or [], start=1):
        props = feature.get("properties") or {}
        where = f"feature {number}"
        missing = [p for p in (id_property, name_property) if props.get(p) in (None, "")]
        if missing:
            problems.append(Problem(fname, number, ", ".join(missing),
                                    f"{where}: ominaisuus puuttuu / property missing (löytyi / found: "
                                    f"{', '.join(sorted(props)) or '–'})"))
            continue
        code = str(props[id_property])
        if code in seen:
            problems.append(Problem(fname, number, id_property,
                                    f"alue '{code}' on jo kohteessa {seen[code]} / duplicate of feature {seen[code]}"))
            continue
        seen[code] = number
        try:
            geom = shape(feature.get("geometry") or {})
        except (ValueError, TypeError, AttributeError, IndexError) as exc:
            problems.append(Problem(fname, number, "geometry", f"geometria on rikki / broken geometry: {exc}"))
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
            problems.append(Problem(fname, number, "geometry",
                                    f"pitää olla Polygon tai MultiPolygon, oli / must be a polygon, was {geom.geom_type}"))
            continue
        crs = declared
        if crs is None:
            crs = "EPSG:4326" if _inside(geom.bounds, WGS84_BOX) else (
                "EPSG:3067" if _inside(geom.bounds, TM35FIN_BOX) else None)
        box = {"EPSG:4326": WGS84_BOX, "EPSG:3067": TM35FIN_BOX}.get(crs)
        if box is None or not _inside(geom.bounds, box):
            problems.append(Problem(fname, number, "geometry",
                                    "koordinaatit eivät osu Suomeen WGS84- eikä ETRS-TM35FIN-projektiossa / "
                                    "coordinates are not in Finland in WGS84 or ETRS-TM35FIN (wrong projection?)"))
            continue
        tm35 = geom if crs == "EPSG:3067" else _reproject(geom, _TO_TM35)
        wgs = geom if crs == "EPSG:4326" else _reproject(geom, _TO_WGS84)
        if not wgs.is_valid:
            # Generalised boundaries (such as the 1:4.5M postal areas) often self-intersect slightly;
            # repairing keeps the district, and only an unrepairable shape is refused.
            reason = explain_validity(wgs)
            wgs, tm35 = _repair(wgs), _repair(tm35)
            if wgs is None or tm35 is None:
                problems.append(Problem(fname, number, "geometry",
                                        f"virheellinen monikulmio / invalid polygon: {reason}"))
                continue
            log.info("%s feature %s (%s): repaired %s", fname, number, code, reason)
        point = wgs.representative_point()  # inside the district even for a crescent or an island
        rows.append({
            "code": code,
            "name_fi": str(props[name_property]),
            "name_sv": str(props[name_sv_property]) if name_sv_property and props.get(name_sv_property) else None,
            "geometry": json.dumps(mapping(wgs), separators=(",", ":")),
            "centroid_lon": point.x,
            "centroid_lat": point.y,
            "area_km2": round(tm35.area / 1e6, 3),
        })
    if not rows and not problems:
        problems.append(Problem(fname, 1, "features", "tiedostossa ei ole alueita / no districts in the file"))
    if problems:
        return None, problems
    return pl.DataFrame(rows, schema={"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8,
                                      "geometry": pl.Utf8, "centroid_lon": pl.Float64,
                                      "centroid_lat": pl.Float64, "area_km2": pl.Float64}), []
