"""Participation reach: the computations on hand-made frames, the map's spec, and the screen on a store
the real pipeline loaded from known registers (fi, sv, en; filters and the screen's own URL parameters)."""

from __future__ import annotations

import json
import re
from datetime import date

import polars as pl
import pytest
from support.dashboard_fixtures import build_fixture_store
from support.screen_helpers import open_screen, screen_text
from streamlit.testing.v1 import AppTest

from dashboard.participation import charts
from dashboard.participation import metrics as m
from dashboard.participation import queries as q
from dashboard.participation import reach_map
from dashboard.core.formatting import NBSP, WORD_JOINER
from dashboard.core.i18n import translate
from dashboard.participation.widgets import picked_district
from support.participation_fixtures import square
from data_pipeline.store.engine import make_engine

AGES = ["young", "adult", "old"]


# --- hand-made frames -----------------------------------------------------------------------------

def event(event_id: str, district: str | None, day: date, young: int = 0, adult: int = 0, old: int = 0, *,
          event_type: str = "workshop", level: str = "planning", department: str = "siv") -> list[dict]:
    """The query layer's rows for one event: one per age group with participants."""
    base = {"event_id": event_id, "title": f"Tapahtuma {event_id}", "event_date": day, "district_code": district,
            "lon": None, "lat": None, "department_code": department, "event_type": event_type, "level": level}
    counts = {"young": young, "adult": adult, "old": old}
    return [{**base, "age_group_code": age, "participants": n} for age, n in counts.items() if n]


def rows(*events: list[dict]) -> pl.DataFrame:
    schema = {"event_id": pl.Utf8, "title": pl.Utf8, "event_date": pl.Date, "district_code": pl.Utf8,
              "lon": pl.Float64, "lat": pl.Float64, "department_code": pl.Utf8, "event_type": pl.Utf8,
              "level": pl.Utf8, "age_group_code": pl.Utf8, "participants": pl.Int64}
    return pl.DataFrame([r for e in events for r in e], schema=schema)


def population(figures: dict[str, dict[str, int]]) -> pl.DataFrame:
    return pl.DataFrame([{"district_code": d, "age_group_code": a, "year": 2025, "population": n}
                         for d, ages in figures.items() for a, n in ages.items()])


POP = population({"A": {"young": 1000, "adult": 3000, "old": 1000},
                  "B": {"young": 200, "adult": 600, "old": 200},
                  "C": {"young": 500, "adult": 1500, "old": 500}})
ROWS = rows(
    event("e1", "A", date(2025, 3, 10), 20, 30, 10, event_type="resident_evening"),
    event("e2", "A", date(2025, 5, 20), 10, 40, 0, level="decision", department="tek"),
    event("e3", "B", date(2025, 6, 1), 3, 20, 2, event_type="survey", level="information"),
    event("e4", None, date(2025, 9, 1), 100, 200, 50, event_type="survey", level="information", department="tek"),
    event("e6", "C", date(2025, 10, 15), 0, 4, 0, event_type="resident_evening", level="information"),
)


def by_code(frame: pl.DataFrame, key: str = "district_code") -> dict[str, dict]:
    return {r[key]: r for r in frame.iter_rows(named=True)}


def test_reach_is_participants_per_1000_residents_of_the_age_group():
    every = by_code(m.district_reach(ROWS, POP, ["A", "B", "C"], None))
    assert every["A"]["participants"] == 110 and every["A"]["population"] == 5000
    assert every["A"]["reach"] == pytest.approx(22.0)
    assert every["B"]["reach"] == pytest.approx(25.0)
    young = by_code(m.district_reach(ROWS, POP, ["A", "B", "C"], "young"))
    assert young["A"]["participants"] == 30 and young["A"]["population"] == 1000
    assert young["A"]["reach"] == pytest.approx(30.0)
    assert young["A"]["events"] == 2  # events count whatever the age group


def test_events_without_a_district_count_for_the_municipality_only():
    summary = m.municipality_summary(ROWS, POP, None)
    assert summary["participants"] == 489 and summary["population"] == 8500
    assert summary["reach"] == pytest.approx(489 * 1000 / 8500)
    assert summary["events_without_district"] == 1 and summary["participants_without_district"] == 350
    districts = m.district_reach(ROWS, POP, ["A", "B", "C"], None)
    assert districts["participants"].sum() == 489 - 350


def test_a_district_without_events_or_population_is_listed_not_guessed():
    frame = by_code(m.district_reach(ROWS, POP, ["A", "B", "C", "D"], None))
    assert frame["D"]["participants"] == 0 and frame["D"]["events"] == 0
    assert frame["D"]["population"] is None and frame["D"]["reach"] is None
    marked, _median = m.mark_low(m.suppress(m.district_reach(ROWS, POP, ["A", "B", "C", "D"], None)))
    assert not by_code(marked)["D"]["low"]  # no population: not judged


def test_small_counts_are_suppressed_and_their_reach_only_bounded():
    shown = by_code(m.suppress(m.district_reach(ROWS, POP, ["A", "B", "C"], None)))
    assert shown["C"]["suppressed"] and shown["C"]["participants"] is None and shown["C"]["reach"] is None
    assert shown["C"]["reach_bound"] == pytest.approx(2.0)  # 5 per 2 500 residents
    assert not shown["A"]["suppressed"] and shown["A"]["participants"] == 110
    young = by_code(m.suppress(m.district_reach(ROWS, POP, ["A", "B", "C"], "young")))
    assert young["B"]["suppressed"] and young["B"]["participants"] is None  # 3 young participants
    # 0 young participants identify no one: shown as 0, not "< 5" (issue 27; was asserted suppressed).
    assert not young["C"]["suppressed"] and young["C"]["participants"] == 0


