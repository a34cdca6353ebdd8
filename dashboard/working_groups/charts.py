"""Chart builders for the working-group screen: frames in, Altair charts out (pure, testable by spec).

The builders take already-translated text (names, labels, status words) and never look up a
language. Every chart carries a `description`, its text alternative, which the page also shows as
a caption. Positions that Vega-Lite cannot lay out itself (the reporting tree, the annual clock's
arcs) are computed here in Python.
"""

from __future__ import annotations

import math
import textwrap

import altair as alt
import polars as pl

from dashboard.core import theme

# Status -> (fill, text colour) of a heat-table cell; the stronger the colour, the more it needs notice.
STATUS_COLOURS = {"below": theme.BAD, "behind": theme.BAD, "within": theme.GOOD, "above": theme.GOOD,
                  "in_progress": theme.NEUTRAL, "no_target": theme.NEUTRAL}
STATUS_ORDER = ("below", "behind", "within", "above", "in_progress", "no_target")
LIGHT_GOOD = "#D5E8F4"  # GOOD at low strength: fine, no need to look twice
LIGHT_BAD = "#F9DCCB"
LIGHT_GREY = "#EEEEEE"
CELL_FILL = {"below": theme.BAD, "behind": theme.BAD, "within": LIGHT_GOOD, "above": LIGHT_GOOD,
             "in_progress": LIGHT_GREY, "no_target": "#FFFFFF"}
CELL_TEXT = {"below": "#FFFFFF", "behind": "#FFFFFF"}
SEGMENT_OPACITY = {"own": 1.0, "joint": 0.5, "scheduled": 0.15}
NAME_WIDTH = 20  # characters a line in a tree node: fits a quarter of a 1280 px screen
TREE_LINE_PX = 17  # a text line in a tree node
TREE_HEADING_PX = 40  # the column headings over the tree
NODE_WIDTH = 0.84  # share of a tree column a node takes; the rest is for the connectors


