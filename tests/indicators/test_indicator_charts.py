"""Indicator chart builders: the specs say what the screen draws."""

from __future__ import annotations

import polars as pl

from dashboard.indicators import charts
from dashboard.core import theme

LABELS = {"year": "Vuosi", "value": "Arvo", "region": "Alue", "target": "Tavoite", "gender": "Sukupuoli",
          "count": "Indikaattoreita", "improving": "Paranee", "holding": "Ennallaan", "worsening": "Heikkenee",
          "no_data": "Ei tietoa"}


def data_of(spec: dict, layer: dict) -> list[dict]:
    data = layer["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_trend_chart_draws_municipality_first_and_the_target():
    values = pl.DataFrame({"year": [2023, 2024, 2023, 2024], "value": [10.0, 12.0, 9.0, None],
                           "region": ["Merilahti", "Merilahti", "Koko maa", "Koko maa"],
                           "role": ["municipality", "municipality", "country", "country"]})
    spec = charts.trend_chart(values, 8.0, LABELS, "Merilahti 12,0 vuonna 2024").to_dict()
    assert spec["description"] == "Merilahti 12,0 vuonna 2024"
    lines, rule, text = spec["layer"]
    colour = lines["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Merilahti", "Koko maa"]
    assert colour["range"] == [theme.BLUE, theme.GREY]
    assert rule["mark"]["strokeDash"] == [6, 4] and data_of(spec, rule) == [{"target": 8.0}]
    assert data_of(spec, text)[0]["label"] == "Tavoite"
    assert len(data_of(spec, lines)) == 3  # the missing 2024 country value is not drawn as zero


def test_gender_chart_draws_each_gender_without_missing_years():
    """Validated here (to_dict validates), as the screen builds it without validation (model.detail_charts)."""
    values = pl.DataFrame({"year": [2023, 2024, 2023, 2024], "value": [10.0, 12.0, 9.0, None],
                           "gender": ["Miehet", "Miehet", "Naiset", "Naiset"]})
    spec = charts.gender_chart(values, LABELS, "Miehet 12,0 vuonna 2024").to_dict()
    assert spec["description"] == "Miehet 12,0 vuonna 2024"
    assert spec["encoding"]["color"]["field"] == "gender" and spec["encoding"]["color"]["title"] == "Sukupuoli"
    assert spec["encoding"]["x"]["field"] == "year" and spec["encoding"]["y"]["scale"] == {"zero": False}
    assert len(data_of(spec, spec)) == 3  # the missing 2024 value is not drawn as zero


def test_sparkline_colour_follows_the_trend():
    series = pl.DataFrame({"year": [2022, 2023, 2024], "value": [1.0, 2.0, 3.0]})
    worse = charts.sparkline(series, "worsening", "x")
    better = charts.sparkline(series, "improving", "x")
    assert worse["layer"][0]["mark"]["color"] == theme.BAD
    assert better["layer"][0]["mark"]["color"] == theme.GOOD
    assert worse["data"]["values"] == [{"year": 2022, "value": 1.0}, {"year": 2023, "value": 2.0},
                                       {"year": 2024, "value": 3.0}]
    assert worse["layer"][1]["data"]["values"] == [{"year": 2024, "value": 3.0}]  # the latest value marked
    assert worse["description"] == "x"


def test_area_balance_chart_orders_statuses_good_to_bad():
    summary = pl.DataFrame({"area": ["A", "A", "B"], "status": ["Paranee", "Heikkenee", "Ennallaan"],
                            "status_code": ["improving", "worsening", "holding"], "count": [2, 1, 3]})
    spec = charts.area_balance_chart(summary, LABELS, "desc").to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Paranee", "Ennallaan", "Heikkenee", "Ei tietoa"]
    assert scale["range"] == [theme.GOOD, theme.NEUTRAL, theme.BAD, "#BDBDBD"]
