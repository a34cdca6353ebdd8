"""Paavo hides a small postal area's population (Kuusamo 93830, value -1): the whole municipality's reach
was "–" on screen and in the PDF. Now it is computed from the municipality's own population (Sotkanet,
its profile), the hidden areas are named, and the hint names the register, not a file that is not there
(issue 23)."""

from __future__ import annotations

import polars as pl
from support.screen_helpers import open_screen, screen_text
from sqlalchemy import insert, select, update

from dashboard.core.formatting import NBSP
from dashboard.participation import metrics
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

PERIOD = {"from": "2025", "to": "2025"}


def test_whole_municipality_reach_from_its_own_population_when_some_districts_are_hidden():
    totals = pl.DataFrame({"breakdown": ["district", "district"], "code": ["A", "B"], "year": [2025, 2025],
                           "age_group_code": ["young", "young"], "participants": [60, 40], "events": [1, 1]})
    population = pl.DataFrame({"district_code": ["A"], "age_group_code": ["young"], "year": [2025],
                               "population": [500]})

    hidden = metrics.reach_view_of_totals(totals, population, ["A", "B"], None, ("workshop",), whole_population=2000)
    unknown = metrics.reach_view_of_totals(totals, population, ["A", "B"], None, ("workshop",))

    assert hidden["without_population"] == ["B"]
    assert hidden["summary"]["reach"] == 100 * 1000 / 2000 and hidden["summary"]["population_from"] == "municipality"
    assert unknown["summary"]["reach"] is None  # without the municipality's own figure: still not guessed
    by_age = metrics.reach_view_of_totals(totals, population, ["A", "B"], "young", ("workshop",), whole_population=2000)
    assert by_age["summary"]["reach"] is None  # Sotkanet's total is not an age group's


def test_the_screens_show_the_reach_and_name_the_hidden_districts(partial_population_store):
    engine = make_engine(partial_population_store)
    with engine.begin() as conn:
        own = conn.execute(select(schema.region.c.id).where(schema.region.c.role == "municipality")).scalar()
        profile = schema.municipality_profile
        if conn.execute(select(profile.c.region_id).where(profile.c.region_id == own)).first():
            conn.execute(update(profile).where(profile.c.region_id == own).values(population=20000.0))
        else:
            conn.execute(insert(profile).values(region_id=own, year=2024, population=20000.0))
    engine.dispose()

    tile = screen_text(open_screen(None, lang="fi", **PERIOD)).replace(NBSP, " ")
    assert "koko kunnan asukasluvusta (Sotkanet); alueiden väestö piilotettu: " in tile
    assert "Kirkonkylä" in tile
    text = screen_text(open_screen("participation.py", lang="fi", **PERIOD)).replace(NBSP, " ")
    assert "Tavoittavuus / 1 000 asukasta: –" not in text
    assert "Asukasluku puuttuu 13/16 alueelta" in text and "district_population.csv" not in text
    assert "rekisteriin Alueiden väestö" in text or "Rekisterit-sivulla" in text
