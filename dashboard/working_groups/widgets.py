"""The working-groups screen's Streamlit pieces: the year looked at, kept in the URL (what the screen
shows comes from its model, dashboard.working_groups.model).

The year is read before the model is built (`choices`: seeded from the link, checked against the
years with meetings) and its radio drawn where the screen has it (`year_radio`).
"""

from __future__ import annotations

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import url_state
from dashboard.core.i18n import t
from dashboard.working_groups import model

YEAR_KEY = "wg_year"  # session-state key and URL parameter of the year looked at


def choices(store: cache.Store, f: filters.Filters) -> dict:
    """The year the structure, the bars and the clock show, as `model.build` takes it: the link's
    (`wg_year`) or the one chosen; default the latest year with meetings, None when there is none."""
    years = model.activity(store, f)["years"]
    if not years:
        return {"year": None}
    default = years[-1]
    url_state.seed_or_warn(YEAR_KEY, years, str(default))
    if st.session_state.get(YEAR_KEY) not in years:
        st.session_state[YEAR_KEY] = default  # the period changed under it
    return {"year": st.session_state[YEAR_KEY]}


def year_radio(years: tuple[int, ...]) -> None:
    """The year's radio buttons (its value was read by `choices`)."""
    st.radio(t("wg.year"), years, key=YEAR_KEY, horizontal=True)
    url_state.write_to_url(YEAR_KEY, st.session_state[YEAR_KEY], years[-1])

