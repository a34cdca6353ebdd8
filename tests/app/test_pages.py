"""Every screen through Streamlit's AppTest, in every language, on a small known store.

Assertions are about what the user sees: names, counts, dates, warnings; not only "no exception".
Pages are switched with `at.switch_page("../pages/<file>.py")` (paths are relative to
dashboard/app.py, the entry point).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import polars as pl
import pytest
from support.dashboard_fixtures import (
    AGE_GROUPS,
    DISTRICTS,
    MUNICIPALITY,
    PRIORITY_AREAS,
    REJECTED,
    STALE_SOURCE,
    build_fixture_store,
)
from streamlit.testing.v1 import AppTest

from dashboard.core import queries
from dashboard.data_status import queries as status_queries
from dashboard.data_status import view as status_tables
from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_datetime, fmt_number, plain
from dashboard.core.pages import with_data
from dashboard.core.i18n import CATALOG, LANGUAGES, missing_keys, translate
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

APP = Path(__file__).parents[2] / "dashboard" / "app.py"
# page file -> i18n key of its title: every screen with the store's figures, from the app's own list
PAGES = {s.file: s.title_key for s in with_data()}
AREA_NAME = {"fi": 0, "sv": 1, "en": 2}


def open_app(page: str = "overview.py", **params: str) -> AppTest:
    """Run the app with `params` in the URL, then switch to `page` (the way a user clicks)."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(params)
    at.run()
    if page != "overview.py":
        at.switch_page(f"../pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All the text on screen, one element a line, for "is this shown" assertions."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success") for e in getattr(at, kind)]
    parts += [f"{m.label}: {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def active_filters(at: AppTest) -> str:
    prefix = {lang: translate("filters.active", lang).split("{")[0] for lang in LANGUAGES}
    lines = [c.value for c in at.caption if any(c.value.startswith(p) for p in prefix.values())]
    assert len(lines) == 1, lines
    return lines[0]


# --- formatting and i18n --------------------------------------------------------------------------

def test_numbers_are_finnish_first():
    assert fmt_number(1234.5, 1, "fi") == f"1{NBSP}234,5"
    assert fmt_number(1234.5, 1, "sv") == f"1{NBSP}234,5"
    assert fmt_number(1234.5, 1, "en") == "1,234.5"
    assert fmt_number(1234567, 0, "fi") == f"1{NBSP}234{NBSP}567"
    assert fmt_number(-3.25, 1, "fi") == "\u22123,3"  # minus sign; half away from zero, as statistics print
    assert fmt_number(None, 1, "fi") == DASH
    assert fmt_number(float("nan"), 1, "fi") == DASH


def test_dates_are_finnish_first():
    assert fmt_date(date(2026, 11, 22), "fi") == "22.11.2026"
    assert fmt_date(date(2026, 2, 1), "sv") == "1.2.2026"
    assert fmt_date(date(2026, 11, 22), "en") == "2026-11-22"
    utc = datetime(2026, 11, 22, 12, 5, tzinfo=timezone.utc)  # 14.05 in Helsinki (winter time)
    assert fmt_datetime(utc, "fi") == "22.11.2026 klo 14.05"
    assert fmt_datetime(utc.replace(tzinfo=None), "sv") == "22.11.2026 kl. 14.05"  # naive = UTC
    assert fmt_datetime(utc, "en") == "2026-11-22 14:05"


def test_stored_text_cannot_format_markdown():
    assert plain("**bold** [link](x)") == r"\*\*bold\*\* \[link\]\(x\)"


def test_every_text_exists_in_every_language():
    assert missing_keys() == {lang: set() for lang in LANGUAGES}
    for key, fi_text in CATALOG["fi"].items():
        fields = {f for f in ("{when}", "{url}", "{param}", "{value}", "{default}", "{age}",
                              "{district}", "{period}") if f in fi_text}
        for lang in LANGUAGES:
            assert CATALOG[lang][key].strip(), (lang, key)
            assert {f for f in fields if f in CATALOG[lang][key]} == fields, (lang, key)


# --- every page, every language -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_every_language(fixture_store, page, lang):
    at = open_app(page, lang=lang)
    assert [title.value for title in at.title] == [translate(PAGES[page], lang)]
    shown = texts(at)
    assert "DEMO DATA" in shown  # the demo municipality is labelled on every screen
    assert translate("data_date", lang, when=fmt_datetime(datetime(2026, 11, 20, 10, 5), lang)) in shown
    assert not at.error


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_shows_plan_areas_and_dash_tiles(fixture_store, lang):
    at = open_app(lang=lang)
    shown = texts(at)
    assert MUNICIPALITY in shown or "Testby" in shown
    assert "2025–2028" in shown
    area_names = [f"**{names[AREA_NAME[lang]]}**" for _code, names, _n in PRIORITY_AREAS]
    assert [m.value for m in at.markdown if m.value in area_names] == area_names
    counts = [m.value for m in at.metric if m.label == translate("overview.indicator_count", lang)]
    assert counts == [str(n) for _code, _names, n in PRIORITY_AREAS]  # 3, 1, 0 in plan order
    metrics = {m.label: m.value for m in at.metric}
    for tile in ("tile.reach", "tile.groups", "tile.ngo"):
        assert metrics[translate(tile, lang)] == DASH  # not built yet: no made-up number
    assert active_filters(at) == translate(
        "filters.active", lang, age=translate("filters.all_ages", lang),
        # The default period looks back six years before the plan (2025), clipped to the data (2020).
        district=translate("filters.all_districts", lang), period="2020–2028")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_data_status_lists_runs_rejections_freshness_and_counts(fixture_store, lang):
    at = open_app("data_status.py", lang=lang)
    tables = [d.value for d in at.dataframe]
    runs = next(t for t in tables if translate("status.col.started", lang) in t.columns)
    assert list(runs[translate("status.col.status", lang)]) == [
        translate("run.rejected", lang), translate("run.success", lang)]  # newest first
    started = "21.11.2026 klo 10.30" if lang == "fi" else fmt_datetime(datetime(2026, 11, 21, 8, 30), lang)
    assert started in list(runs[translate("status.col.started", lang)])

    rejected = next(t for t in tables if translate("status.col.file", lang) in t.columns)
    listed = [f"{r[0]}:{r[1]}: {r[2]}: {r[3]}" for r in rejected.itertuples(index=False)]
    assert listed == [f"{file}:{line}: {column}: {message}" for file, line, column, message in REJECTED]

    shown = texts(at)
    # The source by its name in the visitor's language, never as stored (issue 23: "sotkanet", "boundaries").
    assert f"**{plain(translate(f'freshness.source.{STALE_SOURCE}', lang))}**" in shown and f"**{STALE_SOURCE}**" not in shown
    assert translate("freshness.stale", lang) in shown and translate("freshness.fresh", lang) in shown
    assert ":orange-badge[" in shown and ":blue-badge[" in shown  # colour as well as words

    counts = next(t for t in tables if translate("status.col.count", lang) in t.columns)
    by_table = dict(zip(counts[translate("status.col.table_id", lang)],
                        counts[translate("status.col.count", lang)]))
    assert by_table["priority_area"] == "3" and by_table["indicator"] == "4" and by_table["meeting"] == "0"


def test_every_data_status_table_downloads_as_csv_and_excel(fixture_store):
    at = open_app("data_status.py", lang="sv")
    names = [b.proto.label for b in at.get("download_button")]
    assert len(at.dataframe) >= 3
    assert names.count(translate("exp.csv", "sv")) == len(at.dataframe)
    assert names.count(translate("exp.excel", "sv")) == len(at.dataframe)


def test_a_table_file_holds_what_the_table_shows_with_formulas_escaped():
    from dashboard.core.spreadsheet import csv_bytes

    shown = pl.DataFrame({"Alue": ["=HYPERLINK(\"http://x\")", "Metsä"], "Osallistujia": ["12", "< 5"]})
    text = csv_bytes(shown, ["Otsikko"]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "Metsä;< 5" in text and text.splitlines()[0] == "# Otsikko"


# --- filters in the URL ---------------------------------------------------------------------------

def test_url_filters_change_what_is_shown(fixture_store):
    at = open_app(age="older", district="kylä", **{"from": "2026", "to": "2027"})
    assert active_filters(at) == "Rajaukset: Ikääntyneet · Kylä · 2026–2027"
    assert not at.warning
    assert at.query_params == {"age": "older", "district": "kylä", "from": "2026", "to": "2027"}


def test_swedish_filter_labels_keep_codes_in_the_url(fixture_store):
    at = open_app(lang="sv", age="children_youth")
    assert active_filters(at).startswith("Avgränsningar: Barn och unga · Hela kommunen")
    assert at.query_params["age"] == "children_youth"


def test_hostile_url_value_falls_back_with_a_warning(fixture_store):
    at = open_app(age="' OR 1=1--", to="2099")
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2 and "age=" in warnings[0] and "to=2099" in warnings[1]
    assert translate("filters.all_ages", "fi") in warnings[0]
    assert active_filters(at) == "Rajaukset: Kaikki ikäryhmät · Koko kunta · 2020–2028"
    assert "age" not in at.query_params and "to" not in at.query_params


def test_unknown_language_falls_back_to_finnish(fixture_store):
    at = open_app(lang="xx")
    assert [t.value for t in at.title] == ["Yleiskuva"]
    assert any("lang=xx" in w.value for w in at.warning)


def test_chosen_filter_goes_to_the_url_and_survives_page_switches(fixture_store):
    at = open_app()
    at.selectbox(key="age").set_value("working_age").run()
    assert at.query_params.get("age") == "working_age"
    at.switch_page("../pages/data_status.py").run()
    assert at.selectbox(key="age").value == "working_age"
    at.switch_page("../pages/overview.py").run()
    assert active_filters(at).startswith("Rajaukset: Työikäiset")
    assert at.query_params.get("age") == "working_age"


def test_language_switch_translates_the_screen(fixture_store):
    at = open_app()
    at.button_group(key="lang").set_value("en").run()
    assert [t.value for t in at.title] == ["Overview"]
    assert at.query_params.get("lang") == "en"


# --- store problems -------------------------------------------------------------------------------

def test_empty_store_says_what_to_do(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build_fixture_store(url, loaded=False)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [translate("store.empty", "fi")]
    assert "hyte demo --out demo" in at.error[0].value and "make run" in at.error[0].value


def test_unreachable_store_says_what_to_do(monkeypatch):
    monkeypatch.setenv("HYTE_DATABASE_URL", "postgresql+psycopg://hyte:secret@127.0.0.1:1/none")
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    message = at.error[0].value
    assert "HYTE_DATABASE_URL" in message and "make run" in message
    assert "secret" not in message  # the password is never shown


# --- the query layer ------------------------------------------------------------------------------

def test_queries_give_the_same_types_on_every_store(store_url):
    build_fixture_store(store_url)
    engine = make_engine(store_url)
    try:
        summary = queries.indicator_summary_by_area(engine)
        assert summary.select("code", "indicators").rows() == [(c, n) for c, _names, n in PRIORITY_AREAS]
        assert summary.schema["indicators"] == pl.Int64
        assert queries.age_groups(engine)["code"].to_list() == [g[0] for g in AGE_GROUPS]
        assert queries.districts(engine).columns == ["code", "name_fi", "name_sv", "centroid_lon",
                                                     "centroid_lat", "area_km2"]
        assert "geometry" in queries.districts(engine, with_geometry=True).columns
        assert sorted(queries.districts(engine)["code"]) == sorted(d[0] for d in DISTRICTS)
        runs = status_queries.load_runs(engine, limit=5)
        assert runs.schema["id"] == pl.Int64
        assert runs.schema["started_at"] == pl.Datetime("us", "UTC")
        assert runs["status"].to_list() == ["rejected", "success"]
        assert queries.municipality(engine).schema["is_demo"] == pl.Boolean
        assert queries.last_successful_load(engine) == datetime(2026, 11, 20, 10, 5, tzinfo=timezone.utc)
        rejected_run = status_queries.latest_run(engine, "rejected")["id"][0]
        assert status_queries.rejected_inputs(engine, rejected_run).rows() == list(REJECTED)
        counts = dict(status_queries.row_counts(engine).rows())
        assert counts["indicator"] == 4 and counts["ngo"] == 0 and len(counts) == len(schema.DATA_TABLES) == 30  # + municipality_profile
        assert status_queries.source_freshness(engine)["status"].to_list() == ["fresh", "stale"]
        assert queries.year_span(engine) == (2020, 2028)
    finally:
        engine.dispose()


def test_status_tables_are_translated_and_formatted():
    runs = pl.DataFrame({
        "started_at": [datetime(2026, 11, 22, 12, 5, tzinfo=timezone.utc)], "finished_at": [None],
        "status": ["running"], "rows_json": ['{"indicator_value": 12345}'], "message": [None],
    })
    table = status_tables.runs(runs, "fi")
    assert table.row(0) == ("22.11.2026 klo 14.05", DASH, "Käynnissä",
                            f"Indikaattorien arvot 12{NBSP}345", "")
    no_problems = pl.DataFrame(schema={"file": pl.String, "line": pl.Int64,
                                       "column_name": pl.String, "message": pl.String})
    empty = status_tables.rejected(no_problems, "en")
    assert empty.columns == ["File", "Line", "Column", "Problem"] and empty.height == 0


def test_an_upload_with_many_problems_lists_what_the_write_process_sent_and_counts_the_rest(
        fixture_store, tmp_path, monkeypatch):
    """The upload runs in a process of its own (data_pipeline.load.worker); the screen shows its result."""
    from data_pipeline.load import worker

    sent = [f"events.csv:{line}: district: tuntematon alue '99' / unknown district" for line in range(2, 202)]
    sent.append("events.csv:202: -: … ja 899 800 muuta / and 899 800 more")
    asked = []

    def rejected(url, config, register, file_name, content, actor, progress=None, allow_empty=False):
        asked.append((register, file_name, content, actor))
        return worker.WriteResult("rejected", "rejected", 7, problems=sent, problem_count=900_000, at_least=True)

    monkeypatch.setattr(worker, "upload", rejected)
    (tmp_path / "hyte.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("HYTE_PACKAGE_CONFIG", str(tmp_path / "hyte.toml"))
    at = open_app("data_status.py")
    at.selectbox(key="upload.register").set_value("events")
    at.file_uploader[0].set_value(("iso.csv", b"id;title\n", "text/csv"))
    next(b for b in at.button if b.label == translate("up.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert asked == [("events", "iso.csv", b"id;title\n", asked[0][3])]
    assert translate("up.rejected", "fi", file="iso\\.csv", count=f"≥ {fmt_number(900_000, 0, 'fi')}") in texts(at)
    assert at.code[0].value == "\n".join(sent)
