"""Changes to the plan from the app's plan screen: hyte.toml and the goals and measures registers.

A change is a list of edits (`apply_edits`: the plan's name and years, priority areas, indicators and
targets, goals, measures). The write process applies them to the package's current files while it
holds the package lock, stages the result beside the package (hyte.toml as a sibling file, so every
path in it resolves as before; the registers as an upload stages them), and the ordinary refresh
validates and loads the staged package: exactly `hyte check`'s validation, one transaction, logged
with who and when. Only a committed load writes the new files into the package. hyte.toml is kept as
a version like a register (`register_version.register = "plan"`), so a restore of any version (undo)
is a write like any other. hyte.toml is rewritten in place (not renamed over), so the lock other
writers wait on stays the same file.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from data_pipeline.i18n import msg
from data_pipeline.inputs import config_edit as E
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.problems import Problem
from data_pipeline.inputs.readers import read_register_file
from data_pipeline.load import uploads
from data_pipeline.load.package import find_register
from data_pipeline.load.refresh import Change, package_lock, refresh_locked
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine
from data_pipeline.store.recovery import staging_prefix
from data_pipeline.store.writer import Progress

PLAN = "plan"  # hyte.toml's name among the versions and in the change log
PLAN_REGISTERS = ("goals", "measures")


class EditError(ValueError):
    """An edit that cannot be applied (names a goal or measure that is not there); says what to do."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def _sha(content: bytes | None) -> str | None:
    return hashlib.sha256(content).hexdigest() if content is not None else None


# --- registers as rows --------------------------------------------------------------------------------

def read_rows(registers_dir: Path, register: str) -> tuple[list[str], list[dict[str, str]]]:
    """A register's columns (the file's, then any of the spec's it lacks) and rows as text."""
    columns = [c.name for c in R.REGISTERS[register].columns]
    path, _problem = find_register(registers_dir, register)
    if path is None:
        return columns, []
    raw, problems = read_register_file(path)
    if raw is None:
        raise EditError(problems[0].message if problems else msg("plan.error.unreadable", register=register))
    header = [h.strip() for h in raw.header]
    out = [*header, *(c for c in columns if c not in header)]
    return out, [dict(zip(header, cells, strict=False)) for _line, cells in raw.rows]


