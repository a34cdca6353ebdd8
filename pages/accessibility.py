"""Accessibility statement (saavutettavuusseloste): the structure Finland's supervisory authority asks for."""

import streamlit as st

from dashboard.accessibility import widgets as accessibility
from dashboard.core.i18n import t

ISSUES = ("map", "charts", "tables", "rotation")


def accessibility_statement() -> None:
    st.title(t("page.accessibility"), anchor=False)
    st.markdown(t("a11y.intro"))
    st.header(t("a11y.status.title"), anchor=False)
    st.markdown(t("a11y.status"))
    st.header(t("a11y.issues.title"), anchor=False)
    st.markdown("\n".join(f"- {t(f'a11y.issue.{issue}')}" for issue in ISSUES))
    st.header(t("a11y.feedback.title"), anchor=False)
    st.markdown(t("a11y.feedback", contact=accessibility.feedback_contact()))
    st.header(t("a11y.enforcement.title"), anchor=False)
    st.markdown(t("a11y.enforcement"))
    st.caption(t("a11y.updated", date=accessibility.STATEMENT_DATE))


accessibility_statement()
