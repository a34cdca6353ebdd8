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
from xml.etree import ElementTree
from dataclasses import dataclass
from pathlib import Path

from data_pipeline.problems import Problem

MAX_CELL_CHARS = 5_000
MAX_FILE_BYTES = 200 * 1024 * 1024


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


def read_csv(path: Path, display_name: str) -> tuple[RawTable | None, list[Problem]]:
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(display_name, 1, "-", f"tiedosto on liian suuri (> {MAX_FILE_BYTES // 2**20} Mt) / file too large")]
    if b"\x00" in data[:4096]:
        return None, [Problem(display_name, 1, "-", "ei ole tekstimuotoinen CSV-tiedosto / not a text CSV file")]
    text = decode(data)
    if not text.strip():
        return None, [Problem(display_name, 1, "-", "tiedosto on tyhjä / file is empty")]
    delimiter = sniff_delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        return None, [Problem(display_name, reader.line_num, "-", f"CSV-muoto on rikki / broken CSV: {exc}")]
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
        return None, [Problem(display_name, 1, "-", "ei kelvollinen Excel-tiedosto tai se on vioittunut; tallenna se "
                                                    "uudelleen Excelistä / not a valid XLSX file, or a damaged one: "
                                                    f"save it again from Excel ({reason})")]


def _read_xlsx(path: Path, display_name: str) -> tuple[RawTable | None, list[Problem]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows_iter = sheet.iter_rows(values_only=True)
        first = next(rows_iter, None)
        if first is None:
            return None, [Problem(display_name, 1, "-", "taulukko on tyhjä / sheet is empty")]
        header = [_cell_text(v).strip() for v in first]
        while header and header[-1] == "":
            header.pop()
        rows = []
        for line, values in enumerate(rows_iter, start=2):
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
