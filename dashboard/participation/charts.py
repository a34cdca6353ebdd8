"""Map and chart builders for the participation screen: frames in, a pydeck Deck or a Vega-Lite spec out.

Pure functions, testable by their specs. Labels arrive translated and numbers formatted, so the
builders know nothing of languages; each chart carries a `description` (its text alternative).
Charts are plain Vega-Lite dicts, not Altair: building one Altair chart costs about 13 ms and this
screen draws eight (see indicator_charts.sparkline for the same choice).

The map draws no basemap (works offline, no third-party tiles, no watermark). In Streamlit 1.67
that takes `map_provider=None` with pydeck's default `map_style`: pydeck then writes the
"__MAP_STYLE__" sentinel, which Streamlit reads as "none". `map_style=None` would make Streamlit
fall back to Carto's tiles.
"""

from __future__ import annotations

import json
import math

import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.core import theme
from data_pipeline.store import aggregates

# ColorBrewer "Blues": sequential, one hue, safe for colour-blind readers and in greyscale.
BLUES = ("#DEEBF7", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C")
SUPPRESSED_FILL = "#9E9E9E"  # fewer than 5 participants: a class of its own, not the palest blue
NO_DATA_FILL = "#FFFFFF"  # no population figure: reach unknown
OUTLINE = "#4D4D4D"
EVENT_FILL = theme.ORANGE
# Districts are simplified to about 10 m and rounded to about 1 m (data_pipeline.store.aggregates, on each load).
SIMPLIFY_DEGREES = aggregates.SIMPLIFY_DEGREES
GRID_DEGREES = aggregates.GRID_DEGREES
MAP_HEIGHT = 520
_MAP_WIDTH_GUESS = 480  # the map column at 1280 px with the sidebar open: the zoom must fit it
LAYER_DISTRICTS, LAYER_EVENTS = "districts", "events"
# A text tooltip, not HTML: deck.gl sets it as innerText, so no stored text (an event's title) can
# ever become markup, whatever the Streamlit version does to interpolated values; "\n" breaks lines.
TOOLTIP_TEXT = "{tip_title}\n{tip_body}"
CONFIG = {
    "font": theme.FONT,
    "axis": {"labelFontSize": 15, "titleFontSize": 16, "labelColor": theme.TEXT, "titleColor": theme.TEXT,
             "labelLimit": 320},
    "legend": {"labelFontSize": 15, "titleFontSize": 16, "labelLimit": 320},
    "text": {"fontSize": 15, "color": theme.TEXT},
    "view": {"stroke": None},
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
LOW_OUTLINE = theme.BAD
_CHAR_PX = 8.5  # about one character of a 15 px label


def _config(locale: dict | None) -> dict:
    """The shared chart config; `locale` is a d3-format number locale (decimal comma, spaces)."""
    return {**CONFIG, "locale": {"number": locale}} if locale else CONFIG


def _room_for(texts: list[str]) -> dict:
    """Padding on the right for figures written past the end of the longest bar."""
    longest = max((len(x) for x in texts if x), default=0)
    return {"left": 0, "top": 0, "bottom": 0, "right": int(longest * _CHAR_PX) + 12}


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def class_colours(classes: int) -> list[str]:
    """`classes` shades of BLUES from light to dark, spread over the whole ramp."""
    if classes <= 1:
        return [BLUES[2]]
    return [BLUES[round(i * (len(BLUES) - 1) / (classes - 1))] for i in range(classes)]


# --- district geometry (cached per store version by dashboard.core.cache) ------------------------------

def district_features(shapes: pl.DataFrame) -> dict:
    """Districts as GeoJSON features (geometry simplified and rounded, `code` in the properties) and
    their common bounds (min lon, min lat, max lon, max lat). `shapes`: code, geometry (GeoJSON text)."""
    return outline_features(aggregates.district_outlines(shapes.select("code", "geometry")))


def outline_features(outlines: pl.DataFrame) -> dict:
    """district_features of outlines already simplified (the store's district_outline: code, geometry,
    west, south, east, north), as every load writes them."""
    if outlines.is_empty():
        return {"features": [], "bounds": None}
    features = [{"type": "Feature", "geometry": json.loads(text), "properties": {"code": code}}
                for code, text in zip(outlines["code"].to_list(), outlines["geometry"].to_list())]
    return {"features": features, "bounds": (float(outlines["west"].min()), float(outlines["south"].min()),
                                             float(outlines["east"].max()), float(outlines["north"].max()))}


def view_for(bounds: tuple[float, float, float, float] | None, width: int = _MAP_WIDTH_GUESS,
             height: int = MAP_HEIGHT) -> pdk.ViewState:
    """A view that fits the bounds into a map of about width × height pixels (Web Mercator)."""
    if bounds is None:
        return pdk.ViewState(latitude=64.0, longitude=26.0, zoom=4)  # Finland
    west, south, east, north = bounds

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dlon = max(east - west, 1e-6)
    dy = max(merc(north) - merc(south), 1e-9)
    # At zoom 0 deck.gl draws the world 512 pixels wide.
    zoom = min(math.log2(width * 360 / (512 * dlon)), math.log2(height * 2 * math.pi / (512 * dy))) - 0.1
    return pdk.ViewState(latitude=(south + north) / 2, longitude=(west + east) / 2, zoom=round(zoom, 2),
                         pitch=0, bearing=0)


# --- the map ------------------------------------------------------------------------------------

class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck indents by two spaces, which for polygon
    coordinates (one number a line) triples what every rerun sends to the browser."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


class FrozenDeck:
    """A deck already written as JSON, for st.pydeck_chart, which reads only `to_json()` and the
    tooltip of a Deck. Cheap to keep in st.cache_data and to hand back on every rerun: building and
    serialising thousands of district polygons is what made the map slow, not sending them."""

    def __init__(self, deck: pdk.Deck) -> None:
        self.json = deck.to_json()
        self._tooltip = deck._tooltip

    def to_json(self) -> str:
        return self.json


def _tip_body(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def district_fill(reach: float | None, suppressed: bool, breaks: list[float],
                  colours: list[str] | None = None) -> str:
    """`colours`: class_colours(len(breaks) + 1), when the caller colours thousands of districts."""
    if suppressed:
        return SUPPRESSED_FILL
    if reach is None:
        return NO_DATA_FILL
    return (colours or class_colours(len(breaks) + 1))[sum(1 for b in breaks if reach >= b)]


def reach_deck(geo: dict, districts: pl.DataFrame, events: pl.DataFrame | None, breaks: list[float],
               selected: str | None = None, description: str = "") -> CompactDeck:
    """Districts coloured by reach class, optionally the events as points sized by participants.

    `geo`: district_features(). `districts`: code, reach (null when suppressed or unknown),
    suppressed, low (barely reached: outlined in the "bad" colour unless already grey), tip_title,
    tip_lines (list of text lines). `events`: lon, lat, participants (null
    when suppressed), district (code or null: a click on the event opens it), tip_title, tip_lines;
    None leaves the layer out. The selected district gets
    a thick outline.
    """
    by_code = {row["code"]: row for row in districts.iter_rows(named=True)}
    colours = class_colours(len(breaks) + 1)
    fills = {colour: rgba(colour) for colour in (*colours, SUPPRESSED_FILL, NO_DATA_FILL)}
    lines = {colour: rgba(colour) for colour in (theme.TEXT, LOW_OUTLINE, OUTLINE)}
    features = []
    for feature in geo["features"]:
        code = feature["properties"]["code"]
        row = by_code.get(code, {})
        # Grey already says "fewer than 5": the outline marks the low districts a shade would hide.
        chosen, low = code == selected, bool(row.get("low")) and not row.get("suppressed")
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
            "code": code,
            "fill": list(fills[district_fill(row.get("reach"), bool(row.get("suppressed")), breaks, colours)]),
            "line": list(lines[theme.TEXT if chosen else LOW_OUTLINE if low else OUTLINE]),
            "width": 5 if chosen else 3 if low else 1,
            "tip_title": row.get("tip_title") or code,
            "tip_body": _tip_body(row.get("tip_lines") or []),
        }})
    layers = [pdk.Layer(
        "GeoJsonLayer", data=features, id=LAYER_DISTRICTS, pickable=True, stroked=True, filled=True,
        get_fill_color="properties.fill", get_line_color="properties.line", get_line_width="properties.width",
        line_width_units=pdk.types.String("pixels"), auto_highlight=True,
        highlight_color=rgba(theme.ORANGE, 90))]
    if events is not None and events.height:
        points = [{
            "lon": round(row["lon"], 5), "lat": round(row["lat"], 5), "district": row.get("district"),
            # Area proportional to participants; a hidden small count is drawn as the smallest.
            "r": round(12 * math.sqrt(row["participants"] or 1), 1),
            "tip_title": row["tip_title"],
            "tip_body": _tip_body(row["tip_lines"]),
        } for row in events.iter_rows(named=True)]
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=points, id=LAYER_EVENTS, pickable=True, stroked=True, filled=True,
            get_position="[lon, lat]", get_radius="r", radius_units=pdk.types.String("meters"),
            radius_min_pixels=3, radius_max_pixels=16, get_fill_color=rgba(EVENT_FILL, 220),
            get_line_color=rgba(theme.TEXT), line_width_min_pixels=1))
    return CompactDeck(
        layers=layers, initial_view_state=view_for(geo["bounds"]), map_provider=None,
        tooltip={"text": TOOLTIP_TEXT, "style": {"backgroundColor": theme.TEXT, "color": "white",
                                                 "fontSize": "16px", "maxWidth": "360px"}},
        description=description or None)


