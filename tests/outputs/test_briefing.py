"""The meeting briefing (PDF): what a reader finds on its pages, from the fixture store and the demo, and
`hyte briefing` as a user runs it. Text is read back with pypdf; pages are rendered with pdftoppm."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date

import pytest
from support.dashboard_fixtures import AGE_GROUPS, DISTRICTS, MUNICIPALITY, PRIORITY_AREAS, build_fixture_store
from pypdf import PdfReader

from dashboard.outputs import briefing
from dashboard.core import chart_render
from dashboard.core.i18n import translate
from data_pipeline.cli import main as hyte
from data_pipeline.store.engine import make_engine

pytestmark = pytest.mark.skipif(
    not all((briefing.FONT_DIR / name).is_file() for name in briefing.FONT_FILES.values()),
    reason=f"the briefing's font is missing from {briefing.FONT_DIR}: apt-get install fonts-dejavu-core")

LANG_INDEX = {"fi": 0, "sv": 1, "en": 2}
# The fixture store's successful load finished 2026-11-20 10:05 UTC, 12.05 in Helsinki.
DATA_DATE = {"fi": "Tiedot päivitetty 20.11.2026 klo 12.05", "sv": "Uppgifterna uppdaterade 20.11.2026 kl. 12.05",
             "en": "Data updated 2026-11-20 12:05"}
TODAY = date(2026, 11, 22)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def outline(pdf: bytes) -> list[str]:
    """The PDF's bookmarks: one per section heading, in order."""
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title
    return list(walk(PdfReader(io.BytesIO(pdf)).outline))


def flat(text: str) -> str:
    # pypdf gives lines as laid out; a phrase may wrap, a path after a slash, and a word hyphenated at a
    # line's end carries a soft hyphen (U+00AD) there: the text as written.
    return " ".join(text.replace("\xad\n", "").replace("\xad", "").replace("/\n", "/").split())


@pytest.fixture(scope="module")
def fixture_engine(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('fixture') / 'store.db'}"
    build_fixture_store(url)
    return make_engine(url)


@pytest.fixture(scope="module")
def demo_pdf(demo_url) -> bytes:
    return briefing.build(make_engine(demo_url), briefing.Request(), today=TODAY)


# --- the fixture store ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_cover_states_municipality_filters_data_date_and_language(fixture_engine, lang):
    pdf = briefing.build(fixture_engine, briefing.Request(lang=lang), today=TODAY)
    cover = flat(pages_text(pdf)[0])
    t = lambda key, **fmt: translate(key, lang, **fmt)  # noqa: E731
    assert {"fi": MUNICIPALITY, "sv": "Testby", "en": MUNICIPALITY}[lang] in cover and t("brief.title") in cover
    # The screens' default view: the plan (2025–2028) looking back to the first data year (2020).
    assert t("brief.age", value=t("filters.all_ages")) in cover
    assert t("brief.district", value=t("filters.all_districts")) in cover
    assert t("brief.period", value="2020–2028") in cover
    assert DATA_DATE[lang] in cover
    assert t("brief.language", value={"fi": "Suomi", "sv": "Svenska", "en": "English"}[lang]) in cover
    assert t("brief.demo") in cover  # the fixture municipality is flagged as demo data


def test_filters_on_the_cover_and_every_running_head(fixture_engine):
    (age, names, *_), (district, _fi, sv, _dx) = AGE_GROUPS[1], DISTRICTS[1]
    pdf = briefing.build(fixture_engine, briefing.Request(lang="sv", age_group=age, district=district,
                                                          start_year=2021, end_year=2023), today=TODAY)
    pages = [flat(p) for p in pages_text(pdf)]
    assert f"Åldersgrupp: {names[1]}" in pages[0] and f"Område: {sv}" in pages[0]
    assert "Period: 2021–2023" in pages[0] and DATA_DATE["sv"] in pages[0]
    head = f"Avgränsningar: {names[1]} · {sv} · 2021–2023"
    assert all(head in page for page in pages[1:]), "every page after the cover names the filters"


def test_sections_in_order_with_each_priority_area(fixture_engine):
    pdf = briefing.build(fixture_engine, briefing.Request(), today=TODAY)
    sections = outline(pdf)
    areas = [names[0] for _code, names, _n in PRIORITY_AREAS]
    top = [s for s in sections if s in (translate("brief.title", "fi"), "Yleiskuva", *areas,
                                          "Osallisuus: tavoittavuus alueittain", "Työryhmien aktiivisuus",
                                          "Järjestöyhteistyön kattavuus")]
    assert top == [translate("brief.title", "fi"), "Yleiskuva", *areas, "Osallisuus: tavoittavuus alueittain",
                   "Työryhmien aktiivisuus", "Järjestöyhteistyön kattavuus"]
    text = flat(" ".join(pages_text(pdf)))
    # The fixture's indicators have no values for the municipality's own region: each is listed, without data.
    assert all(f"Mittari {i} – Ei tietoa" in text for i in range(4))
    assert translate("ind.none", "fi") in text  # the area without indicators says so
    # The fixture has no events, meetings or NGOs: each section says so instead of drawing nothing.
    assert translate("part.no_events", "fi") in text
    assert translate("brief.groups.none", "fi") in text and translate("brief.ngo.none", "fi") in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 8  # cover, overview, 3 areas, 3 sections: a page each


