"""NGO partnership coverage: the computations on hand-made frames, the chart specs, and the screen on a
store the real pipeline loaded from known registers (every figure asserted below is worked out here)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from support.dashboard_fixtures import build_fixture_store
from support.screen_helpers import APP, open_screen, screen_text
from streamlit.testing.v1 import AppTest
from support.partnerships_fixtures import PERIOD

from dashboard.partnerships import charts as ngo_charts
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.core import theme
from dashboard.partnerships import queries as q
from dashboard.core.formatting import DASH, NBSP
from dashboard.core.i18n import LANGUAGES, translate
from data_pipeline.store.engine import make_engine

SCRIPT_NAME = "<script>alert(1)</script>"
PAGE = "../pages/partnerships.py"


# --- hand-made frames -----------------------------------------------------------------------------

def ngos(*rows: tuple[str, bool]) -> pl.DataFrame:
    return pl.DataFrame([{"id": i, "name": f"Org {i}", "ngo_type": "association", "serves_whole_municipality": w}
                         for i, w in rows], schema=q.NGO_SCHEMA)


def where(*pairs: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(list(pairs), schema=q.NGO_DISTRICT_SCHEMA, orient="row")


def deals(*rows: tuple) -> pl.DataFrame:
    """(id, ngo, kind, start, end, grant, group)"""
    return pl.DataFrame([{"id": r[0], "ngo_id": r[1], "kind": r[2], "start_date": r[3], "end_date": r[4],
                          "grant_eur": r[5] if len(r) > 5 else None, "group_code": r[6] if len(r) > 6 else None,
                          "group_fi": None, "group_sv": None, "group_en": None} for r in rows],
                        schema=q.PARTNERSHIP_SCHEMA)


def work(*rows: tuple[str, str, str, int]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=q.ACTIVITY_SCHEMA, orient="row")


def population(*rows: tuple[str, str, int, int]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=q.POPULATION_SCHEMA, orient="row")


def test_active_partnerships_overlap_the_period_open_ended_included():
    d = deals(("open", "a", "agreement", date(2020, 5, 1), None),
              ("ended_before", "b", "agreement", date(2019, 1, 1), date(2023, 12, 31)),
              ("ends_in_it", "c", "grant", date(2023, 1, 1), date(2024, 1, 1), 100.0),
              ("starts_after", "d", "seat", date(2027, 1, 1), None),
              ("starts_on_last_day", "e", "joint_service", date(2026, 12, 31), None))
    active = ngo_metrics.active_partnerships(d, 2024, 2026)
    assert sorted(active["id"]) == ["ends_in_it", "open", "starts_on_last_day"]
    assert ngo_metrics.active_partnerships(d, 2024, 2026, ("agreement", "seat"))["id"].to_list() == ["open"]
    assert ngo_metrics.active_partnerships(d, 2019, 2019)["id"].to_list() == ["ended_before"]


def test_serving_a_district_includes_whole_municipality_partners():
    orgs = ngos(("whole", True), ("multi", False), ("elsewhere", False))
    homes = where(("multi", "01"), ("multi", "02"), ("elsewhere", "03"))
    assert ngo_metrics.serving(orgs, homes, "02") == {"whole", "multi"}
    assert ngo_metrics.serving(orgs, homes, None) == {"whole", "multi", "elsewhere"}


def test_coverage_matrix_counts_distinct_active_partners_and_keeps_empty_cells():
    activity = work(("a", "env", "young", 2024), ("a", "env", "young", 2025),  # one partner, two years
                    ("b", "env", "young", 2025), ("b", "life", "old", 2025),
                    ("not_active", "life", "adult", 2025))
    matrix = ngo_metrics.coverage_matrix(activity, {"a", "b"}, ["env", "life"], ["young", "adult", "old"])
    assert matrix.rows() == [("env", "young", 2), ("env", "adult", 0), ("env", "old", 0),
                             ("life", "young", 0), ("life", "adult", 0), ("life", "old", 1)]
    assert matrix.schema["partners"] == pl.Int64
    assert ngo_metrics.gaps(matrix).height == 4
    empty = ngo_metrics.coverage_matrix(work(), set(), [], ["young"])
    assert empty.is_empty() and empty.columns == ["priority_area_code", "age_group_code", "partners"]


def test_board_counts_only_partners_active_in_the_period():
    tables = {
        "ngos": ngos(("a", False), ("ended", False), ("later", False)),
        "ngo_districts": where(("a", "01"), ("ended", "01"), ("later", "01")),
        "partnerships": deals(("p1", "a", "grant", date(2024, 1, 1), date(2024, 12, 31), 1000.0),
                              ("p2", "ended", "agreement", date(2020, 1, 1), date(2022, 6, 30)),
                              ("p3", "later", "agreement", date(2027, 1, 1), None)),
        "activities": work(("a", "env", "young", 2024), ("ended", "env", "old", 2024),
                           ("later", "env", "adult", 2024), ("a", "env", "adult", 2021)),  # 2021: outside
        "forums": pl.DataFrame(schema=q.FORUM_SCHEMA), "attendance": pl.DataFrame(schema=q.ATTENDANCE_SCHEMA),
        "notes": pl.DataFrame(schema=q.NOTE_SCHEMA), "population": population(("01", "young", 2024, 1000)),
    }
    board = ngo_metrics.board(tables, ["env"], ["young", "adult", "old"], ["01"], 2023, 2026, None, None)
    assert board["matrix"].rows() == [("env", "young", 1), ("env", "adult", 0), ("env", "old", 0)]
    assert board["partners"]["ngo_id"].to_list() == ["a"]
    assert board["partners"].row(0, named=True)["kinds"] == ["grant"]
    assert ngo_metrics.biggest_gap(board["matrix"], {"adult": 10, "old": 50})["age_group_code"] == "old"
    assert ngo_metrics.biggest_gap(board["matrix"], {})["age_group_code"] == "adult"  # plan order between equals


def test_district_coverage_per_1000_residents_of_the_age_group():
    orgs = ngos(("whole", True), ("multi", False), ("one", False), ("inactive", False))
    homes = where(("multi", "01"), ("multi", "02"), ("one", "02"), ("inactive", "03"), ("whole", "01"))
    pop = population(("01", "young", 2024, 1000), ("01", "old", 2024, 3000), ("02", "young", 2024, 500),
                     ("02", "old", 2024, 4), ("03", "young", 2024, 800), ("03", "old", 2024, 200),
                     ("01", "young", 2026, 9999))  # a year after the period: not the denominator
    covering = {"whole", "multi", "one"}
    rows = ngo_metrics.district_coverage(covering, orgs, homes, ["01", "02", "03", "04"], pop, None, 2025)
    by = {r["district_code"]: r for r in rows.iter_rows(named=True)}
    # The whole-municipality partner counts once everywhere, even where it is also listed by district.
    assert {c: r["partners"] for c, r in by.items()} == {"01": 2, "02": 3, "03": 1, "04": 1}
    assert by["01"]["population"] == 4000 and by["01"]["per_1000"] == pytest.approx(0.5)
    assert by["02"]["per_1000"] == pytest.approx(3 / 504 * 1000)
    assert by["04"]["population"] is None and by["04"]["per_1000"] is None  # no population: no rate
    assert rows["district_code"].to_list() == ["02", "03", "01", "04"]  # best covered first, no rate last
    assert set(rows["population_year"]) == {2024}

    old = ngo_metrics.district_coverage({"one"}, orgs, homes, ["01", "02", "03"], pop, "old", 2025)
    by = {r["district_code"]: r for r in old.iter_rows(named=True)}
    assert by["01"]["partners"] == 0 and by["01"]["per_1000"] == 0.0
    assert by["02"]["suppressed"] and by["02"]["population"] is None and by["02"]["per_1000"] is None  # 4 < 5
    assert old["district_code"].to_list()[-1] == "02"


def test_population_year_is_the_newest_up_to_the_period_end():
    pop = population(("01", "young", 2022, 1), ("01", "young", 2024, 1), ("01", "young", 2026, 1))
    assert ngo_metrics.population_year(pop, 2025) == 2024
    assert ngo_metrics.population_year(pop, 2020) == 2022
    assert ngo_metrics.population_year(population(), 2025) is None


def test_grants_split_between_the_areas_worked_in_that_year():
    d = deals(("g1", "a", "grant", date(2024, 1, 1), date(2024, 12, 31), 900.0),
              ("g2", "b", "grant", date(2025, 1, 1), None, 500.0),
              ("g3", "c", "grant", date(2025, 1, 1), None, 100.0),
              ("g4", "a", "grant", date(2020, 1, 1), date(2020, 12, 31), 7.0))  # before the period
    activity = work(("a", "env", "young", 2024), ("a", "life", "young", 2024), ("a", "env", "old", 2024),
                    ("a", "part", "young", 2025),  # another year: not used for the 2024 grant
                    ("b", "life", "old", 2024))  # b has nothing in 2025: its areas of the period count
    grants = ngo_metrics.grants_by_area(d, activity, {"a", "b", "c"}, 2024, 2026)
    assert grants.rows() == [(2024, "env", 450.0), (2024, "life", 450.0), (2025, "life", 500.0),
                             (2025, None, 100.0)]
    assert grants["grants_eur"].sum() == 1500.0  # the areas add up to the grants awarded
    assert ngo_metrics.grants_by_area(d, activity, {"a"}, 2024, 2026, "old").rows() == [(2024, "env", 900.0)]


def test_partner_table_and_search():
    tables = dict(ngos=ngos(("x", True), ("y", False)), homes=where(("y", "02"), ("y", "01")))
    d = deals(("p1", "x", "seat", date(2025, 6, 1), None, None, "wg"),
              ("p2", "x", "agreement", date(2024, 1, 1), None),
              ("p3", "x", "grant", date(2024, 1, 1), date(2024, 12, 31), 250.0),
              ("p4", "x", "grant", date(2021, 1, 1), date(2025, 12, 31), 999.0),  # active, started earlier
              ("p5", "y", "joint_service", date(2024, 1, 1), None))
    activity = work(("x", "life", "old", 2025), ("x", "env", "young", 2025))
    table = ngo_metrics.partner_table(tables["ngos"], tables["homes"], d, activity, {"x", "y"}, 2024, 2026,
                                      ["env", "life"], ["young", "old"])
    x, y = table.row(0, named=True), table.row(1, named=True)
    assert x["kinds"] == ["agreement", "grant", "seat"] and x["seat_groups"] == ["wg"] and x["has_agreement"]
    assert x["areas"] == ["env", "life"] and x["age_groups"] == ["young", "old"]  # plan order
    assert x["grants_eur"] == 250.0  # grants starting in the period
    assert y["districts"] == ["01", "02"] and y["grants_eur"] == 0.0 and not y["has_agreement"]
    assert ngo_metrics.agreement_share(table) == (1, 2)
    named = table.with_columns(pl.Series("name", ["Urheilu (ry).", "Muu"]))
    assert ngo_metrics.search(named, " URHEILU ")["name"].to_list() == ["Urheilu (ry)."]
    assert ngo_metrics.search(named, "(ry).")["name"].to_list() == ["Urheilu (ry)."]  # literal, not a pattern
    assert ngo_metrics.search(named, "").height == 2


def test_forums_and_notes_in_the_period():
    forums = pl.DataFrame([("f1", date(2024, 2, 1), "Kevät"), ("f2", date(2024, 9, 1), "Syksy"),
                           ("f0", date(2019, 1, 1), "Vanha")], schema=q.FORUM_SCHEMA, orient="row")
    present = pl.DataFrame([("f1", "a"), ("f1", "b"), ("f2", "a"), ("f0", "c")], schema=q.ATTENDANCE_SCHEMA,
                           orient="row")
    per_year, each = ngo_metrics.forums_by_year(forums, present, {"a"}, 2024, 2026)
    assert per_year.rows() == [(2024, 2, 2, 1)]
    assert each["organisations"].to_list() == [["a", "b"], ["a"]]
    notes = pl.DataFrame([("n1", "a", date(2025, 1, 1), "env", None, "kaikille"),
                          ("n2", "a", date(2025, 1, 1), "env", "old", "vanhoille"),
                          ("n3", "a", date(2025, 1, 1), "env", "young", "nuorille"),
                          ("n4", "z", date(2025, 1, 1), "env", "old", "muualta"),
                          ("n5", "a", date(2018, 1, 1), "env", "old", "vanha")], schema=q.NOTE_SCHEMA, orient="row")
    shown = ngo_metrics.notes_in_view(notes, {"a"}, 2024, 2026, "old")
    assert shown["id"].to_list() == ["n1", "n2"]


# --- chart specs ----------------------------------------------------------------------------------

def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def _values(spec: dict, layer: dict) -> list[dict]:
    data = layer.get("data") or spec.get("data")
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_heatmap_draws_gaps_in_the_bad_colour_with_words():
    theme.apply()
    cells = pl.DataFrame({"area": ["Elinympäristö"] * 2 + ["Elintavat"] * 2,
                          "age": ["Personer i arbetsför ålder", "Äldre"] * 2, "partners": [4, 0, 2, 1],
                          "label": ["4", "0 · lucka", "2", "1"]})
    spec = ngo_charts.coverage_heatmap(cells, {"age": "Åldersgrupp", "area": "Fokusområde",
                                               "partners": "Partner"}, "Täckning: 3 av 4.").to_dict()
    assert spec["description"] == "Täckning: 3 av 4."
    covered, gaps, text = _layers(spec)
    assert gaps["mark"]["color"] == theme.BAD
    assert [v["label"] for v in _values(spec, gaps)] == ["0 · lucka"]
    assert {v["partners"] for v in _values(spec, covered)} == {4, 2, 1}
    assert covered["encoding"]["color"]["scale"]["range"][-1] == theme.GOOD
    assert text["encoding"]["text"]["field"] == "label"
    assert covered["encoding"]["y"]["sort"] == ["Elinympäristö", "Elintavat"]  # plan order, not alphabetical
    # The long Swedish age group is written on two lines rather than hidden by Vega.
    assert '["Personer i", "arbetsf\\u00f6r \\u00e5lder"]' in covered["encoding"]["x"]["axis"]["labelExpr"]


def test_wrapped_labels_only_when_needed():
    assert ngo_charts.wrapped_labels(["Lapset ja nuoret", "Ikääntyneet"], 16) is None
    expr = ngo_charts.wrapped_labels(['Quote " and \\ back'], 8)
    assert expr.endswith(": datum.label") and '\\"' in expr


def test_district_bars_mark_districts_without_partners_and_the_chosen_one():
    theme.apply()
    rows = pl.DataFrame({"district": ["Saari", "Keskusta"], "per_1000": [5.4, 0.0], "partners": [3, 0],
                         "label": ["5,4", "0 · ei kumppaneita"], "none": [False, True], "chosen": [True, False],
                         "population_label": ["553", "5 100"]})
    spec = ngo_charts.district_bars_spec(rows, {"rate": "Kumppaneita / 1 000", "district": "Alue",
                                                "partners": "Kumppaneita", "population": "Asukkaita"},
                                         "Ei yhtään kumppania: Keskusta.", ngo_charts.NUMBER_LOCALES["fi"])
    bars, text = _layers(spec)
    colour = bars["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"])) == {"none": theme.BAD, "some": theme.GOOD}
    values = _values(spec, bars)
    assert [(v["district"], v["tone"], v["chosen"]) for v in values] == [("Saari", "some", "chosen"),
                                                                        ("Keskusta", "none", "other")]
    assert bars["encoding"]["y"]["sort"] is None  # the rows' own order: the rank order
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["description"] == "Ei yhtään kumppania: Keskusta."


def test_district_bars_of_thousands_of_districts_are_drawn_in_rank_order():
    """3,000 districts: the rank order given as a list of every name made Vega's expression too deep to
    compile ("Maximum call stack size exceeded"): no picture for the published page or the download."""
    import re

    import vl_convert as vlc

    theme.apply()
    n = 2500
    rows = pl.DataFrame({"district": [f"Alue {n - i:04d}" for i in range(n)],
                         "per_1000": [float(n - i) / 100 for i in range(n)], "partners": [1] * n,
                         "label": ["x"] * n, "none": [False] * n, "chosen": [False] * n,
                         "population_label": ["100"] * n})
    spec = ngo_charts.district_bars_spec(rows, {"rate": "Kumppaneita / 1 000", "district": "Alue",
                                                "partners": "Kumppaneita", "population": "Asukkaita"}, "–")
    labels = re.findall(r">(Alue \d{4})</text>", vlc.vegalite_to_svg({**spec, "width": 400}))
    assert labels == [f"Alue {n - i:04d}" for i in range(n)], labels[:3]


def test_grant_bars_stack_areas_and_write_each_total():
    theme.apply()
    grants = pl.DataFrame({"year": [2024, 2025, 2025], "area": ["Elinympäristö", "Elinympäristö", "Elintavat"],
                           "grants_eur": [3000.0, 5000.0, 5000.0], "eur_label": ["3 000 €", "5 000 €", "5 000 €"]})
    totals = pl.DataFrame({"year": [2024, 2025], "grants_eur": [3000.0, 10000.0], "label": ["3 000 €", "10 000 €"]})
    spec = ngo_charts.grants_bars(grants, totals, {"year": "Vuosi", "eur": "Avustukset (€)", "area": "Alue"},
                                  "Avustukset vuosittain.").to_dict()
    bars, text = _layers(spec)
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y"]["stack"] == "zero"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["Elinympäristö", "Elintavat"]
    assert [v["label"] for v in _values(spec, text)] == ["3 000 €", "10 000 €"]
    assert spec["description"] == "Avustukset vuosittain."


# --- the screen on a store loaded by the real pipeline --------------------------------------------

def open_page(**params: str) -> AppTest:
    return open_screen(PAGE.removeprefix("../pages/"), **{**PERIOD, **params})


def shown(at: AppTest) -> str:
    # Kept escaped: some tests check that stored names are escaped where they meet Markdown.
    return screen_text(at, unescape=False)


def unescaped(text: str) -> str:
    return text.replace("\\", "")


def charts(at: AppTest) -> list[dict]:
    """The screen's chart specs, with data Streamlit moved out of the spec (as Arrow) put back inline."""
    specs = []
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        if el.proto.HasField("data"):
            spec["data"] = {"values": pl.read_ipc_stream(io.BytesIO(el.proto.data.data)).to_dicts()}
        for named in el.proto.datasets:
            spec.setdefault("datasets", {})[named.name] = pl.read_ipc_stream(io.BytesIO(named.data.data)).to_dicts()
        specs.append(spec)
    return specs


