"""The app reads old or new data while refreshes replace it, never a mix: SQLite and PostgreSQL.

A reader thread asks the app's own cached queries (dashboard/cache.py, keyed on the store's data
version) for a view that spans several tables and queries, over and over, with the caches cleared
each time, while the main thread refreshes the store back and forth between two packages. Every
view it completes must equal one of the two known views. A view interrupted by a commit is retried,
as the app reruns the screen (cache.StoreChanged).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st

from data_pipeline.load.refresh import refresh

EVENTS_HEADER = "id;title;date;district;lon;lat;department;event_type;level;participants_young;participants_adult;participants_old\n"


def _events(count: int) -> str:
    rows = [f"e{i};Tapahtuma {i};{1 + i % 28}.{1 + i % 12}.2024;0{1 + i % 2};;;siv;workshop;planning;{1 + i % 9};"
            f"{10 + i % 7};{i % 5}" for i in range(count)]
    return EVENTS_HEADER + "\n".join(rows) + "\n"


@pytest.fixture
def two_packages(mini_package: Path) -> tuple[Path, Path]:
    """The mini package with many events and values (old) and a copy with fewer of both (new)."""
    old_dir = mini_package.parent
    (old_dir / "registers" / "events.csv").write_text(_events(400), encoding="utf-8")
    data = old_dir / "sotkanet" / "data" / "127.json"
    rows = json.loads(data.read_text(encoding="utf-8"))
    data.write_text(json.dumps(rows), encoding="utf-8")
    new_dir = old_dir.parent / "mini_new"
    shutil.copytree(old_dir, new_dir)
    (new_dir / "registers" / "events.csv").write_text(_events(150), encoding="utf-8")
    (new_dir / "sotkanet" / "data" / "127.json").write_text(json.dumps(rows[: len(rows) // 2]), encoding="utf-8")
    return mini_package, new_dir / "hyte.toml"


def _view() -> tuple:
    """What a screen would read: several cached queries, each its own connection, like a script run."""
    from dashboard.core import cache
    from dashboard.data_status import cache as status_cache
    from dashboard.indicators import cache as ind_cache
    from dashboard.participation import cache as part_cache

    store = cache.open_store()
    counts = dict(status_cache.row_counts(store).iter_rows())
    events = part_cache.participation_rows(store, 2000, 2030)
    values = ind_cache.indicator_series(store, 2000, 2030)
    reach = part_cache.participation_reach(store, 2000, 2030, None)
    return (counts["participation_event"], counts["event_participants"], counts["indicator_value"],
            events["event_id"].n_unique(), int(events["participants"].sum()), values.height,
            repr(sorted(reach.keys())))


def _quiet_view() -> tuple:
    st.cache_data.clear()
    return _view()


def test_readers_see_old_or_new_never_a_mix(store_url, two_packages, monkeypatch):
    from dashboard.core import cache

    old_pkg, new_pkg = two_packages
    monkeypatch.setenv("HYTE_DATABASE_URL", store_url)
    assert refresh(new_pkg, store_url).status == "success"
    new_view = _quiet_view()
    assert refresh(old_pkg, store_url).status == "success"
    old_view = _quiet_view()
    assert old_view[:3] != new_view[:3] and old_view[5] != new_view[5]

    seen: list[tuple] = []
    mixed: list[tuple] = []
    retried = 0
    stop = threading.Event()
    errors: list[BaseException] = []

    def read_repeatedly() -> None:
        nonlocal retried
        try:
            while not stop.is_set():
                st.cache_data.clear()
                try:
                    view = _view()
                except cache.StoreChanged:
                    retried += 1
                    continue
                (seen if view in (old_view, new_view) else mixed).append(view)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    reader = threading.Thread(target=read_repeatedly)
    reader.start()
    try:
        for pkg, view in ((new_pkg, new_view), (old_pkg, old_view), (new_pkg, new_view), (old_pkg, old_view)):
            # The pipeline is a program of its own, as in production: in one process, Python's sqlite3
            # (the reader) and ADBC's own SQLite (the writer) drop each other's file locks, SQLite's
            # "two copies of the library" hazard, and the reader then sees pages mid-write.
            done = subprocess.run([sys.executable, "-m", "data_pipeline.cli", "refresh", "--config", str(pkg),
                                   "--db", store_url, "-q"], capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            # The reader keeps reading through the next refresh only once it has seen this one's data.
            deadline = time.monotonic() + 30
            while (not seen or seen[-1] != view) and not mixed and not errors and time.monotonic() < deadline:
                time.sleep(0.01)
            assert seen and seen[-1] == view or mixed or errors, "the reader never saw the refreshed data"
    finally:
        stop.set()
        reader.join(timeout=60)
    assert not errors, errors
    assert not mixed, f"a reader saw a mix of two loads: {mixed[0]} (old {old_view}, new {new_view})"
    print(f"{len(seen)} consistent views, {retried} reads interrupted by a commit and retried")


def test_a_load_committed_mid_run_reruns_the_screen_instead_of_showing_an_error(tmp_path, monkeypatch):
    from pathlib import Path

    from support.dashboard_fixtures import build_fixture_store
    from streamlit.testing.v1 import AppTest

    from dashboard.core.i18n import translate
    from data_pipeline.store import engine as store_module

    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    real = store_module.data_version
    calls = []

    def version_moves_once(engine):
        calls.append(1)
        # The second read is the first query's check: as if a refresh had just committed.
        return real(engine) + (1 if len(calls) == 2 else 0)

    monkeypatch.setattr(store_module, "data_version", version_moves_once)
    st.cache_data.clear()
    at = AppTest.from_file(Path(__file__).parents[2] / "dashboard" / "app.py", default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [translate("page.overview", "fi")]
    assert len(calls) > 3  # the run started over after the refused read
