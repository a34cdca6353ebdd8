"""The partnerships screen's model is what the screen shows: tiles, the coverage gaps, the districts'
lines, the partners found, the knowledge section; the slide's heat map is the screen's."""

from __future__ import annotations

from support.screen_helpers import open_screen

from dashboard.core.cache import Store, engine
from dashboard.core.filters import Filters
from dashboard.partnerships import model
from data_pipeline.store.engine import data_version


def test_the_models_texts_are_the_screens(ngo_store):  # noqa: F811
    at = open_screen("partnerships.py", q="seura", **{"from": "2024", "to": "2026"})
    store = Store(ngo_store, data_version(engine(ngo_store)))
    screen = model.build(store, Filters(None, None, 2024, 2026), "fi", query="seura")
    assert [t.value for t in at.title] == [screen.heading.title]
    assert [(m.label, m.value) for m in at.metric] == [(tile.title, tile.value) for tile in screen.figures]
    markdown, captions = [m.value for m in at.markdown], [c.value for c in at.caption]
    assert screen.coverage.gaps in markdown and screen.coverage.summary in captions
    assert all(line in markdown for line in screen.districts.lines) and screen.districts.summary in captions
    assert screen.partners.count in captions
    assert list(at.dataframe[0].value.iloc[:, 0]) == list(screen.partners.table.frame[:, 0])
    assert screen.knowledge.coverage in markdown and all(line in markdown for line in screen.knowledge.indicators)


def test_the_slide_draws_the_screens_coverage(ngo_store):  # noqa: F811
    store = Store(ngo_store, data_version(engine(ngo_store)))
    f = Filters(None, None, 2024, 2026)
    screen = model.build(store, f, "fi")
    assert model.coverage_chart(store, f, "fi") == screen.coverage.chart
    assert model.headline(store, f, "fi")[0] == screen.figures[1].value == "5/6"
