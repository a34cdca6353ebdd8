"""A new municipality made the coordinator's own in the browser alone (issue 23): /setup with three own
priority areas, the package loaded from the same screen, then /plan: targets for three indicators typed
as a Finn types them, a goal and a measure; the overview and the indicators screen show them. No file is
touched and no terminal used except to start the app. The same journey in Swedish (?lang=sv).

Against the loopback Sotkanet and Paavo stand-ins of the setup tests; the journey's time is printed.
Screenshots (1280×720) go to HYTE_SCREENSHOT_DIR (default /tmp/hyte-shots).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from support.kangasala_stand_in import fake_paavo, fake_sotkanet
from support.served_app import chromium, serve

from dashboard.core.i18n import translate

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("HYTE_SCREENSHOT_DIR", "/tmp/hyte-shots"))
AREAS = ("Osallisuus ja yhteisöllisyys | Delaktighet och gemenskap | Participation and community\n"
         "Liikkuminen ja luonto | Motion och natur | Exercise and nature\n"
         "Turvallinen arki | Trygg vardag | Safe everyday life\n")
LANG_COLUMN = {"fi": 0, "sv": 1, "en": 2}
TARGETS = ((288, "8,5", "2027"), (181, "6,2", "2028"), (3076, "62", "2028"))
IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]')"""


@pytest.fixture
def stand_ins(tmp_path, monkeypatch):
    from support.sotkanet_server import serve as serve_fake

    s_url, s_stop = serve_fake(fake_sotkanet())
    p_url, p_stop = serve_fake(fake_paavo())
    monkeypatch.setenv("HYTE_SOTKANET_URL", s_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", p_url.removesuffix("/rest/1.1") + "/wfs")
    monkeypatch.setenv("HYTE_SETUP_DIR", str(tmp_path / "packages"))
    monkeypatch.delenv("HYTE_PACKAGE_CONFIG", raising=False)
    yield
    s_stop()
    p_stop()


def _idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE, timeout=120_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def _saved(page, say) -> None:
    """A save pressed: its progress shows while the write process runs, then the screen says it was saved
    (an earlier save's message may still be on screen until the rerun: wait for this one's progress first)."""
    page.get_by_text(say("plan.saving")).first.wait_for(timeout=60_000)
    page.get_by_text(say("plan.saving")).first.wait_for(state="detached", timeout=180_000)
    _idle(page)
    try:
        page.get_by_text(say("plan.saved")).wait_for(timeout=60_000)
    except Exception as missing:  # noqa: BLE001 - Playwright's TimeoutError: say what the screen said instead
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "plan-save-unconfirmed.png"), full_page=True)
        alerts = page.locator('[data-testid="stAlert"], [data-testid="stCode"]').all_inner_texts()
        raise AssertionError(f"no {say('plan.saved')!r} after the save; the screen's messages: {alerts}; "
                             f"screenshot {SHOTS / 'plan-save-unconfirmed.png'}") from missing


def _form(page, label: str):
    """The form holding the field labelled `label`."""
    return page.locator('[data-testid="stForm"]').filter(has=page.get_by_label(label, exact=True))


def _options(page, combobox) -> str:
    """The choices a drop-down offers (opened, read, closed); tried again if a rerun swallowed the click."""
    listbox = page.locator('[role="listbox"]').first
    for _attempt in range(4):
        combobox.click()
        try:
            listbox.wait_for(timeout=8_000)
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the click fell on a rerun
            page.keyboard.press("Escape")
            _idle(page)
            continue
        text = listbox.inner_text()
        page.keyboard.press("Escape")
        return text
    raise AssertionError("the drop-down did not open")