EXPECTED = {
    "fi": {"partners": "Aktiiviset kumppanit: 3", "coverage": "Katetut yhdistelmät: 5/6",
           "agreement": "Kirjallinen sopimus: 1/3", "grants": f"Avustukset kaudella: 14{NBSP}500{NBSP}€",
           "gap": "Aukot, joissa ei ole yhtään aktiivista kumppania: Elintavat: ikääntyneet.",
           "range": "Parhaiten katettu on Saari (5,4 / 1\u00a0000 asukasta), heikoimmin Keskusta (0,4 / 1\u00a0000",
           "grants_alt": f"2024 3{NBSP}000{NBSP}€, 2025 10{NBSP}000{NBSP}€, 2026 1{NBSP}500{NBSP}€",
           "share": "kumppaneista: 33\u00a0%"},
    "sv": {"partners": "Aktiva partner: 3", "coverage": "Täckta kombinationer: 5/6",
           "agreement": "Skriftligt avtal: 1/3", "grants": f"Bidrag under perioden: 14{NBSP}500{NBSP}€",
           "gap": "Luckor utan någon aktiv partner: Levnadsvanor: äldre.",
           "range": "Bäst täckt är Saari (5,4 / 1\u00a0000 invånare), sämst Keskusta (0,4 / 1\u00a0000",
           "grants_alt": f"2024 3{NBSP}000{NBSP}€, 2025 10{NBSP}000{NBSP}€",
           "share": "av partnerna: 33\u00a0%"},
    "en": {"partners": "Active partners: 3", "coverage": "Covered combinations: 5/6",
           "agreement": "Written agreement: 1/3", "grants": "Grants in the period: €14,500",
           "gap": "Gaps with no active partner: Lifestyles: old people.",
           "range": "Best covered is Saari (5.4 per 1,000 residents), least Keskusta (0.4 per 1,000",
           "grants_alt": "2024 €3,000, 2025 €10,000, 2026 €1,500",
           "share": "of the partners: 33%"},
}


