"""Reach without population: the screens say it cannot be computed and why, show counts instead, and
never rank or call low (or reached) a district whose reach is unknown (issue 15)."""

from __future__ import annotations

import json

import pytest
from support.screen_helpers import open_screen, screen_text

from dashboard.core.formatting import NBSP

PERIOD = {"from": "2025", "to": "2025"}
FILL = "registers/district_population.csv"


def text_of(at) -> str:
    return screen_text(at).replace(NBSP, " ")


def specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


@pytest.mark.parametrize("lang, every, low_zero, cannot, counts, no_events", [
    ("fi", "Jokainen alue tavoitettu", "Heikosti tavoitettuja alueita: 0", "Tavoittavuutta ei voi laskea",
     "Tapahtumia 4/16 alueella.", "Ei tapahtumia: Harju"),
    ("sv", "Alla områden nådda", "Svagt nådda områden: 0", "Räckvidden kan inte beräknas",
     "Evenemang i 4 av 16 områden.", "Inga evenemang: Harju"),
    ("en", "Every district reached", "Districts barely reached: 0", "Reach cannot be computed",
     "Events in 4 of 16 districts.", "No events: Harju"),
])
def test_without_population_the_screens_count_and_say_why(no_population_store, lang, every, low_zero, cannot,
                                                          counts, no_events):
    overview = text_of(open_screen(None, lang=lang, **PERIOD))
    assert every not in overview
    assert "4/16" in overview and cannot in overview

    at = open_screen("participation.py", lang=lang, **PERIOD)
    text = text_of(at)
    assert low_zero not in text
    assert cannot in text and FILL in text and 'source = "paavo"' in text
    assert counts in text
    # Events in 01-04 (Asema, Harju, Kirkonkylä, Lamminrahka): the twelve others are named as without.
    assert no_events.replace("Harju", "Jukola") in text and "Lentola" in text
    # The best reached is never a district without events (nor any district: reach is unknown).
    assert "Korkein tavoittavuus" not in text and "Highest reach" not in text and "Högst räckvidd" not in text
    ranked = next(spec for spec in specs(at) if "layer" in spec
                  and (spec["layer"][0]["encoding"].get("x", {}).get("axis") or {}).get("format") == "d")
    assert ranked["layer"][0]["encoding"]["x"]["title"] == {"fi": "Osallistumiskertoja", "sv": "Deltaganden",
                                                            "en": "Participations"}[lang]  # never "0,000000"
    reach_axis = {"fi": "Per 1 000 asukasta", "sv": "Per 1 000 invånare", "en": "Per 1,000 residents"}[lang]
    assert reach_axis not in json.dumps(specs(at), ensure_ascii=False)  # no chart of a reach nobody knows


def test_without_population_the_district_panel_and_table_judge_nothing(no_population_store):
    at = open_screen("participation.py", lang="fi", pdistrict="05", **PERIOD)
    text = text_of(at)
    assert "alue on heikosti tavoitettu" not in text
    assert "Alueelle ei ole asukaslukua" in text
    assert "sija 0" not in text
    table = next(d.value for d in at.dataframe if "Heikosti tavoitettu" in d.value.columns)
    assert set(table["Heikosti tavoitettu"]) == {"–"}


def test_partial_population_is_named_and_never_judged(partial_population_store):
    at = open_screen("participation.py", lang="fi", **PERIOD)
    text = text_of(at)
    assert "Asukasluku puuttuu 13/16 alueelta" in text
    # Kirkonkylä (03) had events but has no population: never low, never ranked, never the lowest.
    low_line = next(line for line in text.splitlines() if "Heikosti tavoitetut" in line)
    assert "Kirkonkylä" not in low_line and "Lentola" in low_line
    assert "Matalin: Lentola" in text
    # Issue 23: the whole municipality's reach from its own population (the store's profile of Testilä),
    # never all participations over some districts' residents.
    assert "Tavoittavuus / 1 000 asukasta: 1 490" in text

    tile = text_of(open_screen(None, lang="fi", **PERIOD))
    assert "Jokainen alue tavoitettu" not in tile
    assert "koko kunnan asukasluvusta (Sotkanet); alueiden väestö piilotettu: " in tile and "Kirkonkylä" in tile

    district = text_of(open_screen(None, lang="fi", district="03", **PERIOD))
    assert "Kirkonkylä: osallistumiskertaa; asukasluku puuttuu" in district
    assert "Kirkonkylä: sija" not in district


def test_the_counts_chart_writes_0_for_a_district_without_events_and_hides_small_counts():
    from datetime import date

    import polars as pl

    from dashboard.participation import metrics, view

    rows = pl.DataFrame([
        {"event_id": "a", "title": "A", "event_date": date(2025, 3, 1), "district_code": "A", "lon": None, "lat": None,
         "department_code": "siv", "event_type": "workshop", "level": "planning", "age_group_code": "young",
         "participants": 60},
        {"event_id": "b", "title": "B", "event_date": date(2025, 4, 1), "district_code": "B", "lon": None, "lat": None,
         "department_code": "siv", "event_type": "workshop", "level": "planning", "age_group_code": "young",
         "participants": 3}])
    empty = pl.DataFrame(schema={"district_code": pl.Utf8, "age_group_code": pl.Utf8, "year": pl.Int64,
                                 "population": pl.Int64})
    reached = metrics.reach_view(rows, empty, ["A", "B", "C"], None, ("workshop",))
    assert reached["without_population"] == ["A", "B", "C"] and reached["summary"]["reach"] is None
    assert not reached["districts"]["low"].any()
    frame = view.district_frame(reached, {"A": "Asema", "B": "Harju", "C": "Jukola"}, "fi")
    spec = view.ranked_chart(reached, frame, "fi")
    texts = {v["name"]: v["text"] for v in spec["data"]["values"]}
    assert texts == {"Asema": "60", "Harju": "< 5", "Jukola": "0"}  # no events: 0; a small count stays hidden
    assert spec["description"] == "Tapahtumia 2/3 alueella. Eniten osallistumiskertoja: Asema (60). Ei tapahtumia: Jukola."
    assert view.extremes(frame) is None and view.rank(reached["districts"], "A") == (0, 0)
