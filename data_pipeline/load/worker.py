"""Every write the app starts runs here: in a process of its own, through the `hyte` command.

Why a process: the app's readers use Python's sqlite3 and the loader ADBC's own bundled SQLite. Two
SQLite libraries on one file in one process do not see each other's POSIX locks (closing a
connection in one drops the locks the other holds: SQLite's "how to corrupt a database" list), so
the app process never writes. It starts `python -m data_pipeline.cli upload|restore|refresh …
--json-progress`, the same code as `hyte refresh`, and reads the JSON lines it prints
(data_pipeline.load.progress holds the protocol, both ends).

If the process ends without a result (killed, crashed), the runner marks its run failed and removes its staging folder; the next write of the package would too
(data_pipeline.store.recovery). The store URL reaches the child in its environment, never on its command
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
from pathlib import Path
from typing import TextIO

from data_pipeline.i18n import msg, spoken
from data_pipeline.load.progress import Progress, WriteResult, parse_event, result_from_event
from data_pipeline.store.engine import make_engine
from data_pipeline.store.recovery import abandon_run, remove_staging

log = logging.getLogger(__name__)

# The command the app runs; tests put a pausing stand-in in front (tests/support/killable_refresh.py).
PROGRAM: tuple[str, ...] = (sys.executable, "-m", "data_pipeline.cli")

def upload(url: str, config: Path, register: str, file_name: str, content: bytes, actor: str,
           progress: Progress | None = None, allow_empty: bool = False, lang: str | None = None, *,
           expect_version: str | None = None, action: str = "upload") -> WriteResult:
    """Upload `content` as the package's `register` (validated and loaded as `hyte refresh` would);
    `allow_empty`: the person confirmed that a file with no rows is to empty the register. `lang`, here
    and below: the language of the messages and problems (the person's); by default the one fixed by
    `speaking` around the call (the app's write panels), else the package's. A register editor's save
    passes `expect_version` (the version it started from: a register changed since is refused as a
    "conflict") and `action="edit"` (the change log's word for it)."""
    fd, temp = tempfile.mkstemp(prefix="hyte-upload-", suffix=Path(file_name).suffix.lower())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        return run(["upload", "--config", str(config), "--register", register, "--file", temp,
                    "--name", file_name, "--actor", actor, *(["--allow-empty"] if allow_empty else []),
                    *(["--expect-version", expect_version] if expect_version else []),
                    *(["--action", action] if action != "upload" else [])],
                   url, config, progress, lang)
    finally:
        os.unlink(temp)


def restore(url: str, config: Path, version_id: int, actor: str, progress: Progress | None = None,
            allow_empty: bool = False, lang: str | None = None) -> WriteResult:
    return run(["restore", "--config", str(config), "--version", str(version_id), "--actor", actor,
                *(["--allow-empty"] if allow_empty else [])], url, config, progress, lang)


def all_problems(config: Path, register: str, file_name: str, content: bytes, out: Path,
                 lang: str | None = None) -> int | None:
    """Every problem of `content` as the package's `register`, written to `out` (.txt or .zip) by a process
    of its own (`hyte check … --all-problems`: nothing is loaded); how many, or None if it failed."""
    fd, temp = tempfile.mkstemp(prefix="hyte-upload-", suffix=Path(file_name).suffix.lower())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        return _problem_list(["check", "--config", str(config), "--register", register, "--file", temp,
                              "--name", file_name, "--all-problems", str(out)], out, lang)
    finally:
        os.unlink(temp)


def package_problems(config: Path, out: Path, lang: str | None = None) -> int | None:
    """Every problem of the package as it is (what a refused refresh found), written to `out` (.txt or .zip)
    by a process of its own (`hyte check --all-problems`: nothing is loaded); how many, or None if it failed."""
    return _problem_list(["check", "--config", str(config), "--all-problems", str(out)], out, lang)


def _problem_list(args: list[str], out: Path, lang: str | None) -> int | None:
    done = subprocess.run([*PROGRAM, *_language(lang or spoken()), *args], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if done.returncode not in (0, 1) or not out.is_file():
        log.error("the problem list process failed (exit %s): %s", done.returncode, done.stderr[-2000:])
        return None
    try:
        return int(done.stdout.split()[0])
    except (IndexError, ValueError):
        return None


def plan(url: str, config: Path, edits: list[dict], actor: str, progress: Progress | None = None,
         lang: str | None = None) -> WriteResult:
    """The plan screen's `edits` (data_pipeline.load.plan.apply_edits) written, validated and loaded."""
    fd, temp = tempfile.mkstemp(prefix="hyte-plan-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(edits, handle, ensure_ascii=False, default=str)
        return run(["plan", "--config", str(config), "--edits", temp, "--actor", actor], url, config, progress, lang)
    finally:
        os.unlink(temp)


def refresh(url: str, config: Path, actor: str, progress: Progress | None = None,
            lang: str | None = None) -> WriteResult:
    return run(["refresh", "--config", str(config), "--actor", actor, "--label", "refresh (app)"],
               url, config, progress, lang)


def _language(lang: str | None) -> list[str]:
    return ["--lang", lang] if lang else []


def run(args: list[str], url: str, config: Path, progress: Progress | None = None,
        lang: str | None = None) -> WriteResult:
    """Run `hyte ARGS --json-progress` against the store at `url`, passing its progress on as it comes."""
    lang = lang or spoken()
    env = {**os.environ, "HYTE_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*PROGRAM, *_language(lang), *args, "--json-progress"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8", errors="replace")
    stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
    drain = threading.Thread(target=_drain, args=(proc.stderr, stderr_tail), daemon=True)
    drain.start()
    run_id: int | None = None
    result: WriteResult | None = None
    try:
        for line in proc.stdout:
            event = parse_event(line)
            kind = event.get("event")
            if kind == "run":
                run_id = event["run_id"]
            elif kind == "progress" and progress is not None:
                progress(event["step"], event["rows"])
            elif kind == "result":
                result = result_from_event(event)
    except BaseException:
        # The caller stopped listening (a visitor left the page: Streamlit stops the script). The write
        # goes on and ends on its own; a thread reaps the process and cleans up should it die.
        threading.Thread(target=_finish, args=(proc, drain, url, config, run_id, stderr_tail, None, lang),
                         daemon=True).start()
        raise
    return _finish(proc, drain, url, config, run_id, stderr_tail, result, lang)


def _drain(stream: TextIO, tail: collections.deque) -> None:
    for line in stream:
        tail.append(line.rstrip("\n"))
        log.debug("write process: %s", line.rstrip())


def _finish(proc: subprocess.Popen, drain: threading.Thread, url: str, config: Path, run_id: int | None,
            stderr_tail: collections.deque, result: WriteResult | None = None,
            lang: str | None = None) -> WriteResult:
    if result is None:  # read what is left (the caller stopped listening), looking only for the run id
        for line in proc.stdout:
            run_id = parse_event(line).get("run_id", run_id)
    code = proc.wait()
    drain.join(timeout=5)
    proc.stdout.close()
    if result is not None:
        return result
    return cleanup_dead_writer(url, config, proc.pid, run_id, code, list(stderr_tail), lang)


def cleanup_dead_writer(url: str, config: Path, pid: int, run_id: int | None, code: int,
                        stderr: list[str], lang: str | None = None) -> WriteResult:
    """The write process `pid` ended without a result: its run is marked failed and its staging folder
    removed (its transaction was never committed, so the store's data are the old ones)."""
    how = f"signal {-code}" if code < 0 else f"exit {code}"
    last = next((line for line in reversed(stderr) if line.strip()), "")
    note = msg("run.writer_died_said", how=how, last=last) if last else msg("run.writer_died", how=how)
    message = note.text(lang)
    log.error("write process %d (%s) ended without a result; run %s; stderr: %s", pid, how, run_id,
              " | ".join(stderr))
    if run_id is not None:
        engine = make_engine(url)
        try:
            abandon_run(engine, run_id, message)  # as the person was told it
        finally:
            engine.dispose()
    remove_staging(Path(config).parent, pid)
    return WriteResult("failed", "failed", run_id, message=message)