def wrap(text: str, width: int) -> list[str]:
    """A name as lines of at most `width` characters (a longer single word keeps its own line)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


# Streamlit sizes a chart without its own autosize to "fit": the legend and axes would then squeeze the
# plot into the given height. Fit the width only; the height is the plot's plus its decorations.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _values(frame: pl.DataFrame | list[dict]) -> alt.Data:
    rows = frame.to_dicts() if isinstance(frame, pl.DataFrame) else frame
    return alt.Data(values=rows)


# --- the reporting tree -----------------------------------------------------------------------------

def structure_chart(nodes: pl.DataFrame, column_titles: dict[int, str], description: str) -> alt.LayerChart:
    """Who reports to whom, left to right: a labelled box per group and elbow lines to its parent.

    `nodes` (from group_metrics.tree_layout, plus text): code, depth, row, parent_depth, parent_row,
    name, detail (age group, or ""), meetings (e.g. "3 kokousta 2025"), target_text, status, selected.
    A group shown only as context (above the selection) is grey and dashed. `column_titles`: depth ->
    heading over that column.
    """
    columns = int(nodes["depth"].max()) + 1 if nodes.height else 1
    rows = int(math.ceil(nodes["row"].max())) + 1 if nodes.height else 1
    texts = {n["code"]: _node_lines(n) for n in nodes.iter_rows(named=True)}
    # Every row as tall as the wordiest box needs (a Swedish name can take three lines).
    row_px = max(110, TREE_LINE_PX * max([len(v) for v in texts.values()] or [1]) + 28)
    half, line = (row_px - 14) / 2 / row_px, TREE_LINE_PX / row_px
    boxes, lines, edges = [], [], []
    for n in nodes.iter_rows(named=True):
        colour = STATUS_COLOURS.get(n["status"], theme.NEUTRAL) if n["selected"] else theme.NEUTRAL
        short = n["selected"] and n["status"] in ("below", "behind")
        boxes.append({"x": n["depth"], "x2": n["depth"] + NODE_WIDTH, "y": n["row"] - half, "y2": n["row"] + half,
                      "fill": LIGHT_BAD if short else ("#FFFFFF" if n["selected"] else "#F4F4F4"),
                      "stroke": colour, "width": 3 if short else 1.5, "dash": "solid" if n["selected"] else "dash",
                      "name": n["name"], "tooltip": " · ".join(filter(None, (n["detail"], n["meetings"],
                                                                             n["target_text"])))})
        text = texts[n["code"]]
        for i, (words, style) in enumerate(text):
            lines.append({"x": n["depth"] + NODE_WIDTH / 2, "y": n["row"] + (i - (len(text) - 1) / 2) * line,
                          "text": words, "style": style,
                          "colour": colour if style == "status" and n["selected"] else
                          (theme.GREY if style != "name" else theme.TEXT)})
        if n["parent_depth"] is not None:
            mid = n["depth"] - (1 - NODE_WIDTH) / 2
            start = n["parent_depth"] + NODE_WIDTH
            edges += [{"x": start, "x2": mid, "y": n["parent_row"], "y2": n["parent_row"]},
                      {"x": mid, "x2": mid, "y": n["parent_row"], "y2": n["row"]},
                      {"x": mid, "x2": n["depth"], "y": n["row"], "y2": n["row"]}]
    top = -0.5 - TREE_HEADING_PX / row_px
    titles = [{"x": d + NODE_WIDTH / 2, "y": (top - 0.5) / 2, "text": title} for d, title in column_titles.items()]
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.02, columns - 1 + NODE_WIDTH + 0.02], nice=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[top, rows - 0.5], reverse=True, nice=False, zero=False))
    edge = alt.Chart(_values(edges)).mark_rule(color=theme.GREY, strokeWidth=2).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q")
    # Two layers rather than a strokeDash encoding: Vega drew that solid on the rounded boxes.
    box = [alt.Chart(_values([b for b in boxes if b["dash"] == dash])).mark_rect(
        cornerRadius=6, strokeDash=[1, 0] if dash == "solid" else [6, 4]).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q",
        fill=alt.Fill("fill:N", scale=None), stroke=alt.Stroke("stroke:N", scale=None),
        strokeWidth=alt.StrokeWidth("width:Q", scale=None),
        tooltip=[alt.Tooltip("name:N", title=None), alt.Tooltip("tooltip:N", title=None)])
        for dash in ("solid", "dash") if any(b["dash"] == dash for b in boxes)]
    # An empty layer would leave Vega's mark group with an ARIA role and no name: screen readers
    # announce an unnamed graphic (axe's svg-img-alt), so a style nobody has is not drawn at all.
    bold = alt.Chart(_values([li for li in lines if li["style"] != "detail"])).mark_text(
        fontSize=14, fontWeight="bold", baseline="middle").encode(
        x=x, y=y, text="text:N", color=alt.Color("colour:N", scale=None))
    plain = alt.Chart(_values([li for li in lines if li["style"] == "detail"])).mark_text(
        fontSize=14, baseline="middle").encode(x=x, y=y, text="text:N", color=alt.Color("colour:N", scale=None))
    heading = alt.Chart(_values(titles)).mark_text(fontSize=15, fontWeight="bold", color=theme.GREY).encode(
        x=x, y=y, text="text:N")
    return alt.layer(edge, *box, bold, plain, heading).properties(
        width="container", height=rows * row_px + TREE_HEADING_PX, description=description, autosize=FIT_WIDTH)


def _node_lines(node: dict) -> list[tuple[str, str]]:
    """A tree box's lines and their style: the name (wrapped), its age group, meetings and target."""
    text = [(line, "name") for line in wrap(node["name"], NAME_WIDTH)]
    text += [(line, "detail") for line in wrap(node["detail"], NAME_WIDTH + 2)] if node["detail"] else []
    return text + [(node["meetings"], "status"), (node["target_text"], "status")]


# --- meetings ---------------------------------------------------------------------------------------

