"""The report screen: a coordinator sees each of THL's sections with the draft the data proposes, writes or
accepts a text (saved by `hyte report-text` in a process of its own, versioned with who and when), and
the documents then carry the text. The writes are real, on a copy of the demo store."""

from __future__ import annotations

import io

import pytest
from support.report_fixtures import TODAY, YEAR
from docx import Document
from support.screen_helpers import open_screen, screen_text

from dashboard.access import rules
from dashboard.core.i18n import translate
from dashboard.outputs import report
from dashboard.report import queries
from data_pipeline.cli import main as hyte
from data_pipeline.store.engine import make_engine


@pytest.fixture
def coordinator_store(store_copy, monkeypatch):
    monkeypatch.setenv("HYTE_DATABASE_URL", store_copy)
    return store_copy


def open_report(lang: str = "fi"):
    at = open_screen("report.py", lang=lang)
    at.selectbox(key="report.year").set_value(YEAR).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_only_coordinators_and_administrators_open_the_report_screen():
    assert not rules.may_open("viewer", "report")
    assert rules.may_open("coordinator", "report") and rules.may_open("admin", "report")
    assert not rules.may_open(None, "report", public=True)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_each_thl_section_shows_the_draft_the_data_proposes(coordinator_store, lang):
    at = open_report(lang)
    titles = [translate(f"report.section.{k}", lang) for k in report.SECTIONS]
    assert [s.value for s in at.subheader if s.value in titles] == titles
    drafts = report.proposed_texts(make_engine(coordinator_store), report.Request(year=YEAR, lang=lang), today=TODAY)
    shown = screen_text(at)
    assert drafts["summary"] and drafts["summary"] in shown
    assert translate("report.screen.draft_stands", lang) in shown


def test_a_saved_text_is_a_version_with_who_and_when_and_goes_into_the_documents(coordinator_store):
    at = open_report()
    key = f"report.text.annual.{YEAR}.summary"
    at.text_area(key=key).set_value("Valtuusto hyväksyi suunnitelman.\n\n- ensimmäinen\n- toinen").run()
    next(b for b in at.button if b.key == f"{key}.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [translate("report.screen.saved_now", "fi",
                                                       section=translate("report.section.summary", "fi"))]
    assert "Tallentanut " + translate("audit.actor.open", "fi") in screen_text(at)
    assert "· 1 versio" in screen_text(at)
    saved = queries.texts(make_engine(coordinator_store), "annual", YEAR, "fi")
    assert saved.select("section", "text").rows() == [("summary", "Valtuusto hyväksyi suunnitelman.\n\n- ensimmäinen\n- toinen")]
    # The documents carry the coordinator's text instead of the draft: a paragraph, then a list.
    doc = report.build(make_engine(coordinator_store), report.Request(year=YEAR, lang="fi"), today=TODAY,
                       texts={"summary": saved["text"][0]}, with_charts=False)
    docx = Document(io.BytesIO(report.render(doc, "docx")))
    texts = [(p.text, p.style.name) for p in docx.paragraphs]
    start = texts.index(("Tiivistelmä", "Heading 1"))
    assert texts[start + 1:start + 4] == [("Valtuusto hyväksyi suunnitelman.", "Normal"), ("ensimmäinen", "List Bullet"),
                                          ("toinen", "List Bullet")]
    # Back to the proposal: a new version, empty; the earlier one listed and restored as a third.
    next(b for b in at.button if b.key == f"{key}.reset").click().run()
    assert queries.texts(make_engine(coordinator_store), "annual", YEAR, "fi")["text"].to_list() == ["", saved["text"][0]]
    assert "· 2 versiota" in screen_text(at)
    assert at.text_area(key=key).value == ""  # the editor shows the saved (empty) text: the draft stands
    next(b for b in at.button if b.key == f"{key}.restore.0").click().run()
    assert at.text_area(key=key).value == saved["text"][0]
    assert queries.texts(make_engine(coordinator_store), "annual", YEAR, "fi")["text"].to_list() == [
        saved["text"][0], "", saved["text"][0]]


def test_hyte_report_text_keeps_every_version(store_copy, tmp_path):
    text = tmp_path / "t.txt"
    for words in ("Ensimmäinen versio.", "Toinen versio."):
        text.write_text(words, encoding="utf-8")
        assert hyte(["report-text", "--kind", "broad", "--year", str(YEAR), "--lang", "sv", "--section=plan",
                     "--file", str(text), "--actor", "koordinaattori@kunta.fi", "--db", store_copy]) == 0
    saved = queries.texts(make_engine(store_copy), "broad", YEAR, "sv")
    assert saved.select("section", "text", "actor").rows() == [("plan", "Toinen versio.", "koordinaattori@kunta.fi"),
                                                               ("plan", "Ensimmäinen versio.", "koordinaattori@kunta.fi")]


def test_the_report_is_offered_as_docx_pdf_and_html_once_made(coordinator_store):
    at = open_report("sv")
    mine = lambda: [b.label for b in at.get("download_button") if b.key.startswith("report.")]  # noqa: E731
    assert not mine()  # made on request: it takes a while
    next(b for b in at.button if b.key == "report.make").click().run()
    assert not at.exception, [e.value for e in at.exception]
    labels = mine()
    assert labels == [translate(f"report.screen.download.{fmt}", "sv") for fmt in ("docx", "pdf", "html")]
