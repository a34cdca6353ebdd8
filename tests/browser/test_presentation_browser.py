"""Presentation mode in a real headless Chromium against the demo municipality: each slide draws its
picture and fits the projector, chart text is large enough, a deck URL steps in order, and a click
on the map focuses a district. One served app for the module; screenshots go to HYTE_SCREENSHOT_DIR
(default /tmp/hyte-shots), never into the repository."""

from __future__ import annotations

import pytest
from support.served_app import SHOTS, OneTab


pytestmark = pytest.mark.browser

DECK = ("Yleiskuva", "Indikaattorit", "Osallisuus", "Työryhmät", "Järjestöyhteistyö")
SIZES = ((1280, 720), (1920, 1080))

# The slide once drawn: one set of controls (a replaced slide lingers for a moment) and its picture.
DRAWN_JS = """(h1) => document.querySelectorAll('.st-key-present-next button').length === 1
  && [...document.querySelectorAll('h1')].length === 1
  && document.querySelector('h1').innerText.trim().startsWith(h1)  // "Overview: Merilahti" names the town too
  && !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]')
  && document.querySelector('.st-key-present-picture svg.marks, .st-key-present-picture [data-testid="stDeckGlJsonChart"] canvas')
  && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].every((c) => c.querySelector('svg.marks'))
  && [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')].every((c) => c.querySelector('canvas'))"""

# What is drawn: the charts' smallest text (px, as the browser computed it), the map, and how far
# anything visible reaches below and beside the screen.
MEASURE_JS = """() => {
  const visible = (e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden';
  const sizes = [...document.querySelectorAll('.st-key-present-picture svg.marks text')].filter(visible)
    .filter((t) => t.textContent.trim()).map((t) => t.getBoundingClientRect().height > 0
      ? parseFloat(getComputedStyle(t).fontSize) * (parseFloat(getComputedStyle(t.closest('.st-key-present-picture > div, .st-key-present-picture')).zoom) || 1) : 99);
  return {smallest: Math.min(...sizes), texts: sizes.length,
          charts: document.querySelectorAll('.st-key-present-picture svg.marks').length,
          map: document.querySelectorAll('.st-key-present-picture [data-testid="stDeckGlJsonChart"] canvas').length,
          scrollHeight: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth,
          bottom: Math.max(...[...document.querySelectorAll('[data-testid="stMain"] *')].filter(visible)
                  .map((e) => e.getBoundingClientRect().bottom)),
          position: document.querySelector('.st-key-present-position p')?.innerText};
}"""


@pytest.fixture(scope="module")
def visitor(browser):
    """A Finnish visitor (a link without lang opens in the browser's language, st.context.locale) and their one
    tab, in which every test's address opens, a new Streamlit session each (support.served_app.OneTab)."""
    tab = OneTab(browser, viewport={"width": 1280, "height": 720}, locale="fi-FI")
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture
def tab(visitor):
    page = visitor(timeout_ms=60_000)  # a shared machine under load
    page.set_viewport_size({"width": 1280, "height": 720})
    return page


def drawn(page, h1: str) -> dict:
    page.wait_for_function(DRAWN_JS, arg=h1, timeout=60_000)
    page.wait_for_timeout(300)  # web fonts and the map's first frame
    return page.evaluate(MEASURE_JS)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_draws_its_picture_and_fits_the_screen(demo_app, tab, size):
    tab.set_viewport_size({"width": size[0], "height": size[1]})
    tab.goto(f"{demo_app}/overview?present=1", wait_until="domcontentloaded")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for n, h1 in enumerate(DECK, start=1):
        if n > 1:
            tab.keyboard.press("ArrowRight")
        seen = drawn(tab, h1)
        tab.screenshot(path=str(SHOTS / f"slide-{n}-{size[0]}x{size[1]}.png"))
        print(h1, size, seen)  # the measured sizes, for the record (pytest -s)
        assert seen["position"] == f"{n} / {len(DECK)}"
        if h1 == "Osallisuus":
            assert seen["map"] == 1, "the participation slide has no map"
        assert seen["charts"] >= 1, f"{h1}: no chart drawn"
        assert seen["smallest"] >= 18, f"{h1}: chart text {seen['smallest']} px"
        assert seen["scrollHeight"] <= size[1] and seen["scrollWidth"] <= size[0]
        assert seen["bottom"] <= size[1], f"{h1} runs {seen['bottom'] - size[1]:.0f}px below the screen"


