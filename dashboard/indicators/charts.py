"""Chart builders for the indicator screens: frames in, Altair charts out (pure, testable by spec).

Every chart takes already-translated labels, so the builders know nothing of languages, and every
chart carries a `description` (its text alternative) stating its message.
"""

from __future__ import annotations

import json

import altair as alt
import polars as pl

from dashboard.core import theme

ROLE_COLOURS = {"municipality": theme.BLUE, "county": theme.ORANGE, "country": theme.GREY,
                "peer": theme.SKY_BLUE}
TREND_COLOURS = {"improving": theme.GOOD, "holding": theme.NEUTRAL, "worsening": theme.BAD,
                 "no_data": "#BDBDBD"}


def sparkline(series: pl.DataFrame, trend: str, description: str) -> dict:
    """A small line of the municipality's values, coloured by its trend (year, value).

    A plain Vega-Lite dict rather than an Altair chart: a screen draws one per indicator, and
    Altair's conversion costs about 30 ms each (24 cards: most of a rerun), this about 0.1 ms.
    """
    colour = TREND_COLOURS.get(trend, theme.NEUTRAL)
    points = [{"year": int(y), "value": float(v)}
              for y, v in series.select("year", "value").drop_nulls().iter_rows()]
    encoding = {"x": {"field": "year", "type": "ordinal", "axis": None},
                "y": {"field": "value", "type": "quantitative", "axis": None, "scale": {"zero": False}}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "data": {"values": points},
        "height": 56,
        "width": "container",
        "layer": [
            {"mark": {"type": "line", "color": colour, "strokeWidth": 3}, "encoding": encoding},
            {"data": {"values": points[-1:]}, "mark": {"type": "point", "color": colour, "filled": True, "size": 70},
             "encoding": encoding},
        ],
        "config": {"view": {"stroke": None}},
    }


