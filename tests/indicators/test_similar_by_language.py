"""Why these peers, for a Swedish-speaking municipality: the Swedish speakers' share is shown as a reason
beside size and age; and the chart writes numbers as the language does (1 000 000, not 1,000,000)."""

from __future__ import annotations

import polars as pl

from dashboard.indicators import queries, view


def profiles(with_language: bool) -> pl.DataFrame:
    rows = [("545", "Närpiö", "Närpes", "municipality", 9_500.0, 16.0, 27.0, None, None, 78.0),
            ("946", "Vöyri", "Vörå", "peer", 6_600.0, 17.0, 25.5, 0.4, 1, 80.0),
            ("475", "Maalahti", "Malax", "other", 5_500.0, 16.5, 26.0, 0.5, 2, 85.0),
            ("091", "Helsinki", "Helsingfors", "other", 1_200_000.0, 15.0, 17.0, 5.0, 3, 5.8)]
    return pl.DataFrame([dict(zip(queries.PROFILE_SCHEMA, (code, fi, sv, fi, role, 2024, pop, young, 100 - young - old,
                                                          old, dist, rank, swedish if with_language else None)))
                         for code, fi, sv, role, pop, young, old, dist, rank, swedish in rows],
                        schema=queries.PROFILE_SCHEMA)


def test_the_swedish_share_is_a_reason_for_a_swedish_speaking_municipality():
    shown = view.similar_view(profiles(True), "sv", "Närpes")
    assert "andelen svenskspråkiga" in shown["method"]
    table = shown["table"]
    assert dict(zip(table["Kommun"], table["svenskspråkiga, %"])) == {"Närpes": "78,0", "Vörå": "80,0", "Malax": "85,0",
                                                                      "Helsingfors": "5,8"}
    tips = [t["title"] for t in shown["spec"]["layer"][0]["encoding"]["tooltip"]]
    assert "svenskspråkiga, %" in tips


def test_a_finnish_municipality_shows_no_language_column():
    shown = view.similar_view(profiles(False), "fi", "Närpiö")
    assert "ruotsinkielisiä, %" not in shown["table"].columns and "ruotsinkielisten" not in shown["method"]


def test_the_chart_writes_numbers_as_the_language_does():
    spec = view.similar_view(profiles(True), "fi", "Närpiö")["spec"]
    x = spec["layer"][0]["encoding"]["x"]["axis"]
    assert "\u00a0" in x["labelExpr"] and "regexp(',', 'g')" in x["labelExpr"]  # 1 000 000 (was 1,000,000)
    helsinki = next(p for p in spec["data"]["values"] if p["name"] == "Helsinki")
    assert (helsinki["population_text"], helsinki["old_text"]) == ("1\u00a0200\u00a0000", "17,0")
    assert all(t["field"].endswith("_text") for t in spec["layer"][0]["encoding"]["tooltip"][2:])
    english = view.similar_view(profiles(True), "en", "Närpes")["spec"]["layer"][0]["encoding"]["x"]["axis"]
    assert '","' in english["labelExpr"]