def test_a_lone_small_cell_is_protected_by_its_neighbour():
    # 12 + 30 + 3 = 45 is shown on the map: hiding only the 3 would give it back.
    frame = pl.DataFrame({"age_group_code": AGES, "participants": [12, 30, 3], "population": [100, 300, 100]})
    out = m.suppress_complementary(frame.with_columns((pl.col("participants") * 10.0).alias("reach")))
    assert out["suppressed"].to_list() == [True, False, True]
    assert out["participants"].to_list() == [None, 30, None] and out["reach"].to_list() == [None, 300.0, None]
    two = m.suppress_complementary(frame.with_columns(pl.Series("participants", [2, 30, 3])))
    assert two["suppressed"].to_list() == [True, False, True]  # two hidden already: nothing more


def test_reach_by_age_hides_small_cells_of_the_district():
    by_age = by_code(m.reach_by_age(ROWS, POP, "B", AGES), "age_group_code")
    assert by_age["adult"]["participants"] == 20 and by_age["adult"]["reach"] == pytest.approx(20 / 600 * 1000)
    assert by_age["young"]["participants"] is None and by_age["old"]["participants"] is None


def test_barely_reached_is_under_a_quarter_of_the_median_or_suppressed():
    marked, median = m.mark_low(m.suppress(m.district_reach(ROWS, POP, ["A", "B", "C"], None)))
    assert median == pytest.approx(23.5)
    assert by_code(marked)["C"]["low"] and not by_code(marked)["A"]["low"]
    frame = pl.DataFrame({"district_code": ["a", "b", "c"], "participants": [400, 100, 90],
                          "population": [1000, 1000, 1000], "reach": [400.0, 100.0, 90.0],
                          "suppressed": [False] * 3})
    low, median = m.mark_low(frame)
    assert median == 100.0 and low["low"].to_list() == [False, False, False]
    low, _ = m.mark_low(frame.with_columns(pl.Series("reach", [400.0, 100.0, 24.9])))
    assert low["low"].to_list() == [False, False, True]


def test_narrowing_by_type_level_and_department():
    assert m.narrow(ROWS, event_types=("survey",))["event_id"].unique().sort().to_list() == ["e3", "e4"]
    assert m.narrow(ROWS, levels=("decision",))["event_id"].unique().to_list() == ["e2"]
    assert set(m.narrow(ROWS, departments=("tek",))["event_id"]) == {"e2", "e4"}
    assert m.narrow(ROWS).height == ROWS.height


def test_quarters_from_first_to_last_event_with_small_quarters_hidden():
    trend = m.quarterly(ROWS, POP, "A", None)
    own = trend.filter(pl.col("series") == "district")
    assert own["quarter"].to_list() == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"]
    assert own["reach"].to_list()[:2] == pytest.approx([12.0, 10.0])
    # A's Q3 and Q4 had no participants: 0, not "< 5" (issue 27; these were asserted hidden).
    assert own["suppressed"].to_list() == [False, False, False, False] and own["participants"][2:].to_list() == [0, 0]
    assert own["reach"].to_list()[2:] == [0.0, 0.0]
    whole = trend.filter(pl.col("series") == "municipality")
    assert whole["participants"].to_list() == [60, 75, 350, 4]  # the municipality's figures are large enough


def test_level_mix_and_reach_by_type():
    mix = by_code(m.level_mix(ROWS, None), "level")
    assert list(mix) == list(m.LEVELS)
    assert mix["information"]["participants"] == 379 and mix["information"]["share"] == pytest.approx(379 / 489)
    # No action-level events: 0, not "< 5" (issue 27; this was asserted hidden).
    assert not mix["action"]["suppressed"] and mix["action"]["participants"] == 0
    small = by_code(m.level_mix(rows(event("s1", "A", date(2025, 3, 1), 0, 3, 0, level="action")), None), "level")
    assert small["action"]["suppressed"] and small["action"]["participants"] is None  # 1–4 stay hidden
    types = m.reach_by_type(ROWS, POP, None, ("resident_evening", "survey", "workshop", "popup"))
    assert types["event_type"].to_list() == ["survey", "resident_evening", "workshop"]  # popup: no events
    assert types["reach"][0] == pytest.approx(375 * 1000 / 8500)


def test_adoption_lags_under_30_percent_or_without_trainings():
    adoption = pl.DataFrame({"department_code": ["siv", "siv", "tek", "kul"], "year": [2024, 2025, 2025, 2025],
                             "trainings_held": [2, 3, 4, 0], "units_total": [20, 20, 10, 10],
                             "units_using_model": [4, 10, 2, 8]})
    frame = by_code(m.adoption_by_department(adoption, ROWS, ["siv", "tek", "kul", "x"]), "department_code")
    assert frame["siv"]["trainings"] == 5 and frame["siv"]["year"] == 2025 and frame["siv"]["share"] == 0.5
    assert not frame["siv"]["lagging"]
    assert frame["tek"]["lagging"] and frame["tek"]["share"] == 0.2  # 2 of 10 units
    assert frame["kul"]["lagging"]  # 80 % use it, but no training was held
    assert not frame["x"]["lagging"] and frame["x"]["share"] is None  # no figures: not judged
    assert frame["siv"]["events"] == 3 and frame["siv"]["events_information"] == 2
    levels = m.department_levels(m.adoption_by_department(adoption, ROWS, ["siv"]))
    assert levels.filter(pl.col("level") == "planning")["share"][0] == pytest.approx(1 / 3)


