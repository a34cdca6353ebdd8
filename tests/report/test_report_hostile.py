"""Stored names in the council report are the text as typed in every format: escaped in HTML (no tag of a
name ever becomes one of the page), literal in DOCX and PDF, without bidi controls."""

from __future__ import annotations

import io
import re

from docx import Document
from pypdf import PdfReader
from support.hostile_fixtures import BIDI, build_hostile_store

from dashboard.outputs import report
from data_pipeline.store.engine import make_engine


def test_hostile_names_stay_text_in_html_docx_and_pdf(tmp_path):
    engine = make_engine(build_hostile_store(tmp_path))
    doc = report.build(engine, report.Request(kind="broad", lang="fi"), with_charts=False)
    html = report.render(doc, "html").decode()
    assert "<h1>HTMLH</h1>" not in html and "&lt;h1&gt;HTMLH&lt;/h1&gt;" in html
    assert "<img src=x" not in html and not re.search(r"<img [^>]*onerror", html)
    assert not set(html) & set(BIDI)
    docx = Document(io.BytesIO(report.render(doc, "docx")))
    words = " ".join([p.text for p in docx.paragraphs] + [c.text for t in docx.tables for r in t.rows for c in r.cells])
    assert "<h1>HTMLH</h1>" in words and "**BOLD**" in words and not set(words) & set(BIDI)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(report.render(doc, "pdf"))).pages).split())
    assert "**BOLD**" in text and not set(text) & set(BIDI)