@pytest.fixture
def named_areas(mini_package: Path) -> None:
    """Swedish and English names for the mini package's areas and age groups (Finnish only by default)."""
    text = mini_package.read_text(encoding="utf-8")
    for fi, sv, en in (("Elinympäristö", "Livsmiljö", "Environment"), ("Elintavat", "Levnadsvanor", "Lifestyles"),
                       ("Lapset ja nuoret", "Barn och unga", "Children and youth"),
                       ("Työikäiset", "I arbetsför ålder", "Working-age"), ("Ikääntyneet", "Äldre", "Old people")):
        text = text.replace(f'name_fi = "{fi}"\n', f'name_fi = "{fi}"\nname_sv = "{sv}"\nname_en = "{en}"\n')
    mini_package.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screen_shows_coverage_districts_grants_and_agreements(named_areas, ngo_store, lang):
    at = open_page(lang=lang)
    text, want = shown(at), EXPECTED[lang]
    for key in ("partners", "coverage", "agreement", "grants"):
        assert want[key] in text, (key, text)
    plain_text = unescaped(text)
    for key in ("gap", "range", "grants_alt", "share"):
        assert want[key] in plain_text, (key, plain_text)
    coverage, districts, grants = charts(at)
    # Every chart states its message as a description, and the same sentences stand beside it.
    for spec in (coverage, districts, grants):
        sentences = [p + "." for p in spec["description"].rstrip(".").split(". ")]
        assert len(sentences) >= 2 and all(s in plain_text for s in sentences), (spec["description"], plain_text)
    assert want["gap"] in coverage["description"] and want["range"] in districts["description"]
    gap_cells = [v for layer in coverage["layer"] for v in _values(coverage, layer) if v["tone"] == "gap"]
    assert len(gap_cells) == 2  # the rect and its label
    cells = {(v["area"], v["age"]): v["partners"] for v in _values(coverage, coverage["layer"][-1])}
    assert sorted(cells.values()) == [0, 1, 1, 1, 2, 2]
    assert [v["district"] for v in _values(districts, districts["layer"][0])] == ["Saari", "Keskusta"]
    assert not at.error


