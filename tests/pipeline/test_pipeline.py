"""The pipeline end to end on the tiny fixture package: loads, rejections, idempotency, both stores."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import select

from support.store_rows import dump_store, table_frame
from data_pipeline.store import schema
from data_pipeline.cli import main as hyte
from data_pipeline.load.refresh import refresh
from data_pipeline.store.engine import make_engine, schema_revision


def registers(config: Path) -> Path:
    return config.parent / "registers"


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_text(text, encoding=encoding)


def test_mini_package_loads_what_the_files_say(mini_package, sqlite_url):
    result = refresh(mini_package, sqlite_url)
    assert result.status == "success", result.problems
    assert result.rows["district"] == 2
    assert result.rows["event_participants"] == 5  # empty and zero counts are not stored

    regions = table_frame(sqlite_url, schema.region).sort("id")
    # The configured regions with their roles, and every other municipality (Pori) as 'other', each
    # municipality with its county from memberOf; MAAKUNTA code 6 shares its code with the county and
    # is left out.
    assert regions.select("id", "category", "code", "role", "county_id").rows() == [
        (292, "KUNTA", "609", "other", None), (658, "MAA", "358", "country", None),
        (976, "HYVINVOINTIALUE", "6", "county", None), (9999, "KUNTA", "999", "municipality", 976)]

    values = table_frame(sqlite_url, schema.indicator_value)
    # 2019 is outside the configured years; the local indicator's municipal row joins Sotkanet's.
    assert sorted(values["year"].unique().to_list()) == [2023, 2024]
    assert values.filter((values["indicator_id"] == 127) & (values["gender"] == "male"))["value"].to_list() == [50.25]
    assert values.filter(values["indicator_id"] == 900001).select("region_id", "value").rows() == [(9999, 12.5)]
    assert values.filter(values["region_id"] == 292)["value"].to_list() == [84000.0]
    assert 6 not in values["region_id"].to_list()
    ranks = table_frame(sqlite_url, schema.indicator_rank).sort("region_id")
    # Pori (84,000) before Testilä (104.5) in 2024, population being "higher_better" here; Testilä
    # alone in 2023. Testilä's county has no other municipality with a value.
    assert ranks.filter(pl.col("scope") == "country").select("region_id", "year", "rank", "count").sort(
        "year", "rank").rows() == [(9999, 2023, 1, 1), (292, 2024, 1, 2), (9999, 2024, 2, 2)]
    assert ranks.filter(pl.col("scope") == "county").select("region_id", "year", "rank", "count").sort(
        "year").rows() == [(9999, 2023, 1, 1), (9999, 2024, 1, 1)]

    indicator = table_frame(sqlite_url, schema.indicator).sort("id")
    first = indicator.row(0, named=True)
    assert first["title_fi"] == "Väestö 31.12." and first["decimals"] == 0 and first["value_type"] == "LKM"
    assert "<b>" not in first["description_fi"] and "vuoden lopussa" in first["description_fi"]
    assert str(first["data_updated"]) == "2025-03-14"

    event = table_frame(sqlite_url, schema.participation_event).sort("id").row(0, named=True)
    assert (event["lon"], event["lat"], str(event["event_date"])) == (21.75, 61.46, "2025-11-22")

    district = table_frame(sqlite_url, schema.district).sort("code")
    island = json.loads(district["geometry"][1])
    assert island["type"] == "MultiPolygon" and len(island["coordinates"]) == 2
    centre = json.loads(district["geometry"][0])
    assert len(centre["coordinates"]) == 2, "the hole in Keskusta survives"


def test_cp1252_semicolon_decimal_comma_loads_like_utf8(mini_package, tmp_path):
    utf8_url = f"sqlite:///{tmp_path / 'a.db'}"
    assert refresh(mini_package, utf8_url).ok
    regs = registers(mini_package)
    # The same registers as Finnish Excel saves them: cp1252, `;`, decimal comma, d.m.yyyy dates.
    write(regs / "events.csv",
          "id;title;date;district;lon;lat;department;event_type;level;participants_young;participants_adult;participants_old\r\n"
          "e1;Asukasilta Mäntylässä;22.11.2025;01;21,75;61,46;siv;resident_evening;planning;12;30;4\r\n"
          "e2;Kysely;1.10.2025;;;;tek;survey;information;;250;40\r\n", encoding="cp1252")
    write(regs / "local_indicator_values.csv",
          "indicator;district;year;gender;value\r\n900001;;2024;total;12,5\r\n900001;01;2024;total;15,0\r\n"
          "900001;02;2024;total;3,5\r\n", encoding="cp1252")
    write(regs / "departments.csv", "code;name_fi;name_sv;name_en\r\nsiv;Sivistystoimiala;Bildningssektorn;Education\r\n"
          "tek;Tekninen toimiala;Tekniska sektorn;Technical services\r\n", encoding="cp1252")
    assert "ä".encode("cp1252") in (regs / "events.csv").read_bytes()
    cp_url = f"sqlite:///{tmp_path / 'b.db'}"
    assert refresh(mini_package, cp_url).ok
    assert dump_store(cp_url) == dump_store(utf8_url)


def test_rerun_of_same_package_leaves_store_identical(mini_package, sqlite_url):
    first = refresh(mini_package, sqlite_url)
    assert first.status == "success"
    before = dump_store(sqlite_url)
    second = refresh(mini_package, sqlite_url)
    assert second.status == "unchanged"
    assert second.rows == first.rows and second.rows["participation_event"] > 0  # what the store still holds
    assert dump_store(sqlite_url) == before
    # A changed file is loaded in full again, and a third identical run changes nothing either.
    write(registers(mini_package) / "departments.csv",
          "code,name_fi,name_sv,name_en\nsiv,Sivistys,Bildning,Education\ntek,Tekninen toimiala,Tekniska,Technical\n")
    assert refresh(mini_package, sqlite_url).status == "success"
    changed = dump_store(sqlite_url)
    assert ("siv", "Sivistys", "Bildning", "Education") in changed["department"]
    assert refresh(mini_package, sqlite_url).status == "unchanged"
    assert dump_store(sqlite_url) == changed


@pytest.mark.postgres
def test_sqlite_and_postgres_hold_the_same_data(mini_package, sqlite_url, pg_url):
    assert refresh(mini_package, sqlite_url).ok
    assert refresh(mini_package, pg_url).ok
    lite, pg = dump_store(sqlite_url), dump_store(pg_url)
    assert {k: len(v) for k, v in lite.items()} == {k: len(v) for k, v in pg.items()}
    assert lite == pg


# Each kind of rejected input, with the exact line the user must look at.
REJECTIONS = [
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,Ilta,22.11.2025,77,,,siv,resident_evening,planning,1,2,3\n",
     "events.csv:2: district: tuntematon alue '77'"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,Ilta,22.11.2025,01,,,siv,resident_evening,planning,-4,2,3\n",
     "events.csv:2: participants_young: arvo -4 on alle sallitun 0"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,Ilta,22.11.2025,01,,,siv,resident_evening,planning,1,2,3\n"
     "e1,Toinen ilta,23.11.2025,01,,,siv,resident_evening,planning,1,2,3\n",
     "events.csv:3: id: sama tunniste kuin rivillä 2"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,Ilta,31.02.2025,01,,,siv,resident_evening,planning,1,2,3\n",
     "events.csv:2: date: päivämäärää ei ole olemassa: '31.02.2025'"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,=HYPERLINK(\"http://x\"),22.11.2025,01,,,siv,resident_evening,planning,1,2,3\n",
     "events.csv:2: title: kaavat eivät ole sallittuja: '=HYPERLINK(\"http://x\")'"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_kids\n"
     "e1,Ilta,22.11.2025,01,,,siv,resident_evening,planning,1\n",
     "events.csv:1: participants_kids: tuntematon sarake"),
    ("events.csv",
     "id,date,district,department,event_type,level\n",
     "events.csv:1: title: pakollinen sarake puuttuu"),
    ("events.csv",
     "id,title,date,district,lon,lat,department,event_type,level,participants_young,participants_adult,participants_old\n"
     "e1,Ilta,22.11.2025,01,,,siv,party,planning,1,2,3\n",
     "events.csv:2: event_type: 'party' ei ole sallittu; käytä: resident_evening, popup, "
     "pay_what_you_want, survey, workshop, other"),
    ("district_population.csv", "district,age_group,year,population\n01,babies,2025,3\n",
     "district_population.csv:2: age_group: tuntematon ikäryhmä 'babies'"),
    ("meetings.csv", "id,group,date,joint,invited,present\nm1,g1,12.3.2099,ei,8,7\n",
     "meetings.csv:2: date: päivämäärä 12.03.2099 ei ole väliltä"),
    ("meetings.csv", "id,group,date,joint,invited,present\nm1,nosuch,12.3.2025,ei,8,7\n",
     "meetings.csv:2: group: tuntematon työryhmä 'nosuch'"),
    ("ngo_activities.csv", "ngo,priority_area,age_group,year\nn1,housing,young,2025\n",
     "ngo_activities.csv:2: priority_area: tuntematon painopistealue 'housing'"),
    ("adoption.csv", "department,year,trainings_held,units_total,units_using_model\nsiv,2025,2,4,9\n",
     "adoption.csv:2: units_using_model: käyttäjiä enemmän kuin yksiköitä"),
]


@pytest.mark.parametrize("file,content,expected", REJECTIONS, ids=[r[2].split(":")[0] + ":" + r[2].split(": ")[1] for r in REJECTIONS])
def test_rejected_input_names_file_line_column_and_leaves_store_unchanged(mini_package, sqlite_url, file, content, expected):
    assert refresh(mini_package, sqlite_url).ok
    before = dump_store(sqlite_url)
    write(registers(mini_package) / file, content)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "rejected"
    messages = [str(p) for p in result.problems]
    assert any(m.startswith(expected) for m in messages), messages
    assert dump_store(sqlite_url) == before
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        stored = conn.execute(select(schema.rejected_input.c.file, schema.rejected_input.c.line)
                              .where(schema.rejected_input.c.run_id == result.run_id)).all()
    assert (file, int(expected.split(":")[1])) in stored


def test_every_problem_is_reported_not_just_the_first(mini_package, sqlite_url):
    write(registers(mini_package) / "district_population.csv",
          "district,age_group,year,population\n01,young,2025,-1\n99,young,2025,5\n01,old,20x5,4\n")
    result = refresh(mini_package, sqlite_url)
    assert [str(p) for p in result.problems] == [
        "district_population.csv:2: population: arvo -1 on alle sallitun 0",
        "district_population.csv:3: district: tuntematon alue '99'; käytössä: 01 Keskusta, 02 Saari",
        "district_population.csv:4: year: ei kokonaisluku: '20x5'",
    ]


def test_cli_refresh_exit_codes_and_messages(mini_package, sqlite_url, capsys):
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 0
    assert "Ladattu:" in capsys.readouterr().out
    write(registers(mini_package) / "ngos.csv", "id,name,type,whole_municipality,districts\nn1,Seura,club,ei,\"01,55\"\n")
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 1
    err = capsys.readouterr().err
    assert "ngos.csv:2: type: 'club' ei ole sallittu" in err
    assert "ngos.csv:2: districts: tuntematon alue '55'" in err
    assert "tietoja ei muutettu" in err


def test_cli_status_json_reports_runs_freshness_and_rows(mini_package, sqlite_url, capsys):
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 0
    capsys.readouterr()
    assert hyte(["status", "--db", sqlite_url, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["runs"][0]["status"] == "success"
    assert status["rows"]["district"] == 2 and status["rows"]["ngo"] == 2
    sources = {f["source"]: f for f in status["freshness"]}
    assert sources["sotkanet"]["status"] == "fresh"
    assert sources["sotkanet"]["attribution"] == "Lähde: THL, Sotkanet.fi, CC BY 4.0"
    assert hyte(["status", "--db", sqlite_url]) == 0
    assert "sotkanet   fresh" in capsys.readouterr().out


def test_bad_config_is_rejected_with_the_key_named(mini_package, sqlite_url):
    text = mini_package.read_text(encoding="utf-8").replace('direction = "higher_better"\ntarget = 110.0',
                                                            'direction = "up"\ntarget = 110.0')
    write(mini_package, text)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "rejected"
    line = text.splitlines().index('direction = "up"') + 1
    assert [str(p) for p in result.problems] == [
        f"hyte.toml:{line}: indicators.direction: pitää olla jokin näistä: "
        "'higher_better', 'lower_better' (nyt: \"up\")"]


def test_load_that_fails_midway_leaves_previous_data(mini_package, sqlite_url, monkeypatch):
    assert refresh(mini_package, sqlite_url).ok
    before = dump_store(sqlite_url)
    write(registers(mini_package) / "departments.csv", "code,name_fi\nsiv,Uusi\ntek,Tekninen\n")
    from data_pipeline.store import writer

    real_ingest = writer._ingest

    def failing(cur, table, frame, sqlite):
        if table.name == "ngo":  # late in the load: most tables are already replaced in the transaction
            raise OSError("disk full (simulated)")
        return real_ingest(cur, table, frame, sqlite)

    monkeypatch.setattr(writer, "_ingest", failing)
    result = refresh(mini_package, sqlite_url)
    assert result.status == "failed" and "disk full" in result.message
    assert dump_store(sqlite_url) == before
    monkeypatch.setattr(writer, "_ingest", real_ingest)
    assert refresh(mini_package, sqlite_url).status == "success"


def test_template_writes_every_register_and_an_empty_package_loads(mini_package, sqlite_url, tmp_path, capsys):
    assert hyte(["template", str(tmp_path / "tpl")]) == 0
    written = sorted(p.name for p in (tmp_path / "tpl").iterdir())
    assert "SARAKKEET.md" in written and "events.csv" in written and "events.xlsx" in written
    assert len(written) == 2 * 17 + 1
    header = (tmp_path / "tpl" / "events.csv").read_text(encoding="utf-8-sig").strip().split(";")
    assert header[:3] == ["id", "title", "date"] and "participants_older" in header
    doc = (tmp_path / "tpl" / "SARAKKEET.md").read_text(encoding="utf-8")
    assert "| `level` | kyllä / ja / yes |" in doc and "information, planning, decision, action" in doc
    # Registers that are only headers are a valid (empty) register.
    for name in ("departments", "meetings", "partnerships"):
        (registers(mini_package) / f"{name}.csv").write_text(
            (tmp_path / "tpl" / f"{name}.csv").read_text(encoding="utf-8-sig"), encoding="utf-8")
    result = refresh(mini_package, sqlite_url)
    assert result.status == "rejected"  # events still name departments that the empty register lacks
    assert any(str(p).startswith("events.csv:2: department: tuntematon toimiala 'siv'") for p in result.problems)


def test_export_indicator_values_writes_raw_values_with_sotkanet_codes(mini_package, sqlite_url, tmp_path):
    assert refresh(mini_package, sqlite_url).ok
    out = tmp_path / "values.csv"
    assert hyte(["export", "indicator-values", "--out", str(out), "--db", sqlite_url]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["indicator_id", "region_category", "region_code", "year", "gender", "value"]
    assert ["127", "KUNTA", "999", "2024", "male", "50.25"] in rows
    assert ["127", "MAA", "358", "2024", "total", "5600000.0"] in rows
    assert ["127", "KUNTA", "609", "2024", "total", "84000.0"] in rows  # every municipality stored
    assert len(rows) == 1 + 7


def test_schema_migrations_match_the_schema_module(sqlite_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from data_pipeline.store.engine import upgrade

    engine = make_engine(sqlite_url)
    upgrade(engine)
    upgrade(engine)  # a second upgrade of a current store changes nothing
    assert schema_revision(engine) is not None
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
