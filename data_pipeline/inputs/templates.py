"""`hyte template DIR`: empty register files (CSV and Excel) and SARAKKEET.md describing every column.

The templates follow the package they are for (`--config`, or the hyte.toml of a folder DIR is in):
its age groups give the events register's participant columns, and its codes (districts, age groups,
priority areas, departments, working groups, NGOs, ...) become the Excel drop-down lists, so a file
filled in from the lists loads without a problem. The Excel template's first sheet is the register
itself (what the reader reads), then an instructions sheet, then a hidden "codes" sheet that the
drop-down lists refer to (a list of 3 000 postal areas does not fit in a list formula).

The texts are in the package's languages (hyte.toml's `language`), else in Finnish, Swedish and
English side by side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from data_pipeline.i18n import LANGUAGES, translate
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.districts import read_districts_once
from data_pipeline.inputs.readers import read_register_file

DEFAULT_AGE_GROUPS = ("children_youth", "working_age", "older")
TYPE_NAMES = {R.TEXT: "template.type.text", R.INT: "template.type.int", R.FLOAT: "template.type.float",
              R.DATE: "template.type.date", R.BOOL: "template.type.bool", R.CODE_LIST: "template.type.code_list"}
# Rows of the register sheet that carry the drop-down lists and input checks.
TEMPLATE_ROWS = 20_000
# A yes/no column's drop-down, in the template's first language (the validator takes all of these).
YES_NO = {"fi": ("kyllä", "ei"), "sv": ("ja", "nej"), "en": ("yes", "no")}
# Which register and column define each reference kind's codes, and the columns naming them (the first
# one filled in wins: the name in the language asked for, else in Finnish).
_PROVIDERS = {R.REF_DEPARTMENT: ("departments", "code", ("name_{lang}", "name_fi")),
              R.REF_GROUP: ("working_groups", "code", ("name_{lang}", "name_fi")),
              R.REF_NGO: ("ngos", "id", ("name",)), R.REF_GOAL: ("goals", "code", ("text_{lang}", "text_fi")),
              R.REF_MEETING: ("meetings", "id", ("date",))}
NUMBER_FORMATS = {R.DATE: "D.M.YYYY", R.INT: "0", R.FLOAT: "General", R.TEXT: "@", R.BOOL: "@", R.CODE_LIST: "@"}
_SPECIAL_FORMATS = {"lon": "0.000000", "lat": "0.000000", "grant_eur": "#,##0.00"}




class Texts:
    """The catalogue's texts in the languages a template is written in: one of them, or several side by
    side ("kyllä / ja / yes")."""

    def __init__(self, languages: tuple[str, ...] = LANGUAGES):
        self.languages = tuple(languages) or LANGUAGES

    def each(self, key: str, **fmt) -> list[str]:
        return [translate(key, lang, **fmt) for lang in self.languages]

    def joined(self, key: str, separator: str = " / ", **fmt) -> str:
        return separator.join(dict.fromkeys(self.each(key, **fmt)))

    def column(self, col: R.ColumnSpec) -> list[str]:
        return [col.text(lang) for lang in self.languages]


def required_in(config: Config | None) -> tuple[str, ...]:
    """The languages a name is required in: the package's (Swedish alone in a Swedish package), else Finnish."""
    return config.name_languages if config is not None else ("fi",)


def template_languages(config: Config | None) -> tuple[str, ...]:
    """The package's languages, else all three."""
    return config.languages if config is not None and config.languages else LANGUAGES


@dataclass
class Codes:
    """The codes a template's drop-down lists offer: reference kind -> [(code, name)]."""

    lists: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def codes(self, kind: str) -> list[str]:
        return [code for code, _name in self.lists.get(kind, [])]


def find_package_config(directory: Path) -> Path | None:
    """The hyte.toml of the package `directory` is in (or is), looking upwards; None outside a package."""
    here = directory.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "hyte.toml"
        if candidate.is_file():
            return candidate
    return None


