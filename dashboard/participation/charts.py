"""Chart builders for the participation screen: frames in, a Vega-Lite spec out.

Pure functions, testable by their specs. Labels arrive translated and numbers formatted, so the
builders know nothing of languages; each chart carries a `description` (its text alternative).
Charts are plain Vega-Lite dicts, not Altair: building one Altair chart costs about 13 ms and this
screen draws eight (see indicator_charts.sparkline for the same choice). The map is in
dashboard.participation.reach_map.
"""

from __future__ import annotations

import polars as pl

from dashboard.core import theme

# ColorBrewer "Blues": sequential, one hue, safe for colour-blind readers and in greyscale.
BLUES = ("#DEEBF7", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C")
CONFIG = {
    "font": theme.FONT,
    "axis": {"labelFontSize": 15, "titleFontSize": 16, "labelColor": theme.TEXT, "titleColor": theme.TEXT,
             "labelLimit": 320},
    "legend": {"labelFontSize": 15, "titleFontSize": 16, "labelLimit": 320},
    "text": {"fontSize": 15, "color": theme.TEXT},
    "view": {"stroke": None},
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_CHAR_PX = 8.5  # about one character of a 15 px label


def _config(locale: dict | None) -> dict:
    """The shared chart config; `locale` is a d3-format number locale (decimal comma, spaces)."""
    return {**CONFIG, "locale": {"number": locale}} if locale else CONFIG


def _room_for(texts: list[str]) -> dict:
    """Padding on the right for figures written past the end of the longest bar."""
    longest = max((len(x) for x in texts if x), default=0)
    return {"left": 0, "top": 0, "bottom": 0, "right": int(longest * _CHAR_PX) + 12}


# --- charts -------------------------------------------------------------------------------------

def _nothing_yet(numbers: list) -> dict:
    """An axis from 0 to 1 when every bar is zero (or hidden): Vega's axis of a zero-width domain labels
    its one tick "0,000000" (Kuusamo trial: a first event logged without participants)."""
    return {} if any(n for n in numbers if n) else {"scale": {"domain": [0, 1]}}


def ranked_reach(frame: pl.DataFrame, labels: dict[str, str], description: str,
                 threshold: float | None = None, locale: dict | None = None, counts: bool = False) -> dict:
    """Districts by reach, highest first; barely reached ones in the "bad" colour. With `counts`,
    `reach` holds participations: whole numbers on the axis.

    `frame`: name, reach (null when suppressed), low, text (the formatted figure, "< 5" when
    suppressed). `labels`: reach (axis title), district, threshold (the rule's label).
    """
    values = sorted(({"name": r["name"], "reach": r["reach"], "low": bool(r["low"]), "text": r["text"],
                      "at": r["reach"] or 0} for r in frame.iter_rows(named=True)),
                    key=lambda v: (-(v["reach"] if v["reach"] is not None else -1), v["name"]))
    # The rows' own order (highest first, ties by name), not a list of every name: for thousands of
    # districts that list made an expression too deep for Vega to compile (a stack overflow).
    y = {"field": "name", "type": "nominal", "title": None, "sort": None}
    layers = [
        {"mark": {"type": "bar", "cornerRadiusEnd": 2},
         "encoding": {"y": y, "x": {"field": "reach", "type": "quantitative", "title": labels["reach"],
                                    **({"axis": {"format": "d", "tickMinStep": 1}} if counts else {}),
                                    **_nothing_yet([v["reach"] for v in values])},
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
             "encoding": {"y": y, "x": {"field": "v", "type": "quantitative", "title": labels["value"],
                                        **_nothing_yet([v["v"] for v in values])},
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
