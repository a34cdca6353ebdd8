"""Pieces every screen shares: the heading, tiles, messages, charts and tables of a screen's model
(dashboard.core.model) drawn the same way on every page; the demo label and store errors."""

from __future__ import annotations

import streamlit as st

from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core.formatting import plain
from dashboard.core.i18n import t
from dashboard.core.model import Chart, Heading, Message, Table, TableFiles, Tile


def heading(shown: Heading) -> None:
    """The page's h1, when its data was last loaded (small beneath it), and the filters in force."""
    st.title(shown.title, anchor=False)
    st.caption(shown.data_date)
    if shown.filters is not None:
        st.caption(shown.filters)


def message(shown: Message | None) -> None:
    """An info box, a warning or a success line (nothing for None)."""
    if shown is not None:
        getattr(st, shown.kind)(shown.text, icon=shown.icon)


def tiles(shown: tuple[Tile, ...] | list[Tile]) -> None:
    """Tiles side by side, one column each."""
    for column, tile in zip(st.columns(len(shown)), shown):
        card(column, tile.title, tile.value, note=tile.note)


def chart(shown: Chart, **kwargs) -> None:
    """A chart with its PNG and SVG downloads, and its caption beneath."""
    downloads.chart(shown.spec, shown.file, **kwargs)
    if shown.caption:
        st.caption(shown.caption)


def table(shown: Table, **kwargs) -> None:
    """A table, with its CSV and Excel downloads when it has a file name."""
    if shown.height is not None:
        kwargs["height"] = shown.height
    if shown.file is None:
        st.dataframe(shown.frame, hide_index=True, **kwargs)
    else:
        downloads.table(shown.frame, shown.file, shown.title, **kwargs)


def table_files(shown: TableFiles, key: str) -> None:
    """A table's CSV and Excel download buttons, the file made when clicked (`key` keys the buttons)."""
    downloads.table_files(shown, key)


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
