"""`hyte template DIR`: empty register files (CSV and Excel) and SARAKKEET.md describing every column.

The templates follow the package they are for (`--config`, or the hyte.toml of a folder DIR is in):
its age groups give the events register's participant columns, and its codes (districts, age groups,
priority areas, departments, working groups, NGOs, ...) become the Excel drop-down lists, so a file
filled in from the lists loads without a problem. The Excel template's first sheet is the register
itself (what the reader reads), then an instructions sheet in fi/sv/en, then a hidden "codes" sheet
that the drop-down lists refer to (a list of 3 000 postal areas does not fit in a list formula).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.districts import read_districts
from data_pipeline.inputs.readers import read_register_file

DEFAULT_AGE_GROUPS = ("children_youth", "working_age", "older")
TYPE_NAMES = {R.TEXT: "teksti / text / text", R.INT: "kokonaisluku / heltal / integer",
              R.FLOAT: "luku / tal / number", R.DATE: "päivämäärä / datum / date",
              R.BOOL: "kyllä/ei / ja/nej / yes/no", R.CODE_LIST: "tunnuslista / kodlista / code list"}
# Rows of the register sheet that carry the drop-down lists and input checks.
TEMPLATE_ROWS = 20_000
YES_NO = ("kyllä", "ei")
# Which register and columns define each reference kind's codes and their names.
_PROVIDERS = {R.REF_DEPARTMENT: ("departments", "code", "name_fi"), R.REF_GROUP: ("working_groups", "code", "name_fi"),
              R.REF_NGO: ("ngos", "id", "name"), R.REF_GOAL: ("goals", "code", "text_fi"),
              R.REF_MEETING: ("meetings", "id", "date")}
NUMBER_FORMATS = {R.DATE: "D.M.YYYY", R.INT: "0", R.FLOAT: "General", R.TEXT: "@", R.BOOL: "@", R.CODE_LIST: "@"}
_SPECIAL_FORMATS = {"lon": "0.000000", "lat": "0.000000", "grant_eur": "#,##0.00"}

GENERAL = (
    ("Täytä yksi rivi kutakin asiaa kohden ensimmäiselle välilehdelle. Älä muuta otsikkoriviä. Valitse tunnukset "
     "pudotusvalikoista (ne tulevat paketin tiedoista). Päivämäärät päivämäärinä, luvut lukuina. Ei henkilöiden "
     "nimiä. Tallenna tiedosto nimellä <rekisteri>.xlsx paketin registers-kansioon tai lataa se tietojen tila "
     "-näkymässä."),
    ("Fyll i en rad per sak på den första fliken. Ändra inte rubrikraden. Välj koderna i rullgardinsmenyerna (de "
     "kommer från paketets uppgifter). Datum som datum, tal som tal. Inga personnamn. Spara filen som "
     "<register>.xlsx i paketets mapp registers eller ladda upp den i vyn Datastatus."),
    ("Fill in one row per item on the first sheet. Do not change the header row. Pick codes from the drop-down "
     "lists (they come from the package's data). Dates as dates, numbers as numbers. No personal names. Save the "
     "file as <register>.xlsx in the package's registers folder, or upload it on the data-status screen."),
)
CODES_NOTE = ("Tunnusten nimet ovat piilotetulla välilehdellä codes (Näytä) / Kodernas namn finns på den dolda fliken "
              "codes (Ta fram) / The codes' names are on the hidden sheet 'codes' (Unhide)")


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


def package_codes(config: Config) -> Codes:
    """Every code a register may refer to, from hyte.toml, the districts file and the registers so far.

    A register that cannot be read yet gives no list (its codes are then typed, and checked on load).
    """
    lists: dict[str, list[tuple[str, str]]] = {
        R.REF_AGE_GROUP: [(g.code, g.name_fi) for g in config.age_groups],
        R.REF_PRIORITY_AREA: [(a.code, a.name_fi) for a in config.priority_areas],
        R.REF_INDICATOR: [(str(i.id), i.title_fi or "") for i in config.indicators if i.source == "local"],
    }
    if config.districts_file is not None and config.districts_file.is_file():
        districts, problems = read_districts(config.districts_file, config.district_id_property,
                                             config.district_name_property, config.district_name_sv_property)
        if districts is not None and not problems:
            lists[R.REF_DISTRICT] = list(districts.select("code", "name_fi").iter_rows())
    for kind, (register, key, name) in _PROVIDERS.items():
        lists[kind] = _register_codes(config.registers_dir, register, key, name)
    return Codes(lists)


def _register_codes(registers_dir: Path, register: str, key: str, name: str) -> list[tuple[str, str]]:
    for path in (registers_dir / f"{register}.csv", registers_dir / f"{register}.xlsx"):
        if not path.is_file():
            continue
        raw, problems = read_register_file(path)
        if raw is None or problems or key not in raw.header:
            return []
        k, n = raw.header.index(key), raw.header.index(name) if name in raw.header else None
        out, seen = [], set()
        for _line, cells in raw.rows:
            code = cells[k].strip() if k < len(cells) else ""
            if code and code not in seen:
                seen.add(code)
                out.append((code, cells[n].strip() if n is not None and n < len(cells) else ""))
        return out
    return []


def _has_rows(path: Path) -> bool:
    raw, _problems = read_register_file(path)
    return raw is None or bool(raw.rows)  # unreadable: treat as someone's work, keep it


def write_templates(directory: Path, age_groups: tuple[str, ...] = DEFAULT_AGE_GROUPS, *,
                    config: Config | None = None, kept: list[Path] | None = None) -> list[Path]:
    """Write `<register>.csv` and `<register>.xlsx` templates and SARAKKEET.md; returns what was written
    (and adds the files left as they were to `kept`, when given).

    With `config`, the templates follow that package (age groups, drop-down lists). A register file
    that already holds rows is never overwritten (kept); an empty template is rewritten with fresh
    lists. In the package's own registers folder only missing registers are written, as Excel only:
    an empty Excel template is itself a valid empty register, and a register must not be there twice.
    """
    directory.mkdir(parents=True, exist_ok=True)
    codes = package_codes(config) if config is not None else Codes()
    if config is not None:
        age_groups = config.age_group_codes
    in_registers = config is not None and directory.resolve() == config.registers_dir.resolve()
    written: list[Path] = []
    kept = kept if kept is not None else []
    for name in R.REGISTER_ORDER:
        columns = R.register_columns(name, age_groups)
        existing = [p for p in (directory / f"{name}.csv", directory / f"{name}.xlsx") if p.is_file()]
        if in_registers and existing:
            kept.extend(existing)
            continue
        for suffix in ((".xlsx",) if in_registers else (".csv", ".xlsx")):
            path = directory / f"{name}{suffix}"
            if path.is_file() and _has_rows(path):
                kept.append(path)
                continue
            if suffix == ".csv":
                path.write_text(";".join(c.name for c in columns) + "\n", encoding="utf-8-sig")
            else:
                write_xlsx_template(path, name, columns, codes)
            written.append(path)
    readme = directory / "SARAKKEET.md"
    readme.write_text(column_document(age_groups), encoding="utf-8")
    written.append(readme)
    return written


def _allowed(col: R.ColumnSpec) -> str:
    return f" ({', '.join(col.choices)})" if col.choices else ""


def column_document(age_groups: tuple[str, ...]) -> str:
    """SARAKKEET.md: every register's columns, whether required, their type and meaning in fi/sv/en."""
    doc = ["# Rekisteritiedostot / Registerfiler / Register files", "",
           "CSV (`;` tai `,`, UTF-8 tai Windows-1252) tai XLSX. Päivämäärät muodossa 22.11.2026 tai 2026-11-22, "
           "desimaalipilkku käy. Ei henkilöiden nimiä.",
           "CSV (`;` eller `,`, UTF-8 eller Windows-1252) eller XLSX. Datum som 22.11.2026 eller 2026-11-22; "
           "decimalkomma går bra. Inga personnamn.",
           "CSV (`;` or `,`, UTF-8 or Windows-1252) or XLSX. Dates as 22.11.2026 or 2026-11-22; decimal comma "
           "accepted. No personal names.", ""]
    for name in R.REGISTER_ORDER:
        spec = R.REGISTERS[name]
        doc += [f"## {name}.csv — {spec.fi} / {R.swedish(spec.en)} / {spec.en}", "",
                "| sarake / kolumn / column | pakollinen / obligatorisk / required | tyyppi / typ / type | kuvaus "
                "| beskrivning | description |",
                "|---|---|---|---|---|---|"]
        for col in R.register_columns(name, age_groups):
            allowed = _allowed(col)
            doc.append(f"| `{col.name}` | {'kyllä / yes' if col.required else 'ei / no'} | {TYPE_NAMES[col.type]} "
                       f"| {col.fi}{allowed} | {R.swedish(col.en)}{allowed} | {col.en}{allowed} |")
        doc += ["", f"Tunniste / nyckel / key: {', '.join(spec.key)}", ""]
    return "\n".join(doc)


