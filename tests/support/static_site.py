"""A published site (`hyte publish`) served as a plain static folder, and what a page loads from it."""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import io
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from support.nginx_conf import write_nginx_conf
from sqlalchemy import select

from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

# What a page loads by itself: its stylesheet, icon and pictures (links to other pages are not loaded).
_LOADED = re.compile(r'<(?:img\b[^>]*?\ssrc|link rel="(?:stylesheet|icon)"[^>]*?\shref)="([^"#?]+)"')
_LINKS = re.compile(r'\s(?:src|href)="([^"#?]*)"')


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output is its assertions
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` served by Python's own static server on 127.0.0.1; yields its address (ends with /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def loaded(site: Path, page: str) -> list[Path]:
    """The files a page of the site loads (relative references resolved), the page first."""
    path = site / page
    found = [path]
    for ref in _LOADED.findall(path.read_text("utf-8")):
        target = (path.parent / unquote(ref)).resolve()
        if target not in found:
            found.append(target)
    return found


def weight(site: Path, page: str) -> int:
    """Bytes of a page with everything it loads."""
    return sum(p.stat().st_size for p in loaded(site, page))


def references(html: str) -> list[str]:
    """Every src and href of a page (relative links and files)."""
    return _LINKS.findall(html)


NGINX_PUBLIC_CONF = Path(__file__).parents[2] / "deploy" / "nginx-hyte-public.conf"


def render_public_nginx(site: Path, listen: int, folder: Path) -> Path:
    """deploy/nginx-hyte-public.conf on loopback over plain HTTP, serving `site`: the same headers and
    locations; changed for the test only: the port, no port-80 redirect, no TLS lines, logs in `folder`."""
    conf = NGINX_PUBLIC_CONF.read_text()
    conf = re.sub(r"server \{\s*listen 80;.*?return 301 [^}]*\}", "", conf, flags=re.S)
    conf = conf.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{listen};")
    conf = re.sub(r"\n\s*(listen \[::\]:443[^;]*|ssl_[a-z_]+ [^;]*);", "", conf)
    conf = conf.replace("root /var/www/hyte-public;", f"root {site};")
    conf = re.sub(r"(access_log|error_log)\s+/var/log/nginx/hyte-public\.(access|error)\.log;",
                  lambda m: f"{m.group(1)} {folder}/{m.group(2)}.log;", conf)
    assert "ssl" not in conf and str(site) in conf, conf
    return write_nginx_conf(folder, conf, connections=64)


@contextlib.contextmanager
def public_nginx(site: Path, folder: Path) -> Iterator[str]:
    """Debian's nginx running the published site's config on a free loopback port; yields its address."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is missing: apt-get install nginx (the published site's nginx config is run)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = render_public_nginx(site, port, folder)
    with open(folder / "nginx.out", "w") as log:
        process = subprocess.Popen([binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log")],
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}/"
            for _ in range(100):
                if process.poll() is not None:
                    raise RuntimeError((folder / "nginx.out").read_text() + (folder / "error.log").read_text())
                try:
                    urllib.request.urlopen(base, timeout=1).close()
                    break
                except urllib.error.HTTPError:
                    break  # it answers
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def store_trend_values(url: str, indicator_id: int) -> set[tuple[str, int, float]]:
    """An indicator's stored values for the municipality, its county and the country: (role, year, value)."""
    r, v = schema.region, schema.indicator_value
    with make_engine(url).connect() as conn:
        rows = conn.execute(select(r.c.role, v.c.year, v.c.value).join(r, r.c.id == v.c.region_id).where(
            v.c.indicator_id == indicator_id, v.c.gender == "total", v.c.value.is_not(None),
            r.c.role.in_(("municipality", "county", "country"))))
        return {(role, year, round(value, 6)) for role, year, value in rows}


def only_loopback(context) -> list[str]:
    """Every request of a browser context beyond 127.0.0.1 is blocked and listed (data:, about: and blob:
    stay in the page): the list it returns, which a test expects to stay empty."""
    outside: list[str] = []

    def route_it(route) -> None:
        url = urllib.parse.urlsplit(route.request.url)
        if url.scheme in ("data", "about", "blob") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route_it)
    return outside


def published_trend_values(site: Path, lang: str, indicator_id: int) -> tuple[list[dict], set[tuple[str, int, float]]]:
    """An indicator's trend as its embed's `.csv` gives it: the rows, and the municipality's, county's and
    country's (role, year, value), comparable with store_trend_values."""
    rows = list(csv.DictReader(io.StringIO((site / "embed" / lang / f"indikaattori-{indicator_id}.csv")
                                           .read_text("utf-8"))))
    return rows, {(row["role"], int(row["year"]), round(float(row["value"]), 6)) for row in rows
                  if row["role"] in ("municipality", "county", "country")}
