"""The deploy of the published site: deploy/nginx-hyte-public.conf (run by Debian's nginx on loopback)
serves the folder with a Content-Security-Policy that allows no script and no third party, lets other
sites frame /embed/ only, and Chromium loads a page and an embed under it without a refusal; the nightly
unit's command is one `hyte publish` accepts."""

from __future__ import annotations

import re
import shlex
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support.served_app import chromium
from support.static_site import public_nginx, served

from data_pipeline.cli import build_parser

ROOT = Path(__file__).parents[2]


def _get(url: str):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_nginx_sends_the_sites_security_headers(site: Path, tmp_path: Path) -> None:
    with public_nginx(site, tmp_path) as base:
        page = _get(base + "fi/indikaattorit/288/index.html")
        assert page.status == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
        csp = page.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src" not in csp and "unsafe-inline" not in csp and "http" not in csp
        assert page.headers["X-Frame-Options"] == "DENY" and page.headers["X-Content-Type-Options"] == "nosniff"
        embed = _get(base + "embed/fi/indikaattori-288.html")
        assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
        assert embed.headers["X-Frame-Options"] is None
        figures = _get(base + "embed/fi/indikaattori-288.csv")
        assert figures.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert figures.headers["Access-Control-Allow-Origin"] == "*"
        assert _get(base + "embed/fi/indikaattori-288.svg").headers["Content-Type"].startswith("image/svg+xml")
        assert _get(base + "fi/").status == 200  # a folder's index.html
        assert _get(base + ".hyte-publish.json").status == 404
        # The pictures kept for the next publish are hyte's, not the visitors'.
        kept = next((site / ".hyte-cache").glob("*.svg"))
        assert _get(base + f".hyte-cache/{kept.name}").status == 404


@pytest.mark.browser
def test_another_site_may_frame_an_embed_but_not_a_page(site: Path, tmp_path: Path) -> None:
    host = tmp_path / "host"
    host.mkdir()
    refused: list[str] = []
    with public_nginx(site, tmp_path) as base, chromium() as browser:
        # "Another site": a web editor's page on another origin (another port) with two iframes.
        (host / "index.html").write_text(
            f'<!doctype html><html lang="fi"><title>Kunnan sivu</title>'
            f'<iframe id="embed" title="upotus" src="{base}embed/fi/indikaattori-288.html" width="800" height="600"></iframe>'
            f'<iframe id="page" title="sivu" src="{base}fi/index.html" width="800" height="600"></iframe></html>', "utf-8")
        with served(host) as elsewhere:
            page = browser.new_page()
            page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(elsewhere + "index.html", wait_until="load")
            embed = page.frame_locator("#embed")
            assert embed.locator("h1").inner_text()
            assert embed.locator("img").evaluate("i => i.complete && i.naturalWidth > 0")
            # The browser refused to show the page in a frame: an error page stands in its place.
            assert not [f.url for f in page.frames if f.url.endswith("/fi/index.html")]
            assert [f.url for f in page.frames if f.url.startswith("chrome-error:")]
            # The site's own pages under their policy: nothing refused.
            refused.clear()
            page.goto(base + "fi/osallisuus/index.html", wait_until="load")
            page.goto(base + "embed/fi/tavoittavuus-kartta.html", wait_until="load")
            assert refused == []


def test_the_nightly_unit_runs_a_publish_hyte_accepts() -> None:
    unit = (ROOT / "deploy" / "hyte-publish.service").read_text()
    command = re.search(r"^ExecStart=(.+)$", unit, re.M).group(1)
    argv = shlex.split(command.replace("${HYTE_PACKAGE_CONFIG}", "/var/lib/hyte/package/hyte.toml")
                       .replace("${HYTE_PUBLIC_URL}", "https://hyvinvointi.kunta.fi/"))
    assert argv[0] == "/opt/hyte/.venv/bin/hyte"
    args = build_parser(argv[1:]).parse_args(argv[1:])
    assert (args.command, args.out, args.base_url) == ("publish", "/var/www/hyte-public", "https://hyvinvointi.kunta.fi/")
    assert "hyte-publish.service" in (ROOT / "deploy" / "hyte-publish.timer").read_text()
    nginx = (ROOT / "deploy" / "nginx-hyte-public.conf").read_text()
    assert "root /var/www/hyte-public;" in nginx and "ReadWritePaths=/var/www/hyte-public" in unit
