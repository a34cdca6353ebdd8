"""The working-group screen: judgements on small hand-made frames, chart specs, and the page on a store the
real pipeline loaded from known registers (today pinned to 1.3.2026)."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from support.dashboard_fixtures import build_fixture_store
from support.screen_helpers import APP, open_screen, screen_text
from streamlit.testing.v1 import AppTest
from support.working_groups_fixtures import TODAY, write_package

from dashboard.core.i18n import translate
from dashboard.working_groups import charts
from dashboard.working_groups import metrics as m
from dashboard.working_groups import queries as q
from dashboard.core import theme
from data_pipeline.load.refresh import refresh
from data_pipeline.store.engine import make_engine

FIXTURES = Path(__file__).parents[1] / "fixtures"


# --- hand-made frames ---------------------------------------------------------------------------------

AGE_SORT = {"young": 0, "adult": 1, "old": 2}  # lifecycle groups line up youngest first


def groups_frame(rows: list[tuple]) -> pl.DataFrame:
    """(code, kind, parent, age group, min, max) -> a frame shaped like group_queries.working_groups."""
    return pl.DataFrame([{"code": c, "name_fi": c.title(), "name_sv": None, "name_en": None, "kind": k,
                          "parent_code": p, "age_group_code": a, "target_meetings_min": lo,
                          "target_meetings_max": hi, "age_sort": AGE_SORT.get(a)} for c, k, p, a, lo, hi in rows],
                        schema={"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8,
                                "kind": pl.Utf8, "parent_code": pl.Utf8, "age_group_code": pl.Utf8,
                                "target_meetings_min": pl.Int64, "target_meetings_max": pl.Int64,
                                "age_sort": pl.Int64})


GROUPS = groups_frame([
    ("lead", "leadership", None, None, None, None),
    ("steer", "steering", "lead", None, 5, 6),
    ("kids", "lifecycle", "steer", "young", 5, 6),
    ("adults", "lifecycle", "steer", "adult", 5, 6),
    ("family", "subgroup", "kids", None, 4, 6),  # no age group of its own: its parent's
    ("baby", "subgroup", "family", None, None, None),  # under a sub-group
])


def meetings_frame(rows: list[tuple]) -> pl.DataFrame:
    """(id, group, date, joint, invited, present) -> a frame shaped like group_queries.meetings."""
    return pl.DataFrame(rows, schema={"id": pl.Utf8, "group_code": pl.Utf8, "meeting_date": pl.Date,
                                      "is_joint": pl.Boolean, "members_invited": pl.Int64,
                                      "members_present": pl.Int64}, orient="row")


@pytest.mark.parametrize(("held", "scheduled", "year", "expected"), [
    (3, 0, 2025, "below"), (4, 0, 2025, "below"), (5, 0, 2025, "within"), (6, 0, 2025, "within"),
    (7, 0, 2025, "above"),
    # The year in progress (1.3.2026: a sixth of it gone): nobody is behind yet, whatever was held.
    (0, 0, 2026, "in_progress"), (5, 0, 2026, "within"), (7, 0, 2026, "above"),
])
def test_meeting_status_against_the_target_band(held, scheduled, year, expected):
    assert m.meeting_status(held, scheduled, 5, 6, year, TODAY) == expected


def test_the_year_in_progress_is_judged_by_its_pace_and_what_is_scheduled():
    november = date(2026, 11, 22)  # 90 % of the year gone: 5 a year means 4 by now
    assert m.meeting_status(3, 0, 5, 6, 2026, november) == "behind"
    assert m.meeting_status(3, 2, 5, 6, 2026, november) == "in_progress"  # two more are scheduled
    assert m.meeting_status(4, 0, 5, 6, 2026, november) == "in_progress"
    assert m.meeting_status(0, 0, None, None, 2025, TODAY) == "no_target"
    assert m.meeting_status(2, 0, 3, None, 2025, TODAY) == "below"  # only a minimum
    assert m.meeting_status(9, 0, None, 8, 2025, TODAY) == "above"  # only a maximum


def test_meeting_counts_split_joint_and_scheduled_and_rate_attendance():
    meetings = meetings_frame([
        ("a1", "adults", date(2025, 2, 1), False, 10, 8),
        ("a2", "adults", date(2025, 3, 1), True, 10, 7),
        ("a3", "adults", date(2025, 9, 1), False, 10, None),  # present not recorded: not counted as 0
        ("a4", "adults", date(2026, 2, 1), True, 10, 10),
        ("a5", "adults", date(2026, 3, 1), False, 10, None),  # today: scheduled, not yet held
        ("k1", "kids", date(2026, 5, 4), False, None, None),
        ("x1", "elsewhere", date(2025, 5, 4), False, 3, 3),  # a group not selected
    ])
    counts = m.meeting_counts(GROUPS, meetings, [2025, 2026], TODAY)
    adults = {r["year"]: r for r in counts.filter(pl.col("group_code") == "adults").iter_rows(named=True)}
    assert (adults[2025]["held"], adults[2025]["joint"], adults[2025]["scheduled"]) == (3, 1, 0)
    assert adults[2025]["attendance"] == pytest.approx(15 / 20)
    assert adults[2025]["status"] == "below"
    assert (adults[2026]["held"], adults[2026]["joint"], adults[2026]["scheduled"]) == (1, 1, 1)
    kids = counts.filter((pl.col("group_code") == "kids") & (pl.col("year") == 2026)).row(0, named=True)
    assert (kids["held"], kids["scheduled"], kids["attendance"]) == (0, 1, None)
    assert set(counts["group_code"]) == set(GROUPS["code"])  # every group, every year, zeros included
    assert counts.height == GROUPS.height * 2
    assert counts["group_code"].unique(maintain_order=True).to_list()[:3] == ["lead", "steer", "kids"]  # tree order
    total = m.attendance_by_year(counts).filter(pl.col("year") == 2025).row(0, named=True)
    assert total["attendance"] == pytest.approx(15 / 20)
    summary = m.target_summary(counts, 2025)
    assert (summary["with_target"], summary["on_course"]) == (4, 0)  # steer, kids, adults, family; lead has none
    assert sorted(summary["short"]["group_code"]) == ["adults", "family", "kids", "steer"]


def test_age_filter_selects_the_lifecycle_group_and_everything_under_it():
    assert m.select_groups(GROUPS, "young")["code"].sort().to_list() == ["baby", "family", "kids"]
    assert m.select_groups(GROUPS, "adult")["code"].to_list() == ["adults"]
    assert m.select_groups(GROUPS, "old").is_empty()
    assert m.select_groups(GROUPS, None).height == GROUPS.height
    shown = m.with_ancestors(GROUPS, m.select_groups(GROUPS, "young"))
    flags = dict(zip(shown["code"], shown["selected"]))
    assert flags == {"lead": False, "steer": False, "kids": True, "family": True, "baby": True}


def test_tree_layout_puts_levels_in_columns_and_parents_between_their_children():
    tree = m.tree_layout(GROUPS)
    pos = {r["code"]: r for r in tree.iter_rows(named=True)}
    assert [pos[c]["depth"] for c in ("lead", "steer", "kids", "adults", "family", "baby")] == [0, 1, 2, 2, 3, 4]
    assert tree["code"].to_list() == ["lead", "steer", "kids", "family", "baby", "adults"]  # depth first
    assert pos["kids"]["row"] == 0 and pos["adults"]["row"] == 1
    assert pos["steer"]["row"] == 0.5  # midway between kids and adults
    assert (pos["family"]["parent_depth"], pos["family"]["parent_row"]) == (2, 0)
    assert pos["lead"]["parent_depth"] is None


def test_tree_layout_survives_a_reporting_loop():
    loop = groups_frame([("a", "steering", "b", None, 1, 2), ("b", "steering", "a", None, 1, 2)])
    assert sorted(m.tree_layout(loop)["code"]) == ["a", "b"]
    assert m.with_ancestors(loop, loop.filter(pl.col("code") == "a")).height == 2


def test_vacant_seats_are_seats_required_minus_filled():
    seats = pl.DataFrame({"group_code": ["kids", "kids", "adults", "ghost"],
                          "seat_type": ["ngo", "official", "ngo", "ngo"],
                          "seats_required": [2, 7, 2, 2], "seats_filled": [1, 8, 2, 0]})
    table = m.seat_table(GROUPS, seats)
    assert table["group_code"].to_list() == ["kids", "kids", "adults"]  # tree order; unknown group dropped
    assert table["seat_type"].to_list() == ["official", "ngo", "ngo"]  # the rule's order
    assert table["vacant"].to_list() == [0, 1, 0]  # over-filled is not negative
    assert m.vacancies(table).select("group_code", "seat_type").rows() == [("kids", "ngo")]


def test_topic_matrix_names_the_priority_areas_nobody_works_on():
    topics = pl.DataFrame({"meeting_id": ["k1", "k2", "a1", "a2"], "group_code": ["kids", "kids", "adults", "adults"],
                           "meeting_date": [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1), date(2026, 5, 1)],
                           "priority_area_code": ["env", "env", "env", "life"], "topic": [None] * 4})
    matrix = m.topic_matrix(GROUPS.filter(pl.col("code").is_in(["kids", "adults"])), ["env", "life", "safe"], topics,
                            TODAY)
    cells = {(r["group_code"], r["priority_area_code"]): r["items"] for r in matrix.iter_rows(named=True)}
    assert cells == {("kids", "env"): 2, ("kids", "life"): 0, ("kids", "safe"): 0,
                     ("adults", "env"): 1, ("adults", "life"): 0, ("adults", "safe"): 0}  # 2026 not yet held
    assert m.uncovered_areas(matrix) == ["life", "safe"]
    assert m.empty_cells(matrix).height == 4


def test_years_considered_start_at_the_first_record_and_stop_at_this_year():
    assert m.years_considered(2019, 2028, 2022, TODAY) == [2022, 2023, 2024, 2025, 2026]
    assert m.years_considered(2019, 2021, 2022, TODAY) == []
    assert m.years_considered(2019, 2028, None, TODAY) == []


def test_annual_clock_sectors_share_their_month_and_the_next_items():
    items = pl.DataFrame({"id": ["a", "b", "c", "d"], "year": [2026] * 4, "month": [1, 3, 3, 5],
                          "title_fi": list("ABCD"), "title_sv": [None] * 4, "title_en": [None] * 4,
                          "status": ["done", "done", "planned", "planned"]})
    sectors = m.clock_sectors(items, TODAY, 2026)
    assert sectors.height == 13  # 10 empty months, January, March twice, May
    march = sectors.filter(pl.col("month") == 3)
    assert march["status"].to_list() == ["done", "planned"]
    assert march["end"][1] - march["start"][0] == pytest.approx(2 * math.pi / 12)
    assert sectors.filter(pl.col("is_now"))["month"].unique().to_list() == [3]
    assert sectors["start"][0] == 0 and sectors["end"][-1] == pytest.approx(2 * math.pi)
    assert m.next_clock_items(items, TODAY, 2026)["id"].to_list() == ["c", "d"]
    assert m.next_clock_items(items, TODAY, 2025).is_empty()  # a past year has nothing next
    assert m.next_clock_items(items, TODAY, 2027)["id"].to_list() == ["c", "d"]


# --- chart specs ----------------------------------------------------------------------------------------

def data_of(spec: dict, layer: dict) -> list[dict]:
    data = layer["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_structure_chart_marks_groups_short_of_target_and_context():
    tree = m.tree_layout(m.with_ancestors(GROUPS, m.select_groups(GROUPS, "adult")))
    nodes = tree.with_columns(
        pl.col("code").str.to_titlecase().alias("name"), pl.lit("").alias("detail"),
        pl.lit("2025: 3 kokousta").alias("meetings"), pl.lit("alle tavoitteen 5–6").alias("target_text"),
        pl.when(pl.col("code") == "adults").then(pl.lit("below")).otherwise(pl.lit("within")).alias("status"))
    spec = charts.structure_chart(nodes, {0: "Johtoryhmä"}, "Rakenne").to_dict()
    assert spec["description"] == "Rakenne"
    edges, selected, context, bold, plain, heading = spec["layer"]
    by_name = {b["name"]: b for layer in (selected, context) for b in data_of(spec, layer)}
    assert by_name["Adults"]["stroke"] == theme.BAD and by_name["Adults"]["fill"] == charts.LIGHT_BAD
    assert by_name["Lead"]["stroke"] == theme.NEUTRAL  # context only: grey and dashed
    assert {b["name"] for b in data_of(spec, context)} == {"Lead", "Steer"} and context["mark"]["strokeDash"] == [6, 4]
    assert len(data_of(spec, edges)) == 3 * 2  # steer -> lead, adults -> steer: three segments each
    texts = [li["text"] for li in data_of(spec, bold)]
    assert "Adults" in texts and "alle tavoitteen 5–6" in texts
    colours = {li["x"]: li["colour"] for li in data_of(spec, bold) if li["text"] == "alle tavoitteen 5–6"}
    assert colours == {0 + charts.NODE_WIDTH / 2: theme.NEUTRAL, 1 + charts.NODE_WIDTH / 2: theme.NEUTRAL,
                       2 + charts.NODE_WIDTH / 2: theme.BAD}  # lead, steer: context only; adults: below
    assert [(h["x"], h["text"]) for h in data_of(spec, heading)] == [(charts.NODE_WIDTH / 2, "Johtoryhmä")]


LABELS = {"meetings": "Kokouksia", "group": "Ryhmä", "target": "Tavoite", "status": "Tilanne", "own": "Oma",
          "joint": "Yhteinen", "scheduled": "Tulossa", "year": "Vuosi", "attendance": "Osallistumisaste",
          "seat": "Paikka", "required": "Vaaditaan", "filled": "Täytetty", "area": "Alue", "items": "Kohtia",
          "month": "Kuukausi", "item": "Asia"}


def test_meetings_chart_stacks_own_joint_and_scheduled_over_the_target_band():
    rows = pl.DataFrame({"group": ["A", "B"], "held": [3, 6], "joint": [1, 2], "scheduled": [1, 0],
                         "target_meetings_min": [5, 5], "target_meetings_max": [6, 6],
                         "status": ["behind", "within"], "status_label": ["Jäljessä", "Tavoitteessa"],
                         "label": ["3+1 / 5–6", "6 / 5–6"]})
    spec = charts.meetings_chart(rows, LABELS, "Kokoukset").to_dict()
    band, bars, label = spec["layer"]
    assert data_of(spec, band) == [{"group": "A", "lo": 5, "hi": 6}, {"group": "B", "lo": 5, "hi": 6}]
    segments = [(s["group"], s["kind_code"], s["start"], s["end"], s["colour"]) for s in data_of(spec, bars)]
    assert segments == [("A", "own", 0, 2, theme.BAD), ("A", "joint", 2, 3, theme.BAD),
                        ("A", "scheduled", 3, 4, theme.BAD),
                        ("B", "own", 0, 4, theme.GOOD), ("B", "joint", 4, 6, theme.GOOD)]
    assert bars["encoding"]["opacity"]["scale"] == {"domain": ["Oma", "Yhteinen", "Tulossa"], "range": [1.0, 0.5, 0.15]}
    assert [d["label"] for d in data_of(spec, label)] == ["3+1 / 5–6", "6 / 5–6"]
    assert bars["encoding"]["y"]["sort"] == ["A", "B"]
    assert spec["description"] == "Kokoukset" and spec["autosize"]["type"] == "fit-x"


def test_heat_tables_colour_shortfalls_and_empty_cells_bad():
    years = pl.DataFrame({"group": ["A", "A"], "year": [2024, 2025], "held": [5, 3], "joint": [1, 0],
                          "joint_text": ["1 yht.", ""], "status": ["within", "below"],
                          "status_label": ["Tavoitteessa", "Alle tavoitteen"]})
    spec = charts.meetings_by_year_chart(years, LABELS, "Vuosittain").to_dict()
    cells = {d["year"]: d["fill"] for d in data_of(spec, spec["layer"][0])}
    assert cells == {2024: charts.LIGHT_GOOD, 2025: theme.BAD}

    seats = pl.DataFrame({"group": ["A", "A"], "seat": ["Viranhaltijat", "Järjestöt"], "seats_required": [7, 2],
                          "seats_filled": [7, 1], "vacant": [0, 1], "filled_text": ["7/7", "1/2"],
                          "vacant_text": ["", "1 vapaana"]})
    spec = charts.seats_chart(seats, LABELS, "Paikat").to_dict()
    fills = {d["seat"]: d["fill"] for d in data_of(spec, spec["layer"][0])}
    assert fills == {"Viranhaltijat": charts.LIGHT_GOOD, "Järjestöt": theme.BAD}
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["Viranhaltijat", "Järjestöt"]

    topics = pl.DataFrame({"group": ["A", "A"], "area": ["Elinympäristö", "Elintavat"],
                           "heading": [["Elinympäristö"], ["Elintavat"]], "items": [4, 0]})
    spec = charts.topics_chart(topics, LABELS, "Aiheet").to_dict()
    empty = next(d for d in data_of(spec, spec["layer"][0]) if d["items"] == 0)
    assert (empty["stroke"], empty["fill"], empty["ink"]) == (theme.BAD, charts.LIGHT_BAD, theme.BAD)
    headings = data_of(spec, spec["layer"][1])
    assert [h["lines"] for h in headings] == [["Elinympäristö"], ["Elintavat"]]  # in plan order, a row of their own
    assert spec["layer"][0]["encoding"]["x"]["axis"] is None


def test_attendance_chart_adds_the_all_groups_line():
    rates = pl.DataFrame({"group": ["A", "A", "Kaikki", "Kaikki"], "year": [2024, 2025, 2024, 2025],
                          "attendance": [0.8, 0.9, 0.85, None], "is_total": [False, False, True, True]})
    spec = charts.attendance_chart(rates, LABELS, "Osallistuminen").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["A", "Kaikki"]
    assert spec["encoding"]["color"]["scale"]["range"] == [theme.CATEGORICAL[0], theme.TEXT]
    assert spec["encoding"]["y"]["axis"]["format"] == ".0%"
    assert len(data_of(spec, spec)) == 3  # the missing rate is not drawn as 0


def test_clock_chart_has_twelve_months_done_in_good_blue_and_this_month_rimmed():
    items = pl.DataFrame({"id": ["a", "b"], "year": [2026, 2026], "month": [1, 3], "title_fi": ["A", "B"],
                          "title_sv": [None, None], "title_en": [None, None], "status": ["done", "planned"]})
    sectors = m.clock_sectors(items, TODAY, 2026).with_columns(
        pl.lit("x").alias("title"), pl.col("status").alias("status_label"), pl.lit("kk").alias("month_name"))
    months = [f"m{i}" for i in range(1, 13)]
    spec = charts.clock_chart(sectors, months, ["2026", "1/2 tehty"], LABELS, "Vuosikello").to_dict()
    arcs, ticks, rim, *labels, middle = spec["layer"]
    fills = {d["month"]: d["fill"] for d in data_of(spec, arcs)}
    assert fills[1] == theme.GOOD and fills[3] == charts.CLOCK_FILL["planned"] and fills[2] == charts.CLOCK_FILL["none"]
    assert [d["month"] for d in data_of(spec, rim)] == [3]
    assert sorted(d["name"] for layer in labels for d in data_of(spec, layer)) == sorted(months)
    assert data_of(spec, middle) == [{"text": ["2026", "1/2 tehty"]}]
    assert spec["description"] == "Vuosikello"


# --- the page on a store loaded by the pipeline ---------------------------------------------------------

def test_queries_read_the_same_on_both_stores(store_url, tmp_path):
    assert refresh(write_package(tmp_path), store_url).ok
    engine = make_engine(store_url)
    try:
        groups = q.working_groups(engine)
        assert groups.schema == pl.Schema(q.GROUP_SCHEMA)
        assert dict(zip(groups["code"], groups["age_sort"]))["kids"] == 0  # the age group's place
        assert q.first_meeting_year(engine) == 2025
        period = q.meetings(engine, date(2025, 1, 1), date(2025, 12, 31))
        assert period.schema == pl.Schema(q.MEETING_SCHEMA) and period.height == 26
        assert q.meetings(engine, TODAY, date.max)["id"].to_list() == ["E8", "K7"]
        latest = q.latest_meetings(engine, TODAY)
        assert dict(zip(latest["group_code"], latest["id"])) == {"adults": "A3", "elders": "E7", "family": "F5",
                                                                  "kids": "K6", "lead": "L2", "steer": "S5"}
        topics = q.meeting_topics(engine, date(2025, 1, 1), date(2026, 12, 31))
        assert topics.schema == pl.Schema(q.TOPIC_SCHEMA) and topics.height == 10
        assert q.group_seats(engine).filter(pl.col("seats_filled") < pl.col("seats_required")).rows() == [
            ("elders", "ngo", 2, 1)]
        assert q.annual_clock(engine, 2026)["month"].to_list() == [1, 2, 3, 5]
    finally:
        engine.dispose()


@pytest.fixture
def group_store(groups_url, monkeypatch) -> str:
    monkeypatch.setenv("HYTE_DATABASE_URL", groups_url)
    monkeypatch.setattr("dashboard.working_groups.model.today", lambda: TODAY)
    return groups_url


def open_groups(**params: str) -> AppTest:
    return open_screen("working_groups.py", **{"from": "2025", "to": "2026", **params})


shown = screen_text


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


EXPECTED = {
    "fi": {"short": "Työikäisten hyvinvointiryhmä: 3 kokousta 2025, tavoite 5–6",
           "on_target": "Tavoitteessa 2025: 4/5", "meetings": "Kokoukset 2025: 26",
           "joint": "pidettyä kokousta, joista 3 yhteiskokousta", "attendance": "Osallistumisaste 2025: 93\u00a0%",
           "vacant": "Ikääntyneiden hyvinvointiryhmä – Järjestöt: vapaana 1/2",
           "cells": "Käsittelemättä ryhmittäin: Kunnan johtoryhmä – Elintavat",
           "clock_none": "Johtoryhmän vuosikelloon ei ole kirjattu asioita vuodelle 2025.",
           "upcoming": "10.3.2026", "history": "Tavoitteesta jäivät: Työikäisten hyvinvointiryhmä 2025 (3 kokousta)."},
    "sv": {"short": "Välfärdsgruppen för vuxna: 3 möten 2025, mål 5–6",
           "on_target": "Enligt målet 2025: 4/5", "meetings": "Möten 2025: 26",
           "joint": "hållna möten, varav 3 gemensamma", "attendance": "Närvaro 2025: 93\u00a0%",
           "vacant": "Välfärdsgruppen för äldre – Organisationer: 1 av 2 vakant",
           "cells": "Obehandlat per grupp: Kommunens ledningsgrupp – Elintavat",
           "clock_none": "Inga punkter har förts in i ledningsgruppens årshjul för 2025.",
           "upcoming": "10.3.2026", "history": "Under målet: Välfärdsgruppen för vuxna 2025 (3 möten)."},
    "en": {"short": "Working-age wellbeing group: 3 meetings in 2025, target 5–6",
           "on_target": "On target 2025: 4/5", "meetings": "Meetings 2025: 26",
           "joint": "meetings held, 3 of them joint", "attendance": "Attendance 2025: 93\u00a0%",
           "vacant": "Older people's wellbeing group – NGOs: 1 of 2 vacant",
           "cells": "Not taken up, by group: Municipal leadership group – Elintavat",
           "clock_none": "No items have been entered in the leadership group's annual clock for 2025.",
           "upcoming": "2026-03-10", "history": "Short of the target: Working-age wellbeing group 2025 (3 meetings)."},
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_page_shows_the_known_year_in_every_language(group_store, lang):
    at = open_groups(lang=lang, wg_year="2025")
    text, want = shown(at), EXPECTED[lang]
    for key in ("on_target", "meetings", "joint", "attendance", "vacant", "cells", "clock_none", "history"):
        assert want[key] in text, (key, text)
    # Stored names are escaped for Markdown; what the user reads has no backslashes.
    assert [w_.value for w_ in at.warning if want["short"] in w_.value.replace("\\", "")], "names the group short"
    assert "Vapaat paikat: 1" in text or "Vakanta platser: 1" in text or "Vacant seats: 1" in text
    upcoming = at.dataframe[0].value
    assert list(upcoming.iloc[:, 0]) == [want["upcoming"], "2.4.2026" if lang != "en" else "2026-04-02"]
    specs = chart_specs(at)
    assert len(specs) == 6  # structure, meetings, by year, attendance, seats, topics (no clock for 2025)
    captions = [c.value.replace("\\", "") for c in at.caption]
    for spec in specs:
        assert spec["description"] in captions  # every chart's text alternative is also on screen
    assert not at.error


def test_year_in_progress_and_the_annual_clock(group_store):
    at = open_groups()  # the default year is the latest: 2026, in progress on 1.3.2026
    text = shown(at)
    assert "Yksikään ryhmä ei jää kokoustavoitteestaan vuonna 2026." in text
    assert "ryhmää on tavoitteen tahdissa (vuosi on kesken)" in text
    assert "Vuosi on kesken" in text
    assert "Johtoryhmän vuosikello 2026" in text
    assert "- **maaliskuu**: Hyvinvointikertomus valtuustolle\n- **toukokuu**: Talousarvion linjaukset" in text
    assert "Johtoryhmän vuosikello 2026: 2/4 asiaa tehty. Seuraavana vuorossa: Hyvinvointikertomus valtuustolle " \
           "(maaliskuu)." in text
    clock = next(s for s in chart_specs(at) if s["description"].startswith("Johtoryhmän vuosikello"))
    assert clock["layer"][0]["mark"]["type"] == "arc"
    assert at.radio[0].options == ["2025", "2026"] and at.radio[0].value == 2026


def test_age_filter_keeps_the_lifecycle_group_and_its_subgroups(group_store):
    at = open_groups(age="young", wg_year="2025")
    text = shown(at)
    assert "Tavoitteessa 2025: 2/2" in text  # kids and the family centre group (no age group of its own)
    assert "Kokoukset 2025: 9" in text
    meetings = next(s for s in chart_specs(at) if s["description"].startswith("Kokoukset vuonna 2025"))
    assert "Perhekeskusryhmä 4 kokousta" in meetings["description"]
    assert "Työikäisten" not in meetings["description"]
    structure = chart_specs(at)[0]
    boxes = {b["name"]: b for layer in structure["layer"] if layer["mark"]["type"] == "rect"
             for b in layer["data"]["values"]}
    assert set(boxes) == {"Kunnan johtoryhmä", "Hyvinvoinnin ohjausryhmä", "Lasten ja nuorten hyvinvointiryhmä",
                          "Perhekeskusryhmä"}
    assert boxes["Kunnan johtoryhmä"]["dash"] == "dash"  # shown for context only

    at = open_groups(age="adult", wg_year="2025")
    text = shown(at)
    assert "Tavoitteessa 2025: 0/1" in text
    assert ("Yksikään ryhmä ei ole käsitellyt kokouksissaan kaudella 2025–2026 näitä painopistealueita: "
            "Elintavat.") in text


def test_stored_names_show_as_typed(group_store):
    at = open_groups(age="old", wg_year="2025")
    captions = [c.value for c in at.caption]
    assert any(r"\<b\>Kylä\</b\> \*ryhmä\* \[x\]\(y\)" in c for c in captions)  # escaped, not formatted
    assert not any("*ryhmä*" in c.replace(r"\*", "") for c in captions)
    structure = chart_specs(at)[0]
    boxes = [layer for layer in structure["layer"] if layer["mark"]["type"] == "rect"]
    names = {b["name"] for layer in boxes for b in layer["data"]["values"]}
    assert "<b>Kylä</b> *ryhmä* [x](y)" in names  # a chart draws text, never markup


def test_period_filter_sets_the_years(group_store):
    at = open_groups(**{"from": "2026", "to": "2026"})
    assert at.radio[0].options == ["2026"]
    assert "Kokoukset 2026: 2" in shown(at)  # K6 and F5 held; K7 and E8 are still to come
    at = open_groups(**{"from": "2023", "to": "2024"})
    text = shown(at)
    assert "Kaudelle 2023–2024 ei ole kirjattu kokouksia." in text
    assert "Paikat sääntöjen mukaan" in text  # the seats do not depend on the period


def test_downloads_offer_csv_and_excel_of_meetings_and_activity(group_store):
    at = open_groups(wg_year="2025")
    # The tables' files; every chart's PNG and SVG buttons are the others.
    labels = [b.label for b in at.get("download_button")
              if b.label not in ("Kuva (PNG)", "Vektorikuva (SVG)", translate("deck.download", "fi"))]
    assert labels == ["Kokoukset (CSV)", "Kokoukset (Excel)", "Työryhmien aktiivisuus (CSV)",
                      "Työryhmien aktiivisuus (Excel)"]


def test_tables_and_files_escape_formulas_and_keep_raw_values():
    from dashboard.core import spreadsheet
    from dashboard.working_groups import view as wg_view

    meetings = m.with_attendance(meetings_frame([("x", "bad", date(2025, 1, 2), True, 4, 3)]))
    at = AppTest.from_function(_table_script, args=(meetings,))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    raw = at.session_state["raw"]
    assert raw.columns == ["Päivämäärä", "Ryhmä", "Yhteiskokous", "Kutsuttuja", "Läsnä", "Osallistumisaste"]
    assert raw.row(0) == (date(2025, 1, 2), "=HYPERLINK(1)", "kyllä", 4, 3, 0.75)
    assert at.session_state["shown"].row(0)[5] == "75\u00a0%"
    text = spreadsheet.csv_bytes(raw, ["Kokoukset"]).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and text.startswith("# Kokoukset\n")
    assert wg_view.target_range(5, 6, "fi") == "5–6"


def _table_script(meetings):
    import streamlit as st

    from dashboard.working_groups import view as wg_view

    st.session_state["raw"] = wg_view.meeting_table(meetings, {"bad": "=HYPERLINK(1)"}, "fi")
    st.session_state["shown"] = wg_view.meeting_table(meetings, {"bad": "=HYPERLINK(1)"}, "fi", formatted=True)


def test_headline_for_the_overview_tile(group_store):
    at = AppTest.from_function(_headline_script, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["tile"] == ("4/5", "ryhmää tavoitteessa 2025. Työikäisten hyvinvointiryhmä: "
                                               "3 kokousta 2025, tavoite 5–6")
    assert at.session_state["tile_young"] == ("2/2", "Kaikki ryhmät kokoontuivat tavoitteen mukaan vuonna 2025.")


def _headline_script():
    import streamlit as st

    from dashboard.core import cache
    from dashboard.core import filters
    from dashboard.working_groups import model

    store = cache.open_store()
    st.session_state["tile"] = model.headline(store, filters.Filters(None, None, 2025, 2026), "fi")
    st.session_state["tile_young"] = model.headline(store, filters.Filters("young", None, 2020, 2028), "fi")


def test_a_store_without_groups_says_so(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build_fixture_store(url)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("../pages/working_groups.py").run()
    assert not at.exception
    # Where they are added, in the screens' words (Kuusamo trial: it named a CSV file and a terminal command).
    assert [i.value for i in at.info] == [
        "Työryhmiä ei ole vielä kirjattu. Ne lisätään Rekisterit-näkymässä (rekisteri Työryhmät)."]
    assert not at.get("vega_lite_chart")


def test_a_subgroup_under_the_steering_group_stands_among_the_subgroups_and_every_column_has_its_header():
    """Kangasala's ehkäisevän päihdetyön työryhmä reports to the wellbeing group: drawn in the
    lifecycle column it took that column's header away (issue 15)."""
    groups = groups_frame([("lead", "leadership", None, None, None, None), ("steer", "steering", "lead", None, 5, 6),
                           ("kids", "lifecycle", "steer", "young", 5, 6), ("adults", "lifecycle", "steer", "adult", 5, 6),
                           ("family", "subgroup", "kids", None, 4, 6), ("drugs", "subgroup", "steer", None, 4, 6)])
    pos = {r["code"]: r for r in m.tree_layout(groups).iter_rows(named=True)}
    assert [pos[c]["depth"] for c in ("lead", "steer", "kids", "adults", "family", "drugs")] == [0, 1, 2, 2, 3, 3]
    assert pos["drugs"]["parent_depth"] == 1
    act = {"tree": m.tree_layout(groups).with_columns(pl.lit(True).alias("selected")),
           "tree_counts": pl.DataFrame(schema={"group_code": pl.Utf8, "year": pl.Int64, "held": pl.Int64,
                                               "status": pl.Utf8})}
    from dashboard.working_groups import view as wg_view

    spec = wg_view.structure(act, 2025, {c: c for c in pos}, {}, "Rakenne", "fi").to_dict()
    headers = {"Johtoryhmä", "Ohjausryhmä", "Elämänkaariryhmät", "Alaryhmät"}
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("text"), str) and node["text"] in headers and "x" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    shown = {v["text"]: v["x"] for v in found}
    assert sorted(shown, key=shown.get) == ["Johtoryhmä", "Ohjausryhmä", "Elämänkaariryhmät", "Alaryhmät"]


