"""The working-groups screen's model is what the screen shows: tiles, who falls short, the sections'
headings and the charts' text alternatives; and the overview's tile and the slide read the same pieces."""

from __future__ import annotations

import pytest
from support.screen_helpers import open_screen
from support.working_groups_fixtures import TODAY

from dashboard.core.cache import Store, engine
from dashboard.core.filters import Filters
from dashboard.working_groups import model
from data_pipeline.store.engine import data_version


@pytest.fixture
def store(groups_url, monkeypatch) -> Store:  # noqa: F811
    monkeypatch.setenv("HYTE_DATABASE_URL", groups_url)
    monkeypatch.setattr("dashboard.working_groups.model.today", lambda: TODAY)
    return Store(groups_url, data_version(engine(groups_url)))


def test_the_models_texts_are_the_screens(store):
    at = open_screen("working_groups.py", lang="en", wg_year="2025", **{"from": "2025", "to": "2026"})
    screen = model.build(store, Filters(None, None, 2025, 2026), "en", year=2025)
    assert [t.value for t in at.title] == [screen.heading.title]
    assert [(m.label, m.value) for m in at.metric] == [(tile.title, tile.value) for tile in screen.figures]
    assert [w.value for w in at.warning] == [screen.target.text]
    assert "Working-age wellbeing group: 3 meetings in 2025, target 5–6" in screen.target.text.replace("\\", "")
    captions = [c.value for c in at.caption]
    for section in (screen.structure, screen.meetings, screen.history, screen.attendance, screen.seats, screen.topics):
        assert section.chart.caption in captions, section.title
    assert [h.value for h in at.header][:2] == [screen.structure.title, screen.meetings_title]
    assert screen.years == (2025, 2026) and at.radio(key="wg_year").value == 2025


def test_the_slide_draws_the_screens_meetings_chart(store):
    f = Filters(None, None, 2025, 2026)
    screen = model.build(store, f, "fi", year=2025)
    assert model.meetings_chart(store, f, "fi", 2025) == screen.meetings.chart
    one = model.meetings_chart(store, f, "fi", 2025, "adults")  # a group in focus: its bar alone
    assert "Työikäisten hyvinvointiryhmä" in one.alt and "Kunnan johtoryhmä" not in one.alt
