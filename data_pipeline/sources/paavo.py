"""Statistics Finland's Paavo postal-code areas as districts, with population by lifecycle age group.

Paavo (`postialue:pno_tilasto_YYYY` on the open WFS) carries each postal area's polygon and its
residents in age bands (he_0_2 … he_85_). Each configured age group is the sum of the bands inside it;
a group boundary that falls inside a band cannot be built and is refused with the usable boundaries.
The response is cached in the package (districts/paavo_YYYY.geojson) and read from there offline.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from pathlib import Path

import polars as pl

from data_pipeline.i18n import Message, msg
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.problems import Problem
from data_pipeline.sources.http import (
    HttpSession,
    JsonClient,
    Outage,
    SourceError,
    cached_date,
    outage_line,
    session_for,
    write_atomic,
)

DEFAULT_PAAVO_URL = "https://geo.stat.fi/geoserver/postialue/wfs"
BAND = re.compile(r"^he_(\d+)_(\d*)$")


def cache_path(config: Config) -> Path:
    return config.base_dir / "districts" / f"paavo_{config.paavo_year}.geojson"


def paavo_url(config: Config) -> str:
    return os.environ.get("HYTE_PAAVO_URL") or config.paavo_url or DEFAULT_PAAVO_URL


SERVICE = msg("source.service.statfi")


def fetch(config: Config, session: HttpSession | None = None) -> Message | None:
    """Download the municipality's postal areas into the cache; returns why it could not, or None."""
    own = session is None
    session = session or session_for(config)
    try:
        return _fetch(config, JsonClient(paavo_url(config), session, service=SERVICE))
    finally:
        if own:
            session.close()


def wfs_params(year: int, municipality_code: str) -> list[tuple[str, object]]:
    """The GetFeature request for one municipality's postal areas in one Paavo year."""
    # ETRS-TM35FIN, the layer's own projection: WFS 2.0 would give EPSG:4326 in latitude-first order.
    return [("service", "WFS"), ("version", "2.0.0"), ("request", "GetFeature"),
            ("typeNames", f"postialue:pno_tilasto_{year}"), ("outputFormat", "application/json"),
            ("srsName", "EPSG:3067"), ("CQL_FILTER", f"kunta='{municipality_code}'")]


def _fetch(config: Config, client: JsonClient) -> Message | None:
    params = wfs_params(config.paavo_year, config.municipality_code)
    what = f"Paavo {config.paavo_year} ({config.municipality_code})"
    try:
        collection = client.get("", what, params)
    except SourceError as exc:
        if exc.kind in ("dns", "refused", "timeout"):
            # The one line that says what to check, and whether the cached areas were used.
            outage = Outage(SERVICE, client.base_url, exc.kind)
            return msg("source.detail", problem=what, detail=outage_line(outage, cached_date([cache_path(config)])))
        return exc.message
    if not isinstance(collection, dict) or not collection.get("features"):
        return msg("paavo.no_areas_in_response", what=what, url=urllib.parse.unquote(client.url("", params)))
    write_atomic(cache_path(config), collection)
    return None


def bands(properties: dict) -> list[tuple[int, int | None, str]]:
    """Paavo's age bands found in a feature: (first age, last age or None, property)."""
    found = []
    for key in properties:
        m = BAND.match(key)
        if m:
            found.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None, key))
    return sorted(found)


def population_rows(config: Config, collection: dict, fname: str) -> tuple[pl.DataFrame | None, list[Problem]]:
    """district × age group × year population from the bands; a boundary inside a band is a problem."""
    features = collection.get("features") or []
    if not features:
        return None, [Problem(fname, None, "features", msg("paavo.no_areas"))]
    available = bands(features[0].get("properties") or {})
    starts = {lo for lo, _, _ in available}
    problems = []
    plan: dict[str, list[str]] = {}
    for group in config.age_groups:
        inside = [key for lo, hi, key in available
                  if lo >= group.min_age and (group.max_age is None or (hi is not None and hi <= group.max_age))]
        covered_to = max((hi if hi is not None else 10**3) for lo, hi, key in available if key in inside) if inside else -1
        end_ok = covered_to >= 10**3 if group.max_age is None else covered_to == group.max_age
        if group.min_age not in starts or not end_ok:
            problems.append(Problem(config.path.name, config.line_of("age_groups", group.sort_order, "min_age"),
                                    "age_groups.min_age",
                                    msg("paavo.age_group_bands", code=group.code, min=group.min_age,
                                        max=group.max_age or "", starts=", ".join(str(s) for s in sorted(starts)))))
        plan[group.code] = inside
    if problems:
        return None, problems
    rows = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        for group, keys in plan.items():
            counts = [props.get(k) for k in keys]
            # Paavo protects small areas by leaving figures out (null or -1): no number, not a zero.
            if any(c is None or c < 0 for c in counts):
                continue
            rows.append({"district_code": str(props.get("postinumeroalue")), "age_group_code": group,
                         "year": config.paavo_year, "population": int(sum(counts))})
    return pl.DataFrame(rows, schema={"district_code": pl.Utf8, "age_group_code": pl.Utf8, "year": pl.Int64,
                                      "population": pl.Int64}), []


def write_districts_file(config: Config) -> tuple[Path | None, dict | None, list[Problem]]:
    """The cached Paavo response as the package's district file (properties code/name/name_sv)."""
    path = cache_path(config)
    rel = str(path.relative_to(config.base_dir))
    if not path.is_file():
        return None, None, [Problem(rel, None, "-", msg("paavo.not_fetched"))]
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, None, [Problem(rel, getattr(exc, "lineno", None), "-", msg("paavo.malformed", error=str(exc)))]
    return path, collection, []