def package_codes(config: Config, lang: str = "fi") -> Codes:
    """Every code a register may refer to, named in `lang` (else in Finnish), from hyte.toml, the districts
    file and the registers so far.

    A register that cannot be read yet gives no list (its codes are then typed, and checked on load).
    """
    def named(*names: str | None) -> str:
        return next((n for n in names if n), "")

    lists: dict[str, list[tuple[str, str]]] = {
        R.REF_AGE_GROUP: [(g.code, named(getattr(g, f"name_{lang}", None), g.name_fi)) for g in config.age_groups],
        R.REF_PRIORITY_AREA: [(a.code, named(getattr(a, f"name_{lang}", None), a.name_fi))
                              for a in config.priority_areas],
        R.REF_INDICATOR: [(str(i.id), named(getattr(i, f"title_{lang}", None), i.title_fi))
                          for i in config.indicators if i.source == "local"],
    }
    if config.districts_file is not None and config.districts_file.is_file():
        districts, problems = read_districts_once(config.districts_file, config.district_id_property,
                                             config.district_name_property, config.district_name_sv_property)
        if districts is not None and not problems:
            local = f"name_{lang}" if f"name_{lang}" in districts.columns else "name_fi"
            lists[R.REF_DISTRICT] = [(row["code"], named(row[local], row["name_fi"]))
                                     for row in districts.select(*dict.fromkeys(("code", "name_fi", local))).iter_rows(named=True)]
    for kind, (register, key, names) in _PROVIDERS.items():
        lists[kind] = _register_codes(config.registers_dir, register, key,
                                      tuple(n.format(lang=lang) for n in names))
    return Codes(lists)


def _register_codes(registers_dir: Path, register: str, key: str, names: tuple[str, ...]) -> list[tuple[str, str]]:
    for path in (registers_dir / f"{register}.csv", registers_dir / f"{register}.xlsx"):
        if not path.is_file():
            continue
        raw, problems = read_register_file(path)
        if raw is None or problems or key not in raw.header:
            return []
        k = raw.header.index(key)
        where = [raw.header.index(n) for n in names if n in raw.header]
        out, seen = [], set()
        for _line, cells in raw.rows:
            code = cells[k].strip() if k < len(cells) else ""
            if code and code not in seen:
                seen.add(code)
                name = next((cells[i].strip() for i in where if i < len(cells) and cells[i].strip()), "")
                out.append((code, name))
        return out
    return []


def _has_rows(path: Path) -> bool:
    raw, _problems = read_register_file(path)
    return raw is None or bool(raw.rows)  # unreadable: treat as someone's work, keep it


def write_templates(directory: Path, age_groups: tuple[str, ...] = DEFAULT_AGE_GROUPS, *,
                    config: Config | None = None, kept: list[Path] | None = None,
                    rewritten: list[Path] | None = None, current: list[Path] | None = None) -> list[Path]:
    """Write `<register>.csv` and `<register>.xlsx` templates and SARAKKEET.md; returns what was written.

    With `config`, the templates follow that package (age groups, drop-down lists named in its language).
    A register file that already holds rows is never overwritten (added to `kept`). An empty template
    (no data rows) is rewritten whenever what it would offer changed: new codes in the lists, another
    language, other columns (added to `rewritten`); one that is still what would be written is left
    (added to `current`). In the package's own registers folder only missing or empty registers are
    written, as Excel only: an empty Excel template is itself a valid empty register, and a register must
    not be there twice (an empty CSV is replaced by the workbook).
    """
    directory.mkdir(parents=True, exist_ok=True)
    languages = template_languages(config)
    codes = package_codes(config, languages[0]) if config is not None else Codes()
    if config is not None:
        age_groups = config.age_group_codes
    in_registers = config is not None and directory.resolve() == config.registers_dir.resolve()
    written: list[Path] = []
    kept = kept if kept is not None else []
    rewritten = rewritten if rewritten is not None else []
    current = current if current is not None else []
    for name in R.REGISTER_ORDER:
        columns = R.register_columns(name, age_groups, required_in(config))
        existing = [p for p in (directory / f"{name}.csv", directory / f"{name}.xlsx") if p.is_file()]
        if in_registers and existing:
            if any(_has_rows(path) for path in existing):
                kept.extend(existing)
                continue
        for suffix in ((".xlsx",) if in_registers else (".csv", ".xlsx")):
            path = directory / f"{name}{suffix}"
            if path.is_file() and _has_rows(path):
                kept.append(path)
                continue
            was_there = path.is_file()
            if suffix == ".csv":
                text = ";".join(c.name for c in columns) + "\n"
                if was_there and path.read_text(encoding="utf-8-sig") == text:
                    current.append(path)
                    continue
                path.write_text(text, encoding="utf-8-sig")
            else:
                fresh = path.with_name(f".{path.stem}.new.xlsx")
                write_xlsx_template(fresh, name, columns, codes, languages)
                if was_there and _same_template(path, fresh):
                    fresh.unlink()
                    current.append(path)
                    continue
                fresh.replace(path)
            if in_registers:
                for other in existing:
                    if other != path:
                        other.unlink()  # an empty CSV gives way to the workbook: a register is one file
            if was_there or (in_registers and existing):
                rewritten.append(path)
            written.append(path)
    readme = directory / "SARAKKEET.md"
    readme.write_text(column_document(age_groups, languages, required_in(config)), encoding="utf-8")
    written.append(readme)
    return written