def test_class_breaks_are_rounded_quantiles():
    assert reach_map.class_breaks([3.5, 223, 291, 369, 395, 409, 486, 510, 566, 600, 642, 844]) == [
        310.0, 400.0, 500.0, 590.0]
    assert reach_map.class_breaks([10.0, 10.0]) == [] and reach_map.class_breaks([]) == []
    assert reach_map.class_of(399.9, [310.0, 400.0]) == 1 and reach_map.class_of(400.0, [310.0, 400.0]) == 2
    assert reach_map.class_of(None, [1.0]) is None


# --- the map's spec -------------------------------------------------------------------------------

GEO = reach_map.district_features(pl.DataFrame({"code": ["A", "B", "C"],
                                             "geometry": [square(21.70, 61.45), square(21.75, 61.45),
                                                          square(21.80, 61.45)]}))


def district_rows(**extra) -> pl.DataFrame:
    frame = pl.DataFrame({
        "code": ["A", "B", "C"], "reach": [22.0, 25.0, None], "suppressed": [False, False, True],
        "low": [False, False, True], "tip_title": ["Keskusta", "Saari <b>&</b>", "Metsä"],
        "tip_lines": [["Tavoittavuus: 22,0"], ["Tavoittavuus: 25,0"], ["Osallistumiskertoja: < 5"]]})
    return frame.with_columns(**extra) if extra else frame


def test_the_deck_colours_districts_by_class_and_has_no_basemap():
    deck = reach_map.reach_deck(GEO, district_rows(), None, [24.0], selected="B", description="Kartta")
    spec = json.loads(deck.to_json())
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec  # no tiles, works offline
    assert "cartocdn" not in deck.to_json() and "\n" not in deck.to_json()  # compact: no indentation
    (layer,) = spec["layers"]
    assert layer["@@type"] == "GeoJsonLayer" and layer["id"] == reach_map.LAYER_DISTRICTS and layer["pickable"]
    assert layer["getFillColor"] == "@@=properties.fill" and layer["lineWidthUnits"] == "pixels"
    props = {f["properties"]["code"]: f["properties"] for f in layer["data"]}
    light, dark = reach_map.class_colours(2)
    assert props["A"]["fill"] == reach_map.rgba(light) and props["B"]["fill"] == reach_map.rgba(dark)
    assert props["C"]["fill"] == reach_map.rgba(reach_map.SUPPRESSED_FILL)  # fewer than 5: grey, not a shade
    assert props["B"]["width"] == 5  # the chosen district
    assert props["C"]["line"] == reach_map.rgba(reach_map.OUTLINE)  # grey already says "fewer than 5"
    low = json.loads(reach_map.reach_deck(GEO, district_rows(low=pl.Series([True, False, True])), None,
                                       [24.0]).to_json())
    assert low["layers"][0]["data"][0]["properties"]["line"] == reach_map.rgba(reach_map.LOW_OUTLINE)
    # A text tooltip (innerText): stored text such as "<b>" can never become markup.
    assert deck._tooltip["text"] == "{tip_title}\n{tip_body}" and "html" not in deck._tooltip
    assert props["B"]["tip_title"] == "Saari <b>&</b>"
    assert props["C"]["tip_body"] == "Osallistumiskertoja: < 5"
    assert 11 < spec["initialViewState"]["zoom"] < 14 and spec["initialViewState"]["latitude"] == pytest.approx(61.475)


def test_events_are_points_sized_by_participants_with_their_tooltip():
    events = pl.DataFrame({"lon": [21.72, 21.77], "lat": [61.47, 61.46], "participants": [100, None],
                           "district": ["A", "B"], "tip_title": ["Ilta <script>", "Kysely"],
                           "tip_lines": [["22.11.2025", "Osallistumiskertoja: 100"], ["Osallistumiskertoja: < 5"]]})
    spec = json.loads(reach_map.reach_deck(GEO, district_rows(), events, [24.0]).to_json())
    points = spec["layers"][1]
    assert points["@@type"] == "ScatterplotLayer" and points["id"] == reach_map.LAYER_EVENTS
    assert [p["r"] for p in points["data"]] == [120.0, 12.0]  # area ∝ participants; hidden = smallest
    assert points["data"][0]["tip_title"] == "Ilta <script>"
    assert points["data"][0]["tip_body"] == "22.11.2025\nOsallistumiskertoja: 100"
    assert points["data"][1]["district"] == "B"


def test_geometry_is_simplified_and_rounded_once():
    jagged = {"type": "Polygon", "coordinates": [[[21.7, 61.4], [21.75000001, 61.4000000001], [21.8, 61.4],
                                                  [21.8, 61.5], [21.7, 61.5], [21.7, 61.4]]]}
    geo = reach_map.district_features(pl.DataFrame({"code": ["X"], "geometry": [json.dumps(jagged)]}))
    ring = geo["features"][0]["geometry"]["coordinates"][0]
    assert len(ring) == 5  # the collinear point is gone
    assert all(round(v, 5) == v for point in ring for v in point)
    assert geo["bounds"] == pytest.approx((21.7, 61.4, 21.8, 61.5))


