"""One served app for the browser tests: `streamlit run dashboard/app.py` on a free port, and Chromium.

The server's output goes to a log file, never to a pipe nobody reads: Streamlit logs a line for many
page loads, and a full pipe stalls the server mid-test (seen after about 15 pages).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.core.pages import with_store
from support.demo_copy import demo_copy

ROOT = Path(__file__).parents[2]
# The browser the tests drive: Debian's chromium-headless-shell where it is installed (.ci/run installs it),
# else Debian's chromium. The shell is the same Chromium (version, Blink, V8, the same pages and axe) built
# for headless use only, without the full browser's window and display machinery; it is what Playwright's
# own headless tests run. Twenty demo pages took 52-65 CPU-seconds in it against 77-84 in `chromium
# --headless` (interleaved, same machine, with the server's CPU).
# HYTE_TEST_BROWSER names another (e.g. /usr/bin/chromium, to compare the two).
BROWSERS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
CHROMIUM = Path(os.environ.get("HYTE_TEST_BROWSER")
                or next((browser for browser in BROWSERS if browser.exists()), BROWSERS[-1]))
# A test's page lives a few seconds: V8's optimising compilers (Maglev, TurboFan) cost more than they save
# there. Without them, 30 of the accessibility file's visits took 7-8 % less CPU (124 and 136 CPU-seconds
# against 134 and 146, interleaved, same machine), the published site's 160 pages 1-2 % less. Only the
# browser's JIT; the pages, what they run and what is checked are the same.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--js-flags=--no-maglev --no-turbofan"]
STARTUP_SECONDS = 60
# Where the browser tests leave their screenshots (looked at by people, never committed).
SHOTS = Path(os.environ.get("HYTE_SCREENSHOT_DIR", "/tmp/hyte-shots"))
# Every screen on a store: url path -> i18n key of its h1 (how a test knows the page has rendered).
PAGES = with_store()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def serve(store_url: str, folder: Path, *, port: int | None = None, args: tuple[str, ...] = (),
          name: str = "server") -> Iterator[str]:
    """The app reading `store_url`, served until the block ends; yields its base URL.

    `args` are more `streamlit run` options (e.g. `--secrets.files`); `name` names the log file.
    """
    port = port or free_port()
    log_path = folder / f"{name}.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1", *args],
            cwd=ROOT, env={**os.environ, "HYTE_DATABASE_URL": store_url}, stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not healthy(base):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start at {base}: {log_path.read_text()[-2000:]}")
                time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


class Requests:
    """Every request of one browser context's pages, or of one page (documents, scripts, images, fonts,
    websockets; those the browser answers from its cache too), kept by URL: how a test sees that no
    visitor's browser is sent to a third party."""

    def __init__(self, context_or_page):
        self.urls: list[str] = []
        context_or_page.on("request", lambda request: self.urls.append(request.url))
        if hasattr(context_or_page, "pages"):  # a context: each of its pages' websockets
            context_or_page.on("page", lambda page: page.on("websocket", lambda ws: self.urls.append(ws.url)))
        else:
            context_or_page.on("websocket", lambda ws: self.urls.append(ws.url))

    def elsewhere(self, base: str) -> list[str]:
        """The requests that left `base`'s origin (data: and blob: stay in the page)."""
        own = urllib.parse.urlsplit(base)
        return sorted({url for url in self.urls
                       if urllib.parse.urlsplit(url).scheme not in ("data", "blob", "about")
                       and urllib.parse.urlsplit(url).netloc != own.netloc})


class OneTab:
    """One browser tab that a module's tests open their addresses in, one after another, as a visitor goes from
    one address to the next. Each address is still a new document and a new Streamlit session; the tab keeps
    its renderer, which has the app's scripts compiled already: the accessibility file's 66 tests took 224
    CPU-seconds in one tab against 321 with a new tab per test (side by side, same machine), 30 demo pages
    42-48 browser CPU-seconds against 73-76. A test that closed the tab, or a crashed renderer, gets a new one.

    `context` is a browser context (its tabs share the HTTP cache) or a browser (the tab gets a context of its
    own, made with `options`, e.g. locale and viewport)."""

    def __init__(self, context, **options):
        self._context, self._options = context, options
        self._page = None
        self.requests: Requests | None = None

    def __call__(self, timeout_ms: int = 30_000):
        if self._page is None or self._page.is_closed():
            self._page = self._context.new_page(**self._options)
            self.requests = Requests(self._page)
        self._page.set_default_timeout(timeout_ms)
        self.requests.urls.clear()  # this test's requests, from its first address on
        return self._page

    def close(self) -> None:
        if self._page is not None and not self._page.is_closed():
            self._page.close()


@contextlib.contextmanager
def chromium():
    """Debian's Chromium through Playwright; the test is skipped, with the reason, where it is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium-headless-shell (or chromium) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory) -> Iterator[str]:
    """The demo municipality (charts, map, every kind of table) served on a free port, once per test process:
    the browser files that only read it share one server (and its warm caches). A test that writes makes its
    own app."""
    folder = tmp_path_factory.mktemp("demo-app")
    with serve(demo_copy(folder), folder) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module."""
    with chromium() as launched:
        yield launched