def journey(page, base: str, lang: str, shots: str) -> float:
    """The whole journey; returns its seconds."""
    say = lambda key, **fmt: translate(key, lang, **fmt)  # noqa: E731 - reads like the screen's words
    started = time.perf_counter()
    page.goto(f"{base}/setup?lang={lang}")
    page.locator("h1", has_text=say("page.setup")).wait_for(timeout=60_000)
    field = page.get_by_label(say("setup.town.search"))
    field.fill("Kangasala")
    field.press("Enter")
    page.get_by_text({"fi": "Pirkanmaan hyvinvointialue", "sv": "Birkalands välfärdsområde"}[lang]).first \
        .wait_for(timeout=60_000)
    _idle(page)
    page.get_by_role("button", name=say("setup.preset.minimal", count=8)).click()
    _idle(page)
    page.get_by_text(say("setup.areas.own"), exact=True).click()
    _idle(page)
    areas = page.get_by_label(say("setup.areas.own_names"))
    areas.fill(AREAS)
    areas.press("Control+Enter")
    _idle(page)
    page.get_by_role("button", name=say("setup.write")).click()
    page.get_by_text(say("setup.next"), exact=True).first.wait_for(timeout=120_000)
    page.get_by_role("button", name=say("setup.load")).click()
    page.get_by_text(say("setup.loaded")).wait_for(timeout=180_000)
    page.screenshot(path=str(SHOTS / f"{shots}-setup-loaded.png"), full_page=True)

    page.goto(f"{base}/plan?lang={lang}")
    page.locator("h1", has_text=say("page.plan")).wait_for(timeout=60_000)
    _idle(page)
    for indicator, target, year in TARGETS:
        search = page.get_by_role("combobox", name=say("plan.indicator.search"))
        search.click()
        search.fill(str(indicator))
        page.keyboard.press("Enter")
        _idle(page)
        # While a rerun replaces the previous indicator's form, Streamlit keeps it on the page for a moment:
        # type only once this indicator's form is the only one (on a loaded machine the old one lingered).
        page.wait_for_function(
            """(label) => [...document.querySelectorAll('[data-testid="stForm"]')]
                 .filter((f) => f.querySelector(`input[aria-label="${label}"]`)).length === 1""",
            arg=say("plan.col.target"), timeout=60_000)
        form = _form(page, say("plan.col.target"))
        form.get_by_label(say("plan.col.target"), exact=True).fill(target)
        form.get_by_label(say("plan.col.target_year"), exact=True).fill(year)
        form.get_by_role("button", name=say("plan.save")).click()
        _saved(page, say)
    goal = _form(page, say("plan.goal.text.fi"))
    goal.get_by_label(say("plan.goal.text.fi")).fill("Nuoret liikkuvat luonnossa")
    goal.get_by_label(say("plan.goal.text.sv")).fill("Unga rör sig i naturen")
    goal.get_by_role("button", name=say("plan.goal.button")).click()
    _saved(page, say)
    measure = _form(page, say("plan.measure.text.fi"))
    measure.get_by_label(say("plan.measure.text.fi")).fill("Luontoliikuntapäivät kouluille")
    measure.get_by_label(say("plan.measure.text.sv")).fill("Naturmotionsdagar för skolor")
    measure.get_by_label(say("plan.col.unit")).fill("Sivistystoimiala")
    measure.get_by_role("button", name=say("plan.save")).click()
    _saved(page, say)
    page.screenshot(path=str(SHOTS / f"{shots}-plan.png"), full_page=True)
    text = page.locator("[data-testid='stMain']").first.inner_text()
    _idle(page)
    chooser = page.get_by_role("combobox", name=say("plan.measure.choose"), exact=True).last
    text += "\n" + _options(page, chooser)  # the measures to pick from
    goals = page.get_by_role("combobox", name=say("plan.goal.choose"), exact=True).first
    text += "\n" + _options(page, goals)  # the goals

    page.goto(f"{base}/overview?lang={lang}")
    page.locator("h1", has_text=say("page.overview")).wait_for(timeout=60_000)
    # The area cards come in order: wait for the last area's name (read too early, under load, the screen
    # ended at its "on track" heading).
    last_area = AREAS.strip().splitlines()[-1].split(" | ")[LANG_COLUMN[lang]]
    page.locator("[data-testid='stMain']").get_by_text(last_area).first.wait_for(timeout=120_000)
    _idle(page)
    overview = page.locator("[data-testid='stMain']").first.inner_text()
    page.goto(f"{base}/indicators?lang={lang}")
    page.locator("h1", has_text=say("page.indicators")).wait_for(timeout=60_000)
    # The areas' sections come in order: the last one's heading means the cards above it are drawn (under
    # load the run may not have begun when _idle first looks).
    page.get_by_role("heading", name=AREAS.strip().splitlines()[-1].split(" | ")[LANG_COLUMN[lang]]).wait_for(
        timeout=120_000)
    _idle(page)
    indicators = page.locator("[data-testid='stMain']").first.inner_text()
    page.screenshot(path=str(SHOTS / f"{shots}-indicators.png"), full_page=True)
    return time.perf_counter() - started, overview, indicators, text


def test_a_new_municipality_made_their_own_in_the_browser_alone(stand_ins, tmp_path, capsys):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serve(f"sqlite:///{tmp_path / 'store.db'}", tmp_path, name="plan") as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="fi-FI")
        seconds, overview, indicators, plan = journey(page, base, "fi", "plan-journey-fi")
        page.close()
    for name in ("Osallisuus ja yhteisöllisyys", "Liikkuminen ja luonto", "Turvallinen arki"):
        assert name in overview and name in indicators
    assert "8,5" in indicators and "(2027)" in indicators  # the target typed "8,5", on the indicator's card
    assert "T1 · Nuoret liikkuvat luonnossa" in plan and "M1 · Luontoliikuntapäivät kouluille" in plan
    with capsys.disabled():
        print(f"\nplan journey (fi), setup to targets, goal and measure on screen: {seconds:.1f} s")
    config = tmp_path / "packages" / "kangasala" / "hyte.toml"
    assert "target = 8.5" in config.read_text(encoding="utf-8")


def test_the_same_journey_in_swedish(stand_ins, tmp_path, capsys):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serve(f"sqlite:///{tmp_path / 'store.db'}", tmp_path, name="plan-sv") as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="sv-FI")
        seconds, overview, indicators, plan = journey(page, base, "sv", "plan-journey-sv")
        page.close()
    for name in ("Delaktighet och gemenskap", "Motion och natur", "Trygg vardag"):
        assert name in overview and name in indicators
    assert "Osallisuus ja yhteisöllisyys" not in overview
    assert "T1 · Unga rör sig i naturen" in plan and "M1 · Naturmotionsdagar för skolor" in plan
    assert "8,5" in indicators
    with capsys.disabled():
        print(f"\nplan journey (sv): {seconds:.1f} s")
