"""Shared fixtures: small data packages and stores (SQLite in a temp folder, a fresh PostgreSQL database)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from streamlit import config as streamlit_config
from support.file_order import (  # noqa: F401 - pytest's hooks, found here by name
    pytest_collection_modifyitems,
    pytest_runtest_logreport,
    pytest_sessionfinish,
    pytest_xdist_make_scheduler,
)
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
