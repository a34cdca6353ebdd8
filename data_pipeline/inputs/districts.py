"""Reads district polygons (GeoJSON, WGS84 or ETRS-TM35FIN) into rows with geometry and centroid."""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path

import numpy as np
import polars as pl
import shapely
import functools
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from data_pipeline.i18n import Message, msg, msg_n
from data_pipeline.inputs.problems import Problem

log = logging.getLogger(__name__)

# Bounding boxes of Finland in each supported projection, for telling them apart and rejecting others.
WGS84_BOX = (19.0, 59.3, 31.8, 70.2)
TM35FIN_BOX = (40_000.0, 6_600_000.0, 780_000.0, 7_800_000.0)



@functools.cache
def _transformer(source: str, target: str):
    """A pyproj transformer, made when first needed (pyproj and its projection database take a fifth of a
    second to load: a register's save never reprojects anything)."""
    from pyproj import Transformer

    return Transformer.from_crs(source, target, always_xy=True)


def to_wgs84():
    return _transformer("EPSG:3067", "EPSG:4326")


def _to_tm35():
    return _transformer("EPSG:4326", "EPSG:3067")


def _reproject(geom, transformer):
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


def _kind(value) -> Message | str:
    key = {dict: "geojson.kind.object", list: "geojson.kind.list", str: "geojson.kind.string"}.get(type(value))
    return msg(key) if key else type(value).__name__


# Everything a hostile or broken geometry can raise inside shapely/GEOS or on the way to it.
_BROKEN_GEOMETRY = (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError,
                    shapely.errors.GEOSException)

def _in_feature(number: int, problem: Message) -> Message:
    """A feature's problem, naming the feature (GeoJSON has no lines to point at once parsed)."""
    return msg("geojson.in_feature", feature=number, problem=problem)


_PROPERTY_KEYS = {"id": ("id_property", "geojson.what.id"), "name": ("name_property", "geojson.what.name")}


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
        return None, [Problem(fname, exc.lineno, "-", msg("geojson.invalid", error=exc.msg))]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(fname, None, "-", msg("geojson.invalid", error=str(exc)))]
    except RecursionError:
        return None, [Problem(fname, None, "-", msg("geojson.too_deep"))]
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return None, [Problem(fname, None, "type", msg("geojson.not_collection"))]
    features = collection.get("features") or []
    if not isinstance(features, list):
        return None, [Problem(fname, None, "features", msg("geojson.features_not_list", kind=_kind(features)))]
    try:
        declared = _declared_crs(collection)
    except AttributeError:
        declared = "?"
    if declared not in (None, "EPSG:3067", "EPSG:4326"):
        return None, [Problem(fname, None, "crs", msg("geojson.projection", crs=declared))]
    problems: list[Problem] = []
    rows = []
    seen: dict[str, int] = {}
    missing: dict[str, list[int]] = {}  # property -> features that lack it
    found: set[str] = set()
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            problems.append(Problem(fname, None, "-",
                                    _in_feature(number, msg("geojson.not_feature", kind=_kind(feature)))))
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            problems.append(Problem(fname, None, "properties",
                                    _in_feature(number, msg("geojson.properties_not_object", kind=_kind(props)))))
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
                                    _in_feature(number, msg("geojson.duplicate", code=code, other=seen[code]))))
            continue
        seen[code] = number
        try:
            row, problem = _district_row(feature, props, code, declared, name_property, name_sv_property)
        except _BROKEN_GEOMETRY as exc:
            row, problem = None, msg("geojson.broken_geometry", error=str(exc)[:120] or type(exc).__name__)
        if problem:
            problems.append(Problem(fname, None, "geometry", _in_feature(number, problem)))
        else:
            log.debug("%s feature %d (%s) read", fname, number, code)
            rows.append(row)
    problems += _missing_property_problems(fname, missing, found, len(features), id_property, name_property)
    if not rows and not problems:
        problems.append(Problem(fname, None, "features", msg("geojson.no_districts")))
    if problems:
        return None, problems
    return pl.DataFrame(rows, schema={"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8,
                                      "geometry": pl.Utf8, "centroid_lon": pl.Float64,
                                      "centroid_lat": pl.Float64, "area_km2": pl.Float64}), []


