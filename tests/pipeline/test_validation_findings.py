"""Register and district findings of the first real-municipality setup (issue 15): each a message that
says what is wrong, where, and what to do, in the pipeline's `file:line: column: message` form."""

from __future__ import annotations

import json
from pathlib import Path

from data_pipeline.inputs.districts import read_districts
from data_pipeline.load.refresh import refresh


def registers(config: Path) -> Path:
    return config.parent / "registers"


def problem_lines(result) -> list[str]:
    return sorted(str(p) for p in result.problems)


def _square(lon: float, lat: float, size: float = 0.05) -> list:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


def test_district_file_without_the_name_property_says_once_to_set_name_property(tmp_path):
    # Paavo-style properties: the package's hyte.toml still says name_property = "name".
    features = [{"type": "Feature", "properties": {"postinumeroalue": f"3617{i}", "kunta": "211"},
                 "geometry": {"type": "Polygon", "coordinates": _square(23.9 + i * 0.05, 61.45)}}
                for i in range(5)]
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, indent=1), encoding="utf-8")

    frame, problems = read_districts(path, "postinumeroalue", "name")

    assert frame is None
    assert len(problems) == 1, [str(p) for p in problems]
    text = str(problems[0])
    assert text.startswith("districts.geojson:1: name: ")
    assert "kunta, postinumeroalue" in text
    assert '[districts] name_property = "…"' in text and "hyte.toml" in text


def test_district_problem_lines_are_real_lines_of_the_file(tmp_path):
    good = {"type": "Feature", "properties": {"code": "01", "name": "A"},
            "geometry": {"type": "Polygon", "coordinates": _square(23.9, 61.45)}}
    bad = {"type": "Feature", "properties": {"code": "02", "name": "B"},
           "geometry": {"type": "Point", "coordinates": [23.9, 61.45]}}
    path = tmp_path / "districts.geojson"
    # One feature a line after a two-line opening, as GIS tools write it: feature 2 is on line 4.
    path.write_text('{"type": "FeatureCollection",\n"features": [\n' + json.dumps(good) + ",\n" + json.dumps(bad)
                    + "\n]}\n", encoding="utf-8")

    _frame, problems = read_districts(path, "code", "name")

    assert [str(p) for p in problems] == [
        "districts.geojson:1: geometry: feature 2: pitää olla Polygon tai MultiPolygon, oli Point"]


