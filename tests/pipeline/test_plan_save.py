"""The plan screen's writes (issue 23): hyte.toml edited with its comments kept, validated as `hyte check`
validates, loaded in one transaction, versioned, undone by restoring a version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from data_pipeline.cli import main as hyte
from data_pipeline.inputs import config_edit as E
from data_pipeline.inputs.config import load_config
from data_pipeline.load import worker
from data_pipeline.load.plan import save_plan, restore_version
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def loaded(mini_package: Path, sqlite_url: str) -> tuple[Path, str]:
    text = mini_package.read_text(encoding="utf-8")
    mini_package.write_text("# Testilän paketti: kommentit säilyvät\n" + text.replace(
        "[[priority_areas]]\ncode = \"life\"", "[[priority_areas]]  # elintavat\ncode = \"life\""), encoding="utf-8")
    (mini_package.parent / "registers" / "meeting_topics.csv").write_text("meeting;priority_area;topic\n",
                                                                          encoding="utf-8")
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 0
    return mini_package, sqlite_url


def rows(url: str, table, *columns):
    with make_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(select(*(table.c[c] for c in columns)).order_by(*(table.c[c] for c in columns)))]


def test_numbers_are_read_as_a_finn_types_them():
    assert [E.parse_number(v) for v in ("8,5", "8.5", " 1 234,5 ", "-2", "\u22123,25", "")] == \
        [8.5, 8.5, 1234.5, -2.0, -3.25, None]
    with pytest.raises(E.NotANumber) as caught:
        E.parse_number("8,5 %")
    assert str(caught.value.message) == "”8,5 %” ei ole luku: kirjoita esimerkiksi 8,5"
    assert E.area_code("Liikkuminen ja luonto", {"liikkuminen_ja_luonto"}) == "liikkuminen_ja_luonto_2"
    assert E.area_code("Osallisuus ja yhteisöllisyys", set()) == "osallisuus_ja"


def test_a_rename_keeps_every_reference_and_the_files_comments(loaded):
    config, url = loaded
    before = config.read_text(encoding="utf-8")
    result = save_plan(url, config, [
        {"op": "area", "code": "life", "names": {"fi": "Liikkuminen ja luonto", "sv": "Motion och natur",
                                                 "en": "Exercise and nature"}},
        {"op": "area", "code": None, "names": {"fi": "Osallisuus ja yhteisöllisyys", "sv": "Delaktighet"}},
        {"op": "indicator", "id": 127, "values": {"target": 8.5, "target_year": 2027}},
        {"op": "plan", "names": {"fi": "Testilän hyvinvointisuunnitelma", "sv": "Testbys välfärdsplan"},
         "start_year": 2025, "end_year": 2028, "flag_days": 30, "stale_days": 90},
    ], "koordinaattori@testila.fi", today=TODAY)
    assert result.status == "loaded", result.problems
    after = config.read_text(encoding="utf-8")
    assert after.startswith("# Testilän paketti: kommentit säilyvät\n")
    assert "[[priority_areas]]  # elintavat\ncode = \"life\"\nname_fi = \"Liikkuminen ja luonto\"" in after
    assert "target = 8.5\ntarget_year = 2027" in after
    # Only what was edited changed: every other line is as it was.
    assert [line for line in before.splitlines() if line not in after.splitlines()] == [
        'name_fi = "Hyvinvointisuunnitelma 2025–2028"', 'name_fi = "Elintavat"', "target = 110.0",
        "target_year = 2028"]
    config_now = load_config(config)
    assert [(a.code, a.name_fi) for a in config_now.priority_areas] == [
        ("env", "Elinympäristö"), ("life", "Liikkuminen ja luonto"),
        ("osallisuus_ja", "Osallisuus ja yhteisöllisyys")]
    assert (config_now.measure_flag_days, config_now.measure_stale_days) == (30, 90)
    assert rows(url, schema.priority_area, "code", "name_fi", "name_sv") == [
        ("env", "Elinympäristö", None), ("life", "Liikkuminen ja luonto", "Motion och natur"),
        ("osallisuus_ja", "Osallisuus ja yhteisöllisyys", "Delaktighet")]
    assert rows(url, schema.indicator, "id", "priority_area_code", "target_value") == [
        (127, "env", 8.5), (900001, "life", None)]
    assert ("koordinaattori@testila.fi", "plan", "plan") in rows(url, schema.audit_log, "actor", "action", "register")


def test_a_target_year_before_the_plan_is_refused_and_nothing_changes(loaded):
    config, url = loaded
    before = config.read_bytes()
    result = save_plan(url, config, [{"op": "indicator", "id": 127, "values": {"target_year": 2020}}], "k@t.fi",
                       today=TODAY)
    assert result.status == "rejected"
    assert [str(p) for p in result.problems] == [
        f"hyte.toml:{before.decode().splitlines().index('target_year = 2028') + 1}: indicators.target_year: "
        "tavoitevuosi 2020 on ennen suunnitelman alkua (2025–2028): valitse vuosi suunnitelmakaudelta tai "
        "muuta suunnitelman vuosia"]
    assert config.read_bytes() == before
    assert rows(url, schema.indicator, "id", "target_year") == [(127, 2028), (900001, None)]
    assert not [p for p in config.parent.iterdir() if p.name.startswith(".hyte-upload-")]


def test_removing_an_area_still_named_by_an_indicator_is_refused_as_check_refuses_it(loaded):
    config, url = loaded
    result = save_plan(url, config, [{"op": "remove_area", "code": "env"}], "k@t.fi", today=TODAY)
    assert result.status == "rejected"
    assert [p.column for p in result.problems] == ["indicators.priority_area"]
    assert "tuntematon 'env'" in str(result.problems[0])


def test_goals_and_measures_are_registers_with_dated_updates_and_undo_restores_a_version(loaded):
    config, url = loaded
    result = save_plan(url, config, [
        {"op": "goal", "code": None, "priority_area": "life", "text_fi": "Nuoret liikkuvat enemmän"},
        {"op": "measure", "code": None, "goal": "T1", "text_fi": "Liikkuva koulu", "responsible_unit": "Sivistys",
         "status": "ongoing", "due_date": dt.date(2027, 6, 30), "progress_note": "Käynnistetty kolmessa koulussa"},
    ], "k@t.fi", today=TODAY)
    assert result.status == "loaded", result.problems
    assert rows(url, schema.goal, "code", "priority_area_code", "text_fi") == [("T1", "life", "Nuoret liikkuvat enemmän")]
    assert rows(url, schema.measure, "code", "status", "due_date", "progress_note", "updated_on") == [
        ("M1", "ongoing", dt.date(2027, 6, 30), "Käynnistetty kolmessa koulussa", TODAY)]
    assert (config.parent / "registers" / "measures.csv").is_file()

    # A measure's status changed later: its date of last update moves; an unchanged save does not.
    later = TODAY + dt.timedelta(days=40)
    assert save_plan(url, config, [{"op": "measure", "code": "M1", "status": "done"}], "k@t.fi",
                     today=later).status == "loaded"
    assert rows(url, schema.measure, "status", "updated_on") == [("done", later)]

    # Undo the target change of a plan save: restore hyte.toml's version from before it.
    original = config.read_bytes()
    assert save_plan(url, config, [{"op": "indicator", "id": 127, "values": {"target": 120.0}}], "k@t.fi",
                     today=TODAY).status == "loaded"
    with make_engine(url).connect() as conn:
        versions = conn.execute(select(schema.register_version.c.id, schema.register_version.c.sha256)
                                .where(schema.register_version.c.register == "plan")
                                .order_by(schema.register_version.c.id)).all()
    assert len(versions) == 2  # the package's file, then the changed one
    restored = restore_version(url, config, versions[0][0], "k@t.fi")
    assert restored.status == "loaded", restored.problems
    assert config.read_bytes() == original
    assert rows(url, schema.indicator, "id", "target_value") == [(127, 110.0), (900001, None)]


def test_the_app_writes_the_plan_through_a_process_of_its_own(loaded):
    config, url = loaded
    result = worker.plan(url, config, [{"op": "indicator", "id": 127, "values": {"target": 8.5, "target_year": 2028}}],
                         "k@t.fi", lang="sv")
    assert result.ok and result.outcome == "loaded", result
    assert rows(url, schema.indicator, "id", "target_value") == [(127, 8.5), (900001, None)]
    refused = worker.plan(url, config, [{"op": "indicator", "id": 127, "values": {"target_year": 2020}}],
                          "k@t.fi", lang="sv")
    assert refused.status == "rejected"
    assert refused.problems[0].endswith("målåret 2020 ligger före planens början (2025–2028): välj ett år inom "
                                        "planperioden eller ändra planens år")