def legend(entries: list[tuple[str, str]], description: str, extras: list[tuple[str, str, str]] = ()) -> dict:
    """The map's legend: the reach classes as a row of swatches with their limits beneath, lowest
    first; then `extras` (fill, outline, label), e.g. "fewer than 5 participants", on a row of their
    own, each label left-aligned after its swatch so a long one never runs into the next."""
    cells = [{"x": i, "x2": i + 1, "mid": i + 0.5, "colour": c, "label": label} for i, (c, label) in enumerate(entries)]
    span = max(len(entries), 1)
    step = span / max(len(extras), 1)
    more = [{"x": k * step, "x2": k * step + 0.35, "at": k * step + 0.45, "colour": fill, "line": line,
             "w": 1 if line == OUTLINE else 3, "label": label} for k, (fill, line, label) in enumerate(extras)]
    x = {"type": "quantitative", "scale": {"domain": [0, span]}, "axis": None}
    rows = ["classes", "limits", "extras"] if more else ["classes", "limits"]
    y = {"type": "nominal", "scale": {"domain": rows}, "axis": None}
    layers = [
        {"data": {"values": cells}, "mark": {"type": "rect", "stroke": OUTLINE, "strokeWidth": 1, "height": 20},
         "encoding": {"x": {**x, "field": "x"}, "x2": {"field": "x2"}, "y": {**y, "datum": "classes"},
                      "color": {"field": "colour", "type": "nominal", "scale": None}}},
        {"data": {"values": cells}, "mark": {"type": "text", "fontSize": 14},
         "encoding": {"x": {**x, "field": "mid"}, "y": {**y, "datum": "limits"},
                      "text": {"field": "label", "type": "nominal"}}},
    ]
    if more:
        layers += [
            {"data": {"values": more}, "mark": {"type": "rect", "height": 18},
             "encoding": {"x": {**x, "field": "x"}, "x2": {"field": "x2"}, "y": {**y, "datum": "extras"},
                          "color": {"field": "colour", "type": "nominal", "scale": None},
                          "stroke": {"field": "line", "type": "nominal", "scale": None},
                          "strokeWidth": {"field": "w", "type": "quantitative", "scale": None}}},
            {"data": {"values": more}, "mark": {"type": "text", "fontSize": 14, "align": "left"},
             "encoding": {"x": {**x, "field": "at"}, "y": {**y, "datum": "extras"},
                          "text": {"field": "label", "type": "nominal"}}},
        ]
    return {"$schema": SCHEMA, "description": description, "height": 28 * len(rows), "width": "container",
            "layer": layers, "config": CONFIG}


