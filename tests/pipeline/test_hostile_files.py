"""Hostile and careless input (issue 16, part 3): decompression bombs, oversized files, floods of
problems, uploads that would empty a register, and broken district files. Each ends in a located
problem that says what to do, never in a traceback, a runaway process or a silently emptied register."""

from __future__ import annotations

import json
import math
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from support.store_rows import dump_store
from data_pipeline.inputs import readers
from data_pipeline.cli import main as hyte
from data_pipeline.inputs.districts import read_districts
from data_pipeline.load.refresh import refresh
from data_pipeline.inputs.problems import MAX_LISTED_PER_FILE, count, count_is_lower_bound
from data_pipeline.inputs.readers import read_register_file
from data_pipeline.load.uploads import MAX_UPLOAD_BYTES, upload_register

README = Path(__file__).parents[2] / "README.md"


def _xlsx_bomb(path: Path, unpacked_mib: int) -> None:
    """A minimal workbook whose one sheet inflates to `unpacked_mib` MiB of rows (a few hundred KB on disk)."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        'name="events" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    chunk = row * (2**20 // len(row))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        b'2006/main"><sheetData>')
            for _ in range(unpacked_mib):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")


def test_xlsx_decompression_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    bomb = tmp_path / "events.xlsx"
    _xlsx_bomb(bomb, unpacked_mib=160)
    assert bomb.stat().st_size < 2 * 2**20  # small on disk

    def never(*_args, **_kwargs):
        raise AssertionError("the bomb was opened for parsing")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    raw, problems = read_register_file(bomb)

    assert raw is None
    assert [str(p) for p in problems] == [
        "events.xlsx:1: -: Excel-tiedosto purkautuu 160 Mt:ksi (5 osaa; enintään 100 Mt): tiedostoa ei lueta, koska "
        "se voi olla ns. zip-pommi. Tallenna rekisteri CSV-muodossa"]


def test_uploaded_bomb_is_refused_and_the_register_keeps_its_rows(mini_package, sqlite_url, tmp_path):
    assert refresh(mini_package, sqlite_url).ok
    before = dump_store(sqlite_url)
    bomb = tmp_path / "events.xlsx"
    _xlsx_bomb(bomb, unpacked_mib=120)

    result = upload_register(sqlite_url, mini_package, "events", "events.xlsx", bomb.read_bytes(), "tester")

    assert result.status == "rejected"
    assert "zip-pommi" in str(result.problems[0])
    assert dump_store(sqlite_url) == before
    assert not list(mini_package.parent.glob(".hyte-upload-*"))


def test_sheet_declaring_more_rows_than_any_register_is_refused_unparsed(tmp_path):
    book = Workbook()
    book.active.append(["id", "title"])
    book.active.append(["e1", "Asukasilta"])
    path = tmp_path / "events.xlsx"
    book.save(path)
    # Rewrite the sheet's declared size as a hostile or broken tool would.
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # (openpyxl writes `<dimension ref="A1:B2" />`, or without the space when lxml is installed)
    parts["xl/worksheets/sheet1.xml"] = re.sub(r'<dimension ref="A1:B2"\s*/>', '<dimension ref="A1:B10000001"/>',
                                               sheet).encode()
    assert parts["xl/worksheets/sheet1.xml"] != sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    raw, problems = read_register_file(path)

    assert raw is None
    assert [str(p) for p in problems] == [
        "events.xlsx:1: -: liikaa rivejä (yli 1 000 000); tarkista tiedosto"]


def test_upload_over_the_documented_size_is_refused_unread(mini_package, sqlite_url):
    assert refresh(mini_package, sqlite_url).ok
    content = b"id;title\n" + b"x" * MAX_UPLOAD_BYTES

    result = upload_register(sqlite_url, mini_package, "events", "events.csv", content, "tester")

    assert result.status == "rejected"
    assert [str(p) for p in result.problems] == [
        "events.csv:1: -: tiedosto on liian suuri (20,0 Mt, enintään 20 Mt)"]
    uploads = README.read_text(encoding="utf-8").split("## Uploads", 1)[1].split("\n## ", 1)[0]
    assert f"{MAX_UPLOAD_BYTES // 2**20} MB" in uploads


def test_package_file_over_the_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "events.csv"
    with big.open("wb") as handle:
        handle.truncate(readers.MAX_FILE_BYTES + 1)  # sparse: large, yet nothing on disk

    def never(self):
        raise AssertionError(f"{self.name} was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    raw, problems = read_register_file(big)

    assert raw is None and "tiedosto on liian suuri (200,0 Mt, enintään 200 Mt)" in str(problems[0])


def _bad_events(path: Path, rows: int) -> None:
    lines = ["id;title;date;district;lon;lat;department;event_type;level"]
    lines += [f"x{i};Ilta;32.13.2025;99;;;zz;party;loud" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_flood_of_problems_lists_the_first_ones_and_says_at_least_how_many(mini_package, sqlite_url, tmp_path,
                                                                             capsys):
    events = mini_package.parent / "registers" / "events.csv"
    _bad_events(events, 20_000)  # 5 bad cells a row: date, district, department, event_type, level

    result = refresh(mini_package, sqlite_url)

    assert result.status == "rejected"
    listed = [p for p in result.problems if p.file == "events.csv"]
    assert len(listed) == MAX_LISTED_PER_FILE + 1
    # Checking stops after 1 000 problems (200 rows): the count says "at least", it never claims 1 000.
    assert count(result.problems) == 1_000 and count_is_lower_bound(result.problems)
    assert str(listed[-1]) == (
        "events.csv:1: -: … ja vähintään 800 muuta virhettä: tarkistus lopetettiin rivillä 202 / 20 001 "
        "(ensimmäiset 200 listattu)")

    out = tmp_path / "all-problems.txt"
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q", "--all-problems", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Hylätty: vähintään 1 000 virhettä (ensimmäiset 200 listattu)" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 100_000  # the full list checks every row
    assert lines[0] == "events.csv:2: date: päivämäärää ei ole olemassa: '32.13.2025'"


def test_a_file_with_a_few_hundred_problems_is_counted_exactly(mini_package, sqlite_url):
    _bad_events(mini_package.parent / "registers" / "events.csv", 60)  # 300 problems: listed 200, counted all

    result = refresh(mini_package, sqlite_url)

    assert count(result.problems) == 300 and not count_is_lower_bound(result.problems)
    assert str(result.problems[-1]) == ("events.csv:1: -: … ja 100 muuta virhettä tässä tiedostossa "
                                        "(ensimmäiset 200 / 300 listattu)")


def test_upload_that_would_empty_a_register_is_refused_unless_confirmed(mini_package, sqlite_url):
    assert refresh(mini_package, sqlite_url).ok
    before = dump_store(sqlite_url)
    header_only = b"id;title;date;district;lon;lat;department;event_type;level\n"

    refused = upload_register(sqlite_url, mini_package, "events", "events.csv", header_only, "tester")

    assert refused.status == "rejected"
    assert [str(p) for p in refused.problems] == [
        "events.csv:1: -: tiedostossa ei ole yhtään riviä: se tyhjentäisi rekisterin events, ja sen 2 riviä "
        "poistuisivat. Vahvista tyhjennys, jos se on tarkoitus"]
    assert dump_store(sqlite_url) == before

    confirmed = upload_register(sqlite_url, mini_package, "events", "events.csv", header_only, "tester",
                                allow_empty=True)

    assert confirmed.status == "loaded" and confirmed.rows == 0
    assert dump_store(sqlite_url)["participation_event"] == []


def _collection(path: Path, features_json: str) -> Path:
    path.write_text('{"type": "FeatureCollection", "features": [' + features_json + "]}", encoding="utf-8")
    return path


GOOD = ('{"type": "Feature", "properties": {"code": "01", "name": "A"}, "geometry": {"type": "Polygon", '
        '"coordinates": [[[21.7, 61.45], [21.8, 61.45], [21.8, 61.5], [21.7, 61.5], [21.7, 61.45]]]}}')


@pytest.mark.parametrize("case,feature,expected", [
    ("properties_list",
     '{"type": "Feature", "properties": ["code", "02"], "geometry": null}',
     'districts.geojson:1: properties: feature 2: properties pitää olla olio {"nimi": arvo}, oli lista'),
    ("feature_string", '"Feature"',
     "districts.geojson:1: -: feature 2: pitää olla GeoJSON Feature -olio, oli teksti"),
    ("nan_coordinate",
     '{"type": "Feature", "properties": {"code": "02", "name": "B"}, "geometry": {"type": "Polygon", '
     '"coordinates": [[[21.8, 61.45], [NaN, 61.45], [21.9, 61.5], [21.8, 61.5], [21.8, 61.45]]]}}',
     "districts.geojson:1: geometry: feature 2: koordinaateissa on NaN tai ääretön arvo"),
])
def test_broken_district_features_are_located_problems(tmp_path, case, feature, expected):
    path = _collection(tmp_path / "districts.geojson", GOOD + ", " + feature)

    frame, problems = read_districts(path, "code", "name")

    assert frame is None
    assert [str(p) for p in problems] == [expected]


def test_deeply_nested_district_file_is_a_problem_not_a_recursion_error(tmp_path):
    depth = 100_000
    nested = ('{"type": "Feature", "properties": {"code": "02", "name": "B"}, "geometry": {"type": "Polygon", '
              '"coordinates": ' + "[" * depth + "]" * depth + "}}")
    path = _collection(tmp_path / "districts.geojson", GOOD + ", " + nested)

    frame, problems = read_districts(path, "code", "name")

    assert frame is None
    assert [str(p) for p in problems] == [
        "districts.geojson:1: -: GeoJSON on sisäkkäistetty liian syvälle; tallenna tiedosto uudelleen "
        "paikkatieto-ohjelmasta"]


def test_nan_district_is_refused_through_the_refresh_with_the_store_unchanged(mini_package, sqlite_url):
    assert refresh(mini_package, sqlite_url).ok
    before = dump_store(sqlite_url)
    districts = mini_package.parent / "districts.geojson"
    collection = json.loads(districts.read_text(encoding="utf-8"))
    collection["features"][1]["geometry"]["coordinates"][0][0][1] = [math.nan, 61.45]
    districts.write_text(json.dumps(collection), encoding="utf-8")  # json writes NaN, as some tools do

    result = refresh(mini_package, sqlite_url)

    assert result.status == "rejected"
    assert [str(p) for p in result.problems] == [
        "districts.geojson:1: geometry: feature 2: koordinaateissa on NaN tai ääretön arvo"]
    assert dump_store(sqlite_url) == before


def test_a_capped_listing_names_the_command_for_the_full_list_on_the_terminal_only(mini_package, sqlite_url,
                                                                                   tmp_path, capsys):
    """The problem lines are also what the app shows, where a button makes the full list: the command that
    writes it is said by `hyte` after the lines, for the file it was given, and never inside a problem."""
    events = mini_package.parent / "registers" / "events.csv"
    _bad_events(events, 300)  # 1 500 problems, checking stops at 1 000: 200 listed

    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert not [line for line in err[:-1] if "hyte " in line]
    assert err[-1] == f"Koko virheluettelo tiedostoon: hyte refresh --config {mini_package} --all-problems TIEDOSTO"

    flood = tmp_path / "tulva.csv"
    _bad_events(flood, 300)
    assert hyte(["--lang", "sv", "upload", "--config", str(mini_package), "--db", sqlite_url, "--register", "events",
                 "--file", str(flood), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-2].startswith("events.csv:1: -: … och minst ") and err[-2].endswith("(de första 200 listade)")
    assert err[-1] == (f"Hela fellistan till en fil: hyte check --config {mini_package} --register events "
                       f"--file {flood} --all-problems FIL")

    out = tmp_path / "kaikki.txt"  # what the line says, for the package as it is: every problem, nothing loaded
    assert hyte(["check", "--config", str(mini_package), "--all-problems", str(out)]) == 1
    count_line = capsys.readouterr().out
    lines = out.read_text(encoding="utf-8").splitlines()
    assert count_line.startswith(f"{len(lines)} virhettä → ") and len(lines) == 1_500
    assert lines[0] == "events.csv:2: date: päivämäärää ei ole olemassa: '32.13.2025'"

    _bad_events(events, 0)  # a header only: no problem left
    assert hyte(["check", "--config", str(mini_package), "--all-problems", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ""
