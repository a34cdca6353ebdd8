"""Findings of the Swedish-municipality trial on the screens (issue 27), each with the test that failed
before its fix: the slide builder's focus is not a goal, and open mode is named in the screen's language."""

from __future__ import annotations

import datetime as dt

import polars as pl
from screen_helpers import open_screen

from dashboard.access.rules import OPEN_ACTOR
from dashboard.data_status import view as status_view


def test_the_slide_builder_asks_for_a_focus_not_a_goal(fixture_store):
    at = open_screen(None, lang="sv")
    labels = [w.label for w in at.sidebar.text_input]
    assert "Fokus: Indikatorer (valfritt)" in labels, labels
    assert not any(label.startswith("Mål") for label in labels)


def test_the_change_log_names_open_mode_in_the_screen_s_language():
    frame = pl.DataFrame([{"at": dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.timezone.utc), "actor": OPEN_ACTOR,
                           "action": "upload", "register": "events", "file_name": "events.csv", "rows": 2,
                           "message": None},
                          {"at": dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc), "actor": "anna@narpes.fi",
                           "action": "upload", "register": "events", "file_name": "events.csv", "rows": 2,
                           "message": None}])
    assert status_view.audit(frame, "sv")["Vem"].to_list() == ["öppet läge (ingen inloggning)", "anna@narpes.fi"]
    assert status_view.audit(frame, "fi")[:, 1].to_list()[0] == "avoin tila (ei kirjautumista)"
