"""Runs a refresh: extract and validate the package, then load it in one transaction, and log the run."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from sqlalchemy import Engine, insert, select, update

from data_pipeline.i18n import Message, joined, msg, msg_n, stored
from data_pipeline.inputs.config import ConfigError, load_config
from data_pipeline.inputs.problems import Problem
from data_pipeline.load.check import validate_package
from data_pipeline.load.package import (
    REGISTER_TABLES, WHOLE_PACKAGE_REGISTERS, Source, build_register_tables, content_hashes, hash_files,
    population_warnings)
from data_pipeline.sources import boundaries, sotkanet
from data_pipeline.sources import paavo as statfi
from data_pipeline.sources.http import HttpSession, session_for
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine, upgrade
from data_pipeline.store.recovery import INTERRUPTED, abandon_run, recover_abandoned
from data_pipeline.store.writer import Progress, write_package

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    run_id: int
    status: str  # success | unchanged | rejected | failed
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    message: str | None = None  # `note` in the pipeline's language
    warnings: list[Problem] = field(default_factory=list)  # loaded, but something a screen cannot show
    note: Message | str | None = None  # the message as the store keeps it (every language)

    @property
    def ok(self) -> bool:
        return self.status in ("success", "unchanged")


def _result(run_id: int, status: str, note: Message | str | None = None, **more) -> RunResult:
    return RunResult(run_id, status, message=None if note is None else str(note), note=note, **more)


@dataclass(frozen=True)
class Change:
    """Who asked for a load and why: logged in the audit table in the load's own transaction."""

    actor: str
    action: str = "refresh"  # refresh | upload | restore
    register: str | None = None
    file_name: str | None = None
    rows: int | None = None  # the register's rows (upload, restore); a refresh logs all rows loaded
    versions: tuple[dict, ...] = ()  # register_version rows saved with the load


