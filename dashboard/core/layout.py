"""Pieces every screen shares: the page heading with its data date, the demo label, store errors."""

from __future__ import annotations

import streamlit as st

from dashboard.core import cache
from dashboard.core.formatting import fmt_datetime, plain
from dashboard.core.i18n import current_language, t


def page_header(title: str, store: cache.Store) -> None:
    """The page's h1 and, small beneath it, when the data shown was last loaded successfully."""
    st.title(title, anchor=False)
    loaded = cache.last_successful_load(store)
    if loaded is None:
        st.caption(t("data_date.none"))
    else:
        st.caption(t("data_date", when=fmt_datetime(loaded, current_language())))


def demo_label(store: cache.Store) -> None:
    """A label no one can miss when the figures are invented (the demo municipality)."""
    muni = cache.municipality(store)
    if muni.height and muni["is_demo"][0]:
        st.badge(t("demo.label"), icon=":material/science:", color="orange")


def store_error(problem: cache.StoreUnavailable) -> None:
    """Say what is wrong with the store and what to do, instead of a traceback on the projector."""
    if problem.reason == "empty":
        st.error(t("store.empty"), icon=":material/database:")
    else:
        st.error(t("store.unreachable", url=problem.url), icon=":material/database:")


def card(column, title: str, value: str, *, label: str | None = None, note: str | None = None) -> None:
    """A bordered tile: a title that wraps (a metric label is cut at one line), a big value, a note.

    `title` is stored or translated text; it is escaped here. Without `label`, the metric's own
    label is hidden and repeats the title for screen readers.
    """
    with column.container(border=True, height="stretch"):
        st.markdown(f"**{plain(title)}**")
        st.metric(label or title, value, label_visibility="visible" if label else "collapsed")
        if note:
            st.caption(note)
