"""Chart builders for the partnerships screen: frames in, Altair charts out (pure, testable by spec).

Builders take translated labels and text already formatted in the screen's number format, so they
know nothing of languages; each chart carries a `description` (its text alternative) stating its
message. Gaps are drawn in the BAD colour and also say so in words: colour never carries meaning alone.

Encodings are written as channel objects with explicit field and type, and two-way colours as a
scale over a "tone" field rather than `alt.condition`: Altair parses and validates shorthand strings
and condition dicts on every build (about 30 ms a chart here), channel objects cost next to nothing.
"""

from __future__ import annotations

import json
import textwrap

import altair as alt
import polars as pl

from dashboard.core import theme

LIGHT_BLUE = "#D6E8F5"  # the low end of the coverage scale: a light tint of GOOD, far from BAD
WHITE = "#FFFFFF"
DISTRICT_DATA = "districts"  # the district chart's named dataset
AGE_LABEL_WIDTH = 16  # characters on one line of an age group's column label (a 1280 px screen, 3 columns)
# Axis numbers in the screen's format (Vega's d3-format locale): `12 500` in Finnish and Swedish.
NUMBER_LOCALES = {
    "fi": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]},
    "sv": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def wrapped_labels(values: list[str], width: int) -> str | None:
    """A Vega `labelExpr` writing each long value on several lines (None when all fit on one line).

    A band's label longer than the band is otherwise hidden by Vega's overlap removal. The values are
    written as JSON string literals, which Vega's expression parser reads as plain strings.
    """
    lines = {v: textwrap.wrap(v, width) for v in values if len(v) > width}
    if not lines:
        return None
    cases = " : ".join(f"datum.value === {json.dumps(v)} ? {json.dumps(parts)}" for v, parts in lines.items())
    return f"{cases} : datum.label"


def _tone(field: str, colours: dict[str, str]) -> dict:
    """A categorical field mapped to fixed colours, without a legend (the words say it)."""
    return {"field": field, "type": "nominal", "legend": None,
            "scale": alt.Scale(domain=list(colours), range=list(colours.values()))}


def coverage_heatmap(cells: pl.DataFrame, labels: dict[str, str], description: str) -> alt.Chart:
    """Priority area (rows) × age group (columns): covering partners per cell, gaps in the BAD colour.

    `cells`: area, age (display names, in plan order), partners, label (the text in the cell, which
    for a gap says it is one). `labels`: age, area, partners (axis and tooltip titles).
    """
    areas = list(dict.fromkeys(cells["area"].to_list()))
    ages = list(dict.fromkeys(cells["age"].to_list()))
    top = max(cells["partners"].max() or 0, 1)
    data = cells.select("area", "age", "partners", "label").with_columns(
        # Gaps and the upper half of the scale are dark cells: white text on them, dark text elsewhere.
        pl.when(pl.col("partners") == 0).then(pl.lit("gap"))
        .when(pl.col("partners") > top / 2).then(pl.lit("dark")).otherwise(pl.lit("light")).alias("tone"))
    wrap = wrapped_labels(ages, AGE_LABEL_WIDTH)
    x = alt.X(field="age", type="nominal", sort=ages, title=labels["age"],
              axis=alt.Axis(orient="top", labelAngle=0, labelLimit=400, domain=False, ticks=False,
                            **({"labelExpr": wrap} if wrap else {})))
    y = alt.Y(field="area", type="nominal", sort=areas, title=None,
              axis=alt.Axis(labelLimit=420, domain=False, ticks=False))
    tooltip = [alt.Tooltip(field="area", type="nominal", title=labels["area"]),
               alt.Tooltip(field="age", type="nominal", title=labels["age"]),
               alt.Tooltip(field="label", type="nominal", title=labels["partners"])]
    covered = alt.Chart(alt.Data(values=data.filter(pl.col("tone") != "gap").to_dicts())).mark_rect(
        stroke=WHITE, strokeWidth=4, cornerRadius=4).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color(field="partners", type="quantitative", legend=None,
                        scale=alt.Scale(domain=[0, top], range=[LIGHT_BLUE, theme.BLUE])))
    gaps = alt.Chart(alt.Data(values=data.filter(pl.col("tone") == "gap").to_dicts())).mark_rect(
        stroke=WHITE, strokeWidth=4, cornerRadius=4, color=theme.BAD).encode(x=x, y=y, tooltip=tooltip)
    text = alt.Chart(alt.Data(values=data.to_dicts())).mark_text(fontSize=22, fontWeight="bold").encode(
        x=x, y=y, tooltip=tooltip, text=alt.Text(field="label", type="nominal"),
        color=alt.Color(**_tone("tone", {"gap": WHITE, "dark": WHITE, "light": theme.TEXT})))
    # A layer without data would leave Vega's empty mark group with an ARIA role and no name (axe's
    # svg-img-alt): screen readers announce an unnamed graphic. So only the kinds of cell there are.
    tones = set(data["tone"])
    cells_drawn = [layer for layer, present in ((covered, tones - {"gap"}), (gaps, tones & {"gap"})) if present]
    return alt.layer(*cells_drawn, text).properties(height=alt.Step(72), width="container",
                                                     description=description)