def test_partners_table_shows_stored_names_as_literal_text(ngo_store):
    at = open_page()
    table = at.dataframe[0].value
    assert list(table["Järjestö"]) == [SCRIPT_NAME, "Saaren Eläkeläiset ry", "Testilän Urheiluseura"]
    row = table.set_index("Järjestö").loc[SCRIPT_NAME]
    assert row["Laji"] == "yhdistys" and row["Alueet"] == "koko kunta"
    assert row["Kumppanuudet"] == "avustus, paikka työryhmässä"
    assert row["Avustukset (€)"] == f"4{NBSP}500"
    assert row["Paikat työryhmissä"] == "Lasten ja nuorten hyvinvointiryhmä"
    assert row["Painopistealueet"] == "Elinympäristö, Elintavat"
    urheilu = table.set_index("Järjestö").loc["Testilän Urheiluseura"]
    assert urheilu["Alueet"] == "Keskusta, Saari" and urheilu["Avustukset (€)"] == f"10{NBSP}000"
    assert "Keskustan Kulttuuriseura" not in list(table["Järjestö"])  # its agreement ended in 2022
    # Nowhere is the name handed to the browser as HTML: where it is Markdown, it is escaped.
    for el in (*at.markdown, *at.caption):
        assert "<script>" not in el.value
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in shown(at)  # the note's author line, escaped


