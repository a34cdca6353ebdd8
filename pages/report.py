"""The council's wellbeing report (annual, or broad for the council term): each of THL's sections with the
draft the data proposes and the coordinator's own text, and the report as DOCX, PDF and HTML
(coordinators and administrators)."""

from dashboard.core import cache
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.report import model
from dashboard.report import widgets


def report() -> None:
    lang = current_language()
    store = cache.open_store()
    layout.heading(model.heading(store, lang))
    years, default_year = model.years(store)
    kind, year = widgets.choices(years, default_year)
    screen = model.build(store, lang, kind, year, years)
    widgets.result()
    widgets.downloads(store, screen, lang)
    for section in screen.sections:
        widgets.section_editor(store, screen, section, lang)


report()