def _workbook_contents(path: Path) -> list | None:
    """What an empty template offers: every sheet's name and cells, and the register sheet's drop-downs."""
    try:
        book = load_workbook(path)
    except Exception:  # noqa: BLE001 - unreadable: not the template we would write
        return None
    out = []
    for sheet in book.worksheets:
        out.append((sheet.title, [tuple(c.value for c in row) for row in sheet.iter_rows()]))
    first = book.worksheets[0]
    out.append(sorted((str(v.sqref), v.formula1, v.prompt) for v in first.data_validations.dataValidation))
    return out


def _same_template(old: Path, new: Path) -> bool:
    return _workbook_contents(old) == _workbook_contents(new)


def _allowed(col: R.ColumnSpec) -> str:
    return f" ({', '.join(col.choices)})" if col.choices else ""


def column_document(age_groups: tuple[str, ...], languages: tuple[str, ...] = LANGUAGES,
                    names_in: tuple[str, ...] = ("fi",)) -> str:
    """SARAKKEET.md: every register's columns, whether required, their type and meaning, in `languages`."""
    t = Texts(languages)
    doc = [f"# {t.joined('template.doc.title')}", "", *t.each("template.doc.formats"), ""]
    head = [t.joined("template.col.column"), t.joined("template.col.required"), t.joined("template.col.type"),
            *t.each("template.col.description")]
    for name in R.REGISTER_ORDER:
        spec = R.REGISTERS[name]
        titles = " / ".join(dict.fromkeys(spec.title(lang) for lang in t.languages))
        doc += [f"## {name}.csv — {titles}", "", "| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
        for col in R.register_columns(name, age_groups, names_in):
            allowed = _allowed(col)
            required = t.joined("template.yes" if col.required else "template.no")
            cells = [f"`{col.name}`", required, t.joined(TYPE_NAMES[col.type]),
                     *(f"{text}{allowed}" for text in t.column(col))]
            doc.append("| " + " | ".join(cells) + " |")
        doc += ["", f"{t.joined('template.key')}: {', '.join(spec.key)}", ""]
    return "\n".join(doc)


def _choices(col: R.ColumnSpec, codes: Codes, lang: str = "fi") -> tuple[str, ...]:
    """The codes a column's drop-down offers (yes/no: the words themselves)."""
    if col.choices:
        return col.choices
    if col.type == R.BOOL:
        return YES_NO[lang]
    if col.ref:
        return tuple(codes.codes(col.ref))
    return ()


def _labels(col: R.ColumnSpec, choices: tuple[str, ...], codes: Codes, lang: str) -> tuple[str, ...]:
    """What the drop-down shows for each code: its name in `lang` with the code beside it,
    "Asukasilta (resident_evening)", "Keskusta (01)"; the reader takes such an entry as its code."""
    if col.type == R.BOOL:
        return choices
    if col.choices:
        names = {code: R.choice_name(col, code, lang) for code in choices}
    else:
        names = dict(codes.lists.get(col.ref, [])) if col.ref else {}
    return tuple(f"{names[code]} ({code})" if names.get(code) and names[code] != code else code for code in choices)


def write_xlsx_template(path: Path, register: str, columns: tuple[R.ColumnSpec, ...], codes: Codes,
                        languages: tuple[str, ...] = LANGUAGES) -> None:
    """One register as an Excel template: the register sheet (header row frozen, formats and drop-down
    lists on the columns), an instructions sheet in `languages` and a hidden sheet of the lists' codes."""
    t = Texts(languages)
    book = Workbook()
    sheet = book.active
    sheet.title = register[:31]
    instructions = book.create_sheet(translate("template.sheet.instructions", t.languages[0])[:31])
    code_sheet = book.create_sheet("codes")
    code_sheet.sheet_state = "hidden"

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    sheet.append([c.name for c in columns])
    sheet.freeze_panes = "A2"
    list_ranges: dict[tuple[str, ...], str] = {}
    for index, col in enumerate(columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header.font, header.fill = bold, fill
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(len(col.name) + 4, 14)
        dimension.number_format = _SPECIAL_FORMATS.get(col.name, NUMBER_FORMATS[col.type])
        validation = _validation(t, col, _choices(col, codes, t.languages[0]), code_sheet, list_ranges, codes)
        if validation is not None:
            validation.promptTitle = col.name[:32]
            validation.prompt = " / ".join(t.column(col))[:255]
            validation.showInputMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
    _write_instructions(t, instructions, register, columns, codes)
    for helper in (instructions, code_sheet):
        _as_text(helper)
    book.save(path)


def _as_text(sheet) -> None:
    """Stored names are text, never formulas: openpyxl would write "=A1&A1" (a district's name) as one."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def _validation(t: Texts, col: R.ColumnSpec, choices: tuple[str, ...], code_sheet, list_ranges: dict,
                codes: Codes) -> DataValidation | None:
    error = " / ".join(t.column(col))[:255]
    if choices:
        labels = _labels(col, choices, codes, t.languages[0])
        if labels not in list_ranges:
            # Three columns a list: what the drop-down shows, the code, the name.
            column = len(list_ranges) * 3 + 1
            letter = get_column_letter(column)
            code_sheet.cell(row=1, column=column, value=t.joined("template.codes.choice"))
            code_sheet.cell(row=1, column=column + 1, value=col.ref or col.name)
            code_sheet.cell(row=1, column=column + 2, value=t.joined("template.codes.name"))
            names = dict(codes.lists.get(col.ref, [])) if col.ref else {}
            for row, (code, label) in enumerate(zip(choices, labels), start=2):
                code_sheet.cell(row=row, column=column, value=label).number_format = "@"
                code_sheet.cell(row=row, column=column + 1, value=code).number_format = "@"
                name = R.choice_name(col, code, t.languages[0]) if col.choices else names.get(code, "")
                code_sheet.cell(row=row, column=column + 2, value=name if name != code else "")
            list_ranges[labels] = f"codes!${letter}$2:${letter}${len(choices) + 1}"
        # A code list (several codes, separated by commas) offers the list but accepts what is typed.
        strict = col.type != R.CODE_LIST
        return DataValidation(type="list", formula1=list_ranges[labels], allow_blank=not col.required,
                              showErrorMessage=strict, errorTitle=t.joined("template.error.unknown")[:32],
                              error=error)
    if col.type == R.DATE:
        latest = dt.date.today().year + R.MAX_YEARS_AHEAD
        return DataValidation(type="date", operator="between", formula1=f"DATE({R.MIN_YEAR},1,1)",
                              formula2=f"DATE({latest},12,31)", allow_blank=not col.required, showErrorMessage=True,
                              errorTitle=t.joined("template.error.date")[:32], error=error)
    if col.type in (R.INT, R.FLOAT):
        kind = "whole" if col.type == R.INT else "decimal"
        low = col.min_value if col.min_value is not None else -999_999_999
        high = col.max_value if col.max_value is not None else 999_999_999
        if col.name == "year":
            high = dt.date.today().year + R.MAX_YEARS_AHEAD
        return DataValidation(type=kind, operator="between", formula1=_number(low), formula2=_number(high),
                              allow_blank=not col.required, showErrorMessage=True,
                              errorTitle=t.joined("template.error.number")[:32], error=error)
    return DataValidation(allow_blank=True)  # input message only


def _number(value: float) -> str:
    """A bound as an Excel formula literal: plain digits, never an exponent."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _write_instructions(t: Texts, sheet, register: str, columns: tuple[R.ColumnSpec, ...], codes: Codes) -> None:
    spec = R.REGISTERS[register]
    bold = Font(bold=True)
    titles = " / ".join(dict.fromkeys(spec.title(lang) for lang in t.languages))
    sheet.append([f"{register}: {titles}"])
    sheet["A1"].font = Font(bold=True, size=14)
    general = t.each("template.general")
    for text in general:
        sheet.append([text])
    sheet.append([t.joined("template.codes_note")])
    sheet.append([f"{t.joined('template.key')}: {', '.join(spec.key)}"])
    sheet.append([])
    descriptions = t.each("template.col.description")
    sheet.append([t.joined("template.col.column"), t.joined("template.col.required"), t.joined("template.col.type"),
                  *descriptions, t.joined("template.col.allowed")])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
    for col in columns:
        choices = _labels(col, _choices(col, codes, t.languages[0]), codes, t.languages[0])
        shown = ", ".join(choices[:30]) + (" …" if len(choices) > 30 else "")
        sheet.append([col.name, t.joined("template.yes" if col.required else "template.no"),
                      t.joined(TYPE_NAMES[col.type]), *t.column(col), shown])
    for row in sheet.iter_rows(min_row=2, max_row=len(general) + 1):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    width = 4 + len(descriptions)  # column, required, type, a description per language, allowed
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    for letter, size in zip(letters, (24, 16, 24, *(40,) * len(descriptions), 50)):
        sheet.column_dimensions[letter].width = size
    for number in range(2, len(general) + 2):
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        sheet.row_dimensions[number].height = 48