def test_search_is_kept_in_the_url_and_filters_by_name(ngo_store):
    at = open_page(q="urheilu")
    assert list(at.dataframe[0].value["Järjestö"]) == ["Testilän Urheiluseura"]
    assert "Näytetään 1/3 kumppania." in shown(at)
    at.text_input(key="q").set_value("<script").run()
    assert list(at.dataframe[0].value["Järjestö"]) == [SCRIPT_NAME]
    assert at.query_params["q"] == "<script"
    at.text_input(key="q").set_value("ei ole").run()
    assert "Haulla ”ei ole” ei löytynyt kumppaneita." in shown(at)
    at.text_input(key="q").set_value("").run()
    assert "q" not in at.query_params and len(at.dataframe[0].value) == 3


def test_kind_filter_chooses_partners_and_is_kept_in_the_url(ngo_store):
    at = open_page(kind="seat")
    assert at.multiselect(key="kind").value == ["seat"]
    assert list(at.dataframe[0].value["Järjestö"]) == [SCRIPT_NAME]
    text = shown(at)
    assert "Aktiiviset kumppanit: 1" in text and "Katetut yhdistelmät: 3/6" in text
    at.multiselect(key="kind").set_value(["grant", "agreement"]).run()
    assert at.query_params["kind"] == "agreement,grant"  # codes in a fixed order, whatever the clicks
    assert list(at.dataframe[0].value["Järjestö"]) == [SCRIPT_NAME, "Testilän Urheiluseura"]
    bad = open_page(kind="bribe")
    assert any("kind=bribe" in w.value for w in bad.warning)
    assert "kind" not in bad.query_params