def test_a_click_on_a_district_or_an_event_opens_its_district():
    district = {"selection": {"indices": {"districts": [1]},
                              "objects": {"districts": [{"properties": {"code": "B"}}]}}}
    assert picked_district(district) == "B"
    assert picked_district({"selection": {"objects": {"events": [{"district": "C"}]}}}) == "C"
    assert picked_district({"selection": {"indices": {}, "objects": {}}}) is None
    assert picked_district(None) is None


def test_charts_say_their_message_and_mark_the_barely_reached():
    frame = pl.DataFrame({"name": ["Keskusta", "Metsä"], "reach": [22.0, None], "low": [False, True],
                          "text": ["22,0", "< 5"]})
    spec = charts.ranked_reach(frame, {"reach": "Per 1 000", "district": "Alue", "threshold": "25 %"},
                               "Matalin: Metsä", 5.9)
    assert spec["description"] == "Matalin: Metsä"
    assert spec["layer"][0]["encoding"]["color"]["condition"] == {"test": "datum.low", "value": charts.theme.BAD}
    assert spec["data"]["values"][1] == {"name": "Metsä", "reach": None, "low": True, "text": "< 5", "at": 0}
    assert spec["layer"][2]["data"]["values"][0]["t"] == 5.9  # the threshold rule
    legend = reach_map.legend([(charts.BLUES[0], "< 24"), (charts.BLUES[4], "≥ 24")], "Värit",
                              [(reach_map.SUPPRESSED_FILL, reach_map.OUTLINE, "alle 5 osallistujaa")])
    assert [c["label"] for c in legend["layer"][0]["data"]["values"]] == ["< 24", "≥ 24"]
    assert legend["layer"][3]["data"]["values"][0]["label"] == "alle 5 osallistujaa"


def test_a_ranking_of_thousands_of_districts_is_drawn_highest_first():
    """3,000 districts (a national-size store): the ranking's order given as a list of every name made
    Vega's expression too deep to compile ("Maximum call stack size exceeded"): no picture for the published
    page (hyte publish failed) or the screen's PNG and SVG downloads."""
    import vl_convert as vlc

    n = 2500
    frame = pl.DataFrame({"name": [f"Alue {i:04d}" for i in range(n)], "reach": [float(i % 997) for i in range(n)],
                          "low": [i % 997 < 5 for i in range(n)], "text": [str(i % 997) for i in range(n)]})
    spec = charts.ranked_reach(frame, {"reach": "Per 1 000", "district": "Alue", "threshold": "25 %"}, "–", 40.0)
    svg = vlc.vegalite_to_svg({**spec, "width": 400})
    # Highest first, ties by name: 996 (Alue 0996, 1993) … 0 (Alue 0000, 0997, 1994).
    labels = [name for name in re.findall(r">(Alue \d{4})</text>", svg)]
    assert labels[:3] == ["Alue 0996", "Alue 1993", "Alue 0995"] and labels[-1] == "Alue 1994", labels[:3]
    assert len(labels) == n


# --- the screen, on a store loaded by the pipeline ------------------------------------------------

def open_page(**params: str) -> AppTest:
    return open_screen("participation.py", **{"from": "2025", "to": "2025", **params})


shown = screen_text


def deck(at: AppTest) -> dict:
    (element,) = at.get("deck_gl_json_chart")
    return json.loads(element.proto.json)


