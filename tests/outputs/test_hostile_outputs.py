"""Stored names in the briefing PDF and the downloads are the text as typed: no Markdown, no bidi controls."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest
from support.hostile_fixtures import BIDI, PAYLOAD, build_hostile_store
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard.core.formatting import text_only
from dashboard.core.spreadsheet import csv_bytes, excel_bytes
from dashboard.outputs import briefing
from data_pipeline.store.engine import make_engine

pytestmark = pytest.mark.skipif(
    not all((briefing.FONT_DIR / name).is_file() for name in briefing.FONT_FILES.values()),
    reason=f"the briefing's font is missing from {briefing.FONT_DIR}: apt-get install fonts-dejavu-core")

SHOWN = text_only(PAYLOAD)  # the payload as the reader should see it: only the bidi override gone


def test_briefing_shows_hostile_names_literally_without_bidi_controls(tmp_path):
    engine = make_engine(build_hostile_store(tmp_path))
    pdf = briefing.build(engine, briefing.Request(district="01"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "**BOLD**" in flat and "[click](http://evil.example)" in flat and "<h1>HTMLH</h1>" in flat
    assert "abcdef KUNTA" in flat  # the municipality on the cover, turned around by nothing
    assert not set(text) & set(BIDI)
    assert "\\*" not in text and "\\[" not in text  # no Markdown escapes leak into the paper either


def test_downloads_keep_hostile_names_as_typed():
    frame = pl.DataFrame({"Alue": [SHOWN], "Arvo": [1.5]})
    rows = list(csv.reader(io.StringIO(csv_bytes(frame, [f"Rajaukset: {SHOWN}"]).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [f"# Rajaukset: {SHOWN}"] and rows[2][0] == SHOWN
    sheet = load_workbook(io.BytesIO(excel_bytes(frame, [f"Rajaukset: {SHOWN}"], SHOWN))).worksheets[0]
    assert SHOWN in [cell.value for row in sheet.iter_rows() for cell in row]