def test_age_filter_names_districts_without_partners_and_hides_small_populations(ngo_store):
    at = open_page(age="old")
    text = unescaped(shown(at))
    assert "Katetut yhdistelmät: 1/2" in shown(at)
    assert "Ei yhtään kumppania: Keskusta." in text
    assert "Suhdelukua ei näytetä, kun väestö on alle 5 tai sitä ei tiedetä: Saari." in text  # 3 older residents
    districts = charts(at)[1]
    labels = {v["district"]: v["label"] for v in _values(districts, districts["layer"][0])}
    assert labels == {"Saari": "kumppaneita: 1", "Keskusta": "0 · ei kumppaneita"}
    assert "(ikääntyneet) kaudella" in text and "(väestö 2025)" in text


def test_district_filter_narrows_partners_and_places_the_district(ngo_store):
    at = open_page(district="01", lang="en")
    assert list(at.dataframe[0].value["Organisation"]) == [SCRIPT_NAME, "Testilän Urheiluseura"]
    text = unescaped(shown(at))
    assert "Covered combinations: 4/6" in shown(at)  # n3 works only in Saari: no partner for env × old
    assert "Chosen district Keskusta: partners 2, 0.4 per 1,000 residents, rank 2 of 2." in text


def test_period_decides_who_is_active(ngo_store):
    at = open_page(**{"from": "2023", "to": "2023"})
    text = shown(at)
    # Only n3's joint service (from 8/2023) was in force; n1 and n2 start in 2024, n4 ended in 2022.
    assert "Aktiiviset kumppanit: 1" in text and "Katetut yhdistelmät: 0/6" in text  # no activity before 2024
    assert list(at.dataframe[0].value["Järjestö"]) == ["Saaren Eläkeläiset ry"]
    assert translate("ngo.grants.none", "fi") in text and translate("ngo.forums.none", "fi") in text
    assert "Aukot, joissa ei ole yhtään aktiivista kumppania: Elinympäristö: lapset ja nuoret;" in unescaped(text)


