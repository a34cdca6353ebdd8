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

from data_pipeline.config import Config, RegionRef
from data_pipeline.problems import Problem

ATTRIBUTION = "Lähde: THL, Sotkanet.fi, CC BY 4.0"
GENDERS = ("total", "male", "female")
DATA_KEYS = ("indicator", "region", "year", "gender", "value")


@dataclass(frozen=True)
class SotkanetData:
    regions: pl.DataFrame        # id, category, code, name_fi, name_sv, name_en, role
    indicators: list[dict]       # metadata per indicator id, as Sotkanet gives it
    values: pl.DataFrame         # indicator_id, region_id, year, gender, value, abs_value
    data_updated: dt.date | None  # newest data-updated over the plan's indicators


MISSING = "tiedosto puuttuu / file is missing"


def _load_json(path: Path, base: Path) -> tuple[object | None, Problem | None]:
    rel = str(path.relative_to(base)) if path.is_relative_to(base) else path.name
    if not path.is_file():
        return None, Problem(rel, None, "-", MISSING)
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        # A truncated download ends mid-value; json names the line where it gave up.
        line = getattr(exc, "lineno", None)
        return None, Problem(rel, line, "-", f"vastaus on rikki tai katkennut / malformed or truncated JSON: {exc}")


def select_regions(raw: object, config: Config, fname: str) -> tuple[pl.DataFrame | None, list[Problem]]:
    """The configured regions from a /regions response, each with its role."""
    if not isinstance(raw, list):
        return None, [Problem(fname, None, "-", "pitää olla JSON-taulukko / must be a JSON array")]
    wanted: dict[tuple[str, str], str] = {("KUNTA", config.municipality_code): "municipality"}
    for ref, role in ((config.county, "county"), (config.country, "country")):
        if ref is not None:
            wanted[(ref.category, ref.code)] = role
    for code in config.peers:
        wanted[("KUNTA", code)] = "peer"
    rows, problems = [], []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not {"id", "code", "category"} <= item.keys():
            problems.append(Problem(fname, number, "-", "alueelta puuttuu id, code tai category / region lacks id, code or category"))
            continue
        role = wanted.get((str(item["category"]), str(item["code"])))
        if role is None:
            continue
        if any(r["category"] == str(item["category"]) and r["code"] == str(item["code"]) for r in rows):
            problems.append(Problem(fname, number, "code", f"alue {item['category']} {item['code']} on listassa "
                                                           "kahdesti / region listed twice"))
            continue
        title = item.get("title") or {}
        rows.append({"id": int(item["id"]), "category": str(item["category"]), "code": str(item["code"]),
                     "name_fi": title.get("fi") or str(item["code"]), "name_sv": title.get("sv"),
                     "name_en": title.get("en"), "role": role})
    found = {(r["category"], r["code"]) for r in rows}
    for (category, code), role in wanted.items():
        if (category, code) not in found:
            # The code to fix is in hyte.toml, not in Sotkanet's list: point there.
            key = {"municipality": ("municipality", "code"), "county": ("regions", "county"),
                   "country": ("regions", "country"), "peer": ("regions", "peers")}[role]
            problems.append(Problem(config.path.name, config.line_of(*key), ".".join(key),
                                    f"alue {category} {code} puuttuu Sotkanetin aluelistasta ({fname}); tarkista "
                                    f"koodi / region not in Sotkanet's region list ({fname}); check the code"))
    if problems:
        return None, problems
    return pl.DataFrame(rows, schema={"id": pl.Int64, "category": pl.Utf8, "code": pl.Utf8, "name_fi": pl.Utf8,
                                      "name_sv": pl.Utf8, "name_en": pl.Utf8, "role": pl.Utf8}), []


