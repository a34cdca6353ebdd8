"""A store with ranks: the mini package with six more municipalities in two counties, two of them peers."""

from __future__ import annotations

import json
from pathlib import Path

from data_pipeline.load.refresh import refresh

OWN = 9999
# Municipalities beside the own one (Testilä 9999, county 976) and Pori (292, 84 000 in 2024 only): id, code, name, county, {year: value of 127}.
OTHERS = (
    (9101, "101", "Ykslä", 976, {2023: 102.0, 2024: 110.0}),
    (9102, "102", "Kakkula", 976, {2023: 101.0, 2024: 104.5}),  # ties with the own municipality in 2024
    (9103, "103", "Kolmila", 976, {2023: 95.0, 2024: 90.0}),
    (9104, "104", "Nelilä", 977, {2023: 100.5, 2024: 120.0}),
    (9105, "105", "Viitola", 977, {2023: 80.0, 2024: 80.0}),
    (9106, "106", "Kuusela", 977, {2023: 130.0}),  # no value in 2024: not ranked, not last
)


def _rows(indicator: int, region: int, values: dict[int, float]) -> list[dict]:
    return [{"indicator": indicator, "region": region, "year": y, "gender": "total", "value": v, "absValue": None}
            for y, v in values.items()]


def build_rank_store(mini_package: Path, tmp_path: Path) -> str:
    """The mini package with six more municipalities in two counties; two of them are peers. Returns its URL."""
    cache = mini_package.parent / "sotkanet"
    regions = json.loads((cache / "regions.json").read_text(encoding="utf-8"))
    regions.append({"id": 977, "code": "7", "category": "HYVINVOINTIALUE",
                    "title": {"fi": "Toinen hyvinvointialue", "sv": "Annat välfärdsområde", "en": "Other county"},
                    "memberOf": []})
    for rid, code, name, county, _values in OTHERS:
        regions.append({"id": rid, "code": code, "category": "KUNTA", "title": {"fi": name, "sv": name, "en": name},
                        "memberOf": [county]})
    (cache / "regions.json").write_text(json.dumps(regions), encoding="utf-8")
    data = json.loads((cache / "data" / "127.json").read_text(encoding="utf-8"))
    for rid, _code, _name, _county, values in OTHERS:
        data += _rows(127, rid, values)
    (cache / "data" / "127.json").write_text(json.dumps(data), encoding="utf-8")
    config = mini_package.read_text(encoding="utf-8").replace(
        'country = { category = "MAA", code = "358" }',
        'country = { category = "MAA", code = "358" }\npeers = ["101", "102"]')
    mini_package.write_text(config, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ranks.db'}"
    assert refresh(mini_package, url).ok
    return url


def add_squares(url: str) -> None:
    """A square boundary for each municipality of the rank store (999 own, 101–106, Pori 609) in a row."""
    from sqlalchemy import insert

    from data_pipeline.store import schema
    from data_pipeline.store.engine import make_engine

    codes = ["999", "101", "102", "103", "104", "105", "106", "609"]
    rows = []
    for i, code in enumerate(codes):
        lon, lat = 21.0 + 0.5 * i, 61.0
        ring = [[lon, lat], [lon + 0.5, lat], [lon + 0.5, lat + 0.5], [lon, lat + 0.5], [lon, lat]]
        rows.append({"code": code, "name_fi": f"Kunta {code}", "name_sv": None, "name_en": None, "year": 2025,
                     "geometry": json.dumps({"type": "Polygon", "coordinates": [ring]})})
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(schema.municipality_shape), rows)
    engine.dispose()
