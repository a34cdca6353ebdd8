"""The participation screen's fixture store: three districts with known populations, six events, adoption.

Shared by the participation and presentation tests (every number they assert is written here).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_pipeline.load.refresh import refresh

AGES = ["young", "adult", "old"]


def square(lon: float, lat: float, size: float = 0.05) -> str:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


DISTRICTS = {"01": ("Keskusta", 21.70, 61.45), "02": ("Saari", 21.80, 61.45), "03": ("Metsä", 21.90, 61.50)}
EVENTS = """id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old
e1,Asukasilta Keskustassa,10.3.2025,01,21.72,61.47,siv,resident_evening,planning,20,30,10
e2,Työpaja <b>& kahvit</b>,20.5.2025,01,,,tek,workshop,decision,10,40,0
e3,Kysely Saaressa,1.6.2025,02,21.85,61.47,siv,survey,information,3,20,2
e4,Koko kunnan kysely,1.9.2025,,,,tek,survey,information,100,200,50
e5,Pop up -tila,1.11.2024,01,21.73,61.46,siv,popup,action,5,5,5
e6,Asukasilta Metsässä,15.10.2025,03,21.95,61.52,tek,resident_evening,information,,4,
"""
POPULATION = {"01": (1000, 3000, 1000), "02": (200, 600, 200), "03": (500, 1500, 500)}
ADOPTION = """department,year,trainings_held,units_total,units_using_model
siv,2024,2,20,4
siv,2025,3,20,10
tek,2025,0,10,2
"""


@pytest.fixture
def participation_store(mini_package: Path, tmp_path, monkeypatch) -> str:
    """Three districts with known populations (2025, and a 2026 figure the period ends before),
    six events (one in 2024, one without a district), adoption for two departments."""
    package = mini_package.parent
    features = [{"type": "Feature", "properties": {"code": code, "name": name},
                 "geometry": json.loads(square(lon, lat))} for code, (name, lon, lat) in DISTRICTS.items()]
    (package / "districts.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                                               encoding="utf-8")
    registers = package / "registers"
    lines = ["district,age_group,year,population"]
    for code, figures in POPULATION.items():
        lines += [f"{code},{age},2025,{n}" for age, n in zip(AGES, figures)]
    lines.append("01,young,2026,5000")  # after the period: must not be the denominator
    (registers / "district_population.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (registers / "events.csv").write_text(EVENTS, encoding="utf-8")
    (registers / "adoption.csv").write_text(ADOPTION, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'part.db'}"
    result = refresh(mini_package, url)
    assert result.ok, result
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url


# Sixteen postal areas, events in four of them, as a package made from a custom GeoJSON without Paavo.
SPARSE_DISTRICTS = {f"{n:02d}": (name, 23.0 + 0.06 * (n % 4), 61.4 + 0.06 * (n // 4)) for n, name in enumerate(
    ("Asema", "Harju", "Kirkonkylä", "Lamminrahka", "Lentola", "Ruutana", "Saarenmaa", "Sahalahti",
     "Suinula", "Tarastenjärvi", "Vatiala", "Vehoniemi", "Ventola", "Vääksy", "Jukola", "Pikkola"), start=1)}
SPARSE_EVENTS = """id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old
s1,Asukasilta Asemalla,10.3.2025,01,,,siv,resident_evening,planning,20,30,10
s2,Työpaja Harjussa,20.5.2025,02,,,tek,workshop,decision,10,40,0
s3,Kysely Kirkonkylässä,1.6.2025,03,,,siv,survey,information,3,20,2
s4,Pop up Lamminrahkassa,1.9.2025,04,,,tek,popup,action,5,10,5
"""


def sparse_store(package: Path, tmp_path: Path, population: dict[str, tuple[int, int, int]]) -> str:
    """The mini package with SPARSE_DISTRICTS, SPARSE_EVENTS and `population` (may be empty: the
    register then holds its header only), loaded into a fresh SQLite store."""
    features = [{"type": "Feature", "properties": {"code": code, "name": name},
                 "geometry": json.loads(square(lon, lat))} for code, (name, lon, lat) in SPARSE_DISTRICTS.items()]
    (package / "districts.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                                               encoding="utf-8")
    registers = package / "registers"
    lines = ["district,age_group,year,population"]
    for code, figures in population.items():
        lines += [f"{code},{age},2025,{n}" for age, n in zip(AGES, figures)]
    (registers / "district_population.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (registers / "events.csv").write_text(SPARSE_EVENTS, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'sparse.db'}"
    result = refresh(package / "hyte.toml", url)
    assert result.ok, result
    return url


@pytest.fixture
def no_population_store(mini_package: Path, tmp_path, monkeypatch) -> str:
    """Sixteen districts, events in four, and no population at all (district_population.csv empty)."""
    url = sparse_store(mini_package.parent, tmp_path, {})
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url


@pytest.fixture
def partial_population_store(mini_package: Path, tmp_path, monkeypatch) -> str:
    """Sixteen districts, events in four; population only for the first two and for 05 (no events there)."""
    url = sparse_store(mini_package.parent, tmp_path, {"01": (1000, 3000, 1000), "02": (200, 600, 200),
                                                        "05": (300, 900, 300)})
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url
