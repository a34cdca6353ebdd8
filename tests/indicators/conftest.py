"""Fixtures of the indicator screens' tests: a store the real pipeline loaded from known series."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_pipeline.load.refresh import refresh


def rows(indicator: int, region: int, values: dict[int, float]) -> list[dict]:
    return [{"indicator": indicator, "region": region, "year": y, "gender": "total", "value": v, "absValue": None}
            for y, v in values.items()]


@pytest.fixture
def indicator_store(mini_package: Path, tmp_path, monkeypatch) -> str:
    """Two indicators with known series: 127 rises (higher is better); 288 improved, then turned worse."""
    cache = mini_package.parent / "sotkanet"
    data127 = (rows(127, 9999, {2020: 95.0, 2021: 97.0, 2022: 99.0, 2023: 100.0, 2024: 104.5})
               + rows(127, 976, {2023: 1990.0, 2024: 2000.0}) + rows(127, 658, {2023: 90.0, 2024: 101.0}))
    (cache / "data" / "127.json").write_text(json.dumps(data127), encoding="utf-8")
    meta = json.loads((cache / "indicators" / "127.json").read_text(encoding="utf-8"))
    meta.update(id=288, title={"fi": "Tupakoi päivittäin, % 8. ja 9. luokan oppilaista",
                               "sv": "Röker dagligen, % av eleverna i årskurs 8 och 9",
                               "en": "Smokes daily, % of pupils in 8th and 9th grade"},
                primaryValueType={"code": "PROS", "title": {"fi": "prosentti"}}, decimals=1)
    (cache / "indicators" / "288.json").write_text(json.dumps(meta), encoding="utf-8")
    data288 = (rows(288, 9999, {2020: 12.0, 2021: 11.0, 2022: 10.0, 2023: 9.0, 2024: 10.5})
               + rows(288, 658, {2023: 9.5, 2024: 9.0}))
    data288.append({"indicator": 288, "region": 9999, "year": 2024, "gender": "male", "value": 11.0, "absValue": None})
    (cache / "data" / "288.json").write_text(json.dumps(data288), encoding="utf-8")
    config = mini_package.read_text(encoding="utf-8") + (
        '\n[[indicators]]\nid = 288\npriority_area = "life"\nage_group = "young"\ndirection = "lower_better"\n'
        "target = 8.0\ntarget_year = 2028\n")
    mini_package.write_text(config, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ind.db'}"
    assert refresh(mini_package, url).ok
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url
