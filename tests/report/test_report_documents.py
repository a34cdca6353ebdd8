"""The council's wellbeing report as a council member and a screen reader get it: sections in THL's order,
every number equal to the store (read back from the DOCX), a tagged PDF with language, title, bookmarks and
alt text, no word broken but at a hyphen, and `hyte report` as a coordinator runs it."""

from __future__ import annotations

import io
import re
import sqlite3

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from support.report_fixtures import (THL_ORDER, TODAY, YEAR, broken_words, indicator_meta, report_words,
                                     store_latest)

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import translate
from dashboard.indicators import view as ind_view
from dashboard.outputs import report
from dashboard.outputs.briefing import FONT_DIR, FONT_FILES
from data_pipeline.cli import main as hyte
from data_pipeline.store.engine import make_engine

pytestmark = pytest.mark.skipif(not all((FONT_DIR / n).is_file() for n in FONT_FILES.values()),
                                reason=f"the report's font is missing from {FONT_DIR}: apt-get install fonts-dejavu-core")

CASES = [(kind, lang) for kind in report.KINDS for lang in ("fi", "sv")]


def docx_of(data: bytes):
    return Document(io.BytesIO(data))


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("kind,lang", CASES)
def test_sections_follow_thl_order_in_every_format(built, kind, lang):
    doc, files = built(kind, lang)
    assert [s.title for s in doc.sections] == THL_ORDER[lang]
    assert headings(docx_of(files["docx"]), 1) == THL_ORDER[lang]
    html = files["html"].decode()
    assert [html.index(f">{title}</h2>") for title in THL_ORDER[lang]] == sorted(
        html.index(f">{title}</h2>") for title in THL_ORDER[lang])
    top = [item.title for item in PdfReader(io.BytesIO(files["pdf"])).outline if not isinstance(item, list)]
    assert top == THL_ORDER[lang]


@pytest.mark.parametrize("kind,lang", CASES)
def test_every_indicator_figure_in_the_docx_equals_the_store(built, report_store, kind, lang):
    _, files = built(kind, lang)
    latest, meta = store_latest(report_store, YEAR), indicator_meta(report_store)
    titles = {(m.get(f"title_{lang}") or m["title_fi"]): i for i, m in meta.items()}
    header = translate("ind.col.indicator", lang)
    checked = 0
    for table in docx_of(files["docx"]).tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells[0][0] != header or cells[0][1] != translate("ind.col.latest", lang):
            continue
        for row in cells[1:]:
            indicator = titles[row[0]]
            value, year = latest[indicator]
            m = meta[indicator]
            expected = ind_view.with_unit(fmt_number(value, m["decimals"], lang), m) + f" ({year})"
            assert row[1] == expected, (row[0], row[1], expected)
            checked += 1
    # Every indicator of the plan with data shows up in the priority areas' tables (and by age group in the broad report).
    assert checked >= len(latest)


@pytest.mark.parametrize("kind,lang", CASES[:1] + CASES[3:])
def test_the_docx_has_heading_styles_a_table_of_contents_header_rows_and_pictures_with_alt_text(built, kind, lang):
    _, files = built(kind, lang)
    doc = docx_of(files["docx"])
    assert headings(doc, 2) and headings(doc, 1)
    body = doc.element.body
    assert any("TOC \\o" in (t.text or "") for t in body.iter(qn("w:instrText")))
    assert all(table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
               for table in doc.tables)
    pictures = list(body.iter(qn("wp:docPr")))
    assert pictures and all(len(p.get("descr", "")) > 20 for p in pictures)
    assert doc.core_properties.title == translate(f"report.title.{kind}", lang, year=YEAR, period=f"{YEAR - 3}–{YEAR}")


