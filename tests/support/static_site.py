"""A published site (`hyte publish`) served as a plain static folder, and what a page loads from it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

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
