"""Accessibility statement (saavutettavuusseloste): the structure Finland's supervisory authority asks for."""

import streamlit as st

from dashboard.accessibility import model
from dashboard.core.i18n import current_language


def accessibility_statement() -> None:
    statement = model.build(current_language())
    st.title(statement.title, anchor=False)
    st.markdown(statement.intro)
    for heading, text in statement.sections:
        st.header(heading, anchor=False)
        st.markdown(text)
    st.caption(statement.updated)


accessibility_statement()
