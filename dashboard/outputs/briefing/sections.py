"""The briefing's sections: cover, overview, each priority area, participation map, working groups and
NGO coverage, each from the screens' own queries, metrics, view functions and chart builders."""


from __future__ import annotations

import json
import textwrap
from datetime import date, datetime, timezone

import altair as alt
import polars as pl
import shapely
from sqlalchemy import Engine

from dashboard.core import chart_render
from dashboard.working_groups import metrics as group_metrics
from dashboard.working_groups import queries as group_queries
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import queries as indicator_queries
from dashboard.indicators import metrics as indicator_status
from dashboard.partnerships import charts as ngo_charts
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries
from dashboard.participation import reach_map as participation_map
from dashboard.participation import metrics as participation_metrics
from dashboard.participation import queries as participation_queries
from dashboard.core import theme
from dashboard.core.formatting import DASH, fmt_datetime, fmt_number, fmt_year_range
from dashboard.core.i18n import LANGUAGE_NAMES, localized, source_text, translate
from dashboard.indicators import view as ind_view
from dashboard.participation import view as part_view
from dashboard.participation.view import count_text, reach_number, reach_text
from dashboard.partnerships import view as ngo_view
from dashboard.working_groups import view as wg_view
from data_pipeline.inputs.registers import EVENT_TYPES

# DejaVu covers ä, ö, å and the typography the texts use (–, −, ≥, “”, ✓); Debian's fonts-dejavu-core.
from dashboard.outputs.briefing.document import (BAD_RGB, CHARTS_PER_IMAGE, CHARTS_PER_ROW, INDICATOR_CHART_PX, MAP_PX, MUTED_RGB, Briefing, data_date, Document)


# --- the sections -----------------------------------------------------------------------------------

def cover(pdf: Document, b: Briefing, engine: Engine) -> None:
    pdf.ln(32)
    pdf.para(b.municipality_name, size=30, bold=True)
    pdf.title_heading(translate("brief.title", b.lang))
    pdf.para(translate("brief.subtitle", b.lang), size=13, colour=MUTED_RGB)
    muni = b.municipality
    if muni.get("plan_name_fi"):
        pdf.ln(3)
        plan = localized(muni, "plan_name", b.lang)
        years = fmt_year_range(muni.get("plan_start_year"), muni.get("plan_end_year"))
        pdf.para(f"{plan} · {translate('overview.period', b.lang, period=years)}", size=11)
    pdf.ln(6)
    pdf.box(translate("brief.filters", b.lang),
            [translate("brief.age", b.lang, value=b.age_label), translate("brief.district", b.lang, value=b.district_label),
             translate("brief.period", b.lang, value=b.period), data_date(b),
             translate("brief.language", b.lang, value=LANGUAGE_NAMES[b.lang])])
    if muni.get("is_demo"):
        pdf.para(translate("brief.demo", b.lang), size=11, bold=True, colour=BAD_RGB)
    attribution = indicator_queries.sotkanet_attribution(engine)
    small = [translate("brief.compiled", b.lang, when=fmt_datetime(datetime.now(timezone.utc), b.lang))]
    if attribution and attribution.get("attribution"):
        small.append(source_text(attribution["attribution"], b.lang))
    pdf.bottom(small)


def indicator_board(engine: Engine, b: Briefing) -> dict[str, pl.DataFrame]:
    plan_start = b.municipality.get("plan_start_year")
    board = indicator_status.board(indicator_queries.plan_indicators(engine),
                                   indicator_queries.indicator_values(engine, b.start_year, b.end_year),
                                   plan_start, b.age_group)
    # The own municipality's ranks, for the priority areas' rank column (metrics.card_ranks picks each card's year).
    return {**board, "ranks": indicator_queries.own_ranks(engine, b.start_year, b.end_year)}