def trend_chart(values: pl.DataFrame, target: float | None, labels: dict[str, str], description: str,
                value_format: str = ",.1f") -> alt.Chart:
    """Time series of one indicator for the municipality and its comparison regions.

    `values`: year, value, region (display name), role. The municipality is drawn thickest; a target
    is a dashed rule. `labels`: year, value, region, target.
    """
    data = values.select("year", "value", "region", "role").drop_nulls("value").to_pandas()
    order = ["municipality", "county", "country", "peer"]
    regions = (values.unique(subset=["region", "role"]).with_columns(
        pl.col("role").replace_strict({r: i for i, r in enumerate(order)}, default=9).alias("o"))
        .sort("o", "region"))
    domain = regions["region"].to_list()
    colours = [ROLE_COLOURS.get(role, theme.GREY) for role in regions["role"].to_list()]
    base = alt.Chart(data, description=description)
    lines = base.mark_line(point=alt.OverlayMarkDef(size=60, filled=True)).encode(
        x=alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=labels["value"], scale=alt.Scale(zero=False)),
        color=alt.Color("region:N", title=labels["region"], scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=320)),
        strokeWidth=alt.condition(alt.datum.role == "municipality", alt.value(4), alt.value(2)),
        strokeDash=alt.condition(alt.datum.role == "peer", alt.value([4, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("region:N", title=labels["region"]), alt.Tooltip("year:O", title=labels["year"]),
                 alt.Tooltip("value:Q", title=labels["value"], format=value_format)],
    )
    chart = lines
    if target is not None:
        rule = alt.Chart({"values": [{"target": target}]}).mark_rule(
            color=theme.TEXT, strokeDash=[6, 4], strokeWidth=2).encode(y="target:Q")
        text = alt.Chart({"values": [{"target": target, "label": labels["target"]}]}).mark_text(
            align="left", dx=4, dy=-8, fontSize=14, color=theme.TEXT).encode(
            y="target:Q", x=alt.value(0), text="label:N")
        chart = lines + rule + text
    return chart.properties(height=340, width="container", description=description)


def gender_chart(values: pl.DataFrame, labels: dict[str, str], description: str) -> alt.Chart:
    """The municipality's values by gender over the years (year, value, gender label)."""
    data = values.select("year", "value", "gender").drop_nulls("value").to_pandas()
    return alt.Chart(data, description=description).mark_line(point=True, strokeWidth=3).encode(
        x=alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=labels["value"], scale=alt.Scale(zero=False)),
        color=alt.Color("gender:N", title=labels["gender"],
                        scale=alt.Scale(range=[theme.BLUE, theme.ORANGE, theme.GREY]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=["gender:N", "year:O", alt.Tooltip("value:Q", format=",.1f")],
    ).properties(height=260, width="container")


def area_balance_chart(summary: pl.DataFrame, labels: dict[str, str], description: str) -> alt.Chart:
    """Per priority area: indicators improving, holding, worsening, without data, as stacked bars.

    `summary`: area (display name), status (display label), status_code, count.
    """
    order = ["improving", "holding", "worsening", "no_data"]
    data = summary.with_columns(
        pl.col("status_code").replace_strict({s: i for i, s in enumerate(order)}, default=9).alias("order")
    ).to_pandas()
    status_labels = [labels[s] for s in order]
    return alt.Chart(data, description=description).mark_bar().encode(
        y=alt.Y("area:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
        x=alt.X("count:Q", title=labels["count"], axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("status:N", title=None,
                        scale=alt.Scale(domain=status_labels, range=[TREND_COLOURS[s] for s in order]),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        tooltip=["area:N", "status:N", "count:Q"],
    ).properties(height=alt.Step(44), width="container")


def status_bar(counts: dict[str, int], labels: dict[str, str], description: str,
               titles: tuple[str, str] | None = None) -> dict:
    """One priority area's indicators as a single stacked bar: improving, holding, worsening, no data.

    `counts` and `labels` by status code. A plain Vega-Lite dict (the overview draws one per area):
    each segment carries its count as text, so the bar reads without colour. `titles`: the status's and
    the count's column titles (the tooltip's, and the published figures table's headers).
    """
    order = ["improving", "holding", "worsening", "no_data"]
    rows = [{"status": labels[s], "code": s, "count": int(counts.get(s) or 0), "o": i}
            for i, s in enumerate(order) if counts.get(s)]
    total = max(sum(r["count"] for r in rows), 1)
    scale = {"domain": [0, total], "nice": False, "zero": True}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "data": {"values": rows},
        "transform": [{"stack": "count", "groupby": [], "sort": [{"field": "o"}], "as": ["x0", "x1"]},
                      {"calculate": "(datum.x0 + datum.x1) / 2", "as": "mid"}],
        "height": 44,
        "width": "container",
        "encoding": {"tooltip": [{"field": "status", "type": "nominal", **({"title": titles[0]} if titles else {})},
                                 {"field": "count", "type": "quantitative", **({"title": titles[1]} if titles else {})}]},
        "layer": [
            {"mark": {"type": "bar", "stroke": "#FFFFFF", "strokeWidth": 2},
             "encoding": {"x": {"field": "x0", "type": "quantitative", "axis": None, "scale": scale},
                          "x2": {"field": "x1"}, "y": {"value": 2}, "y2": {"value": 42},
                          "color": {"field": "status", "type": "nominal", "legend": None,
                                    "scale": {"domain": [labels[s] for s in order],
                                              "range": [TREND_COLOURS[s] for s in order]}}}},
            {"mark": {"type": "text", "fontSize": 18, "fontWeight": "bold", "baseline": "middle"},
             "encoding": {"x": {"field": "mid", "type": "quantitative", "axis": None, "scale": scale},
                          "y": {"value": 22}, "text": {"field": "count", "type": "quantitative"},
                          "color": {"condition": {"test": "datum.code == 'no_data'", "value": theme.TEXT},
                                    "value": "#FFFFFF"}}},
        ],
        "config": {"view": {"stroke": None}},
    }


def peer_band_chart(band: pl.DataFrame, labels: dict[str, str], description: str) -> alt.Chart:
    """The peers' range (min–max) as a band, their median as a dashed line, the municipality as a thick line.

    `band`: year, median, low, high, peers, own (metrics.peer_band). `labels`: year, value, range, median,
    own, and peers (the number of peers' column title) where it is to be told.
    """
    data = band.to_pandas()
    x = alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0))
    base = alt.Chart(data)
    area = base.mark_area(opacity=0.35, color=theme.SKY_BLUE).encode(
        x=x, y=alt.Y("low:Q", title=labels["value"], scale=alt.Scale(zero=False)), y2="high:Q",
        tooltip=[alt.Tooltip("year:O", title=labels["year"]), alt.Tooltip("own:Q", title=labels["own"], format=",.1f"),
                 alt.Tooltip("median:Q", title=labels["median"], format=",.1f"),
                 alt.Tooltip("low:Q", title=labels["range"] + " min"), alt.Tooltip("high:Q", title=labels["range"] + " max"),
                 *([alt.Tooltip("peers:Q", title=labels["peers"])] if "peers" in labels else [])])
    lines = base.transform_fold(["median", "own"], as_=["series", "v"]).transform_calculate(
        label=f"datum.series == 'own' ? {labels['own']!r} : {labels['median']!r}").mark_line(
        point=alt.OverlayMarkDef(size=50, filled=True)).encode(
        x=x, y=alt.Y("v:Q", title=labels["value"]),
        color=alt.Color("label:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=360),
                        scale=alt.Scale(domain=[labels["own"], labels["median"]], range=[theme.BLUE, theme.GREY])),
        strokeWidth=alt.condition(alt.datum.series == "own", alt.value(4), alt.value(2)),
        strokeDash=alt.condition(alt.datum.series == "median", alt.value([5, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("year:O", title=labels["year"]),
                 alt.Tooltip("v:Q", title=labels["value"], format=",.1f")])
    return (area + lines).properties(height=280, width="container", description=description)


# Best to worst: the palette's good blue, a lighter blue, neutral grey, orange, the bad vermillion.
MAP_COLOURS = (theme.GOOD, theme.SKY_BLUE, "#D4D4D4", theme.ORANGE, theme.BAD)
NO_VALUE_FILL = "#FFFFFF"
OWN_OUTLINE, PEER_OUTLINE, COUNTY_OUTLINE = "#000000", theme.REDDISH_PURPLE, theme.TEXT


def finland_map(features: list[dict], county: dict | None, legend: list[str], labels: dict[str, str],
                description: str) -> dict:
    """Every municipality filled by its class, the own one and the peers outlined, the county's boundary drawn.

    `features`: GeoJSON features whose properties carry name, value_text, rank_text, cls (0 = best, None =
    no value), cls_label and role. `county`: the dissolved county geometry (or None). `legend`: a label
    per class, best first. A plain Vega-Lite dict: cached as is and handed to the browser each rerun.
    """
    classes = [{"cls": i, "label": label} for i, label in enumerate(legend)]
    colour = {"field": "properties.cls_label", "type": "nominal", "title": labels["legend"],
              "scale": {"domain": [c["label"] for c in classes] + [labels["no_value"]],
                        "range": list(MAP_COLOURS[:len(classes)]) + [NO_VALUE_FILL]},
              "legend": {"orient": "bottom", "columns": 3, "labelLimit": 320}}
    tooltip = [{"field": "properties.name", "type": "nominal", "title": labels["municipality"]},
               {"field": "properties.value_text", "type": "nominal", "title": labels["value"]},
               {"field": "properties.rank_text", "type": "nominal", "title": labels["rank"]}]
    def outlined(role: str, stroke: str, width: float) -> dict:
        return {"data": {"values": [f for f in features if f["properties"]["role"] == role]},
                "mark": {"type": "geoshape", "filled": False, "stroke": stroke, "strokeWidth": width},
                "encoding": {"tooltip": tooltip}, "name": f"outline_{role}"}
    layers = [
        {"data": {"values": features}, "mark": {"type": "geoshape", "stroke": "#FFFFFF", "strokeWidth": 0.3},
         "encoding": {"color": colour, "tooltip": tooltip}, "name": "municipalities"},
    ]
    if county is not None:
        layers.append({"data": {"values": [{"type": "Feature", "geometry": county, "properties": {}}]},
                       "mark": {"type": "geoshape", "filled": False, "stroke": COUNTY_OUTLINE, "strokeWidth": 2,
                                "strokeDash": [6, 3]}, "name": "county"})
    layers += [outlined("peer", PEER_OUTLINE, 2.5), outlined("municipality", OWN_OUTLINE, 3.5)]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "projection": {"type": "mercator"},
        "height": 640,
        "width": "container",
        "layer": layers,
        "config": {"view": {"stroke": None}, "legend": {"labelFontSize": 14, "titleFontSize": 15}},
    }


# other, proposed, peer, peer & proposed, own: grey dots under the coloured choice (colour-blind-safe palette)
SIMILAR_COLOURS = ("#BDBDBD", theme.ORANGE, theme.REDDISH_PURPLE, theme.BLUE, "#000000")
SIMILAR_SIZES = (25, 110, 110, 140, 220)


def similar_chart(points: list[dict], groups: list[str], labels: dict[str, str], description: str) -> dict:
    """Every municipality by population (log scale) and its share aged 65+, the own one, its peers and the
    proposed similar ones coloured and named. `points`: name, population, old, young, group (label), order
    (0 = other … 4 = own), label (the name written beside the point, empty for the rest). `groups`: the group labels in that order.
    A plain Vega-Lite dict, cached as is."""
    colour = {"field": "group", "type": "nominal", "title": labels["col.choice"],
              "scale": {"domain": groups, "range": list(SIMILAR_COLOURS)},
              "legend": {"orient": "bottom", "columns": 3, "labelLimit": 300}}
    # Vega formats numbers in English (1,000): the axis swaps in the language's thousands separator, the
    # tooltip shows the figures formatted beforehand (`*_text`), and the y axis its decimal comma.
    sep = json.dumps(labels.get("thousands", ","), ensure_ascii=False)
    x = {"field": "population", "type": "quantitative", "title": labels["axis.population"],
         "scale": {"type": "log"},
         "axis": {"format": ",.0f", "grid": False,
                  "labelExpr": f"replace(format(datum.value, ',.0f'), regexp(',', 'g'), {sep})"}}
    decimal = "." if labels.get("thousands", ",") == "," else ","
    y = {"field": "old", "type": "quantitative", "title": labels["axis.old"], "scale": {"zero": False},
         "axis": {"labelExpr": f"replace(datum.label, '.', {json.dumps(decimal)})"}}
    tooltip = [{"field": "name", "type": "nominal", "title": labels["col.municipality"]},
               {"field": "group", "type": "nominal", "title": labels["col.choice"]},
               {"field": "population_text", "type": "nominal", "title": labels["col.population"]},
               {"field": "young_text", "type": "nominal", "title": labels["col.young"]},
               {"field": "old_text", "type": "nominal", "title": labels["col.old"]},
               *([{"field": "swedish_text", "type": "nominal", "title": labels["col.swedish"]}]
                 if labels.get("by_language") else [])]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "data": {"values": points},
        "height": 380,
        "width": "container",
        "layer": [
            {"mark": {"type": "circle", "opacity": 0.85, "stroke": "#FFFFFF", "strokeWidth": 0.5},
             "encoding": {"x": x, "y": y, "color": colour, "order": {"field": "order", "type": "quantitative"},
                          "size": {"field": "order", "type": "ordinal", "legend": None,
                                   "scale": {"domain": list(range(len(groups))), "range": list(SIMILAR_SIZES)}},
                          "tooltip": tooltip}},
            {"transform": [{"filter": "datum.label != ''"}],
             "mark": {"type": "text", "align": "left", "dx": 9, "dy": -6, "fontSize": 14, "fontWeight": "bold",
                      "color": theme.TEXT},
             "encoding": {"x": x, "y": y, "text": {"field": "label", "type": "nominal"}}},
        ],
        "config": {"legend": {"labelFontSize": 14}},
    }
