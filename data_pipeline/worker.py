"""Every write the app starts runs here: in a process of its own, through the `hyte` command.

Why a process: the app's readers use Python's sqlite3 and the loader ADBC's own bundled SQLite. Two
SQLite libraries on one file in one process do not see each other's POSIX locks (closing a
connection in one drops the locks the other holds: SQLite's "how to corrupt a database" list), so
the app process never writes. It starts `python -m data_pipeline.cli upload|restore|refresh …
--json-progress`, the same code as `hyte refresh`, and reads one JSON object a line from its stdout:

    {"event": "run", "run_id": 17}                              the load run is logged
    {"event": "progress", "step": "events", "rows": 3, "message": "events: 3 rows"}
    {"event": "result", "status": "ok"|"rejected"|"failed", "outcome": "loaded"|"success"|"unchanged"|…,
     "run_id": 17, "rows": {table: rows}, "register_rows": 3, "problems": ["file:line: column: message", …],
     "problem_count": 900000, "at_least": false, "would_empty": 404 | null, "message": "…"}

`would_empty`: the file was refused because it would empty its register, whose rows (that many) would
disappear; the screen asks to confirm and writes again with `--allow-empty`. The full problem list of a
refused upload is made by another child, `hyte check --register R --file F --all-problems OUT`
(`all_problems`), so even 900 000 lines never pass through the app's memory.

The pipeline lists at most 200 problems a file and counts the rest (data_pipeline.problems); at most
MAX_PROBLEM_LINES lines are sent in all, so a package of many flooded files still costs the app
only kilobytes. `problem_count` is what the list stands for (`at_least`: checking stopped early). If the process ends without a result (killed, crashed), the
runner marks its run failed and removes its staging folder; the next write of the package would too
(data_pipeline.recovery). The store URL reaches the child in its environment, never on its command
line (where `ps` would show a PostgreSQL password); the uploaded bytes in a temporary file.
"""

from __future__ import annotations

import collections
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from data_pipeline.problems import Problem
from data_pipeline.problems import count as count_problems
from data_pipeline.problems import count_is_lower_bound
from data_pipeline.recovery import abandon_run, remove_staging
from data_pipeline.store import make_engine

log = logging.getLogger(__name__)

MAX_PROBLEM_LINES = 2_000
# The command the app runs; tests put a pausing stand-in in front (tests/killable_refresh.py).
PROGRAM: tuple[str, ...] = (sys.executable, "-m", "data_pipeline.cli")
STATUS = {"success": "ok", "loaded": "ok", "unchanged": "ok", "rejected": "rejected"}

Progress = Callable[[str, int], None]


@dataclass
class WriteResult:
    """What a write process reported (or, when it died, what the runner found)."""

    status: str  # ok | rejected | failed
    outcome: str  # loaded | success | unchanged | rejected | failed
    run_id: int | None = None
    rows: dict[str, int] = field(default_factory=dict)  # rows per store table after the load
    register_rows: int | None = None  # an upload's or restore's rows in its register
    problems: list[str] = field(default_factory=list)  # as `hyte refresh` lists them, at most MAX_PROBLEM_LINES
    problem_count: int = 0  # what the list stands for
    at_least: bool = False  # checking stopped early: there may be more
    message: str | None = None
    would_empty: int | None = None  # refused: the file would empty its register, and these rows disappear

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# --- the child's side ----------------------------------------------------------------------------

class JsonLines:
    """The write process's stdout protocol: progress and the run id as they happen, then the result."""

    def __init__(self, out: TextIO | None = None):
        self.out = out or sys.stdout
        self.run_id: int | None = None

    def _emit(self, event: dict) -> None:
        self.out.write(json.dumps(event, ensure_ascii=False) + "\n")
        self.out.flush()  # the app shows each step as it happens

    def started(self, run_id: int) -> None:
        self.run_id = run_id
        self._emit({"event": "run", "run_id": run_id})

    def __call__(self, step: str, rows: int) -> None:
        self._emit({"event": "progress", "step": step, "rows": rows, "message": f"{step}: {rows} rows"})

    def result(self, outcome: str, *, run_id: int | None = None, rows: dict | None = None,
               register_rows: int | None = None, problems: Sequence[Problem] = (),
               message: str | None = None, would_empty: int | None = None) -> None:
        self._emit({"event": "result", "status": STATUS.get(outcome, "failed"), "outcome": outcome,
                    "run_id": run_id if run_id is not None else self.run_id, "rows": rows or {},
                    "register_rows": register_rows,
                    "problems": [str(p) for p in problems[:MAX_PROBLEM_LINES]],
                    "problem_count": count_problems(problems), "at_least": count_is_lower_bound(problems),
                    "would_empty": would_empty, "message": message})


# --- the app's side ------------------------------------------------------------------------------

def upload(url: str, config: Path, register: str, file_name: str, content: bytes, actor: str,
           progress: Progress | None = None, allow_empty: bool = False) -> WriteResult:
    """Upload `content` as the package's `register` (validated and loaded as `hyte refresh` would);
    `allow_empty`: the person confirmed that a file with no rows is to empty the register."""
    fd, temp = tempfile.mkstemp(prefix="hyte-upload-", suffix=Path(file_name).suffix.lower())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        return run(["upload", "--config", str(config), "--register", register, "--file", temp,
                    "--name", file_name, "--actor", actor, *(["--allow-empty"] if allow_empty else [])],
                   url, config, progress)
    finally:
        os.unlink(temp)


