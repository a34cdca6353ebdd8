"""The register editors (/registers): every register of the package as a table to edit, in one language.

A register is read from the package (the source of truth) as text cells and typed for Streamlit's data
editor: a code column becomes a drop-down of the codes that exist, each shown by its name in the person's
language; dates, numbers and yes/no get their own cells. What the person typed is checked as they type
by the upload's own register checks (data_pipeline.load.package.check_registers: the same validators,
references between registers and cross-checks, in the same words as `hyte check`), and saved as the file
an upload would bring, through the upload's process (widgets; data_pipeline.load.worker). The quick forms
(log a meeting, log an event) make rows the same way. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from dashboard.core import cache
from dashboard.core import screen
from dashboard.core.i18n import translate
from dashboard.core.model import Heading, Message
from data_pipeline.i18n import grouped
from data_pipeline.inputs import registers as R
from data_pipeline.inputs import validate
from data_pipeline.inputs.config import Config, ConfigError, load_config
from data_pipeline.inputs.problems import Problem
from data_pipeline.inputs.register_rows import RegisterRows, raw_table, read_rows
from data_pipeline.inputs.templates import YES_NO, Codes, package_codes
from data_pipeline.load.package import check_registers
from data_pipeline.load.refresh import store_matches
from data_pipeline.load.uploads import package_config

TEXT, INT, FLOAT, DATE, BOOL, CHOICE, MULTI = "text", "int", "float", "date", "bool", "choice", "multi"
_TYPED = {R.INT: INT, R.FLOAT: FLOAT, R.DATE: DATE, R.BOOL: BOOL, R.CODE_LIST: MULTI}
_POLARS = {TEXT: pl.Utf8, CHOICE: pl.Utf8, INT: pl.Int64, FLOAT: pl.Float64, DATE: pl.Date, BOOL: pl.Boolean,
           MULTI: pl.List(pl.Utf8)}


@dataclass(frozen=True)
class EditorColumn:
    """One column as the editor shows it: its label and tooltip in the person's language, its kind, and
    for a drop-down the codes it offers with the name each is shown by."""

    name: str
    label: str
    help: str
    kind: str
    required: bool
    options: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    min_value: float | None = None
    max_value: float | None = None

    def shown(self, code: str) -> str:
        return self.names.get(code) or code


@dataclass(frozen=True)
class RegisterEditor:
    """A register as the data editor gets it: its columns, its rows typed, and the version they came from."""

    register: str
    title: str
    columns: tuple[EditorColumn, ...]
    frame: pl.DataFrame
    version: str
    yes_no: tuple[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True)
class RegistersModel:
    heading: Heading
    lead: str
    package: Path | None
    config: Config | None  # the package's hyte.toml read; None: no package to edit (no_package says why)
    no_package: Message | None
    registers: tuple[str, ...]
    register_labels: dict[str, str]


def package(store: cache.Store) -> tuple[Path | None, Config | None]:
    """The package the store was loaded from, and its hyte.toml read (None: there is none, or it is broken)."""
    path = package_config(cache.engine(store.url))
    if path is None or not path.is_file():
        return path, None
    try:
        return path, load_config(path)
    except ConfigError:
        return path, None


def register_label(register: str, lang: str) -> str:
    return R.REGISTERS[register].title(lang)


def build(store: cache.Store, lang: str) -> RegistersModel:
    path, config = package(store)
    no_package = None if config is not None else Message(
        "error", translate("up.no_package", lang, path=str(path or "–")), ":material/folder_off:")
    return RegistersModel(
        heading=screen.heading(store, "page.registers", lang),
        lead=translate("reg.lead", lang),
        package=path if config is not None else None,
        config=config,
        no_package=no_package,
        registers=R.REGISTER_ORDER,
        register_labels={name: register_label(name, lang) for name in R.REGISTER_ORDER})


# --- one register in the editor -------------------------------------------------------------------------

def codes(config: Config, lang: str) -> Codes:
    """The codes the drop-downs offer, named in `lang` (data_pipeline.inputs.templates: the Excel
    templates' lists are the same)."""
    return package_codes(config, lang)


def _label(col: R.ColumnSpec, config: Config, lang: str) -> str:
    if col.name.startswith("participants_"):
        code = col.name.removeprefix("participants_")
        group = next((g for g in config.age_groups if g.code == code), None)
        name = (getattr(group, f"name_{lang}", None) or group.name_fi) if group else code
        return translate("regcol.participants", lang, group=name)
    return translate(f"regcol.{col.name}", lang)


def editor_columns(config: Config, register: str, lang: str, known: Codes) -> tuple[EditorColumn, ...]:
    out = []
    for col in R.register_columns(register, config.age_group_codes):
        kind, options, names = _TYPED.get(col.type, TEXT), (), {}
        if col.choices:
            kind, options = CHOICE, col.choices
            names = {code: R.choice_name(col, code, lang) for code in col.choices}
        elif col.ref and col.ref in known.lists and col.type != R.INT:
            pairs = known.lists[col.ref]
            kind = MULTI if col.type == R.CODE_LIST else CHOICE
            options = tuple(code for code, _name in pairs)
            names = {code: (f"{name} ({code})" if name and name != code else code) for code, name in pairs}
        out.append(EditorColumn(col.name, _label(col, config, lang), col.text(lang), kind, col.required, options,
                                names, col.min_value, col.max_value))
    return tuple(out)


def _typed(kind: str, text: str):
    if not text:
        return [] if kind == MULTI else None
    if kind == INT:
        return validate.parse_int(text)
    if kind == FLOAT:
        return validate.parse_float(text)
    if kind == DATE:
        return validate.parse_date(text)
    if kind == BOOL:
        return validate.parse_bool(text)
    if kind == MULTI:
        return [code.strip() for code in text.replace(";", ",").replace("|", ",").split(",") if code.strip()]
    return text


def editor(config: Config, register: str, lang: str, rows: tuple[tuple[str, ...], ...] | list,
           version: str) -> RegisterEditor:
    """The register's `rows` (text cells, the register's columns in order) typed for the data editor. A
    column with a cell its type cannot read stays text, so nothing the file holds is lost or hidden."""
    known = codes(config, lang)
    columns = list(editor_columns(config, register, lang, known))
    data: dict[str, list] = {}
    for i, col in enumerate(columns):
        texts = [row[i] if i < len(row) else "" for row in rows]
        try:
            data[col.name] = [_typed(col.kind, text) for text in texts]
        except validate.CellError:
            columns[i] = EditorColumn(col.name, col.label, col.help, TEXT, col.required)
            data[col.name] = [text or None for text in texts]
            continue
        if col.kind in (CHOICE, MULTI):  # a code that is not (or no longer) offered is shown, not dropped
            present = [v for value in data[col.name] for v in (value if col.kind == MULTI else [value]) if v]
            extra = tuple(dict.fromkeys(v for v in present if v not in col.options))
            if extra:
                columns[i] = EditorColumn(col.name, col.label, col.help, col.kind, col.required,
                                          col.options + extra, col.names, col.min_value, col.max_value)
    frame = pl.DataFrame({c.name: data[c.name] for c in columns},
                         schema={c.name: _POLARS[c.kind] for c in columns})
    first = config.languages[0] if config.languages else "fi"
    return RegisterEditor(register, register_label(register, lang), tuple(columns), frame, version,
                          YES_NO.get(first, YES_NO["fi"]))


def current(config: Config, register: str) -> RegisterRows:
    """The package's rows of `register` now, and their version."""
    return read_rows(config.registers_dir, register, config.age_group_codes)


def _text(kind: str, value, yes_no: tuple[str, str]) -> str:
    if value is None:
        return ""
    if kind == DATE:
        day = value if isinstance(value, dt.date) else validate.parse_date(str(value))
        return f"{day.day}.{day.month}.{day.year}"
    if kind == BOOL:
        return yes_no[0] if value else yes_no[1]
    if kind == MULTI:
        return ",".join(str(v) for v in value if v)
    if kind == INT:
        return str(int(value)) if not isinstance(value, str) else value
    if kind == FLOAT:
        return repr(float(value)) if not isinstance(value, str) else value
    if isinstance(value, float) and value != value:  # NaN from an emptied cell
        return ""
    return str(value).strip()


def text_rows(shown: RegisterEditor, edited: pl.DataFrame) -> list[tuple[str, ...]]:
    """The edited table as the register file's text cells; rows left wholly empty are dropped."""
    out = []
    for record in edited.iter_rows(named=True):
        row = tuple(_text(col.kind, record.get(col.name), shown.yes_no) for col in shown.columns)
        if any(cell for cell in row if cell not in shown.yes_no[1:]):
            out.append(row)
    return out


@dataclass(frozen=True)
class Checked:
    """What the upload's register checks say about the edited rows: each row's problems (row number from
    1 as the editor shows them, its key, the column's label, the message), and lines about other registers
    the edit breaks (a meeting's group removed), as `file:line: column: message`."""

    rows: tuple[tuple[int, str, str, str], ...]
    others: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.rows and not self.others


def check(config: Config, shown: RegisterEditor, rows: list[tuple[str, ...]], lang: str,
          more: dict[str, list[tuple[str, ...]]] | None = None, *, loaded: bool = False) -> Checked:
    """The edited rows (and `more` registers' rows, for a quick form writing two) checked as an upload
    would check them, with the rest of the package as it is on disk. `loaded`: the store holds that
    package as it is (is_loaded), so only the registers the edit can affect are checked again."""
    replaced = {shown.register: raw_table(shown.register, shown.names, rows)}
    for register, extra in (more or {}).items():
        columns = tuple(c.name for c in R.register_columns(register, config.age_group_codes))
        replaced[register] = raw_table(register, columns, extra)
    return problems_of(check_registers(config, replaced, loaded=loaded), shown, rows, lang)


def is_loaded(store: cache.Store, config: Config) -> bool:
    """Whether the store holds the package exactly as it is on disk (every file's hash the last load's):
    then every register on disk passed the checks, and an unedited register needs no check."""
    return store_matches(config, cache.engine(store.url))


def problems_of(problems: list[Problem], shown: RegisterEditor, rows: list[tuple[str, ...]], lang: str) -> Checked:
    """Problems (the editors' check, or a refused save's lines) sorted to the rows they are about."""
    own = f"{shown.register}.csv"
    labels = {c.name: c.label for c in shown.columns}
    key_at = [shown.names.index(k) for k in R.REGISTERS[shown.register].key if k in shown.names]
    cells, others = [], []
    for problem in problems:
        index = (problem.line or 0) - 2
        if problem.file == own and 0 <= index < len(rows):
            key = ", ".join(rows[index][i] for i in key_at if rows[index][i])
            column = ", ".join(labels.get(c.strip(), c.strip()) for c in problem.column.split(","))
            cells.append((index + 1, key, column, problem.message.text(lang)))
        else:
            others.append(problem.text(lang))
    return Checked(tuple(cells), tuple(others))


def problem_lines(checked: Checked, lang: str) -> list[str]:
    """Each row's problems as a line the person reads: "Rivi 3 (e1) · Päivämäärä: ..."."""
    return [translate("reg.problem", lang, row=grouped(row), key=key or "–", column=column, message=message)
            for row, key, column, message in checked.rows] + list(checked.others)
