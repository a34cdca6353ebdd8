"""The indicator screen's Streamlit pieces: an indicator card and its "details" button (texts from view.py)."""

from __future__ import annotations

import streamlit as st

from dashboard.core.formatting import plain
from dashboard.core.i18n import localized, t
from dashboard.indicators.view import (QUARTILE_BADGE, TREND_BADGE, comparison_text, county_rank_text,
                                       rank_change_text, rank_text, target_text, trend_label, value_text,
                                       with_unit)

INDICATOR_KEY = "indicator"



def card(row: dict, sparkline: dict | None, lang: str, district_value: str | None,
         ranks: dict[str, dict] | None = None, regions: dict[str, str] | None = None) -> None:
    """One indicator as a bordered card: value, trend, change, target, comparisons, ranks, sparkline (a
    Vega-Lite spec from cache.sparklines, None when the indicator has fewer than two values)."""
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{plain(localized(row, 'title', lang))}**")
        colour, icon = TREND_BADGE[row.get("trend") or "no_data"]
        latest = with_unit(value_text(row.get("latest"), row, lang), row)
        year = row.get("latest_year") or ""
        st.metric(t("ind.latest_label", year=year), plain(latest), label_visibility="visible")
        st.badge(trend_label(row.get("trend"), lang), color=colour, icon=icon)
        if row.get("change") is not None:
            st.caption(t("ind.change", change=value_text(row["change"], row, lang, signed=True),
                         year=row["previous_year"]))
        if row.get("plan_change") is not None and row.get("baseline_year") != row.get("previous_year"):
            st.caption(t("ind.plan_change", change=value_text(row["plan_change"], row, lang, signed=True),
                         year=row["baseline_year"]))
        st.caption(plain(target_text(row, lang)))
        st.caption(comparison_text(row, lang, regions))  # the region names arrive escaped; the rest is ours
        rank_badges(ranks, lang)
        if district_value is not None:
            st.caption(district_value)
        if sparkline is not None:
            st.vega_lite_chart(sparkline, width="stretch")
        st.button(t("ind.details"), key=f"show_{row['id']}", on_click=_select, args=(row["id"],),
                  icon=":material/query_stats:")


def rank_badges(ranks: dict[str, dict] | None, lang: str) -> None:
    """The rank among all municipalities as a quartile-coloured badge, its change and the county's rank.

    Nothing without a rank (a local indicator): an empty badge would read as a bad one.
    """
    if not ranks or "country" not in ranks:
        return
    country = ranks["country"]
    st.badge(rank_text(country, lang), color=QUARTILE_BADGE[country["quartile"]], icon=":material/leaderboard:")
    change = rank_change_text(country, lang)
    if change:
        st.caption(change)
    if "county" in ranks:
        st.caption(county_rank_text(ranks["county"], lang))


def _select(indicator_id: int) -> None:
    st.session_state[INDICATOR_KEY] = indicator_id


