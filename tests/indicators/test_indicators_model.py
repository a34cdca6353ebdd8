"""The indicators screen's model is what the screen shows: each card's value, trend and small lines,
the areas' lines, and the indicator in detail with its charts' text alternatives."""

from __future__ import annotations

from support.screen_helpers import open_screen

from dashboard.core.cache import Store, engine
from dashboard.core.filters import Filters
from dashboard.indicators import model
from data_pipeline.store.engine import data_version


def test_the_models_texts_are_the_screens(indicator_store):  # noqa: F811
    at = open_screen("indicators.py", lang="sv", indicator="288", **{"from": "2020"})
    store = Store(indicator_store, data_version(engine(indicator_store)))
    f = Filters(None, None, 2020, at.selectbox(key="to").value)
    screen = model.build(store, f, "sv", indicator=288)
    cards = [card for area in screen.areas for card in area.cards]
    assert [(m.label, m.value) for m in at.metric] == [(c.label, c.value) for c in cards]
    captions, markdown = [c.value for c in at.caption], [m.value for m in at.markdown]
    assert all(card.lines in captions for card in cards)
    assert [h.value for h in at.header] == [area.name for area in screen.areas]
    assert all(area.line in markdown for area in screen.areas)
    detail = screen.detail
    assert detail.title in [s.value for s in at.subheader] and detail.subtitle in captions
    assert detail.trend.caption in captions and detail.peer_text in captions
    assert screen.indicator_titles[288] == "Röker dagligen, % av eleverna i årskurs 8 och 9"


def test_an_indicator_the_filters_leave_out_has_no_detail(indicator_store):  # noqa: F811
    store = Store(indicator_store, data_version(engine(indicator_store)))
    screen = model.build(store, Filters("old", None, 2020, 2028), "fi", indicator=288)  # 288 is for the young
    assert screen.detail is None and 288 not in screen.indicator_titles
    table = model.build(store, Filters(None, None, 2020, 2028), "en", table=True)
    assert table.areas == () and table.table.frame.height == len(table.indicator_titles) and table.files.file == "indikaattorit"
