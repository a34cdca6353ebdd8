"""Reads district polygons (GeoJSON, WGS84 or ETRS-TM35FIN) into rows with geometry and centroid."""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path

import numpy as np
import polars as pl
import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from data_pipeline.inputs.problems import Problem

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


def _kind(value) -> str:
    return {dict: "olio / an object", list: "lista / a list", str: "teksti / a string"}.get(
        type(value), type(value).__name__)


# Everything a hostile or broken geometry can raise inside shapely/GEOS or on the way to it.
_BROKEN_GEOMETRY = (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError,
                    shapely.errors.GEOSException)

_PROPERTY_KEYS = {"id": ("id_property", "tunnus", "code"), "name": ("name_property", "nimi", "name")}


def read_districts(path: Path, id_property: str, name_property: str,
                   name_sv_property: str | None = None) -> tuple[pl.DataFrame | None, list[Problem]]:
    """District rows (code, name_fi, name_sv, geometry, centroid, area), or why the file is unusable.

    GeoJSON carries no line numbers once parsed, so a feature's problem names the feature ("feature 3")
    rather than a line that would be wrong.
    """
    fname = path.name
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        return None, [Problem(fname, exc.lineno, "-", f"ei kelvollinen GeoJSON / not valid GeoJSON: {exc.msg}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(fname, None, "-", f"ei kelvollinen GeoJSON / not valid GeoJSON: {exc}")]
    except RecursionError:
        return None, [Problem(fname, None, "-", "GeoJSON on sisäkkäistetty liian syvälle; tallenna tiedosto "
                                                "uudelleen paikkatieto-ohjelmasta / GeoJSON nested too deeply: "
                                                "save the file again from a GIS tool")]
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return None, [Problem(fname, None, "type", "pitää olla GeoJSON FeatureCollection / must be a FeatureCollection")]
    features = collection.get("features") or []
    if not isinstance(features, list):
        return None, [Problem(fname, None, "features", f"features pitää olla lista, oli {_kind(features)} / "
                                                       "features must be a list")]
    try:
        declared = _declared_crs(collection)
    except AttributeError:
        declared = "?"
    if declared not in (None, "EPSG:3067", "EPSG:4326"):
        return None, [Problem(fname, None, "crs", f"projektio {declared} ei ole tuettu; käytä WGS84 tai "
                                                  f"ETRS-TM35FIN (EPSG:3067) / unsupported projection")]
    problems: list[Problem] = []
    rows = []
    seen: dict[str, int] = {}
    missing: dict[str, list[int]] = {}  # property -> features that lack it
    found: set[str] = set()
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict):
            problems.append(Problem(fname, None, "-", f"{where}: pitää olla GeoJSON Feature -olio, oli "
                                                      f"{_kind(feature)} / must be a GeoJSON Feature object"))
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            problems.append(Problem(fname, None, "properties",
                                    f"{where}: properties pitää olla olio {{\"nimi\": arvo}}, oli {_kind(props)} / "
                                    "properties must be an object {\"name\": value}"))
            continue
        found.update(str(k) for k in props)
        lacking = [p for p in (id_property, name_property) if props.get(p) in (None, "")]
        for prop in lacking:
            missing.setdefault(prop, []).append(number)
        if lacking:
            continue
        code = str(props[id_property])
        if code in seen:
            problems.append(Problem(fname, None, id_property,
                                    f"{where}: alue '{code}' on jo kohteessa {seen[code]} / duplicate of feature {seen[code]}"))
            continue
        seen[code] = number
        try:
            row, problem = _district_row(feature, props, code, declared, name_property, name_sv_property)
        except _BROKEN_GEOMETRY as exc:
            row, problem = None, f"geometria on rikki / broken geometry: {str(exc)[:120] or type(exc).__name__}"
        if problem:
            problems.append(Problem(fname, None, "geometry", f"{where}: {problem}"))
        else:
            log.debug("%s %s (%s) read", fname, where, code)
            rows.append(row)
    problems += _missing_property_problems(fname, missing, found, len(features), id_property, name_property)
    if not rows and not problems:
        problems.append(Problem(fname, None, "features", "tiedostossa ei ole alueita / no districts in the file"))
    if problems:
        return None, problems
    return pl.DataFrame(rows, schema={"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8,
                                      "geometry": pl.Utf8, "centroid_lon": pl.Float64,
                                      "centroid_lat": pl.Float64, "area_km2": pl.Float64}), []


def _missing_property_problems(fname: str, missing: dict[str, list[int]], found: set[str], total: int,
                               id_property: str, name_property: str) -> list[Problem]:
    """One problem per missing property (not one per feature), saying which setting names it."""
    problems = []
    listed = ", ".join(sorted(found)[:20]) or "–"
    for prop, numbers in missing.items():
        key, what_fi, what_en = _PROPERTY_KEYS["id" if prop == id_property else "name"]
        if prop == id_property == name_property:
            key = "id_property"
        if len(numbers) == total:
            which_fi, which_en = f"kaikilta {total} alueelta", f"all {total} features"
        else:
            shown = ", ".join(str(n) for n in numbers[:10]) + (", …" if len(numbers) > 10 else "")
            which_fi = f"{len(numbers)}/{total} alueelta (kohteet {shown})"
            which_en = f"{len(numbers)} of {total} features (features {shown})"
        problems.append(Problem(
            fname, None, prop,
            f"ominaisuus '{prop}' puuttuu {which_fi}; löytyi: {listed}. Aseta hyte.toml-tiedostoon "
            f"[districts] {key} = \"…\" sen ominaisuuden nimeksi, jossa on alueen {what_fi} / property '{prop}' "
            f"is missing from {which_en} (found: {listed}): set [districts] {key} = \"…\" in hyte.toml to the "
            f"property that holds the district's {what_en}"))
    return problems


def _district_row(feature: dict, props: dict, code: str, declared: str | None, name_property: str,
                  name_sv_property: str | None) -> tuple[dict | None, str | None]:
    """One district's row, or why its geometry is unusable."""
    geometry = feature.get("geometry") or {}
    if not isinstance(geometry, dict):
        return None, f"geometry pitää olla olio, oli {_kind(geometry)} / geometry must be an object"
    with warnings.catch_warnings():  # NaN coordinates warn here; they are refused just below
        warnings.simplefilter("ignore", RuntimeWarning)
        geom = shape(geometry)
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        return None, f"pitää olla Polygon tai MultiPolygon, oli / must be a polygon, was {geom.geom_type}"
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, "koordinaateissa on NaN tai ääretön arvo / a coordinate is NaN or infinite"
    crs = declared
    if crs is None:
        crs = "EPSG:4326" if _inside(geom.bounds, WGS84_BOX) else (
            "EPSG:3067" if _inside(geom.bounds, TM35FIN_BOX) else None)
    box = {"EPSG:4326": WGS84_BOX, "EPSG:3067": TM35FIN_BOX}.get(crs)
    if box is None or not _inside(geom.bounds, box):
        return None, ("koordinaatit eivät osu Suomeen WGS84- eikä ETRS-TM35FIN-projektiossa / "
                      "coordinates are not in Finland in WGS84 or ETRS-TM35FIN (wrong projection?)")
    tm35 = geom if crs == "EPSG:3067" else _reproject(geom, _TO_TM35)
    wgs = geom if crs == "EPSG:4326" else _reproject(geom, _TO_WGS84)
    if not wgs.is_valid:
        # Generalised boundaries (such as the 1:4.5M postal areas) often self-intersect slightly;
        # repairing keeps the district, and only an unrepairable shape is refused.
        reason = explain_validity(wgs)
        wgs, tm35 = _repair(wgs), _repair(tm35)
        if wgs is None or tm35 is None:
            return None, f"virheellinen monikulmio / invalid polygon: {reason}"
        log.info("district %s: repaired %s", code, reason)
    point = wgs.representative_point()  # inside the district even for a crescent or an island
    return {
        "code": code,
        "name_fi": str(props[name_property]),
        "name_sv": str(props[name_sv_property]) if name_sv_property and props.get(name_sv_property) else None,
        "geometry": json.dumps(mapping(wgs), separators=(",", ":")),
        "centroid_lon": point.x,
        "centroid_lat": point.y,
        "area_km2": round(tm35.area / 1e6, 3),
    }, None


# A place given a little outside its district's generalised boundary (a pin on the shore, a point on
# the border road) is not a wrong place; a point kilometres away is.
OUTSIDE_TOLERANCE_M = 250.0


def points_outside(districts: pl.DataFrame, lons: list[float], lats: list[float],
                   tolerance_m: float = OUTSIDE_TOLERANCE_M) -> list[bool]:
    """For each WGS84 point, whether it lies farther than `tolerance_m` from every district polygon."""
    if not lons:
        return []
    union = shapely.unary_union([shapely.from_geojson(g) for g in districts["geometry"].to_list()])
    area = _reproject(union, _TO_TM35)
    x, y = _TO_TM35.transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    points = shapely.points(np.column_stack([x, y]))
    shapely.prepare(area)
    return [not near for near in shapely.dwithin(area, points, tolerance_m).tolist()]
