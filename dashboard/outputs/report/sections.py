"""The report's sections in THL's order, from the gathered facts: each priority area's indicators against
targets with ranks, TEAviisari, participation reach, working groups, NGO coverage, the plan's measures and
the appendix; each THL section with the draft sentences the data proposes (drafts.py)."""

from __future__ import annotations

import textwrap

import altair as alt
import polars as pl

from dashboard.core import chart_render
from dashboard.core.formatting import DASH, fmt_date, fmt_number, fmt_year_range
from dashboard.core.i18n import localized, source_text, translate
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import view as ind_view
from dashboard.outputs.briefing.document import CHARTS_PER_IMAGE, CHARTS_PER_ROW, INDICATOR_CHART_PX
from dashboard.outputs.briefing.sections import peers_cell, rank_cell, versus_cell
import dashboard.outputs.report.drafts as drafts
from dashboard.outputs.report.document import Bullets, Figure, Paragraph, Section, Table
from dashboard.outputs.report.facts import TEAVIISARI, Facts
from dashboard.participation.view import count_text, reach_text
from dashboard.partnerships import view as ngo_view

from dashboard.working_groups import view as wg_view


def t(key: str, f: Facts, **fmt) -> str:
    return translate(key, f.b.lang, **fmt)


def heading(key: str, f: Facts) -> str:
    return t(f"report.section.{key}", f)


def source_of(card: dict, f: Facts) -> str:
    """The indicator's source as the appendix and the draft sentences name it."""
    if card.get("source") == "sotkanet":
        return t("report.source.sotkanet", f)
    return t("report.source.local", f)


def build_sections(f: Facts, with_charts: bool = True) -> tuple[Section, ...]:
    cards = f.board["cards"]
    shown = [c for c in cards.to_dicts() if c["id"] not in TEAVIISARI]
    return (
        Section("summary", heading("summary", f), 1, proposed=drafts.summary(f)),
        Section("background", heading("background", f), 1, blocks=_background(f),
                proposed=drafts.background(f), children=tuple(c for c in (_groups(f), _ngos(f)) if c)),
        Section("current_state", heading("current_state", f), 1, proposed=drafts.current_state(f),
                children=(*(_area(f, code, shown, with_charts) for code in f.b.area_names),
                          *((_teaviisari(f),) if _has_teaviisari(f) else ()),
                          _participation(f),
                          *((_by_age(f), _districts(f)) if f.kind == "broad" else ()))),
        Section("strengths", heading("strengths", f), 1, proposed=drafts.strengths(f),
                children=(Section("strengths.good", t("report.strengths.good", f), 2,
                                  blocks=_bullets(drafts.strength_items(f), f)),
                          Section("strengths.develop", t("report.strengths.develop", f), 2,
                                  blocks=_bullets(drafts.development_items(f), f)))),
        Section("plan", heading("plan", f), 1, proposed=drafts.plan(f),
                children=(_measures(f), _follow_up(f))),
        Section("appendix", heading("appendix", f), 1,
                children=(_indicator_list(f), _without_data(f))),
    )


def _bullets(items: list[str], f: Facts) -> tuple:
    return (Bullets(tuple(items)),) if items else (Paragraph(t("report.none", f)),)


# --- background ---------------------------------------------------------------------------------------

def _background(f: Facts) -> tuple:
    law = Paragraph(t(f"report.background.law.{f.kind}", f))
    areas = Bullets(tuple(f.b.area_names.values())) if f.b.area_names else Paragraph(t("report.none", f))
    return (law, Paragraph(t("report.background.areas", f)), areas)


def _groups(f: Facts) -> Section:
    title = t("report.groups", f)
    if f.groups is None:
        return Section("background.groups", title, 2, blocks=(Paragraph(t("report.groups.none", f, year=f.year)),))
    names = wg_view.group_names(f.groups["tree"], f.b.lang)
    rows = wg_view.year_rows(f.groups, f.group_year, names, f.b.lang)
    table = Table(t("report.groups.caption", f, year=f.group_year),
                  (t("wg.axis.group", f), t("wg.axis.meetings", f), t("wg.kind_joint", f), t("wg.axis.target", f),
                   t("wg.axis.status", f)),
                  tuple((r["group"], str(r["held"]), str(r["joint"]),
                         wg_view.target_range(r["target_meetings_min"], r["target_meetings_max"], f.b.lang),
                         r["status_label"]) for r in rows.iter_rows(named=True)),
                  numeric=(False, True, True, True, False), widths=(3.2, 1.2, 1.2, 1.2, 2.2))
    return Section("background.groups", title, 2,
                   blocks=(Paragraph(wg_view.meetings_year_message(f.groups, f.group_year, names, f.b.lang)), table))


