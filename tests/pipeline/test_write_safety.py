"""Writes started from the app run in a process of their own; readers, a killed writer and the store
survive them (issue 16). SQLite and PostgreSQL.

The app path is data_pipeline.load.worker (what the data-status screen calls): it starts `python -m
data_pipeline.cli upload|restore|refresh --json-progress` and reads its JSON lines. The test process
itself plays the app: its readers use the dashboard's own cached queries, and it never loads the
ADBC writer (every load here, the first one too, goes through the worker).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import select

from support.store_rows import dump_store, table_frame
from dashboard.core import cache
from dashboard.core.formatting import plain
from dashboard.core.i18n import translate
from dashboard.data_status import cache as data_status
from dashboard.indicators import cache as indicators
from dashboard.participation import cache as participation
from dashboard.participation import model as participation_model
from dashboard.partnerships import cache as partnerships
from dashboard.working_groups import cache as working_groups
from data_pipeline.inputs import registers as R
from data_pipeline.store import schema
from data_pipeline.load import worker
from data_pipeline.store.engine import is_sqlite, make_engine, sqlite_path

pytestmark = pytest.mark.write_safety

TESTS = Path(__file__).parent.parent
KILLABLE = TESTS / "support" / "killable_refresh.py"
# Writes per store: two of each cycle (upload, upload, restore, refresh) on SQLite, and a cycle and a half on
# PostgreSQL, whose loads also cost its server. Each is a Python process of its own (about 1.5 s of CPU, mostly
# imports) while three readers read every screen; HYTE_WRITE_SAFETY_ROUNDS=20 asks for more (about 4 minutes
# a store on a quiet 2-core machine, with the rest of the suite beside it).
ROUNDS = {"sqlite": 8, "postgresql": 6}
READERS = 3
EVENTS_HEADER = ("id;title;date;district;lon;lat;department;event_type;level;participants_young;"
                 "participants_adult;participants_old\n")


def events_csv(count: int, tag: str) -> bytes:
    """`count` valid events with ids of their own (each with participants, so each is read back)."""
    rows = [f"{tag}-{i};Tapahtuma {i};{1 + i % 28}.{1 + i % 12}.2025;0{1 + i % 2};;;siv;workshop;planning;"
            f"{1 + i % 9};{10 + i % 7};{i % 5}" for i in range(count)]
    return (EVENTS_HEADER + "\n".join(rows) + "\n").encode()


def events_file(config: Path) -> Path:
    return config.parent / "registers" / "events.csv"


def staging_folders(config: Path) -> list[Path]:
    return list(config.parent.glob(".hyte-upload-*"))


def run_statuses(url: str) -> dict[int, tuple[str, str | None]]:
    frame = table_frame(url, schema.load_run)
    return {row["id"]: (row["status"], row["message"]) for row in frame.to_dicts()}


# --- readers on every screen while the app writes ----------------------------------------------------

def read_every_screen() -> tuple[int, int, int]:
    """Every screen's cached queries at one data version: (version, events counted, events read)."""
    store = cache.open_store()
    first, last = 2000, 2030
    cache.municipality(store), cache.priority_areas(store), cache.year_span(store)  # overview
    cache.indicator_summary_by_area(store), cache.last_successful_load(store)
    indicators.indicator_board(store, first, last, None), indicators.indicator_series(store, first, last)
    indicators.goals_and_measures(store), indicators.indicators_with_district_data(store)
    events = participation.participation_rows(store, first, last)
    participation.participation_reach(store, first, last, None), participation.participation_departments(store)
    participation_model.participation_districts(store, first, last, None, (), (), (), "fi")
    participation.participation_adoption(store, first, last, (), (), ())
    working_groups.group_activity(store, first, last, None, dt.date(2026, 1, 1))
    working_groups.annual_clock(store, 2025)
    partnerships.ngo_tables(store), partnerships.ngo_board(store, first, last, None, None)
    newest = data_status.newest_run(store)
    data_status.load_runs(store, newest), data_status.source_freshness(store, newest), data_status.audit_log(store)
    data_status.register_versions(store, "events")
    counts = dict(data_status.row_counts(store).iter_rows())
    return store.version, counts["participation_event"], events["event_id"].n_unique()


