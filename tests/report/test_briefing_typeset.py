"""The meeting briefing, typeset by Typst as the council report is: a tagged PDF with its language, title
and alt text on every chart, and no word in its tables broken but at a hyphen (issue 24: "Heikkene|e",
"263/30|5" in the PDF library before it)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from support.report_fixtures import TODAY, broken_words, words

from dashboard.core.i18n import translate
from dashboard.outputs import briefing
from data_pipeline.store.engine import make_engine

pytestmark = pytest.mark.skipif(not all((briefing.FONT_DIR / n).is_file() for n in briefing.FONT_FILES.values()),
                                reason=f"the briefing's font is missing from {briefing.FONT_DIR}: apt-get install fonts-dejavu-core")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_briefing_is_tagged_and_breaks_no_word_but_at_a_hyphen(report_store, lang):
    doc = briefing.compose(make_engine(report_store), briefing.Request(lang=lang), today=TODAY)
    pdf = PdfReader(io.BytesIO(doc.output()))
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root and str(root["/Lang"]).startswith(lang)
    assert pdf.metadata.title == doc.title
    images = [item for item in doc.items if item["kind"] == "image"]
    assert images and all(len(item["alt"]) > 20 for item in images)
    known = set()
    for item in doc.items:
        for text in (item.get("text"), item.get("title"), *item.get("lines", ()), *item.get("header", ()),
                     *(v for row in item.get("rows", ()) for v in row)):
            known |= words(text or "")
    known |= words(doc.title)
    # The running head and the page numbers are the template's: their words too.
    head = pdf.pages[1].extract_text().splitlines()[0]
    known |= words(head) | words(translate("brief.page", lang, page=1, pages=len(pdf.pages)))
    known |= {f"{page}/{len(pdf.pages)}" for page in range(1, len(pdf.pages) + 1)}
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert broken_words(text, known) == []