def _ngos(f: Facts) -> Section:
    title = t("report.ngo", f)
    if f.ngo is None or f.ngo["matrix"].is_empty():
        return Section("background.ngo", title, 2, blocks=(Paragraph(t("brief.ngo.none", f)),))
    matrix = f.ngo["matrix"]
    n = ngo_view.Names(area=f.b.area_names, age=f.b.age_names, district=f.b.district_names)
    ages = list(f.b.age_names)
    cells = {(r["priority_area_code"], r["age_group_code"]): r["partners"] for r in matrix.iter_rows(named=True)}
    rows = tuple((name, *(fmt_number(cells.get((code, age), 0), 0, f.b.lang) for age in ages))
                 for code, name in f.b.area_names.items())
    table = Table(t("report.ngo.caption", f, period=fmt_year_range(f.first_year, f.year)),
                  (t("brief.col.area", f), *f.b.age_names.values()), rows,
                  numeric=(False, *(True,) * len(ages)))
    return Section("background.ngo", title, 2, blocks=(
        Paragraph(ngo_view.coverage_summary(matrix, f.b.lang) + " " + ngo_view.gap_sentence(matrix, n, f.b.lang)),
        table))


# --- current state ------------------------------------------------------------------------------------

def value_cell(card: dict, lang: str) -> str:
    text = ind_view.with_unit(ind_view.value_text(card.get("latest"), card, lang), card)
    return f"{text} ({card['latest_year']})" if card.get("latest_year") else text


def target_cell(card: dict, lang: str) -> str:
    if card.get("target_value") is None:
        return DASH
    text = ind_view.with_unit(ind_view.value_text(card["target_value"], card, lang), card)
    if card.get("target_met") is not None:
        text += " ✓" if card["target_met"] else " ✗"
    return text


def _area(f: Facts, code: str, shown: list[dict], with_charts: bool) -> Section:
    lang = f.b.lang
    cards = [c for c in shown if c["priority_area_code"] == code]
    blocks: list = []
    if not cards:
        return Section(f"area.{code}", f.b.area_names[code], 2, blocks=(Paragraph(t("ind.none", f)),))
    header = (t("ind.col.indicator", f), t("ind.col.latest", f), t("ind.col.trend", f), t("ind.col.target", f),
              t("ind.col.county", f), t("ind.col.country", f), t("brief.col.peers", f), t("brief.col.rank", f))
    rows = tuple((localized(c, "title", lang), value_cell(c, lang), t(f"ind.trend.{c.get('trend') or 'no_data'}", f),
                  target_cell(c, lang), versus_cell(c, "county", f.b), versus_cell(c, "country", f.b),
                  peers_cell(c, f.series, f.b), rank_cell(f.ranks.get(c["id"]))) for c in cards)
    blocks.append(Paragraph(drafts.area_sentence(f, code), proposed=True))
    blocks.append(Table(t("report.area.caption", f, area=f.b.area_names[code], year=f.year), header, rows,
                        numeric=(False, True, False, True, True, True, True, True),
                        widths=(3.6, 1.9, 1.4, 1.5, 1.6, 1.3, 2.0, 1.5)))
    blocks.append(Paragraph(t("brief.table_note", f) + " " + t("brief.rank_note", f)))
    if with_charts:
        blocks.extend(_trend_figures(f, cards))
    return Section(f"area.{code}", f.b.area_names[code], 2, blocks=tuple(blocks))


def _trend_figures(f: Facts, cards: list[dict]) -> list[Figure]:
    """The indicators' time series as small multiples, the briefing's charts, with their messages as alt text."""
    lang = f.b.lang
    totals = f.series.filter(pl.col("gender") == "total").with_columns(
        (pl.coalesce(f"region_{lang}", "region_fi") if lang != "fi" else pl.col("region_fi")).alias("region"))
    labels = {key: t(f"ind.axis.{key}", f) for key in ("year", "value", "region", "target", "gender")}
    charts, alts = [], []
    for card in cards:
        own = totals.filter(pl.col("indicator_id") == card["id"])
        if own.drop_nulls("value").is_empty():
            continue
        title = localized(card, "title", lang)
        with alt.utils.schemapi.debug_mode(False):
            chart = indicator_charts.trend_chart(own, card.get("target_value"), labels, title)
            charts.append(chart.properties(height=170, width=INDICATOR_CHART_PX, title=alt.TitleParams(
                textwrap.wrap(title, 52), anchor="start", fontSize=15, fontWeight="bold")))
        alts.append(ind_view.alt_text(card, lang, f.b.municipality_name))
    figures = []
    for start in range(0, len(charts), CHARTS_PER_IMAGE):
        with alt.utils.schemapi.debug_mode(False):
            grid = alt.concat(*charts[start:start + CHARTS_PER_IMAGE], columns=CHARTS_PER_ROW, spacing=28)
        figures.append(Figure(chart_render.png(grid, width=None), " ".join(alts[start:start + CHARTS_PER_IMAGE]),
                              t("report.figure.trends", f, period=f.b.period)))
    return figures


