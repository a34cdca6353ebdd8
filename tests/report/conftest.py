"""Fixtures of the council report's tests: the demo store, and each report built once from it."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from dashboard.outputs import report
from data_pipeline.cli import main as hyte
from data_pipeline.store.engine import make_engine

# The demo's last full year of indicator data; the council term ending with it.
YEAR = 2025
TODAY = date(2026, 3, 1)


@pytest.fixture(scope="session")
def report_store(tmp_path_factory) -> str:
    """The demo municipality loaded by `hyte demo` into SQLite, once per session (read only: copy to change it)."""
    folder = tmp_path_factory.mktemp("report-store")
    url = f"sqlite:///{folder / 'demo.db'}"
    assert hyte(["demo", "--out", str(folder / "pkg"), "--db", url, "-q"]) == 0
    return url


@pytest.fixture
def store_copy(report_store, tmp_path) -> str:
    """A copy of the demo store a test may change."""
    target = tmp_path / "copy.db"
    shutil.copy(report_store.removeprefix("sqlite:///"), target)
    return f"sqlite:///{target}"


_BUILT: dict = {}


@pytest.fixture(scope="session")
def built(report_store):
    """(kind, lang) -> (Report, {format: bytes}): each report built and rendered once per session."""
    def get(kind: str, lang: str):
        if (kind, lang) not in _BUILT:
            doc = report.build(make_engine(report_store), report.Request(kind=kind, year=YEAR, lang=lang), today=TODAY)
            _BUILT[kind, lang] = doc, {fmt: report.render(doc, fmt) for fmt in report.FORMATS}
        return _BUILT[kind, lang]
    return get
