"""Sotkanet (THL indicator bank, REST API 1.1) responses: parse and check them, keep what the plan needs.

Responses live in a cache folder laid out like the API, so recorded data and fetched data are read
the same way:
    regions.json              GET /regions
    indicators/<id>.json      GET /indicators/<id>
    data/<id>.json            GET /json?indicator=<id>&years=...&genders=...
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from data_pipeline.i18n import msg
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.problems import Problem

ATTRIBUTION = "Lähde: THL, Sotkanet.fi, CC BY 4.0"
GENDERS = ("total", "male", "female")
DATA_KEYS = ("indicator", "region", "year", "gender", "value")


@dataclass(frozen=True)
class SotkanetData:
    regions: pl.DataFrame        # id, category, code, name_fi, name_sv, name_en, role, county_id
    indicators: list[dict]       # metadata per indicator id, as Sotkanet gives it
    values: pl.DataFrame         # indicator_id, region_id, year, gender, value, abs_value
    data_updated: dt.date | None  # newest data-updated over the plan's indicators
    # Population and age shares of every region (`[regions] profile`; the plan's own values of these stay
    # in `values`): the similar municipalities are computed from both.
    profile: pl.DataFrame | None = None


MISSING = msg("sotkanet.file_missing")


def _load_json(path: Path, base: Path) -> tuple[object | None, Problem | None]:
    rel = str(path.relative_to(base)) if path.is_relative_to(base) else path.name
    if not path.is_file():
        return None, Problem(rel, None, "-", MISSING)
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        # A truncated download ends mid-value; json names the line where it gave up.
        line = getattr(exc, "lineno", None)
        return None, Problem(rel, line, "-", msg("sotkanet.broken_json", error=str(exc)))


# Wellbeing services counties (HYVINVOINTIALUE) changed their Sotkanet ids and codes once. A region
# list, a memberOf list or a cached data response may carry either; both resolve to the current id and
# code. Current id -> (old id or None, current code, old code or None); Åland (956) has no old id.
COUNTY_IDS: dict[int, tuple[int | None, str, str | None]] = {
    956: (None, "91", None), 957: (877, "11", "7"), 958: (878, "16", "12"), 959: (879, "12", "8"),
    960: (880, "90", "22"), 961: (881, "1", "18"), 962: (882, "20", "16"), 963: (883, "7", "3"),
    964: (884, "18", "14"), 965: (885, "15", "11"), 966: (886, "2", "19"), 967: (887, "10", "6"),
    968: (888, "21", "17"), 969: (889, "3", "20"), 970: (890, "8", "4"), 971: (891, "17", "13"),
    972: (892, "14", "10"), 973: (893, "19", "15"), 974: (894, "13", "9"), 975: (895, "9", "5"),
    976: (896, "6", "2"), 977: (897, "4", "21"), 978: (898, "5", "1"),
}
OLD_COUNTY_IDS: dict[int, int] = {old: new for new, (old, _, _) in COUNTY_IDS.items() if old is not None}
# Regions kept beyond the configured ones: every municipality and wellbeing services county, so a
# municipality can be ranked among all others and the map can colour the whole country.
NATIONAL_CATEGORIES = ("KUNTA", "HYVINVOINTIALUE")
REGION_SCHEMA = {"id": pl.Int64, "category": pl.Utf8, "code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8,
                 "name_en": pl.Utf8, "role": pl.Utf8, "county_id": pl.Int64}


def current_region_id(region_id: int) -> int:
    """A wellbeing services county's current Sotkanet id for an old one; any other id as it is."""
    return OLD_COUNTY_IDS.get(region_id, region_id)


