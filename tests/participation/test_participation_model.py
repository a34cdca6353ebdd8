"""The participation screen's model is what the screen shows: its headings, figures, notes, the map's
text alternative, the ranking's line and the district in detail, on a filtered fixture store."""

from __future__ import annotations

from support.screen_helpers import open_screen

from dashboard.core.cache import Store, engine
from dashboard.core.filters import Filters
from dashboard.participation import model
from data_pipeline.store.engine import data_version


def test_the_models_texts_are_the_screens(participation_store):  # noqa: F811
    at = open_screen("participation.py", age="young", pdistrict="02", **{"from": "2025", "to": "2025"})
    store = Store(participation_store, data_version(engine(participation_store)))
    screen = model.build(store, Filters("young", None, 2025, 2025), "fi", district="02")

    assert [t.value for t in at.title] == [screen.heading.title]
    captions = [c.value for c in at.caption]
    assert captions[:2] == [screen.heading.data_date, screen.heading.filters]
    assert [(m.label, m.value) for m in at.metric] == [(tile.title, tile.value) for tile in screen.figures]
    assert screen.figures[0].value == "78,2"  # 133 young participants / 1 700 young residents
    assert screen.figures_note in captions and screen.reach_map.caption in captions
    subheaders = [s.value for s in at.subheader]
    assert [screen.reach_map.title, screen.ranking.title, "Saari"] == [s for s in subheaders if s in (
        screen.reach_map.title, screen.ranking.title, "Saari")]
    markdown = [m.value for m in at.markdown]
    assert screen.ranking.line in markdown and screen.detail.summary in markdown
    assert screen.detail.name == "Saari" and screen.detail.trend.caption in captions
    assert at.get("deck_gl_json_chart")[0].proto.json == screen.reach_map.deck.to_json()
    assert screen.adoption.line in markdown


def test_without_a_district_in_detail_the_model_has_none_and_the_period_without_events_says_so(
        participation_store):  # noqa: F811
    store = Store(participation_store, data_version(engine(participation_store)))
    screen = model.build(store, Filters(None, None, 2025, 2025), "en")
    assert screen.detail is None and screen.no_events is None
    assert [tile.value for tile in screen.figures] == ["57.5", "489", "5", "1"]
    empty = model.build(store, Filters(None, None, 2020, 2021), "en")
    assert empty.no_events.text.startswith("There are no participation events in this period with these filters.")
    assert empty.figures == () and empty.reach_map is None and empty.ranking is None