def meetings_chart(year_counts: pl.DataFrame, labels: dict[str, str], description: str) -> alt.LayerChart:
    """One year: a bar per group, own, joint and scheduled meetings stacked, over its target band.

    `year_counts`: group (display name), held, joint, scheduled, target_meetings_min/max, status,
    status_label, label (the number at the bar's end, e.g. "3/5–6"). Bars take the status colour (below
    target = BAD); joint meetings are the same colour, lighter; scheduled ones only outlined.
    `labels`: meetings, group, target, own, joint, scheduled, status, and kind (the segment's title).
    """
    groups = year_counts["group"].to_list()
    segments = []
    for r in year_counts.iter_rows(named=True):
        start = 0
        for kind, count in (("own", r["held"] - r["joint"]), ("joint", r["joint"]), ("scheduled", r["scheduled"])):
            if count > 0:
                segments.append({"group": r["group"], "kind": labels[kind], "kind_code": kind, "start": start,
                                 "end": start + count, "count": count, "status": r["status_label"],
                                 "colour": STATUS_COLOURS[r["status"]]})
                start += count
    has_target = pl.col("target_meetings_min").is_not_null() | pl.col("target_meetings_max").is_not_null()
    bands = year_counts.filter(has_target)
    bands = bands.select("group", pl.coalesce("target_meetings_min", "target_meetings_max").alias("lo"),
                         pl.coalesce("target_meetings_max", "target_meetings_min").alias("hi"))
    ends = year_counts.select("group", (pl.col("held") + pl.col("scheduled")).alias("end"), "label", "status")
    ends = ends.with_columns(pl.col("status").replace_strict(STATUS_COLOURS, default=theme.NEUTRAL).alias("colour"))
    longest = max([*(ends["end"].to_list() or [0]), *(bands["hi"].to_list() or [0])])
    top = longest + max(3, math.ceil(longest * 0.4))  # room for the label after the longest bar
    y = alt.Y("group:N", title=None, sort=groups, axis=alt.Axis(labelLimit=380, labelFontSize=15))
    x = alt.X("start:Q", title=labels["meetings"], scale=alt.Scale(domain=[0, top], nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    band = alt.Chart(_values(bands)).mark_bar(color="#D9D9D9", height={"band": 0.9}).encode(
        y=y, x=alt.X("lo:Q", scale=alt.Scale(domain=[0, top], nice=False)), x2="hi:Q",
        tooltip=[alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("lo:Q", title=labels["target"]),
                 alt.Tooltip("hi:Q", title=labels["target"])])
    kinds = [labels[k] for k in SEGMENT_OPACITY]
    bar = alt.Chart(_values(segments)).mark_bar(height={"band": 0.55}, stroke=theme.TEXT, strokeWidth=0.5).encode(
        y=y, x=x, x2="end:Q", color=alt.Color("colour:N", scale=None),
        opacity=alt.Opacity("kind:N", title=None, scale=alt.Scale(domain=kinds, range=list(SEGMENT_OPACITY.values())),
                            legend=alt.Legend(orient="bottom", symbolType="square", symbolFillColor=theme.GOOD,
                                              symbolStrokeColor=theme.TEXT, symbolSize=260)),
        tooltip=[alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("kind:N", title=labels.get("kind")),
                 alt.Tooltip("count:Q", title=labels["meetings"]), alt.Tooltip("status:N", title=labels["status"])])
    label = alt.Chart(_values(ends)).mark_text(align="left", dx=6, fontSize=16, fontWeight="bold").encode(
        y=y, x=alt.X("end:Q", scale=alt.Scale(domain=[0, top], nice=False)), text="label:N",
        color=alt.Color("colour:N", scale=None))
    return alt.layer(band, bar, label).properties(width="container", height=alt.Step(46), description=description,
                                                  autosize=FIT_WIDTH)


def meetings_by_year_chart(counts: pl.DataFrame, labels: dict[str, str], description: str) -> alt.LayerChart:
    """Group × year table of meetings held: the count (joint ones beneath), the cell coloured by status.

    `counts`: group, year, held, joint_text (e.g. "2 yht." or ""), status, status_label.
    """
    data = counts.with_columns(
        pl.col("status").replace_strict(CELL_FILL, default="#FFFFFF").alias("fill"),
        pl.col("status").replace_strict(CELL_TEXT, default=theme.TEXT).alias("ink"),
        pl.col("held").cast(pl.Utf8).alias("number"),
    )
    # No "Ryhmä" title beside the rows: the names say it, and the title ran into a long one.
    return _cell_table(data, "year:O", labels["year"], None, counts["group"].unique(maintain_order=True),
                       [alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("year:O", title=labels["year"]),
                        alt.Tooltip("held:Q", title=labels["meetings"]), alt.Tooltip("joint:Q", title=labels["joint"]),
                        alt.Tooltip("status_label:N", title=labels["status"])],
                       "number:N", "joint_text:N", description, top_axis=True)


HEADER_ROW = "\u2060"  # the row over a heat table that carries multi-line column headings (shows no label)


def _cell_table(data: pl.DataFrame, x_field: str, x_title: str | None, y_title: str | None, groups: pl.Series,
                tooltip: list, main: str, sub: str | None, description: str, top_axis: bool = False,
                x_axis: alt.Axis | None = None, x_sort: list | None = None,
                headings: dict[str, list[str]] | None = None) -> alt.LayerChart:
    """A heat table: rect per cell (`fill`, `stroke` optional), a big number and, if any, a small line under it.

    `x_sort` orders the columns (default: ascending); `groups` the rows, top down. `headings` (column
    value -> lines) replaces the x axis with headings in a row of their own: Vega draws a multi-line
    axis label downwards into the plot, a text mark centres its lines.
    """
    rows = groups.to_list()
    if headings:
        rows = [HEADER_ROW, *rows]
    y = alt.Y("group:N", title=y_title, sort=rows, axis=alt.Axis(labelLimit=380, labelFontSize=15))
    axis = None if headings else (x_axis or alt.Axis(orient="top" if top_axis else "bottom", labelAngle=0,
                                                     labelFontSize=15))
    x = alt.X(x_field, title=x_title, axis=axis, sort=x_sort if x_sort is not None else "ascending")
    stroke = alt.Stroke("stroke:N", scale=None) if "stroke" in data.columns else alt.value("#FFFFFF")
    cell = alt.Chart(_values(data)).mark_rect(strokeWidth=3).encode(
        x=x, y=y, fill=alt.Fill("fill:N", scale=None), stroke=stroke, tooltip=tooltip)
    layers = [cell]
    if headings:
        field = x_field.split(":")[0]
        layers.append(alt.Chart(_values([{field: k, "group": HEADER_ROW, "lines": v} for k, v in headings.items()]))
                      .mark_text(fontSize=15, fontWeight="bold", lineHeight=17, color=theme.TEXT, baseline="middle")
                      .encode(x=x, y=y, text="lines:N"))
    sub_field = sub.split(":")[0] if sub else None
    two_lines = data.filter(pl.col(sub_field) != "") if sub_field else data.clear()
    one_line = data.filter(pl.col(sub_field) == "") if sub_field else data
    for part, dy in ((one_line, 0), (two_lines, -8)):
        if part.height:
            layers.append(alt.Chart(_values(part)).mark_text(fontSize=17, fontWeight="bold", dy=dy).encode(
                x=x, y=y, text=main, color=alt.Color("ink:N", scale=None), tooltip=tooltip))
    if two_lines.height:
        layers.append(alt.Chart(_values(two_lines)).mark_text(fontSize=13, dy=11).encode(
            x=x, y=y, text=sub, color=alt.Color("ink:N", scale=None), tooltip=tooltip))
    return alt.layer(*layers).properties(width="container", height=alt.Step(52), description=description,
                                         autosize=FIT_WIDTH)


def attendance_chart(rates: pl.DataFrame, labels: dict[str, str], description: str) -> alt.Chart:
    """Members present / invited by year, a line per group and a thick one for all groups together.

    `rates`: group (display name), year, attendance (0–1), is_total (the all-groups line).
    """
    data = rates.drop_nulls("attendance")
    names = data.filter(~pl.col("is_total"))["group"].unique(maintain_order=True).to_list()
    total = data.filter(pl.col("is_total"))["group"].unique(maintain_order=True).to_list()
    domain = names + total
    colours = [theme.CATEGORICAL[i % len(theme.CATEGORICAL)] for i in range(len(names))] + [theme.TEXT] * len(total)
    # From a tenth below the lowest rate up to 100 %: differences of a few points stay readable.
    low = max(0.0, math.floor(min([1.0, *data["attendance"].to_list()]) * 10) / 10 - 0.1)
    line = alt.Chart(_values(data), description=description).mark_line(point=alt.OverlayMarkDef(size=70, filled=True))
    return line.encode(
        x=alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("attendance:Q", title=labels["attendance"], axis=alt.Axis(format=".0%"),
                scale=alt.Scale(domain=[low, 1], padding=10)),
        color=alt.Color("group:N", title=None, scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=480)),
        strokeWidth=alt.condition(alt.datum.is_total, alt.value(5), alt.value(2.5)),
        opacity=alt.condition(alt.datum.is_total, alt.value(1), alt.value(0.8)),
        tooltip=[alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("year:O", title=labels["year"]),
                 alt.Tooltip("attendance:Q", title=labels["attendance"], format=".0%")],
    ).properties(width="container", height=320, autosize=FIT_WIDTH)


# --- seats and topics -------------------------------------------------------------------------------

def seats_chart(seats: pl.DataFrame, labels: dict[str, str], description: str) -> alt.LayerChart:
    """Group × seat type: seats filled of seats by the rule; a cell with a vacant seat is BAD.

    `seats`: group, seat (display name of the seat type), seats_required, seats_filled, vacant, filled_text
    ("1/2"), vacant_text ("1 vapaa" or "").
    """
    data = seats.with_columns(
        pl.when(pl.col("vacant") > 0).then(pl.lit(theme.BAD)).otherwise(pl.lit(LIGHT_GOOD)).alias("fill"),
        pl.when(pl.col("vacant") > 0).then(pl.lit("#FFFFFF")).otherwise(pl.lit(theme.TEXT)).alias("ink"))
    seat_order = data["seat"].unique(maintain_order=True).to_list()
    return _cell_table(data, "seat:N", None, None, seats["group"].unique(maintain_order=True),
                       [alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("seat:N", title=labels["seat"]),
                        alt.Tooltip("seats_required:Q", title=labels["required"]),
                        alt.Tooltip("seats_filled:Q", title=labels["filled"])],
                       "filled_text:N", "vacant_text:N", description,
                       x_axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=15, title=None, labelLimit=200),
                       x_sort=seat_order)