def test_event_outside_the_municipality_is_rejected(mini_package, sqlite_url):
    events = registers(mini_package) / "events.csv"
    # Tampere's centre, far from Testilä's two districts (21.7–21.97 E, 61.45–61.50 N).
    events.write_text(events.read_text(encoding="utf-8") +
                      "e3;Asukasilta;2.12.2025;;23,761;61,498;siv;resident_evening;planning;5;;\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert result.status == "rejected"
    assert problem_lines(result) == [
        "events.csv:4: lon, lat: paikka 23.761, 61.498 on kunnan alueiden ulkopuolella; tarkista koordinaatit "
        "(WGS84, pituusaste ensin)"]


def test_event_just_outside_a_district_edge_is_accepted(mini_package, sqlite_url):
    # A pin dropped on the border, a few metres outside the generalised polygon, is not a wrong place.
    events = registers(mini_package) / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") +
                      "e3;Rantailta;2.12.2025;;21,6999;61,47;siv;resident_evening;planning;5;;\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert result.status == "success", problem_lines(result)


GROUPS = ("code;name_fi;kind;parent;age_group;target_meetings_min;target_meetings_max\n"
          "lanu;Lasten ja nuorten hyvinvointiryhmä;lifecycle;;young;5;6\n")


def test_a_reference_to_a_rejected_row_says_it_was_rejected_not_unknown(mini_package, sqlite_url):
    regs = registers(mini_package)
    (regs / "working_groups.csv").write_text(GROUPS, encoding="utf-8")
    (regs / "meetings.csv").write_text("id;group;date;joint;invited;present\n"
                                       "lanu-20260107;lanu;7.1.2026;ei;10;8\n"
                                       "lanu-20260204;lanu;31.2.2026;ei;10;9\n", encoding="utf-8")
    (regs / "meeting_topics.csv").write_text("meeting;priority_area;topic\n"
                                             "lanu-20260107;env;Leikkipuistot\n"
                                             "lanu-20260204;life;Liikuntapaikat\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert problem_lines(result) == [
        "meeting_topics.csv:3: meeting: kokous 'lanu-20260204' on tiedostossa meetings.csv, mutta se hylättiin "
        "(rivi 3); korjaa ensin se rivi",
        "meetings.csv:3: date: päivämäärää ei ole olemassa: '31.2.2026'"]


def test_a_rejected_working_group_is_named_as_such_by_its_meetings_and_seats(mini_package, sqlite_url):
    regs = registers(mini_package)
    (regs / "working_groups.csv").write_text(GROUPS.replace(";lifecycle;", ";elinkaari;"), encoding="utf-8")
    (regs / "seats.csv").write_text("group;seat_type;seats_required;seats_filled\nlanu;ngo;2;2\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    lines = problem_lines(result)
    assert ("seats.csv:2: group: työryhmä 'lanu' on tiedostossa working_groups.csv, mutta se hylättiin (rivi 2); "
            "korjaa ensin se rivi") in lines
    assert not any("tuntematon" in line for line in lines), lines


def test_a_reference_to_a_code_that_is_nowhere_is_still_unknown(mini_package, sqlite_url):
    regs = registers(mini_package)
    (regs / "working_groups.csv").write_text(GROUPS, encoding="utf-8")
    (regs / "seats.csv").write_text("group;seat_type;seats_required;seats_filled\nlanx;ngo;2;2\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert problem_lines(result) == ["seats.csv:2: group: tuntematon työryhmä 'lanx'; tarkoititko 'lanu'?"]


def test_more_seats_filled_than_exist_is_rejected_naming_group_kind_and_counts(mini_package, sqlite_url):
    regs = registers(mini_package)
    (regs / "working_groups.csv").write_text(GROUPS, encoding="utf-8")
    (regs / "seats.csv").write_text("group;seat_type;seats_required;seats_filled\n"
                                    "lanu;official;6;6\nlanu;ngo;2;3\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert result.status == "rejected"
    assert problem_lines(result) == [
        "seats.csv:3: seats_filled: ryhmässä 'lanu' on 3 täytettyä paikkaa lajia 'ngo', mutta paikkoja on 2; "
        "korjaa seats_filled tai seats_required"]


def test_more_seat_partnerships_than_seats_is_rejected(mini_package, sqlite_url):
    # The seats register says 2 NGO seats; three NGOs hold a seat in force through the partnerships register.
    regs = registers(mini_package)
    (regs / "working_groups.csv").write_text(GROUPS, encoding="utf-8")
    (regs / "seats.csv").write_text("group;seat_type;seats_required;seats_filled\nlanu;ngo;2;2\n", encoding="utf-8")
    (regs / "ngos.csv").write_text((regs / "ngos.csv").read_text(encoding="utf-8") +
                                   "n3,Testilän Eläkeläiset,association,kyllä,\n", encoding="utf-8")
    (regs / "partnerships.csv").write_text(
        "id;ngo;kind;start_date;end_date;group\n"
        "k1;n1;seat;1.6.2025;;lanu\nk2;n2;seat;1.6.2025;;lanu\nk3;n3;seat;1.6.2025;;lanu\n"
        "k4;n3;seat;1.6.2021;31.5.2025;lanu\n", encoding="utf-8")

    result = refresh(mini_package, sqlite_url)

    assert result.status == "rejected"
    assert problem_lines(result) == [
        "partnerships.csv:4: group: ryhmässä 'lanu' on 3 voimassa olevaa kumppanuuspaikkaa (rivit 2, 3, 4), mutta "
        "seats.csv antaa asukaspuolen paikkoja (entrepreneur, parish, ngo) 2; päätä kumppanuus (end_date) tai kasvata "
        "seats_required"]
