"""The overview's Streamlit pieces: a priority area's card, a weak signal's link, the other screens' tiles."""

from __future__ import annotations

import streamlit as st

from dashboard.core import downloads
from dashboard.core import layout
from dashboard.overview.model import AreaCard, ScreenTile, Signal

# The card's indicator count is kept but small: the status bar is the card's big figure.
CARD_CSS = """<style>
[class*="st-key-ov-count-"] [data-testid="stMetricValue"] { font-size: 1.25rem; }
[class*="st-key-ov-count-"] [data-testid="stMetric"] { display: flex; gap: 0.5rem; align-items: baseline; }
</style>"""


def area_card(column, card: AreaCard) -> None:
    """A priority area at a glance, with the link to its indicators."""
    with column.container(border=True, height="stretch"):
        st.markdown(f"**{card.name}**")
        if card.bar is not None:
            st.vega_lite_chart(downloads.arrow_rows(card.bar), width="stretch")
            st.markdown(card.line)
        with st.container(key=f"ov-count-{card.code}"):
            st.metric(card.count_label, card.count)
        if card.comparison is not None:
            st.caption(card.comparison)
        st.page_link("../pages/indicators.py", label=card.link_label, icon=":material/arrow_forward:",
                     query_params={"area": card.code})


def signal(shown: Signal) -> None:
    """A weak signal, linking to its indicator in detail."""
    st.page_link("../pages/indicators.py", icon=":material/warning:", label=shown.text,
                 query_params={"indicator": str(shown.indicator_id)})


def tiles(shown: tuple[ScreenTile, ...]) -> None:
    """The other screens' headline figures, each with a link to its screen."""
    for column, screen_tile in zip(st.columns(len(shown)), shown):
        layout.card(column, screen_tile.tile.title, screen_tile.tile.value, note=screen_tile.tile.note)
        column.page_link(f"../pages/{screen_tile.page}", label=screen_tile.link_label,
                         icon=":material/arrow_forward:")
