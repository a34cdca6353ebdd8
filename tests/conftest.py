"""Shared fixtures: small data packages and stores (SQLite in a temp folder, a fresh PostgreSQL database)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from streamlit import config as streamlit_config
from support.store_rows import FIXTURES


# .streamlit/config.toml hides error details from visitors (showErrorDetails = "none"); AppTest reads
# that file too, so a failing test would say only "This app has encountered an error". Tests see all.
streamlit_config.set_option("client.showErrorDetails", "full", "tests/conftest.py")

# The suite's expected texts are Finnish, the default, whatever the machine's locale (LANG=sv_FI.UTF-8 would
# make `hyte` speak Swedish); the tests of the language choice set their own environment.
os.environ["HYTE_LANG"] = "fi"

PG_ADMIN_URL = os.environ.get("HYTE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def mini_package(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture package; returns its hyte.toml."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target / "hyte.toml"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'hyte.db'}"


def _pg_admin_engine():
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means: no server here
        engine.dispose()
        pytest.skip(f"no PostgreSQL server answers at {PG_ADMIN_URL} ({type(exc).__name__}); "
                    "set HYTE_TEST_POSTGRES_URL to test the PostgreSQL store")
    return engine


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin = _pg_admin_engine()
    name = f"hyte_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request) -> str:
    """Each test using this runs on both stores."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def fixture_store(tmp_path, monkeypatch) -> str:
    """The screens' fixture store (tests/support/dashboard_fixtures.py), named to the app by HYTE_DATABASE_URL."""
    from support.dashboard_fixtures import build_fixture_store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> str:
    """The demo town loaded into SQLite by the real pipeline (a copy per test module: it may change it)."""
    from support.demo_copy import demo_copy

    return demo_copy(tmp_path_factory.mktemp("demo"), "store.db")


# --- Longest files first ------------------------------------------------------------------------------
# `make test` runs the suite in two processes (pytest-xdist, a file at a time per process). The files
# that take longest start first, so the two finish together: each run records every file's seconds in
# pytest's cache (.pytest_cache, not committed) and the next run orders by them. A fresh clone has no
# record yet and goes by the files' markers (a served browser is slow, a unit test is not).
FILE_SECONDS = "hyte/file-seconds"
MARKER_SECONDS = {"oidc": 60.0, "browser": 20.0, "write_safety": 15.0, "postgres": 2.0}


def _test_file(item_or_report) -> str:
    return item_or_report.nodeid.split("::", 1)[0]


# Files whose tests share nothing module-wide: their tests may run in either process (each of the
# write-safety file's two long tests took a third of the suite's critical path when kept together).
SPLIT_FILES = {"tests/pipeline/test_write_safety.py", "tests/app/test_data_status_writes.py"}


def pytest_collection_modifyitems(session, config, items):
    cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
    recorded = cache.get(FILE_SECONDS, {}) if cache is not None else {}
    guessed: dict[str, float] = {}
    for item in items:
        seconds = max((MARKER_SECONDS.get(mark.name, 0.0) for mark in item.iter_markers()), default=0.0)
        guessed[_test_file(item)] = guessed.get(_test_file(item), 0.0) + max(seconds, 0.2)
    weight = {file: recorded.get(file, guess) for file, guess in guessed.items()}
    items.sort(key=lambda item: -weight[_test_file(item)])  # stable: a file's tests keep their order


def pytest_xdist_make_scheduler(config, log):
    """A file's tests run in one process, so its module fixtures (served apps, browsers, sites) start once;
    the files longest first, as sorted above (pytest-xdist's own reordering by test count is off).

    Not `--dist loadgroup` with an `xdist_group` mark per file: pytest-xdist 3.8 names a group by
    rewriting `item._nodeid`, which pytest 9 no longer reads, so every file was split over both
    processes and its module fixtures built in each (the published site twice per file, ~45 s each)."""
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = nodeid.split("::", 1)[0]
            return nodeid if file in SPLIT_FILES else file

    config.option.loadscopereorder = False
    return ByFile(config, log)


_measured: dict[str, float] = {}


def pytest_runtest_logreport(report):
    _measured[_test_file(report)] = _measured.get(_test_file(report), 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    cache = getattr(config, "cache", None)
    if hasattr(config, "workerinput") or cache is None or not _measured:
        return  # a worker's own reports reach the controller, which keeps the record
    cache.set(FILE_SECONDS, {**cache.get(FILE_SECONDS, {}), **_measured})
