"""WCAG 2.1 AA in a real headless Chromium against the demo municipality (`streamlit run dashboard/app.py`).

axe-core (bundled by axe-playwright-python) scans every screen in fi/sv/en, in normal and in
presentation mode. What axe cannot judge is checked here too: the page language, the charts' and
the map's text alternatives, keyboard-only use, the visible focus, computed text contrast and font
sizes, and presentation mode's keys and rotation. Every page visited here also shows that no visitor's
browser is sent to a third party (each request of the tab stays on the app's origin). Screenshots go to HYTE_SCREENSHOT_DIR (default
/tmp/hyte-shots), never into the repository.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe
from support.served_app import PAGES, SHOTS, OneTab, Requests

from dashboard.outputs.slides import WITH_FIGURE
from dashboard.core.i18n import LANGUAGES, translate

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
PROJECTOR = (1280, 720)

# Every visible text node's colour against the background it is drawn on (opacity included), as
# the browser computed them: [text, contrast ratio, font size in px].
TEXT_CONTRAST_JS = """() => {
  const rgba = (s) => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
                                 if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
  const alpha = (el) => { let a = 1; for (let e = el; e; e = e.parentElement) a *= Number(getComputedStyle(e).opacity); return a; };
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('[data-testid="stMain"]'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement; const text = n.textContent.trim();
    if (!text || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('svg, canvas, [aria-hidden="true"]')) continue;
    const bg = background(el); const fg = rgba(getComputedStyle(el).color); const a = fg[3] * alpha(el);
    const mixed = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
    const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
    out.push([text.slice(0, 60), (hi + 0.05) / (lo + 0.05), parseFloat(getComputedStyle(el).fontSize)]);
  }
  return out;
}"""


# Every request of each test's tab (documents, scripts, images, fonts, websockets), by the tab.
REQUESTS: dict[int, Requests] = {}


@pytest.fixture(scope="module")
def visitor(browser):
    """One Finnish visitor's browser for the module (a link without lang opens in the browser's language,
    st.context.locale); its tabs share the HTTP cache, as a returning visitor's do, so the app's scripts are
    compiled once rather than for every page (about a fifth of a visit's CPU)."""
    context = browser.new_context(viewport={"width": PROJECTOR[0], "height": PROJECTOR[1]}, locale="fi-FI")
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="module")
def visitor_tab(visitor):
    """The visitor's one tab: every test's addresses open in it (support.served_app.OneTab)."""
    tab = OneTab(visitor)
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture
def tab(visitor_tab):
    """The tab for a test, at projector size, its requests recorded (those answered from the cache too)
    from the test's first address on."""
    page = visitor_tab()
    page.set_viewport_size({"width": PROJECTOR[0], "height": PROJECTOR[1]})
    REQUESTS[id(page)] = visitor_tab.requests
    return page


def settled(page) -> None:
    """Wait until the run is over and every lazily drawn element (charts, map) is in place."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"],'
                                         + '[data-testid="stAppSkeleton"]')
                 && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                      .filter((c) => c.getClientRects().length)  // a closed expander's chart draws when opened
                      .every((c) => c.querySelector('svg.marks, canvas'))""", timeout=60_000)


def visit(page, url: str, h1: str, size: tuple[int, int] = PROJECTOR):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url, wait_until="domcontentloaded")
    page.locator("h1", has_text=h1).first.wait_for(timeout=60_000)
    settled(page)
    # No visitor's browser calls a third party (many municipal networks block such hosts, and a laptop
    # offline at a meeting just fails): everything the page asked for so far came from the app's origin.
    page.wait_for_load_state("networkidle")
    requests = REQUESTS[id(page)]
    assert len(requests.urls) > 1  # the recorder saw the page's scripts too
    assert requests.elsewhere(url) == []
    return page


