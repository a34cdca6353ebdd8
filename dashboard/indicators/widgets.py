"""The indicators screen's Streamlit pieces: its own choices (priority area, cards or table, the
indicator in detail), kept in the URL, and an indicator card with its ranks (texts from the model).

The choices are read before the model is built (`choices`: seeded from the link, checked against what
the store offers) and drawn where the screen has them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import url_state
from dashboard.core.i18n import t
from dashboard.indicators import cache as ind_cache
from dashboard.indicators.model import ALL_AREAS, CARDS, TABLE, Card, Ranks

INDICATOR_KEY = "indicator"
AREA_KEY, VIEW_KEY = "area", "view"


def choices(store: cache.Store, f: filters.Filters) -> dict:
    """The priority area (None: all), whether the numbers show as a table, and the indicator in detail,
    as `model.build` takes them. Nothing is drawn but a warning about a bad link."""
    areas = (ALL_AREAS, *cache.priority_areas(store)["code"])
    for key, allowed, default, label in ((AREA_KEY, areas, ALL_AREAS, t("ind.area_all")),
                                         (VIEW_KEY, (CARDS, TABLE), CARDS, t("ind.view.cards"))):
        url_state.seed_or_warn(key, allowed, label)
        st.session_state.setdefault(key, default)
    ids = tuple(ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)["cards"]["id"])
    url_state.seed_or_warn(INDICATOR_KEY, ids, t("ind.detail_none"))
    if st.session_state.get(INDICATOR_KEY) not in (None, *ids):
        st.session_state[INDICATOR_KEY] = None  # filtered out by the age group
    area = st.session_state[AREA_KEY]
    return {"area": None if area == ALL_AREAS else area, "table": st.session_state[VIEW_KEY] == TABLE,
            "indicator": st.session_state.get(INDICATOR_KEY)}


def area_and_view(area_names: dict[str, str]) -> None:
    """The area tabs and the cards/table switch (names Markdown-safe), both kept in the URL (`area`, `view`)."""
    # Radio buttons wrap on a narrow projector screen; a segmented control would be cut off.
    st.radio(t("ind.area"), (ALL_AREAS, *area_names), key=AREA_KEY, horizontal=True,
             format_func=lambda c: t("ind.area_all") if c == ALL_AREAS else area_names[c])
    st.segmented_control(t("ind.view"), (CARDS, TABLE), key=VIEW_KEY, required=True,
                         format_func=lambda v: t(f"ind.view.{v}"))
    url_state.write_to_url(AREA_KEY, st.session_state[AREA_KEY], ALL_AREAS)
    url_state.write_to_url(VIEW_KEY, st.session_state[VIEW_KEY], CARDS)


def indicator_picker(titles: dict[int, str]) -> int | None:
    """The selectbox of the indicator in detail, kept in the URL as `indicator`."""
    chosen = st.selectbox(t("ind.detail_select"), (None, *titles), key=INDICATOR_KEY,
                          format_func=lambda i: t("ind.detail_none") if i is None else titles[i])
    url_state.write_to_url(INDICATOR_KEY, chosen, None)
    return chosen


def close_button(label: str) -> None:
    st.button(label, on_click=lambda: st.session_state.update({INDICATOR_KEY: None}), icon=":material/close:")


def card(shown: Card) -> None:
    """One indicator as a bordered card: value, trend, the small lines, ranks, sparkline, details button."""
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{shown.title}**")
        st.metric(shown.label, shown.value, label_visibility="visible")
        st.badge(shown.trend, color=shown.trend_colour, icon=shown.trend_icon)
        st.caption(shown.lines)
        rank_badges(shown.ranks)
        if shown.sparkline is not None:
            st.vega_lite_chart(shown.sparkline, width="stretch")
        st.button(shown.details_label, key=f"show_{shown.id}", on_click=_select, args=(shown.id,),
                  icon=":material/query_stats:")


def rank_badges(ranks: Ranks) -> None:
    """The rank among all municipalities as a quartile-coloured badge, and beneath it one caption."""
    if ranks.badge is not None:
        st.badge(ranks.badge, color=ranks.colour, icon=":material/leaderboard:")
    if ranks.caption:
        st.caption(ranks.caption)


def _select(indicator_id: int) -> None:
    st.session_state[INDICATOR_KEY] = indicator_id
