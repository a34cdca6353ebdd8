"""The overview's Streamlit pieces: a priority area's card and the other screens' headline tiles."""

from __future__ import annotations

import streamlit as st

from dashboard.core import downloads
from dashboard.core import layout
from dashboard.core.formatting import DASH, fmt_number, plain
from dashboard.core.i18n import t
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import view as ind_view
from dashboard.participation import widgets as participation_widgets
from dashboard.partnerships import widgets as ngo_widgets
from dashboard.working_groups import widgets as group_widgets

# Each screen's headline: (i18n key of the tile, page, function giving (value, note)); a screen
# without data gives a dash and says why, never a made-up number.
TILES = (
    ("tile.reach", "participation.py", participation_widgets.headline),
    ("tile.groups", "working_groups.py", group_widgets.headline),
    ("tile.ngo", "partnerships.py", ngo_widgets.headline),
)
# The card's indicator count is kept but small: the status bar is the card's big figure.
CARD_CSS = """<style>
[class*="st-key-ov-count-"] [data-testid="stMetricValue"] { font-size: 1.25rem; }
[class*="st-key-ov-count-"] [data-testid="stMetric"] { display: flex; gap: 0.5rem; align-items: baseline; }
</style>"""


def area_card(column, name: str, area: dict, status: dict | None, labels: dict[str, str], lang: str) -> None:
    """A priority area at a glance: its indicators improving, holding and worsening as a bar (the
    big figure), the same in words, and how many indicators it has (kept, small)."""
    with column.container(border=True, height="stretch"):
        st.markdown(f"**{plain(name)}**")
        if status is not None and status["indicators"]:
            line = ind_view.area_line(status, lang)
            st.vega_lite_chart(downloads.arrow_rows(indicator_charts.status_bar(status, labels, f"{plain(name)}: {line}")),
                               width="stretch")
            st.markdown(line)
        with st.container(key=f"ov-count-{area['code']}"):
            st.metric(t("overview.indicator_count"), fmt_number(area["indicators"], 0, lang))
        if status is not None:
            st.caption(ind_view.comparison_line(status, lang))
        st.page_link("../pages/indicators.py", label=t("page.indicators"), icon=":material/arrow_forward:",
                     query_params={"area": area["code"]})


def tiles(store, f) -> None:
    """The other screens' headline figures, each with a link to its screen."""
    for column, (tile, page, headline) in zip(st.columns(len(TILES)), TILES):
        value, note = headline(store, f) if headline else (DASH, t("tile.not_available"))
        layout.card(column, t(tile), value, note=note)
        # A short label: a long one is cut off in a third of a 1280 px screen.
        column.page_link(f"../pages/{page}", label=t("tile.open"), icon=":material/arrow_forward:")