def _has_teaviisari(f: Facts) -> bool:
    return f.board["cards"].filter(pl.col("id").is_in(TEAVIISARI)).height > 0


def _teaviisari(f: Facts) -> Section:
    lang = f.b.lang
    cards = f.board["cards"].filter(pl.col("id").is_in(TEAVIISARI)).to_dicts()
    rows = tuple((localized(c, "title", lang), value_cell(c, lang),
                  ind_view.value_text(c.get("change"), c, lang, signed=True), t(f"ind.trend.{c.get('trend') or 'no_data'}", f),
                  versus_cell(c, "country", f.b), rank_cell(f.ranks.get(c["id"]))) for c in cards)
    table = Table(t("report.tea.caption", f, year=f.year),
                  (t("ind.col.indicator", f), t("report.tea.score", f), t("report.tea.change", f), t("ind.col.trend", f),
                   t("ind.col.country", f), t("brief.col.rank", f)), rows,
                  numeric=(False, True, True, False, True, True), widths=(3.4, 1.6, 1.2, 1.3, 1.3, 1.2))
    return Section("current_state.teaviisari", t("report.tea", f), 2,
                   blocks=(Paragraph(t("report.tea.intro", f)), table))


def _participation(f: Facts) -> Section:
    lang, view = f.b.lang, f.reach
    title = t("brief.participation", f)
    summary = view["summary"]
    if summary["events"] == 0:
        return Section("current_state.participation", title, 2, blocks=(
            Paragraph(t("report.draft.reach.none", f, period=fmt_year_range(f.first_year, f.year))),))
    blocks = [Paragraph(drafts.participation_sentence(f), proposed=True)]
    districts = view["districts"].with_columns(
        pl.col("district_code").replace_strict(f.b.district_names, default=pl.col("district_code")).alias("name"))
    if f.b.district_names:
        header = tuple(t(f"part.col.{key}", f) for key in ("district", "participants", "events", "population", "reach", "low"))
        rows = tuple((r["name"], count_text(r["participants"], lang), fmt_number(r["events"], 0, lang),
                      fmt_number(r["population"], 0, lang), reach_text(r, lang),
                      t("part.yes", f) if r["low"] else "") for r in districts.sort("name").iter_rows(named=True))
        blocks.append(Table(t("report.reach.caption", f, period=fmt_year_range(f.first_year, f.year)), header, rows,
                            numeric=(False, True, True, True, True, False), widths=(2.6, 1.6, 1.2, 1.4, 1.6, 1.4)))
        blocks.append(Paragraph(t("part.suppression_note", f)))
    return Section("current_state.participation", title, 2, blocks=tuple(blocks))


def _by_age(f: Facts) -> Section:
    """Broad report: the current state by lifecycle age group, each group's indicators."""
    lang = f.b.lang
    children = []
    for code, name in f.b.age_names.items():
        cards = f.age_boards.get(code, {}).get("cards")
        if cards is None or cards.is_empty():
            children.append(Section(f"age.{code}", name, 3, blocks=(Paragraph(t("ind.none", f)),)))
            continue
        rows = tuple((localized(c, "title", lang), value_cell(c, lang), t(f"ind.trend.{c.get('trend') or 'no_data'}", f),
                      versus_cell(c, "country", f.b)) for c in cards.to_dicts())
        children.append(Section(f"age.{code}", name, 3, blocks=(Table(
            t("report.age.caption", f, age=name, year=f.year),
            (t("ind.col.indicator", f), t("ind.col.latest", f), t("ind.col.trend", f), t("ind.col.country", f)), rows,
            numeric=(False, True, False, True), widths=(4, 1.8, 1.4, 1.4)),)))
    return Section("current_state.ages", t("report.ages", f), 2, blocks=(Paragraph(t("report.ages.intro", f)),),
                   children=tuple(children))


