"""No visitor's browser calls a third party: every request of every page, in every language and presented,
goes to the app's own origin (a municipality's dashboard must not tell anyone else who looks at it, and
many municipal networks block such hosts; on a laptop offline at a meeting the request just fails).

Signed in (the deploy's nginx and a local OpenID Connect provider): tests/browser/test_oidc.py.
"""

from __future__ import annotations

import pytest
from support.served_app import PAGES, Requests

from dashboard.core.i18n import LANGUAGES, translate
from support.served_app import chromium

pytestmark = pytest.mark.browser

RENDERED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                              + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""


def _visit(page, url: str, h1: str) -> None:
    page.goto(url)
    page.locator("h1", has_text=h1).first.wait_for(timeout=60_000)
    page.wait_for_function(RENDERED_JS, timeout=60_000)
    page.wait_for_load_state("networkidle")


def test_every_page_in_every_language_and_presented_stays_on_the_apps_origin(demo_app):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        requests = Requests(context)
        page = context.new_page()
        visited = 0
        for path, key in PAGES.items():
            for lang in LANGUAGES:
                _visit(page, f"{demo_app}/{path}?lang={lang}", translate(key, lang))
                visited += 1
            _visit(page, f"{demo_app}/{path}?present=1", "")  # a slide's own title differs from the page's
            visited += 1
        # The favicon is the product's own icon, served by the app: the tab shows it, not Streamlit's logo.
        icon = page.evaluate("() => document.querySelector('link[rel~=\"icon\"]').href")
        if icon.startswith("data:"):  # Streamlit inlines an SVG icon: the image travels with the page
            icon_type, icon_size = icon[5:].split(";")[0].split(",")[0], len(icon)
        else:  # the file itself, not only an address on the right host
            served = page.request.get(icon)
            icon_type, icon_size = served.headers.get("content-type", ""), len(served.body())
        context.close()
    assert visited == len(PAGES) * (len(LANGUAGES) + 1)
    assert len(requests.urls) > visited  # the recorder saw the pages' scripts and images too
    assert requests.elsewhere(demo_app) == []
    assert icon.startswith((demo_app, "data:image/")), icon[:80]
    assert icon_type.startswith("image/") and icon_size > 100, (icon, icon_type, icon_size)
