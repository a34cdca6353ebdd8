"""Direction-aware indicator judgements on small hand-made series."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.indicators.metrics import area_summary, classify, indicator_status, weak_signals


def values(series: dict[tuple[int, str], dict[int, float]]) -> pl.DataFrame:
    rows = [{"indicator_id": ind, "role": role, "year": y, "gender": "total", "value": v}
            for (ind, role), by_year in series.items() for y, v in by_year.items()]
    return pl.DataFrame(rows)


INDICATORS = pl.DataFrame({
    "id": [1, 2, 3, 4],
    "priority_area_code": ["a", "a", "b", "b"],
    "direction": ["lower_better", "higher_better", "lower_better", "higher_better"],
    "target_value": [8.0, None, 30.0, 50.0],
})
VALUES = values({
    # 1: youth smoking, improving for years then turning worse: a weak signal ("turn").
    (1, "municipality"): {2019: 12.0, 2020: 11.0, 2021: 10.0, 2022: 9.0, 2023: 10.5},
    (1, "country"): {2022: 9.5, 2023: 9.0},
    (1, "county"): {2023: 11.0},
    # 2: higher is better and it rose: improving, better than the country.
    (2, "municipality"): {2022: 40.0, 2023: 44.0},
    (2, "country"): {2023: 42.0},
    # 3: lower is better, went from under the country level to over it: "crossed_country".
    (3, "municipality"): {2022: 28.0, 2023: 31.0},
    (3, "country"): {2022: 29.0, 2023: 29.5},
    # 4: flat within 2 %: holding; target 50 not met.
    (4, "municipality"): {2022: 45.0, 2023: 45.5},
})


def test_status_follows_each_indicators_direction():
    status = indicator_status(INDICATORS, VALUES, plan_start_year=2021).sort("indicator_id")
    rows = {r["indicator_id"]: r for r in status.iter_rows(named=True)}
    assert (rows[1]["latest"], rows[1]["previous"], rows[1]["change"]) == (10.5, 9.0, 1.5)
    assert rows[1]["trend"] == "worsening" and rows[1]["target_met"] is False
    assert (rows[1]["baseline_year"], rows[1]["plan_change"]) == (2020, -0.5)  # still below the plan baseline
    assert (rows[1]["vs_country"], rows[1]["vs_county"]) == ("worse", "better")
    assert rows[2]["trend"] == "improving" and rows[2]["target_met"] is None and rows[2]["vs_country"] == "better"
    assert rows[3]["trend"] == "worsening" and rows[3]["target_met"] is False  # 31 > 30, lower is better
    assert rows[4]["trend"] == "holding" and rows[4]["target_met"] is False


@pytest.mark.parametrize("change,previous,direction,expected", [
    (1.0, 10.0, "higher_better", "improving"), (1.0, 10.0, "lower_better", "worsening"),
    (-1.0, 10.0, "lower_better", "improving"), (0.2, 10.0, "lower_better", "holding"),
    (None, None, "lower_better", "no_data"),
])
def test_classify(change, previous, direction, expected):
    assert classify(change, previous, direction) == expected


def test_area_summary_counts_per_priority_area():
    status = indicator_status(INDICATORS, VALUES, plan_start_year=2021)
    summary = {r["priority_area_code"]: r for r in area_summary(INDICATORS, status).iter_rows(named=True)}
    assert (summary["a"]["improving"], summary["a"]["worsening"], summary["a"]["holding"]) == (1, 1, 0)
    assert (summary["b"]["improving"], summary["b"]["worsening"], summary["b"]["holding"]) == (0, 1, 1)
    assert (summary["a"]["with_target"], summary["a"]["target_met"]) == (1, 0)
    assert (summary["b"]["with_target"], summary["b"]["target_met"]) == (2, 0)
    assert summary["a"]["better_than_country"] == 1 and summary["a"]["worse_than_country"] == 1


def test_weak_signals_are_turns_and_crossings_ranked_by_severity():
    signals = weak_signals(INDICATORS, VALUES)
    assert signals.select("indicator_id", "kind").rows() == [(1, "turn"), (3, "crossed_country")]
    assert signals["severity"].to_list() == pytest.approx([1.5 / 9.0 * 100, 3.0 / 28.0 * 100])


def test_no_data_is_said_not_invented():
    status = indicator_status(INDICATORS, VALUES.filter(pl.col("indicator_id") != 4), plan_start_year=2021)
    row = status.filter(pl.col("indicator_id") == 4).row(0, named=True)
    assert row["trend"] == "no_data" and row["latest"] is None and row["target_met"] is None


def test_a_worsening_that_has_lasted_years_is_still_a_turn_counted_from_where_it_began():
    series = values({(9, "municipality"): {2018: 15.0, 2019: 13.0, 2020: 11.0, 2021: 9.0, 2022: 10.0, 2023: 11.0,
                                           2024: 12.0}})
    inds = pl.DataFrame({"id": [9], "direction": ["lower_better"]})
    signal = weak_signals(inds, series).row(0, named=True)
    assert (signal["kind"], signal["year"], signal["change"]) == ("turn", 2021, 3.0)
    assert signal["severity"] == pytest.approx(3.0 / 9.0 * 100)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_area_without_targets_says_where_to_set_them_not_0_of_0(lang):
    """Kuusamo trial: a new plan's priority areas said "tavoite saavutettu 0/0" before any target was set."""
    from dashboard.core.i18n import translate
    from dashboard.indicators import view

    area = {"improving": 3, "holding": 3, "worsening": 0, "no_data": 0, "target_met": 0, "with_target": 0}
    line = view.area_line(area, lang)
    assert "0/0" not in line
    assert line == translate("ind.summary.no_targets", lang, improving=3, holding=3, worsening=0, no_data=0)
    assert translate("page.plan", lang).lower()[:4] in line.lower()
    assert "1/2" in view.area_line({**area, "target_met": 1, "with_target": 2}, lang)
