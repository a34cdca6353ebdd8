"""What the report says, read from the store with the briefing's and the screens' own queries and metrics
(never recomputed here): the plan's indicators against targets with ranks, the measures, participation
reach, working-group activity and NGO coverage, for the report's year or the council term."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl
from sqlalchemy import Engine

from dashboard.core import queries
from dashboard.indicators import metrics as indicator_status
from dashboard.indicators import queries as indicator_queries
from dashboard.outputs.briefing import BriefingError, Briefing, Request as BriefingRequest, resolve
from dashboard.outputs.briefing.sections import indicator_board
import dashboard.outputs.report.queries as report_queries
from dashboard.outputs.report.document import KINDS, TERM_YEARS, ReportError, Request
from dashboard.participation import metrics as participation_metrics
from dashboard.participation import queries as participation_queries
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries
from dashboard.plan import metrics as plan_metrics
from dashboard.plan import queries as plan_queries
from dashboard.working_groups import metrics as group_metrics
from dashboard.working_groups import queries as group_queries
from dashboard.core.i18n import LANGUAGES
from data_pipeline.inputs.registers import EVENT_TYPES

# THL's health-promotion activity scores (TEAviisari, 0–100) as Sotkanet carries them: strategic
# management, primary care, basic education, physical activity.
TEAVIISARI = (4072, 4092, 4093, 4094)
# "Worsened three years running": three consecutive worsening changes.
WORSENING_RUN = 3


@dataclass
class Facts:
    kind: str
    year: int
    first_year: int  # the report's own years: the year (annual) or the council term (broad)
    b: Briefing  # the briefing's resolution: language, names, municipality, the trend period up to `year`
    board: dict  # indicator_status.board (+ "ranks"), the indicators screen's and the briefing's
    ranks: dict  # card_ranks: indicator id -> scope -> rank row, in the card's own latest year
    series: pl.DataFrame  # the comparison set's values over the trend period (gender total)
    measures: list[dict]
    goals: list[dict]
    reach: dict  # participation_metrics.reach_view over the report's years
    groups: dict | None  # working_groups metrics.activity
    group_year: int | None
    ngo: dict | None  # partnerships metrics.board
    attribution: dict | None
    age_boards: dict[str, dict] = field(default_factory=dict)  # broad: the board of each lifecycle age group
    worsened_runs: dict[int, tuple[int, int]] = field(default_factory=dict)  # id -> (first, last year)
    # broad: each district's latest value (up to the year) of the indicators with district data
    district_values: pl.DataFrame | None = None


def resolve_year(engine: Engine, request: Request, today: date) -> tuple[int, int]:
    """(first year, year) of the report; ReportError names what is wrong and what is on offer.

    Without a year: the last full year (a report looks back on a year that has ended), within the data."""
    if request.kind not in KINDS:
        raise ReportError("kind", request.kind, KINDS)
    if request.lang not in LANGUAGES:
        raise ReportError("lang", request.lang, LANGUAGES)
    span = queries.year_span(engine)
    if span is None:
        raise ReportError("empty")
    year = request.year if request.year is not None else max(span[0], min(span[1], today.year - 1))
    if not span[0] <= year <= span[1]:
        raise ReportError("year", year, (span[0], span[1]))
    first = year if request.kind == "annual" else max(span[0], year - TERM_YEARS + 1)
    return first, year


def gather(engine: Engine, request: Request, today: date | None = None) -> Facts:
    today = today or date.today()
    first, year = resolve_year(engine, request, today)
    try:
        # The briefing's own period (the plan's years looking back for trends) cut at the report's year.
        b = resolve(engine, BriefingRequest(lang=request.lang, end_year=year))
    except BriefingError as problem:
        if problem.reason == "empty":
            raise ReportError("empty") from problem
        if problem.reason == "period":  # the plan's default start lies after the report's year
            b = resolve(engine, BriefingRequest(lang=request.lang, start_year=year, end_year=year))
        else:
            raise
    if b.start_year > year:
        b = resolve(engine, BriefingRequest(lang=request.lang, start_year=year, end_year=year))
    board = indicator_board(engine, b)
    series = indicator_queries.indicator_values(engine, b.start_year, b.end_year)
    ranks = indicator_status.card_ranks(board["cards"], board["ranks"])
    plan_start = b.municipality.get("plan_start_year")
    muni = queries.municipality(engine).to_dicts()
    town = muni[0] if muni else {}
    measures = plan_metrics.staleness(plan_queries.measures(engine), today, town.get("measure_flag_days"),
                                      town.get("measure_stale_days")).to_dicts()
    goals = plan_queries.goals(engine).to_dicts()
    rows = participation_queries.event_participants(engine, first, year)
    population = participation_queries.population(engine, year)
    reach = participation_metrics.reach_view(rows, population, list(b.district_names), None, EVENT_TYPES,
                                             participation_queries.municipality_population(engine))
    groups, group_year = _groups(engine, b, first, year, today)
    tables = ngo_queries.ngo_tables(engine)
    ngo = ngo_metrics.board(tables, list(b.area_names), list(b.age_names), list(b.district_names), first, year,
                            None, None) if tables["ngos"].height else None
    facts = Facts(kind=request.kind, year=year, first_year=first, b=b, board=board, ranks=ranks, series=series,
                  measures=measures, goals=goals, reach=reach, groups=groups, group_year=group_year, ngo=ngo,
                  attribution=indicator_queries.sotkanet_attribution(engine))
    if request.kind == "broad":
        plan = indicator_queries.plan_indicators(engine)
        values = indicator_queries.indicator_values(engine, b.start_year, b.end_year)
        facts.age_boards = {code: indicator_status.board(plan, values, plan_start, code) for code in b.age_names}
        facts.district_values = (report_queries.district_indicator_values(engine, b.start_year, year)
                                 .sort("year").group_by("indicator_id", "district_code").last())
    facts.worsened_runs = worsened_runs(board["cards"], series)
    return facts


def _groups(engine: Engine, b: Briefing, first: int, year: int, today: date) -> tuple[dict | None, int | None]:
    """Working-group activity over the report's years, judged in the report's year (the briefing's metrics)."""
    first_day, last_day = date(first, 1, 1), date(year, 12, 31)
    act = group_metrics.activity(
        group_queries.working_groups(engine), group_queries.group_seats(engine),
        group_queries.meetings(engine, first_day, last_day), group_queries.meetings(engine, today, date.max),
        group_queries.latest_meetings(engine, today), group_queries.meeting_topics(engine, first_day, last_day),
        list(b.area_names), group_queries.first_meeting_year(engine), first, year, None, today)
    if act["groups"].is_empty() or year not in act["years"]:
        return None, None
    return act, year


def worsened_runs(cards: pl.DataFrame, series: pl.DataFrame) -> dict[int, tuple[int, int]]:
    """Indicators whose own value worsened at least WORSENING_RUN years running up to their latest year:
    id -> (the last good year, the latest year). Consecutive years only: a gap ends the run."""
    found = {}
    own = series.filter((pl.col("role") == "municipality") & (pl.col("gender") == "total")
                        & pl.col("value").is_not_null())
    for card in cards.iter_rows(named=True):
        values = dict(own.filter(pl.col("indicator_id") == card["id"]).select("year", "value").iter_rows())
        years = sorted(values)
        run, i = 0, len(years) - 1
        while i > 0 and years[i] - years[i - 1] == 1 and indicator_status.classify(
                values[years[i]] - values[years[i - 1]], values[years[i - 1]], card["direction"]) == "worsening":
            run, i = run + 1, i - 1
        if run >= WORSENING_RUN:
            found[card["id"]] = (years[i], years[-1])
    return found
