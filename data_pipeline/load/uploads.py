"""Register uploads and restores from the app: validated and loaded exactly as `hyte refresh` does.

Design (README, "Uploads and the data package"): the data package on disk stays the one source of
truth. An upload is staged beside the package (a copy of its registers folder with the new file in
place), and the ordinary refresh validates and loads that staged package in one transaction, with
the audit row and the file's bytes (register_version) in the same transaction. Only a clean,
committed load moves the file into the package's registers folder, so a later `hyte refresh` (the
nightly timer) loads the uploaded register again instead of undoing it. A rejected file never
reaches the package or the store. Every version stays in the store and can be restored the same way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from data_pipeline.i18n import msg, msg_n
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import ConfigError, load_config
from data_pipeline.inputs.problems import Problem
from data_pipeline.inputs.readers import read_register_file
from data_pipeline.inputs.register_rows import NO_FILE, register_file, row_changes, rows_of_content, version_of
from data_pipeline.load.package import find_register
from data_pipeline.load.refresh import Change, package_lock, refresh_locked, store_matches
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine
from data_pipeline.store.recovery import staging_prefix
from data_pipeline.store.writer import Progress

SUFFIXES = (".csv", ".xlsx")
# The largest register file an upload takes (README, "Uploads"); checked before the file is read or
# staged. A real register is far smaller: 50 000 events are 6 MB of CSV.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# The environment variable naming the package the app uploads into, when the run log's is not it
# (e.g. the app runs in another working directory than the refresh did).
PACKAGE_ENV = "HYTE_PACKAGE_CONFIG"


@dataclass
class UploadResult:
    status: str  # loaded | unchanged | rejected | failed
    problems: list[Problem] = field(default_factory=list)
    rows: int | None = None
    run_id: int | None = None
    message: str | None = None
    tables: dict[str, int] = field(default_factory=dict)  # rows each store table holds after the load
    # Refused because the file would empty its register: the rows that would disappear (the screen asks
    # to confirm, naming them, and then writes again with allow_empty).
    would_empty: int | None = None
    # Refused because the register changed since the version the save started from (status "conflict"):
    # what changed in between, and the version it is now.
    changes: list = field(default_factory=list)
    version: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("loaded", "unchanged")


def package_config(engine: Engine, cwd: Path | None = None) -> Path | None:
    """The package the store was loaded from: HYTE_PACKAGE_CONFIG, else the last successful load's
    config (a relative path is taken from `cwd`, where the CLI ran: `make run` and the units share it)."""
    named = os.environ.get(PACKAGE_ENV)
    if named:
        return Path(named)
    with engine.connect() as conn:
        path = conn.execute(select(schema.load_run.c.config_path).where(schema.load_run.c.status == "success")
                            .order_by(schema.load_run.c.id.desc()).limit(1)).scalar()
    if not path:
        return None
    path = Path(path)
    return path if path.is_absolute() else (cwd or Path.cwd()) / path


def _sha(content: bytes | None) -> str | None:
    return hashlib.sha256(content).hexdigest() if content is not None else None


def _latest_sha(engine: Engine, register: str) -> tuple[bool, str | None]:
    """(any version saved yet, sha256 of the newest)."""
    with engine.connect() as conn:
        row = conn.execute(select(schema.register_version.c.sha256).where(schema.register_version.c.register == register)
                           .order_by(schema.register_version.c.id.desc()).limit(1)).first()
    return (row is not None, row[0] if row else None)


def _count_rows(path: Path) -> int | None:
    raw, _problems = read_register_file(path)
    return len(raw.rows) if raw is not None else None


def upload_register(url: str, config_path: Path, register: str, uploaded_name: str, content: bytes | None,
                    actor: str, progress: Progress | None = None, action: str = "upload", *,
                    allow_empty: bool = False, started: Callable[[int], None] | None = None,
                    expect_version: str | None = None) -> UploadResult:
    """Replace one register of the package with `content` (None: no file) if the whole package then
    validates; load it in one transaction, log it, keep the previous version. Store and package are
    unchanged otherwise, and every problem is returned as `file:line: column: message`.

    A file over MAX_UPLOAD_BYTES is refused unread. A file with no rows, replacing a register that has
    rows, is refused unless `allow_empty` (the person confirmed that the rows are to disappear).
    `started` is told the load run's id as soon as it is logged. With `expect_version` (the version the
    person started editing from, register_rows.version_of), a register changed since is not replaced:
    the result is "conflict", naming who changed what in between, and nothing is written."""
    suffix = Path(uploaded_name).suffix.lower() if content is not None else ".csv"
    if register not in R.REGISTERS:
        return UploadResult("rejected", [Problem(uploaded_name, None, "-",
                                                 msg("upload.unknown_register", register=register))])
    if suffix not in SUFFIXES:
        return UploadResult("rejected", [Problem(uploaded_name, None, "-", msg("upload.csv_or_xlsx"))])
    if content is not None and len(content) > MAX_UPLOAD_BYTES:
        return UploadResult("rejected", [Problem(uploaded_name, None, "-", msg(
            "problem.file_too_large", size=len(content) / 2**20, limit=MAX_UPLOAD_BYTES // 2**20))])
    engine = make_engine(url)
    with package_lock(config_path):
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            return UploadResult("failed", message=str(exc))
        registers_dir = config.registers_dir
        if expect_version is not None:
            current = register_file(registers_dir, register)
            current_bytes = current.read_bytes() if current is not None else None
            if version_of(current_bytes) != expect_version:
                return _conflict(engine, config, register, expect_version, current, current_bytes)
        # The store holds the package as it is: this upload changes only its register's tables.
        only = register if store_matches(config, engine) else None
        # Staged inside the package folder, so the final move is a rename on the same file system; named
        # with this process's id, so whoever sees the process die knows the folder is garbage.
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(os.getpid()), dir=config.base_dir))
        try:
            if registers_dir.is_dir():
                for path in registers_dir.iterdir():
                    if path.suffix.lower() in SUFFIXES and path.stem != register and path.is_file():
                        shutil.copy2(path, staging / path.name)
            target_name = f"{register}{suffix}"
            rows = None
            if content is not None:
                (staging / target_name).write_bytes(content)
                rows = _count_rows(staging / target_name)
            emptied = None if allow_empty else _rows_that_would_disappear(registers_dir, register, content, rows)
            if emptied:
                return UploadResult("rejected", [Problem(
                    uploaded_name, None, "-", msg_n("upload.would_empty", emptied, register=register))],
                    rows, would_empty=emptied)
            versions = _versions_to_save(engine, registers_dir, register, uploaded_name, target_name, content,
                                         rows, actor, action)
            change = Change(actor, action, register, uploaded_name, rows, tuple(versions))
            result = refresh_locked(config_path, url, command=f"{action} {register}", progress=progress,
                                    engine=engine, offline=True, change=change, registers_dir=staging,
                                    started=started, only_register=only)
            if not result.ok:
                return UploadResult(result.status, result.problems, rows, result.run_id, result.message,
                                    result.rows)
            move_into_package(staging, registers_dir, register, target_name if content is not None else None)
            return UploadResult("loaded" if result.status == "success" else "unchanged", [], rows, result.run_id,
                                tables=result.rows)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _conflict(engine: Engine, config, register: str, expected: str, current: Path | None,
              current_bytes: bytes | None) -> UploadResult:
    """The register changed since `expected`: who saved it last and when, and what changed row by row
    (when the store still holds the version the person started from)."""
    groups = config.age_group_codes
    version = version_of(current_bytes)
    table = schema.register_version
    with engine.connect() as conn:
        base = conn.execute(select(table.c.file_name, table.c.uploaded_name, table.c.content)
                            .where(table.c.register == register, table.c.sha256 == expected)
                            .order_by(table.c.id.desc()).limit(1)).first() if expected != NO_FILE else None
        last = conn.execute(select(table.c.actor, table.c.saved_at)
                            .where(table.c.register == register, table.c.sha256 == version)
                            .order_by(table.c.id.desc()).limit(1)).first()
    title = R.REGISTERS[register]
    if last is not None:
        saved = last.saved_at
        message = msg("edit.conflict.saved", register=msg(title.title_key), code=register, actor=last.actor or "–",
                      at=f"{saved:%d.%m.%Y %H.%M}" if saved is not None else "–")
    else:
        message = msg("edit.conflict.on_disk", register=msg(title.title_key), code=register)
    changes: list = []
    if expected == NO_FILE or base is not None:
        before = rows_of_content(register, (base.uploaded_name or base.file_name) if base else f"{register}.csv",
                                 base.content if base else None, groups)
        after = rows_of_content(register, current.name if current else f"{register}.csv", current_bytes, groups)
        diff = row_changes(register, before, after)
        if diff.added:
            changes.append(msg_n("edit.conflict.added", len(diff.added), keys=_keys(diff.added)))
        if diff.removed:
            changes.append(msg_n("edit.conflict.removed", len(diff.removed), keys=_keys(diff.removed)))
        if diff.changed:
            changes.append(msg_n("edit.conflict.changed", len(diff.changed), rows="; ".join(
                f"{key} ({', '.join(columns)})" for key, columns in diff.changed[:10])
                + (" …" if len(diff.changed) > 10 else "")))
    return UploadResult("conflict", message=str(message), changes=changes, version=version)


def _keys(keys: tuple[str, ...], limit: int = 10) -> str:
    return ", ".join(keys[:limit]) + (" …" if len(keys) > limit else "")


def write_all_upload_problems(config_path: Path, register: str, uploaded_name: str, content: bytes,
                              out: Path) -> int:
    """Every problem the package would have with `content` as its `register`, uncapped, written to `out`
    (a .txt, or a .zip holding one) as they are found, so memory stays flat however many there are;
    returns how many. Nothing is loaded and the package is not changed (it is staged, as an upload is)."""
    import dataclasses

    from data_pipeline.load.package import write_all_problems

    suffix = Path(uploaded_name).suffix.lower()
    if register not in R.REGISTERS or suffix not in SUFFIXES or len(content) > MAX_UPLOAD_BYTES:
        raise ValueError(f"not an upload the pipeline reads: {register} {uploaded_name}")
    config = load_config(config_path)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(os.getpid()), dir=config.base_dir))
    try:
        if config.registers_dir.is_dir():
            for path in config.registers_dir.iterdir():
                if path.suffix.lower() in SUFFIXES and path.stem != register and path.is_file():
                    shutil.copy2(path, staging / path.name)
        (staging / f"{register}{suffix}").write_bytes(content)
        return write_all_problems(dataclasses.replace(config, registers_dir=staging), out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _rows_that_would_disappear(registers_dir: Path, register: str, content: bytes | None,
                               rows: int | None) -> int | None:
    """The rows the register holds now, if the new file (or no file) has none; else None."""
    if content is not None and rows != 0:
        return None
    current, _problem = find_register(registers_dir, register)
    held = _count_rows(current) if current is not None else None
    return held or None


def _versions_to_save(engine: Engine, registers_dir: Path, register: str, uploaded_name: str, target_name: str,
                      content: bytes | None, rows: int | None, actor: str, action: str) -> list[dict]:
    """The package's current file first, unless the store already holds it as the newest version
    (so it can be restored even when it came from the package, not an upload), then the new one."""
    versions = []
    current, _problem = find_register(registers_dir, register)
    current_bytes = current.read_bytes() if current is not None else None
    saved_any, latest = _latest_sha(engine, register)
    if not saved_any or latest != _sha(current_bytes):
        versions.append({"register": register, "file_name": current.name if current else f"{register}.csv",
                         "uploaded_name": None, "content": current_bytes, "sha256": _sha(current_bytes),
                         "rows": _count_rows(current) if current else None, "origin": "package", "actor": actor})
    versions.append({"register": register, "file_name": target_name, "uploaded_name": uploaded_name,
                     "content": content, "sha256": _sha(content), "rows": rows, "origin": action, "actor": actor})
    return versions


def move_into_package(staging: Path, registers_dir: Path, register: str, target_name: str | None) -> None:
    registers_dir.mkdir(parents=True, exist_ok=True)
    for suffix in SUFFIXES:  # a register is one file: events.csv or events.xlsx, never both
        old = registers_dir / f"{register}{suffix}"
        if old.name != target_name and old.exists():
            old.unlink()
    if target_name is not None:
        os.replace(staging / target_name, registers_dir / target_name)


def restore_version(url: str, config_path: Path, version_id: int, actor: str,
                    progress: Progress | None = None, *, allow_empty: bool = False,
                    started: Callable[[int], None] | None = None) -> UploadResult:
    """Put a saved version of a register back into the package and the store (validated again: the
    other registers may have changed since)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(select(schema.register_version).where(schema.register_version.c.id == version_id)).mappings().first()
    if row is None:
        return UploadResult("failed", message=str(msg("upload.no_such_version", version=version_id)))
    name = row["uploaded_name"] or row["file_name"]
    return upload_register(url, config_path, row["register"], name if row["content"] is not None else row["file_name"],
                           row["content"], actor, progress, action="restore", allow_empty=allow_empty,
                           started=started)


ACTIONS = ("upload", "edit")  # what `hyte upload --action` logs: a file brought in, or a register editor's save