@pytest.mark.parametrize("kind,lang", CASES)
def test_the_pdf_is_tagged_with_language_title_bookmarks_and_alt_text(built, kind, lang):
    doc, files = built(kind, lang)
    pdf = PdfReader(io.BytesIO(files["pdf"]))
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith(lang)
    assert pdf.metadata.title == doc.title
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)
    walk(pdf.outline)
    assert titles == [s.title for s in doc.walk()]  # a bookmark per heading, in order
    figures, alts = [], []

    def tags(node):
        node = node.get_object()
        if node.get("/S") == "/Figure":
            figures.append(node)
            alts.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if hasattr(kid, "get") and "/S" in kid:
                tags(kid)
    tags(root["/StructTreeRoot"])
    shown = [b.alt for s in doc.walk() for b in s.blocks if isinstance(b, report.document.Figure)]
    assert len(figures) == len(shown) > 0
    assert alts == shown


def test_the_broken_word_check_sees_a_word_broken_mid_word():
    known = {"Heikkenee", "263/305", "Hyvinvointialue", "20", "64-vuotiaat"}
    assert broken_words("Heikke-\nnee 263/305 Hyvin-\nvointia-\nlue 20 64-\nvuotiaat", known) == []
    assert broken_words("Heikkene\ne 263/30\n5", known) == ["Heikkene", "e", "263/30"]


@pytest.mark.parametrize("kind,lang", CASES)
def test_no_word_in_the_pdf_is_broken_but_at_a_hyphen(built, kind, lang):
    doc, files = built(kind, lang)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(files["pdf"])).pages)
    assert broken_words(text, report_words(doc)) == []


def test_the_html_names_its_language_and_every_picture_has_alt_text(built):
    doc, files = built("annual", "sv")
    html = files["html"].decode()
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    images = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert images and all(len(alt) > 20 for alt in images)
    assert "<th scope=\"col\">" in html


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_proposed_sentence_names_its_year_and_its_source(built, lang):
    doc, _ = built("annual", lang)
    sources = ("THL, Sotkanet.fi", translate("report.source.local", lang), "registret", "rekisteri")
    proposed = [p for s in doc.sections for p in s.proposed]
    assert proposed
    for sentence in proposed:
        assert re.search(r"\b20\d\d\b", sentence), sentence
    for s in doc.sections:
        if s.key in ("summary", "current_state", "strengths"):
            assert any(any(src in p for src in sources) for p in s.proposed), (s.key, s.proposed)


def test_the_appendix_names_every_indicator_shown_and_those_without_data(store_copy):
    with sqlite3.connect(store_copy.removeprefix("sqlite:///")) as db:
        gone = db.execute("SELECT id, title_fi FROM indicator ORDER BY id LIMIT 1").fetchone()
        db.execute("DELETE FROM indicator_value WHERE indicator_id = ?", (gone[0],))
    doc = report.build(make_engine(store_copy), report.Request(year=YEAR, lang="fi"), today=TODAY, with_charts=False)
    appendix = doc.sections[-1]
    listed, missing = appendix.children
    table = next(b for b in listed.blocks if isinstance(b, report.document.Table))
    assert gone[1] not in [row[0] for row in table.rows]
    assert all(row[2] in ("THL, Sotkanet.fi", "kunnan oma tieto") and row[3].isdigit() for row in table.rows)
    bullets = next(b for b in missing.blocks if isinstance(b, report.document.Bullets))
    assert any(item.startswith(gone[1]) for item in bullets.items)


