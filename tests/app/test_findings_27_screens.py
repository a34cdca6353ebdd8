"""Findings of the Swedish-municipality trial on the screens (issue 27), each with the test that failed
before its fix: the slide builder's focus is not a goal, and open mode is named in the screen's language."""

from __future__ import annotations

import datetime as dt

import polars as pl
from support.screen_helpers import open_deck_builder, open_screen, screen_text

from dashboard.access.rules import OPEN_ACTOR
from dashboard.core.i18n import translate
from dashboard.data_status import view as status_view
from data_pipeline.cli import main as hyte


def test_the_slide_builder_asks_for_a_focus_not_a_goal(fixture_store):
    at = open_deck_builder(open_screen(None, lang="sv"))
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


def test_no_rejected_loads_is_not_shown_right_after_a_rejection(mini_package, tmp_path, monkeypatch):
    # The screen is read once (its reads cached), then an upload is rejected: the data version stays,
    # the newest run does not, and the screen must say what was rejected.
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert hyte(["refresh", "--config", str(mini_package), "--db", url, "--offline", "-q"]) == 0
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    no_rejected = translate("status.no_rejected", "fi")
    assert no_rejected in screen_text(open_screen("data_status.py"))
    events = mini_package.parent / "registers" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8-sig") + "e9;Ilta;31.02.2025;;;;siv;party;action\n",
                      encoding="utf-8")
    assert hyte(["refresh", "--config", str(mini_package), "--db", url, "--offline", "-q"]) != 0
    shown = screen_text(open_screen("data_status.py"))
    assert no_rejected not in shown
    assert translate("status.rejected_intro", "fi", when="").split("{")[0][:20] in shown
