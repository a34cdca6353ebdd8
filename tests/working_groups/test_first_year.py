"""The plan's first year (issue 23, Kuusamo): with no finished year yet, the overview's working-group tile
(and its slide, which reads the same model) judged nothing ("–", "no finished year") while the
working-groups screen showed the groups keeping the target's pace. Now the tile judges the year so far,
with the meetings logged so far, as the screen does."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from support.working_groups_fixtures import TODAY

from dashboard.core.formatting import DASH


@pytest.fixture
def group_store(groups_url, monkeypatch) -> str:
    monkeypatch.setenv("HYTE_DATABASE_URL", groups_url)
    monkeypatch.setattr("dashboard.working_groups.model.today", lambda: TODAY)
    return groups_url


def _first_year_script():
    import streamlit as st

    from dashboard.core import cache
    from dashboard.core import filters
    from dashboard.working_groups import cache as wg_cache
    from dashboard.working_groups import metrics
    from dashboard.working_groups import model

    store = cache.open_store()
    f = filters.Filters(None, None, 2026, 2028)  # the plan began this year: 2026, today 1.3.2026
    st.session_state["tile"] = model.headline(store, f, "fi")
    act = wg_cache.group_activity(store, f.start_year, f.end_year, f.age_group, model.today())
    summary = metrics.target_summary(act["counts"], 2026)
    st.session_state["screen"] = (summary["on_course"], summary["with_target"])
    st.session_state["meetings_2026"] = int(act["counts"].filter(act["counts"]["year"] == 2026)["held"].sum())


def test_the_tile_judges_the_year_so_far_in_the_plans_first_year(group_store):
    at = AppTest.from_function(_first_year_script, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    value, note = at.session_state["tile"]
    on_course, with_target = at.session_state["screen"]
    assert with_target > 0 and at.session_state["meetings_2026"] > 0  # meetings logged this year count
    assert value != DASH and value == f"{on_course}/{with_target}"
    assert note.startswith("ryhmää tavoitteen tahdissa 2026 tähän mennessä.") or \
        note == "Kaikki ryhmät ovat kokoontuneet tavoitteen tahdissa vuonna 2026 tähän mennessä."


def test_the_slide_shows_the_year_so_far_with_its_chart(group_store, monkeypatch):
    monkeypatch.setattr("dashboard.outputs.slides.working_groups.today", lambda: TODAY, raising=False)
    from dashboard.working_groups import model

    assert model.judged_year([2026, 2027, 2028], _filters(2026, 2028), TODAY) == (2026, True)
    assert model.judged_year([2025, 2026], _filters(2025, 2026), TODAY) == (2025, False)
    assert model.judged_year([2027], _filters(2027, 2028), TODAY) is None


def _filters(start: int, end: int):
    from dashboard.core import filters

    return filters.Filters(None, None, start, end)
