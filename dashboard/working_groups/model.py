"""What the working-groups screen shows for one choice of filters, year and language, as one value:
key figures, who falls short, the structure, meetings against target, attendance, seats, topics, the
leadership group's annual clock and the meeting lists.

The charts are built once per data version, filters, year, language and day (`_charts`: Altair takes
10–30 ms a chart and the screen has seven); the rest is composed from the cached activity on each run.
No Streamlit widgets: pages/working_groups.py lays the model out; the slide and the overview's tile
read the same pieces (`headline`, `meetings_chart`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

import polars as pl
from altair.utils.schemapi import debug_mode

from dashboard.core import cache as core_cache
from dashboard.core import filters
from dashboard.core import screen
from dashboard.core.cache import Store, versioned
from dashboard.core.formatting import DASH, fmt_number, fmt_year_range, plain
from dashboard.core.i18n import localized, translate
from dashboard.core.model import INFO, SUCCESS, WARNING, Chart, Heading, Message, Table, TableFiles, Tile
from dashboard.working_groups import cache
from dashboard.working_groups import metrics
from dashboard.working_groups import view

SEAT_TYPES = ("official", "entrepreneur", "parish", "ngo")


def today() -> date:
    """The screen's today (tests pin it): what counts as held, upcoming and the year in progress."""
    return date.today()


@dataclass(frozen=True)
class Section:
    """A heading, a chart (None: `empty` says why) and a note beneath."""

    title: str
    chart: Chart | None
    empty: Message | None = None
    note: str | None = None


@dataclass(frozen=True)
class Clock:
    """The leadership group's annual clock and its next planned items (a Markdown list)."""

    title: str
    empty: Message | None
    chart: Chart | None = None
    legend: str | None = None
    next_title: str | None = None
    next_items: str | None = None
    nothing_next: str | None = None


@dataclass(frozen=True)
class MeetingLists:
    title: str
    upcoming_title: str
    upcoming: Table | None
    no_upcoming: str | None
    latest_title: str
    latest: Table
    downloads_title: str
    files: tuple[TableFiles, ...]


@dataclass(frozen=True)
class WorkingGroupsModel:
    """Everything the working-groups screen shows, in the order it shows it; after `empty` nothing
    more, after `no_meetings` only the seats."""

    heading: Heading
    lead: str
    empty: Message | None
    district_note: str | None = None
    no_meetings: Message | None = None
    years: tuple[int, ...] = ()
    figures: tuple[Tile, ...] = ()
    target: Message | None = None
    structure: Section | None = None
    meetings_title: str | None = None
    meetings: Section | None = None
    history: Section | None = None
    attendance: Section | None = None
    seats: Section | None = None
    topics: Section | None = None
    clock: Clock | None = None
    lists: MeetingLists | None = None


def activity(store: Store, f: filters.Filters) -> dict:
    """The groups' activity for the filters as of today (cache.group_activity)."""
    return cache.group_activity(store, f.start_year, f.end_year, f.age_group, today())


def build(store: Store, f: filters.Filters, lang: str, year: int | None = None) -> WorkingGroupsModel:
    """The screen for the shared filters and the year looked at (one of the activity's years; None
    when the period has no meetings)."""
    now = today()
    act = cache.group_activity(store, f.start_year, f.end_year, f.age_group, now)
    heading, lead = screen.heading(store, "page.working_groups", lang, f), translate("working_groups.lead", lang)
    if act["groups"].is_empty():
        return WorkingGroupsModel(heading, lead, Message(INFO, translate("wg.none_for_age" if f.age_group else "wg.none",
                                                                         lang), ":material/groups:"))
    names = view.group_names(act["tree"], lang)
    seat_names = _seat_names(lang)
    district_note = translate("wg.district_note", lang) if f.district is not None else None
    specs = _charts(store, f.start_year, f.end_year, f.age_group, year if act["years"] else None, lang, now)
    seats = Section(translate("wg.seats_title", lang), specs.get("seats"),
                    Message(INFO, translate("wg.no_seats", lang), ":material/chair:") if act["seats"].is_empty() else None)
    if not act["years"]:
        return WorkingGroupsModel(heading, lead, None, district_note, Message(
            INFO, translate("wg.no_meetings", lang, period=fmt_year_range(f.start_year, f.end_year)),
            ":material/event_busy:"), seats=seats)
    return WorkingGroupsModel(
        heading, lead, None, district_note, None, tuple(act["years"]),
        figures=_figures(act, year, names, seat_names, lang, in_progress=year == now.year),
        target=_target(act, year, names, lang),
        structure=Section(translate("wg.structure", lang), specs["structure"]),
        meetings_title=translate("wg.meetings_title", lang),
        meetings=Section(translate("wg.meetings_year", lang, year=year), specs["meetings"],
                         note=translate("wg.in_progress_note", lang) if year == now.year else None),
        history=Section(translate("wg.meetings_history", lang), specs["history"]),
        attendance=Section(translate("wg.attendance_title", lang), specs["attendance"]),
        seats=seats,
        topics=Section(translate("wg.topics_title", lang), specs["topics"], note=translate("wg.topics_note", lang)),
        clock=_clock(store, year, now, specs.get("clock"), lang),
        lists=_lists(store, f, act, names, lang))