def topics_chart(matrix: pl.DataFrame, labels: dict[str, str], description: str) -> alt.LayerChart:
    """Group × priority area: agenda items in the period; an empty cell is outlined in BAD with "0".

    `matrix`: group, area (display name), heading (the name as lines), items; areas in plan order.
    """
    top = max(1, *(matrix["items"].to_list() or [0]))
    data = matrix.drop("heading").with_columns(
        pl.when(pl.col("items") == 0).then(pl.lit(LIGHT_BAD))
        .otherwise(pl.col("items").map_elements(lambda n: _blue(n / top), return_dtype=pl.Utf8)).alias("fill"),
        pl.when(pl.col("items") == 0).then(pl.lit(theme.BAD)).otherwise(pl.lit("#FFFFFF")).alias("stroke"),
        pl.when(pl.col("items") == 0).then(pl.lit(theme.BAD))
        .when(pl.col("items") / top > 0.45).then(pl.lit("#FFFFFF")).otherwise(pl.lit(theme.TEXT)).alias("ink"),
        pl.col("items").cast(pl.Utf8).alias("number"))
    areas = matrix.unique("area", maintain_order=True)
    return _cell_table(data, "area:N", None, None, matrix["group"].unique(maintain_order=True),
                       [alt.Tooltip("group:N", title=labels["group"]), alt.Tooltip("area:N", title=labels["area"]),
                        alt.Tooltip("items:Q", title=labels["items"])],
                       "number:N", None, description, x_sort=areas["area"].to_list(),
                       headings=dict(zip(areas["area"], areas["heading"])))