# About 40 s on a quiet 2-core machine; a shared, loaded one can take several times that.
@pytest.mark.timeout(900)
def test_readers_on_every_screen_see_the_old_or_the_new_load_while_the_app_writes(
        store_url, mini_package, monkeypatch, capsys):
    url, config = store_url, mini_package
    rounds = int(os.environ.get("HYTE_WRITE_SAFETY_ROUNDS") or ROUNDS["sqlite" if is_sqlite(url) else "postgresql"])
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    events = {0: 2}  # data version -> events it holds
    first = worker.refresh(url, config, "nightly (test)")
    assert first.ok, first
    events[first.run_id] = 2

    seen: list[tuple[int, int, int]] = []
    errors: list[BaseException] = []
    retried = 0
    stop = threading.Event()

    def read_repeatedly() -> None:
        nonlocal retried
        while not stop.wait(0.05):  # a breath between reads: the write process needs a core too
            st.cache_data.clear()
            try:
                seen.append(read_every_screen())
            except cache.StoreChanged:
                retried += 1  # a load committed mid-read: the app reruns the screen, and so do we
            except BaseException as exc:  # noqa: BLE001 - reported by the main thread
                errors.append(exc)
                return

    readers = [threading.Thread(target=read_repeatedly) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    current, kinds, slowest = 2, [], 0.0
    try:
        for i in range(rounds):
            started = time.monotonic()
            kind = ("upload", "upload", "restore", "refresh")[i % 4]
            if kind == "upload":
                current = 5 + i
                result = worker.upload(url, config, "events", f"tapahtumat-{i}.csv", events_csv(current, f"r{i}"),
                                       "maija@kunta.fi")
            elif kind == "restore":  # the upload two rounds back
                version = version_id(url, f"tapahtumat-{i - 2}.csv")
                current = 5 + i - 2
                result = worker.restore(url, config, version, "maija@kunta.fi")
            else:
                result = worker.refresh(url, config, "maija@kunta.fi")
            assert result.ok, result
            assert result.outcome == ("unchanged" if kind == "refresh" else "loaded")
            events[result.run_id] = current
            kinds.append(kind)
            slowest = max(slowest, time.monotonic() - started)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    assert not errors, errors
    wrong = [view for view in seen if not (events.get(view[0]) == view[1] == view[2])]
    assert not wrong, f"reads not matching their data version's load: {wrong[:5]} (loads: {events})"
    versions_read = {view[0] for view in seen}
    assert len(versions_read) >= 3, "the readers never overlapped the writes"
    assert table_frame(url, schema.participation_event).height == current  # the last load stands
    if url.startswith("sqlite"):
        with sqlite3.connect(sqlite_path(url)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with capsys.disabled():
        print(f"\n{url.split(':')[0]}: {rounds} writes from the app path ({kinds.count('upload')} uploads, "
              f"{kinds.count('restore')} restores, {kinds.count('refresh')} refreshes), {READERS} readers: "
              f"{len(seen)} reads of every screen over {len(versions_read)} data versions, "
              f"{retried} retried after a commit, {len(errors)} errors; slowest write {slowest:.1f} s")


def version_id(url: str, uploaded_name: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = conn.execute(select(schema.register_version.c.id)
                             .where(schema.register_version.c.uploaded_name == uploaded_name)
                             .order_by(schema.register_version.c.id.desc())).scalar()
    engine.dispose()
    assert found is not None, uploaded_name
    return found


# --- a write process killed mid-upload -----------------------------------------------------------

@pytest.fixture
def popen_seen(monkeypatch) -> list[subprocess.Popen]:
    """The processes data_pipeline.load.worker starts, so a test can kill one."""
    started: list[subprocess.Popen] = []
    real = subprocess.Popen

    class Recorded(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(worker.subprocess, "Popen", Recorded)
    return started


def test_a_write_process_killed_mid_upload_leaves_the_old_data_and_no_trace(store_url, mini_package, monkeypatch,
                                                                            popen_seen):
    url, config = store_url, mini_package
    assert worker.refresh(url, config, "nightly (test)").ok
    before, file_before = dump_store(url), events_file(config).read_bytes()
    audit_before = table_frame(url, schema.audit_log).height

    # 1. Killed inside its write transaction (paused there by tests/killable_refresh.py), the app watching.
    monkeypatch.setattr(worker, "PROGRAM", (sys.executable, str(KILLABLE), "2"))
    killed = []

    def kill_at_the_first_table(step: str, rows: int) -> None:
        if not killed:  # progress comes from inside write_package's transaction
            popen_seen[-1].send_signal(signal.SIGKILL)
            killed.append(step)

    result = worker.upload(url, config, "events", "uusi.csv", events_csv(50, "k"), "maija@kunta.fi",
                           progress=kill_at_the_first_table)
    assert killed and result.status == "failed" and "signal 9" in result.message, result
    assert dump_store(url) == before
    assert events_file(config).read_bytes() == file_before
    assert staging_folders(config) == []
    assert run_statuses(url)[result.run_id] == ("failed", result.message)
    assert table_frame(url, schema.audit_log).height == audit_before  # the upload never happened

    # 2. Killed with nobody watching (the app process died too): the next write cleans up.
    env = {**os.environ, "HYTE_DATABASE_URL": url}
    upload = events_file(config).with_name("upload.csv")
    upload.write_bytes(events_csv(50, "k"))
    orphan = subprocess.Popen([sys.executable, str(KILLABLE), "2", "upload", "--config", str(config),
                               "--register", "events", "--file", str(upload)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    line = orphan.stderr.readline()
    while line and b"paused inside the transaction" not in line:
        line = orphan.stderr.readline()
    assert line, "the upload ended before it reached the kill point"
    orphan.send_signal(signal.SIGKILL)
    orphan.wait()
    orphan.stderr.close()
    upload.unlink()
    left_running = [run for run, (status, _) in run_statuses(url).items() if status == "running"]
    assert len(left_running) == 1 and len(staging_folders(config)) == 1  # what a dead writer leaves
    assert dump_store(url) == before and events_file(config).read_bytes() == file_before

    monkeypatch.setattr(worker, "PROGRAM", (sys.executable, "-m", "data_pipeline.cli"))
    result = worker.upload(url, config, "events", "uusi.csv", events_csv(7, "n"), "maija@kunta.fi")
    assert result.ok and result.register_rows == 7, result
    statuses = run_statuses(url)
    assert statuses[left_running[0]][0] == "failed" and "interrupted" in statuses[left_running[0]][1]
    assert [status for status, _ in statuses.values()].count("running") == 0
    assert staging_folders(config) == []
    assert events_file(config).read_bytes() == events_csv(7, "n")
    if url.startswith("sqlite"):
        with sqlite3.connect(sqlite_path(url)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


# --- the app process never writes --------------------------------------------------------------------

PROBE = """
import json, sys
from data_pipeline.load import refresh as pipeline
from data_pipeline.load import uploads
from data_pipeline.store import writer

def refuse(*args, **kwargs):
    raise AssertionError("the app process wrote the store itself")

for module, name in ((writer, "write_package"), (writer, "adbc_connect"), (pipeline, "write_package"),
                     (pipeline, "refresh_locked"), (uploads, "upload_register")):
    setattr(module, name, refuse)

from support.screen_helpers import open_screen
at = open_screen("data_status.py")
at.selectbox(key="upload.register").set_value("events")
at.file_uploader[0].set_value(("tapahtumat 2025.csv", sys.stdin.buffer.read(), "text/csv"))
at.button[0].click().run()
print(json.dumps({"exceptions": [e.value for e in at.exception], "success": [s.value for s in at.success],
                  "error": [e.value for e in at.error], "adbc": sorted(m for m in sys.modules if "adbc" in m)}))
"""


def test_an_upload_on_the_data_status_screen_runs_outside_the_app_process(mini_package, sqlite_url):
    config = mini_package
    assert worker.refresh(sqlite_url, config, "nightly (test)").ok
    content = events_file(config).read_bytes() + b"e3;Pop up;01.12.2025;02;;;siv;popup;action;25;;\n"
    env = {**os.environ, "HYTE_DATABASE_URL": sqlite_url, "PYTHONPATH": str(TESTS)}
    done = subprocess.run([sys.executable, "-c", PROBE], input=content, capture_output=True, env=env,
                          cwd=TESTS.parent, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    shown = json.loads(done.stdout.decode().strip().splitlines()[-1])
    assert shown["exceptions"] == [] and shown["error"] == [], shown
    assert shown["success"] == [translate("up.loaded", "fi", file=plain("tapahtumat 2025.csv"), rows="3",
                                          register=f"{R.REGISTERS['events'].fi} (events)")]
    assert shown["adbc"] == []  # the app process never loaded the ADBC writer's SQLite (or PostgreSQL)
    assert events_file(config).read_bytes() == content
    audit = table_frame(sqlite_url, schema.audit_log).sort("id").select("actor", "action", "file_name", "rows").rows()
    assert audit[-1][1:] == ("upload", "tapahtumat 2025.csv", 3)