EXPECTED = {
    "fi": {"reach": "Tavoittavuus / 1 000 asukasta: 57,5", "participants": "Osallistumiskertoja: 489",
           "events": "Tapahtumia: 5", "low": "Heikosti tavoitettuja alueita: 1",
           "year": "Asukasluku vuodelta 2025.", "without": "1 tapahtuma ilman aluetta (350 osallistumiskertaa)",
           "low_line": "Heikosti tavoitetut (alle 25 % mediaanialueen tavoittavuudesta, 23,5 / 1 000 asukasta): Metsä.",
           "alt": "Korkein tavoittavuus: Saari, 25,0 / 1 000 asukasta. Matalin: Metsä, alle 5 osallistujaa.",
           "lagging": "Jäljessä (alle 30 % yksiköistä käyttää mallia tai koulutuksia ei ole pidetty): "
                      "Tekninen toimiala.",
           "tip_small": "Osallistumiskertoja: < 5", "levels": "Eniten osallistumiskertoja: Tieto-osallisuus (78 %)"},
    "sv": {"reach": "Räckvidd per 1 000 invånare: 57,5", "participants": "Deltaganden: 489",
           "events": "Evenemang: 5", "low": "Svagt nådda områden: 1",
           "year": "Invånarantal år 2025.", "without": "1 evenemang utan område (350 deltaganden)",
           "low_line": "Svagt nådda (under 25 % av medianområdets räckvidd, 23,5 per 1 000 invånare): Metsä.",
           "alt": "Högst räckvidd: Saari, 25,0 per 1 000 invånare. Lägst: Metsä, färre än 5 deltagare.",
           "lagging": "Efter (under 30 % av enheterna använder modellen eller inga utbildningar har hållits): "
                      "Tekniska sektorn.",
           "tip_small": "Deltaganden: < 5", "levels": "Flest deltaganden: Informationsdelaktighet (78 %)"},
    "en": {"reach": "Reach per 1,000 residents: 57.5", "participants": "Participations: 489",
           "events": "Events: 5", "low": "Districts barely reached: 1",
           "year": "Population of 2025.", "without": "1 event without a district (350 participations)",
           "low_line": "Barely reached (under 25 % of the median district's reach, 23.5 per 1,000 residents): Metsä.",
           "alt": "Highest reach: Saari, 25.0 per 1,000 residents. Lowest: Metsä, fewer than 5 participants.",
           "lagging": "Lagging (under 30 % of units use the model, or no training was held): Technical services.",
           "tip_small": "Participations: < 5", "levels": "Most participations: Information (78 %)"},
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_screen_shows_reach_low_districts_and_adoption(participation_store, lang):
    at = open_page(lang=lang)
    text, want = shown(at).replace(NBSP, " "), EXPECTED[lang]
    for key in ("reach", "participants", "events", "low", "year", "without", "low_line", "alt", "lagging", "levels"):
        assert want[key] in text, (key, text)
    spec = deck(at)
    assert spec["mapStyle"] == "__MAP_STYLE__"
    assert [layer["id"] for layer in spec["layers"]] == ["districts"]  # events are off by default
    props = {f["properties"]["code"]: f["properties"] for f in spec["layers"][0]["data"]}
    assert props["03"]["fill"] == reach_map.rgba(reach_map.SUPPRESSED_FILL)
    assert want["tip_small"] in props["03"]["tip_body"].replace(NBSP, " ")
    assert "4" not in props["03"]["tip_body"]  # the exact small count is never sent


def test_the_age_filter_changes_numerator_and_denominator(participation_store):
    at = open_page(age="young")
    text = shown(at).replace(NBSP, " ")
    assert "Tavoittavuus / 1 000 asukasta: 78,2" in text  # 133 young participants / 1 700 young residents
    assert "Heikosti tavoitetut (alle 25 % mediaanialueen tavoittavuudesta, 30,0 / 1 000 asukasta): Metsä, Saari." \
        in text
    table = at.dataframe[0].value  # the districts' figures
    saari = table[table["Alue"] == "Saari"].iloc[0]
    assert saari["Osallistumiskertoja"] == "< 5" and saari["Tavoittavuus / 1 000"] == "alle 25,0"


def test_the_district_from_the_url_opens_with_small_counts_hidden(participation_store):
    at = open_page(pdistrict="02", age="young", lang="fi")
    assert [s.value for s in at.subheader if s.value == "Saari"] == ["Saari"]
    text = shown(at).replace(NBSP, " ")
    assert "Alle 5 osallistumiskertaa 1 tapahtumassa: alue on heikosti tavoitettu." in text
    by_age = next(d.value for d in at.dataframe if "Ikäryhmä" in d.value.columns)
    assert list(by_age["Osallistumiskertoja"]) == ["< 5", "20", "< 5"]
    assert list(by_age["Asukkaita"]) == ["200", "600", "200"]
    events = next(d.value for d in at.dataframe if "Tapahtuma" in d.value.columns)
    assert list(events["Tapahtuma"]) == ["Kysely Saaressa"] and list(events["Osallistumiskertoja"]) == ["< 5"]
    props = {f["properties"]["code"]: f["properties"] for f in deck(at)["layers"][0]["data"]}
    assert props["02"]["width"] == 5  # the chosen district is outlined on the map
    assert at.query_params["pdistrict"] == "02"


def test_choosing_a_district_in_the_selectbox_goes_to_the_url(participation_store):
    at = open_page(lang="en")
    assert "pdistrict" not in at.query_params
    at.selectbox(key="pdistrict").set_value("01").run()
    assert at.query_params["pdistrict"] == "01"
    text = shown(at).replace(NBSP, " ")
    assert "110 participations at 2 events · 22.0 per 1,000 residents · rank 2 of 3" in text
    # Keskusta had no participants in 2025 Q4: 0.0, not "< 5" (issue 27; this said "< 5").
    assert "Keskusta against the whole municipality by quarter: latest 2025 Q4 0.0, municipality 0.5." in text
    at.button[0].click().run()  # close the district
    assert "pdistrict" not in at.query_params


def test_types_levels_and_departments_narrow_and_stay_in_the_url(participation_store):
    at = open_page(ptype="survey", lang="en")
    text = shown(at)
    assert "Reach per 1,000 residents: 44.1" in text and "Events: 2" in text  # e3 and e4
    assert at.query_params["ptype"] == "survey"
    at.multiselect(key="plevel").set_value(["decision"]).run()
    assert "There are no participation events in this period with these filters." in shown(at)
    assert at.query_params["plevel"] == "decision"
    at = open_page(pdept="tek", lang="fi")
    assert "Tapahtumia: 3" in shown(at)  # e2, e4, e6


def test_the_sidebar_district_opens_in_detail_unless_the_link_names_one(participation_store):
    at = open_page(district="01")
    assert at.selectbox(key="pdistrict").value == "01"
    at = open_page(district="01", pdistrict="03")
    assert at.selectbox(key="pdistrict").value == "03"
    at.selectbox(key="district").set_value("02").run()  # choosing in the sidebar opens it here too
    assert at.selectbox(key="pdistrict").value == "02" and at.query_params["pdistrict"] == "02"


def test_a_hostile_url_value_is_refused_with_a_warning(participation_store):
    at = open_page(ptype="survey,<script>", pdistrict="99")
    assert any("ptype=" in w.value for w in at.warning) and any("pdistrict=99" in w.value for w in at.warning)
    assert "ptype" not in at.query_params and "pdistrict" not in at.query_params
    assert "Tapahtumia: 5" in shown(at)


def test_stored_names_never_format_the_screen(participation_store):
    engine = make_engine(participation_store)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE district SET name_fi = '**Metsä** [x](javascript:alert(1))' WHERE code = '03'")
    engine.dispose()
    at = open_page()
    captions = [c.value for c in at.caption if "Matalin" in c.value]
    # plain() also puts an invisible word joiner after the ":" (no link or icon can start there).
    assert captions and all(r"\*\*Metsä\*\* \[x\]\(javascript\:alert\(1\)\)" in c.replace(WORD_JOINER, "")
                            for c in captions)
    low = next(m.value for m in at.markdown if m.value.startswith("**Heikosti tavoitetut"))
    assert r"\*\*Metsä\*\*" in low


def test_events_on_the_map_and_the_ones_without_a_place(participation_store):
    at = open_page(pevents="1")
    points = deck(at)["layers"][1]
    assert points["id"] == "events" and len(points["data"]) == 4  # e4 has neither place nor district
    by_title = {p["tip_title"]: p for p in points["data"]}
    assert "Työpaja <b>& kahvit</b>" in by_title  # placed at its district's centre (no coordinates)
    assert by_title["Asukasilta Metsässä"]["tip_body"].endswith("Osallistumiskertoja: < 5")
    assert "1 tapahtuma ilman paikkaa ei näy kartalla." in shown(at)


def test_the_download_keeps_small_counts_hidden(participation_store):
    at = open_page()
    table = at.dataframe[0].value
    metsa = table[table["Alue"] == "Metsä"].iloc[0]
    assert metsa["Osallistumiskertoja"] == "< 5" and metsa["Tavoittavuus / 1 000"] == "alle 2,0"
    assert metsa["Heikosti tavoitettu"] == "kyllä"
    # The district table's downloads (beside them, every chart's PNG and SVG).
    tables = [b.proto.label for b in at.get("download_button") if "alueiden luvut" in b.proto.label]
    assert tables == ["Lataa alueiden luvut (CSV)", "Lataa alueiden luvut (Excel)"]

    def csv_file():
        import streamlit as st

        from dashboard.core import cache
        from dashboard.core.spreadsheet import csv_bytes
        from dashboard.participation import cache as part_cache
        from dashboard.participation import view as w

        store = cache.open_store()
        frame = w.district_frame(part_cache.participation_reach(store, 2025, 2025, None),
                                 {"01": "Keskusta", "02": "Saari", "03": "Metsä"}, "fi")
        st.text(csv_bytes(w.districts_table(frame, "fi", formatted=False), ["Rajaukset"]).decode("utf-8-sig"))

    csv = AppTest.from_function(csv_file, default_timeout=60).run().text[0].value
    assert csv.splitlines()[1] == "Alue;Tunnus;Osallistumiskertoja;Tapahtumia;Asukkaita;Tavoittavuus / 1 000;" \
                                  "Heikosti tavoitettu"
    assert "Metsä;03;< 5;1;2500;alle 2,0;kyllä" in csv and "Keskusta;01;110;2;5000;22.0;ei" in csv


def test_population_is_the_latest_year_up_to_the_period_end(participation_store):
    engine = make_engine(participation_store)
    try:
        early = q.population(engine, 2025).filter(pl.col("district_code") == "01")
        assert early.filter(pl.col("age_group_code") == "young")["population"].to_list() == [1000]
        late = q.population(engine, 2026).filter((pl.col("district_code") == "01")
                                                 & (pl.col("age_group_code") == "young"))
        assert late.row(0, named=True)["year"] == 2026 and late["population"][0] == 5000
        assert q.population(engine, 2024).is_empty()  # nothing that early: reach unknown, not guessed
        assert q.event_participants(engine, 2025, 2025)["event_id"].unique().sort().to_list() == [
            "e1", "e2", "e3", "e4", "e6"]
    finally:
        engine.dispose()


def test_headline_for_the_overview(participation_store):
    def tile():
        import streamlit as st

        from dashboard.core import cache
        from dashboard.core import filters
        from dashboard.participation.model import headline

        store = cache.open_store()
        for district in (None, "01", "03"):
            value, note = headline(store, filters.Filters(None, district, 2025, 2025), "fi")
            st.metric(note, value)
        value, note = headline(store, filters.Filters(None, None, 2020, 2021), "fi")
        st.metric(note, value)

    at = AppTest.from_function(tile, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [(m.label, m.value.replace(NBSP, " ")) for m in at.metric] == [
        ("1 alue heikosti tavoitettu", "57,5 / 1 000"),
        ("Keskusta: sija 2/3", "22,0 / 1 000"),
        ("Metsä: sija 3/3", "alle 2,0"),
        ("Ei osallisuustapahtumia valitulla aikavälillä", "–"),
    ]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_store_without_events_says_so(tmp_path, monkeypatch, lang):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)  # districts, no events (the browser test's store)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = open_page(lang=lang, **{"from": "2020", "to": "2028"})
    assert [i.value for i in at.info][0] == translate("part.no_events", lang)
    assert translate("part.adoption.no_data", lang) in [i.value for i in at.info]
    assert not at.get("deck_gl_json_chart")


# --- the cached map (dashboard.participation.cache.participation_map) ------------------------------------------

def test_the_cached_map_is_the_one_built_from_the_queries_and_hides_small_counts(participation_store):
    """The map is cached per filters, language, events toggle and district: what the cache hands back
    must be what the builders make from the queries' frames on the spot, with small counts hidden."""

    def compare():
        import json as json_

        import streamlit as st

        from dashboard.core import cache
        from dashboard.participation import reach_map as reach_map_
        from dashboard.participation import metrics as m_
        from dashboard.participation import queries as q_
        from dashboard.core.queries import districts
        from dashboard.participation import model as part_model
        from dashboard.participation import view as w
        from data_pipeline.inputs.registers import EVENT_TYPES

        store = cache.open_store()
        engine = cache.engine(store.url)
        rows_ = q_.event_participants(engine, 2025, 2025)
        view = m_.reach_view(rows_, q_.population(engine, 2025), districts(engine)["code"].to_list(), None,
                             EVENT_TYPES)
        names = {"01": "Keskusta", "02": "Saari", "03": "Metsä"}
        frame = w.district_frame(view, names, "fi")
        shown_ = part_model.participation_districts(store, 2025, 2025, None, (), (), (), "fi")
        results = {"frame": shown_["frame"].equals(frame)}
        centroids = {d["code"]: (d["centroid_lon"], d["centroid_lat"]) for d in districts(engine).to_dicts()}
        departments = {d["code"]: d["name_fi"] for d in q_.departments(engine).to_dicts()}
        for show_events, selected in ((False, None), (True, "03")):
            cached = part_model.participation_map(store, 2025, 2025, None, (), (), (), "fi", show_events, selected)
            again = part_model.participation_map(store, 2025, 2025, None, (), (), (), "fi", show_events, selected)
            fresh = reach_map_.map_view(reach_map_.district_features(q_.district_shapes(engine)), view,
                               m_.events_of(rows_, None) if show_events else None, frame, centroids, departments,
                               show_events, selected, "fi")
            spec = json_.loads(cached["deck"].to_json())
            counts = [line for layer in spec["layers"] for item in layer["data"]
                      for line in (item.get("tip_body") or item["properties"]["tip_body"]).split("\n")
                      if line.startswith("Osallistumiskertoja")]
            results[f"{show_events}-{selected}"] = {
                "same": cached["deck"].to_json() == fresh["deck"].to_json() == again["deck"].to_json()
                and cached["legend"] == fresh["legend"] and cached["alt"] == fresh["alt"]
                and cached["unplaced"] == fresh["unplaced"],
                "layers": len(spec["layers"]),
                "geometries": sum(1 for layer in spec["layers"] for item in layer["data"] if "geometry" in item),
                "counts": counts}
        st.text(json_.dumps(results, ensure_ascii=False))

    at = AppTest.from_function(compare, default_timeout=60).run()
    assert not at.exception
    results = json.loads(at.text[0].value)
    assert results["frame"]
    assert results["False-None"]["same"] and results["True-03"]["same"]
    assert results["False-None"]["layers"] == 1 and results["True-03"]["layers"] == 2
    assert results["False-None"]["geometries"] == 3  # each district's outline once, also with a district chosen
    assert results["True-03"]["geometries"] == 3
    for key in ("False-None", "True-03"):
        counts = results[key]["counts"]
        assert "Osallistumiskertoja: < 5" in counts  # Metsä's 4 (and e6's 4 among the events)
        # Never an exact count under 5, in district or event tooltips.
        assert not [c for c in counts if c.split(": ")[1].isdigit() and int(c.split(": ")[1]) < 5]


# --- the load's aggregates (participation_total) -----------------------------------------------------

def _sorted(frame: pl.DataFrame) -> list[tuple]:
    return sorted(frame.select("breakdown", "code", "participants", "events").iter_rows(),
                  key=lambda r: tuple("" if v is None else str(v) for v in r))


@pytest.mark.parametrize("years", [(2025, 2025), (2024, 2026), (2020, 2021)])
def test_the_loads_aggregates_give_the_figures_of_the_events(participation_store, years):
    """The screens read participation_total, written by each load: every breakdown's participants and
    events, for all ages and each age group, equal those counted from the events themselves."""
    engine = make_engine(participation_store)
    try:
        rows_ = q.event_participants(engine, *years)
        for age in (None, *AGES):
            assert _sorted(q.reach_totals(engine, *years, age)) == _sorted(m.totals(rows_, age)), (years, age)
        levels = q.event_levels(engine, *years)
        adoption = q.adoption(engine, *years)
        departments = q.departments(engine)["code"].to_list()
        assert m.adoption_from_levels(adoption, levels, departments).equals(
            m.adoption_by_department(adoption, rows_, departments))
        narrowed = q.event_levels(engine, *years, levels=("action",), departments=("siv",))
        assert m.adoption_from_levels(adoption, narrowed, ["siv"]).equals(
            m.adoption_by_department(adoption, m.narrow(rows_, levels=("action",), departments=("siv",)), ["siv"]))
    finally:
        engine.dispose()


def test_each_load_writes_the_maps_outlines_simplified(participation_store, mini_package):
    """The map reads outlines the load simplified (district_outline), the same the screen once
    simplified on each cold cache; a district redrawn in the package is redrawn on the next load."""
    from data_pipeline.load.refresh import refresh

    engine = make_engine(participation_store)
    try:
        geo = reach_map.outline_features(q.district_outlines(engine))
        assert geo == reach_map.district_features(q.district_shapes(engine))
        assert [f["properties"]["code"] for f in geo["features"]] == ["01", "02", "03"]
        # A jagged edge in the package: the stored outline drops the collinear point, rounded.
        path = mini_package.parent / "districts.geojson"
        collection = json.loads(path.read_text(encoding="utf-8"))
        collection["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[
            [21.7, 61.45], [21.72500001, 61.4500000001], [21.75, 61.45], [21.75, 61.5], [21.7, 61.5], [21.7, 61.45]]]}
        path.write_text(json.dumps(collection), encoding="utf-8")
        assert refresh(mini_package, participation_store).ok
        geo = reach_map.outline_features(q.district_outlines(engine))
        ring = geo["features"][0]["geometry"]["coordinates"][0]
        assert len(ring) == 5 and all(round(v, 5) == v for point in ring for v in point)
        assert geo == reach_map.district_features(q.district_shapes(engine))
    finally:
        engine.dispose()


