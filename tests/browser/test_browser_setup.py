"""The setup screen in headless Chromium against the served app and the Kangasala stand-ins.

The screenshot (1280×720, full page) goes to HYTE_SCREENSHOT_DIR (default /tmp/hyte-shots).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.kangasala_stand_in import fake_paavo, fake_sotkanet
from support.served_app import chromium, serve

from dashboard.core.i18n import translate

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("HYTE_SCREENSHOT_DIR", "/tmp/hyte-shots"))


def test_setup_in_the_browser(tmp_path, monkeypatch):
    from support.sotkanet_server import serve as serve_fake

    s_url, s_stop = serve_fake(fake_sotkanet())
    p_url, p_stop = serve_fake(fake_paavo())
    monkeypatch.setenv("HYTE_SOTKANET_URL", s_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", p_url.removesuffix("/rest/1.1") + "/wfs")
    monkeypatch.setenv("HYTE_SETUP_DIR", str(tmp_path / "packages"))
    try:
        with serve(f"sqlite:///{tmp_path / 'no-store-yet.db'}", tmp_path, name="setup") as base, \
                chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="fi-FI")
            page.goto(f"{base}/setup")
            page.locator("h1", has_text=translate("page.setup", "fi")).wait_for(timeout=60_000)
            field = page.get_by_label(translate("setup.town.search", "fi"))
            field.fill("Kangasala")
            field.press("Enter")
            page.get_by_text("Pirkanmaan hyvinvointialue").first.wait_for(timeout=60_000)
            page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(timeout=60_000)
            page.wait_for_function(
                """() => !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]')""",
                timeout=60_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"the setup page is {overflow}px wider than the window"
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "setup-1280x720.png"), full_page=True)
            page.locator('[data-testid="stDeckGlJsonChart"]').first.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / "setup-map-1280x720.png"))
            page.get_by_text(translate("setup.table", "fi")).first.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / "setup-indicators-1280x720.png"))
            page.get_by_role("button", name=translate("setup.write", "fi")).click()
            page.get_by_text(translate("setup.next", "fi")).first.wait_for(timeout=120_000)
            page.screenshot(path=str(SHOTS / "setup-written-1280x720.png"), full_page=True)
            assert (tmp_path / "packages" / "kangasala" / "hyte.toml").is_file()
            page.close()
    finally:
        s_stop()
        p_stop()
