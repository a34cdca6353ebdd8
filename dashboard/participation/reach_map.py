"""The participation screen's reach map in one place: the reach classes (their limits, colours and
legend), the map's model (what the screen and the slides show of it) and its pydeck spec.

Pure (no Streamlit): the screen's model caches the built map per filters, language, events toggle and
chosen district (dashboard.participation.model.participation_map); the map's widget is
dashboard.participation.widgets.reach_map; the briefing draws the same classes as a Vega-Lite map.

The map draws no basemap (works offline, no third-party tiles, no watermark). In Streamlit 1.67
that takes `map_provider=None` with pydeck's default `map_style`: pydeck then writes the
"__MAP_STYLE__" sentinel, which Streamlit reads as "none". `map_style=None` would make Streamlit
fall back to Carto's tiles.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.core import theme
from dashboard.core.formatting import fmt_date, fmt_number, plain
from dashboard.core.i18n import translate
from dashboard.core.model import Chart
from dashboard.participation import metrics
from dashboard.participation.charts import BLUES, CONFIG, SCHEMA
from dashboard.participation.view import counted, level_label, map_alt, reach_number, reach_unknown, type_label
from data_pipeline.store import aggregates
from data_pipeline.inputs.registers import EVENT_TYPES

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
LOW_OUTLINE = theme.BAD  # barely reached: outlined in the "bad" colour
LEGEND_FILE = "kartan-selite"


# --- the reach classes ---------------------------------------------------------------------------

def _nice(value: float) -> float:
    """Two significant digits: class limits a reader can say aloud."""
    if value <= 0:
        return 0.0
    digits = 1 - math.floor(math.log10(value))
    return round(value, digits) if digits > 0 else float(round(value, digits))


def class_breaks(values: list[float], classes: int = 5) -> list[float]:
    """Upper limits of all classes but the last (ascending, distinct): quantiles, rounded nicely.

    Quantiles put about as many districts in each shade, so a skewed municipality still shows
    its differences; with few districts there are fewer classes.
    """
    known = sorted(v for v in values if v is not None and not math.isnan(v))
    if len(known) < 2 or known[0] == known[-1]:
        return []
    classes = max(2, min(classes, len(known)))
    breaks = []
    for k in range(1, classes):
        position = k * (len(known) - 1) / classes
        lower, upper = known[math.floor(position)], known[math.ceil(position)]
        limit = _nice(lower + (upper - lower) * (position - math.floor(position)))
        if known[0] < limit <= known[-1] and (not breaks or limit > breaks[-1]):
            breaks.append(limit)
    return breaks


def breaks_of(districts: pl.DataFrame) -> list[float]:
    """The classes' limits for the districts' reach (metrics.reach_view's `districts`, or a frame of them)."""
    return class_breaks(districts["reach"].to_list()) if districts.height else []


def class_of(value: float | None, breaks: list[float]) -> int | None:
    """Index of the class `value` falls in (0 = lowest; a limit belongs to the class above)."""
    if value is None:
        return None
    return sum(1 for b in breaks if value >= b)


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def class_colours(classes: int) -> list[str]:
    """`classes` shades of BLUES from light to dark, spread over the whole ramp."""
    if classes <= 1:
        return [BLUES[2]]
    return [BLUES[round(i * (len(BLUES) - 1) / (classes - 1))] for i in range(classes)]


# --- district geometry (cached per data version by dashboard.participation.model) ----------------

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


def event_points(events: pl.DataFrame, centroids: dict[str, tuple[float, float]], departments: dict[str, str],
                 lang: str) -> tuple[pl.DataFrame, int]:
    """Events with a place (their own, else their district's centre) and tooltip lines; and how many
    have no place at all (municipality-wide events without coordinates)."""
    # Hundreds of events: look each text up once, not per event (t() reads the session each call).
    text = {key: translate(f"part.tip.{key}", lang) for key in ("type", "level", "department", "participants")}
    types = {code: type_label(code, lang) for code in EVENT_TYPES}
    levels = {code: level_label(code, lang) for code in metrics.LEVELS}
    small = translate("part.small", lang)
    rows, unplaced = [], 0
    for e in events.iter_rows(named=True):
        lon, lat = e["lon"], e["lat"]
        if (lon is None or lat is None) and e["district_code"] in centroids:
            lon, lat = centroids[e["district_code"]]
        if lon is None or lat is None:
            unplaced += 1
            continue
        count = small if e["participants"] is None else fmt_number(e["participants"], 0, lang)
        rows.append({"lon": lon, "lat": lat, "participants": e["participants"], "district": e["district_code"],
                     "tip_title": e["title"],
                     "tip_lines": [fmt_date(e["event_date"], lang),
                                   text["type"].format(value=types.get(e["event_type"], e["event_type"])),
                                   text["level"].format(value=levels.get(e["level"], e["level"])),
                                   text["department"].format(value=departments.get(e["department_code"],
                                                                                   e["department_code"])),
                                   text["participants"].format(value=count)]})
    schema = {"lon": pl.Float64, "lat": pl.Float64, "participants": pl.Int64, "district": pl.Utf8,
              "tip_title": pl.Utf8, "tip_lines": pl.List(pl.Utf8)}
    return pl.DataFrame(rows, schema=schema), unplaced


def map_view(geo: dict, view: dict, events: pl.DataFrame | None, frame: pl.DataFrame,
             centroids: dict[str, tuple[float, float]], departments: dict[str, str], show_events: bool,
             selected: str | None, lang: str) -> dict:
    """The reach map ready to draw (cached by the screen's model per filters, language, toggle and
    choice): deck (FrozenDeck), legend (Vega-Lite spec), alt (its text alternative), unplaced (events
    not drawn for want of a place), bounds (the districts'), low (low_names: the districts outlined as
    barely reached). `view` is metrics.reach_view (its districts give the classes); `events`
    (metrics.events_of) only when shown."""
    alt, unplaced, points = map_alt(frame, lang), 0, None
    if show_events:
        points, unplaced = event_points(events, centroids, departments, lang)
        alt += " " + translate("part.alt.events", lang, count=fmt_number(points.height, 0, lang))
    breaks = breaks_of(view["districts"])
    deck = reach_deck(geo, frame, points, breaks, selected=selected, description=alt)
    entries, extras = legend_entries(breaks, frame, lang)
    counts = bool(frame.height) and reach_unknown(frame)
    return {"deck": FrozenDeck(deck), "legend": legend(entries, legend_alt(entries, extras, lang, counts), extras),
            "alt": alt, "unplaced": unplaced, "bounds": geo["bounds"], "low": low_names(frame, centroids)}


def legend_entries(breaks: list[float], frame: pl.DataFrame,
                   lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(colour, label) for each reach class; and (fill, outline, label) for the other marks on the
    map that occur: fewer than 5 participants, no population figure, barely reached (outline)."""
    colours = class_colours(len(breaks) + 1)
    if frame.height and reach_unknown(frame):
        # No reach classes: the map can only tell districts with 5 or more participations from the rest.
        entries = [(NO_DATA_FILL, translate("part.legend.counted", lang))] if (~frame["suppressed"]).any() else []
        if frame["suppressed"].any():
            entries.append((SUPPRESSED_FILL, translate("part.legend.few", lang)))
        return entries, []
    if not breaks:
        labels = [translate("part.filter.all", lang)]
    else:
        labels = [f"< {reach_number(breaks[0], lang)}",
                  *(f"{reach_number(lo, lang)}–{reach_number(hi, lang)}" for lo, hi in zip(breaks, breaks[1:])),
                  f"≥ {reach_number(breaks[-1], lang)}"]
    extras = []
    if frame.height and frame["suppressed"].any():
        extras.append((SUPPRESSED_FILL, OUTLINE, translate("part.legend.suppressed", lang)))
    if frame.height and (frame["reach"].is_null() & ~frame["suppressed"]).any():
        extras.append((NO_DATA_FILL, OUTLINE, translate("part.legend.no_data", lang)))
    if frame.height and (frame["low"] & ~frame["suppressed"]).any():
        extras.append(("#FFFFFF", LOW_OUTLINE, translate("part.col.low", lang)))
    return list(zip(colours, labels)), extras


def legend_alt(entries: list[tuple[str, str]], extras: list[tuple[str, str, str]], lang: str,
               counts: bool = False) -> str:
    labels = [label for _colour, label in entries] + [label for _fill, _line, label in extras]
    return translate("part.legend.alt_counts" if counts else "part.legend.alt", lang, classes=", ".join(labels))




# --- the map's model: what the screen and the slides show ---------------------------------------

@dataclass(frozen=True)
class ReachMap:
    """The reach map as the screen shows it: its heading and hint, the deck, its legend (a chart with
    its downloads), its text alternative (`caption`: the same, Markdown-safe), the note on events
    without a place; the districts' bounds and the barely reached ones it outlines (name, lon, lat:
    the slides zoom to the one and name the other)."""

    title: str
    hint: str
    deck: FrozenDeck
    alt: str
    caption: str
    legend: Chart
    unplaced: str | None
    bounds: tuple[float, float, float, float] | None
    low: tuple[dict, ...]


def model(drawn: dict, reached: dict, lang: str) -> ReachMap:
    """The map's model from the built map (map_view) and the reach it shows (metrics.reach_view)."""
    districts = reached["districts"]
    unknown = bool(districts.height) and len(reached["without_population"]) == districts.height
    unplaced = counted("part.events_not_drawn", drawn["unplaced"], lang) if drawn["unplaced"] else None
    return ReachMap(title=translate("part.map_counts" if unknown else "part.map", lang),
                    hint=translate("part.map_hint", lang), deck=drawn["deck"], alt=drawn["alt"],
                    caption=plain(drawn["alt"]),
                    legend=Chart(drawn["legend"], drawn["legend"]["description"], LEGEND_FILE),
                    unplaced=unplaced, bounds=drawn["bounds"], low=tuple(drawn["low"]))


def low_names(frame: pl.DataFrame, centroids: dict[str, tuple[float, float]]) -> list[dict]:
    """The barely reached districts (not the suppressed ones: their count is hidden), by name, with
    their centre for a label."""
    rows = frame.filter(pl.col("low") & ~pl.col("suppressed")).sort("name")
    return [{"code": r["code"], "name": r["name"],  # deck.gl draws text, never markup
             "lon": centroids.get(r["code"], (None, None))[0], "lat": centroids.get(r["code"], (None, None))[1]}
            for r in rows.iter_rows(named=True)]