def test_unknown_filter_values_and_an_empty_store_are_refused(fixture_engine, tmp_path):
    with pytest.raises(briefing.BriefingError) as caught:
        briefing.build(fixture_engine, briefing.Request(age_group="kids"))
    assert caught.value.reason == "age" and caught.value.known == tuple(code for code, *_ in AGE_GROUPS)
    with pytest.raises(briefing.BriefingError) as caught:
        briefing.build(fixture_engine, briefing.Request(district="nowhere"))
    assert caught.value.reason == "district"
    with pytest.raises(briefing.BriefingError) as caught:
        briefing.build(fixture_engine, briefing.Request(start_year=1999))
    assert caught.value.reason == "period" and caught.value.known == (2020, 2028)
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build_fixture_store(url, loaded=False)
    with pytest.raises(briefing.BriefingError) as caught:
        briefing.build(make_engine(url), briefing.Request())
    assert caught.value.reason == "empty"


def test_briefing_module_does_not_load_streamlit():
    code = "import sys, dashboard.outputs.briefing; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the demo store ---------------------------------------------------------------------------------

def test_demo_briefing_pages_and_headings(demo_pdf):
    reader = PdfReader(io.BytesIO(demo_pdf))
    assert 9 <= len(reader.pages) <= 14
    sections = outline(demo_pdf)
    for heading in ("Yleiskuva", "Missä olemme raiteilla?", "Heikot signaalit",
                    "Osallisuus: tavoittavuus alueittain", "Työryhmien aktiivisuus", "Kokoukset 2025 ja tavoite",
                    "Järjestöyhteistyön kattavuus", "Kattavuus painopistealueittain ja ikäryhmittäin"):
        assert heading in sections
    text = flat(" ".join(pages_text(demo_pdf)))
    assert "Merilahti" in text and "Metsälä" in text  # the barely reached district (demo pattern A)
    assert "Työikäisten hyvinvointiryhmä" in text and "Alle tavoitteen" in text  # pattern B: 3 meetings in 2025
    assert "kääntyi heikompaan suuntaan" in text  # pattern D: a weak signal


def test_small_counts_are_shown_as_under_five(demo_url):
    # In the demo, older people in Metsälä (09) took part fewer than 5 times: the figure is suppressed.
    pdf = briefing.build(make_engine(demo_url), briefing.Request(lang="en", age_group="older"), today=TODAY)
    page = next(flat(p) for p in pages_text(pdf) if "Participation: reach by district" in p)
    assert "Metsälä < 5 " in page  # the district table: the count is never printed
    assert "Age group: Older people" in flat(pages_text(pdf)[0])


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm missing: apt-get install poppler-utils")
def test_pages_render_to_images(demo_pdf, tmp_path):
    (tmp_path / "b.pdf").write_bytes(demo_pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "b.pdf"), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == len(PdfReader(io.BytesIO(demo_pdf)).pages)
    assert all(chart_render.png_size(p.read_bytes())[1] > 400 for p in images)


# --- the CLI ----------------------------------------------------------------------------------------

def test_cli_writes_the_pdf(demo_url, tmp_path, capsys):
    out = tmp_path / "out" / "briefing.pdf"
    assert hyte(["briefing", "--out", str(out), "--db", demo_url, "--lang", "sv", "--age", "working_age",
                 "--district", "09", "--from", "2022", "--to", "2025"]) == 0
    cover = flat(pages_text(out.read_bytes())[0])
    assert "Åldersgrupp: Personer i arbetsför ålder" in cover and "Område: Skogsbacka" in cover
    assert "Period: 2022–2025" in cover
    assert str(out) in capsys.readouterr().err


@pytest.mark.parametrize("args, code, message", [
    (["--age", "kids"], 64, "--age 'kids'"),
    (["--district", "99"], 64, "--district '99'"),
    (["--from", "1990"], 64, "1990"),
])
def test_cli_refuses_unknown_filters(demo_url, tmp_path, capsys, args, code, message):
    out = tmp_path / "b.pdf"
    assert hyte(["briefing", "--out", str(out), "--db", demo_url, *args]) == code
    err = capsys.readouterr().err
    assert message in err and not out.exists()
    if "--age" in args:
        assert "children_youth, working_age, older" in err  # says what to use instead


