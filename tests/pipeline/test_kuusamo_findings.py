"""Findings of trying a real package as a new user would (issue 23 item 5, Kuusamo), each with a test that
failed before its fix."""

from __future__ import annotations

from data_pipeline.load.check import check_package


def events_with(mini_package, district: str) -> list[str]:
    events = mini_package.parent / "registers" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8")
                      + f"e9;Ilta;1.2.2026;{district};;;siv;workshop;planning;1;;\n", encoding="utf-8")
    return [str(p) for p in check_package(mini_package).problems]


def test_an_unknown_district_named_like_a_real_one_is_answered_with_that_one(mini_package):
    # "Ruka" for Rukatunturi (93830): the district's name, not its code.
    assert events_with(mini_package, "Saari") == [
        "events.csv:4: district: tuntematon alue 'Saari'; tarkoititko '02' (Saari)?"]


def test_an_unknown_district_lists_the_valid_ones(mini_package):
    assert events_with(mini_package, "Ruka") == [
        "events.csv:4: district: tuntematon alue 'Ruka'; käytössä: 01 Keskusta, 02 Saari"]