def select_regions(raw: object, config: Config, fname: str) -> tuple[pl.DataFrame | None, list[Problem]]:
    """The configured regions with their roles, and every other municipality and county as role 'other'.

    A wellbeing services county listed under its old id (877–898) is kept under its current id and
    code, so `[regions] county` names it the same way whichever the list uses; if both are listed the
    current one is kept. Each municipality's county (`county_id`) comes from its memberOf.
    """
    if not isinstance(raw, list):
        return None, [Problem(fname, None, "-", msg("sotkanet.not_array"))]
    wanted: dict[tuple[str, str], str] = {("KUNTA", config.municipality_code): "municipality"}
    for ref, role in ((config.county, "county"), (config.country, "country")):
        if ref is not None:
            wanted[(ref.category, ref.code)] = role
    for code in config.peers:
        wanted[("KUNTA", code)] = "peer"
    listed_ids = {item.get("id") for item in raw if isinstance(item, dict)}
    rows, problems, seen, member_of = [], [], set(), {}
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not {"id", "code", "category"} <= item.keys():
            problems.append(Problem(fname, number, "-", msg("sotkanet.region_fields")))
            continue
        region_id, category, code = int(item["id"]), str(item["category"]), str(item["code"])
        if category == "HYVINVOINTIALUE" and region_id in OLD_COUNTY_IDS:
            if OLD_COUNTY_IDS[region_id] in listed_ids:
                continue  # listed under both ids: the current entry is the one kept
            region_id = OLD_COUNTY_IDS[region_id]
            code = COUNTY_IDS[region_id][1]
        role = wanted.get((category, code))
        if role is None and category not in NATIONAL_CATEGORIES:
            continue
        if (category, code) in seen:
            if role is not None:
                problems.append(Problem(fname, number, "code",
                                        msg("sotkanet.region_twice", category=category, code=code)))
            continue
        seen.add((category, code))
        title = item.get("title") or {}
        member_of[region_id] = [current_region_id(int(m)) for m in item.get("memberOf") or []
                                if isinstance(m, int) or str(m).isdigit()]
        rows.append({"id": region_id, "category": category, "code": code,
                     "name_fi": title.get("fi") or code, "name_sv": title.get("sv"),
                     "name_en": title.get("en"), "role": role or "other", "county_id": None})
    for (category, code), role in wanted.items():
        if (category, code) not in seen:
            # The code to fix is in hyte.toml, not in Sotkanet's list: point there.
            key = {"municipality": ("municipality", "code"), "county": ("regions", "county"),
                   "country": ("regions", "country"), "peer": ("regions", "peers")}[role]
            problems.append(Problem(config.path.name, config.line_of(*key), ".".join(key),
                                    msg("sotkanet.region_not_listed", category=category, code=code, file=fname)))
    if problems:
        return None, problems
    counties = {r["id"] for r in rows if r["category"] == "HYVINVOINTIALUE"}
    for row in rows:
        if row["category"] == "KUNTA":
            row["county_id"] = next((m for m in member_of[row["id"]] if m in counties), None)
    return pl.DataFrame(rows, schema=REGION_SCHEMA), []


VALUE_SCHEMA = {"indicator_id": pl.Int64, "region_id": pl.Int64, "year": pl.Int64, "gender": pl.Utf8,
                "value": pl.Float64, "abs_value": pl.Float64}
_KEYS = frozenset(DATA_KEYS)


def parse_data_rows(raw: object, indicator_id: int, region_ids: set[int], years: tuple[int, int],
                    fname: str) -> tuple[pl.DataFrame | None, list[Problem]]:
    """Rows of a /json data response for the wanted regions and years; anything malformed is a problem.

    Values are kept exactly as Sotkanet gives them. A row under a wellbeing services county's old id is
    kept under the current id, unless the response also has the row under the current id.
    """
    if not isinstance(raw, list):
        return None, [Problem(fname, None, "-", msg("sotkanet.not_array"))]
    frame = _clean_rows(raw, indicator_id)
    if frame is None:
        frame, problems = _checked_rows(raw, indicator_id, fname)
        if problems:
            return None, problems
    frame = (frame.with_columns(pl.col("region_id").replace(OLD_COUNTY_IDS).alias("_current"))
             .filter(pl.col("_current").is_in(list(region_ids)) & pl.col("year").is_between(*years))
             .with_columns((pl.col("_current") != pl.col("region_id")).alias("_aliased"))
             .with_columns(pl.col("_current").alias("region_id")))
    if frame["_aliased"].any():
        key = ["region_id", "year", "gender"]
        current_rows = frame.filter(~pl.col("_aliased"))
        frame = pl.concat([current_rows, frame.filter(pl.col("_aliased")).join(current_rows.select(key), on=key,
                                                                                how="anti")])
    frame = frame.select(list(VALUE_SCHEMA))
    dupes = frame.filter(frame.select(["region_id", "year", "gender"]).is_duplicated())
    if dupes.height:
        first = dupes.row(0, named=True)
        return None, [Problem(fname, None, "-", msg("sotkanet.duplicate_row", region=first["region_id"],
                                                    year=first["year"], gender=first["gender"]))]
    return frame, []


def _clean_rows(raw: list, indicator_id: int) -> pl.DataFrame | None:
    """Every row as a frame, column by column, when every row is clean; else None (`_checked_rows` then
    finds and names each problem). A national response has ~15,000 rows an indicator: row by row in
    Python this was most of a refresh."""
    if not all(type(row) is dict and row.keys() >= _KEYS for row in raw):
        return None
    try:
        frame = pl.DataFrame([
            pl.Series("indicator_id", [row["indicator"] for row in raw], dtype=pl.Int64, strict=True),
            pl.Series("region_id", [row["region"] for row in raw], dtype=pl.Int64, strict=True),
            pl.Series("year", [row["year"] for row in raw], dtype=pl.Int64, strict=True),
            pl.Series("gender", [row["gender"] for row in raw], dtype=pl.Utf8, strict=True),
            pl.Series("value", [row["value"] for row in raw], dtype=pl.Float64, strict=True),
            pl.Series("abs_value", [row.get("absValue") for row in raw], dtype=pl.Float64, strict=True),
        ])
    except (TypeError, ValueError, OverflowError, pl.exceptions.PolarsError):
        return None
    clean = frame.select(
        (pl.col("indicator_id") == indicator_id).fill_null(False).all().alias("indicator"),
        pl.col("region_id").is_not_null().all().alias("region"),
        pl.col("year").is_not_null().all().alias("year"),
        pl.col("gender").is_in(GENDERS).fill_null(False).all().alias("gender"),
        pl.col("value").is_finite().fill_null(True).all().alias("value"),
    ).row(0)
    return frame if all(clean) else None