def overview(pdf: Document, b: Briefing, board: dict[str, pl.DataFrame]) -> None:
    pdf.heading(translate("page.overview", b.lang))
    pdf.heading(translate("ov.status", b.lang), level=1)
    areas = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    header = [translate("brief.col.area", b.lang), translate("brief.col.indicators", b.lang), translate("ind.trend.improving", b.lang),
              translate("ind.trend.holding", b.lang), translate("ind.trend.worsening", b.lang), translate("ind.trend.no_data", b.lang),
              translate("brief.col.target_met", b.lang)]
    rows = []
    for code, name in b.area_names.items():
        a = areas.get(code)
        if a is None:
            rows.append([name, "0", DASH, DASH, DASH, DASH, DASH])
            continue
        rows.append([name, str(a["indicators"]), str(a["improving"]), str(a["holding"]), str(a["worsening"]),
                     str(a["no_data"]), f"{a['target_met']}/{a['with_target']}"])
    pdf.table(header, rows, (56, 24, 18, 18, 18, 18, 26), ("LEFT", *("RIGHT",) * 6))
    for code, name in b.area_names.items():
        if code in areas:
            a = areas[code]
            pdf.para(name, size=9.5, bold=True)
            pdf.para(translate("ind.summary_compare", b.lang, better_county=a["better_than_county"],
                         worse_county=a["worse_than_county"], better_country=a["better_than_country"],
                         worse_country=a["worse_than_country"]), size=9, colour=MUTED_RGB)
            pdf.ln(1)
    summary = board["areas"].join(pl.DataFrame({"priority_area_code": list(b.area_names),
                                                "area": list(b.area_names.values())}),
                                  on="priority_area_code", how="inner")
    if summary.height:
        long = summary.unpivot(index="area", on=["improving", "holding", "worsening", "no_data"],
                               variable_name="status_code", value_name="count").with_columns(
            pl.col("status_code").replace_strict({s: translate(f"ind.trend.{s}", b.lang) for s in
                                                  ("improving", "holding", "worsening", "no_data")}).alias("status"))
        labels = {s: translate(f"ind.trend.{s}", b.lang) for s in ("improving", "holding", "worsening", "no_data")}
        labels["count"] = translate("ind.axis.count", b.lang)
        chart = indicator_charts.area_balance_chart(long, labels, translate("ov.status", b.lang))
        said = " ".join(f"{name}: " + translate("ind.summary", b.lang, improving=areas[code]["improving"],
                                                holding=areas[code]["holding"], worsening=areas[code]["worsening"],
                                                no_data=areas[code]["no_data"], met=areas[code]["target_met"],
                                                with_target=areas[code]["with_target"])
                        for code, name in b.area_names.items() if code in areas)
        pdf.chart(chart_render.png(chart, 760), f"{translate('ov.status', b.lang)}. {said}", max_height=70)

    pdf.heading(translate("ov.signals", b.lang), level=1)
    signals = board["signals"].to_dicts()
    if not signals:
        pdf.para(translate("ov.no_signals", b.lang))
    for s in signals:
        what = translate(f"ov.signal.{s['kind']}", b.lang, change=ind_view.value_text(s["change"], s, b.lang, signed=True), year=s["year"])
        pdf.para(f"⚠ {localized(s, 'title', b.lang)}: {what}", size=9.5)
        pdf.ln(0.8)


