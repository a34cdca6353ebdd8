"""`hyte template`: register templates that follow the package, and Excel templates a coordinator fills
in from drop-down lists, which then load with zero problems through the real refresh (issue 15)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data_pipeline.cli import main as hyte
from data_pipeline.i18n import translate
from data_pipeline.load.refresh import refresh


def registers(config: Path) -> Path:
    return config.parent / "registers"


def header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").strip().split(";")


def test_template_inside_a_package_has_the_package_age_groups_and_loads(mini_package, sqlite_url, capsys):
    templates = mini_package.parent / "templates"

    assert hyte(["template", str(templates)]) == 0

    columns = header(templates / "events.csv")
    assert columns[-3:] == ["participants_young", "participants_adult", "participants_old"]
    assert not any("children_youth" in c for c in columns)
    assert "young, adult, old" in capsys.readouterr().err
    # The coordinator fills the template in and puts it in place of the register: it loads.
    row = "e9;Perhekahvila;3.12.2025;02;21,85;61,47;siv;workshop;action;7;2;"
    (registers(mini_package) / "events.csv").write_text(";".join(columns) + "\n" + row + "\n", encoding="utf-8")
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success", [str(p) for p in result.problems]


def test_template_with_config_follows_that_package(mini_package, tmp_path):
    assert hyte(["template", str(tmp_path / "tpl"), "--config", str(mini_package)]) == 0
    assert header(tmp_path / "tpl" / "events.csv")[-1] == "participants_old"
    doc = (tmp_path / "tpl" / "SARAKKEET.md").read_text(encoding="utf-8")
    assert "`participants_young`" in doc and "Deltagare från åldersgruppen young" in doc


def test_template_in_the_registers_folder_keeps_filled_registers_and_adds_excel_ones(mini_package, sqlite_url):
    events_before = (registers(mini_package) / "events.csv").read_bytes()

    assert hyte(["template", str(registers(mini_package))]) == 0

    assert (registers(mini_package) / "events.csv").read_bytes() == events_before
    assert not (registers(mini_package) / "events.xlsx").exists()  # a register is one file
    assert (registers(mini_package) / "meetings.xlsx").is_file()
    assert not (registers(mini_package) / "meetings.csv").exists()
    result = refresh(mini_package, sqlite_url)  # empty Excel templates are valid empty registers
    assert result.status == "success", [str(p) for p in result.problems]


# --- Excel templates filled in as a coordinator would ---------------------------------------------

def drop_down(sheet, column: str) -> list[str]:
    """The values the drop-down list of `column` offers (from the hidden codes sheet it refers to)."""
    letter = next(c.column_letter for c in sheet[1] if c.value == column)
    for validation in sheet.data_validations.dataValidation:
        if validation.type == "list" and any(str(r).startswith(f"{letter}2:") for r in validation.sqref.ranges):
            match = re.fullmatch(r"codes!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", validation.formula1)
            assert match, validation.formula1
            codes = sheet.parent["codes"]
            return [codes[f"{match[1]}{row}"].value for row in range(int(match[2]), int(match[4]) + 1)]
    raise AssertionError(f"no drop-down list on {column}")


def fill(path: Path, rows: list[dict]) -> None:
    """Type or pick each value into the register sheet, as someone working in Excel would."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    names = [c.value for c in sheet[1]]
    for number, row in enumerate(rows, start=2):
        for name, value in row.items():
            sheet.cell(row=number, column=names.index(name) + 1, value=value)
    book.save(path)


def pick(sheet, column: str, index: int = 0) -> str:
    return drop_down(sheet, column)[index]


def template_sheet(directory: Path, register: str):
    return load_workbook(directory / f"{register}.xlsx").worksheets[0]


def use(template: Path, config: Path) -> None:
    """Put a filled Excel register in place of the package's file of that register."""
    for old in (registers(config) / f"{template.stem}.csv", registers(config) / f"{template.stem}.xlsx"):
        old.unlink(missing_ok=True)
    shutil.copy(template, registers(config) / template.name)