_READ: dict[tuple, tuple[pl.DataFrame | None, list[Problem]]] = {}


def read_districts_once(path: Path, id_property: str, name_property: str,
                        name_sv_property: str | None = None) -> tuple[pl.DataFrame | None, list[Problem]]:
    """read_districts, kept in the process while the file stays as it is (its size, time and inode): the
    register editors ask for the districts' codes and names on every check and drop-down, and 3,000
    district polygons take seconds to read and repair. A few files are kept, the latest first."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, stat.st_ino, id_property, name_property,
           name_sv_property)
    if key not in _READ:
        if len(_READ) >= 4:
            _READ.pop(next(iter(_READ)))
        _READ[key] = read_districts(path, id_property, name_property, name_sv_property)
    frame, problems = _READ[key]
    return frame, list(problems)


def _missing_property_problems(fname: str, missing: dict[str, list[int]], found: set[str], total: int,
                               id_property: str, name_property: str) -> list[Problem]:
    """One problem per missing property (not one per feature), saying which setting names it."""
    problems = []
    listed = ", ".join(sorted(found)[:20]) or "–"
    for prop, numbers in missing.items():
        key, what = _PROPERTY_KEYS["id" if prop == id_property else "name"]
        if prop == id_property == name_property:
            key = "id_property"
        if len(numbers) == total:
            message = msg_n("geojson.property_missing_all", total, prop=prop, found=listed, key=key, what=msg(what))
        else:
            shown = ", ".join(str(n) for n in numbers[:10]) + (", …" if len(numbers) > 10 else "")
            message = msg("geojson.property_missing_some", prop=prop, count=len(numbers), total=total,
                          features=shown, found=listed, key=key, what=msg(what))
        problems.append(Problem(fname, None, prop, message))
    return problems


def _district_row(feature: dict, props: dict, code: str, declared: str | None, name_property: str,
                  name_sv_property: str | None) -> tuple[dict | None, Message | None]:
    """One district's row, or why its geometry is unusable."""
    geometry = feature.get("geometry") or {}
    if not isinstance(geometry, dict):
        return None, msg("geojson.geometry_not_object", kind=_kind(geometry))
    with warnings.catch_warnings():  # NaN coordinates warn here; they are refused just below
        warnings.simplefilter("ignore", RuntimeWarning)
        geom = shape(geometry)
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        return None, msg("geojson.not_polygon", type=geom.geom_type)
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, msg("geojson.not_finite")
    crs = declared
    if crs is None:
        crs = "EPSG:4326" if _inside(geom.bounds, WGS84_BOX) else (
            "EPSG:3067" if _inside(geom.bounds, TM35FIN_BOX) else None)
    box = {"EPSG:4326": WGS84_BOX, "EPSG:3067": TM35FIN_BOX}.get(crs)
    if box is None or not _inside(geom.bounds, box):
        return None, msg("geojson.not_in_finland")
    tm35 = geom if crs == "EPSG:3067" else _reproject(geom, _to_tm35())
    wgs = geom if crs == "EPSG:4326" else _reproject(geom, to_wgs84())
    if not wgs.is_valid:
        # Generalised boundaries (such as the 1:4.5M postal areas) often self-intersect slightly;
        # repairing keeps the district, and only an unrepairable shape is refused.
        reason = explain_validity(wgs)
        wgs, tm35 = _repair(wgs), _repair(tm35)
        if wgs is None or tm35 is None:
            return None, msg("geojson.invalid_polygon", reason=reason)
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
    area = _reproject(union, _to_tm35())
    x, y = _to_tm35().transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    points = shapely.points(np.column_stack([x, y]))
    shapely.prepare(area)
    return [not near for near in shapely.dwithin(area, points, tolerance_m).tolist()]
