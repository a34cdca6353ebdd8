"""Tables as CSV and Excel files a Finnish spreadsheet opens right, with formula injection neutralised."""

from __future__ import annotations

import csv
import io
import re

import polars as pl

# A spreadsheet runs a cell that starts with these as a formula (CSV injection); tab and carriage
# return too, in some of them.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel refuses in a sheet name, and its length limit.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def _escape_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _header_line(line: str) -> str:
    """One `# …` line above the table: a stored name with a line break must not start a line of its own,
    and a `;` in it must not start a cell of its own (either could begin with `=`)."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerow([_escape_cell("# " + _LINE_BREAKS.sub(" ", line))])
    return out.getvalue()


def sheet_name(title: str) -> str:
    """A sheet name Excel accepts: without []:*?/\\, at most 31 characters, never empty."""
    cleaned = " ".join(_SHEET_FORBIDDEN.sub(" ", title).split())[:_SHEET_MAX].strip()
    return cleaned or "Taulukko"


def safe_for_spreadsheet(frame: pl.DataFrame) -> pl.DataFrame:
    """Text cells and column names that a spreadsheet would run as formulas, made text ("'=…")."""
    frame = frame.rename({c: _escape_cell(c) for c in frame.columns if _escape_cell(c) != c})
    return frame.with_columns(
        pl.col(c).map_elements(_escape_cell, return_dtype=pl.Utf8) for c, d in frame.schema.items() if d == pl.Utf8)


def csv_bytes(frame: pl.DataFrame, header_lines: list[str]) -> bytes:
    """UTF-8 with BOM and `;` so Finnish Excel opens it right; the filters and source on top."""
    body = safe_for_spreadsheet(frame).write_csv(separator=";")
    preface = "".join(_header_line(line) for line in header_lines)
    return ("\ufeff" + preface + body).encode("utf-8")


def excel_bytes(frame: pl.DataFrame, header_lines: list[str], sheet: str) -> bytes:
    buffer = io.BytesIO()
    import xlsxwriter

    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        ws = book.add_worksheet(sheet_name(sheet))
        bold = book.add_format({"bold": True})
        for i, line in enumerate(header_lines):
            ws.write_string(i, 0, line)
        start = len(header_lines) + 1
        for j, name in enumerate(frame.columns):
            ws.write_string(start, j, name, bold)
        for i, row in enumerate(frame.iter_rows(), start=start + 1):
            for j, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(i, j, value)
                else:
                    ws.write_string(i, j, str(value))  # never a formula, whatever the text
        ws.set_column(0, len(frame.columns) - 1, 18)
    return buffer.getvalue()
