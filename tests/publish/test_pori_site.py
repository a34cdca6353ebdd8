"""The published site of the Pori example (examples/pori refreshed from a Sotkanet stand-in, the council
report's fixture): it builds in Finnish and Swedish, every indicator's trend CSV equals the store, and its
front page, priority-area pages and indicator pages, served by a plain static server with anything beyond
loopback blocked, pass axe-core with no WCAG 2.1 AA violation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.report_fixtures import pori_store  # noqa: F401 - the fixture
from support.served_app import chromium
from support.static_site import only_loopback, published_trend_values, served, store_trend_values

from dashboard.publish.build import build
from dashboard.publish.site import MANIFEST

LANGS = ("fi", "sv")
INDICATOR_DIRS = {"fi": "indikaattorit", "sv": "indikatorer"}
AREA_DIRS = {"fi": "painopistealueet", "sv": "insatsomraden"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def pori_site(pori_store, tmp_path_factory) -> Path:  # noqa: F811 - the fixture imported above
    out = tmp_path_factory.mktemp("pori-site") / "site"
    published = build(pori_store, out, LANGS)
    assert published.written.written > 0
    return out


def test_every_pori_indicator_csv_holds_the_stores_figures(pori_store, pori_site):  # noqa: F811
    checked = 0
    for lang in LANGS:
        for folder in (pori_site / lang / INDICATOR_DIRS[lang]).iterdir():
            indicator_id = int(folder.name)
            _, shown = published_trend_values(pori_site, lang, indicator_id)
            assert shown, (lang, indicator_id)
            years = {year for _, year, _ in shown}
            assert shown == {row for row in store_trend_values(pori_store, indicator_id) if row[1] in years}
            checked += 1
    assert checked >= 2 * 10


@pytest.mark.browser
def test_pori_front_area_and_indicator_pages_pass_axe_on_loopback(pori_site):
    files = json.loads((pori_site / MANIFEST).read_text("utf-8"))
    chosen = [f for f in files if f.endswith("index.html") and f.split("/")[0] in LANGS
              and (f.count("/") == 1 or f.split("/")[1] == AREA_DIRS[f.split("/")[0]])]
    for lang in LANGS:
        chosen += sorted(f for f in files if f.startswith(f"{lang}/{INDICATOR_DIRS[lang]}/"))[:3]
    failed = {}
    with served(pori_site) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        outside = only_loopback(context)  # what the pages asked of anywhere else
        page = context.new_page()
        for rel in chosen:
            response = page.goto(base + rel, wait_until="load")
            assert response is not None and response.ok, rel
            assert page.evaluate("document.documentElement.lang") == rel.split("/")[0]
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                failed[rel] = [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
        context.close()
    assert outside == [] and failed == {}
    assert len(chosen) >= 2 * (1 + 3 + 3)  # front page, the plan's areas, three indicators, in each language
