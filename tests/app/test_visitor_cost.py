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
