"""Both reports of the real-municipality example (Pori, with TEAviisari 4072 added to its plan) in Finnish and
Swedish, from a refresh against a local Sotkanet stand-in: THL's order, every figure equal to the store,
TEAviisari's own section with its score, rank and trend, and the registers Pori has not filled in said so."""

from __future__ import annotations

import io
import sqlite3

import pytest
from docx import Document
from support.report_fixtures import THL_ORDER, indicator_meta, store_latest

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import translate
from dashboard.indicators import view as ind_view
from dashboard.outputs import report
from data_pipeline.store.engine import make_engine


def last_year(url: str) -> int:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT max(v.year) FROM indicator_value v JOIN region r ON r.id = v.region_id "
                          "WHERE r.role = 'municipality'").fetchone()[0]


@pytest.mark.parametrize("kind,lang", [("annual", "fi"), ("annual", "sv"), ("broad", "fi"), ("broad", "sv")])
def test_pori_reports_follow_thl_and_equal_the_store(pori_store, kind, lang):
    year = last_year(pori_store)
    doc = report.build(make_engine(pori_store), report.Request(kind=kind, year=year, lang=lang), with_charts=False)
    assert [s.title for s in doc.sections] == THL_ORDER[lang]
    docx = Document(io.BytesIO(report.render(doc, "docx")))
    assert [p.text for p in docx.paragraphs if p.style.name == "Heading 1"] == THL_ORDER[lang]
    latest, meta = store_latest(pori_store, year), indicator_meta(pori_store)
    titles = {(m.get(f"title_{lang}") or m["title_fi"]): i for i, m in meta.items()}
    checked = 0
    for table in docx.tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells[0][0] != translate("ind.col.indicator", lang) or cells[0][1] not in (
                translate("ind.col.latest", lang), translate("report.tea.score", lang)):
            continue
        for row in cells[1:]:
            value, shown_year = latest[titles[row[0]]]
            m = meta[titles[row[0]]]
            assert row[1] == ind_view.with_unit(fmt_number(value, m["decimals"], lang), m) + f" ({shown_year})"
            checked += 1
    assert checked >= len(latest)
    # TEAviisari: its own section (score, change, trend, rank among the municipalities), not in an area's table.
    state = next(s for s in doc.sections if s.key == "current_state")
    tea = next(c for c in state.children if c.key == "current_state.teaviisari")
    row = next(b for b in tea.blocks if isinstance(b, report.document.Table)).rows[0]
    assert row[0] == "TEAviisari: kuntajohto" and row[1].endswith(f"({year})")
    assert "/" in row[5]  # "12/65": the rank among the municipalities with a value
    # Pori's package has no registers filled in: each section says so rather than showing nothing.
    text = " ".join(p.text for p in docx.paragraphs)
    period = f"{year}" if kind == "annual" else f"{year - 3}–{year}"
    assert translate("report.draft.reach.none", lang, period=period) in text
    assert translate("report.groups.none", lang, year=year) in text
