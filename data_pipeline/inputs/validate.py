"""Checks every cell of a register against its spec and returns typed rows, or every problem found."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass

import polars as pl

from data_pipeline.i18n import Message, msg
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.problems import Problem, ProblemList
from data_pipeline.inputs.readers import MAX_CELL_CHARS, RawTable

TODAY = dt.date.today

_TRUE = {"kyllä", "k", "yes", "y", "ja", "true", "1", "x", "tosi"}
_FALSE = {"ei", "e", "no", "n", "nej", "false", "0", "", "epätosi"}
_FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A drop-down entry of a template names its code: "Asukasilta (resident_evening)", "Keskusta (01)".
_LABELLED = re.compile(r"^.*\S\s*\(([^()]+)\)$")
_SPACES = str.maketrans("", "", " \u00a0\u202f")
# Spreadsheet programs execute cells that start with these; a register never needs them.
_FORMULA_START = ("=", "+", "@")

POLARS_TYPES = {R.TEXT: pl.Utf8, R.INT: pl.Int64, R.FLOAT: pl.Float64, R.DATE: pl.Date,
                R.BOOL: pl.Boolean, R.CODE_LIST: pl.List(pl.Utf8)}


class CellError(ValueError):
    """A cell's text does not fit its column; the message (a `Message`) is for the user."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def parse_int(text: str) -> int:
    cleaned = text.translate(_SPACES)
    if cleaned.endswith(",0") or cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not re.fullmatch(r"[+-]?\d{1,15}", cleaned):
        raise CellError(msg("problem.not_whole_number", value=_short(text)))
    return int(cleaned)


def parse_float(text: str) -> float:
    cleaned = text.translate(_SPACES).replace("−", "-")
    if "," in cleaned and "." in cleaned:
        # 1.234,5 (Finnish with dot grouping) or 1,234.5 (English): the last mark is the decimal one.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?", cleaned):
        raise CellError(msg("problem.not_number", value=_short(text)))
    return float(cleaned)


def parse_date(text: str) -> dt.date:
    value = text.strip()
    if "T" in value or " " in value:
        value = value.replace("T", " ").split(" ")[0]
    m = _FI_DATE.match(value)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _ISO_DATE.match(value)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise CellError(msg("problem.no_such_date", value=_short(text))) from None
    raise CellError(msg("problem.not_date", value=_short(text)))


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(msg("problem.not_yes_no", value=_short(text)))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _parse(col: R.ColumnSpec, text: str):
    if col.type == R.INT:
        return parse_int(text)
    if col.type == R.FLOAT:
        return parse_float(text)
    if col.type == R.DATE:
        return parse_date(text)
    if col.type == R.BOOL:
        return parse_bool(text)
    if col.type == R.CODE_LIST:
        return [code.strip() for code in re.split(r"[,;|]", text) if code.strip()]
    return text


def _check_range(col: R.ColumnSpec, value) -> None:
    if col.type in (R.INT, R.FLOAT):
        if col.min_value is not None and value < col.min_value:
            raise CellError(msg("problem.below_minimum", value=value, limit=f"{col.min_value:g}"))
        if col.max_value is not None and value > col.max_value:
            raise CellError(msg("problem.above_maximum", value=value, limit=f"{col.max_value:g}"))
        if col.name == "year" and value > TODAY().year + R.MAX_YEARS_AHEAD:
            raise CellError(msg("problem.year_too_far_ahead", year=value))
    if col.type == R.DATE:
        latest = TODAY().year + R.MAX_YEARS_AHEAD
        if not R.MIN_YEAR <= value.year <= latest:
            raise CellError(msg("problem.date_out_of_range", date=f"{value:%d.%m.%Y}", first=R.MIN_YEAR, last=latest))
    if col.choices and value not in col.choices:
        raise CellError(msg("problem.not_a_choice", value=_short(value), choices=", ".join(col.choices)))


