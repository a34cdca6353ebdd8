"""The plan: its name and years, priority areas, indicators and targets, goals and measures with how
current each is (coordinators and administrators); every save is checked as `hyte check` would and versioned."""

import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.plan import model
from dashboard.plan import widgets as forms


def plan() -> None:
    lang = current_language()
    store = cache.open_store()
    visitor = access.current_visitor()
    screen = model.build(store, lang)
    layout.heading(screen.heading)
    forms.result()

    forms.plan_form(store, visitor, screen, lang)
    forms.areas_form(store, visitor, screen, lang)

    forms.indicator_form(store, visitor, screen, lang)
    if screen.indicators_table is not None:
        layout.table(screen.indicators_table)

    goals_column, measures_column = st.columns(2, gap="large")
    with goals_column:
        forms.goal_form(store, visitor, screen, lang)
        if screen.goals is not None:
            layout.table(screen.goals)
    with measures_column:
        forms.measure_form(store, visitor, screen, lang)
    layout.message(screen.staleness)
    if screen.measures_table is not None:
        layout.table(screen.measures_table)

    forms.versions_panel(store, visitor, screen, lang)


plan()