# --- charts -------------------------------------------------------------------------------------

def ranked_reach(frame: pl.DataFrame, labels: dict[str, str], description: str,
                 threshold: float | None = None, locale: dict | None = None, counts: bool = False) -> dict:
    """Districts by reach, highest first; barely reached ones in the "bad" colour. With `counts`,
    `reach` holds participations: whole numbers on the axis.

    `frame`: name, reach (null when suppressed), low, text (the formatted figure, "< 5" when
    suppressed). `labels`: reach (axis title), district, threshold (the rule's label).
    """
    values = [{"name": r["name"], "reach": r["reach"], "low": bool(r["low"]), "text": r["text"],
               "at": r["reach"] or 0} for r in frame.iter_rows(named=True)]
    order = [v["name"] for v in sorted(values, key=lambda v: (-(v["reach"] if v["reach"] is not None else -1),
                                                                v["name"]))]
    y = {"field": "name", "type": "nominal", "title": None, "sort": order}
    layers = [
        {"mark": {"type": "bar", "cornerRadiusEnd": 2},
         "encoding": {"y": y, "x": {"field": "reach", "type": "quantitative", "title": labels["reach"],
                                    **({"axis": {"format": "d", "tickMinStep": 1}} if counts else {})},
                      "color": {"condition": {"test": "datum.low", "value": theme.BAD}, "value": theme.BLUE},
                      "tooltip": [{"field": "name", "type": "nominal", "title": labels["district"]},
                                  {"field": "text", "type": "nominal", "title": labels["reach"]}]}},
        {"mark": {"type": "text", "align": "left", "dx": 4},
         "encoding": {"y": y, "x": {"field": "at", "type": "quantitative"},
                      "text": {"field": "text", "type": "nominal"},
                      "color": {"condition": {"test": "datum.low", "value": theme.BAD}, "value": theme.TEXT}}},
    ]
    if threshold is not None:
        layers.append({"data": {"values": [{"t": threshold, "label": labels["threshold"]}]},
                       "mark": {"type": "rule", "color": theme.BAD, "strokeDash": [6, 4], "strokeWidth": 2},
                       "encoding": {"x": {"field": "t", "type": "quantitative"},
                                    "tooltip": {"field": "label", "type": "nominal"}}})
    return {"$schema": SCHEMA, "description": description, "data": {"values": values},
            "height": {"step": 30}, "width": "container", "padding": _room_for([v["text"] for v in values]),
            "layer": layers, "config": _config(locale)}


