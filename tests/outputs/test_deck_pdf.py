"""The deck as a PDF (`hyte briefing --deck`): one 16:9 page per slide of the deck, each with the slide's
title, key figure, position and picture, from the demo store."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard.core.i18n import translate
from data_pipeline.cli import main as hyte

DECK = "overview,indicators:288,nonsense:1,participation"


def pages(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).pages


def flat(text: str) -> str:
    # pypdf gives lines as laid out (a phrase may wrap); the figures keep their no-break spaces.
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def deck_run(demo_url, tmp_path_factory):
    """The CLI run once for the module: (exit code, stderr, PDF bytes)."""
    out = tmp_path_factory.mktemp("deck") / "deck.pdf"
    capture = pytest.MonkeyPatch()
    import sys

    err = io.StringIO()
    capture.setattr(sys, "stderr", err)
    try:
        code = hyte(["briefing", "--db", demo_url, "--deck", DECK, "--lang", "en", "--out", str(out)])
    finally:
        capture.undo()
    return code, err.getvalue(), out.read_bytes() if out.exists() else b""


def test_one_16_9_page_per_known_slide_in_deck_order(deck_run):
    code, err, pdf = deck_run
    assert code == 0, err
    shown = pages(pdf)
    assert len(shown) == 3  # overview, indicators:288, participation; the unknown one skipped
    for page in shown:
        assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, rel=1e-3)
    texts = [flat(p.extract_text()) for p in shown]
    titles = [translate(k, "en") for k in ("page.overview", "page.indicators", "page.participation")]
    for i, (text, title) in enumerate(zip(texts, titles, strict=True), start=1):
        assert text.startswith(f"{i} / 3") or f"{i} / 3" in text
        assert title in text
        assert "Filters: All age groups · Whole municipality" in text and "Data updated" in text
    # The slides' key figures: the demo's indicators on course, the indicator in focus, the reach.
    assert "16/24" in texts[0]
    assert "9.6 %" in texts[1] and "Daily smokers" in texts[1]
    assert "557 / 1 000" in texts[2] and "Metsälä" in texts[2]


def test_an_unknown_slide_is_named_on_stderr_not_a_traceback(deck_run):
    code, err, _ = deck_run
    assert "nonsense:1" in err and "skipped" in err
    assert "Traceback" not in err and "No runtime found" not in err


def test_a_deck_naming_no_screen_is_refused_with_what_to_write(demo_url, tmp_path, capsys):
    out = tmp_path / "deck.pdf"
    code = hyte(["briefing", "--db", demo_url, "--deck", "slidez", "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and not out.exists()
    assert "slidez" in err and "overview" in err and "--deck overview,indicators:288" in err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm missing: apt-get install poppler-utils")
def test_the_picture_is_drawn_beside_the_figure(deck_run, tmp_path):
    _, _, pdf = deck_run
    (tmp_path / "deck.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(tmp_path / "deck.pdf"), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == 3
    for path in images:
        image = Image.open(path).convert("L")
        w, h = image.size
        # The picture column: the right 60 % of the page between the title and the footer.
        box = image.crop((int(w * 0.40), int(h * 0.15), w, int(h * 0.90)))
        inked = sum(box.histogram()[:240])  # pixels darker than the page
        assert inked > 0.04 * box.width * box.height, path.name


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_titles_in_the_language_asked_for(demo_url, lang):
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")
    from dashboard.outputs import deck_pdf
    from dashboard.outputs.briefing import Request

    made = deck_pdf.build(demo_url, Request(lang=lang), "working-groups")
    (page,) = pages(made.pdf)
    text = flat(page.extract_text())
    assert translate("page.working_groups", lang) in text and "1 / 1" in text
    assert translate("filters.active", lang, age=translate("filters.all_ages", lang),
                     district=translate("filters.all_districts", lang), period="")[:12] in text


def test_deck_builder_offers_this_deck_as_pdf(demo_url, monkeypatch):
    from support.screen_helpers import open_deck_builder, open_screen

    from dashboard.core import cache
    from dashboard.core.filters import Filters
    from dashboard.outputs import presenting
    from data_pipeline.store.engine import data_version, make_engine

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    at = open_deck_builder(open_screen(None, lang="sv"))
    at.sidebar.multiselect(key="present-builder").set_value(["participation", "overview"]).run()
    labels = [b.label for b in at.get("download_button")]
    assert translate("deck.download", "sv") in labels
    # What the button hands over when clicked: the builder's slides in its order, in Swedish.
    store = cache.Store(demo_url, data_version(make_engine(demo_url)))
    pdf = presenting.deck_pdf_bytes(store, Filters(None, None, 2019, 2028), "sv", "participation,overview")
    texts = [flat(p.extract_text()) for p in pages(pdf)]
    assert len(texts) == 2
    assert translate("page.participation", "sv") in texts[0] and "1 / 2" in texts[0]
    assert translate("page.overview", "sv") in texts[1] and "2 / 2" in texts[1]
