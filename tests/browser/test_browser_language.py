"""A browser set to Swedish (sv-FI) opening the app with no `lang` in the address sees every screen in
Swedish, moving between them by the sidebar as a visitor does; no Finnish text of the catalogues shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from support.served_app import PAGES, browser, demo_app  # noqa: F401 - fixtures

from dashboard.core.i18n import CATALOG, translate

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("HYTE_SCREENSHOT_DIR", "/tmp/hyte-shots"))
SETTLED = """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                        + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""


def finnish_only_texts() -> set[str]:
    """Catalogue texts a Finnish screen shows and a Swedish one must not: whole sentences or labels of a few
    words, without fields, that Swedish says differently."""
    out = set()
    for key, fi in CATALOG["fi"].items():
        if "{" in fi or fi == CATALOG["sv"].get(key) or len(fi) < 12 or " " not in fi:
            continue
        out.add(fi.strip().rstrip(".:"))
    return out


def settle(page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)
    page.wait_for_load_state("networkidle")


def test_a_swedish_browser_sees_every_screen_in_swedish(demo_app, browser):  # noqa: F811
    context = browser.new_context(locale="sv-FI", viewport={"width": 1280, "height": 720})
    page = context.new_page()
    finnish = finnish_only_texts()
    try:
        page.goto(f"{demo_app}/")
        page.locator("h1", has_text=translate("page.overview", "sv")).first.wait_for(timeout=30_000)
        settle(page)
        assert "lang=" not in page.url  # the browser's own language: the address needs none
        assert page.evaluate("() => document.documentElement.lang") == "sv"
        for path, key in PAGES.items():
            title = translate(key, "sv")
            if path != "overview":  # as a visitor moves: by the sidebar, not by a typed address
                page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first.click()
            page.locator("h1", has_text=title).first.wait_for(timeout=30_000)
            settle(page)
            assert page.locator("h1").first.inner_text().strip() == title, path
            assert page.locator('[data-testid="stException"]').count() == 0, path
            shown = page.locator('[data-testid="stMain"]').inner_text()
            leaked = sorted(text for text in finnish if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", shown))
            assert leaked == [], f"{path}: Finnish on a Swedish screen: {leaked[:5]}"
            if path == "data-status":  # Streamlit's own English, put in the screen's language
                zone = page.locator('[data-testid="stFileUploaderDropzone"]').first
                zone.get_by_text("Välj fil").wait_for(timeout=10_000)
                assert "per fil" in zone.inner_text() and "Upload" not in zone.inner_text()
                skip = page.locator('[data-testid="stSkipToContent"]')
                assert skip.count() == 0 or skip.first.text_content() == "Hoppa till huvudinnehållet"
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"{path}-sv-browser-1280x720.png"), full_page=True)
    finally:
        context.close()