def test_forums_per_year_and_organisations_present(ngo_store):
    at = open_page(lang="sv")
    per_year = next(d.value for d in at.dataframe if "Möten" in d.value.columns)
    assert per_year.values.tolist() == [["2024", 1, 3, 2], ["2025", 1, 3, 2]]
    each = next(d.value for d in at.dataframe if "Närvarande organisationer" in d.value.columns)
    assert each.values.tolist()[0] == ["3.2.2025", "Järjestöfoorumi 2025",
                                       f"{SCRIPT_NAME}, Keskustan Kulttuuriseura, Saaren Eläkeläiset ry"]


def test_experiential_knowledge_beside_the_area_indicators(ngo_store):
    at = open_page()
    assert at.radio(key="ngo_area").value == "env"
    text = shown(at)
    assert "Bussivuorot ovat harvassa \\*\\*Saaressa\\*\\*\\." in text  # shown as typed, not bold
    assert "Nuoret toivovat valaistua kohtaamispaikkaa" in text and "Vanha havainto" not in text
    assert "**Väestö 31\\.12\\.**" in text  # the area's indicator beside the notes
    assert "Lapset ja nuoret 2 · Työikäiset 1 · Ikääntyneet 1" in text
    at.radio(key="ngo_area").set_value("life").run()
    assert at.query_params["ngo_area"] == "life"
    text = shown(at)
    assert "Kuntosalivuorot täyttyvät nopeasti" in text and "Bussivuorot" not in text
    assert "Ikääntyneet 0 · aukko" in text
    assert "Asukasillan osallistujat" in text