def district_bars(rows: pl.DataFrame, labels: dict[str, str], description: str,
                  number_locale: dict | None = None) -> alt.Chart:
    """Districts ranked by covering partners per 1,000 residents; districts with none in the BAD colour.

    `rows` (in rank order): district (display name), per_1000 (None when not shown), partners, label
    (text at the bar's end), none (bool), chosen (bool: the district in the filter, outlined),
    population_label. `labels`: rate (axis title), district, partners, population.
    """
    top = max(rows["per_1000"].max() or 0, 1)
    # The rank order is the rows' own, set by district_bars_spec after to_dict.
    y = alt.Y(field="district", type="nominal", title=None, axis=alt.Axis(labelLimit=320))
    # Room to the right of the longest bar for its label.
    x = alt.X(field="per_1000", type="quantitative", title=labels["rate"],
              scale=alt.Scale(domain=[0, top * 1.3], nice=False), axis=alt.Axis(format=",.1~f", tickCount=5))
    tooltip = [alt.Tooltip(field="district", type="nominal", title=labels["district"]),
               alt.Tooltip(field="label", type="nominal", title=labels["rate"]),
               alt.Tooltip(field="partners", type="quantitative", title=labels["partners"]),
               alt.Tooltip(field="population_label", type="nominal", title=labels["population"])]
    # Named data: Altair copies and walks inline rows on every layer and to_dict (3,000 districts).
    base = alt.Chart(alt.Data(name=DISTRICT_DATA))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color(**_tone("tone", {"none": theme.BAD, "some": theme.GOOD})),
        stroke=alt.Stroke(**_tone("chosen", {"chosen": theme.TEXT, "other": WHITE})),
        strokeWidth=alt.StrokeWidth(field="chosen", type="nominal", legend=None,
                                    scale=alt.Scale(domain=["chosen", "other"], range=[3, 0])))
    text = base.mark_text(align="left", dx=6, fontSize=15).encode(
        x=x, y=y, tooltip=tooltip, text=alt.Text(field="label", type="nominal"),
        color=alt.Color(**_tone("tone", {"none": theme.BAD, "some": theme.TEXT})))
    chart = (bars + text).properties(height=alt.Step(34), width="container", description=description)
    return chart.configure(locale={"number": number_locale}) if number_locale else chart


def district_bars_spec(rows: pl.DataFrame, labels: dict[str, str], description: str,
                       number_locale: dict | None = None, validate: bool = True) -> dict:
    """district_bars as a Vega-Lite dict, its rows in `datasets` and the districts' rank order on the y
    axis (both added after Altair's to_dict)."""
    spec = district_bars(rows, labels, description, number_locale).to_dict(validate=validate)
    # The rows' own order (they come in rank order), not a list of every name: for thousands of districts
    # that list made an expression too deep for Vega to compile (a stack overflow, no picture).
    for layer in spec["layer"]:
        layer["encoding"]["y"]["sort"] = None
    spec["datasets"] = {DISTRICT_DATA: district_values(rows)}
    return spec


def district_values(rows: pl.DataFrame) -> list[dict]:
    """The district chart's rows: only the fields it draws or tells."""
    return rows.select(
        "district", pl.col("per_1000").fill_null(0), "partners", "label", "population_label",
        pl.when(pl.col("none")).then(pl.lit("none")).otherwise(pl.lit("some")).alias("tone"),
        pl.when(pl.col("chosen")).then(pl.lit("chosen")).otherwise(pl.lit("other")).alias("chosen")).to_dicts()


def grants_bars(grants: pl.DataFrame, totals: pl.DataFrame, labels: dict[str, str], description: str,
                number_locale: dict | None = None) -> alt.Chart:
    """Grants per year, stacked by priority area, each year's total written above its bar.

    `grants`: year, area (display name, plan order), grants_eur, eur_label. `totals`: year,
    grants_eur, label. `labels`: year, eur (axis title), area.
    """
    areas = list(dict.fromkeys(grants["area"].to_list()))
    colours = [theme.CATEGORICAL[i % len(theme.CATEGORICAL)] for i in range(len(areas))]
    top = max(totals["grants_eur"].max() or 0, 1)
    x = alt.X(field="year", type="ordinal", title=labels["year"], axis=alt.Axis(labelAngle=0))
    y_scale = alt.Scale(domain=[0, top * 1.15], nice=False)
    data = grants.with_columns(
        pl.col("area").replace_strict({a: i for i, a in enumerate(areas)}, return_dtype=pl.Int64).alias("o"))
    bars = alt.Chart(alt.Data(values=data.to_dicts())).mark_bar().encode(
        x=x,
        y=alt.Y(field="grants_eur", type="quantitative", title=labels["eur"], stack="zero", scale=y_scale,
                axis=alt.Axis(format=",.0f", tickCount=5)),
        color=alt.Color(field="area", type="nominal", title=labels["area"], sort=areas,
                        scale=alt.Scale(domain=areas, range=colours),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=520)),
        order=alt.Order(field="o", type="quantitative"),
        tooltip=[alt.Tooltip(field="year", type="ordinal", title=labels["year"]),
                 alt.Tooltip(field="area", type="nominal", title=labels["area"]),
                 alt.Tooltip(field="eur_label", type="nominal", title=labels["eur"])],
    )
    text = alt.Chart(alt.Data(values=totals.select("year", "grants_eur", "label").to_dicts())).mark_text(
        dy=-10, fontSize=16, fontWeight="bold", color=theme.TEXT).encode(
        x=x, y=alt.Y(field="grants_eur", type="quantitative", scale=y_scale),
        text=alt.Text(field="label", type="nominal"))
    # Streamlit fits the whole chart, legend included, into the height.
    chart = (bars + text).properties(height=440, width="container", description=description)
    return chart.configure(locale={"number": number_locale}) if number_locale else chart
