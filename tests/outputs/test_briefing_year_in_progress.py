"""The briefing's working-group section for a period of only the year in progress: its groups and meetings
so far, said to be in progress, not "no working groups or meetings" (issue 27)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from support.working_groups_fixtures import TODAY, write_package

from dashboard.core.i18n import translate
from dashboard.outputs import briefing
from data_pipeline.load.refresh import refresh
from data_pipeline.store.engine import make_engine

pytestmark = pytest.mark.skipif(
    not all((briefing.FONT_DIR / name).is_file() for name in briefing.FONT_FILES.values()),
    reason=f"the briefing's font is missing from {briefing.FONT_DIR}: apt-get install fonts-dejavu-core")


def test_a_period_of_the_year_in_progress_counts_its_meetings_so_far(tmp_path):
    url = f"sqlite:///{tmp_path / 'groups.db'}"
    assert refresh(write_package(tmp_path), url).ok
    pdf = briefing.build(make_engine(url), briefing.Request(start_year=2026, end_year=2026), today=TODAY)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert translate("brief.groups.none", "fi") not in text
    assert translate("wg.meetings_year", "fi", year=2026) in text
    assert " ".join(translate("wg.in_progress_note", "fi").split())[:60] in text