def test_headline_for_the_overview(ngo_store):
    def script():
        import streamlit as st

        from dashboard.core import cache
        from dashboard.partnerships import model as ngo_model
        from dashboard.core.filters import Filters

        store = cache.open_store()
        for age in (None, "old"):
            value, note = ngo_model.headline(store, Filters(age, None, 2024, 2026), "fi")
            st.metric(str(age), value)
            st.caption(note)

    at = AppTest.from_function(script, default_timeout=60).run()
    assert [m.value for m in at.metric] == ["5/6", "1/2"]
    # The note is Markdown-safe: stored names come escaped.
    assert [unescaped(c.value) for c in at.caption] == ["Suurin aukko: Elintavat: ikääntyneet"] * 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_store_without_organisations_says_so(tmp_path, monkeypatch, lang):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert [i.value for i in at.info] == [translate("ngo.none_in_store", lang)]
    assert not at.dataframe and not charts(at)

    def script():
        import streamlit as st

        from dashboard.core import cache
        from dashboard.partnerships import model as ngo_model
        from dashboard.core.filters import Filters

        value, note = ngo_model.headline(cache.open_store(), Filters(None, None, 2024, 2026), "fi")
        st.metric("ngo", value)
        st.caption(note)

    tile = AppTest.from_function(script, default_timeout=60).run()
    assert tile.metric[0].value == DASH and tile.caption[0].value == translate("ngo.headline.none", "fi")


def test_queries_give_fixed_types_on_an_empty_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)
    engine = make_engine(url)
    try:
        tables = q.ngo_tables(engine)
    finally:
        engine.dispose()
    assert tables["partnerships"].schema == pl.Schema(q.PARTNERSHIP_SCHEMA)
    assert all(frame.is_empty() for name, frame in tables.items() if name != "population")


def test_the_screen_reads_only_the_population_year_it_shows(ngo_store):
    """The cached board reads one population year (3,000 districts × age groups × years nationally):
    the one population_year picks from all of them, so the figures are the same as from every year."""
    engine = make_engine(ngo_store)
    try:
        every = q.district_population(engine)
        years = sorted(set(every["year"]))
        for end in (years[0] - 1, years[0], years[-1], years[-1] + 3):
            one = q.district_population(engine, end)
            assert set(one["year"]) == {ngo_metrics.population_year(every, end)}
            assert one.equals(every.filter(pl.col("year") == ngo_metrics.population_year(every, end)))
        assert "population" not in q.ngo_tables(engine, with_population=False)
    finally:
        engine.dispose()
