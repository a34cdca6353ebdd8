"""Data status: the pipeline's runs, what a rejected load found, source freshness, rows per table;
for coordinators also uploads, restores, refresh and the change log."""

import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.data_status import model
from dashboard.data_status import widgets as manage_widgets


def data_status() -> None:
    lang = current_language()
    store = cache.open_store()
    visitor = access.current_visitor()
    screen = model.build(store, lang)  # an upload, restore or refresh below reruns the screen on its new data
    layout.heading(screen.heading)
    if visitor.manages_data:
        upload_column, restore_column = st.columns(2, gap="large")
        with upload_column:
            manage_widgets.upload_form(store, visitor, lang)
        with restore_column:
            manage_widgets.restore_form(store, visitor, lang)
            manage_widgets.refresh_panel(store, visitor, lang)

    st.subheader(screen.runs_title, anchor=False)
    if screen.runs is None:
        layout.message(screen.no_runs)
    else:
        layout.table(screen.runs)
    st.subheader(screen.rejected_title, anchor=False)
    if screen.rejected is None:
        layout.message(screen.no_rejected)
    else:
        st.markdown(screen.rejected_intro)
        layout.table(screen.rejected)

    freshness_column, counts_column = st.columns(2, gap="large")
    with freshness_column:
        st.subheader(screen.freshness_title, anchor=False)
        layout.message(screen.no_sources)
        for source in screen.sources:
            manage_widgets.source(source)
    with counts_column:
        st.subheader(screen.counts_title, anchor=False)
        layout.table(screen.counts)

    if screen.changes is not None:
        st.subheader(screen.changes_title, anchor=False)
        layout.table(screen.changes)
    st.subheader(screen.audit_title, anchor=False)
    if screen.audit is None:
        layout.message(screen.no_audit)
    else:
        layout.table(screen.audit)
    if visitor.is_admin:
        manage_widgets.public_link_panel(lang)


data_status()
