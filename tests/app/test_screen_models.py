"""The overview's and the data status's models are what those screens show, on the demo town: the
overview's area cards, weak signals and the other screens' tiles; the data status's tables and sources."""

from __future__ import annotations

from support.screen_helpers import open_screen

from dashboard.core.cache import Store, engine
from dashboard.core.filters import Filters
from dashboard.data_status import model as data_status
from dashboard.overview import model as overview
from data_pipeline.store.engine import data_version


def test_the_overview_model_is_the_overview(demo_url, monkeypatch):
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    at = open_screen(None, age="older", **{"from": "2020", "to": "2026"})
    store = Store(demo_url, data_version(engine(demo_url)))
    screen = overview.build(store, Filters("older", None, 2020, 2026), "fi")
    assert [t.value for t in at.title] == [screen.heading.title]
    assert screen.heading.filters in [c.value for c in at.caption]
    tiles = [(tile.tile.title, tile.tile.value) for tile in screen.tiles]
    counts = [(card.count_label, card.count) for card in screen.areas]
    assert [(m.label, m.value) for m in at.metric] == counts + tiles
    assert [link.label for link in at.get("page_link") if link.proto.icon == ":material/warning:"] == [
        s.text for s in screen.signals]
    assert [card.line for card in screen.areas if card.line] == [
        m.value for m in at.markdown if m.value in {card.line for card in screen.areas}]


def test_the_data_status_model_is_the_data_status(fixture_store):
    at = open_screen("data_status.py", lang="sv")
    screen = data_status.build(Store(fixture_store, data_version(engine(fixture_store))), "sv")
    titles = [screen.runs_title, screen.rejected_title, screen.freshness_title, screen.counts_title,
              screen.audit_title]
    assert [s.value for s in at.subheader if s.value in titles] == titles  # after the coordinator's forms
    assert at.dataframe[0].value.columns.tolist() == screen.runs.frame.columns
    captions = [c.value for c in at.caption]
    assert screen.sources and all(source.notes in captions for source in screen.sources)
