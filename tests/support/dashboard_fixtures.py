"""A small, fully known store for dashboard tests: every number a test asserts is written here."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import insert

from data_pipeline.store import schema
from data_pipeline.store.aggregates import rewrite_derived
from data_pipeline.store.engine import make_engine, upgrade

MUNICIPALITY = "Testikylä"
PLAN = "Hyvinvointisuunnitelma 2025–2028"
# code, (fi, sv, en), indicators in the area
PRIORITY_AREAS = (
    # Long, real-life names (Pori's plan): the screens must show them whole.
    ("environment", ("Viihtyisä ja turvallinen elinympäristö", "Trivsam och trygg livsmiljö",
                     "Pleasant and safe living environment"), 3),
    ("participation", ("Osallistuva ja aktiivinen asukas", "Delaktig och aktiv invånare",
                       "Participating and active resident"), 1),
    ("lifestyles", ("Terveelliset elintavat", "Hälsosamma levnadsvanor", "Healthy lifestyles"), 0),
)
AGE_GROUPS = (
    ("children_youth", ("Lapset ja nuoret", "Barn och unga", "Children and youth"), 0, 17),
    ("working_age", ("Työikäiset", "Personer i arbetsför ålder", "Working-age"), 18, 64),
    ("older", ("Ikääntyneet", "Äldre", "Older people"), 65, None),
)
DISTRICTS = (("keskusta", "Keskusta", "Centrum", 0.0), ("kylä", "Kylä", "Byn", 0.1))
REJECTED = (
    ("registers/events.csv", 7, "event_date", "päivämäärä puuttuu / date is missing"),
    ("registers/meetings.csv", 12, "group_code", "tuntematon työryhmä / unknown working group 'xx'"),
)
SUCCESS_FINISHED = datetime(2026, 11, 20, 10, 5, tzinfo=timezone.utc)  # 12.05 in Helsinki
REJECTED_STARTED = datetime(2026, 11, 21, 8, 30, tzinfo=timezone.utc)
FRESH_SOURCE, STALE_SOURCE = "registers", "sotkanet"


def _square(lon: float, lat: float) -> str:
    ring = [[lon, lat], [lon + 0.05, lat], [lon + 0.05, lat + 0.05], [lon, lat + 0.05], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def build_fixture_store(url: str, *, loaded: bool = True) -> None:
    """Create the schema at `url` and, unless `loaded` is False, fill it with the known dataset."""
    engine = make_engine(url)
    upgrade(engine)
    if not loaded:
        engine.dispose()
        return
    with engine.begin() as conn:
        conn.execute(insert(schema.municipality), [{
            "code": "999", "name_fi": MUNICIPALITY, "name_sv": "Testby", "name_en": MUNICIPALITY,
            "is_demo": True, "plan_name_fi": PLAN, "plan_name_sv": "Välfärdsplan 2025–2028",
            "plan_name_en": "Wellbeing plan 2025–2028", "plan_start_year": 2025, "plan_end_year": 2028,
        }])
        conn.execute(insert(schema.age_group), [
            {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en, "min_age": lo, "max_age": hi,
             "sort_order": i}
            for i, (code, (fi, sv, en), lo, hi) in enumerate(AGE_GROUPS)
        ])
        conn.execute(insert(schema.priority_area), [
            {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": i}
            for i, (code, (fi, sv, en), _n) in enumerate(PRIORITY_AREAS)
        ])
        conn.execute(insert(schema.district), [
            {"code": code, "name_fi": fi, "name_sv": sv, "geometry": _square(25.0 + dx, 61.0),
             "centroid_lon": 25.025 + dx, "centroid_lat": 61.025, "area_km2": 7.5}
            for code, fi, sv, dx in DISTRICTS
        ])
        indicators = [(area, n) for area, _names, count in PRIORITY_AREAS for n in range(count)]
        conn.execute(insert(schema.indicator), [
            {"id": 1000 + i, "source": "local", "priority_area_code": area, "age_group_code": None,
             "title_fi": f"Mittari {i}", "decimals": 1, "direction": "higher_better", "sort_order": i}
            for i, (area, _n) in enumerate(indicators)
        ])
        conn.execute(insert(schema.indicator_value), [
            {"indicator_id": 1000, "region_id": 1, "year": year, "gender": "total", "value": 10.0 + year % 10}
            for year in range(2020, 2025)
        ])
        conn.execute(insert(schema.load_run), [
            {"id": 1, "started_at": datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc),
             "finished_at": SUCCESS_FINISHED, "status": "success", "command": "hyte refresh",
             "message": "ok", "rows_json": json.dumps({"municipality": 1, "indicator": 4})},
            {"id": 2, "started_at": REJECTED_STARTED, "finished_at": REJECTED_STARTED,
             "status": "rejected", "command": "hyte refresh", "message": "2 virhettä / 2 problems",
             "rows_json": None},
        ])
        conn.execute(insert(schema.rejected_input), [
            {"run_id": 2, "file": file, "line": line, "column_name": column, "message": message}
            for file, line, column, message in REJECTED
        ])
        conn.execute(insert(schema.source_freshness), [
            {"source": FRESH_SOURCE, "status": "fresh", "last_success_at": SUCCESS_FINISHED,
             "last_attempt_at": SUCCESS_FINISHED, "data_updated": date(2026, 11, 19), "message": None,
             "attribution": None},
            {"source": STALE_SOURCE, "status": "stale",
             "last_success_at": datetime(2026, 1, 2, tzinfo=timezone.utc),
             "last_attempt_at": REJECTED_STARTED, "data_updated": None,
             "message": "verkkovirhe / network error", "attribution": "THL, Sotkanet.fi"},
        ])
    rewrite_derived(engine)  # what a load writes beside its data tables (data_pipeline.store.aggregates)
    engine.dispose()
