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
from dashboard.core.pages import SCREENS, STORELESS
from dashboard.core.url_state import language_selector, seed_language

# Beside the repository root, not beside this file: a pages/ folder next to the entry point
# would switch Streamlit into its legacy auto-discovery mode.
PAGES_DIR = Path(__file__).parent.parent / "pages"
# The product's own icon, served by the app itself: a Material Symbols icon here would make every
# visitor's browser fetch it from Google's font host (deploy/nginx-hyte.conf serves this file too).
FAVICON = Path(__file__).parent / "static" / "favicon.svg"



def run() -> None:
    seed_language(cache.package_languages)  # before the first text: the browser's or the package's language
    st.set_page_config(page_title=t("app.title"), page_icon=str(FAVICON), layout="wide")
    theme.apply()
    visitor = access.current_visitor()
    presenting = presentation.requested()
    pages = [access.page_for(visitor, PAGES_DIR / s.file, title=t(s.title_key), url_path=s.url_path, icon=s.icon)
             for s in SCREENS]
    # Streamlit serves its default page at "/" whatever its url_path, so "/" is a hidden page
    # that forwards to /overview: every screen keeps one address, with the link's parameters.
    home = st.Page(lambda: None, title=t("page.overview"), url_path="home", default=True,
                   visibility="hidden")
    page = st.navigation([home, *pages], position="hidden" if presenting else "sidebar")
    if page is home:
        st.switch_page(pages[0], query_params=st.query_params.to_dict())

    if not presenting:
        presentation.start_button(page)  # first in the sidebar: a presenter looks for it
    accessibility.apply(language_selector(widget=not presenting, package=cache.package_languages))
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
