"""Every screen in Chromium over a store whose names are hostile: each shown inert and literal.

The names (municipality, plan, priority areas, age groups, districts, indicator titles and unit,
departments, events, working groups, organisations, forums) hold Markdown, HTML, an image, links
and a right-to-left override (tests/hostile_fixtures.py). On every screen: no heading, bold, image or
link made from them, no request to the image's or the links' hosts, no script dialog, the text as
typed on the page, and no bidi control in it.
"""

from __future__ import annotations

import pytest
from support.hostile_fixtures import BIDI, LITERAL, PIXEL_HOST, build_hostile_store
from support.served_app import PAGES, OneTab, chromium, serve

from dashboard.core.formatting import WORD_JOINER
from dashboard.core.i18n import translate

pytestmark = pytest.mark.browser

# Elements made from the payload, were it read as Markdown or HTML.
MADE_FROM_PAYLOAD_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const found = [];
  const note = e => found.push(e.outerHTML.slice(0, 160));
  for (const e of app.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const text = e.textContent.trim();
    if (text.startsWith('HEAD') || text === 'HTMLH') note(e);
  }
  for (const e of app.querySelectorAll('strong, b, em, i')) {
    if (e.textContent.trim() === 'BOLD') note(e);
  }
  for (const e of app.querySelectorAll('img, image, source')) {
    const src = e.getAttribute('src') || e.getAttribute('href') || '';
    if (src === 'x' || src.includes('127.0.0.1:9/')) note(e);
  }
  for (const e of app.querySelectorAll('a')) {
    if ((e.getAttribute('href') || '').includes('evil.example')) note(e);
  }
  return found;
}"""

# (address, page): each screen with the filters that put the most names on it.
SCREENS = (
    ("overview?district=01&from=2024&to=2026", "overview"),
    ("indicators?indicator=900001&district=01", "indicators"),
    ("participation?district=01&from=2025&to=2025", "participation"),
    ("working-groups?from=2025&to=2026", "working-groups"),
    ("partnerships?from=2024&to=2026&district=01", "partnerships"),
    ("data-status", "data-status"),
    ("indicators?present=1&indicator=900001&district=01", "indicators"),
)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    with serve(build_hostile_store(folder), folder, name="hostile") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """One Finnish visitor's tab for the module: every screen's address opens in it, a new Streamlit session
    each (support.served_app.OneTab)."""
    with chromium() as launched:
        tab = OneTab(launched, viewport={"width": 1280, "height": 900}, locale="fi-FI")
        try:
            yield tab
        finally:
            tab.close()


@pytest.mark.parametrize(("address", "path"), SCREENS, ids=[a.split("?")[0] + ("-present" if "present" in a else "")
                                                           for a, _ in SCREENS])
def test_stored_text_is_inert_and_literal(app_url, browser, address, path):
    page = browser()
    fetched, dialogs = [], []

    def on_request(request):
        if f"{PIXEL_HOST}/" in request.url or "evil.example" in request.url:
            fetched.append(request.url)

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    try:
        page.goto(f"{app_url}/{address}")
        page.locator("h1", has_text=translate(PAGES[path], "fi")).first.wait_for(timeout=30_000)
        page.wait_for_function(
            """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                            + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')""",
            timeout=30_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate(MADE_FROM_PAYLOAD_JS) == []
        assert fetched == [] and dialogs == []
        # The invisible word joiners that keep "https://" and "www." from becoming links are no change.
        text = page.locator('[data-testid="stApp"]').inner_text().replace(WORD_JOINER, "")
        for literal in LITERAL:
            assert literal in text, f"{literal!r} not shown as typed on {address}"
        assert not set(text) & set(BIDI)
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("dialog", on_dialog)