def _seat_names(lang: str) -> dict[str, str]:
    return {s: translate(f"wg.seat.{s}", lang) for s in SEAT_TYPES}


@versioned(show_spinner=False, max_entries=64)
def _charts(store: Store, start_year: int, end_year: int, age_group: str | None, year: int | None, lang: str,
            now: date) -> dict[str, Chart]:
    """The screen's charts (Vega-Lite dicts) with their messages, once per data version, filters, year,
    language and day. Altair's schema validation is off here (it was half a cold run's chart time,
    walking every inline row against the schema); the builders' specs are validated by their unit
    tests (tests/working_groups/test_working_groups.py)."""
    act = cache.group_activity(store, start_year, end_year, age_group, now)
    names, seat_names = view.group_names(act["tree"], lang), _seat_names(lang)
    built = {}

    def add(name: str, message: str, build) -> None:
        with debug_mode(False):
            spec = build(message).to_dict(validate=False)
        built[name] = Chart(spec, message, f"tyoryhmat-{name}", plain(message))

    if not act["seats"].is_empty():
        add("seats", view.seats_message(act, names, seat_names, lang),
            lambda m: view.seats(act, names, seat_names, m, lang))
    if year is None:
        return built
    areas = {a["code"]: localized(a, "name", lang) for a in core_cache.priority_areas(store).to_dicts()}
    ages = {row["code"]: localized(row, "name", lang) for row in core_cache.age_groups(store).iter_rows(named=True)}
    add("structure", view.structure_message(act, year, names, lang),
        lambda m: view.structure(act, year, names, ages, m, lang))
    built["meetings"] = _meetings_chart(act, year, names, lang)
    add("history", view.meetings_history_message(act, names, lang), lambda m: view.meetings_history(act, names, m, lang))
    add("attendance", view.attendance_message(act, year, names, lang), lambda m: view.attendance(act, names, m, lang))
    period = fmt_year_range(act["years"][0], act["years"][-1])
    add("topics", view.topics_message(act, names, areas, period, lang),
        lambda m: view.topics(act, names, areas, m, lang))
    items = cache.annual_clock(store, year)
    if not items.is_empty():
        add("clock", view.clock_message(items, year, now, lang), lambda m: view.clock(items, year, now, lang, m))
    return built


def _meetings_chart(act: dict, year: int, names: dict[str, str], lang: str) -> Chart:
    message = view.meetings_year_message(act, year, names, lang)
    with debug_mode(False):
        spec = view.meetings_year(act, year, names, message, lang).to_dict(validate=False)
    return Chart(spec, message, "tyoryhmat-meetings", plain(message))


def meetings_chart(store: Store, f: filters.Filters, lang: str, year: int, group: str | None = None) -> Chart:
    """The year's meetings against target, as the screen draws it; with `group`, that group's alone."""
    act = activity(store, f)
    if group is not None:
        act = {**act, "counts": act["counts"].filter(pl.col("group_code") == group)}
    return _meetings_chart(act, year, view.group_names(act["tree"], lang), lang)


def _figures(act: dict, year: int, names: dict[str, str], seat_names: dict[str, str], lang: str,
             in_progress: bool) -> tuple[Tile, ...]:
    """Four tiles: groups on target, meetings held, attendance, vacant seats."""
    counts = act["counts"]
    own = counts.filter(pl.col("year") == year)
    summary = metrics.target_summary(counts, year)
    invited, present = own["invited"].sum(), own["present"].sum()
    vacant = metrics.vacancies(act["seats"])
    return (
        Tile(translate("wg.fig.on_course", lang, year=year),
             f"{summary['on_course']}/{summary['with_target']}" if summary["with_target"] else DASH,
             translate("wg.fig.on_course_note_now" if in_progress else "wg.fig.on_course_note", lang)),
        Tile(translate("wg.fig.meetings", lang, year=year), fmt_number(own["held"].sum(), 0, lang),
             translate("wg.fig.meetings_note", lang, joint=own["joint"].sum())),
        Tile(translate("wg.fig.attendance", lang, year=year), view.percent(present / invited if invited else None, lang),
             translate("wg.fig.attendance_note", lang)),
        Tile(translate("wg.fig.vacant", lang), fmt_number(vacant["vacant"].sum(), 0, lang),
             plain("; ".join(view.vacancy_text(v, names, seat_names, lang) for v in vacant.iter_rows(named=True)))
             or translate("wg.fig.vacant_none", lang)),
    )


