"""Data status: the pipeline's runs, what a rejected load found, source freshness, rows per table;
for coordinators also uploads, restores, refresh and the change log."""

import streamlit as st

from dashboard.data_status import cache as status_cache
from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import layout
from dashboard.data_status import widgets as manage_widgets
from dashboard.data_status import view as status_tables
from dashboard.core import theme
from dashboard.core.formatting import fmt_datetime, plain
from dashboard.core.i18n import current_language, t


def data_status() -> None:
    lang = current_language()
    store = cache.open_store()
    layout.page_header(t("page.data_status"), store)
    visitor = access.current_visitor()

    if visitor.manages_data:
        upload_column, restore_column = st.columns(2, gap="large")
        with upload_column:
            manage_widgets.upload_form(store, visitor, lang)
        with restore_column:
            manage_widgets.restore_form(store, visitor, lang)
            manage_widgets.refresh_panel(store, visitor, lang)

    st.subheader(t("status.runs"), anchor=False)
    runs = status_cache.load_runs(store)
    if runs.height:
        downloads.table(status_tables.runs(runs, lang), "latausajot", t("status.runs"))
    else:
        st.info(t("status.no_runs"))

    st.subheader(t("status.rejected"), anchor=False)
    rejected_run = status_cache.latest_run(store, "rejected").to_dicts()
    if rejected_run:
        run = rejected_run[0]
        st.markdown(t("status.rejected_intro", when=fmt_datetime(run["started_at"], lang)))
        problems = status_cache.rejected_inputs(store, run["id"])
        downloads.table(status_tables.rejected(problems, lang), "hylatyt-rivit", t("status.rejected"))
    else:
        st.info(t("status.no_rejected"))

    freshness_column, counts_column = st.columns(2, gap="large")
    with freshness_column:
        st.subheader(t("status.freshness"), anchor=False)
        sources = status_tables.freshness(status_cache.source_freshness(store), lang)
        if not sources:
            st.info(t("status.no_sources"))
        for source in sources:
            with st.container(border=True, gap="small"):
                with st.container(horizontal=True, vertical_alignment="center"):
                    st.markdown(f"**{plain(source['source'])}**", width="content")
                    st.badge(source["status"], color=theme.BADGE_GOOD if source["fresh"] else theme.BADGE_BAD,
                             icon=":material/check_circle:" if source["fresh"] else ":material/warning:")
                notes = (source["last_success"], source["data_updated"], plain(source["message"]),
                         plain(source["attribution"]))
                st.caption(" · ".join(note for note in notes if note))
    with counts_column:
        st.subheader(t("status.counts"), anchor=False)
        downloads.table(status_tables.row_counts(status_cache.row_counts(store), lang), "rivimaarat", t("status.counts"))

    st.subheader(t("audit.title"), anchor=False)
    changes = status_cache.audit_log(store)
    if changes.height:
        downloads.table(status_tables.audit(changes, lang), "muutosloki", t("audit.title"))
    else:
        st.info(t("audit.none"))

    if visitor.is_admin:
        manage_widgets.public_link_panel(lang)


data_status()