def test_a_store_upgraded_without_a_new_load_has_the_same_aggregates(participation_store):
    """Migration 0004 fills participation_total from the stored events (SQL) as the loads do (polars),
    and 0005 district_outline from the stored districts."""
    from alembic import command
    from sqlalchemy import select

    from data_pipeline.store import schema
    from data_pipeline.store.engine import alembic_config

    engine = make_engine(participation_store)
    try:
        def derived():
            with engine.connect() as conn:
                return [sorted(conn.execute(select(table)).all(), key=repr) for table in schema.DERIVED_TABLES]

        loaded = derived()
        assert all(loaded)
        cfg = alembic_config(participation_store)
        command.downgrade(cfg, "0002")
        command.upgrade(cfg, "head")
        assert derived() == loaded
    finally:
        engine.dispose()


def test_reach_from_the_aggregates_is_reach_from_the_events():
    """reach_view (events) and reach_view_of_totals (the store's totals) are one computation."""
    frame = rows(event("a", "01", date(2025, 3, 1), young=12, adult=3),
                 event("b", None, date(2025, 4, 1), old=7),
                 event("c", "02", date(2025, 5, 1), adult=2, event_type="survey"))
    pop = population({"01": {"young": 100, "adult": 200, "old": 50}, "02": {"young": 10, "adult": 20, "old": 5}})
    for age in (None, *AGES):
        direct = m.reach_view(frame, pop, ["01", "02", "03"], age, ("workshop", "survey"))
        again = m.reach_view_of_totals(m.totals(frame, age), pop, ["01", "02", "03"], age, ("workshop", "survey"))
        assert direct["summary"] == again["summary"] and direct["districts"].equals(again["districts"])