def _choices(col: R.ColumnSpec, codes: Codes) -> tuple[str, ...]:
    if col.choices:
        return col.choices
    if col.type == R.BOOL:
        return YES_NO
    if col.ref:
        return tuple(codes.codes(col.ref))
    return ()


def write_xlsx_template(path: Path, register: str, columns: tuple[R.ColumnSpec, ...], codes: Codes) -> None:
    """One register as an Excel template: the register sheet (header row frozen, formats and drop-down
    lists on the columns), an instructions sheet in fi/sv/en and a hidden sheet of the lists' codes."""
    book = Workbook()
    sheet = book.active
    sheet.title = register[:31]
    instructions = book.create_sheet("ohjeet")
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
        validation = _validation(col, _choices(col, codes), code_sheet, list_ranges, codes)
        if validation is not None:
            validation.promptTitle = col.name[:32]
            validation.prompt = f"{col.fi} / {R.swedish(col.en)} / {col.en}"[:255]
            validation.showInputMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
    _write_instructions(instructions, register, columns, codes)
    for helper in (instructions, code_sheet):
        _as_text(helper)
    book.save(path)


def _as_text(sheet) -> None:
    """Stored names are text, never formulas: openpyxl would write "=A1&A1" (a district's name) as one."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def _validation(col: R.ColumnSpec, choices: tuple[str, ...], code_sheet, list_ranges: dict, codes: Codes
                ) -> DataValidation | None:
    error = f"{col.fi} / {R.swedish(col.en)} / {col.en}"[:255]
    if choices:
        if choices not in list_ranges:
            column = len(list_ranges) * 2 + 1
            letter = get_column_letter(column)
            code_sheet.cell(row=1, column=column, value=col.ref or col.name)
            code_sheet.cell(row=1, column=column + 1, value="nimi / namn / name")
            names = dict(codes.lists.get(col.ref, [])) if col.ref else {}
            for row, code in enumerate(choices, start=2):
                code_sheet.cell(row=row, column=column, value=code).number_format = "@"
                code_sheet.cell(row=row, column=column + 1, value=names.get(code, ""))
            list_ranges[choices] = f"codes!${letter}$2:${letter}${len(choices) + 1}"
        # A code list (several codes, separated by commas) offers the list but accepts what is typed.
        strict = col.type != R.CODE_LIST
        return DataValidation(type="list", formula1=list_ranges[choices], allow_blank=not col.required,
                              showErrorMessage=strict, errorTitle="Tuntematon / okänd / unknown", error=error)
    if col.type == R.DATE:
        latest = dt.date.today().year + R.MAX_YEARS_AHEAD
        return DataValidation(type="date", operator="between", formula1=f"DATE({R.MIN_YEAR},1,1)",
                              formula2=f"DATE({latest},12,31)", allow_blank=not col.required, showErrorMessage=True,
                              errorTitle="Päivämäärä / datum / date", error=error)
    if col.type in (R.INT, R.FLOAT):
        kind = "whole" if col.type == R.INT else "decimal"
        low = col.min_value if col.min_value is not None else -999_999_999
        high = col.max_value if col.max_value is not None else 999_999_999
        if col.name == "year":
            high = dt.date.today().year + R.MAX_YEARS_AHEAD
        return DataValidation(type=kind, operator="between", formula1=_number(low), formula2=_number(high),
                              allow_blank=not col.required, showErrorMessage=True,
                              errorTitle="Luku / tal / number", error=error)
    return DataValidation(allow_blank=True)  # input message only


def _number(value: float) -> str:
    """A bound as an Excel formula literal: plain digits, never an exponent."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _write_instructions(sheet, register: str, columns: tuple[R.ColumnSpec, ...], codes: Codes) -> None:
    spec = R.REGISTERS[register]
    bold = Font(bold=True)
    sheet.append([f"{register}: {spec.fi} / {R.swedish(spec.en)} / {spec.en}"])
    sheet["A1"].font = Font(bold=True, size=14)
    for text in GENERAL:
        sheet.append([text])
    sheet.append([CODES_NOTE])
    sheet.append([f"Tunniste / nyckel / key: {', '.join(spec.key)}"])
    sheet.append([])
    sheet.append(["sarake / kolumn / column", "pakollinen / obligatorisk / required", "tyyppi / typ / type",
                  "kuvaus", "beskrivning", "description", "sallitut / tillåtna / allowed"])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
    for col in columns:
        choices = _choices(col, codes)
        shown = ", ".join(choices[:30]) + (" …" if len(choices) > 30 else "")
        sheet.append([col.name, "kyllä / ja / yes" if col.required else "ei / nej / no", TYPE_NAMES[col.type],
                      col.fi, R.swedish(col.en), col.en, shown])
    for row in sheet.iter_rows(min_row=2, max_row=len(GENERAL) + 1):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", (110, 16, 24, 40, 40, 40, 50)):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["A"].width = 24
    for number in range(2, len(GENERAL) + 2):
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=7)
        sheet.row_dimensions[number].height = 48
