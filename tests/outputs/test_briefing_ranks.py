"""The briefing's priority-area tables carry the rank among all municipalities and the peers' median (range)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.rank_fixtures import build_rank_store

from dashboard.outputs import briefing
from data_pipeline.store.engine import make_engine


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_priority_area_table_has_rank_and_peer_columns(mini_package: Path, tmp_path, lang):
    url = build_rank_store(mini_package, tmp_path)
    pdf = briefing.build(make_engine(url), briefing.Request(lang=lang, start_year=2023))
    # A cell may wrap after a dash ("107 (105–" / "110)"); a word hyphenated at a line's end carries a soft hyphen.
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.replace("–\n", "–").replace("\xad\n", "").split())
    assert {"fi": "Sija", "en": "Rank"}[lang] in text
    assert "4/7 ↑1" in text  # 127 in 2024: 4th of 7 municipalities, one up from 2023
    assert "107 (105–110)" in text  # peers 101 and 102: median 107.25, range 104.5–110, no decimals
    assert {"fi": "ei tavoitteeseen", "en": "not with a target"}[lang] in text