def bars(frame: pl.DataFrame, value: str, labels: dict[str, str], description: str, *,
         colour: str = theme.BLUE, sort: bool = True, locale: dict | None = None) -> dict:
    """Horizontal bars of `value` by `label`, each with its formatted figure (`text`) at its end.

    Used for the level mix (model order, sort=False), reach by event type and by age group.
    A null value (suppressed) draws no bar, only its text ("< 5"). An optional `detail` column is
    what the tooltip says (default: `text`).
    """
    values = [{"label": r["label"], "v": r[value], "at": r[value] or 0, "text": r["text"],
               "detail": r.get("detail") or r["text"]} for r in frame.iter_rows(named=True)]
    y = {"field": "label", "type": "nominal", "title": None,
         "sort": ([v["label"] for v in sorted(values, key=lambda v: -(v["v"] or 0))] if sort
                  else [v["label"] for v in values])}
    return {
        "$schema": SCHEMA, "description": description, "data": {"values": values},
        "height": {"step": 34}, "width": "container", "padding": _room_for([v["text"] for v in values]),
        "layer": [
            {"mark": {"type": "bar", "color": colour, "cornerRadiusEnd": 2},
             "encoding": {"y": y, "x": {"field": "v", "type": "quantitative", "title": labels["value"]},
                          "tooltip": [{"field": "label", "type": "nominal", "title": labels["label"]},
                                      {"field": "detail", "type": "nominal", "title": labels["value"]}]}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"y": y, "x": {"field": "at", "type": "quantitative"},
                          "text": {"field": "text", "type": "nominal"}}},
        ],
        "config": _config(locale),
    }


def quarter_trend(frame: pl.DataFrame, labels: dict[str, str], description: str, locale: dict | None = None) -> dict:
    """A district's reach by quarter against the whole municipality's.

    `frame`: quarter, series (display name), reach (null for a hidden small quarter), text,
    hidden (bool). Hidden quarters are hollow grey points on the axis, saying "< 5" in the tooltip.
    """
    values = [{"quarter": r["quarter"], "series": r["series"], "reach": r["reach"], "text": r["text"],
               "hidden": bool(r["hidden"])} for r in frame.iter_rows(named=True)]
    names = list(dict.fromkeys(v["series"] for v in values))
    x = {"field": "quarter", "type": "ordinal", "title": labels["quarter"], "axis": {"labelAngle": 0}}
    tooltip = [{"field": "series", "type": "nominal", "title": labels["series"]},
               {"field": "quarter", "type": "ordinal", "title": labels["quarter"]},
               {"field": "text", "type": "nominal", "title": labels["reach"]}]
    return {
        "$schema": SCHEMA, "description": description, "data": {"values": values},
        "height": 300, "width": "container",
        "layer": [
            {"transform": [{"filter": "!datum.hidden"}],
             "mark": {"type": "line", "point": {"filled": True, "size": 70}, "strokeWidth": 3},
             "encoding": {"x": x, "y": {"field": "reach", "type": "quantitative", "title": labels["reach"]},
                          "color": {"field": "series", "type": "nominal", "title": None,
                                    "scale": {"domain": names, "range": [theme.BLUE, theme.GREY]},
                                    "legend": {"orient": "bottom"}},
                          "tooltip": tooltip}},
            {"transform": [{"filter": "datum.hidden"}, {"calculate": "0", "as": "zero"}],
             "mark": {"type": "point", "filled": False, "size": 90, "color": theme.GREY, "strokeWidth": 2},
             "encoding": {"x": x, "y": {"field": "zero", "type": "quantitative"}, "tooltip": tooltip}},
        ],
        "config": _config(locale),
    }