def test_cli_on_an_empty_store(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build_fixture_store(url, loaded=False)
    assert hyte(["briefing", "--out", str(tmp_path / "b.pdf"), "--db", url]) == 1
    assert "hyte demo" in capsys.readouterr().err


def test_cli_rejects_an_unknown_language(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        hyte(["briefing", "--out", str(tmp_path / "b.pdf"), "--lang", "de"])
    assert exited.value.code == 2 and "invalid choice: 'de'" in capsys.readouterr().err


# --- chart images -----------------------------------------------------------------------------------

def test_chart_images_are_valid_png_and_svg():
    spec = {"data": {"values": [{"a": "Ikääntyneet", "b": 3}]}, "mark": "bar", "width": "container",
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
    png = chart_render.png(spec, width=300)
    assert png.startswith(chart_render.PNG_SIGNATURE)
    assert chart_render.png_size(png)[0] > 300  # drawn at twice the size, for print
    svg = chart_render.svg(spec, width=300).decode()
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>") and "Ikääntyneet" in svg
    assert spec["width"] == "container"  # the screen's spec is left as it was


# --- the download buttons on the screens --------------------------------------------------------------

def _labels(at) -> list[str]:
    return [button.label for button in at.get("download_button")]


def _charts(at) -> int:
    return sum(len(at.get(kind)) for kind in ("arrow_vega_lite_chart", "vega_lite_chart"))


def test_overview_offers_the_briefing_for_the_filters_and_language(demo_url, monkeypatch):
    from support.screen_helpers import open_screen

    from dashboard.core import cache
    from dashboard.core import downloads
    from dashboard.core.filters import Filters
    from data_pipeline.store.engine import data_version

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    assert translate("brief.download", "sv") in _labels(open_screen(None, lang="sv", age="older"))
    # What the button hands over when clicked: the briefing for those filters, in that language.
    store = cache.Store(demo_url, data_version(make_engine(demo_url)))
    pdf = downloads.briefing_pdf(store, Filters("older", None, 2019, 2028), "sv")
    assert "Åldersgrupp: Äldre" in flat(pages_text(pdf)[0])


@pytest.mark.parametrize("page, exempt", [
    ("participation.py", 0),
    ("working_groups.py", 0),
    ("partnerships.py", 0),
    ("indicators.py", 0),
])
def test_every_chart_offers_png_and_svg(demo_url, monkeypatch, page, exempt):
    from support.screen_helpers import open_screen

    from dashboard.indicators import queries as indicator_queries

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    params = {}
    if page == "indicators.py":
        # One indicator in detail: its two charts (regions, genders). The cards' sparklines are exempt:
        # a 56 px line beside the card's number, not a chart anyone would put on a slide.
        ids = indicator_queries.plan_indicators(make_engine(demo_url))["id"]
        params["indicator"], exempt = str(ids[0]), len(ids)
    at = open_screen(page, **params)
    labels = _labels(at)
    charts = _charts(at) - exempt
    assert charts >= 2
    assert labels.count(translate("exp.png", "fi")) == charts
    assert labels.count(translate("exp.svg", "fi")) == charts


def test_participation_table_downloads_as_csv_and_excel(demo_url, monkeypatch):
    from support.screen_helpers import open_screen

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    labels = _labels(open_screen("participation.py"))
    assert translate("part.download", "fi") in labels and translate("part.download.excel", "fi") in labels


def test_a_very_long_stored_name_is_cut_not_a_crash(tmp_path):
    """A 2,000-character working-group name once ended `hyte briefing` with "row … too high to be
    rendered on a single page"; long texts are cut with an ellipsis and the briefing is made."""
    from support.working_groups_fixtures import TODAY as GROUPS_TODAY
    from support.working_groups_fixtures import write_package

    from data_pipeline.load.refresh import refresh

    toml = write_package(tmp_path)
    groups = toml.parent / "registers" / "working_groups.csv"
    long_name = "Hyvinvointi " * 400  # 4,800 characters
    lines = groups.read_text(encoding="utf-8").splitlines()
    code, _name, *rest = lines[3].split(",")
    lines[3] = ",".join([code, long_name, *rest])
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'long.db'}"
    assert refresh(toml, url).ok
    pdf = briefing.build(make_engine(url), briefing.Request(start_year=2025, end_year=2026), today=GROUPS_TODAY)
    text = flat("\n".join(pages_text(pdf)))
    assert "Hyvinvointi Hyvinvointi Hyvinvointi" in text and "…" in text
    assert long_name not in text


def test_the_participation_section_without_population_counts_and_says_why(no_population_store):  # noqa: F811
    """Issue 15: without population the briefing named a district without events the best reached."""
    pdf = briefing.build(make_engine(no_population_store), briefing.Request(start_year=2025, end_year=2025),
                         today=TODAY)
    # The section, from its heading to the next one's (its table may run over a page).
    text = flat(" ".join(pages_text(pdf)))
    page = text[text.index("Osallisuus: tavoittavuus alueittain"):text.index("Työryhmien aktiivisuus")]
    assert "Tavoittavuutta ei voi laskea" in page and "registers/district_population.csv" in page
    assert "Tapahtumia 4/16 alueella." in page and "Ei tapahtumia: Jukola" in page
    assert "Korkein tavoittavuus" not in page
    # no population: the reach unknown ("–"), not "< 5", and not low; no participants: 0, not "< 5" (issue 27)
    assert "Vehoniemi 0 0 – –" in page