@pytest.mark.parametrize("lang, joint, source", [("sv", "1 gemensamma", "Källa: THL"), ("en", "1 joint", "Source: THL")])
def test_no_finnish_left_in_swedish_and_english(group_store, lang, joint, source):
    """"1 yhteistä" and "Lähde:" were shown untranslated in sv/en (issue 15)."""
    at = open_groups(lang=lang)
    drawn = json.dumps(chart_specs(at), ensure_ascii=False)
    assert "yhteistä" not in drawn and joint in drawn
    # No "Group" title beside the rows of the by-year table: it ran into a long group name.
    group = {"sv": "Grupp", "en": "Group"}[lang]
    for spec in chart_specs(at):
        for layer in spec.get("layer", []):
            assert (layer.get("encoding", {}).get("y") or {}).get("title") != group, spec["description"]
    text = shown(open_screen("indicators.py", lang=lang, **{"from": "2020", "to": "2025"}))
    assert "Lähde" not in text and source in text


def test_the_year_in_progress_is_not_called_finished_and_one_year_is_said_once(group_store):
    at = open_groups(**{"from": "2026", "to": "2026"})
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert not any("päättyneen vuoden" in c for c in captions)
    assert "Kokoukset 2026: vuosi on vielä kesken, joten yksikään ryhmä ei ole vielä jäänyt vuoden " \
           "kokoustavoitteestaan." in captions
    attendance = next(c for c in captions if c.startswith("Läsnä olleiden osuus"))
    assert attendance.startswith("Läsnä olleiden osuus kutsutuista jäsenistä, ryhmät yhteensä: 2026 94\u00a0%."), \
        attendance  # once, not "2026 94 %, 2026 94 %"
    # A period with finished years and the year in progress says which one is still running.
    captions = [c.value.replace("\\", "") for c in open_groups().caption]
    assert any("vuosi 2026 on vielä kesken" in c for c in captions) or any(
        "Tavoitteesta jäivät" in c for c in captions)