def _target(act: dict, year: int, names: dict[str, str], lang: str) -> Message:
    """Every selected group short of its meeting target in the year, by name (not only by colour)."""
    short = metrics.target_summary(act["counts"], year)["short"]
    if short.is_empty():
        return Message(SUCCESS, translate("wg.all_on_course", lang, year=year), ":material/check_circle:")
    lines = [view.short_line(row, names[row["group_code"]], year, lang) for row in short.iter_rows(named=True)]
    return Message(WARNING, translate("wg.short_title", lang) + "\n\n" + "\n".join(f"- {plain(line)}" for line in lines),
                   ":material/warning:")


def _clock(store: Store, year: int, now: date, chart: Chart | None, lang: str) -> Clock:
    title = translate("wg.clock_title", lang, year=year)
    items = cache.annual_clock(store, year)
    if items.is_empty():
        return Clock(title, Message(INFO, translate("wg.clock.none", lang, year=year), ":material/event_note:"))
    nxt = metrics.next_clock_items(items, now, year)
    lines = [f"- **{translate('wg.month.' + str(r['month']), lang)}**: {plain(localized(r, 'title', lang))}"
             for r in nxt.iter_rows(named=True)]
    return Clock(title, None, chart, translate("wg.clock.legend", lang), translate("wg.clock.next", lang),
                 "\n".join(lines) if lines else None,
                 translate("wg.clock.nothing_next", lang) if not lines else None)


def _lists(store: Store, f: filters.Filters, act: dict, names: dict[str, str], lang: str) -> MeetingLists:
    header = (filters.describe(f, store, markdown=False, lang=lang),)
    files = []
    for rows, name, key in ((partial(view.meeting_table, act["meetings"], names, lang), "kokoukset", "wg.file.meetings"),
                            (partial(view.activity_table, act, names, lang), "tyoryhmien-aktiivisuus",
                             "wg.file.activity")):
        title = translate(key, lang)
        # The files are made when a button is pressed, not on every run (an Excel file takes ~10 ms).
        files.append(TableFiles(rows, name, (title, *header), title, translate("wg.download.csv", lang, what=title),
                                translate("wg.download.excel", lang, what=title)))
    upcoming = act["upcoming"]
    return MeetingLists(
        translate("wg.lists_title", lang), translate("wg.upcoming", lang),
        None if upcoming.is_empty() else Table(view.meeting_table(upcoming, names, lang, formatted=True),
                                               translate("wg.upcoming", lang)),
        translate("wg.no_upcoming", lang) if upcoming.is_empty() else None,
        translate("wg.latest", lang),
        Table(view.meeting_table(act["latest"], names, lang, formatted=True), translate("wg.latest", lang)),
        translate("wg.downloads", lang), tuple(files))


# --- the overview's tile and the slide ----------------------------------------------------------------

def judged_year(years, f: filters.Filters, now) -> tuple[int, bool] | None:
    """The year the tile and the slide judge: the last finished year of the period, else (the plan's first
    year) the year so far, judged by the target's pace as the working-groups screen does (True); None if
    the period holds neither."""
    if min(f.end_year, now.year - 1) in years:
        return min(f.end_year, now.year - 1), False
    if min(f.end_year, now.year) in years:
        return min(f.end_year, now.year), True
    return None


def headline(store: Store, f: filters.Filters, lang: str) -> tuple[str, str]:
    """The overview tile: groups on target in the last full year of the period, and who fell short.

    E.g. ("7/8", "ryhmää tavoitteessa 2025. Työikäisten hyvinvointiryhmä: 3 kokousta 2025, tavoite 5–6");
    a dash and the reason when there is nothing to judge. The note is Markdown-safe (stored names
    escaped), ready for a tile.
    """
    now = today()
    act = cache.group_activity(store, f.start_year, f.end_year, f.age_group, now)
    if act["groups"].is_empty():
        return DASH, translate("wg.none", lang)
    judged = judged_year(act["years"], f, now)
    if judged is None:
        return DASH, translate("wg.tile.no_year", lang)
    year, so_far = judged
    names = view.group_names(act["groups"], lang)
    summary = metrics.target_summary(act["counts"], year)
    if not summary["with_target"]:
        return DASH, translate("wg.tile.no_targets", lang)
    value = f"{summary['on_course']}/{summary['with_target']}"
    short = summary["short"]
    if short.is_empty():
        return value, translate("wg.tile.all_so_far" if so_far else "wg.tile.all", lang, year=year)
    note = view.short_line(short.row(0, named=True), plain(names[short["group_code"][0]]), year, lang)
    if short.height > 1:
        note += " " + translate("wg.tile.more", lang, n=short.height - 1)
    return value, translate("wg.tile.value_note_so_far" if so_far else "wg.tile.value_note", lang, year=year) + " " + note
