"""The indicator screen's Streamlit pieces: an indicator card and its "details" button (texts from view.py)."""

from __future__ import annotations

import streamlit as st

from dashboard.core.formatting import plain
from dashboard.core.i18n import localized, t
from dashboard.indicators.view import (QUARTILE_BADGE, TREND_BADGE, comparison_text, county_rank_text,
                                       rank_change_text, rank_text, target_text, trend_label, value_text,
                                       with_unit)

INDICATOR_KEY = "indicator"
# Markdown's hard line break: one caption element, several lines.
CAPTION_LINE_BREAK = "  \n"



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
        # The small lines under the badge as one caption, a line each: each element is a message to
        # send, and a card is drawn 24 times a run (benchmarks/README.md, "App CPU per new visitor").
        lines = []
        if row.get("change") is not None:
            lines.append(t("ind.change", change=value_text(row["change"], row, lang, signed=True),
                           year=row["previous_year"]))
        if row.get("plan_change") is not None and row.get("baseline_year") != row.get("previous_year"):
            lines.append(t("ind.plan_change", change=value_text(row["plan_change"], row, lang, signed=True),
                           year=row["baseline_year"]))
        lines.append(plain(target_text(row, lang)))
        lines.append(comparison_text(row, lang, regions))  # the region names arrive escaped; the rest is ours
        st.caption(CAPTION_LINE_BREAK.join(lines))
        rank_badges(ranks, lang, extra=district_value)
        if sparkline is not None:
            st.vega_lite_chart(sparkline, width="stretch")
        st.button(t("ind.details"), key=f"show_{row['id']}", on_click=_select, args=(row["id"],),
                  icon=":material/query_stats:")


def rank_badges(ranks: dict[str, dict] | None, lang: str, extra: str | None = None) -> None:
    """The rank among all municipalities as a quartile-coloured badge, its change and the county's rank
    beneath in one caption (with `extra`, a line of the card's own, after them).

    No badge without a rank (a local indicator): an empty badge would read as a bad one.
    """
    lines = []
    if ranks and "country" in ranks:
        country = ranks["country"]
        st.badge(rank_text(country, lang), color=QUARTILE_BADGE[country["quartile"]], icon=":material/leaderboard:")
        lines.append(rank_change_text(country, lang))
        if "county" in ranks:
            lines.append(county_rank_text(ranks["county"], lang))
    lines.append(extra)
    lines = [line for line in lines if line]
    if lines:
        st.caption(CAPTION_LINE_BREAK.join(lines))


def _select(indicator_id: int) -> None:
    st.session_state[INDICATOR_KEY] = indicator_id