def parse_data_rows(raw: object, indicator_id: int, region_ids: set[int], years: tuple[int, int],
                    fname: str) -> tuple[pl.DataFrame | None, list[Problem]]:
    """Rows of a /json data response for the wanted regions and years; anything malformed is a problem."""
    if not isinstance(raw, list):
        return None, [Problem(fname, None, "-", "pitää olla JSON-taulukko / must be a JSON array")]
    cols: dict[str, list] = {"indicator_id": [], "region_id": [], "year": [], "gender": [], "value": [], "abs_value": []}
    problems: list[Problem] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict) or not set(DATA_KEYS) <= row.keys():
            problems.append(Problem(fname, number, "-", f"rivistä puuttuu jokin kentistä / row lacks one of {', '.join(DATA_KEYS)}"))
            continue
        try:
            ind, region, year = int(row["indicator"]), int(row["region"]), int(row["year"])
            value = None if row["value"] is None else float(row["value"])
            abs_value = None if row.get("absValue") is None else float(row["absValue"])
        except (TypeError, ValueError):
            problems.append(Problem(fname, number, "value", "ei luku / not a number"))
            continue
        if ind != indicator_id:
            problems.append(Problem(fname, number, "indicator", f"indikaattori {ind}, odotettiin / expected {indicator_id}"))
            continue
        if row["gender"] not in GENDERS:
            problems.append(Problem(fname, number, "gender", f"tuntematon sukupuoli / unknown gender '{row['gender']}'"))
            continue
        if value is not None and not math.isfinite(value):
            problems.append(Problem(fname, number, "value", "arvo ei ole äärellinen / value is not finite"))
            continue
        if region not in region_ids or not years[0] <= year <= years[1]:
            continue
        cols["indicator_id"].append(ind)
        cols["region_id"].append(region)
        cols["year"].append(year)
        cols["gender"].append(row["gender"])
        cols["value"].append(value)
        cols["abs_value"].append(abs_value)
    if problems:
        return None, problems
    frame = pl.DataFrame(cols, schema={"indicator_id": pl.Int64, "region_id": pl.Int64, "year": pl.Int64,
                                       "gender": pl.Utf8, "value": pl.Float64, "abs_value": pl.Float64})
    dupes = frame.filter(frame.select(["region_id", "year", "gender"]).is_duplicated())
    if dupes.height:
        first = dupes.row(0, named=True)
        return None, [Problem(fname, None, "-", f"sama alue, vuosi ja sukupuoli kahdesti / duplicate row: region "
                                                f"{first['region_id']} year {first['year']} {first['gender']}")]
    return frame, []


def check_metadata(raw: object, indicator_id: int, fname: str) -> list[Problem]:
    if not isinstance(raw, dict) or raw.get("id") != indicator_id or not isinstance(raw.get("title"), dict):
        return [Problem(fname, None, "-", f"indikaattorin {indicator_id} kuvailutiedot ovat vajaat / metadata incomplete")]
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
    wanted = [ind for ind in config.indicators if ind.source == "sotkanet"]
    problems: list[Problem] = []
    raw_regions, problem = _load_json(base / "regions.json", config.base_dir)
    if problem:
        return None, [problem]
    regions, region_problems = select_regions(raw_regions, config, _rel(base / "regions.json", config))
    if region_problems:
        return None, region_problems
    region_ids = set(regions["id"].to_list())
    metas, frames, updated = [], [], []
    for ind in wanted:
        meta_path = base / "indicators" / f"{ind.id}.json"
        meta, problem = _load_json(meta_path, config.base_dir)
        if problem:
            problems.append(problem)
            continue
        meta_problems = check_metadata(meta, ind.id, _rel(meta_path, config))
        if meta_problems:
            problems.extend(meta_problems)
            continue
        metas.append(meta)
        if parse_date(meta.get("data-updated")):
            updated.append(parse_date(meta.get("data-updated")))
        data_path = base / "data" / f"{ind.id}.json"
        rows, problem = _load_json(data_path, config.base_dir)
        if problem:
            problems.append(problem)
            continue
        frame, row_problems = parse_data_rows(rows, ind.id, region_ids, config.sotkanet_years, _rel(data_path, config))
        problems.extend(row_problems)
        if frame is not None:
            frames.append(frame)
    if problems:
        return None, problems
    values = pl.concat(frames) if frames else parse_data_rows([], 0, set(), (0, 0), "-")[0]
    return SotkanetData(regions, metas, values, max(updated) if updated else None), []


def _rel(path: Path, config: Config) -> str:
    return str(path.relative_to(config.base_dir)) if path.is_relative_to(config.base_dir) else str(path)