@contextlib.contextmanager
def package_lock(config_path: str | Path):
    """Hold the package exclusively: a nightly refresh and an upload from the app never interleave.

    flock on the config file itself (opened read-only, never changed): no lock file to clean up,
    released by the kernel if the process dies. Threads of one app process each open their own
    file description, so two sessions' uploads queue behind each other too.
    """
    try:
        handle = open(config_path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield  # nothing to protect: the refresh reports the missing config
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def log_refusal(engine: Engine, change: Change, run_id: int | None, message: Message | str) -> None:
    """A change that was refused (rejected input, failed load) is logged too, in its own transaction."""
    with engine.begin() as conn:
        conn.execute(insert(schema.audit_log).values(
            at=_now(), actor=change.actor, action="rejected", register=change.register,
            file_name=change.file_name, rows=change.rows, run_id=run_id,
            message=stored(msg("run.refused", action=msg(f"audit.action.{change.action}"), message=message))))


def load_failed(exc: Exception) -> Message:
    """A load that failed on an error of its own (not the input's): said in every language, with the error
    as the system gave it (its words are the library's, for whoever looks into it)."""
    return msg("run.load_failed", error=f"{type(exc).__name__}: {exc}")


def _log_rows(change: Change | None, run_id: int, rows: dict[str, int]) -> dict[str, pl.DataFrame] | None:
    if change is None:
        return None
    now = _now()
    total = change.rows if change.rows is not None else sum(rows.values())
    out = {"audit_log": pl.DataFrame([{
        "at": now, "actor": change.actor, "action": change.action, "register": change.register,
        "file_name": change.file_name, "rows": total, "run_id": run_id, "message": None}],
        schema={"at": pl.Datetime("us", "UTC"), "actor": pl.Utf8, "action": pl.Utf8, "register": pl.Utf8,
                "file_name": pl.Utf8, "rows": pl.Int64, "run_id": pl.Int64, "message": pl.Utf8})}
    if change.versions:
        out["register_version"] = pl.DataFrame(
            [{**v, "saved_at": now} for v in change.versions],
            schema={"register": pl.Utf8, "file_name": pl.Utf8, "uploaded_name": pl.Utf8, "content": pl.Binary,
                    "sha256": pl.Utf8, "rows": pl.Int64, "origin": pl.Utf8, "actor": pl.Utf8,
                    "saved_at": pl.Datetime("us", "UTC")})
    return out


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def start_run(engine: Engine, command: str, config_path: str | None) -> int:
    with engine.begin() as conn:
        return conn.execute(
            insert(schema.load_run).values(started_at=_now(), status="running", command=command,
                                           config_path=config_path).returning(schema.load_run.c.id)
        ).scalar_one()


def finish_run(engine: Engine, run_id: int, status: str, message: Message | str | None,
               problems: list[Problem] = (), rows: dict | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(update(schema.load_run).where(schema.load_run.c.id == run_id).values(
            status=status, finished_at=_now(), message=stored(message),
            rows_json=json.dumps(rows) if rows is not None else None))
        if problems:
            conn.execute(insert(schema.rejected_input), [
                {"run_id": run_id, "file": p.file, "line": p.line, "column_name": p.column,
                 "message": stored(p.message)}
                for p in problems
            ])


def mark_stale(engine: Engine, sources: list[str], message: Message | str) -> None:
    """A source that failed keeps its data but is marked stale, with why."""
    now = _now()
    with engine.begin() as conn:
        for name in sources:
            existing = conn.execute(select(schema.source_freshness.c.source)
                                    .where(schema.source_freshness.c.source == name)).first()
            values = {"status": "stale", "last_attempt_at": now, "message": stored(message)}
            if existing:
                conn.execute(update(schema.source_freshness).where(schema.source_freshness.c.source == name).values(**values))
            else:
                conn.execute(insert(schema.source_freshness).values(source=name, **values))


def _stored_hashes(engine: Engine) -> dict[str, str | None]:
    with engine.connect() as conn:
        return dict(conn.execute(select(schema.source_freshness.c.source, schema.source_freshness.c.content_hash)).all())


def _config_source(path: Path) -> Source:
    return Source("config", hashlib.sha256(path.read_bytes()).hexdigest())


def _fetch_sotkanet(config, engine: Engine, run_id: int, progress,
                    session: HttpSession) -> tuple[Message | None, RunResult | None]:
    """Update the Sotkanet cache. Returns a stale-message to record, or a failed result to return."""
    report = sotkanet.fetch(config, session, progress=progress)
    log.info("sotkanet: %d requests, %d downloaded, %d unchanged, %d failed", report.requests,
             len(report.downloaded), len(report.unchanged), len(report.failed))
    if report.ok:
        return None, None
    cache = config.sotkanet_cache_dir
    message = sotkanet.summary(report, cache)
    missing = [key for key in report.failed
               if not (cache / ("regions.json" if key == "regions" else f"data/{key}.json")).is_file()]
    if missing:
        mark_stale(engine, ["sotkanet"], message)
        finish_run(engine, run_id, "failed", message)
        return None, _result(run_id, "failed", message)
    # Every failed indicator has an earlier response in the cache: load from it, and say it is stale.
    return message, None


def _fetch_sources(config, engine: Engine, run_id: int, progress, sotkanet: bool, paavo: bool,
                   session: HttpSession, stale: dict[str, Message]) -> RunResult | None:
    """Bring the Sotkanet and Paavo caches up to date; fills `stale`, or returns the failed result."""
    if sotkanet:
        message, failed = _fetch_sotkanet(config, engine, run_id, progress, session)
        if failed:
            return failed
        if message:
            stale["sotkanet"] = message
    if paavo:
        error = statfi.fetch(config, session)
        if error:
            mark_stale(engine, ["districts"], error)
            if not statfi.cache_path(config).is_file():
                finish_run(engine, run_id, "failed", error)
                return _result(run_id, "failed", error)
            stale["districts"] = error
    return None


def store_matches(config, engine: Engine) -> bool:
    """Whether the store is a load of the package exactly as it is on disk (every source's hash the last
    load's): then an upload of one register changes only that register's tables."""
    hashes = content_hashes(config)
    if hashes is None:
        return False
    hashes["config"] = _config_source(config.path).content_hash
    with engine.connect() as conn:
        previous = {row.source: row.content_hash for row in conn.execute(
            select(schema.source_freshness.c.source, schema.source_freshness.c.content_hash))}
    return bool(previous) and previous == hashes


def _unchanged_without_reading(config, engine: Engine, url: str, run_id: int, progress,
                               change: Change | None) -> RunResult | None:
    """The "unchanged" result, when every source's hash equals the last load's; else None (build it).

    The hashes need only the files' bytes, not their parsing and validation, which is most of an
    unchanged national refresh (benchmarks/national.py). A package identical to one loaded before was
    valid then; the store already holds exactly its rows.
    """
    hashes = content_hashes(config)
    if hashes is None:
        return None
    hashes["config"] = _config_source(config.path).content_hash
    f, r = schema.source_freshness, schema.load_run
    with engine.connect() as conn:
        previous = {row["source"]: dict(row) for row in conn.execute(select(f)).mappings()}
        last_rows = conn.execute(select(r.c.rows_json).where(r.c.status == "success")
                                 .order_by(r.c.id.desc()).limit(1)).scalar()
    if not previous or set(previous) != set(hashes) or any(previous[n]["content_hash"] != h for n, h in hashes.items()):
        return None
    now = _now()
    freshness = [{**previous[name], "status": "fresh", "last_success_at": now, "last_attempt_at": now, "message": None}
                 for name in sorted(previous)]
    skip = frozenset(t.name for t in schema.DATA_TABLES)
    rows = json.loads(last_rows) if last_rows else {}
    try:
        # Logged like any other run: the change log says who refreshed, even when nothing changed.
        write_package(url, {}, run_id, freshness, progress, skip_tables=skip, rows=rows,
                      log_rows=_log_rows(change, run_id, rows))
    except Exception as exc:
        log.exception("recording the unchanged run of %s failed", config.path)
        finish_run(engine, run_id, "failed", load_failed(exc))
        return _result(run_id, "failed", str(exc))
    return _result(run_id, "unchanged", msg("run.no_changes"), rows=rows)


def _load_register_alone(config, url: str, engine: Engine, run_id: int, progress, change: Change | None,
                         register: str) -> RunResult | None:
    """One register's load into a store holding the rest of the package exactly (store_matches): the
    registers it can affect checked (package.build_register_tables), its tables and the aggregates
    computed from them written in one transaction, the other sources' freshness carried over. What a full
    load would leave, without reading what did not change (a register editor's save at national scale:
    the districts' GeoJSON, the Sotkanet cache, ranks and profiles). None: a full load is needed (no
    complete row count of the last load to carry over)."""
    f, r, d = schema.source_freshness, schema.load_run, schema.district
    with engine.connect() as conn:
        previous = {row["source"]: dict(row) for row in conn.execute(select(f)).mappings()}
        last_rows = conn.execute(select(r.c.rows_json).where(r.c.status == "success")
                                 .order_by(r.c.id.desc()).limit(1)).scalar()
        districts = None
        if config.districts_file is not None:
            districts = pl.DataFrame(conn.execute(select(d.c.code, d.c.name_fi, d.c.geometry)).all(),
                                     schema={"code": pl.Utf8, "name_fi": pl.Utf8, "geometry": pl.Utf8}, orient="row")
    rows = json.loads(last_rows) if last_rows else {}
    if set(rows) != {t.name for t in schema.DATA_TABLES}:
        return None
    tables, files, problems = build_register_tables(config, register, districts)
    if problems:
        message = msg_n("run.input_rejected", len(problems))
        finish_run(engine, run_id, "rejected", message, problems)
        return _result(run_id, "rejected", message, problems=problems)
    now = _now()
    sources = {name: {**row, "status": "fresh", "last_success_at": now, "last_attempt_at": now, "message": None}
               for name, row in previous.items()}
    sources.pop("registers", None)
    if files:
        sources["registers"] = {"source": "registers", "status": "fresh", "last_success_at": now,
                                "last_attempt_at": now, "data_updated": None, "content_hash": hash_files(files),
                                "attribution": None}
    rows.update({name: frame.height for name, frame in tables.items()})
    skip = frozenset(t.name for t in schema.DATA_TABLES) - REGISTER_TABLES[register]
    try:
        rows = write_package(url, tables, run_id, [sources[n] for n in sorted(sources)], progress, skip_tables=skip,
                             rows=rows, log_rows=_log_rows(change, run_id, rows))
    except Exception as exc:
        log.exception("load of %s's %s failed", config.path, register)
        finish_run(engine, run_id, "failed", load_failed(exc))
        return _result(run_id, "failed", str(exc))
    return _result(run_id, "success", None, rows=rows)


def refresh(config_path: str | Path, url: str, command: str = "refresh", progress: Progress | None = None,
            engine: Engine | None = None, offline: bool = False, change: Change | None = None,
            started: Callable[[int], None] | None = None) -> RunResult:
    """Load the package named by `config_path` into the store at `url`.

    Unless `offline` (or the package is recorded, `[sotkanet] offline = true`), Sotkanet's indicators
    are fetched into the package's cache first. On rejected input, every problem is recorded and
    returned, and the store's data is unchanged. A package identical to the last load is not rewritten.
    With `change`, the load is logged in the audit table (who, what) in the same transaction.
    `started` is told the run's id as soon as it is logged (the app's write process reports it, so
    the app can mark the run failed should the process die).
    """
    with package_lock(config_path):
        return refresh_locked(config_path, url, command, progress, engine, offline, change, started=started)


def refresh_locked(config_path: str | Path, url: str, command: str = "refresh", progress: Progress | None = None,
                   engine: Engine | None = None, offline: bool = False, change: Change | None = None,
                   registers_dir: Path | None = None, started: Callable[[int], None] | None = None,
                   staged_config: Path | None = None, only_register: str | None = None) -> RunResult:
    """`refresh` for a caller already holding `package_lock`; `registers_dir` replaces the package's
    registers folder (an upload validates and loads a staged copy before it touches the package), and
    `staged_config` its hyte.toml (a plan change: a file beside it, so its paths resolve the same).
    `only_register`: the store is a load of the package as it was, and only this register differs
    (an upload, checked by `store_matches`), so only its tables are rewritten; the whole package is
    validated all the same."""
    engine = engine or make_engine(url)
    upgrade(engine)
    # Absolute: the run log names the package to the app, which may run from another folder.
    config_path = Path(config_path).resolve()
    recover_abandoned(engine, config_path)  # what a killed writer of this package left behind
    run_id = start_run(engine, command, str(config_path))
    if started is not None:
        started(run_id)
    try:
        result = _refresh(Path(staged_config or config_path), url, command, progress, engine, offline, change,
                          registers_dir, run_id, only_register)
    except BaseException as exc:
        # A bug or Ctrl-C: the store is unchanged (nothing committed), and the run must not stay `running`.
        message = load_failed(exc) if isinstance(exc, Exception) else INTERRUPTED
        try:
            abandon_run(engine, run_id, message)
        except Exception:  # noqa: BLE001 - the original error matters more; the next write cleans up
            log.exception("could not mark run %d failed", run_id)
        raise
    if change is not None and not result.ok:
        log_refusal(engine, change, run_id, result.note or result.status)
    return result


def _refresh(config_path: Path, url: str, command: str, progress: Progress | None, engine: Engine,
             offline: bool, change: Change | None, registers_dir: Path | None, run_id: int,
             only_register: str | None = None) -> RunResult:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        message = msg_n("run.config_rejected", len(exc.problems), file=config_path.name)
        finish_run(engine, run_id, "rejected", message, exc.problems)
        return _result(run_id, "rejected", message, problems=exc.problems)
    if registers_dir is not None:
        config = dataclasses.replace(config, registers_dir=registers_dir)

    stale: dict[str, Message] = {}  # source -> why its fresh copy could not be had (loaded from the cache)
    sotkanet = not (offline or config.sotkanet_offline) and any(i.source == "sotkanet" for i in config.indicators)
    paavo = not offline and config.districts_source == "paavo"
    if sotkanet or paavo:
        with session_for(config) as session:  # one connection pool and circuit breaker for the whole refresh
            failed = _fetch_sources(config, engine, run_id, progress, sotkanet, paavo, session, stale)
        if failed:
            return failed
    if not offline and config.boundaries_year is not None:
        error = boundaries.fetch(config)  # once: nothing is requested when the package has the file
        if error:
            # The map is an extra: the indicators still load, and the data status says what is missing.
            mark_stale(engine, ["boundaries"], error)
            stale["boundaries"] = error

    if not stale:
        quick = _unchanged_without_reading(config, engine, url, run_id, progress, change)
        if quick is not None:
            return quick
    if only_register is not None and not stale and only_register not in WHOLE_PACKAGE_REGISTERS:
        alone = _load_register_alone(config, url, engine, run_id, progress, change, only_register)
        if alone is not None:
            return alone
    package, problems = validate_package(config, command="refresh", offline=offline)
    if problems:
        message = msg_n("run.input_rejected", len(problems))
        finish_run(engine, run_id, "rejected", message, problems)
        return _result(run_id, "rejected", message, problems=problems)

    now = _now()
    sources = [_config_source(config.path), *package.sources]
    hashes = _stored_hashes(engine)
    unchanged = hashes and all(hashes.get(s.name) == s.content_hash for s in sources) \
        and set(hashes) == {s.name for s in sources}
    freshness = [{"source": s.name, "status": "fresh", "last_success_at": now, "last_attempt_at": now,
                  "data_updated": s.data_updated, "content_hash": s.content_hash, "attribution": s.attribution}
                 for s in sources]
    for item in freshness:
        if item["source"] in stale:
            item.update(status="stale", message=stored(stale[item["source"]]))
            unchanged = False
    skip = frozenset(t.name for t in schema.DATA_TABLES) if unchanged else frozenset()
    if not unchanged and only_register is not None and not stale:
        skip = frozenset(t.name for t in schema.DATA_TABLES) - REGISTER_TABLES[only_register]
    try:
        rows = write_package(url, package.tables, run_id, freshness, progress, skip_tables=skip,
                             log_rows=_log_rows(change, run_id, {n: f.height for n, f in package.tables.items()}))
    except Exception as exc:
        log.exception("load of %s into %s failed", config_path, engine.url.render_as_string(hide_password=True))
        finish_run(engine, run_id, "failed", load_failed(exc))
        return _result(run_id, "failed", str(exc))
    warnings = population_warnings(config, package)
    if unchanged:
        return _result(run_id, "unchanged", msg("run.no_changes"), rows=rows, warnings=warnings)
    return _result(run_id, "success", joined(list(stale.values())) or None, rows=rows, warnings=warnings)
