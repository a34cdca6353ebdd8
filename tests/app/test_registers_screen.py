"""The register editors' screen (/registers, issue 23 item 2): the quick forms log a meeting and an event
through the upload's own process (a real `python -m data_pipeline.cli upload` on a copy of the mini
package), the table's drop-downs name the codes in the person's language, and only coordinators and
administrators get the screen."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support.screen_helpers import open_screen

from support.store_rows import table_frame
from dashboard.access import rules
from dashboard.core.i18n import translate
from data_pipeline.load import worker
from data_pipeline.store import schema

GROUPS = ("code,name_fi,name_sv,name_en,kind,parent,age_group,target_meetings_min,target_meetings_max\n"
          "lanu,Lasten ja nuorten ryhmä,Barn- och ungdomsgruppen,Children's group,lifecycle,,young,5,6\n")


@pytest.fixture
def loaded_package(mini_package, sqlite_url, monkeypatch):
    (mini_package.parent / "registers" / "working_groups.csv").write_text(GROUPS, encoding="utf-8")
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    monkeypatch.setenv("HYTE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("HYTE_PACKAGE_CONFIG", str(mini_package))
    return sqlite_url, mini_package


def submit(at, form: str, lang: str = "fi"):
    label = translate(f"reg.{form}.button", lang)
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_logging_an_event_saves_a_new_version_the_participation_data_show(loaded_package):
    url, config = loaded_package
    at = open_screen("registers.py")
    at.date_input(key="event.date").set_value(dt.date(2026, 5, 4))
    at.text_input(key="event.title").set_value("Kylätalon ilta")
    at.selectbox(key="event.district").set_value("02")
    at.selectbox(key="event.type").set_value("resident_evening")
    at.selectbox(key="event.level").set_value("planning")
    at.number_input(key="event.participants.adult").set_value(17)
    at.number_input(key="event.participants.old").set_value(6)

    submit(at, "event")

    assert [s.value for s in at.success] == ["Tapahtuma tallennettu\\: Kylätalon ilta 4\\.5\\.2026, 23 osallistujaa\\."]
    events = table_frame(url, schema.participation_event)
    row = events.filter(events["title"] == "Kylätalon ilta").to_dicts()
    assert row and row[0]["district_code"] == "02" and row[0]["event_type"] == "resident_evening"
    assert row[0]["event_date"] == dt.date(2026, 5, 4)
    people = table_frame(url, schema.event_participants)
    assert sorted(people.filter(people["event_id"] == row[0]["id"]).select("age_group_code", "participants").rows()) \
        == [("adult", 17), ("old", 6)]
    audit = table_frame(url, schema.audit_log).sort("id")
    assert audit.select("action", "register").rows()[-1] == ("edit", "events")
    versions = table_frame(url, schema.register_version).sort("id")
    assert versions["origin"].to_list()[-2:] == ["package", "edit"]  # the earlier file kept, to restore


def test_logging_a_meeting_writes_the_meeting_and_its_topics(loaded_package):
    url, _config = loaded_package
    at = open_screen("registers.py")
    at.date_input(key="meeting.date").set_value(dt.date(2026, 2, 3))
    at.selectbox(key="meeting.group").set_value("lanu")
    at.number_input(key="meeting.invited").set_value(10)
    at.number_input(key="meeting.present").set_value(8)
    at.multiselect(key="meeting.topics").set_value(["env", "life"])
    at.text_input(key="meeting.topic").set_value("Koulumatkat")

    submit(at, "meeting")

    assert [s.value for s in at.success] == [
        "Kokous tallennettu\\: Lasten ja nuorten ryhmä 3\\.2\\.2026 \\(aiheita 2\\)\\."]
    meetings = table_frame(url, schema.meeting)
    assert meetings.select("id", "group_code", "members_invited", "members_present").rows() == [
        ("lanu-20260203", "lanu", 10, 8)]
    topics = table_frame(url, schema.meeting_topic)
    assert sorted(topics.select("meeting_id", "priority_area_code", "topic").rows()) == [
        ("lanu-20260203", "env", "Koulumatkat"), ("lanu-20260203", "life", "Koulumatkat")]


def test_a_meeting_whose_attendance_does_not_add_up_is_not_saved_and_says_why(loaded_package):
    url, config = loaded_package
    at = open_screen("registers.py")
    at.selectbox(key="meeting.group").set_value("lanu")
    at.number_input(key="meeting.invited").set_value(5)
    at.number_input(key="meeting.present").set_value(8)

    submit(at, "meeting")

    assert [e.value for e in at.error] == [translate("reg.form.not_saved", "fi")]
    assert "Läsnä: " in at.main.code[0].value, at.main.code[0].value
    assert not (config.parent / "registers" / "meetings.csv").exists()
    assert table_frame(url, schema.meeting).height == 0


@pytest.mark.parametrize("lang, evening, group", [("fi", "Asukasilta", "Lasten ja nuorten ryhmä (lanu)"),
                                                   ("sv", "Invånarkväll", "Barn- och ungdomsgruppen (lanu)")])
def test_the_tables_drop_downs_show_names_in_the_persons_language_and_keep_the_codes(loaded_package, lang, evening,
                                                                                      group):
    at = open_screen("registers.py", lang=lang)
    at.selectbox(key="register").set_value("events").run()
    columns = json.loads(at.dataframe[0].proto.columns)
    options = {o["value"]: o["label"] for o in columns["event_type"]["type_config"]["options"]}
    assert options["resident_evening"] == evening
    assert columns["event_type"]["label"] == translate("regcol.event_type", lang)
    assert at.dataframe[0].proto.placeholder == ""  # an empty cell is empty, not the English "None"

    at.selectbox(key="register").set_value("seats").run()
    columns = json.loads(at.dataframe[0].proto.columns)
    groups = {o["value"]: o["label"] for o in columns["group"]["type_config"]["options"]}
    assert groups == {"lanu": group}
    seat_types = [o["label"] for o in columns["seat_type"]["type_config"]["options"]]
    assert "official" not in seat_types and translate("wg.seat.official", lang) in seat_types


def test_only_coordinators_and_administrators_get_the_register_editors():
    assert not rules.may_open("viewer", "registers")
    assert rules.may_open("coordinator", "registers") and rules.may_open("admin", "registers")
    assert not rules.may_open(None, "registers", public=True)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_screen_speaks_of_the_browser_not_of_terminal_commands(loaded_package, lang):
    """Issue 23: the screen's intro named `hyte check`, a terminal command, to coordinators who work in the
    browser alone. It says what they do here and what happens to a save, in each language."""
    from support.screen_helpers import screen_text

    at = open_screen("registers.py", lang=lang)
    text = screen_text(at)
    assert "hyte" not in text.replace("hyte.toml", "")
    lead = translate("reg.lead", lang)
    assert lead in text
    assert translate("page.data_status", lang) in lead  # where an earlier version is restored
