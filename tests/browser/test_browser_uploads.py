"""A coordinator's upload in real headless Chromium: a broken file is refused with its lines listed,
the fixed file loads and the change log names it. Screenshots go to HYTE_SCREENSHOT_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.served_app import chromium, serve
from support.served_app import SHOTS

from dashboard.core.i18n import translate
from data_pipeline.i18n import translate_n
from data_pipeline.load.refresh import Change, refresh

pytestmark = pytest.mark.browser

# The upload runs as a process of its own (data_pipeline.load.worker): a few seconds on a quiet machine,
# far more on a loaded one.
WRITE_TIMEOUT = 120_000
FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The mini package loaded into a store and the app serving it (open mode, as `make run`)."""
    root = tmp_path_factory.mktemp("browser-upload")
    shutil.copytree(FIXTURES / "mini", root / "mini")
    url = f"sqlite:///{root / 'store.db'}"
    assert refresh(root / "mini" / "hyte.toml", url, change=Change("test")).ok
    with serve(url, root) as base:
        yield base, root / "mini"


def _upload(page, name: str, content: bytes) -> None:
    form = page.locator('[data-testid="stForm"]')
    choice = form.locator('[data-testid="stSelectbox"]')
    if "(events)" not in choice.inner_text():  # the form keeps the register chosen last time
        choice.click()
        page.keyboard.type("(events)")  # the option list is virtualised: filter it to the one wanted
        page.get_by_role("option", name="Osallisuustapahtumat (events)").click()
    form.locator('input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    # The browser sends the file to the server first; submitting before that would send no file.
    form.get_by_text(name).wait_for(timeout=30_000)
    form.get_by_role("button", name=translate("up.button", "fi")).click()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_upload_a_broken_file_then_the_fixed_one(served, size):
    base, package = served
    original = (FIXTURES / "mini" / "registers" / "events.csv").read_bytes()
    event_id = f"w{size[0]}"
    broken = original + f"{event_id};Työpaja;31.02.2026;01;;;siv;workshop;action;5;;\n".encode()
    fixed = original + f"{event_id};Työpaja;28.02.2026;01;;;siv;workshop;action;5;;\n".encode()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        try:
            page = browser.new_page(viewport={"width": size[0], "height": size[1]}, locale="fi-FI")
            page.goto(f"{base}/data-status")
            page.locator("h1", has_text=translate("page.data_status", "fi")).wait_for(timeout=30_000)

            _upload(page, "tapahtumat.csv", broken)
            # "1 virhe": the catalogue's singular form (the hand-rolled plural said "1 virhettä")
            refused = translate_n("up.rejected", 1, "fi", file="tapahtumat.csv", count=1)
            message = page.get_by_text(refused.split(". ")[0] + ".")  # "…: 1 virhe."
            message.wait_for(timeout=WRITE_TIMEOUT)
            message.scroll_into_view_if_needed()  # the main area scrolls; the shot shows what is in view
            # The problem in the screen's language only (it was "… / no such date: …" before the catalogues).
            problem = "events.csv:4: date: " + translate("problem.no_such_date", "fi", value="31.02.2026")
            # The main area's: the sidebar's deck builder holds a code block (its link) too.
            listed = page.locator('[data-testid="stMain"] [data-testid="stCode"]').first.inner_text()
            assert " ".join(listed.split()) == problem  # wrapped on screen, one line as text
            assert page.locator('[data-testid="stException"]').count() == 0
            assert event_id.encode() not in (package / "registers" / "events.csv").read_bytes()
            page.screenshot(path=str(SHOTS / f"upload-rejected-{size[0]}x{size[1]}.png"), full_page=True)

            _upload(page, "tapahtumat.csv", fixed)
            message = page.get_by_text("Ladattu tapahtumat.csv: 3 riviä rekisteriin")
            message.wait_for(timeout=WRITE_TIMEOUT)
            # The change log lists the upload (Glide's grid keeps an accessible copy of its cells).
            log = page.locator('[data-testid="stDataFrame"]').last
            log.locator('[role="gridcell"]', has_text="tapahtumat.csv").first.wait_for(state="attached", timeout=30_000)
            assert event_id.encode() in (package / "registers" / "events.csv").read_bytes()
            message.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / f"upload-loaded-{size[0]}x{size[1]}.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(SHOTS / f"upload-failed-{size[0]}x{size[1]}.png"), full_page=True)
            raise