def test_zero_participants_are_zero_not_under_five():
    frame = pl.DataFrame({"participants": [0, 3, 12], "reach": [0.0, 3.0, 12.0]})
    out = m.suppress(frame)
    assert out["suppressed"].to_list() == [False, True, False]
    assert out["participants"].to_list() == [0, None, 12]


def test_the_quarterly_whole_municipality_has_no_reach_when_the_headline_has_none():
    # District C has no population figure: the headline says the reach cannot be computed, so the
    # chart must not draw the whole municipality's reach over A's and B's residents alone.
    partial = POP.filter(pl.col("district_code") != "C")
    reached = m.reach_view(ROWS, partial, ["A", "B", "C"], None, ("resident_evening", "survey", "workshop"))
    assert reached["summary"]["reach"] is None and reached["without_population"] == ["C"]
    trend = m.quarterly(ROWS, partial, "A", None, ["A", "B", "C"])
    whole = trend.filter(pl.col("series") == "municipality")
    assert whole["reach"].is_null().all() and whole["participants"].sum() > 0
    assert trend.filter(pl.col("series") == "district")["reach"].is_not_null().any()
    complete = m.quarterly(ROWS, POP, "A", None, ["A", "B", "C"]).filter(pl.col("series") == "municipality")
    assert complete["reach"].is_not_null().all()


