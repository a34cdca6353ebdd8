"""Entry point and router: `streamlit run dashboard/app.py` (store named by HYTE_DATABASE_URL)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.access import session as access
from dashboard.accessibility import widgets as accessibility
from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core import process
from dashboard.outputs import presenting as presentation
from dashboard.core import theme
from dashboard.core.i18n import t
from dashboard.core.url_state import language_selector

# Beside the repository root, not beside this file: a pages/ folder next to the entry point
# would switch Streamlit into its legacy auto-discovery mode.
PAGES_DIR = Path(__file__).parent.parent / "pages"

# (file, url_path, i18n key of the title, icon); the first one is where "/" leads.
PAGES = (
    ("overview.py", "overview", "page.overview", ":material/dashboard:"),
    ("indicators.py", "indicators", "page.indicators", ":material/monitoring:"),
    ("participation.py", "participation", "page.participation", ":material/groups:"),
    ("working_groups.py", "working-groups", "page.working_groups", ":material/event:"),
    ("partnerships.py", "partnerships", "page.partnerships", ":material/handshake:"),
    ("data_status.py", "data-status", "page.data_status", ":material/fact_check:"),
    ("plan.py", "plan", "page.plan", ":material/flag:"),
    ("accessibility.py", "accessibility", "page.accessibility", ":material/accessibility_new:"),
    ("setup.py", "setup", "page.setup", ":material/add_location_alt:"),
)
# Screens that need no store: the setup page writes a new municipality's package before one exists.
STORELESS = frozenset({"setup"})


def run() -> None:
    st.set_page_config(page_title=t("app.title"), page_icon=":material/diversity_3:", layout="wide")
    theme.apply()
    visitor = access.current_visitor()
    presenting = presentation.requested()
    pages = [access.page_for(visitor, PAGES_DIR / file, title=t(key), url_path=url_path, icon=icon)
             for file, url_path, key, icon in PAGES]
    # Streamlit serves its default page at "/" whatever its url_path, so "/" is a hidden page
    # that forwards to /overview: every screen keeps one address, with the link's parameters.
    home = st.Page(lambda: None, title=t("page.overview"), url_path="home", default=True,
                   visibility="hidden")
    page = st.navigation([home, *pages], position="hidden" if presenting else "sidebar")
    if page is home:
        st.switch_page(pages[0], query_params=st.query_params.to_dict())

    if not presenting:
        presentation.start_button(page)  # first in the sidebar: a presenter looks for it
    accessibility.apply(language_selector(widget=not presenting))
    if not access.show(visitor, banner=not presenting) or not visitor.may_open(page.url_path):
        page.run()  # the sign-in or "no access" page standing in for the screen: no store, no filters
        return
    if page.url_path in STORELESS:
        page.run()
        return
    try:
        store = cache.open_store()
    except cache.StoreUnavailable as problem:
        layout.store_error(problem)
        return
    try:
        if presenting:
            filters.render_sidebar(store, widgets=False)
            presentation.run(page, pages, store)
            return
        layout.demo_label(store)
        filters.render_sidebar(store)
        page.run()
        presentation.deck_builder(pages, store)  # last in the sidebar: used before a meeting, not during it
        process.freeze_after_first_run(page.url_path)  # the screen's modules are in: see dashboard.core.process
    except cache.StoreChanged:
        st.rerun()  # a refresh committed mid-run: start over on the new data rather than show a mix


run()