def test_teaviisari_scores_get_their_own_section_with_rank_and_trend(store_copy):
    with sqlite3.connect(store_copy.removeprefix("sqlite:///")) as db:
        area = db.execute("SELECT code FROM priority_area ORDER BY code LIMIT 1").fetchone()[0]
        own = db.execute("SELECT id FROM region WHERE role = 'municipality'").fetchone()[0]
        db.execute("INSERT INTO indicator (id, source, priority_area_code, title_fi, title_sv, decimals, direction, "
                   "sort_order) VALUES (4072, 'sotkanet', ?, 'TEA: kuntajohto', 'TEA: kommunledning', 0, "
                   "'higher_better', 99)", (area,))
        for year, value in ((2023, 61.0), (2024, 64.0), (2025, 70.0)):
            db.execute("INSERT INTO indicator_value (indicator_id, region_id, year, gender, value) "
                       "VALUES (4072, ?, ?, 'total', ?)", (own, year, value))
    doc = report.build(make_engine(store_copy), report.Request(year=YEAR, lang="fi"), today=TODAY, with_charts=False)
    state = next(s for s in doc.sections if s.key == "current_state")
    tea = next(c for c in state.children if c.key == "current_state.teaviisari")
    table = next(b for b in tea.blocks if isinstance(b, report.document.Table))
    assert table.rows == (("TEA: kuntajohto", "70 (2025)", "+6", "Paranee", "–", "–"),)
    # Not in the priority area's table as well.
    area_tables = [b for c in state.children if c.key.startswith("area.") for b in c.blocks
                   if isinstance(b, report.document.Table)]
    assert all(row[0] != "TEA: kuntajohto" for t in area_tables for row in t.rows)


def test_hyte_report_writes_the_chosen_formats_and_says_what_is_wrong_in_the_language_asked(report_store, tmp_path,
                                                                                              capsys):
    out = tmp_path / "out"
    assert hyte(["report", "--kind", "annual", "--year", str(YEAR), "--lang", "sv", "--format", "html,docx",
                 "--out", str(out), "--db", report_store]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"valfardsberattelse-{YEAR}-sv.docx",
                                                    f"valfardsberattelse-{YEAR}-sv.html"]
    assert "Välfärdsberättelse →" in capsys.readouterr().err
    assert hyte(["report", "--year", "1990", "--lang", "sv", "--out", str(out), "--db", report_store]) == 64
    assert "Året 1990 finns inte i uppgifterna" in capsys.readouterr().err
    assert hyte(["--lang", "en", "report", "--format", "odt", "--out", str(out), "--db", report_store]) == 64
    assert "Unknown value --format 'odt': known values: docx, pdf, html." in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_broad_report_shows_each_districts_indicator_values_as_stored(built, report_store, lang):
    _, files = built("broad", lang)
    meta = indicator_meta(report_store)
    with sqlite3.connect(report_store.removeprefix("sqlite:///")) as db:
        stored = {}
        for indicator, district, year, value in db.execute(
                "SELECT indicator_id, district_code, year, value FROM indicator_district_value WHERE gender = 'total' "
                "AND value IS NOT NULL AND year <= ? ORDER BY year", (YEAR,)):
            stored[indicator, district] = (year, value)
        names = {code: name_sv if lang == "sv" and name_sv else name_fi
                 for code, name_fi, name_sv in db.execute("SELECT code, name_fi, name_sv FROM district")}
    codes = {name: code for code, name in names.items()}
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in docx_of(files["docx"]).tables]
    district_tables = [t for t in tables if t[0] == [translate("part.col.district", lang), translate("ind.col.latest", lang),
                                                    translate("report.col.year", lang)]]
    with sqlite3.connect(report_store.removeprefix("sqlite:///")) as db:  # the plan's order
        order = [i for (i,) in db.execute("SELECT id FROM indicator ORDER BY priority_area_code, sort_order, id")]
    indicators = [i for i in order if any(key[0] == i for key in stored)]
    assert len(district_tables) == len(indicators) > 0
    for indicator, table in zip(indicators, district_tables):
        m = meta[indicator]
        for name, value, year in table[1:]:
            want_year, want = stored[indicator, codes[name]]
            assert (value, year) == (ind_view.with_unit(fmt_number(want, m["decimals"], lang), m), str(want_year))


def test_hyte_report_on_an_empty_store_says_to_load_first(tmp_path, capsys):
    from support.dashboard_fixtures import build_fixture_store

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build_fixture_store(url, loaded=False)
    assert hyte(["report", "--lang", "sv", "--out", str(tmp_path / "out"), "--db", url]) == 1
    assert "är tomt: ladda först uppgifterna (hyte refresh eller hyte demo)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
