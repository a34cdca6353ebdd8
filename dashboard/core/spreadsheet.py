"""Tables as CSV and Excel files a Finnish spreadsheet opens right, with formula injection neutralised."""

from __future__ import annotations

import io

import polars as pl


def _escape_cell(value):
    # A spreadsheet runs a cell that starts with these as a formula (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def safe_for_spreadsheet(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col(c).map_elements(_escape_cell, return_dtype=pl.Utf8) for c, d in frame.schema.items() if d == pl.Utf8)


def csv_bytes(frame: pl.DataFrame, header_lines: list[str]) -> bytes:
    """UTF-8 with BOM and `;` so Finnish Excel opens it right; the filters and source on top."""
    body = safe_for_spreadsheet(frame).write_csv(separator=";")
    preface = "".join(f"# {line}\n" for line in header_lines)
    return ("\ufeff" + preface + body).encode("utf-8")


def excel_bytes(frame: pl.DataFrame, header_lines: list[str], sheet: str) -> bytes:
    buffer = io.BytesIO()
    import xlsxwriter

    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        ws = book.add_worksheet(sheet[:31])
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