def csv_bytes(columns: Sequence[str], rows: Sequence[dict]) -> bytes:
    """A register as the templates write it: `;`, UTF-8 with BOM (Finnish Excel opens it as is)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _new_code(prefix: str, taken: set[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


# --- the edits ----------------------------------------------------------------------------------------

def apply_edits(text: str, registers: dict[str, tuple[list[str], list[dict]]], edits: Sequence[dict],
                today: dt.date) -> tuple[str, dict[str, tuple[list[str], list[dict]]]]:
    """hyte.toml's text and the goals and measures (columns, rows) after `edits`, in order.

    Edits: {"op": "plan", "names": {fi, sv, en}, "start_year", "end_year", "flag_days", "stale_days"};
    {"op": "area", "code" (None: a new area, coded from its Finnish name), "names"}; {"op":
    "remove_area", "code"}; {"op": "indicator", "id", "values": {priority_area, age_group, direction,
    target, target_year}, "title"}; {"op": "remove_indicator", "id"}; {"op": "goal", "code" (None: new),
    "priority_area", "text_fi", "text_sv", "text_en"}; {"op": "measure", "code" (None: new), "goal",
    "text_fi", …, "responsible_unit", "status", "due_date", "progress_note"}; {"op": "remove_goal" |
    "remove_measure", "code"}. A measure's `updated` becomes `today` whenever it changes.
    """
    registers = {name: (list(cols), [dict(r) for r in rows]) for name, (cols, rows) in registers.items()}
    for edit in edits:
        op = edit["op"]
        if op == "plan":
            text = E.set_plan(text, edit.get("names", {}), edit.get("start_year"), edit.get("end_year"),
                              edit.get("flag_days"), edit.get("stale_days"))
        elif op == "area":
            code = edit.get("code") or E.area_code(edit["names"].get("fi") or "", set(E.area_codes(text)))
            text = E.set_area(text, code, edit["names"])
        elif op == "remove_area":
            text = E.remove_area(text, edit["code"])
        elif op == "indicator":
            text = E.set_indicator(text, int(edit["id"]), edit.get("values", {}), edit.get("title"))
        elif op == "remove_indicator":
            text = E.remove_indicator(text, int(edit["id"]))
        elif op in ("goal", "measure"):
            _set_row(registers, op + "s", edit, today)
        elif op in ("remove_goal", "remove_measure"):
            columns, rows = registers[op.removeprefix("remove_") + "s"]
            rows[:] = [r for r in rows if r.get("code") != edit["code"]]
        else:
            raise EditError(msg("plan.error.unknown_edit", op=op))
    return text, registers


def _set_row(registers: dict, register: str, edit: dict, today: dt.date) -> None:
    columns, rows = registers[register]
    fields = {c: edit[c] for c in columns if c in edit and c != "code"}
    fields = {c: ("" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v).strip())
              for c, v in fields.items()}
    code = edit.get("code")
    row = next((r for r in rows if r.get("code") == code), None) if code else None
    if code and row is None:
        raise EditError(msg(f"plan.error.no_such_{register.removesuffix('s')}", code=code))
    if row is None:
        row = {"code": _new_code("T" if register == "goals" else "M", {r.get("code") for r in rows}), **fields}
        rows.append(row)
        changed = True
    else:
        changed = any((row.get(c) or "") != v for c, v in fields.items())
        row.update(fields)
    if register == "measures" and changed:
        row["updated"] = today.isoformat()


# --- the write ----------------------------------------------------------------------------------------

def _latest(engine, register: str) -> tuple[bool, str | None]:
    with engine.connect() as conn:
        row = conn.execute(select(schema.register_version.c.sha256).where(schema.register_version.c.register == register)
                           .order_by(schema.register_version.c.id.desc()).limit(1)).first()
    return row is not None, (row[0] if row else None)


def _versions(engine, register: str, file_name: str, old: bytes | None, new: bytes | None, rows: int | None,
              actor: str, action: str) -> list[dict]:
    """The file as the package holds it now (unless already the newest version kept), then the new one."""
    out = []
    saved_any, latest = _latest(engine, register)
    if not saved_any or latest != _sha(old):
        out.append({"register": register, "file_name": file_name, "uploaded_name": None, "content": old,
                    "sha256": _sha(old), "rows": None, "origin": "package", "actor": actor})
    out.append({"register": register, "file_name": file_name, "uploaded_name": None, "content": new,
                "sha256": _sha(new), "rows": rows, "origin": action, "actor": actor})
    return out


def save_plan(url: str, config_path: Path, edits: Sequence[dict] | None, actor: str,
              progress: Progress | None = None, *, content: bytes | None = None, action: str = PLAN,
              started: Callable[[int], None] | None = None, today: dt.date | None = None) -> uploads.UploadResult:
    """Apply `edits` (or, for a restore, put `content` in as hyte.toml) to the package, validate and load
    it in one transaction, keep the versions; the package is written only if the load committed."""
    config_path = Path(config_path)
    engine = make_engine(url)
    today = today or dt.date.today()
    with package_lock(config_path):
        old_text = config_path.read_bytes()
        registers_dir = config_path.parent / _registers_dir(old_text)
        try:
            current = {name: read_rows(registers_dir, name) for name in PLAN_REGISTERS}
            if content is not None:
                new_text, changed = content, current
            else:
                text, changed = apply_edits(old_text.decode("utf-8"), current, edits or (), today)
                new_text = text.encode("utf-8")
        except (EditError, E.NotANumber) as exc:
            return uploads.UploadResult("rejected", [Problem(config_path.name, None, "-", exc.message)])
        except UnicodeDecodeError:
            return uploads.UploadResult("rejected", [Problem(config_path.name, 1, "-", msg("config.not_utf8"))])
        staged_config = config_path.parent / f"{staging_prefix(os.getpid())}{config_path.name}"
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(os.getpid()), dir=config_path.parent))
        try:
            staged_config.write_bytes(new_text)
            versions = _versions(engine, PLAN, config_path.name, old_text, new_text, None, actor, action) \
                if new_text != old_text else []
            moved = {}
            if registers_dir.is_dir():
                for path in registers_dir.iterdir():
                    if path.suffix.lower() in uploads.SUFFIXES and path.is_file():
                        shutil.copy2(path, staging / path.name)
            for name in PLAN_REGISTERS:
                if changed[name] == current[name]:
                    continue
                old_path, _problem = find_register(registers_dir, name)
                new_bytes = csv_bytes(*changed[name])
                for suffix in uploads.SUFFIXES:
                    (staging / f"{name}{suffix}").unlink(missing_ok=True)
                (staging / f"{name}.csv").write_bytes(new_bytes)
                moved[name] = new_bytes
                versions += _versions(engine, name, f"{name}.csv", old_path.read_bytes() if old_path else None,
                                      new_bytes, len(changed[name][1]), actor, action)
            if not versions:
                return uploads.UploadResult("unchanged")
            change = Change(actor, action, PLAN, config_path.name, None, tuple(versions))
            result = refresh_locked(config_path, url, command=f"{action} (app)", progress=progress, engine=engine,
                                    offline=True, change=change, registers_dir=staging, started=started,
                                    staged_config=staged_config)
            problems = [dataclasses.replace(p, file=config_path.name) if p.file == staged_config.name else p
                        for p in result.problems]
            if not result.ok:
                return uploads.UploadResult(result.status, problems, None, result.run_id, result.message, result.rows)
            if new_text != old_text:
                with open(config_path, "r+b") as handle:  # in place: the lock is on this file
                    handle.write(new_text)
                    handle.truncate()
                    handle.flush()
                    os.fsync(handle.fileno())
            for name in moved:
                uploads.move_into_package(staging, registers_dir, name, f"{name}.csv")
            return uploads.UploadResult("loaded" if result.status == "success" else "unchanged", [], None,
                                        result.run_id, tables=result.rows)
        finally:
            staged_config.unlink(missing_ok=True)
            shutil.rmtree(staging, ignore_errors=True)


def _registers_dir(text: bytes) -> str:
    try:
        raw = tomllib.loads(text.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return "registers"
    section = raw.get("registers")
    return section.get("dir", "registers") if isinstance(section, dict) else "registers"


def restore_version(url: str, config_path: Path, version_id: int, actor: str, progress: Progress | None = None,
                    *, allow_empty: bool = False, started: Callable[[int], None] | None = None) -> uploads.UploadResult:
    """A saved version back: hyte.toml's through save_plan, a register's as an upload restores it."""
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(select(schema.register_version.c.register, schema.register_version.c.content)
                           .where(schema.register_version.c.id == version_id)).first()
    if row is None or row[0] != PLAN:
        return uploads.restore_version(url, config_path, version_id, actor, progress, allow_empty=allow_empty,
                                       started=started)
    if row[1] is None:
        return uploads.UploadResult("failed", message=str(msg("upload.no_such_version", version=version_id)))
    return save_plan(url, config_path, None, actor, progress, content=row[1], action="restore", started=started)
