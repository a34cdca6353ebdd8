"""Every screen in a real headless Chromium against `streamlit run dashboard/app.py`.

Screenshots at projector (1920×1080) and laptop (1280×720) sizes go to HYTE_SCREENSHOT_DIR
(default /tmp/hyte-shots), never into the repository.
"""

from __future__ import annotations


import pytest
from support.dashboard_fixtures import build_fixture_store
from support.served_app import PAGES, SHOTS, OneTab, chromium, serve

from dashboard.core.i18n import translate

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1280, 720))


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> str:
    """A served app on a free port, reading a fixture store; stopped after the module."""
    folder = tmp_path_factory.mktemp("browser-store")
    build_fixture_store(f"sqlite:///{folder / 'store.db'}")
    with serve(f"sqlite:///{folder / 'store.db'}", folder) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """One Finnish visitor's browser for the module, and its one tab: every test's address opens in it, a new
    Streamlit session each (support.served_app.OneTab)."""
    with chromium() as launched:
        context = launched.new_context(locale="fi-FI")
        try:
            yield OneTab(context)
        finally:
            context.close()


def _open(browser, url: str, size: tuple[int, int], h1: str):
    page = browser()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.locator("h1", has_text=h1).first.wait_for(timeout=30_000)
    # Wait until the run is over and every lazily loaded element has replaced its placeholder.
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                        + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')""",
        timeout=30_000)
    page.wait_for_load_state("networkidle")
    return page


# Text the browser cuts short with "…" (a one-line label too long for its box).
TRUNCATED_TEXT_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.innerText.trim()).filter(Boolean)"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_the_browser(app_url, browser, path, size):
    h1 = translate(PAGES[path], "fi")
    page = _open(browser, f"{app_url}/{path}", size, h1)
    assert page.locator("h1").first.inner_text().strip() == h1
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0  # e.g. Streamlit's "Page not found"
    assert page.get_by_text("DEMO DATA", exact=False).count() >= 1
    # Nothing may run off the right edge of the screen at either size.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the {size[0]}px window"
    assert page.evaluate(TRUNCATED_TEXT_JS) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path}-{size[0]}x{size[1]}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_longer_languages_fit_the_small_screen(app_url, browser, path, lang):
    page = _open(browser, f"{app_url}/{path}?lang={lang}", (1280, 720), translate(PAGES[path], lang))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate(TRUNCATED_TEXT_JS) == []


def test_root_leads_to_the_overview_keeping_the_link_filters(app_url, browser):
    page = _open(browser, f"{app_url}/?lang=sv&age=older", (1280, 720), "Översikt")
    page.get_by_text("Avgränsningar: Äldre").first.wait_for(timeout=30_000)
    page.wait_for_url("**/overview?*", timeout=30_000)
    assert "age=older" in page.url and "lang=sv" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0
    page.screenshot(path=str(SHOTS / "overview-sv-filtered-1280x720.png"), full_page=True)
