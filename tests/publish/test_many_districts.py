"""The published participation and partnership pages of a municipality with hundreds of districts (postal
areas): light enough for a resident's phone, every district's figures still published."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.demo_copy import demo_copy
from support.many_districts import grow_districts
from support.served_app import chromium
from support.static_site import only_loopback, references, served, weight

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import translate
from dashboard.publish import html
from dashboard.publish.build import build
from dashboard.publish.pages import ENDS, TABLE_ROWS
from data_pipeline.cli import main as hyte

LIMIT = 200 * 1024  # issue 25's page weight, with everything the page loads
GROWN = 300


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many-districts")
    url = demo_copy(folder)
    grow_districts(folder / "pkg", GROWN)
    assert hyte(["refresh", "--config", str(folder / "pkg" / "hyte.toml"), "--db", url, "--offline", "-q"]) == 0
    out = folder / "site"
    build(url, out, ("fi",), ("participation", "partnerships"))
    return out


def rows(site: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((site / "embed" / "fi" / f"{name}.csv").read_text("utf-8"))))


def test_the_pages_weigh_at_most_200_kb(site: Path) -> None:
    # Before: the participation page 550 KB with its pictures (a ranking 9,000 px tall, a map with 600 labels).
    for page in ("fi/osallisuus/index.html", "fi/jarjestoyhteistyo/index.html"):
        assert weight(site, page) <= LIMIT, (page, weight(site, page))


def test_the_ranking_pictures_the_ends_and_its_files_hold_every_district(site: Path) -> None:
    page = (site / "fi" / "osallisuus" / "index.html").read_text("utf-8")
    ranked = rows(site, "tavoittavuus-alueittain")
    assert len(ranked) > GROWN
    said = translate("publish.ranking.ends", "fi", shown=fmt_number(ENDS, 0, "fi"),
                     total=fmt_number(len(ranked), 0, "fi"))
    assert html.text(said) in page
    picture = (site / "embed" / "fi" / "tavoittavuus-alueittain.svg").read_text("utf-8")
    drawn = [r["name"] for r in ranked if f">{html.text(r['name'])}<" in picture]
    assert drawn == [r["name"] for r in ranked[:ENDS] + ranked[-ENDS:]]
    # The partnerships' districts the same way.
    covered = rows(site, "jarjestot-alueittain")
    assert len(covered) > GROWN
    assert html.text(translate("publish.ranking.ends", "fi", shown=fmt_number(ENDS, 0, "fi"),
                               total=fmt_number(len(covered), 0, "fi"))) in \
        (site / "fi" / "jarjestoyhteistyo" / "index.html").read_text("utf-8")


def test_the_map_shows_colours_and_its_files_every_districts_figure(site: Path) -> None:
    mapped = rows(site, "tavoittavuus-kartta")
    assert len(mapped) > GROWN and all(r["figure"] for r in mapped)
    picture = (site / "embed" / "fi" / "tavoittavuus-kartta.svg").read_text("utf-8")
    assert not re.search(r">Alue \d+<", picture)  # no name written on the map
    page = (site / "fi" / "osallisuus" / "index.html").read_text("utf-8")
    assert html.text(translate("publish.map.colours_only", "fi", total=fmt_number(len(mapped), 0, "fi"))) in page


def test_the_districts_table_is_on_pages_of_its_own_every_district_once(site: Path) -> None:
    page = site / "fi" / "osallisuus" / "index.html"
    text = page.read_text("utf-8")
    total = GROWN + 12  # the demo's own 12 and the grown ones
    assert html.text(translate("publish.districts.pages", "fi", total=fmt_number(total, 0, "fi"),
                               size=fmt_number(TABLE_ROWS, 0, "fi"))) in text
    parts = [site / "fi" / "osallisuus" / "alueet" / str(n) / "index.html" for n in (1, 2)]
    assert [p.is_file() for p in parts] == [True, True]
    assert not (site / "fi" / "osallisuus" / "alueet" / "3").exists()
    codes = []
    for n, part in enumerate(parts):
        shown = part.read_text("utf-8")
        assert weight(site, str(part.relative_to(site))) <= LIMIT
        assert 'href="../2/index.html" rel="next"' in shown if n == 0 else 'href="../1/index.html" rel="prev"' in shown
        assert 'href="../../index.html"' in shown  # back to the participation page
        for ref in references(shown):
            assert (part.parent / ref).resolve().is_file(), ref
        codes += re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", shown)  # the second column, the code
    assert len(codes) == total and len(set(codes)) == total
    assert not re.search(r"<td>S\d{4}</td>", text)  # the page itself lists no district's row


@pytest.mark.browser
def test_the_pages_of_many_districts_pass_axe_in_chromium(site: Path) -> None:
    opened = ["fi/osallisuus/index.html", "fi/osallisuus/alueet/1/index.html", "fi/osallisuus/alueet/2/index.html",
              "fi/jarjestoyhteistyo/index.html", "embed/fi/tavoittavuus-alueittain.html",
              "embed/fi/tavoittavuus-kartta.html"]
    failed = {}
    with served(site) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        outside = only_loopback(context)
        page = context.new_page()
        for rel in opened:
            response = page.goto(base + rel, wait_until="load")
            assert response is not None and response.ok, rel
            assert page.evaluate("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                                 ".map(i => i.src)") == [], rel
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                       "wcag21aa"]},
                                              "resultTypes": ["violations"]})
            if result.response["violations"]:
                failed[rel] = [v["id"] for v in result.response["violations"]]
        context.close()
    assert outside == [] and failed == {}
