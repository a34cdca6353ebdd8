"""What a new visitor's script run costs beyond the page itself: the script's compilation, the chart theme,
the charts' rows (benchmarks/visitor_cpu.py measures the CPU; the garbage collection: test_process.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import altair as alt

from dashboard.core import theme

ROOT = Path(__file__).parents[2]


def test_no_magic_so_no_syntax_tree_rewrite_when_a_script_is_compiled():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


def test_the_chart_theme_is_not_looked_up_again_once_active(monkeypatch):
    theme.apply()

    def names():  # reads every installed package's entry points
        raise AssertionError("alt.theme.names() on a run where the theme is already active")

    monkeypatch.setattr(alt.theme, "names", names)
    theme.apply()
    assert alt.theme.active == "hyte"


def test_a_charts_inline_rows_are_converted_to_arrow_once(monkeypatch):
    """Streamlit turned every chart's inline rows into Arrow (via pandas) on every run; the same rows
    now reach the browser as a named Arrow dataset converted once."""
    import io

    import polars as pl
    from streamlit import dataframe_util

    from dashboard.core import downloads

    rows = [{"year": 2024, "value": 1.5, "label": "ä"}, {"year": 2025, "value": None, "label": "b"}]
    spec = {"data": {"values": rows}, "mark": "bar", "encoding": {"x": {"field": "year"}}}
    converted = []
    original = dataframe_util.convert_anything_to_arrow_bytes
    monkeypatch.setattr(dataframe_util, "convert_anything_to_arrow_bytes",
                        lambda data, *a, **k: converted.append(1) or original(data, *a, **k))
    shown = downloads.arrow_rows(spec)
    again = downloads.arrow_rows({**spec, "data": {"values": [dict(r) for r in rows]}})
    assert len(converted) == 1 and again["datasets"] == shown["datasets"]
    assert shown["data"] == {"name": downloads.ROWS_DATASET} and shown["mark"] == "bar"
    assert pl.read_ipc_stream(io.BytesIO(shown["datasets"][downloads.ROWS_DATASET])).to_dicts() == rows
    assert spec["data"] == {"values": rows}  # the spec itself (for the PNG and SVG) keeps its rows
    geo = {"data": {"values": [{"type": "Feature", "geometry": {}, "properties": {}}]}, "mark": "geoshape"}
    assert downloads.arrow_rows(geo) is geo
