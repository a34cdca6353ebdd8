"""Districts for a new package: Statistics Finland's postal areas (Paavo), or the municipality's own GeoJSON.

For a GeoJSON the id and name properties are detected: the id is a property whose values are all
present, all different and code-like (a 5-digit postal code first); the name a text property whose
values are present and (nearly) all different — a property that is the same on every feature, such as
the municipality's name, is no district name. When the ids are postal codes, Paavo fills in what the
file lacks: names, and population by age group.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass, field

import polars as pl

from data_pipeline.init.presets import AGE_GROUPS
from data_pipeline.sources import paavo
from data_pipeline.sources.http import JsonClient

POSTAL = re.compile(r"^\d{5}$")
CODE_LIKE = re.compile(r"^[0-9A-Za-z_.-]{1,16}$")
NAME_KEYS = ("nimi", "name", "name_fi", "nimi_fi", "namn", "alue", "alueen_nimi", "district")


@dataclass
class Detected:
    features: int
    id_property: str | None
    name_property: str | None
    id_candidates: list[str] = field(default_factory=list)
    name_candidates: list[str] = field(default_factory=list)
    postal_codes: bool = False


def _values(features: list[dict], key: str) -> list:
    return [(f.get("properties") or {}).get(key) for f in features]


def detect_properties(collection: dict) -> Detected:
    features = [f for f in collection.get("features") or [] if isinstance(f, dict)]
    keys: list[str] = []
    for f in features:
        keys += [k for k in (f.get("properties") or {}) if k not in keys]
    ids, postal, names = [], [], []
    for key in keys:
        values = _values(features, key)
        if any(v in (None, "") for v in values):
            continue
        text = [str(v).strip() for v in values]
        unique = len(set(text)) == len(text)
        if unique and all(CODE_LIKE.match(t) and any(c.isdigit() for c in t) for t in text):
            (postal if all(POSTAL.match(t) for t in text) else ids).append(key)
        elif all(isinstance(v, str) for v in values) and not all(t.isdigit() for t in text):
            if len(text) == 1 or len(set(text)) >= max(2, 0.9 * len(text)):
                names.append(key)
    names.sort(key=lambda k: (k.lower() not in NAME_KEYS, keys.index(k)))
    id_candidates = postal + ids
    return Detected(len(features), id_candidates[0] if id_candidates else None, names[0] if names else None,
                    id_candidates, names, bool(postal) and id_candidates[0] in postal)


def fetch_postal_areas(client: JsonClient, year: int, municipality_code: str) -> dict:
    """Paavo's postal areas of one municipality (a GeoJSON FeatureCollection in ETRS-TM35FIN)."""
    return client.get("", f"Paavo {year} ({municipality_code})", paavo.wfs_params(year, municipality_code))


def paavo_population(collection: dict, year: int) -> pl.DataFrame:
    """Population by postal area and lifecycle age group, summed from Paavo's age bands."""
    groups = tuple(types.SimpleNamespace(code=c, min_age=lo, max_age=hi) for c, _, _, _, lo, hi in AGE_GROUPS)
    rows, problems = paavo.population_rows(types.SimpleNamespace(age_groups=groups, paavo_year=year),
                                           collection, "paavo")
    if problems or rows is None:
        return pl.DataFrame(schema={"district_code": pl.Utf8, "age_group_code": pl.Utf8, "year": pl.Int64,
                                    "population": pl.Int64})
    return rows


def with_names(collection: dict, id_property: str, names: dict[str, tuple[str, str | None]]) -> dict:
    """The collection with `name` (and `name_sv`) set from `names` by id, or the id where none is known."""
    out = dict(collection)
    out["features"] = []
    for f in collection.get("features") or []:
        props = dict(f.get("properties") or {})
        code = str(props.get(id_property))
        fi, sv = names.get(code, (code, None))
        props["name"] = fi
        if sv:
            props["name_sv"] = sv
        out["features"].append({**f, "properties": props})
    return out
