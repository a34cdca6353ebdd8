"""The pictures of presentation mode: each screen's chart, lettered and sized for a projector.

No Streamlit here (the language is an argument): the slides draw these, tests read their specs.
The charts are the screens' own builders (dashboard/<screen>/charts.py); `projector()` only makes
their text large enough to read from the back of a meeting room and fits them into the slide.
"""

from __future__ import annotations

import copy
import json

import polars as pl

from dashboard.core import theme
from dashboard.core.i18n import localized, translate
from dashboard.indicators import charts as ind_charts
from dashboard.indicators import view as ind_view
from dashboard.participation import charts as part_charts
from dashboard.participation import reach_map

# Chart text in px at 1280×720 (the floor is 18): axis labels, legends, marks' own text.
SLIDE_FONT = 20
SLIDE_TITLE_FONT = 22
TRENDS = ("improving", "holding", "worsening", "no_data")
# A trend is told by a symbol in its cell besides its colour (never colour alone).
TREND_SYMBOLS = {"improving": "↑", "holding": "→", "worsening": "↓", "no_data": "?"}
INDICATOR_SELECTION = "indicator"  # the status chart's point selection: a click focuses one indicator
NAMES_LAYER = "names"


def _enlarge(node: object, minimum: int) -> None:
    """Every font size in a Vega-Lite spec raised to `minimum` (marks, axes, legends, titles)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if (key == "fontSize" or key.endswith("FontSize")) and isinstance(value, (int, float)):
                node[key] = max(value, minimum)
            else:
                _enlarge(value, minimum)
    elif isinstance(node, list):
        for item in node:
            _enlarge(item, minimum)


def _legend_columns(node: object) -> None:
    """Legends the screen laid out in one row (orient bottom) get two columns on a slide."""
    if isinstance(node, dict):
        legend = node.get("legend")
        if isinstance(legend, dict) and legend.get("orient") in ("bottom", "top"):
            legend["columns"] = min(legend.get("columns", 2), 2)
            legend.setdefault("labelLimit", 420)
        for value in node.values():
            _legend_columns(value)
    elif isinstance(node, list):
        for item in node:
            _legend_columns(item)


def projector(spec: dict, height: int, minimum: int = SLIDE_FONT) -> dict:
    """A copy of `spec` with its text at least `minimum` px, `height` px tall and as wide as the
    slide gives it. The screen's step heights (px per row) would run off
    a 720 px projector."""
    spec = copy.deepcopy(spec)
    _enlarge(spec, minimum)
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "header"):
        section = config.setdefault(part, {})
        section["labelFontSize"] = max(section.get("labelFontSize", 0), minimum)
        section["titleFontSize"] = max(section.get("titleFontSize", 0), minimum)
        section["labelColor"] = section["titleColor"] = theme.TEXT
        section.setdefault("labelLimit", 520)
    # Two legend entries a row: a row of four long labels would run off the slide's picture column.
    config["legend"].setdefault("columns", 2)
    _legend_columns(spec)
    for mark in ("text", "mark"):
        config.setdefault(mark, {})
    config["text"]["fontSize"] = max(config["text"].get("fontSize", 0), minimum)
    title = config.setdefault("title", {})
    title["fontSize"] = max(title.get("fontSize", 0), SLIDE_TITLE_FONT)
    config["font"] = theme.FONT
    spec["height"] = height
    spec["width"] = "container"
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    return spec


def words_on_lines(spec: dict, channel: str = "x") -> dict:
    """The `channel` axis labels one word a line, none hidden: at slide size a column is narrower
    than a label such as "Lapset ja nuoret", and Vega would drop labels that overlap."""
    def walk(node: object) -> None:
        if isinstance(node, dict):
            axis = (node.get("encoding") or {}).get(channel, {}).get("axis") if isinstance(node.get("encoding"), dict) else None
            if isinstance(axis, dict):
                # Beneath the chart: the lines then run away from it, not into its first row.
                axis.update(labelExpr="split(datum.label, ' ')", labelOverlap=False, labelLineHeight=SLIDE_FONT + 2,
                            orient="bottom", labelBaseline="top")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(spec)
    return spec


# --- overview -------------------------------------------------------------------------------------

def area_names(areas: pl.DataFrame, lang: str) -> dict[str, str]:
    return {a["code"]: localized(a, "name", lang) for a in areas.to_dicts()}


def status_labels(lang: str) -> dict[str, str]:
    return {**{s: ind_view.trend_label(s, lang) for s in TRENDS}, "count": translate("ind.axis.count", lang)}


def area_status_alt(areas: pl.DataFrame, names: dict[str, str], lang: str) -> str:
    """"Indicators by priority area: Lifestyles: 2 improving · 1 holding · …; …" (every number drawn)."""
    lines = [f"{names.get(r['priority_area_code'], r['priority_area_code'])}: {ind_view.area_line(r, lang)}"
             for r in areas.iter_rows(named=True)]
    return translate("present.alt.areas", lang) + " " + "; ".join(lines) + "."


def area_status_chart(areas: pl.DataFrame, names: dict[str, str], lang: str, height: int) -> dict:
    """Per priority area: its indicators improving, holding, worsening and without data, stacked."""
    labels = status_labels(lang)
    rows = [{"area": names.get(r["priority_area_code"], r["priority_area_code"]), "status": labels[s],
             "status_code": s, "count": int(r[s])}
            for r in areas.iter_rows(named=True) for s in TRENDS]
    summary = pl.DataFrame(rows, schema={"area": pl.Utf8, "status": pl.Utf8, "status_code": pl.Utf8,
                                         "count": pl.Int64})
    spec = ind_charts.area_balance_chart(summary, labels, area_status_alt(areas, names, lang)).to_dict()
    # The counts written on the bars: the picture reads without the axis.
    spec = {"$schema": spec.get("$schema"), "description": spec["description"], "config": spec.get("config", {}),
            "data": spec["data"], "datasets": spec.get("datasets", {}),
            "layer": [{k: v for k, v in spec.items() if k in ("mark", "encoding")},
                      {"mark": {"type": "text", "color": "#FFFFFF", "fontWeight": "bold", "fontSize": SLIDE_FONT},
                       "transform": [{"filter": "datum.count > 0"}],
                       "encoding": {"y": spec["encoding"]["y"], "x": {**spec["encoding"]["x"], "stack": "zero",
                                                                       "bandPosition": 0.5},
                                    "detail": {"field": "status", "type": "nominal"},
                                    "order": spec["encoding"]["order"],
                                    "text": {"field": "count", "type": "quantitative"},
                                    "color": {"condition": {"test": "datum.status_code == 'no_data'",
                                                            "value": theme.TEXT}, "value": "#FFFFFF"}}}]}
    return projector({k: v for k, v in spec.items() if v is not None}, height)


# --- indicators -----------------------------------------------------------------------------------

def indicator_status_alt(cards: pl.DataFrame, names: dict[str, str], lang: str) -> str:
    parts = []
    for (code,), group in cards.group_by("priority_area_code", maintain_order=True):
        said = [f"{localized(r, 'title', lang)} ({ind_view.trend_label(r['trend'], lang).lower()})"
                for r in group.iter_rows(named=True)]
        parts.append(f"{names.get(code, code)}: " + ", ".join(said))
    return translate("present.alt.indicators", lang, count=cards.height) + " " + "; ".join(parts) + "."


def indicator_status_chart(cards: pl.DataFrame, names: dict[str, str], lang: str, height: int) -> dict:
    """Every indicator as a cell in its priority area's row, coloured and marked by its trend.

    A click on a cell selects it (`INDICATOR_SELECTION`, field `id`): the slide then shows that
    indicator's trend. The cells' order is the board's (the plan's).
    """
    labels = status_labels(lang)
    order = [c for c in names if c in set(cards["priority_area_code"])] or cards["priority_area_code"].unique().to_list()
    rows = []
    for code in order:
        for i, r in enumerate(cards.filter(pl.col("priority_area_code") == code).iter_rows(named=True)):
            trend = r["trend"] or "no_data"
            rows.append({"id": r["id"], "area": names.get(code, code), "pos": i + 1, "trend": labels[trend],
                         "symbol": TREND_SYMBOLS[trend], "title": localized(r, "title", lang),
                         "ink": theme.TEXT if trend == "no_data" else "#FFFFFF"})
    y = {"field": "area", "type": "nominal", "sort": [names.get(c, c) for c in order], "title": None,
         "axis": {"labelLimit": 420, "domain": False, "ticks": False}}
    x = {"field": "pos", "type": "ordinal", "axis": None}
    tooltip = [{"field": "title", "type": "nominal", "title": translate("present.axis.indicator", lang)},
               {"field": "trend", "type": "nominal", "title": translate("present.axis.trend", lang)}]
    spec = {
        "$schema": part_charts.SCHEMA,
        "description": indicator_status_alt(cards, names, lang),
        "data": {"values": rows},
        "layer": [
            {"params": [{"name": INDICATOR_SELECTION, "select": {"type": "point", "fields": ["id"]}}],
             "mark": {"type": "rect", "stroke": "#FFFFFF", "strokeWidth": 4, "cornerRadius": 4, "cursor": "pointer"},
             "encoding": {"x": x, "y": y, "tooltip": tooltip,
                          "color": {"field": "trend", "type": "nominal", "title": None,
                                    "scale": {"domain": [labels[s] for s in TRENDS],
                                              "range": [ind_charts.TREND_COLOURS[s] for s in TRENDS]},
                                    "legend": {"orient": "bottom", "symbolSize": 300}},
                          "opacity": {"condition": {"param": INDICATOR_SELECTION, "value": 1}, "value": 0.5}}},
            {"mark": {"type": "text", "fontSize": 26, "fontWeight": "bold"},
             "encoding": {"x": x, "y": y, "tooltip": tooltip, "text": {"field": "symbol", "type": "nominal"},
                          "color": {"field": "ink", "type": "nominal", "scale": None}}},
        ],
        "config": {"view": {"stroke": None}},
    }
    return projector(spec, height)


def indicator_trend_chart(row: dict, regions: pl.DataFrame, municipality: str, lang: str, height: int) -> dict:
    """One indicator against the county and the country, with its target (the indicator screen's chart)."""
    labels = {key: translate(f"ind.axis.{key}", lang) for key in ("year", "value", "region", "target", "gender")}
    description = ind_view.alt_text(row, lang, municipality) + " " + ind_view.comparison_text(row, lang) + ". " + (
        ind_view.target_text(row, lang))
    spec = ind_charts.trend_chart(regions, row.get("target_value"), labels, description).to_dict()
    return projector(spec, height)


# --- participation --------------------------------------------------------------------------------

class SlideDeck:
    """A reach map as JSON for st.pydeck_chart (which reads `to_json()` and the tooltip), refitted
    to the slide and with the barely reached districts named on it."""

    def __init__(self, text: str, tooltip: object) -> None:
        self.json = text
        self._tooltip = tooltip

    def to_json(self) -> str:
        return self.json


def map_for_slide(frozen: reach_map.FrozenDeck, bounds: tuple | None, names: list[dict], width: int,
                  height: int) -> SlideDeck:
    """The participation screen's cached map, zoomed to a `width` × `height` slide and with a label
    on each of `names` (name, lon, lat): the districts the screen outlines as barely reached."""
    deck = json.loads(frozen.to_json())
    view = reach_map.view_for(bounds, width, height)
    deck["initialViewState"] = {**deck.get("initialViewState", {}), "latitude": view.latitude,
                                "longitude": view.longitude, "zoom": view.zoom}
    placed = [n for n in names if n.get("lon") is not None and n.get("lat") is not None]
    if placed:
        deck["layers"].append({
            "@@type": "TextLayer", "id": NAMES_LAYER, "data": [{"name": n["name"], "lon": n["lon"], "lat": n["lat"]}
                                                             for n in placed],
            "getPosition": "@@=[lon, lat]", "getText": "@@=name", "getSize": SLIDE_FONT + 2, "sizeUnits": "pixels",
            "getColor": reach_map.rgba(theme.TEXT), "background": True,
            "getBackgroundColor": reach_map.rgba("#FFFFFF", 235), "backgroundPadding": [6, 3],
            "getBorderColor": reach_map.rgba(reach_map.LOW_OUTLINE), "getBorderWidth": 2,
            "fontFamily": theme.FONT, "fontWeight": 700, "characterSet": "auto", "pickable": False})
    return SlideDeck(json.dumps(deck, separators=(",", ":")), frozen._tooltip)


def legend_for_slide(legend: dict) -> dict:
    """The map's legend with projector-sized text (its rows given room for it)."""
    spec = copy.deepcopy(legend)
    _enlarge(spec, SLIDE_FONT)
    rows = len(spec["layer"][0]["encoding"]["y"]["scale"]["domain"])
    spec["height"] = 34 * rows
    return spec