def test_excel_template_layout(mini_package, tmp_path):
    assert hyte(["template", str(tmp_path / "tpl"), "--config", str(mini_package)]) == 0
    book = load_workbook(tmp_path / "tpl" / "events.xlsx")

    sheet = book.worksheets[0]
    assert [s.title for s in book.worksheets] == ["events", "ohjeet", "codes"]
    assert book["codes"].sheet_state == "hidden"
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    formats = {c.value: sheet.column_dimensions[c.column_letter].number_format for c in sheet[1]}
    assert formats["date"] == "D.M.YYYY" and formats["lon"] == "0.000000"
    assert formats["participants_young"] == "0" and formats["district"] == "@"
    # Every drop-down names its codes, the code beside the name (issue 23: no English codes alone).
    assert drop_down(sheet, "district") == ["Keskusta (01)", "Saari (02)"]
    assert drop_down(sheet, "department") == ["Sivistystoimiala (siv)", "Tekninen toimiala (tek)"]
    assert drop_down(sheet, "level") == ["Tieto-osallisuus (information)", "Suunnitteluosallisuus (planning)",
                                         "Päätöksenteko-osallisuus (decision)", "Toimintaosallisuus (action)"]
    assert drop_down(sheet, "event_type")[0] == "Asukasilta (resident_evening)"
    text = "\n".join(str(c.value) for row in book["ohjeet"].iter_rows() for c in row if c.value)
    for words in ("Osallisuuden taso", "Delaktighetsnivå", "Participation level", "Fyll i en rad",
                  "Fill in one row", "Täytä yksi rivi", "Osallistujia ikäryhmästä young"):
        assert words in text
    assert [c.value for c in book["codes"]["B"]][:3] == ["district", "01", "02"]  # the codes beside
    assert "Keskusta" in [c.value for c in book["codes"]["C"]]  # and their names


def test_excel_templates_filled_from_the_lists_load_with_zero_problems(mini_package, sqlite_url, tmp_path):
    # Round 1: the working groups, events and NGO activities, from the package's own codes.
    tpl = tmp_path / "round1"
    assert hyte(["template", str(tpl), "--config", str(mini_package)]) == 0
    groups = template_sheet(tpl, "working_groups")
    fill(tpl / "working_groups.xlsx", [
        {"code": "lanu", "name_fi": "Lasten ja nuorten hyvinvointiryhmä", "kind": pick(groups, "kind", 2),
         "age_group": pick(groups, "age_group", 0), "target_meetings_min": 5, "target_meetings_max": 6},
        {"code": "ikka", "name_fi": "Ikääntyneiden hyvinvointiryhmä", "kind": pick(groups, "kind", 2),
         "age_group": pick(groups, "age_group", 2), "target_meetings_min": 5, "target_meetings_max": 6},
    ])
    events = template_sheet(tpl, "events")
    fill(tpl / "events.xlsx", [
        {"id": "e1", "title": "Asukasilta", "date": dt.date(2025, 11, 22), "district": pick(events, "district", 0),
         "lon": 21.75, "lat": 61.46, "department": pick(events, "department", 0),
         "event_type": pick(events, "event_type", 0), "level": pick(events, "level", 1),
         "participants_young": 12, "participants_adult": 30, "participants_old": 4},
        {"id": "e2", "title": "Kysely", "date": dt.date(2025, 10, 1), "department": pick(events, "department", 1),
         "event_type": pick(events, "event_type", 3), "level": pick(events, "level", 0), "participants_adult": 250},
        {"id": "e3", "title": "Pop-up", "date": dt.datetime(2026, 3, 5), "district": pick(events, "district", 1),
         "lon": 21.85, "lat": 61.47, "department": pick(events, "department", 1),
         "event_type": pick(events, "event_type", 1), "level": pick(events, "level", 3), "participants_old": 9},
    ])
    activities = template_sheet(tpl, "ngo_activities")
    fill(tpl / "ngo_activities.xlsx", [
        {"ngo": pick(activities, "ngo", 0), "priority_area": pick(activities, "priority_area", 1),
         "age_group": pick(activities, "age_group", 0), "year": 2025},
    ])
    for name in ("working_groups", "events", "ngo_activities"):
        use(tpl / f"{name}.xlsx", mini_package)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success" and result.problems == [], [str(p) for p in result.problems]
    assert result.rows["working_group"] == 2 and result.rows["participation_event"] == 3

    # Round 2: with the groups in the package, the next templates offer them.
    tpl = tmp_path / "round2"
    assert hyte(["template", str(tpl), "--config", str(mini_package)]) == 0
    meetings = template_sheet(tpl, "meetings")
    assert drop_down(meetings, "group") == ["Lasten ja nuorten hyvinvointiryhmä (lanu)",
                                            "Ikääntyneiden hyvinvointiryhmä (ikka)"]
    fill(tpl / "meetings.xlsx", [
        {"id": "lanu-20260107", "group": pick(meetings, "group", 0), "date": dt.date(2026, 1, 7),
         "joint": pick(meetings, "joint", 1), "invited": 10, "present": 8},
        {"id": "ikka-20260204", "group": pick(meetings, "group", 1), "date": dt.date(2026, 2, 4),
         "joint": pick(meetings, "joint", 0), "invited": 9, "present": 9},
    ])
    seats = template_sheet(tpl, "seats")
    fill(tpl / "seats.xlsx", [
        {"group": pick(seats, "group", 0), "seat_type": pick(seats, "seat_type", 3), "seats_required": 2,
         "seats_filled": 1},
    ])
    partnerships = template_sheet(tpl, "partnerships")
    fill(tpl / "partnerships.xlsx", [
        {"id": "k1", "ngo": pick(partnerships, "ngo", 0), "kind": pick(partnerships, "kind", 3),
         "start_date": dt.date(2025, 6, 1), "group": pick(partnerships, "group", 0), "grant_eur": 1500.5},
    ])
    for name in ("meetings", "seats", "partnerships"):
        use(tpl / f"{name}.xlsx", mini_package)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success" and result.problems == [], [str(p) for p in result.problems]

    # Round 3: agenda topics refer to the meetings now in the package.
    tpl = tmp_path / "round3"
    assert hyte(["template", str(tpl), "--config", str(mini_package)]) == 0
    topics = template_sheet(tpl, "meeting_topics")
    assert [entry.rsplit(" (", 1)[1] for entry in drop_down(topics, "meeting")] == ["lanu-20260107)",
                                                                                    "ikka-20260204)"]
    fill(tpl / "meeting_topics.xlsx", [
        {"meeting": pick(topics, "meeting", 0), "priority_area": pick(topics, "priority_area", 0), "topic": "Puistot"},
        {"meeting": pick(topics, "meeting", 1), "priority_area": pick(topics, "priority_area", 1)},
    ])
    use(tpl / "meeting_topics.xlsx", mini_package)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success" and result.problems == [], [str(p) for p in result.problems]
    assert result.rows["meeting_topic"] == 2 and result.rows["meeting"] == 2


