"""CSV and Excel downloads stay inert in a spreadsheet, whatever the stored names hold (issue: hostile input)."""

from __future__ import annotations

import csv
import io

import polars as pl
from openpyxl import load_workbook

from dashboard.core.spreadsheet import csv_bytes, excel_bytes

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cells(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_every_line_of_a_csv_is_neutralised_header_lines_and_column_names_too():
    frame = pl.DataFrame({"=SUM(A1)": ["=A1&A1", "ok"], "Alue": ["@x", "-1+2"]})
    header = ["Rajaukset: Ikäryhmä: x\n=A1&A1 · Alue: kaikki", "Alue;=HYPERLINK(\"http://x\")", "=A1&A1"]
    rows = _cells(csv_bytes(frame, header))
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (cell, rows)
    # Nothing is lost: the header lines are still there, each one line, and the names read as typed.
    assert len(rows) == len(header) + 1 + frame.height
    assert rows[0] == ["# Rajaukset: Ikäryhmä: x =A1&A1 · Alue: kaikki"]
    assert rows[1] == ["# Alue;=HYPERLINK(\"http://x\")"]
    assert rows[len(header)] == ["'=SUM(A1)", "Alue"]
    assert rows[-2] == ["'=A1&A1", "'@x"]


def test_excel_sheet_names_with_characters_excel_refuses_are_cleaned():
    frame = pl.DataFrame({"a": [1]})
    for title in ("Keskusta: Alueen tapahtumat", "a/b\\c?d*e[f]g", ":" * 40, ""):
        book = load_workbook(io.BytesIO(excel_bytes(frame, ["x"], title)))
        (name,) = book.sheetnames
        assert name and len(name) <= 31 and not set(name) & set("[]:*?/\\"), name
    book = load_workbook(io.BytesIO(excel_bytes(frame, ["x"], "Keskusta: Alueen tapahtumat")))
    assert book.sheetnames == ["Keskusta Alueen tapahtumat"]


def test_excel_header_lines_and_column_names_are_text_never_formulas():
    frame = pl.DataFrame({"=A1": ["=B1"]})
    book = load_workbook(io.BytesIO(excel_bytes(frame, ["=HYPERLINK(\"http://x\")"], "t")))
    sheet = book.active
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == "=HYPERLINK(\"http://x\")"
    assert sheet["A3"].data_type == "s" and sheet["A4"].data_type == "s"