def priority_area(pdf: Document, b: Briefing, code: str, board: dict, series: pl.DataFrame) -> None:
    """The area's indicators as a table of figures, then their time series as small multiples."""
    name = b.area_names[code]
    pdf.heading(name)
    summaries = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    cards = board["cards"].filter(pl.col("priority_area_code") == code).to_dicts()
    if code in summaries:
        a = summaries[code]
        pdf.para(translate("ind.summary", b.lang, improving=a["improving"], holding=a["holding"], worsening=a["worsening"],
                     no_data=a["no_data"], met=a["target_met"], with_target=a["with_target"]), size=10, bold=True)
        pdf.para(translate("ind.summary_compare", b.lang, better_county=a["better_than_county"],
                     worse_county=a["worse_than_county"], better_country=a["better_than_country"],
                     worse_country=a["worse_than_country"]), size=9, colour=MUTED_RGB)
    if not cards:
        pdf.para(translate("ind.none", b.lang))
        return
    pdf.ln(2)
    header = [translate("ind.col.indicator", b.lang), translate("ind.col.latest", b.lang), translate("ind.col.trend", b.lang), translate("ind.col.target", b.lang),
              translate("ind.col.county", b.lang), translate("ind.col.country", b.lang),
              translate("brief.col.peers", b.lang), translate("brief.col.rank", b.lang)]
    ranks = indicator_status.card_ranks(board["cards"], board["ranks"]) if "ranks" in board else {}
    rows = []
    for card in cards:
        latest = ind_view.with_unit(ind_view.value_text(card.get("latest"), card, b.lang), card)
        if card.get("latest_year"):
            latest += f" ({card['latest_year']})"
        target = DASH if card.get("target_value") is None else ind_view.with_unit(
            ind_view.value_text(card["target_value"], card, b.lang), card) + (
            "" if card.get("target_met") is None else (" ✓" if card["target_met"] else " ✗"))
        rows.append([localized(card, "title", b.lang), latest, translate(f"ind.trend.{card.get('trend') or 'no_data'}", b.lang),
                     target, versus_cell(card, "county", b), versus_cell(card, "country", b),
                     peers_cell(card, series, b), rank_cell(ranks.get(card["id"]))])
    pdf.table(header, rows, (42, 25, 17, 21, 20, 18, 24, 17),
              ("LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    pdf.para(translate("brief.table_note", b.lang) + " " + translate("brief.rank_note", b.lang), size=8,
             colour=MUTED_RGB)

    totals = series.filter(pl.col("gender") == "total").with_columns(
        (pl.coalesce(f"region_{b.lang}", "region_fi") if b.lang != "fi" else pl.col("region_fi")).alias("region"))
    labels = {key: translate(f"ind.axis.{key}", b.lang) for key in ("year", "value", "region", "target", "gender")}
    charts, alts = [], []
    for card in cards:
        own = totals.filter(pl.col("indicator_id") == card["id"])
        if own.drop_nulls("value").is_empty():
            continue
        title = localized(card, "title", b.lang)
        with alt.utils.schemapi.debug_mode(False):
            chart = indicator_charts.trend_chart(own, card.get("target_value"), labels, title)
            charts.append(chart.properties(height=170, width=INDICATOR_CHART_PX, title=alt.TitleParams(
                textwrap.wrap(title, 52), anchor="start", fontSize=15, fontWeight="bold")))
        alts.append(ind_view.alt_text(card, b.lang, b.municipality_name))
    # One image per CHARTS_PER_IMAGE charts: vl-convert's cost is mostly per call, not per chart.
    for start in range(0, len(charts), CHARTS_PER_IMAGE):
        with alt.utils.schemapi.debug_mode(False):
            grid = alt.concat(*charts[start:start + CHARTS_PER_IMAGE], columns=CHARTS_PER_ROW, spacing=28)
        pdf.chart(chart_render.png(grid, width=None), " ".join(alts[start:start + CHARTS_PER_IMAGE]))


def rank_cell(ranks: dict[str, dict] | None) -> str:
    """"57/304 ↑3": the rank among all municipalities and its change; a dash without one (local indicators)."""
    if not ranks or "country" not in ranks:
        return DASH
    r = ranks["country"]
    change = r.get("rank_change")
    arrow = "" if not change else (f" ↑{change}" if change > 0 else f" ↓{-change}")
    return f"{r['rank']}/{r['count']}{arrow}"


def peers_cell(card: dict, series: pl.DataFrame, b: Briefing) -> str:
    """The peers' median (min–max) in the card's latest year, as the detail view's band shows it."""
    values = series.filter((pl.col("indicator_id") == card["id"]) & (pl.col("gender") == "total"))
    if card.get("latest_year") is None:
        return DASH
    band = indicator_status.peer_band(values).filter(pl.col("year") == card["latest_year"])
    if band.is_empty():
        return DASH
    last = band.row(0, named=True)
    return (f"{ind_view.value_text(last['median'], card, b.lang)} ({ind_view.value_text(last['low'], card, b.lang)}"
            f"–{ind_view.value_text(last['high'], card, b.lang)})")


def versus_cell(card: dict, role: str, b: Briefing) -> str:
    """The comparison region's value, with ▲ where we are better and ▼ where worse."""
    if card.get(role) is None:
        return DASH
    mark = {"better": " ▲", "worse": " ▼"}.get(card.get(f"vs_{role}") or "", "")
    return ind_view.value_text(card[role], card, b.lang) + mark


def participation(pdf: Document, b: Briefing, engine: Engine) -> None:
    pdf.heading(translate("brief.participation", b.lang))
    rows = participation_queries.event_participants(engine, b.start_year, b.end_year)
    population = participation_queries.population(engine, b.end_year)
    codes = list(b.district_names)
    view = participation_metrics.reach_view(rows, population, codes, b.age_group, EVENT_TYPES,
                                            participation_queries.municipality_population(engine))
    summary = view["summary"]
    if summary["events"] == 0:
        pdf.para(translate("part.no_events", b.lang))
        return
    reach = DASH if summary["reach"] is None else translate("part.per_1000", b.lang, value=reach_number(summary["reach"], b.lang))
    pdf.para(translate("brief.participation.summary", b.lang, reach=reach,
                 participants=fmt_number(summary["participants"], 0, b.lang),
                 events=fmt_number(summary["events"], 0, b.lang)), size=10, bold=True)
    notes = [translate("part.reach_note", b.lang, year=view["population_year"])] if view["population_year"] else []
    missing = view["without_population"]
    if codes and len(missing) == len(codes):
        notes = [translate("part.no_population", b.lang, year=b.end_year)]
    elif missing:
        notes.append(translate("part.population_missing", b.lang, count=len(missing), total=len(codes)))
    pdf.para(" ".join([*notes, translate("part.suppression_note", b.lang)]), size=8.5, colour=MUTED_RGB)
    pdf.ln(2)
    districts = view["districts"].with_columns(
        pl.col("district_code").replace_strict(b.district_names, default=pl.col("district_code")).alias("name"))
    if not codes:
        pdf.para(translate("part.no_districts", b.lang))
        return
    shapes = participation_queries.district_shapes(engine)
    chart = reach_map(shapes, districts, participation_map.breaks_of(view["districts"]), b)
    said = part_view.map_alt(districts, b.lang)
    pdf.chart(chart_render.png(chart, MAP_PX), said, width=0.8, max_height=150)
    pdf.para(said, size=8.5, colour=MUTED_RGB)
    pdf.ln(2)
    header = [translate(f"part.col.{key}", b.lang) for key in ("district", "participants", "events", "population", "reach", "low")]
    table_rows = [[r["name"], count_text(r["participants"], b.lang), fmt_number(r["events"], 0, b.lang),
                   fmt_number(r["population"], 0, b.lang), reach_text(r, b.lang),
                   translate("part.yes", b.lang) if r["low"] else ""] for r in districts.sort("name").iter_rows(named=True)]
    pdf.table(header, table_rows, (40, 34, 24, 22, 34, 24), ("LEFT", *("RIGHT",) * 4, "LEFT"))


def legend_entries(breaks: list[float], districts: pl.DataFrame, b: Briefing) -> list[tuple[str, str, str]]:
    """(fill, outline, label) of each reach class and of the other marks that occur on the map (the screen's)."""
    classes, extras = participation_map.legend_entries(breaks, districts, b.lang)
    return [(colour, participation_map.OUTLINE, label) for colour, label in classes] + extras


def reach_map(shapes: pl.DataFrame, districts: pl.DataFrame, breaks: list[float], b: Briefing) -> alt.Chart:
    """The districts coloured by reach class, each labelled with its name and figure ("< 5" when
    suppressed), barely reached ones outlined in the "bad" colour, with a legend: the screen's map
    (participation_map.reach_deck) drawn as a Vega-Lite geoshape, so it renders without a browser."""
    figures = {r["district_code"]: r for r in districts.iter_rows(named=True)}
    features, labels = [], []
    for code, text, lon, lat in shapes.select("code", "geometry", "centroid_lon", "centroid_lat").iter_rows():
        row = figures.get(code, {"reach": None, "suppressed": False, "low": False})
        fill = participation_map.district_fill(row.get("reach"), row.get("suppressed", False), breaks)
        low = bool(row.get("low")) and not row.get("suppressed")
        # d3-geo wants exterior rings clockwise (GeoJSON's own rule is the opposite): else a district
        # would fill the whole globe but itself.
        geom = shapely.orient_polygons(shapely.from_geojson(text), exterior_cw=True)
        features.append({"type": "Feature", "geometry": json.loads(shapely.to_geojson(geom)),
                         "properties": {"fill": fill, "line": participation_map.LOW_OUTLINE if low
                                        else participation_map.OUTLINE, "width": 3 if low else 0.8}})
        if lon is not None and lat is not None:
            figure = reach_text(row, b.lang) if code in figures else DASH
            labels.append({"lon": lon, "lat": lat, "name": b.district_names.get(code, code), "figure": figure})
    shapes_layer = alt.Chart(alt.Data(values=features)).mark_geoshape().encode(
        fill=alt.Color("properties.fill:N", scale=None), stroke=alt.Color("properties.line:N", scale=None),
        strokeWidth=alt.StrokeWidth("properties.width:Q", scale=None))
    names = alt.Chart(alt.Data(values=labels)).mark_text(fontSize=11, fontWeight="bold", dy=-7, color=theme.TEXT,
                                                         stroke="white", strokeWidth=3, strokeOpacity=0.8).encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N")
    names_fill = names.mark_text(fontSize=11, fontWeight="bold", dy=-7, color=theme.TEXT)
    figures_layer = alt.Chart(alt.Data(values=labels)).mark_text(fontSize=11, dy=7, color=theme.TEXT).encode(
        longitude="lon:Q", latitude="lat:Q", text="figure:N")
    geo = alt.layer(shapes_layer, names, names_fill, figures_layer).project(type="mercator").properties(
        width=MAP_PX, height=MAP_PX * 0.8)
    entries = legend_entries(breaks, districts, b)
    legend = alt.Chart(alt.Data(values=[{"i": i, "fill": f, "line": line, "label": label}
                                        for i, (f, line, label) in enumerate(entries)])).encode(
        y=alt.Y("i:O", axis=None))
    swatches = legend.mark_square(size=260, strokeWidth=2).encode(
        x=alt.value(8), fill=alt.Color("fill:N", scale=None), stroke=alt.Color("line:N", scale=None))
    words = legend.mark_text(align="left", fontSize=12, color=theme.TEXT).encode(x=alt.value(24), text="label:N")
    key = alt.layer(swatches, words).properties(width=MAP_PX, height=22 * len(entries),
                                                title=alt.TitleParams(translate("part.axis.reach", b.lang), fontSize=13,
                                                                      anchor="start"))
    return alt.vconcat(geo, key, spacing=12).configure_view(stroke=None)


def working_groups(pdf: Document, b: Briefing, engine: Engine, today: date) -> None:
    pdf.heading(translate("brief.groups", b.lang))
    first_day, last_day = date(b.start_year, 1, 1), date(b.end_year, 12, 31)
    act = group_metrics.activity(
        group_queries.working_groups(engine), group_queries.group_seats(engine),
        group_queries.meetings(engine, first_day, last_day), group_queries.meetings(engine, today, date.max),
        group_queries.latest_meetings(engine, today), group_queries.meeting_topics(engine, first_day, last_day),
        list(b.area_names), group_queries.first_meeting_year(engine), b.start_year, b.end_year, b.age_group, today)
    # The last full year of the period, as the overview's tile judges it; a period of only the year in
    # progress (its meetings so far) is that year, said to be in progress, not "no meetings".
    year = min(b.end_year, today.year - 1)
    if year not in act["years"] and act["years"]:
        year = max(act["years"])
    if act["groups"].is_empty() or year not in act["years"]:
        pdf.para(translate("brief.groups.none", b.lang))
        return
    names = wg_view.group_names(act["tree"], b.lang)
    rows = wg_view.year_rows(act, year, names, b.lang)
    pdf.heading(translate("wg.meetings_year", b.lang, year=year), level=1)
    if year == today.year:
        pdf.para(translate("wg.in_progress_note", b.lang))
    said = wg_view.meetings_year_message(act, year, names, b.lang)
    chart = wg_view.meetings_year(act, year, names, said, b.lang)
    pdf.chart(chart_render.png(chart, 760), said, max_height=150)
    header = [translate("wg.axis.group", b.lang), translate("wg.axis.meetings", b.lang), translate("wg.kind_joint", b.lang), translate("wg.axis.target", b.lang),
              translate("wg.axis.status", b.lang)]
    table_rows = [[r["group"], str(r["held"]), str(r["joint"]),
                   wg_view.target_range(r["target_meetings_min"], r["target_meetings_max"], b.lang), r["status_label"]]
                  for r in rows.iter_rows(named=True)]
    pdf.table(header, table_rows, (70, 22, 26, 24, 36), ("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"))


def ngo_coverage(pdf: Document, b: Briefing, engine: Engine) -> None:
    pdf.heading(translate("brief.ngo", b.lang))
    tables = ngo_queries.ngo_tables(engine)
    board = ngo_metrics.board(tables, list(b.area_names), list(b.age_names), list(b.district_names),
                              b.start_year, b.end_year, b.age_group, b.district)
    matrix = board["matrix"]
    if board["ngos_in_store"] == 0 or matrix.is_empty():
        pdf.para(translate("brief.ngo.none", b.lang))
        return
    pdf.heading(translate("ngo.coverage.title", b.lang), level=1)
    names = ngo_view.Names(area=b.area_names, age=b.age_names, district=b.district_names)
    message = ngo_view.coverage_alt(matrix, names, b.lang)
    chart = ngo_charts.coverage_heatmap(ngo_view.coverage_cells(matrix, names, b.lang), ngo_view.coverage_labels(b.lang),
                                        message)
    pdf.chart(chart_render.png(chart, 760), message, max_height=120)
    pdf.para(message, size=9.5)
