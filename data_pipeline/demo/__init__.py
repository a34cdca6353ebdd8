"""Writes the demo package of Merilahti, a fictional coastal town: config, Sotkanet data, districts, registers.

Everything is invented except the Sotkanet indicator ids and titles. The package is deterministic: the same
seed gives byte-identical files, and "today" is the fixed TODAY below, never the clock.

Patterns built in on purpose, for a leadership group to find (tests/pipeline/test_demo.py asserts each one):
  (a) Participation barely reaches district 09 Metsälä (SPARSE_DISTRICT): two small resident evenings in
      2025 and one in 2026, under ten participants each, while most districts have 10–50 events a year.
  (b) The working-age lifecycle group `hyte_tyoikaiset` (QUIET_GROUP) met only 3 times in 2025, the last
      full year; its target is 5–6 and every other lifecycle group met 5–6 times.
  (c) Age group `older` has no NGO partner activity in districts 10 Peltola and 11 Kallioranta
      (OLDER_GAP_DISTRICTS): no NGO serving them, and no whole-municipality NGO, has an `older` activity row
      or an `older` experiential note. The older people's group also has one of its two NGO seats vacant.
  (d) Youth daily smoking, Sotkanet 288 (WORSENING_INDICATOR, lower is better), fell in Merilahti until 2022
      and has risen every year 2023–2025 while the whole country keeps falling.
Also: youth unemployment, Sotkanet 189 (CROSSING_INDICATOR), was above the whole-country level until 2023
and fell below it in 2024. Events in districts 12 Saaristo and 09 Metsälä have per-age-group counts under
5, so small-count suppression has something to suppress.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date
from pathlib import Path

from data_pipeline.demo import country, profile
from data_pipeline.demo.districts import district_features, population_rows
from data_pipeline.demo.indicators import (
    INDICATORS,
    REGIONS,
    config_toml,
    indicator_data,
    indicator_metadata,
    local_indicator_rows,
    regions_json,
)
from data_pipeline.demo.ngos import ngo_registers
from data_pipeline.demo.participation import adoption_rows, event_rows
from data_pipeline.demo.plan import plan_registers
from data_pipeline.demo.town import (
    AGE_CODES,
    CROSSING_INDICATOR,
    MUNICIPALITY_CODE,
    MUNICIPALITY_REGION_ID,
    OLDER_GAP_DISTRICTS,
    QUIET_GROUP,
    SPARSE_DISTRICT,
    TODAY,
    WORSENING_INDICATOR,
)
from data_pipeline.demo.working_groups import group_registers
from data_pipeline.inputs.registers import REGISTERS, register_columns

# What the tests and the docstring above name: the built-in patterns' anchors.
__all__ = ["AGE_CODES", "CROSSING_INDICATOR", "INDICATORS", "MUNICIPALITY_CODE", "MUNICIPALITY_REGION_ID",
           "OLDER_GAP_DISTRICTS", "QUIET_GROUP", "SPARSE_DISTRICT", "TODAY", "WORSENING_INDICATOR",
           "write_demo_package"]

# --- Writing --------------------------------------------------------------------------------------


def write_demo_package(out_dir: Path, seed: int = 2026) -> Path:
    """Write the demo package into `out_dir` (created if missing) and return the path of its hyte.toml."""
    out = Path(out_dir)
    for sub in ("registers", "sotkanet/indicators", "sotkanet/data"):
        (out / sub).mkdir(parents=True, exist_ok=True)

    def rng(domain: str) -> random.Random:
        # One stream per domain, so a change in one domain leaves the others' data unchanged.
        return random.Random(f"{seed}:{domain}")

    features = district_features(rng("districts"))
    _write_json(out / "districts.geojson", {"type": "FeatureCollection", "features": features}, indent=1)
    _write_text(out / "hyte.toml", config_toml())

    # The whole country: invented municipalities around the town, with a grid of squares for the map.
    synthetic, cells = country.assign_counties(country.regions(), country.grid())
    _write_json(out / "sotkanet" / "regions.json", regions_json(synthetic), indent=1)
    names = {r[2]: (r[3], r[4], r[5]) for r in (*REGIONS, *synthetic) if r[1] == "KUNTA"}
    country.write_boundaries(out / "boundaries" / f"kunta1000k_{country.BOUNDARIES_YEAR}.geojson",
                             country.boundaries(cells, names))
    municipalities = synthetic  # the invented counties get a value too, as every region does in /json
    sotkanet_rng, country_rng = rng("sotkanet"), rng("country")
    for ind in INDICATORS:
        metadata, data = indicator_metadata(ind, sotkanet_rng), indicator_data(ind, sotkanet_rng)
        data += country.values(data, municipalities, max(abs(ind.start), abs(ind.end)), ind.value_type == "PROS",
                               country_rng)
        _write_json(out / "sotkanet" / "indicators" / f"{ind.id}.json", metadata, indent=1)
        _write_json(out / "sotkanet" / "data" / f"{ind.id}.json", data)
    # Every region's population and age structure (`[regions] profile`): the similar municipalities.
    residents: dict[int, int] = {}
    for row in population_rows(rng("population")):
        residents[row["year"]] = residents.get(row["year"], 0) + row["population"]
    for indicator_id, rows in profile.profile_rows([*REGIONS, *synthetic], MUNICIPALITY_CODE, residents,
                                                   rng("profile")).items():
        _write_json(out / "sotkanet" / "indicators" / f"{indicator_id}.json", profile.metadata(indicator_id), indent=1)
        _write_json(out / "sotkanet" / "data" / f"{indicator_id}.json", rows)

    registers = {
        **plan_registers(),
        "district_population": population_rows(rng("population")),
        "local_indicator_values": local_indicator_rows(rng("local_indicators")),
        "events": event_rows(rng("events"), features),
        "adoption": adoption_rows(rng("adoption")),
        **group_registers(rng("groups")),
        **ngo_registers(rng("ngos")),
    }
    for name in REGISTERS:
        _write_register(out / "registers" / f"{name}.csv", name, registers[name])
    return out / "hyte.toml"


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_json(path: Path, data, indent: int | None = None) -> None:
    separators = None if indent else (",", ":")  # data files compact, as the API sends them
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n")


def _write_register(path: Path, name: str, rows: list[dict]) -> None:
    columns = [c.name for c in register_columns(name, AGE_CODES)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            if sorted(row) != sorted(columns):  # the generator and the register spec must not drift apart
                raise ValueError(f"{name}: row keys {sorted(row)} differ from columns {columns}")
            writer.writerow([_cell(row[c]) for c in columns])


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(value)
    return str(value)  # floats were rounded where they were made; str() writes a dot