def axe_violations(page) -> list[str]:
    result = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_passes_axe_and_says_its_language(demo_app, tab, path, lang):
    page = visit(tab, f"{demo_app}/{path}?lang={lang}", translate(PAGES[path], lang))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate("document.documentElement.lang") == lang
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_presentation_mode_passes_axe_with_large_high_contrast_text(demo_app, tab, path, lang):
    page = visit(tab, f"{demo_app}/{path}?present=1&lang={lang}", translate(PAGES[path], lang))
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator('[data-testid="stSidebar"]:visible, [data-testid="stHeader"]:visible').count() == 0
    assert page.locator("input, select, [role=combobox], [role=radiogroup]").count() == 0  # no filter widgets
    assert axe_violations(page) == []
    texts = page.evaluate(TEXT_CONTRAST_JS)
    assert texts
    assert [t for t in texts if t[1] < 7] == []  # WCAG AAA contrast: a washed-out projector
    assert [t for t in texts if t[2] < 24] == []  # read from the back of the room at 1280×720
    if path in WITH_FIGURE:  # the statement and the editing screens (plan, registers) have no number
        body = page.evaluate("""() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"] p')]
            .filter(p => !p.closest('.st-key-present-figure, .st-key-present-label, .st-key-present-demo'))
            .map(p => parseFloat(getComputedStyle(p).fontSize)))""")
        key = page.locator(".st-key-present-figure p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert key >= 4 * body, f"key figure {key}px beside body text {body}px"


def test_charts_and_map_state_their_message(demo_app, tab):
    """Each chart and the map has an accessible name that says something with a number in it."""
    seen = 0
    for path in ("overview", "indicators?indicator=189", "participation?district=03", "working-groups",
                 "partnerships"):
        page = visit(tab, f"{demo_app}/{path}", translate(PAGES[path.split("?")[0]], "fi"))
        charts = page.locator('[data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"]')
        for i in range(charts.count()):
            name = charts.nth(i).get_attribute("aria-label") or ""
            assert len(name) >= 25 and re.search(r"\d", name), (path, i, name)
            seen += 1
    assert seen >= 15  # the demo's screens draw at least this many charts


def test_filters_and_navigation_work_with_the_keyboard_alone(demo_app, tab):
    page = visit(tab, f"{demo_app}/overview", "Yleiskuva")
    age = page.get_by_role("combobox", name="Ikäryhmä")
    for _ in range(40):  # Tab from the top of the page into the sidebar's age-group filter
        page.keyboard.press("Tab")
        if age.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the age-group filter")
    outline = age.evaluate("""e => { const box = e.closest('[data-baseweb="select"]') || e;
        const s = [e, box].map(x => getComputedStyle(x));
        return s.some(c => c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2)
               || s.some(c => c.boxShadow !== 'none'); }""")
    assert outline, "the focused filter shows no focus indicator"
    page.keyboard.press("ArrowDown")  # opens the list
    page.get_by_role("option", name="Ikääntyneet").wait_for()
    page.keyboard.type("Ikään")
    page.keyboard.press("Enter")
    page.get_by_text("Rajaukset: Ikääntyneet · Koko kunta").first.wait_for(timeout=30_000)
    assert "age=older" in page.url

    link = page.locator('[data-testid="stSidebarNav"] a', has_text="Osallisuus")
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        if link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Shift+Tab never reached the navigation")
    assert link.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.locator("h1", has_text="Osallisuus").wait_for(timeout=30_000)
    page.get_by_text("Rajaukset: Ikääntyneet").first.wait_for(timeout=30_000)  # the filter came along


def one_slide(page, h1: str) -> None:
    """Wait until the slide titled `h1` is the only one: while a run replaces a slide, Streamlit keeps
    the previous slide's elements on the page for a moment (two "Next" buttons, two filter lines)."""
    # A title may name more than the screen ("Overview: Merilahti"): it starts with the screen's name.
    page.wait_for_function(
        """(h1) => { const titles = [...document.querySelectorAll('h1')].map((e) => e.innerText.trim());
                     return document.querySelectorAll('.st-key-present-next button').length === 1
                            && titles.length === 1 && titles[0].startsWith(h1); }""",
        arg=h1, timeout=30_000)
    settled(page)


def press_until_shown(page, key: str, h1: str, tries: int = 3) -> None:
    """Press `key` until the screen titled `h1` is shown. Under a full suite's load a key pressed
    while the slide was being redrawn was seen to get lost (once in ~500 tests); a key is pressed
    again only while the previous screen is still the one shown, so a step is never taken twice."""
    before = page.locator("h1").first.inner_text().strip()
    one_slide(page, before)
    for _ in range(tries):
        page.keyboard.press(key)
        try:
            page.locator("h1", has_text=h1).wait_for(timeout=10_000)
            break
        except Exception:  # Playwright's TimeoutError: look again at what is shown
            if page.locator("h1").first.inner_text().strip() != before:
                raise
    one_slide(page, h1)


def test_presentation_steps_with_the_keys_and_keeps_the_filters(demo_app, tab):
    page = visit(tab, f"{demo_app}/overview?age=older&lang=en", "Overview")
    page.get_by_role("button", name="Present").click()
    page.locator(".st-key-present-figure").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('present=1')")
    settled(page)
    assert "age=older" in page.url
    steps = (("ArrowRight", "Indicators"), ("PageDown", "Participation"), ("PageUp", "Indicators"),
             ("ArrowLeft", "Overview"))
    for key, h1 in steps:
        press_until_shown(page, key, h1)
        assert "present=1" in page.url and "age=older" in page.url and "lang=en" in page.url, page.url
        # expect() waits: Streamlit draws a slide's parts one after another, the footer after the figure.
        expect(page.get_by_text("Filters: Older people")).to_have_count(1, timeout=30_000)
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').wait_for(timeout=30_000)
    assert "present" not in page.url and "age=older" in page.url


def test_presentation_rotates_by_itself(demo_app, tab):
    page = visit(tab, f"{demo_app}/working-groups?present=1&rotate=3&district=03", "Työryhmät")
    page.locator("h1", has_text="Järjestöyhteistyö").wait_for(timeout=30_000)
    page.locator("h1", has_text="Yleiskuva").wait_for(timeout=30_000)  # and on, round to the start
    assert "rotate=3" in page.url and "district=03" in page.url and "present=1" in page.url


@pytest.mark.parametrize("size", ((1920, 1080), (1280, 720)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_presentation_fits_the_projector(demo_app, tab, size):
    for path in ("overview", "participation", "working-groups"):
        page = visit(tab, f"{demo_app}/{path}?present=1", translate(PAGES[path], "fi"), size)
        # One screen: nothing to scroll to, nothing cut at the side.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= size[0]
        bottom = page.evaluate("""() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"] *')]
                                   .map(e => e.getBoundingClientRect().bottom))""")
        assert bottom <= size[1], f"{path} runs {bottom - size[1]:.0f}px below a {size[0]}×{size[1]} screen"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"present-{path}-{size[0]}x{size[1]}.png"))
