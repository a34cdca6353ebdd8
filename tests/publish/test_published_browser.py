"""The published site in a real headless Chromium: served by a plain static server on 127.0.0.1 with every
request beyond loopback blocked, every page opens with its pictures, axe-core finds no WCAG 2.1 AA
violation, an indicator page with everything it loads is at most 200 KB, and the same pages work from
file://. Screenshots go to HYTE_SCREENSHOT_DIR (default /tmp/hyte-shots), never into the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.served_app import SHOTS, chromium
from support.static_site import only_loopback, served

from dashboard.publish.build import build
from dashboard.publish.site import MANIFEST
from data_pipeline.inputs.config_schema import PUBLISHABLE

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
VIEWPORT = {"width": 1280, "height": 720}
WEIGHT_LIMIT = 200 * 1024
# Every picture of the page has arrived and has a size.
BROKEN_IMAGES_JS = "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"


def _files(site: Path) -> list[str]:
    return json.loads((site / MANIFEST).read_text("utf-8"))


def _pages(site: Path) -> list[str]:
    """Every page of the site, and the embeds of one language (the others are the same page in other words)."""
    files = _files(site)
    return [f for f in files if f.endswith(".html") and (not f.startswith("embed/") or f.startswith("embed/fi/"))]


def _violations(page) -> list[str]:
    result = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


def test_every_page_served_statically_opens_without_leaving_loopback_and_passes_axe(site: Path) -> None:
    failed, broken = {}, {}
    with served(site) as base, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        outside = only_loopback(context)  # what the pages asked of anywhere else
        page = context.new_page()
        pages = _pages(site)
        for rel in pages:
            response = page.goto(base + rel, wait_until="load")
            assert response is not None and response.ok, rel
            if missing := page.evaluate(BROKEN_IMAGES_JS):
                broken[rel] = missing
            if found := _violations(page):
                failed[rel] = found
        context.close()
    assert outside == []
    assert broken == {}
    assert failed == {}
    assert len(pages) > 150


def test_an_indicator_page_with_everything_it_loads_is_at_most_200_kb(site: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        sizes: dict[str, int] = {}
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
        for lang, folder in (("fi", "indikaattorit"), ("sv", "indikatorer"), ("en", "indicators")):
            sizes.clear()
            page.goto(f"{base}{lang}/{folder}/288/index.html", wait_until="load")
            page.wait_for_load_state("networkidle")
            total = sum(sizes.values())
            assert 50 * 1024 < total <= WEIGHT_LIMIT, (lang, total, sizes)
            page.screenshot(path=str(SHOTS / f"published-indicator-288-{lang}.png"), full_page=True)


def test_the_pages_work_from_file(site: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto((site / "index.html").as_uri())
        page.get_by_role("link", name="Svenska").click()
        assert page.locator("html").get_attribute("lang") == "sv"
        # The front page's first priority area, then its first indicator: the links work without a server.
        page.locator("section.area h3 a").first.click()
        page.locator("li.card h2 a").first.click()
        assert "/sv/indikatorer/" in page.url and page.url.startswith("file://")
        assert page.evaluate(BROKEN_IMAGES_JS) == []
        assert page.locator("figure.chart img").count() >= 3
        page.get_by_role("link", name="English").click()
        assert "/en/indicators/" in page.url and page.locator("html").get_attribute("lang") == "en"
        assert page.evaluate(BROKEN_IMAGES_JS) == []
        # An embed, as a web editor's iframe would show it, links back to its page.
        page.goto((site / "embed" / "fi" / "tavoittavuus-kartta.html").as_uri())
        assert page.evaluate(BROKEN_IMAGES_JS) == []
        page.locator("footer a").click()
        assert page.url.endswith("/fi/osallisuus/index.html")


def test_the_working_groups_page_when_published_passes_axe(demo, tmp_path: Path) -> None:
    url, _ = demo
    out = tmp_path / "site"
    build(url, out, ("fi",), PUBLISHABLE)
    pages = ["fi/tyoryhmat/index.html", *(f for f in _files(out) if f.startswith("embed/fi/tyoryhmat-")
                                          and f.endswith(".html"))]
    assert len(pages) >= 4
    failed = {}
    with served(out) as base, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        for rel in pages:
            page.goto(base + rel, wait_until="load")
            assert page.evaluate(BROKEN_IMAGES_JS) == [], rel
            if found := _violations(page):
                failed[rel] = found
    assert failed == {}