def test_an_axis_of_nothing_but_zeros_is_not_labelled_with_six_decimals():
    """Kuusamo trial: the first event was logged without participants, and the ranking's axis and the
    level chart's said "0,000000". Drawn as the browser draws it (Vega), the axis reads 0 … 1."""
    import re

    import vl_convert as vlc

    frame = pl.DataFrame({"name": ["Keskusta", "Metsä"], "reach": [0.0, 0.0], "low": [False, False],
                          "text": ["0,0", "0,0"]})
    from dashboard.participation.view import vega_locale

    locale = vega_locale("fi")  # the screen's: decimal comma
    reach = charts.ranked_reach(frame, {"reach": "Per 1 000", "district": "Alue", "threshold": "25 %"}, "–",
                                locale=locale)
    levels = charts.bars(pl.DataFrame({"label": ["Tieto", "Toiminta"], "v": [0, None], "text": ["0", "–"]}), "v",
                         {"value": "Osallistumiskertoja", "label": "Taso"}, "–", locale=locale)
    for spec in (reach, levels):
        # Chromium's Vega (the screen) labelled a zero-width axis "0,000000" where vl-convert draws "0": the
        # axis is given its 0 … 1 in the spec, so both draw the same.
        assert spec["layer"][0]["encoding"]["x"]["scale"] == {"domain": [0, 1]}
        labels = re.findall(r">([^<>]{1,20})</text>", vlc.vegalite_to_svg({**spec, "width": 400}))
        assert not [t for t in labels if "000000" in t] and "1,0" in labels, labels
    spec = charts.ranked_reach(frame.with_columns(pl.Series("reach", [3.0, 0.0])),
                               {"reach": "Per 1 000", "district": "Alue", "threshold": "25 %"}, "–")
    assert "scale" not in spec["layer"][0]["encoding"]["x"]  # with a figure the axis is Vega's own