def _checked_rows(raw: list, indicator_id: int, fname: str) -> tuple[pl.DataFrame, list[Problem]]:
    """Row by row, naming each malformed row by its number."""
    cols: dict[str, list] = {name: [] for name in VALUE_SCHEMA}
    problems: list[Problem] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict) or not set(DATA_KEYS) <= row.keys():
            problems.append(Problem(fname, number, "-", msg("sotkanet.row_fields", fields=", ".join(DATA_KEYS))))
            continue
        try:
            ind, region, year = int(row["indicator"]), int(row["region"]), int(row["year"])
            value = None if row["value"] is None else float(row["value"])
            abs_value = None if row.get("absValue") is None else float(row["absValue"])
        except (TypeError, ValueError):
            problems.append(Problem(fname, number, "value", msg("sotkanet.not_number")))
            continue
        if ind != indicator_id:
            problems.append(Problem(fname, number, "indicator",
                                    msg("sotkanet.wrong_indicator", found=ind, expected=indicator_id)))
            continue
        if row["gender"] not in GENDERS:
            problems.append(Problem(fname, number, "gender", msg("sotkanet.unknown_gender", gender=str(row["gender"]))))
            continue
        if value is not None and not math.isfinite(value):
            problems.append(Problem(fname, number, "value", msg("sotkanet.not_finite")))
            continue
        for name, item in zip(VALUE_SCHEMA, (ind, region, year, row["gender"], value, abs_value), strict=True):
            cols[name].append(item)
    return pl.DataFrame(cols, schema=VALUE_SCHEMA), problems


def check_metadata(raw: object, indicator_id: int, fname: str) -> list[Problem]:
    if not isinstance(raw, dict) or raw.get("id") != indicator_id or not isinstance(raw.get("title"), dict):
        return [Problem(fname, None, "-", msg("sotkanet.metadata_incomplete", indicator=indicator_id))]
    return []


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def read_cache(config: Config) -> tuple[SotkanetData | None, list[Problem]]:
    """Everything the plan needs from the Sotkanet cache folder, or every problem with it."""
    base = config.sotkanet_cache_dir
    wanted = [ind.id for ind in config.indicators if ind.source == "sotkanet"]
    problems: list[Problem] = []
    raw_regions, problem = _load_json(base / "regions.json", config.base_dir)
    if problem:
        return None, [problem]
    regions, region_problems = select_regions(raw_regions, config, _rel(base / "regions.json", config))
    if region_problems:
        return None, region_problems
    region_ids = set(regions["id"].to_list())
    metas, frames, updated, profile_frames = [], [], [], []
    for ind_id in wanted:
        meta, frame = _read_indicator(config, ind_id, region_ids, problems)
        if meta is not None:
            metas.append(meta)
            if parse_date(meta.get("data-updated")):
                updated.append(parse_date(meta.get("data-updated")))
        if frame is not None:
            frames.append(frame)
    if problems:
        return None, problems
    # The profile (`[regions] profile`) only explains the peers: without a whole one (Sotkanet did not
    # answer yet, a broken file) the plan's data still loads, and the screen says the profile is missing.
    profile_problems: list[Problem] = []
    for ind_id in config.profile_ids:
        _meta, frame = _read_indicator(config, ind_id, region_ids, profile_problems)
        if frame is not None:
            profile_frames.append(frame)
    if profile_problems:
        profile_frames = []
    values = pl.concat(frames) if frames else pl.DataFrame(schema=VALUE_SCHEMA)
    profile = pl.concat(profile_frames) if profile_frames else pl.DataFrame(schema=VALUE_SCHEMA)
    return SotkanetData(regions, metas, values, max(updated) if updated else None, profile), []


def _read_indicator(config: Config, ind_id: int, region_ids: set[int],
                    problems: list[Problem]) -> tuple[dict | None, pl.DataFrame | None]:
    """One indicator's metadata and values from the cache; what is wrong is added to `problems`."""
    base = config.sotkanet_cache_dir
    meta_path = base / "indicators" / f"{ind_id}.json"
    meta, problem = _load_json(meta_path, config.base_dir)
    if problem:
        problems.append(problem)
        return None, None
    meta_problems = check_metadata(meta, ind_id, _rel(meta_path, config))
    if meta_problems:
        problems.extend(meta_problems)
        return None, None
    data_path = base / "data" / f"{ind_id}.json"
    rows, problem = _load_json(data_path, config.base_dir)
    if problem:
        problems.append(problem)
        return meta, None
    frame, row_problems = parse_data_rows(rows, ind_id, region_ids, config.sotkanet_years, _rel(data_path, config))
    problems.extend(row_problems)
    return meta, frame


def _rel(path: Path, config: Config) -> str:
    return str(path.relative_to(config.base_dir)) if path.is_relative_to(config.base_dir) else str(path)
