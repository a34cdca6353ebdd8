"""Register editors: every register of the package as a table to edit, and quick forms for logging a
meeting and an event (coordinators and administrators). Each save is a new register version, written
by the upload's own process."""

import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.registers import model
from dashboard.registers import widgets


def registers() -> None:
    lang = current_language()
    store = cache.open_store()
    visitor = access.current_visitor()
    screen = model.build(store, lang)
    layout.heading(screen.heading)
    st.markdown(screen.lead)
    if screen.config is None:
        layout.message(screen.no_package)
        return
    meeting_column, event_column = st.columns(2, gap="large")
    with meeting_column, st.container(border=True):
        widgets.meeting_form(store, screen.config, visitor, lang)
    with event_column, st.container(border=True):
        widgets.event_form(store, screen.config, visitor, lang)
    register = widgets.register_picker(screen)
    widgets.register_editor(store, screen.config, register, visitor, lang)


registers()
