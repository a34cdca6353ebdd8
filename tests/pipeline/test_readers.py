"""Register readers and district polygons on small, hand-made files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from pyproj import Transformer

from data_pipeline.inputs import registers as R
from data_pipeline.inputs.districts import read_districts
from data_pipeline.inputs.readers import read_register_file
from data_pipeline.inputs.validate import parse_float, validate_register


@pytest.mark.parametrize("text,value", [("12,5", 12.5), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5),
                                        ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("-0,25", -0.25), ("3", 3.0)])
def test_numbers_as_finnish_and_english_spreadsheets_write_them(text, value):
    assert parse_float(text) == value


def test_xlsx_register_reads_like_csv(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.append(["department", "year", "trainings_held", "units_total", "units_using_model"])
    sheet.append(["siv", 2025, 3, 10, 4])
    sheet.append([None, None, None, None, None])  # a blank row in the middle is skipped, lines keep counting
    sheet.append(["tek", 2026.0, 1, 5, 9])
    book.save(tmp_path / "adoption.xlsx")
    raw, problems = read_register_file(tmp_path / "adoption.xlsx")
    assert problems == []
    assert raw.rows == [(2, ["siv", "2025", "3", "10", "4"]), (4, ["tek", "2026", "1", "5", "9"])]
    spec = R.REGISTERS["adoption"]
    frame, problems = validate_register(raw, spec.columns, spec.key, {R.REF_DEPARTMENT: {"siv", "tek"}})
    assert problems == []
    assert frame.select("department", "year", "_line").rows() == [("siv", 2025, 2), ("tek", 2026, 4)]


def test_xlsx_dates_and_booleans_become_register_values(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "group", "date", "joint", "invited", "present"])
    sheet.append(["m1", "g1", dt.datetime(2025, 3, 12), True, 8, 6])
    book.save(tmp_path / "meetings.xlsx")
    raw, _ = read_register_file(tmp_path / "meetings.xlsx")
    spec = R.REGISTERS["meetings"]
    frame, problems = validate_register(raw, spec.columns, spec.key, {R.REF_GROUP: {"g1"}})
    assert problems == []
    assert frame.select("date", "joint").rows() == [(dt.date(2025, 3, 12), True)]


def test_broken_xlsx_and_binary_csv_are_reported_not_raised(tmp_path: Path):
    (tmp_path / "events.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    raw, problems = read_register_file(tmp_path / "events.xlsx")
    assert raw is None and str(problems[0]).startswith("events.xlsx:1: -: ei kelvollinen Excel-tiedosto")
    (tmp_path / "events.csv").write_bytes(b"\x00\x01\x02garbage")
    raw, problems = read_register_file(tmp_path / "events.csv")
    assert raw is None and "ei ole tekstimuotoinen CSV-tiedosto" in problems[0].message


def test_duplicated_header_is_a_problem_on_line_1(tmp_path: Path):
    (tmp_path / "departments.csv").write_text("code;name_fi;name_fi\nsiv;A;B\n", encoding="utf-8")
    raw, _ = read_register_file(tmp_path / "departments.csv")
    spec = R.REGISTERS["departments"]
    _, problems = validate_register(raw, spec.columns, spec.key, {})
    assert [str(p) for p in problems] == ["departments.csv:1: name_fi: sarake on kahdesti"]


def _square(x0, y0, size):
    return [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]


def _write(path: Path, features, crs: str | None = None) -> Path:
    collection = {"type": "FeatureCollection", "features": features}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def test_tm35fin_districts_are_reprojected_with_holes_and_islands_intact(tmp_path: Path):
    # Around Pori in ETRS-TM35FIN metres: a district with a hole, and one of two islands.
    outer = _square(220_000, 6_830_000, 2_000)
    hole = _square(220_500, 6_830_500, 500)
    features = [
        {"type": "Feature", "properties": {"id": "A", "nimi": "Keskusta"},
         "geometry": {"type": "Polygon", "coordinates": [outer, hole]}},
        {"type": "Feature", "properties": {"id": "B", "nimi": "Saaret"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[_square(223_000, 6_830_000, 1_000)],
                                                              [[*_square(225_000, 6_830_000, 1_000)]]]}},
    ]
    path = _write(tmp_path / "d.geojson", features, crs="urn:ogc:def:crs:EPSG::3067")
    frame, problems = read_districts(path, "id", "nimi")
    assert problems == []
    a = frame.row(0, named=True)
    geometry = json.loads(a["geometry"])
    assert len(geometry["coordinates"]) == 2  # outer ring and hole
    lon, lat = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True).transform(220_000, 6_830_000)
    assert geometry["coordinates"][0][0] == pytest.approx([lon, lat], abs=1e-9)
    assert 21.0 < a["centroid_lon"] < 22.5 and 61.0 < a["centroid_lat"] < 62.0
    assert a["area_km2"] == pytest.approx(4.0 - 0.25, rel=1e-6)
    b = json.loads(frame.row(1, named=True)["geometry"])
    assert b["type"] == "MultiPolygon" and len(b["coordinates"]) == 2

    # Undeclared TM35FIN coordinates are recognised by their range, with the same result.
    same, problems = read_districts(_write(tmp_path / "e.geojson", features), "id", "nimi")
    assert problems == [] and same["geometry"].to_list() == frame["geometry"].to_list()


def test_wrong_projection_and_missing_properties_are_rejected_with_which(tmp_path: Path):
    web_mercator = [{"type": "Feature", "properties": {"id": "A", "nimi": "X"},
                     "geometry": {"type": "Polygon", "coordinates": [_square(2_430_000, 8_700_000, 1_000)]}}]
    _, problems = read_districts(_write(tmp_path / "m.geojson", web_mercator), "id", "nimi")
    assert "koordinaatit eivät osu Suomeen WGS84- eikä ETRS-TM35FIN-projektiossa" in problems[0].message
    _, problems = read_districts(_write(tmp_path / "c.geojson", web_mercator, crs="EPSG:3857"), "id", "nimi")
    assert str(problems[0]).startswith("c.geojson:1: crs: projektio EPSG:3857 ei ole tuettu")
    nameless = [{"type": "Feature", "properties": {"postinumeroalue": "28100"},
                 "geometry": {"type": "Polygon", "coordinates": [_square(21.7, 61.4, 0.1)]}}]
    _, problems = read_districts(_write(tmp_path / "p.geojson", nameless), "code", "name")
    # One problem per missing property, naming the setting to change, not one per feature.
    assert [str(p) for p in problems] == [
        "p.geojson:1: code: ominaisuus 'code' puuttuu ainoalta alueelta; löytyi: postinumeroalue. Aseta "
        "hyte.toml-tiedostoon [districts] id_property = \"…\" sen ominaisuuden nimeksi, jossa on alueen tunnus",
        "p.geojson:1: name: ominaisuus 'name' puuttuu ainoalta alueelta; löytyi: postinumeroalue. Aseta "
        "hyte.toml-tiedostoon [districts] name_property = \"…\" sen ominaisuuden nimeksi, jossa on alueen nimi"]


def test_slightly_self_intersecting_boundary_is_repaired_not_refused(tmp_path: Path):
    # A generalised coastline whose ring crosses itself (a bow tie), as 29 of the 3,026 real postal
    # areas do: the district is kept, as the polygonal area the ring encloses.
    bow_tie = [[21.70, 61.40], [21.80, 61.50], [21.80, 61.40], [21.70, 61.50], [21.70, 61.40]]
    features = [{"type": "Feature", "properties": {"code": "01", "name": "Rannikko"},
                 "geometry": {"type": "Polygon", "coordinates": [bow_tie]}}]
    frame, problems = read_districts(_write(tmp_path / "b.geojson", features), "code", "name")
    assert problems == []
    assert json.loads(frame["geometry"][0])["type"] == "MultiPolygon"
    assert frame["area_km2"][0] > 10