def _blue(strength: float) -> str:
    """GOOD blue at a strength 0–1, mixed with white: more agenda items, deeper blue."""
    strength = 0.2 + 0.8 * max(0.0, min(1.0, strength))
    r, g, b = (int(theme.GOOD[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)


# --- the annual clock -------------------------------------------------------------------------------

CLOCK_SIZE = 420
CLOCK_OUTER, CLOCK_INNER, CLOCK_LABEL = 150, 72, 180
CLOCK_FILL = {"done": theme.GOOD, "planned": "#A9CDE6", "none": "#F2F2F2"}


def clock_chart(sectors: pl.DataFrame, month_names: list[str], centre: list[str], labels: dict[str, str],
                description: str) -> alt.LayerChart:
    """The leadership group's year as a clock: 12 month sectors from the top, clockwise.

    An item done is GOOD blue with a tick, a planned one light blue, a month with nothing pale grey;
    the current month has a dark rim. `sectors` from group_metrics.clock_sectors, plus title and
    status_label; `month_names` January first; `centre` the lines written in the middle.
    """
    data = sectors.with_columns(
        pl.col("status").replace_strict(CLOCK_FILL, default=CLOCK_FILL["none"]).alias("fill"),
        ((pl.col("start") + pl.col("end")) / 2).alias("mid"),
        pl.when(pl.col("status") == "done").then(pl.lit("✓")).otherwise(pl.lit("")).alias("mark"))
    arcs = alt.Chart(_values(data)).mark_arc(innerRadius=CLOCK_INNER, outerRadius=CLOCK_OUTER, stroke="#FFFFFF",
                                             strokeWidth=2).encode(
        theta=alt.Theta("start:Q", scale=None), theta2="end:Q", fill=alt.Fill("fill:N", scale=None),
        tooltip=[alt.Tooltip("month_name:N", title=labels["month"]), alt.Tooltip("title:N", title=labels["item"]),
                 alt.Tooltip("status_label:N", title=labels["status"])])
    ticks = alt.Chart(_values(data.filter(pl.col("mark") != ""))).mark_text(
        radius=(CLOCK_INNER + CLOCK_OUTER) / 2, fontSize=20, fontWeight="bold", color="#FFFFFF").encode(
        theta=alt.Theta("mid:Q", scale=None), text="mark:N")
    now = data.filter(pl.col("is_now"))
    rim = alt.Chart(_values(now)).mark_arc(innerRadius=CLOCK_INNER - 4, outerRadius=CLOCK_OUTER + 4, filled=False,
                                           stroke=theme.TEXT, strokeWidth=4).encode(
        theta=alt.Theta("start:Q", scale=None), theta2="end:Q")
    step = 2 * math.pi / 12
    names = [{"theta": (i + 0.5) * step, "name": n, "now": bool(now.height) and i + 1 == now["month"][0]}
             for i, n in enumerate(month_names)]
    month_text = [alt.Chart(_values([n for n in names if n["now"] == now_])).mark_text(
        radius=CLOCK_LABEL, fontSize=16 if now_ else 15, fontWeight="bold" if now_ else "normal",
        color=theme.TEXT).encode(theta=alt.Theta("theta:Q", scale=None), text="name:N") for now_ in (False, True)]
    middle = alt.Chart(_values([{"text": centre}])).mark_text(fontSize=18, fontWeight="bold", lineHeight=24,
                                                              color=theme.TEXT).encode(text="text:N")
    return alt.layer(arcs, ticks, rim, *month_text, middle).properties(
        width=CLOCK_SIZE, height=CLOCK_SIZE, description=description)
