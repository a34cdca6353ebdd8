"""Reads register files as coordinators really produce them: CSV in any common dialect, or XLSX.

Finnish Excel exports use `;` and a decimal comma and are often cp1252 or UTF-8 with a BOM. Every row
keeps the line number a spreadsheet user sees (the header is line 1), so problems can point at it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from data_pipeline.i18n import grouped, msg
from data_pipeline.inputs.problems import Problem

MAX_CELL_CHARS = 5_000
MAX_FILE_BYTES = 200 * 1024 * 1024
# A workbook is a zip: 2 MB on disk once held 2 GiB of XML (a decompression bomb) and took 8 GB of
# memory to parse. Its parts' unpacked size is read from the zip directory before parsing; Python's
# zipfile never inflates a part past the size its directory gives, so the check cannot be lied to.
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_XLSX_PARTS = 1_000
# More rows than any register needs (national district population is ~200 000).
MAX_ROWS = 1_000_000


@dataclass
class RawTable:
    """A register file's header and its rows as text cells, with spreadsheet line numbers."""

    file: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes, else cp1252, the Finnish Windows default."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps them instead of failing on stray bytes.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _too_large(display_name: str, size: int, limit: int) -> Problem:
    return Problem(display_name, None, "-", msg("problem.file_too_large", size=size / 2**20, limit=limit // 2**20))


def _too_many_rows(display_name: str) -> Problem:
    return Problem(display_name, None, "-", msg("problem.too_many_rows", limit=grouped(MAX_ROWS)))


def read_csv(path: Path, display_name: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[RawTable | None, list[Problem]]:
    size = path.stat().st_size  # before reading: a file too large is refused unread
    if size > max_bytes:
        return None, [_too_large(display_name, size, max_bytes)]
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        return None, [Problem(display_name, 1, "-", msg("problem.not_text_csv"))]
    text = decode(data)
    if not text.strip():
        return None, [Problem(display_name, 1, "-", msg("problem.file_empty"))]
    delimiter = sniff_delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        return None, [Problem(display_name, reader.line_num, "-", msg("problem.broken_csv", error=str(exc)))]
    if len(records) > MAX_ROWS + 1:
        return None, [_too_many_rows(display_name)]
    header = [h.strip() for h in records[0]]
    rows = [(i + 2, cells) for i, cells in enumerate(records[1:]) if any(c.strip() for c in cells)]
    return RawTable(display_name, header, rows), []


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# What a damaged workbook raises, on opening or (read-only mode reads lazily) on any later row:
# a broken zip, a missing part, a truncated deflate stream, XML cut off mid-tag.
_DAMAGED_XLSX = (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, IndexError, EOFError, zlib.error,
                 ElementTree.ParseError)


def read_xlsx(path: Path, display_name: str) -> tuple[RawTable | None, list[Problem]]:
    try:
        return _read_xlsx(path, display_name)
    except _DAMAGED_XLSX as exc:
        reason = str(exc)[:120] or type(exc).__name__
        return None, [Problem(display_name, 1, "-", msg("problem.bad_xlsx", reason=reason))]


def _unpacked_problem(path: Path, display_name: str) -> Problem | None:
    """Why a workbook is refused before parsing (size on disk, parts, unpacked size), or None."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return _too_large(display_name, size, MAX_FILE_BYTES)
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES:
        return Problem(display_name, None, "-", msg("problem.xlsx_bomb", unpacked=grouped(unpacked / 2**20),
                                                    parts=len(parts), limit=grouped(MAX_XLSX_UNPACKED_BYTES / 2**20)))
    return None


def _read_xlsx(path: Path, display_name: str) -> tuple[RawTable | None, list[Problem]]:
    from openpyxl import load_workbook

    refused = _unpacked_problem(path, display_name)
    if refused is not None:
        return None, [refused]
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        declared_rows = sheet.max_row  # from the sheet's <dimension>, before any row is parsed
        if declared_rows is not None and declared_rows > MAX_ROWS + 1:
            return None, [_too_many_rows(display_name)]
        rows_iter = sheet.iter_rows(values_only=True)
        first = next(rows_iter, None)
        if first is None:
            return None, [Problem(display_name, 1, "-", msg("problem.sheet_empty"))]
        header = [_cell_text(v).strip() for v in first]
        while header and header[-1] == "":
            header.pop()
        rows = []
        for line, values in enumerate(rows_iter, start=2):
            if line > MAX_ROWS + 1:
                return None, [_too_many_rows(display_name)]
            cells = [_cell_text(v) for v in values[: len(header)]]
            if any(c.strip() for c in cells):
                rows.append((line, cells))
    finally:
        workbook.close()
    return RawTable(display_name, header, rows), []


def read_register_file(path: Path, display_name: str | None = None) -> tuple[RawTable | None, list[Problem]]:
    """Read a CSV or XLSX register file into text cells, or say why it cannot be read."""
    name = display_name or path.name
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path, name)
    return read_csv(path, name)
