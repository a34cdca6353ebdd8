"""A register as rows of text cells, as the register editors show and save it.

Read from the package's file, written back as the CSV an upload would bring, named by its version (the
sha256 of the file's bytes: whatever changed it, an upload, a restore, an editor or someone editing the
file on disk, changes the version), and compared with another version row by row, by the register's key,
so a refused save can say what changed in between.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from data_pipeline.inputs import registers as R
from data_pipeline.inputs.problems import Problem
from data_pipeline.inputs.readers import RawTable, read_register_file

NO_FILE = "none"  # the version of a register the package has no file for
SUFFIXES = (".csv", ".xlsx")


def version_of(content: bytes | None) -> str:
    return NO_FILE if content is None else hashlib.sha256(content).hexdigest()


def register_file(registers_dir: Path, register: str) -> Path | None:
    """The package's file of `register` (CSV first, as the loader reads it), or None."""
    for suffix in SUFFIXES:
        path = registers_dir / f"{register}{suffix}"
        if path.is_file():
            return path
    return None


@dataclass(frozen=True)
class RegisterRows:
    """One register's rows as text cells in its columns' order, and the version they were read from."""

    register: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    version: str
    file_name: str | None = None
    problems: tuple[Problem, ...] = field(default=())  # the file could not be read (nothing to edit then)

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def from_raw(register: str, columns: tuple[str, ...], raw: RawTable) -> tuple[tuple[str, ...], ...]:
    """The table's cells in `columns`' order (a column the file lacks is empty)."""
    where = {name: raw.header.index(name) for name in columns if name in raw.header}
    out = []
    for _line, cells in raw.rows:
        out.append(tuple(cells[where[name]].strip() if name in where and where[name] < len(cells) else ""
                         for name in columns))
    return tuple(out)


def read_rows(registers_dir: Path, register: str, age_groups: tuple[str, ...]) -> RegisterRows:
    """The package's current rows of `register` and their version."""
    columns = tuple(c.name for c in R.register_columns(register, age_groups))
    path = register_file(registers_dir, register)
    if path is None:
        return RegisterRows(register, columns, (), NO_FILE)
    content = path.read_bytes()
    return rows_of_content(register, path.name, content, age_groups)


def rows_of_content(register: str, file_name: str, content: bytes | None,
                    age_groups: tuple[str, ...]) -> RegisterRows:
    """A version's bytes (as kept in the store) as rows."""
    columns = tuple(c.name for c in R.register_columns(register, age_groups))
    if content is None:
        return RegisterRows(register, columns, (), NO_FILE)
    suffix = Path(file_name).suffix.lower() if Path(file_name).suffix.lower() in SUFFIXES else ".csv"
    fd, temp = tempfile.mkstemp(prefix="hyte-rows-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        raw, problems = read_register_file(Path(temp), file_name)
    finally:
        os.unlink(temp)
    if raw is None:
        return RegisterRows(register, columns, (), version_of(content), file_name, tuple(problems))
    return RegisterRows(register, columns, from_raw(register, columns, raw), version_of(content), file_name)


def raw_table(register: str, columns: tuple[str, ...], rows: list[tuple[str, ...]] | tuple) -> RawTable:
    """Rows as the readers give a file `<register>.csv`: the header is line 1, row i is line i + 2."""
    return RawTable(f"{register}.csv", list(columns), [(i + 2, list(row)) for i, row in enumerate(rows)])


def to_csv(columns: tuple[str, ...], rows) -> bytes:
    """The rows as a register file: `;`-separated UTF-8, as Finnish Excel would save it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@dataclass(frozen=True)
class RowChanges:
    """What changed between two versions of a register, by its key: rows added, removed, and changed
    (with the columns that changed)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _keyed(register: str, rows: RegisterRows | list[dict[str, str]]) -> dict[str, dict[str, str]]:
    key = R.REGISTERS[register].key
    records = rows.records() if isinstance(rows, RegisterRows) else rows
    return {", ".join(record.get(k, "") for k in key): record for record in records}


def row_changes(register: str, before: RegisterRows | list[dict[str, str]],
                after: RegisterRows | list[dict[str, str]]) -> RowChanges:
    old, new = _keyed(register, before), _keyed(register, after)
    changed = []
    for key, record in new.items():
        if key in old:
            columns = tuple(c for c in record if record.get(c, "") != old[key].get(c, ""))
            if columns:
                changed.append((key, columns))
    return RowChanges(tuple(k for k in new if k not in old), tuple(k for k in old if k not in new), tuple(changed))


def rebase(register: str, base: list[dict[str, str]], mine: list[dict[str, str]],
           latest: list[dict[str, str]]) -> tuple[list[dict[str, str]], tuple[str, ...]]:
    """My edits (from `base` to `mine`) applied on top of `latest`, someone else's newer version: rows I
    added or changed are mine, rows I removed go, every other row is the latest. Returns the rows and the
    keys both of us changed differently (mine kept; the person is told which)."""
    key = R.REGISTERS[register].key
    mine_changes = row_changes(register, base, mine)
    theirs = row_changes(register, base, latest)
    mine_by_key, base_by_key = _keyed(register, mine), _keyed(register, base)
    touched_by_them = set(theirs.added) | set(theirs.removed) | {k for k, _ in theirs.changed}
    mine_touched = set(mine_changes.added) | set(mine_changes.removed) | {k for k, _ in mine_changes.changed}
    both = tuple(k for k in mine_by_key.keys() | base_by_key.keys()
                 if k in mine_touched and k in touched_by_them)
    out: list[dict[str, str]] = []
    seen = set()
    for record in latest:
        k = ", ".join(record.get(c, "") for c in key)
        if k in mine_changes.removed:
            continue
        out.append(mine_by_key[k] if k in mine_touched and k in mine_by_key else record)
        seen.add(k)
    for k in mine_changes.added:
        if k not in seen:
            out.append(mine_by_key[k])
    return out, tuple(sorted(both))