def restore(url: str, config: Path, version_id: int, actor: str, progress: Progress | None = None,
            allow_empty: bool = False) -> WriteResult:
    return run(["restore", "--config", str(config), "--version", str(version_id), "--actor", actor,
                *(["--allow-empty"] if allow_empty else [])], url, config, progress)


def all_problems(config: Path, register: str, file_name: str, content: bytes, out: Path) -> int | None:
    """Every problem of `content` as the package's `register`, written to `out` (.txt or .zip) by a process
    of its own (`hyte check … --all-problems`: nothing is loaded); how many, or None if it failed."""
    fd, temp = tempfile.mkstemp(prefix="hyte-upload-", suffix=Path(file_name).suffix.lower())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        done = subprocess.run([*PROGRAM, "check", "--config", str(config), "--register", register, "--file", temp,
                               "--name", file_name, "--all-problems", str(out)], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, encoding="utf-8", errors="replace",
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    finally:
        os.unlink(temp)
    if done.returncode not in (0, 1) or not out.is_file():
        log.error("the problem list process failed (exit %s): %s", done.returncode, done.stderr[-2000:])
        return None
    try:
        return int(done.stdout.split()[0])
    except (IndexError, ValueError):
        return None


def refresh(url: str, config: Path, actor: str, progress: Progress | None = None) -> WriteResult:
    return run(["refresh", "--config", str(config), "--actor", actor, "--label", "refresh (app)"],
               url, config, progress)


def run(args: list[str], url: str, config: Path, progress: Progress | None = None) -> WriteResult:
    """Run `hyte ARGS --json-progress` against the store at `url`, passing its progress on as it comes."""
    env = {**os.environ, "HYTE_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*PROGRAM, *args, "--json-progress"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8", errors="replace")
    stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
    drain = threading.Thread(target=_drain, args=(proc.stderr, stderr_tail), daemon=True)
    drain.start()
    run_id: int | None = None
    result: WriteResult | None = None
    try:
        for line in proc.stdout:
            event = _parse(line)
            kind = event.get("event")
            if kind == "run":
                run_id = event["run_id"]
            elif kind == "progress" and progress is not None:
                progress(event["step"], event["rows"])
            elif kind == "result":
                result = _result(event)
    except BaseException:
        # The caller stopped listening (a visitor left the page: Streamlit stops the script). The write
        # goes on and ends on its own; a thread reaps the process and cleans up should it die.
        threading.Thread(target=_finish, args=(proc, drain, url, config, run_id, stderr_tail), daemon=True).start()
        raise
    return _finish(proc, drain, url, config, run_id, stderr_tail, result)


def _drain(stream: TextIO, tail: collections.deque) -> None:
    for line in stream:
        tail.append(line.rstrip("\n"))
        log.debug("write process: %s", line.rstrip())


def _parse(line: str) -> dict:
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        event = None
    if not isinstance(event, dict):
        log.info("write process said: %s", line.rstrip())
        return {}
    return event


def _result(event: dict) -> WriteResult:
    return WriteResult(event["status"], event["outcome"], event.get("run_id"), event.get("rows") or {},
                       event.get("register_rows"), list(event.get("problems") or ()),
                       int(event.get("problem_count") or 0), bool(event.get("at_least")), event.get("message"),
                       event.get("would_empty"))


def _finish(proc: subprocess.Popen, drain: threading.Thread, url: str, config: Path, run_id: int | None,
            stderr_tail: collections.deque, result: WriteResult | None = None) -> WriteResult:
    if result is None:  # read what is left (the caller stopped listening), looking only for the run id
        for line in proc.stdout:
            run_id = _parse(line).get("run_id", run_id)
    code = proc.wait()
    drain.join(timeout=5)
    proc.stdout.close()
    if result is not None:
        return result
    return cleanup_dead_writer(url, config, proc.pid, run_id, code, list(stderr_tail))


def cleanup_dead_writer(url: str, config: Path, pid: int, run_id: int | None, code: int,
                        stderr: list[str]) -> WriteResult:
    """The write process `pid` ended without a result: its run is marked failed and its staging folder
    removed (its transaction was never committed, so the store's data are the old ones)."""
    how = f"signal {-code}" if code < 0 else f"exit {code}"
    last = next((line for line in reversed(stderr) if line.strip()), "")
    message = f"kirjoittava prosessi päättyi kesken / the write process ended unexpectedly ({how})" + \
              (f": {last}" if last else "")
    log.error("write process %d (%s) ended without a result; run %s; stderr: %s", pid, how, run_id,
              " | ".join(stderr))
    if run_id is not None:
        engine = make_engine(url)
        try:
            abandon_run(engine, run_id, message)
        finally:
            engine.dispose()
    remove_staging(Path(config).parent, pid)
    return WriteResult("failed", "failed", run_id, message=message)