def adoption_chart(frame: pl.DataFrame, labels: dict[str, str], description: str, lagging_share: float,
                   locale: dict | None = None) -> dict:
    """Share of each department's units using the participation model; lagging ones in the "bad" colour,
    the lagging limit a dashed rule. `frame`: name, share (0–1, null when unknown), lagging, text (the
    share, written at the bar's end), detail (the tooltip: "8/11 · 73 %")."""
    values = [{"name": r["name"], "share": r["share"], "at": r["share"] or 0, "lagging": bool(r["lagging"]),
               "text": r["text"], "detail": r["detail"]} for r in frame.iter_rows(named=True)]
    y = {"field": "name", "type": "nominal", "title": None,
         "sort": [v["name"] for v in sorted(values, key=lambda v: -(v["share"] if v["share"] is not None else -1))]}
    return {
        "$schema": SCHEMA, "description": description, "data": {"values": values},
        "height": {"step": 34}, "width": "container", "padding": _room_for([v["text"] for v in values]),
        "layer": [
            {"mark": {"type": "bar", "cornerRadiusEnd": 2},
             "encoding": {"y": y, "x": {"field": "share", "type": "quantitative", "title": labels["share"],
                                        "scale": {"domain": [0, 1]}, "axis": {"format": "%"}},
                          "color": {"condition": {"test": "datum.lagging", "value": theme.BAD}, "value": theme.BLUE},
                          "tooltip": [{"field": "name", "type": "nominal", "title": labels["department"]},
                                      {"field": "detail", "type": "nominal", "title": labels["share"]}]}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"y": y, "x": {"field": "at", "type": "quantitative"}, "text": {"field": "text"},
                          "color": {"condition": {"test": "datum.lagging", "value": theme.BAD},
                                    "value": theme.TEXT}}},
            {"data": {"values": [{"t": lagging_share}]},
             "mark": {"type": "rule", "color": theme.BAD, "strokeDash": [6, 4], "strokeWidth": 2},
             "encoding": {"x": {"field": "t", "type": "quantitative"}}},
        ],
        "config": _config(locale),
    }


def level_mix_by_department(frame: pl.DataFrame, level_labels: list[str], labels: dict[str, str],
                            description: str, locale: dict | None = None) -> dict:
    """Each department's events split by participation level (shares, stacked to 100 %).

    `frame`: name, level (display label), order (the model's order), events, share.
    """
    values = [{"name": r["name"], "level": r["level"], "order": r["order"], "events": r["events"],
               "share": r["share"]} for r in frame.iter_rows(named=True)]
    return {
        "$schema": SCHEMA, "description": description, "data": {"values": values},
        "height": {"step": 34}, "width": "container",
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "name", "type": "nominal", "title": None, "sort": None},
            "x": {"field": "share", "type": "quantitative", "stack": "normalize", "title": labels["share"],
                  "axis": {"format": "%"}},
            "color": {"field": "level", "type": "nominal", "title": None,
                      "scale": {"domain": level_labels, "range": list(BLUES[1:])},
                      "legend": {"orient": "bottom", "columns": 2}},
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [{"field": "name", "type": "nominal", "title": labels["department"]},
                        {"field": "level", "type": "nominal", "title": labels["level"]},
                        {"field": "events", "type": "quantitative", "title": labels["events"]},
                        {"field": "share", "type": "quantitative", "title": labels["share"], "format": ".0%"}],
        },
        "config": _config(locale),
    }