def validate_register(
    raw: RawTable,
    columns: tuple[R.ColumnSpec, ...],
    key: tuple[str, ...],
    known: dict[str, set[str]],
    *,
    rejected: dict[str, RejectedRows] | None = None,
    rejected_keys: dict[str, int] | None = None,
    into: ProblemList | None = None,
) -> tuple[pl.DataFrame, list[Problem]]:
    """Type every cell, check ranges, choices, references and duplicate keys.

    `known` maps a reference kind (registers.REF_*) to the codes that exist; a column whose kind is
    absent from `known` is not reference-checked. `rejected` maps a reference kind to the rows of its
    register that were rejected, so a reference to one is named as such instead of as unknown (one bad
    row, one root problem). `rejected_keys`, when given, receives this register's own rejected rows:
    the first key column's text -> line. Problems go `into` a shared list when given (and that list is
    returned); otherwise into a fresh one capped per file (`ProblemList`), whose finished form is returned.
    """
    problems = into if into is not None else ProblemList()
    already = problems.counts[raw.file]

    def done(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
        return frame, (problems if into is not None else problems.finished())
    by_name = {c.name: c for c in columns}
    header_counts = Counter(raw.header)
    for name, count in header_counts.items():
        if count > 1:
            problems.append(Problem(raw.file, 1, name, msg("problem.column_twice")))
        elif name not in by_name and name:
            problems.append(Problem(raw.file, 1, name, msg("problem.unknown_column", allowed=", ".join(by_name))))
    for col in columns:
        if col.required and col.name not in header_counts:
            problems.append(Problem(raw.file, 1, col.name, msg("problem.required_column_missing")))
    if problems.counts[raw.file] > already:
        return done(_empty_frame(columns))

    position = {name: raw.header.index(name) for name in by_name if name in header_counts}
    values: dict[str, list] = {c.name: [] for c in columns}
    lines: list[int] = []
    last_line = raw.rows[-1][0] if raw.rows else 1
    # A cell's value (or its problem) depends only on its column and text, the known codes and the
    # rejected rows, all fixed for this register: the same text in a column is worked out once.
    # Registers repeat most cells (districts, dates, types, counts): 50,000 events in a third of the time.
    seen_cells: dict[str, dict[str, object]] = {c.name: {} for c in columns}
    for line, cells in raw.rows:
        if problems.should_stop(raw.file):
            problems.stop(raw.file, line, last_line)
            break
        row: dict[str, object] = {}
        row_ok = True
        for col in columns:
            idx = position.get(col.name)
            text = cells[idx].strip() if idx is not None and idx < len(cells) else ""
            memo = seen_cells[col.name]
            value = memo.get(text, _UNSEEN)
            if value is _UNSEEN:
                try:
                    value = _cell(col, text, known, rejected)
                except CellError as exc:
                    value = exc
                memo[text] = value
            if isinstance(value, CellError):
                problems.append(Problem(raw.file, line, col.name, value.message))
                row_ok = False
            else:
                row[col.name] = list(value) if isinstance(value, list) else value
        if len(cells) > len(raw.header) and any(c.strip() for c in cells[len(raw.header):]):
            problems.append(Problem(raw.file, line, "-", msg("problem.more_cells_than_headers")))
            row_ok = False
        if not row_ok and rejected_keys is not None and key:
            idx = position.get(key[0])
            code = cells[idx].strip() if idx is not None and idx < len(cells) else ""
            if code:
                rejected_keys.setdefault(code, line)
        if row_ok:
            lines.append(line)
            for name, value in row.items():
                values[name].append(value)

    seen: dict[tuple, int] = {}
    for i, line in enumerate(lines):
        k = tuple(values[name][i] for name in key)
        if k in seen:
            problems.append(Problem(raw.file, line, ", ".join(key), msg("problem.duplicate_key", line=seen[k])))
        else:
            seen[k] = line
    frame = pl.DataFrame({c.name: values[c.name] for c in columns},
                         schema={c.name: POLARS_TYPES[c.type] for c in columns})
    return done(frame.with_columns(pl.Series("_line", lines, dtype=pl.Int64)))


_UNSEEN = object()


@dataclass(frozen=True)
class RejectedRows:
    """The rows of a code-providing register that were rejected: which file, and code -> line."""

    file: str
    lines: dict[str, int]


def _cell(col: R.ColumnSpec, text: str, known: dict[str, set[str]],
          rejected: dict[str, RejectedRows] | None = None):
    if len(text) > MAX_CELL_CHARS:
        raise CellError(msg("problem.cell_too_long", length=len(text), limit=MAX_CELL_CHARS))
    if text.startswith(_FORMULA_START) and col.type not in (R.INT, R.FLOAT):
        raise CellError(msg("problem.formula", value=_short(text)))
    if not text:
        if col.required:
            raise CellError(msg("problem.required_value_missing"))
        return [] if col.type == R.CODE_LIST else (False if col.type == R.BOOL else None)
    text = _code_of_label(col, text, known)
    value = _parse(col, text)
    if col.type == R.CODE_LIST and col.ref:
        value = _codes_of_labels(col, text, value, known)
    _check_range(col, value)
    if col.ref and col.ref in known:
        codes = value if col.type == R.CODE_LIST else [str(value)]
        for code in codes:
            if code not in known[col.ref]:
                bad = (rejected or {}).get(col.ref)
                if bad is not None and code in bad.lines:
                    line = bad.lines[code]
                    raise CellError(msg("problem.reference_rejected", kind=msg(_REF_NAMES[col.ref]), code=_short(code),
                                        file=bad.file, line=line))
                raise CellError(unknown(col.ref, code, known[col.ref]))
    return value


# At most this many valid codes are named after an unknown one.
LISTED_CODES = 12


def unknown(kind: str, code: str, valid: set[str] | dict[str, str]) -> Message:
    """"unknown district 'Ruka'", with what would do: the code whose name it resembles ("did you mean
    '93830' (Rukatunturi)?"), else the valid codes (with their names where known: districts)."""
    problem = msg(_UNKNOWN_REFS[kind], code=_short(code))
    names = valid if isinstance(valid, dict) else dict.fromkeys(valid, "")
    if not names:
        return problem
    guess = _guess(code, names)
    if guess is not None:
        if names[guess]:
            return msg("problem.unknown.did_you_mean", problem=problem, code=guess, name=names[guess])
        return msg("problem.unknown.did_you_mean_code", problem=problem, code=guess)
    ordered = sorted(names)
    listed = ", ".join(f"{c} {names[c]}".strip() for c in ordered[:LISTED_CODES])
    if len(ordered) > LISTED_CODES:
        listed += f", … (+{len(ordered) - LISTED_CODES})"
    return msg("problem.unknown.valid", problem=problem, codes=listed)


def _guess(code: str, names: dict[str, str]) -> str | None:
    """The one valid code that `code` most likely means: a name it begins or is part of ("Ruka" in
    "Rukatunturi"), or a close spelling of a code or a name (difflib)."""
    text = code.strip().casefold()
    if not text:
        return None
    if len(text) >= 3:
        hits = [c for c, name in names.items() if name and text in name.casefold()]
        if len(hits) == 1:
            return hits[0]
    spelled = {c.casefold(): c for c in names} | {name.casefold(): c for c, name in names.items() if name}
    close = difflib.get_close_matches(text, list(spelled), n=1, cutoff=0.75)
    return spelled[close[0]] if close else None


def _code_of_label(col: R.ColumnSpec, text: str, known: dict[str, set[str]]) -> str:
    """The code in a template's drop-down entry ("Asukasilta (resident_evening)" -> "resident_evening"),
    when the cell is one and its code is valid here; otherwise the text as it is (and checked as such)."""
    if col.type == R.CODE_LIST or not (col.choices or col.ref) or "(" not in text:
        return text
    match = _LABELLED.match(text)
    if match is None:
        return text
    code = match.group(1).strip()
    valid = col.choices if col.choices else known.get(col.ref)
    return code if valid is not None and code in valid else text


def _codes_of_labels(col: R.ColumnSpec, text: str, codes: list[str], known: dict[str, set[str]]) -> list[str]:
    """A code list picked from a template's drop-down: "Keskusta (01)" or "Keskusta (01), Saari (02)"."""
    valid = known.get(col.ref)
    if valid is None or "(" not in text:
        return codes
    whole = _LABELLED.match(text)
    if whole and whole.group(1).strip() in valid and "," not in whole.group(1):
        inner = whole.group(1).strip()
        if all(code in valid or _LABELLED.match(code) is None for code in codes) and len(codes) > 1 \
                and any(code not in valid for code in codes):
            return [inner]
    out = []
    for code in codes:
        match = _LABELLED.match(code)
        out.append(match.group(1).strip() if match and match.group(1).strip() in valid else code)
    return out


# A reference kind's name ("the district 'x' is in districts.csv but ..."), and its "unknown" message,
# one per kind: Swedish says "okänt område" but "okänd åldersgrupp".
_REF_NAMES = {
    R.REF_DISTRICT: "reference.district", R.REF_AGE_GROUP: "reference.age_group",
    R.REF_PRIORITY_AREA: "reference.priority_area", R.REF_GOAL: "reference.goal",
    R.REF_DEPARTMENT: "reference.department", R.REF_GROUP: "reference.working_group", R.REF_NGO: "reference.ngo",
    R.REF_INDICATOR: "reference.indicator", R.REF_MEETING: "reference.meeting",
}
_UNKNOWN_REFS = {
    R.REF_DISTRICT: "problem.unknown.district", R.REF_AGE_GROUP: "problem.unknown.age_group",
    R.REF_PRIORITY_AREA: "problem.unknown.priority_area", R.REF_GOAL: "problem.unknown.goal",
    R.REF_DEPARTMENT: "problem.unknown.department", R.REF_GROUP: "problem.unknown.working_group",
    R.REF_NGO: "problem.unknown.ngo", R.REF_INDICATOR: "problem.unknown.indicator",
    R.REF_MEETING: "problem.unknown.meeting",
}


def _empty_frame(columns: tuple[R.ColumnSpec, ...]) -> pl.DataFrame:
    frame = pl.DataFrame(schema={c.name: POLARS_TYPES[c.type] for c in columns})
    return frame.with_columns(pl.Series("_line", [], dtype=pl.Int64))
