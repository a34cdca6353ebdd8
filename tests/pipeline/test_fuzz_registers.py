"""Fuzzing the register readers and validator (hypothesis): whatever a file holds, a message, never a traceback.

Random bytes, wrong encodings, huge cells, spreadsheet formulas, missing and duplicated headers,
stray quotes and delimiters. Every outcome is either typed rows or problems shaped
`file:line: column: message`; through a refresh, a rejected file leaves the store as it was.
Bounded and derandomized (a fixed seed per test), so `make test` stays fast and CI reproducible.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.store_rows import dump_store
from data_pipeline.inputs import registers as R
from data_pipeline.load.refresh import refresh
from data_pipeline.inputs.readers import read_register_file
from data_pipeline.inputs.validate import validate_register

AGE_GROUPS = ("young", "adult", "old")
EVENT_COLUMNS = R.register_columns("events", AGE_GROUPS)
KNOWN = {R.REF_DISTRICT: {"01", "02"}, R.REF_AGE_GROUP: set(AGE_GROUPS), R.REF_DEPARTMENT: {"siv", "tek"}}
# The column is the file's own header text, which may hold anything (even a colon).
PROBLEM = re.compile(r"^events\.(csv|xlsx):\d*: .+: .+", re.S)

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
WORKBOOKS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
THROUGH_THE_STORE = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FORMULAS = st.sampled_from(['=HYPERLINK("http://evil.example","klikkaa")', "=1+2", "+358401234567", "-2+3",
                            "@SUM(A1:A3)", '=cmd|" /C calc"!A0', "=IMPORTXML(A1)"])
HUGE = st.integers(5_001, 20_000).map(lambda n: "x" * n)
NASTY = st.sampled_from(['"', '""', ';', ',', '\t', '\r', '\n', '\x00', '\ufeff', 'ä', '€', '\u202e', '1,5', '1.2.2025',
                         '2025-13-45', '99999999999999999999', 'NaN', 'inf', '-0', 'kyllä', '<script>x</script>'])
CELLS = st.one_of(st.text(max_size=30), FORMULAS, NASTY, HUGE, st.integers().map(str),
                  st.floats(allow_nan=True).map(str), st.dates().map(lambda d: d.strftime("%d.%m.%Y")))
NAMES = st.sampled_from([c.name for c in EVENT_COLUMNS] + ["", "tuntematon", "ID", " id "])


@st.composite
def csv_files(draw) -> bytes:
    """A CSV a coordinator might send: mangled headers, mangled cells, any delimiter and encoding."""
    header = [c.name for c in EVENT_COLUMNS]
    for _ in range(draw(st.integers(0, 3))):  # drop, duplicate or rename columns
        kind = draw(st.sampled_from(["drop", "duplicate", "rename"]))
        i = draw(st.integers(0, len(header) - 1))
        if kind == "drop" and len(header) > 1:
            header.pop(i)
        elif kind == "duplicate":
            header.insert(i, header[i])
        else:
            header[i] = draw(NAMES)
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(CELLS, min_size=0, max_size=len(header) + 2))
        lines.append(delimiter.join(cells))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


@st.composite
def xlsx_files(draw) -> bytes:
    """A real workbook with formulas, huge and odd cells; sometimes cut short or with bytes flipped."""
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        book.set_properties({"created": datetime.datetime(2026, 1, 1)})  # same bytes every time: reproducible
        sheet = book.add_worksheet()
        header = draw(st.lists(NAMES, min_size=0, max_size=len(EVENT_COLUMNS) + 2))
        for j, name in enumerate(header):
            sheet.write_string(0, j, name)
        for i in range(1, draw(st.integers(1, 5))):
            for j in range(draw(st.integers(0, len(header) + 2))):
                kind = draw(st.sampled_from(["formula", "text", "number", "date"]))
                if kind == "formula":
                    sheet.write_formula(i, j, draw(FORMULAS).lstrip("+-@").lstrip("=").join(("=", "")) or "=1")
                elif kind == "text":
                    sheet.write_string(i, j, draw(CELLS)[:32_000].replace("\x00", ""))
                elif kind == "number":
                    sheet.write_number(i, j, draw(st.floats(allow_nan=False, allow_infinity=False)))
                else:
                    sheet.write_datetime(i, j, draw(st.datetimes(min_value=datetime.datetime(1900, 3, 1))))
    data = buffer.getvalue()
    damage = draw(st.sampled_from(["none", "cut", "flip"]))
    if damage == "cut":
        return data[: draw(st.integers(0, len(data) - 1))]
    if damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
    return data


FILES = st.one_of(csv_files(), st.binary(max_size=2000))


def _check(raw, problems, name: str) -> None:
    for p in problems:
        assert PROBLEM.match(str(p)), f"not a file:line: column: message problem: {p}"
        assert len(str(p)) < 600, f"a problem too long to read: {str(p)[:200]}…"
        assert p.file == name
    if raw is None:
        assert problems, "an unreadable file must say why"


@FAST
@given(data=FILES, suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_give_rows_or_located_problems(tmp_path_factory, data, suffix):
    _read_and_validate(tmp_path_factory.mktemp("fuzz") / f"events{suffix}", data)


@WORKBOOKS
@given(data=xlsx_files())
def test_any_workbook_gives_rows_or_located_problems(tmp_path_factory, data):
    _read_and_validate(tmp_path_factory.mktemp("fuzz") / "events.xlsx", data)


def _read_and_validate(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    raw, problems = read_register_file(path)
    _check(raw, problems, path.name)
    if raw is None:
        return
    frame, problems = validate_register(raw, EVENT_COLUMNS, ("id",), KNOWN)
    _check(frame, problems, path.name)
    if not problems:
        # Accepted rows never carry a spreadsheet formula into the store.
        for column in ("id", "title"):
            assert not any(str(v).startswith(("=", "+", "@")) for v in frame[column].to_list() if v is not None)


@THROUGH_THE_STORE
@given(data=FILES)
def test_a_mangled_register_is_refused_and_the_store_keeps_its_data(mini_package, sqlite_url, data):
    events = mini_package.parent / "registers" / "events.csv"
    original = events.read_bytes()
    if not Path(sqlite_url.removeprefix("sqlite:///")).exists():
        assert refresh(mini_package, sqlite_url).status == "success"
    before = dump_store(sqlite_url)
    events.write_bytes(data)
    try:
        result = refresh(mini_package, sqlite_url)
    finally:
        events.write_bytes(original)
    assert result.status in ("rejected", "success", "unchanged"), result.message
    if result.status == "rejected":
        assert result.problems and all(PROBLEM.match(str(p)) for p in result.problems), result.problems
        assert dump_store(sqlite_url) == before


def test_a_damaged_workbook_says_to_save_it_again(tmp_path):
    import xlsxwriter

    path = tmp_path / "events.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        book.add_worksheet().write_string(0, 0, "id")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])  # a download or a copy cut short
    raw, problems = read_register_file(path)
    assert raw is None
    assert [str(p).split(" (")[0] for p in problems] == [
        "events.xlsx:1: -: ei kelvollinen Excel-tiedosto tai se on vioittunut; tallenna se uudelleen Excelistä"]


@FAST
# Control characters left out: XLSX cannot hold them as such (xlsxwriter writes them as _x001F_).
@given(text=st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40),
       start=st.sampled_from(["=", "+", "-", "@"]))
def test_exported_cells_never_start_a_formula(text, start):
    import io

    import openpyxl
    import polars as pl

    from dashboard.core import spreadsheet

    cell = start + text
    frame = pl.DataFrame({"Nimi": [cell], "Luku": [-1.5]})
    body = spreadsheet.csv_bytes(frame, ["Otsikko"]).decode("utf-8-sig")
    exported = pl.read_csv(io.StringIO(body.split("\n", 1)[1]), separator=";", infer_schema=False)
    assert exported["Nimi"][0] == "'" + cell  # a spreadsheet shows it as text
    assert exported["Luku"][0] == "-1.5"  # numbers stay numbers
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet.excel_bytes(frame, ["Otsikko"], "Taulu"))).active
    assert sheet.cell(3, 1).value == "Nimi" and sheet.cell(4, 1).data_type == "s"  # a string cell, never a formula
    assert sheet.cell(4, 1).value == cell and sheet.cell(4, 2).value == -1.5