def test_stored_names_in_the_excel_template_are_text_never_formulas(mini_package, tmp_path):
    departments = registers(mini_package) / "departments.csv"
    departments.write_text(departments.read_text(encoding="utf-8") + 'kul,"=HYPERLINK(""http://x"",""y"")",,\n',
                           encoding="utf-8")

    assert hyte(["template", str(tmp_path / "tpl"), "--config", str(mini_package)]) == 0

    codes = load_workbook(tmp_path / "tpl" / "events.xlsx")["codes"]
    names = {c.value: c.data_type for row in codes.iter_rows() for c in row if str(c.value).startswith("=")}
    assert names == {'=HYPERLINK("http://x","y") (kul)': "s", '=HYPERLINK("http://x","y")': "s"}


# --- templates that follow the package (issue 23 item 4) -------------------------------------------

def test_an_empty_workbook_is_rewritten_when_the_codes_changed_and_says_so(mini_package, sqlite_url, capsys):
    """The template trap: filled departments, groups and NGOs, then `hyte template registers` again. An empty
    workbook was answered "already filled in, kept", so its lists never offered the new codes."""
    folder = registers(mini_package)
    assert hyte(["template", str(folder)]) == 0
    with pytest.raises(AssertionError, match="no drop-down list"):  # no groups yet: nothing to offer
        drop_down(template_sheet(folder, "meetings"), "group")
    capsys.readouterr()
    (folder / "working_groups.xlsx").unlink()
    (folder / "working_groups.csv").write_text(
        "code,name_fi,kind,age_group,target_meetings_min,target_meetings_max\n"
        "lanu,Lasten ja nuorten hyvinvointiryhmä,lifecycle,young,5,6\n", encoding="utf-8")

    assert hyte(["template", str(folder)]) == 0

    err = capsys.readouterr().err
    assert f"{folder / 'meetings.xlsx'}: tyhjä, kirjoitettu uudelleen" in err
    assert f"{folder / 'events.csv'}: jo täytetty, ei korvattu" in err  # rows: never touched
    assert "meetings.xlsx: jo täytetty" not in err
    assert drop_down(template_sheet(folder, "meetings"), "group") == ["Lasten ja nuorten hyvinvointiryhmä (lanu)"]
    # The entry picked from the rewritten list loads.
    fill(folder / "meetings.xlsx", [{"id": "m1", "group": pick(template_sheet(folder, "meetings"), "group"),
                                     "date": dt.date(2026, 1, 7)}])
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success", [str(p) for p in result.problems]

    # Nothing changed since: an empty template still current is left as it is, and said so.
    before = (folder / "seats.xlsx").read_bytes()
    assert hyte(["template", str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'seats.xlsx'}: tyhjä, jo ajan tasalla" in err
    assert (folder / "seats.xlsx").read_bytes() == before


def test_a_priority_area_picked_from_the_templates_own_list_is_accepted(mini_package, sqlite_url):
    """Kuusamo: renamed areas, then `meeting_topics.xlsx:2: priority_area: tuntematon painopistealue
    'environment'` for an entry taken from the template's own (stale) list. The list follows hyte.toml."""
    toml = mini_package.read_text(encoding="utf-8").replace('code = "env"', 'code = "nature"')
    toml = toml.replace('priority_area = "env"', 'priority_area = "nature"')
    mini_package.write_text(toml, encoding="utf-8")
    folder = registers(mini_package)
    (folder / "meetings.csv").write_text("id,group,date\n", encoding="utf-8")
    (folder / "working_groups.csv").write_text("code,name_fi,kind\nlanu,Lanu,lifecycle\n", encoding="utf-8")
    (folder / "meetings.csv").write_text("id,group,date\nm1,lanu,7.1.2026\n", encoding="utf-8")

    assert hyte(["template", str(folder)]) == 0

    topics = template_sheet(folder, "meeting_topics")
    assert drop_down(topics, "priority_area") == ["Elinympäristö (nature)", "Elintavat (life)"]
    fill(folder / "meeting_topics.xlsx", [{"meeting": pick(topics, "meeting"), "priority_area": pick(topics, "priority_area")}])
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success", [str(p) for p in result.problems]


def test_a_swedish_packages_templates_name_the_codes_in_swedish(mini_package, tmp_path):
    text = mini_package.read_text(encoding="utf-8")
    # A Swedish package names its age groups, areas and local indicators in Swedish (required in its language).
    for fi, sv in (('name_fi = "Lapset ja nuoret"', 'name_sv = "Barn och unga"'), ('name_fi = "Työikäiset"', 'name_sv = "I arbetsför ålder"'),
                   ('name_fi = "Ikääntyneet"', 'name_sv = "Äldre"'), ('name_fi = "Elinympäristö"', 'name_sv = "Livsmiljö"'),
                   ('name_fi = "Elintavat"', 'name_sv = "Levnadsvanor"'),
                   ('title_fi = "Asukasillan osallistujat / 1000 asukasta"', 'title_sv = "Deltagare i invånarkvällar / 1000 invånare"')):
        text = text.replace(fi, f"{fi}\n{sv}")
    mini_package.write_text('language = "sv"\n' + text, encoding="utf-8")

    assert hyte(["template", str(tmp_path / "tpl"), "--config", str(mini_package)]) == 0

    book = load_workbook(tmp_path / "tpl" / "events.xlsx")
    sheet = book.worksheets[0]
    assert drop_down(sheet, "event_type")[0] == "Invånarkväll (resident_evening)"
    assert drop_down(sheet, "department") == ["Bildningssektorn (siv)", "Tekniska sektorn (tek)"]
    assert book.worksheets[1].title == translate("template.sheet.instructions", "sv")
    text = "\n".join(str(c.value) for row in book.worksheets[1].iter_rows() for c in row if c.value)
    assert "Fyll i en rad" in text and "Täytä yksi rivi" not in text
