"""No visitor's browser calls a third party (a municipality's dashboard must not tell anyone else who looks
at it, many municipal networks block such hosts, and on a laptop offline at a meeting the request just fails).

Every page in every language, and presented, is checked where it is already opened: the accessibility tests
record each request of their tabs (tests/browser/test_accessibility.py, `visit`). Signed in, through the
deploy's nginx and its Content-Security-Policy: tests/browser/test_oidc.py. Here: the tab's icon.
"""

from __future__ import annotations

import pytest
from support.served_app import PAGES, Requests

from dashboard.core.i18n import translate
from support.served_app import chromium

pytestmark = pytest.mark.browser

RENDERED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                              + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""


def test_the_tabs_icon_is_the_products_own_from_the_apps_origin(demo_app):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        requests = Requests(context)
        page = context.new_page()
        path, key = next(iter(PAGES.items()))
        page.goto(f"{demo_app}/{path}?lang=sv")
        page.locator("h1", has_text=translate(key, "sv")).first.wait_for(timeout=60_000)
        page.wait_for_function(RENDERED_JS, timeout=60_000)
        page.wait_for_load_state("networkidle")
        # The favicon is the product's own icon, served by the app: the tab shows it, not Streamlit's logo.
        icon = page.evaluate("() => document.querySelector('link[rel~=\"icon\"]').href")
        if icon.startswith("data:"):  # Streamlit inlines an SVG icon: the image travels with the page
            icon_type, icon_size = icon[5:].split(";")[0].split(",")[0], len(icon)
        else:  # the file itself, not only an address on the right host
            served = page.request.get(icon)
            icon_type, icon_size = served.headers.get("content-type", ""), len(served.body())
        context.close()
    assert requests.elsewhere(demo_app) == []
    assert icon.startswith((demo_app, "data:image/")), icon[:80]
    assert icon_type.startswith("image/") and icon_size > 100, (icon, icon_type, icon_size)