def test_a_deck_url_steps_through_its_slides_in_order(demo_app, tab):
    tab.goto(f"{demo_app}/overview?present=1&deck=participation,indicators:288,working-groups&lang=en",
             wait_until="domcontentloaded")
    assert drawn(tab, "Participation")["position"] == "1 / 3"  # the deck starts at its first slide
    tab.keyboard.press("ArrowRight")
    seen = drawn(tab, "Indicators")
    assert seen["position"] == "2 / 3"
    # Indicator 288 in focus: its trend against the county and the country.
    assert tab.locator(".st-key-present-label").inner_text().startswith("Daily smokers")
    tab.keyboard.press("PageDown")
    assert drawn(tab, "Working groups")["position"] == "3 / 3"
    tab.keyboard.press("PageUp")
    assert drawn(tab, "Indicators")["position"] == "2 / 3"
    assert "slide=2" in tab.url and "lang=en" in tab.url


def test_a_click_on_a_district_focuses_it_and_esc_returns(demo_app, tab):
    tab.goto(f"{demo_app}/participation?present=1", wait_until="domcontentloaded")
    drawn(tab, "Osallisuus")
    before = tab.locator(".st-key-present-figure").inner_text()
    box = tab.locator('.st-key-present-map [data-testid="stDeckGlJsonChart"]').bounding_box()
    tab.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    tab.wait_for_function("() => location.search.includes('drill=')", timeout=60_000)
    tab.locator(".st-key-present-back").wait_for()
    drawn(tab, "Osallisuus")
    assert tab.locator(".st-key-present-figure").inner_text() != before
    assert "sija" in tab.locator('[data-testid="stMain"]').inner_text()
    tab.keyboard.press("Escape")
    tab.locator(".st-key-present-exit").wait_for()
    assert "drill=" not in tab.url and tab.locator(".st-key-present-figure").inner_text() == before


def test_a_click_on_an_indicator_shows_its_trend_and_esc_returns(demo_app, tab):
    tab.goto(f"{demo_app}/indicators?present=1&lang=en", wait_until="domcontentloaded")
    drawn(tab, "Indicators")
    before = tab.locator(".st-key-present-figure").inner_text()
    box = tab.locator('.st-key-present-picture [data-testid="stVegaLiteChart"]').bounding_box()
    tab.mouse.click(box["x"] + box["width"] * 0.62, box["y"] + 60)  # a cell of the first area's row
    tab.wait_for_function("() => location.search.includes('drill=')", timeout=60_000)
    tab.locator(".st-key-present-back").wait_for()
    drawn(tab, "Indicators")
    # The indicator's trend against the county and the country, with its target.
    name = tab.locator('.st-key-present-picture [data-testid="stVegaLiteChart"]').get_attribute("aria-label")
    assert "Whole country" in name and "Target" in name, name
    tab.keyboard.press("Escape")
    tab.locator(".st-key-present-exit").wait_for()
    assert "drill=" not in tab.url and tab.locator(".st-key-present-figure").inner_text() == before


def test_the_deck_builder_draws_when_opened_and_opens_its_deck(demo_app, tab):
    """Closed, the sidebar's deck builder is not drawn at all (every page is lighter for it); opened, it
    offers the meeting's slides, the deck's link, and opens the deck."""
    tab.goto(f"{demo_app}/working-groups", wait_until="domcontentloaded")
    tab.locator("h1", has_text="Työryhmät").wait_for()
    builder = tab.locator('[data-testid="stSidebar"] [data-testid="stExpander"]', has_text="Kokouksen diat")
    builder.wait_for()
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")  # the run is over
    tab.wait_for_timeout(500)
    assert builder.locator("input, button, [data-testid='stCode']").count() == 0
    builder.locator("summary").click()
    link = tab.locator('[data-testid="stSidebar"] [data-testid="stCode"]')
    link.wait_for()
    assert "present=1" in link.inner_text() and "deck=overview,indicators,participation" in link.inner_text()
    tab.get_by_role("button", name="Avaa esitys").click()
    assert drawn(tab, "Yleiskuva")["position"] == "1 / 5"
