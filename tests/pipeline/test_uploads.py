"""Uploads and restores from the app (pipeline side), the audit log, and `hyte health`."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import update

from support.store_rows import dump_store, table_frame
from dashboard.core.i18n import translate
from data_pipeline.store import schema
from data_pipeline.load import worker
from data_pipeline.cli import main as hyte
from data_pipeline.store.health import check, head_revision
from data_pipeline.load.refresh import Change, refresh
from data_pipeline.store.engine import make_engine
from data_pipeline.load.uploads import package_config, restore_version, upload_register

NEW_EVENT = "e3;Työpaja nuorille;01.12.2025;02;;;siv;workshop;action;25;;\n"


def events_file(config: Path) -> Path:
    return config.parent / "registers" / "events.csv"


@pytest.fixture
def loaded(mini_package, store_url):
    """The mini package loaded into a store, as `hyte refresh` leaves it."""
    assert refresh(mini_package, store_url, change=Change("nightly (hyte)")).ok
    return mini_package, store_url


def event_ids(url: str) -> list[str]:
    return sorted(table_frame(url, schema.participation_event)["id"].to_list())


def audit(url: str) -> list[tuple]:
    frame = table_frame(url, schema.audit_log).sort("id")
    return frame.select("actor", "action", "register", "file_name", "rows").rows()


def test_the_store_names_the_package_it_was_loaded_from(loaded):
    config, url = loaded
    assert package_config(make_engine(url)) == config


def test_a_clean_upload_loads_and_goes_into_the_package(loaded):
    config, url = loaded
    content = events_file(config).read_bytes() + NEW_EVENT.encode()
    result = upload_register(url, config, "events", "tapahtumat 2025.csv", content, "maija@kunta.fi")
    assert result.status == "loaded" and result.rows == 3
    assert event_ids(url) == ["e1", "e2", "e3"]
    assert events_file(config).read_bytes() == content
    assert not list(config.parent.glob(".hyte-upload-*"))  # the staging folder is gone
    assert audit(url)[-1] == ("maija@kunta.fi", "upload", "events", "tapahtumat 2025.csv", 3)


def test_a_broken_upload_lists_every_problem_and_changes_nothing(loaded):
    config, url = loaded
    before, package_before = dump_store(url), events_file(config).read_bytes()
    broken = package_before.replace(b"22.11.2025", b"32.11.2025") + b"e3;;2025-13-01;99;;;siv;party;action;;;\n"
    result = upload_register(url, config, "events", "tapahtumat.csv", broken, "maija@kunta.fi")
    assert result.status == "rejected"
    assert [str(p) for p in result.problems] == [
        "events.csv:2: date: päivämäärää ei ole olemassa: '32.11.2025'",
        "events.csv:4: title: pakollinen tieto puuttuu",
        "events.csv:4: date: päivämäärää ei ole olemassa: '2025-13-01'",
        "events.csv:4: district: tuntematon alue '99'; käytössä: 01 Keskusta, 02 Saari",
        "events.csv:4: event_type: 'party' ei ole sallittu; käytä: resident_evening, popup, "
        "pay_what_you_want, survey, workshop, other",
    ]
    assert dump_store(url) == before
    assert events_file(config).read_bytes() == package_before
    assert audit(url)[-1][:3] == ("maija@kunta.fi", "rejected", "events")


def test_problems_match_what_hyte_refresh_reports_for_the_same_file(loaded, capsys):
    config, url = loaded
    broken = events_file(config).read_bytes().replace(b"planning", b"plan")
    uploaded = upload_register(url, config, "events", "x.csv", broken, "a@kunta.fi")
    events_file(config).write_bytes(broken)
    assert hyte(["refresh", "--config", str(config), "--db", url, "--offline"]) == 1
    cli_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("events.csv:")]
    assert cli_lines == [str(p) for p in uploaded.problems] and cli_lines


def test_restore_brings_back_the_previous_version(loaded):
    config, url = loaded
    original = events_file(config).read_bytes()
    upload_register(url, config, "events", "uusi.csv", original + NEW_EVENT.encode(), "maija@kunta.fi")
    versions = table_frame(url, schema.register_version).sort("id")
    assert versions.select("origin", "rows").rows() == [("package", 2), ("upload", 3)]
    result = restore_version(url, config, versions["id"][0], "admin@kunta.fi")
    assert result.status == "loaded"
    assert event_ids(url) == ["e1", "e2"]
    assert events_file(config).read_bytes() == original
    assert audit(url)[-1] == ("admin@kunta.fi", "restore", "events", "events.csv", 2)


def test_a_later_refresh_keeps_the_uploaded_register(loaded):
    config, url = loaded
    upload_register(url, config, "events", "uusi.csv", events_file(config).read_bytes() + NEW_EVENT.encode(), "m@k.fi")
    assert hyte(["refresh", "--config", str(config), "--db", url, "--offline", "-q"]) == 0
    assert event_ids(url) == ["e1", "e2", "e3"]


def test_an_xlsx_upload_replaces_the_csv(loaded):
    config, url = loaded
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "date", "department", "event_type", "level", "participants_adult"])
    sheet.append(["x1", "Pop up", dt.date(2025, 6, 1), "tek", "popup", "information", 40])
    data = io.BytesIO()
    book.save(data)
    result = upload_register(url, config, "events", "Tapahtumat.xlsx", data.getvalue(), "m@k.fi")
    assert result.status == "loaded", result.problems
    assert event_ids(url) == ["x1"]
    assert not events_file(config).exists() and (config.parent / "registers" / "events.xlsx").is_file()


def test_a_wrong_kind_of_file_is_refused_before_anything_runs(loaded):
    config, url = loaded
    result = upload_register(url, config, "events", "events.pdf", b"%PDF", "m@k.fi")
    assert result.status == "rejected" and "CSV" in result.problems[0].message


def test_every_load_is_logged_with_who_ran_it(loaded, monkeypatch):
    config, url = loaded
    monkeypatch.setattr("getpass.getuser", lambda: "hyte-svc")
    assert hyte(["refresh", "--config", str(config), "--db", url, "--offline", "-q"]) == 0
    assert audit(url)[0][:2] == ("nightly (hyte)", "refresh")
    assert audit(url)[-1][:2] == ("hyte-svc (hyte)", "refresh")


# --- hyte health ------------------------------------------------------------------------------------

def test_health_is_ok_for_a_fresh_store(loaded, capsys):
    _config, url = loaded
    assert hyte(["health", "--db", url]) == 0
    assert capsys.readouterr().out.startswith(f"ok: skeema {head_revision()}")  # the newest migration


def test_health_fails_with_a_reason(tmp_path, mini_package, sqlite_url, capsys):
    assert hyte(["health", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/x"]) == 1
    assert "tietovarastoon ei saada yhteyttä" in capsys.readouterr().out
    assert hyte(["health", "--db", f"sqlite:///{tmp_path / 'empty.db'}"]) == 1
    assert "skeema puuttuu" in capsys.readouterr().out
    assert refresh(mini_package, sqlite_url).ok
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(update(schema.load_run).values(finished_at=dt.datetime(2020, 1, 1)))
    health = check(engine, max_age_hours=48)
    assert not health.ok and "h vanhoja (raja 48 h)" in health.reason
    with engine.begin() as conn:
        conn.execute(schema.load_run.delete().where(schema.load_run.c.status == "success"))
    assert check(engine).reason == "ei tietoja: yksikään lataus ei ole vielä onnistunut"


# --- the app's path: a write process speaking JSON lines (data_pipeline.load.worker) ------------------------

def test_the_app_path_gets_the_problems_as_listed_and_how_many_there_are(mini_package, sqlite_url):
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    steps = []
    bad = events_file(mini_package).read_bytes() + "".join(
        f"x{i};Ilta;01.12.2025;99;;;siv;workshop;action;5;;\n" for i in range(250)).encode()
    result = worker.upload(sqlite_url, mini_package, "events", "iso.csv", bad, "maija@kunta.fi",
                           progress=lambda step, rows: steps.append(step))
    # As `hyte refresh` lists them: the first 200 of the file, then a line counting the rest.
    assert (result.status, result.problem_count, len(result.problems)) == ("rejected", 250, 201)
    assert result.problems[0] == "events.csv:4: district: tuntematon alue '99'; käytössä: 01 Keskusta, 02 Saari"
    assert result.problems[-1].startswith("events.csv:1: -: … ja 50 muuta virhettä") and not result.at_least
    assert steps == []  # rejected before anything was written
    assert events_file(mini_package).read_bytes() != bad
    assert audit(sqlite_url)[-1][:4] == ("maija@kunta.fi", "rejected", "events", "iso.csv")


def test_a_write_that_crashes_reports_it_and_leaves_no_run_running(loaded, monkeypatch, capsys):
    config, url = loaded
    source = events_file(config).with_name("upload.csv")
    source.write_bytes(events_file(config).read_bytes() + NEW_EVENT.encode())

    def crash(_config, **_options):
        raise RecursionError("maximum recursion depth exceeded")

    def crash_alone(_config, _register, _districts):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("data_pipeline.load.refresh.validate_package", crash)
    # An upload into a store holding the package checks only its register's part (build_register_tables).
    monkeypatch.setattr("data_pipeline.load.refresh.build_register_tables", crash_alone)
    code = hyte(["upload", "--config", str(config), "--register", "events", "--file", str(source),
                 "--actor", "maija@kunta.fi", "--db", url, "--json-progress"])
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2 and [e["event"] for e in events] == ["run", "result"]
    # Said in the person's language, the system's own error after it.
    assert events[-1]["status"] == "failed" and events[-1]["message"] == translate(
        "run.load_failed", "fi", error="RecursionError: maximum recursion depth exceeded")
    runs = table_frame(url, schema.load_run).sort("id")
    assert runs["status"].to_list()[-1] == "failed" and "running" not in runs["status"].to_list()
    assert not list(config.parent.glob(".hyte-upload-*"))
    # The nightly `hyte refresh` (no JSON) crashing the same way leaves no run `running` either.
    events_file(config).write_bytes(source.read_bytes())
    with pytest.raises(RecursionError):
        hyte(["refresh", "--config", str(config), "--db", url, "--offline", "-q"])
    runs = table_frame(url, schema.load_run).sort("id")
    assert runs["status"].to_list()[-1] == "failed" and "RecursionError: maximum recursion" in runs["message"].to_list()[-1]