def _districts(f: Facts) -> Section:
    """Broad report: differences between districts, in participation reach and in the indicators the
    municipality has by district (each district's latest value up to the report's year)."""
    lang = f.b.lang
    blocks: list = [Paragraph(drafts.district_sentence(f), proposed=True)]
    values = f.district_values
    cards = {c["id"]: c for c in f.board["cards"].to_dicts()}
    if values is not None and values.height:
        having = set(values["indicator_id"].to_list())
        for indicator in [i for i in cards if i in having]:  # the plan's order
            card = cards[indicator]
            own = values.filter(pl.col("indicator_id") == indicator).sort("value")
            blocks.append(Paragraph(drafts.district_indicator_sentence(f, card, own), proposed=True))
            rows = tuple((f.b.district_names.get(r["district_code"], r["district_code"]),
                          ind_view.with_unit(ind_view.value_text(r["value"], card, lang), card), str(r["year"]))
                         for r in own.sort("district_code").iter_rows(named=True))
            blocks.append(Table(t("report.districts.caption", f, title=localized(card, "title", lang)),
                                (t("part.col.district", f), t("ind.col.latest", f), t("report.col.year", f)), rows,
                                numeric=(False, True, True), widths=(3, 2, 1)))
    return Section("current_state.districts", t("report.districts", f), 2, blocks=tuple(blocks))


# --- plan ---------------------------------------------------------------------------------------------

def _measures(f: Facts) -> Section:
    lang = f.b.lang
    goals = {g["code"]: g for g in f.goals}
    children = []
    for code, name in f.b.area_names.items():
        area_goals = [g for g in f.goals if g["priority_area_code"] == code]
        measures = [m for m in f.measures if goals.get(m["goal_code"], {}).get("priority_area_code") == code]
        blocks: list = []
        if area_goals:
            blocks.append(Bullets(tuple(f"{g['code']} · {localized(g, 'text', lang)}" for g in area_goals)))
        if measures:
            rows = tuple((localized(m, "text", lang), m["goal_code"], m["responsible_unit"], t(f"plan.status.{m['status']}", f),
                          fmt_date(m["due_date"], lang) if m.get("due_date") else DASH,
                          fmt_date(m["updated_on"], lang) if m.get("updated_on") else DASH) for m in measures)
            blocks.append(Table(t("report.measures.caption", f, area=name),
                                (t("report.col.measure", f), t("report.col.goal", f), t("report.col.unit", f),
                                 t("report.col.status", f), t("report.col.due", f), t("report.col.updated", f)), rows,
                                numeric=(False, False, False, False, True, True), widths=(3.4, 1, 2, 1.4, 1.4, 1.4)))
        if not blocks:
            blocks.append(Paragraph(t("report.none", f)))
        children.append(Section(f"plan.{code}", name, 3, blocks=tuple(blocks)))
    return Section("plan.measures", t("report.measures", f), 2, children=tuple(children))


def _follow_up(f: Facts) -> Section:
    lang = f.b.lang
    cards = f.board["cards"].to_dicts()
    rows = tuple((localized(c, "title", lang), f.b.area_names.get(c["priority_area_code"], c["priority_area_code"]),
                  target_cell(c, lang), str(c["target_year"]) if c.get("target_year") else DASH, value_cell(c, lang))
                 for c in cards)
    return Section("plan.follow_up", t("report.follow_up", f), 2, blocks=(Table(
        t("report.follow_up.caption", f),
        (t("ind.col.indicator", f), t("brief.col.area", f), t("ind.col.target", f), t("report.col.target_year", f),
         t("ind.col.latest", f)), rows, numeric=(False, False, True, True, True), widths=(3.4, 2.2, 1.4, 1.2, 1.6)),))


# --- appendix -----------------------------------------------------------------------------------------

def _indicator_list(f: Facts) -> Section:
    lang = f.b.lang
    cards = [c for c in f.board["cards"].to_dicts() if c.get("latest_year") is not None]
    rows = tuple((localized(c, "title", lang), str(c["id"]), source_of(c, f), str(c["latest_year"])) for c in cards)
    blocks: list = [Table(t("report.appendix.caption", f),
                          (t("ind.col.indicator", f), t("report.col.id", f), t("report.col.source", f),
                           t("report.col.year", f)), rows, numeric=(False, True, False, True), widths=(4.2, 0.9, 2.4, 0.9))]
    if f.attribution and f.attribution.get("attribution"):
        blocks.append(Paragraph(source_text(f.attribution["attribution"], lang)))
    return Section("appendix.indicators", t("report.appendix.indicators", f), 2, blocks=tuple(blocks))


def _without_data(f: Facts) -> Section:
    lang = f.b.lang
    missing = [c for c in f.board["cards"].to_dicts() if c.get("latest_year") is None]
    blocks = (Paragraph(t("report.appendix.none_missing", f)),) if not missing else (
        Paragraph(t("report.appendix.missing_intro", f, period=f.b.period)),
        Bullets(tuple(f"{localized(c, 'title', lang)} ({c['id']}, {source_of(c, f)})" for c in missing)))
    return Section("appendix.without_data", t("report.appendix.without_data", f), 2, blocks=blocks)
