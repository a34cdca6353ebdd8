"""The parts every screen's model is made of: a heading, tiles, messages, charts and tables, as values.

A screen's model (dashboard/<screen>/model.py) holds everything the screen shows for one choice of
filters and one language, in these parts; the page lays them out (dashboard.core.layout draws each
kind), and the slides read the same values. No Streamlit here: text is final (figures formatted,
stored names escaped where the text is Markdown), charts are Vega-Lite dicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

INFO, WARNING, SUCCESS = "info", "warning", "success"


@dataclass(frozen=True)
class Heading:
    """The page's title, when its data was last loaded, and the filters in force (None: not shown)."""

    title: str
    data_date: str
    filters: str | None = None


@dataclass(frozen=True)
class Tile:
    """A bordered tile: a title, a big value, a note beneath (Markdown-safe)."""

    title: str
    value: str
    note: str | None = None


@dataclass(frozen=True)
class Message:
    """An info box, a warning or a success line; `text` is Markdown-safe."""

    kind: str
    text: str
    icon: str | None = None


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec with its text alternative, its download file name (no extension), and the
    caption shown beneath it (Markdown-safe; usually the text alternative, None for none)."""

    spec: dict
    alt: str
    file: str
    caption: str | None = None


@dataclass(frozen=True)
class Table:
    """A table as shown, its title (the downloads' heading) and file name (None: no downloads)."""

    frame: pl.DataFrame
    title: str
    file: str | None = None
    height: int | None = None


@dataclass(frozen=True)
class TableFiles:
    """A table offered as CSV and Excel, made only when a button is clicked (`rows` builds it).

    `header` are the lines above the table in the file, `title` names the Excel sheet.
    """

    rows: Callable[[], pl.DataFrame]
    file: str
    header: tuple[str, ...]
    title: str
    csv_label: str
    excel_label: str


def chart(spec: dict, file: str, alt: str | None = None, caption: str | None = None) -> Chart:
    """A Chart whose text alternative is the spec's description unless given."""
    return Chart(spec, spec.get("description", "") if alt is None else alt, file, caption)
