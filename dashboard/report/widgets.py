"""The report screen's Streamlit pieces: which report, each section's text editor (saved by a process of
its own: `hyte report-text`, as every write from the app), and the documents to download."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core.formatting import plain
from dashboard.core.i18n import t
from dashboard.report import model
from dashboard.report.model import ReportScreen, SectionText

RESULT_KEY = "report.result"
DOCUMENTS_KEY = "report.documents"
MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
        "html": "text/html"}


def choices(years: tuple[int, ...], default_year: int) -> tuple[str, int]:
    """The report's kind and year (the year of a broad report is the council term's last)."""
    left, right = st.columns(2)
    # The labels as options (not a format_func): a test's widget tree reads them back as they were drawn.
    labels = {t(f"report.screen.kind.{k}"): k for k in model.KINDS}
    kind = labels[left.radio(t("report.screen.kind"), list(labels), horizontal=True, key="report.kind")]
    year = right.selectbox(t("report.screen.year"), years or (default_year,),
                           index=(years.index(default_year) if default_year in years else 0), key="report.year")
    return kind, int(year)


def save_text(store: cache.Store, shown: ReportScreen, section: str, text: str, lang: str) -> None:
    """`hyte report-text` in a process of its own (the app never writes the store itself); then rerun.

    `--section=plan` as one word: the command line loads the app's commands only when no word of it is a
    built-in command's name, and "plan" is one."""
    visitor = access.current_visitor()
    fd, path = tempfile.mkstemp(prefix="hyte-report-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        done = subprocess.run([sys.executable, "-m", "data_pipeline.cli", "--lang", lang, "report-text", "--kind",
                               shown.kind, "--year", str(shown.year), f"--section={section}", "--file", path,
                               "--actor", visitor.who or "?"],
                              env={**os.environ, "HYTE_DATABASE_URL": store.url}, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
    finally:
        os.unlink(path)
    st.session_state[RESULT_KEY] = (section, done.returncode == 0, done.stderr.strip()[-2000:])
    st.session_state.pop(DOCUMENTS_KEY, None)
    if done.returncode == 0:  # the editor shows the saved text (an accepted draft, a restored version) next
        st.session_state.pop(f"report.text.{shown.kind}.{shown.year}.{section}", None)
    st.rerun()


def result() -> None:
    outcome = st.session_state.pop(RESULT_KEY, None)
    if outcome is None:
        return
    section, ok, said = outcome
    if ok:
        st.success(t("report.screen.saved_now", section=t(f"report.section.{section}")), icon=":material/check_circle:")
    else:
        st.error(t("report.screen.not_saved", error=plain(said)), icon=":material/error:")


def section_editor(store: cache.Store, shown: ReportScreen, s: SectionText, lang: str) -> None:
    """The section's proposed draft, the coordinator's text (editable), and its save buttons."""
    with st.container(border=True):
        st.subheader(s.title, anchor=False)
        st.markdown(f"**{t('report.screen.proposed')}**")
        st.markdown(plain(s.proposed) if s.proposed else t("report.screen.no_proposal"))
        key = f"report.text.{shown.kind}.{shown.year}.{s.key}"
        text = st.text_area(t("report.screen.text"), value=s.text or "", key=key, height=160,
                            help=t("report.screen.text_help"))
        st.caption(s.saved or t("report.screen.draft_stands"))
        save, accept, reset = st.columns(3)
        if save.button(t("report.screen.save"), key=f"{key}.save", type="primary", icon=":material/save:"):
            save_text(store, shown, s.key, text, lang)
        if s.proposed and accept.button(t("report.screen.accept"), key=f"{key}.accept", icon=":material/done:"):
            save_text(store, shown, s.key, s.proposed, lang)
        if s.text and reset.button(t("report.screen.reset"), key=f"{key}.reset", icon=":material/undo:"):
            save_text(store, shown, s.key, "", lang)
        if s.versions:
            with st.expander(t("report.screen.versions")):
                for i, (who_when, text) in enumerate(s.versions):
                    st.caption(who_when)
                    st.text(text or t("report.screen.version_draft"))
                    if st.button(t("report.screen.restore"), key=f"{key}.restore.{i}", icon=":material/history:"):
                        save_text(store, shown, s.key, text, lang)


def downloads(store: cache.Store, shown: ReportScreen, lang: str) -> None:
    """Make the documents on request (they take a while), then offer the three files."""
    st.subheader(t("report.screen.documents"), anchor=False)
    st.caption(t("report.screen.documents_help"))
    wanted = (shown.kind, shown.year, lang, shown.version, store.version)
    made = st.session_state.get(DOCUMENTS_KEY)
    if made is None or made[0] != wanted:
        if st.button(t("report.screen.make"), key="report.make", icon=":material/description:"):
            with st.spinner(t("report.screen.making")):
                st.session_state[DOCUMENTS_KEY] = (wanted, model.documents(store, shown, lang))
            st.rerun()
        return
    for column, (fmt, (name, data)) in zip(st.columns(len(made[1])), made[1].items()):
        column.download_button(t(f"report.screen.download.{fmt}"), data, file_name=name, mime=MIME[fmt],
                               key=f"report.download.{fmt}", icon=":material/download:")
