"""Pieces of the working-group screen: its words, chart inputs, text alternatives, tables and downloads.

Numbers and sentences are made here, once, so the charts, their captions, the warnings, the tables and
the overview tile (`headline`) say the same thing in the same words.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

import altair as alt
import polars as pl
import streamlit as st

from dashboard.working_groups import cache as wg_cache
from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core import url_state
from dashboard.working_groups import charts
from dashboard.working_groups import metrics
from dashboard.core import spreadsheet
from dashboard.core.downloads import chart as chart_with_downloads
from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_number, plain
from dashboard.core.i18n import current_language, localized, t

YEAR_KEY = "wg_year"  # session-state key and URL parameter of the year looked at
KIND_TITLES = {"leadership": "wg.kind.leadership", "steering": "wg.kind.steering", "lifecycle": "wg.kind.lifecycle",
               "subgroup": "wg.kind.subgroup"}


def today() -> date:
    """The screen's today (tests pin it): what counts as held, upcoming and the year in progress."""
    return date.today()


# --- words ------------------------------------------------------------------------------------------

def meetings_text(n: int) -> str:
    """"1 kokous", "3 kokousta"."""
    return t("wg.meetings.one" if n == 1 else "wg.meetings.many", n=n)


def target_range(lo: int | None, hi: int | None) -> str:
    """"5–6", "5" or "vähintään 5"; a dash without a target."""
    if lo is None and hi is None:
        return DASH
    if hi is None:
        return t("wg.at_least", n=lo)
    if lo is None:
        return t("wg.at_most", n=hi)
    return str(lo) if lo == hi else f"{lo}–{hi}"


def target_text(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return t("wg.no_target")
    return t("wg.target", range=target_range(lo, hi))


def percent(value: float | None, lang: str) -> str:
    return DASH if value is None else f"{fmt_number(value * 100, 0, lang)}{NBSP}%"


def status_label(status: str) -> str:
    return t(f"wg.status.{status}")


def short_line(row: dict, name: str, year: int) -> str:
    """"Työikäisten hyvinvointiryhmä: 3 kokousta 2025, tavoite 5–6" for a group short of its target."""
    key = "wg.short.behind" if row["status"] == "behind" else "wg.short.below"
    return t(key, group=name, meetings=meetings_text(row["held"]), year=year,
             range=target_range(row["target_meetings_min"], row["target_meetings_max"]))


def group_names(groups: pl.DataFrame, lang: str) -> dict[str, str]:
    return {row["code"]: localized(row, "name", lang) for row in groups.iter_rows(named=True)}


def age_names(store: cache.Store, lang: str) -> dict[str, str]:
    return {row["code"]: localized(row, "name", lang) for row in cache.age_groups(store).iter_rows(named=True)}


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t("wg.list_and", first=", ".join(names[:-1]), last=names[-1])


# --- the year looked at -----------------------------------------------------------------------------

def choose_year(years: list[int]) -> int:
    """The year the structure, the bars and the clock show, kept in the URL (`wg_year`); default the latest."""
    default = years[-1]
    url_state.seed_or_warn(YEAR_KEY, lambda raw: _known_year(raw, years), str(default))
    if st.session_state.get(YEAR_KEY) not in years:
        st.session_state[YEAR_KEY] = default  # the period changed under it
    st.radio(t("wg.year"), years, key=YEAR_KEY, horizontal=True)
    url_state.write_to_url(YEAR_KEY, st.session_state[YEAR_KEY], default)
    return st.session_state[YEAR_KEY]


def _known_year(raw: str, years: list[int]) -> int:
    if raw.isdigit() and int(raw) in years:
        return int(raw)
    raise ValueError(raw)


# --- key figures and warnings -----------------------------------------------------------------------

def key_figures(act: dict, year: int, names: dict[str, str], seat_names: dict[str, str], lang: str,
                in_progress: bool) -> None:
    """Four tiles: groups on target, meetings held, attendance, vacant seats."""
    counts = act["counts"]
    own = counts.filter(pl.col("year") == year)
    summary = metrics.target_summary(counts, year)
    invited, present = own["invited"].sum(), own["present"].sum()
    vacant = metrics.vacancies(act["seats"])
    cols = st.columns(4)
    layout.card(cols[0], t("wg.fig.on_course", year=year),
                f"{summary['on_course']}/{summary['with_target']}" if summary["with_target"] else DASH,
                note=t("wg.fig.on_course_note_now" if in_progress else "wg.fig.on_course_note"))
    layout.card(cols[1], t("wg.fig.meetings", year=year), fmt_number(own["held"].sum(), 0, lang),
                note=t("wg.fig.meetings_note", joint=own["joint"].sum()))
    layout.card(cols[2], t("wg.fig.attendance", year=year),
                percent(present / invited if invited else None, lang), note=t("wg.fig.attendance_note"))
    layout.card(cols[3], t("wg.fig.vacant"), fmt_number(vacant["vacant"].sum(), 0, lang),
                note=plain("; ".join(vacancy_text(v, names, seat_names) for v in vacant.iter_rows(named=True)))
                or t("wg.fig.vacant_none"))


def short_of_target(act: dict, year: int, names: dict[str, str]) -> None:
    """Name every selected group short of its meeting target in the year, in words (not only colour)."""
    short = metrics.target_summary(act["counts"], year)["short"]
    if short.is_empty():
        st.success(t("wg.all_on_course", year=year), icon=":material/check_circle:")
        return
    lines = [short_line(row, names[row["group_code"]], year) for row in short.iter_rows(named=True)]
    st.warning(t("wg.short_title") + "\n\n" + "\n".join(f"- {plain(line)}" for line in lines),
               icon=":material/warning:")


# --- charts -----------------------------------------------------------------------------------------

def show_chart(key: tuple, build: Callable[[], alt.TopLevelMixin], message: str, *, stretch: bool = True) -> None:
    """A chart (its spec cached under `key`, which must name everything it shows) and its text alternative."""
    spec = wg_cache.group_chart(key, build)
    chart_with_downloads(spec, f"tyoryhmat-{key[0]}", width="stretch" if stretch else "content")
    st.caption(plain(message))  # it names stored groups: shown as typed, never as Markdown


def structure(act: dict, year: int, names: dict[str, str], ages: dict[str, str], message: str) -> alt.LayerChart:
    tree = act["tree"]
    counts = act["tree_counts"].filter(pl.col("year") == year).select("group_code", "held", "status")
    nodes = tree.join(counts, left_on="code", right_on="group_code", how="left").with_columns(
        pl.col("held").fill_null(0), pl.col("status").fill_null("no_target"))
    rows = []
    for n in nodes.iter_rows(named=True):
        status = n["status"]
        target = target_text(n["target_meetings_min"], n["target_meetings_max"])
        if status in metrics.SHORT:
            target = t("wg.node.short", range=target_range(n["target_meetings_min"], n["target_meetings_max"]))
        rows.append({**n, "name": names[n["code"]], "detail": ages.get(n["age_group_code"] or "", ""),
                     "meetings": t("wg.node.meetings", meetings=meetings_text(n["held"]), year=year),
                     "target_text": target})
    frame = pl.DataFrame(rows, infer_schema_length=None)
    titles = {}
    for (depth,), level in tree.group_by("depth"):
        kinds = set(level["kind"])
        if len(kinds) == 1 and kinds.pop() in KIND_TITLES:
            titles[depth] = t(KIND_TITLES[level["kind"][0]])
    return charts.structure_chart(frame, dict(sorted(titles.items())), message)


def structure_message(act: dict, year: int, names: dict[str, str]) -> str:
    tree = act["tree"]
    parents = dict(zip(tree["code"], tree["parent_code"]))
    reports = [t("wg.alt.reports", group=names[c], parent=names[p]) for c, p in parents.items() if p is not None]
    short = metrics.target_summary(act["counts"], year)["short"]
    tail = (t("wg.alt.short", groups=_join_names([names[c] for c in short["group_code"]]), year=year)
            if short.height else t("wg.alt.none_short", year=year))
    return t("wg.alt.structure", n=tree.height, reports="; ".join(reports)) + " " + tail


def year_rows(act: dict, year: int, names: dict[str, str]) -> pl.DataFrame:
    counts = act["counts"].filter(pl.col("year") == year)
    return counts.with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("status").map_elements(status_label, return_dtype=pl.Utf8).alias("status_label"),
        pl.struct("held", "scheduled", "target_meetings_min", "target_meetings_max").map_elements(
            lambda r: (f"{r['held']}" + (f"+{r['scheduled']}" if r["scheduled"] else "")
                       + (f" / {target_range(r['target_meetings_min'], r['target_meetings_max'])}"
                          if r["target_meetings_min"] is not None or r["target_meetings_max"] is not None else "")),
            return_dtype=pl.Utf8).alias("label"))


def meetings_year(act: dict, year: int, names: dict[str, str], message: str) -> alt.LayerChart:
    labels = {k: t(f"wg.axis.{k}") for k in ("meetings", "group", "target", "status")}
    labels.update(own=t("wg.kind_own"), joint=t("wg.kind_joint"), scheduled=t("wg.kind_scheduled"))
    return charts.meetings_chart(year_rows(act, year, names), labels, message)


def meetings_year_message(act: dict, year: int, names: dict[str, str]) -> str:
    rows = year_rows(act, year, names)
    parts = [t("wg.alt.group_year", group=r["group"], meetings=meetings_text(r["held"]), joint=r["joint"],
               target=target_range(r["target_meetings_min"], r["target_meetings_max"]),
               status=status_label(r["status"]).lower()) for r in rows.iter_rows(named=True)]
    return t("wg.alt.meetings", year=year) + " " + "; ".join(parts) + "."


def history_rows(act: dict, names: dict[str, str]) -> pl.DataFrame:
    return act["counts"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("status").map_elements(status_label, return_dtype=pl.Utf8).alias("status_label"),
        pl.when(pl.col("joint") > 0).then(pl.col("joint").map_elements(lambda n: t("wg.joint_short", n=n),
                                                                        return_dtype=pl.Utf8))
        .otherwise(pl.lit("")).alias("joint_text"))


def meetings_history(act: dict, names: dict[str, str], message: str) -> alt.LayerChart:
    labels = {k: t(f"wg.axis.{k}") for k in ("meetings", "group", "year", "status")}
    labels["joint"] = t("wg.kind_joint")
    return charts.meetings_by_year_chart(history_rows(act, names), labels, message)


def meetings_history_message(act: dict, names: dict[str, str]) -> str:
    rows = history_rows(act, names).filter(pl.col("status") == "below")
    years = act["years"]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if rows.is_empty():
        return t("wg.alt.history_ok", period=span)
    parts = [f"{r['group']} {r['year']} ({meetings_text(r['held'])})" for r in rows.iter_rows(named=True)]
    return t("wg.alt.history", period=span, short="; ".join(parts))


def attendance_rows(act: dict, names: dict[str, str]) -> pl.DataFrame:
    counts = act["counts"]
    own = counts.select(pl.col("group_code").replace_strict(names).alias("group"), "year", "attendance",
                        pl.lit(False).alias("is_total"))
    total = metrics.attendance_by_year(counts).select(pl.lit(t("wg.all_groups")).alias("group"), "year",
                                                      "attendance", pl.lit(True).alias("is_total"))
    return pl.concat([own, total]) if own["group"].n_unique() > 1 else own


def attendance(act: dict, names: dict[str, str], message: str) -> alt.Chart:
    labels = {k: t(f"wg.axis.{k}") for k in ("year", "attendance", "group")}
    return charts.attendance_chart(attendance_rows(act, names), labels, message)


def attendance_message(act: dict, year: int, names: dict[str, str], lang: str) -> str:
    counts = act["counts"]
    by_year = metrics.attendance_by_year(counts).drop_nulls("attendance")
    if by_year.is_empty():
        return t("wg.alt.attendance_none")
    first, last = by_year.row(0, named=True), by_year.row(-1, named=True)
    own = counts.filter(pl.col("year") == year).drop_nulls("attendance").sort("attendance")
    text = t("wg.alt.attendance", first_year=first["year"], first=percent(first["attendance"], lang),
             last_year=last["year"], last=percent(last["attendance"], lang))
    if own.height > 1:
        low = own.row(0, named=True)
        text += " " + t("wg.alt.attendance_low", year=year, group=names[low["group_code"]],
                        rate=percent(low["attendance"], lang))
    return text


def vacancy_text(row: dict, names: dict[str, str], seat_names: dict[str, str]) -> str:
    """"Ikääntyneiden hyvinvointiryhmä – Järjestöt: vapaana 1/2"."""
    return t("wg.vacant", group=names.get(row["group_code"], row["group_code"]),
             seat=seat_names.get(row["seat_type"], row["seat_type"]), n=row["vacant"],
             required=row["seats_required"])


def seat_rows(act: dict, names: dict[str, str], seat_names: dict[str, str]) -> pl.DataFrame:
    return act["seats"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("seat_type").replace_strict(seat_names, default=pl.col("seat_type")).alias("seat"),
        pl.format("{}/{}", "seats_filled", "seats_required").alias("filled_text"),
        pl.when(pl.col("vacant") > 0).then(pl.col("vacant").map_elements(lambda n: t("wg.vacant_short", n=n),
                                                                          return_dtype=pl.Utf8))
        .otherwise(pl.lit("")).alias("vacant_text"))


def seats(act: dict, names: dict[str, str], seat_names: dict[str, str], message: str) -> alt.LayerChart:
    labels = {k: t(f"wg.axis.{k}") for k in ("group", "seat", "required", "filled")}
    return charts.seats_chart(seat_rows(act, names, seat_names), labels, message)


def seats_message(act: dict, names: dict[str, str], seat_names: dict[str, str]) -> str:
    vacant = metrics.vacancies(act["seats"])
    total = act["seats"]
    base = t("wg.alt.seats", filled=total["seats_filled"].sum(), required=total["seats_required"].sum())
    if vacant.is_empty():
        return base + " " + t("wg.alt.seats_full")
    parts = [vacancy_text(v, names, seat_names) for v in vacant.iter_rows(named=True)]
    return base + " " + t("wg.alt.seats_vacant", vacant="; ".join(parts))


def topic_rows(act: dict, names: dict[str, str], areas: dict[str, str]) -> pl.DataFrame:
    # Narrower columns, shorter lines: a 1280 px screen gives the table about 540 px (7 px a character).
    width = max(10, min(24, 75 // max(1, len(areas))))
    headings = {code: charts.wrap(name, width) for code, name in areas.items()}
    return act["topics"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("priority_area_code").replace_strict(areas, default=pl.col("priority_area_code")).alias("area"),
        pl.col("priority_area_code").map_elements(lambda c: headings.get(c, [c]),
                                                  return_dtype=pl.List(pl.Utf8)).alias("heading"))


def topics(act: dict, names: dict[str, str], areas: dict[str, str], message: str) -> alt.LayerChart:
    labels = {k: t(f"wg.axis.{k}") for k in ("group", "area", "items")}
    return charts.topics_chart(topic_rows(act, names, areas), labels, message)


def topics_message(act: dict, names: dict[str, str], areas: dict[str, str], period: str) -> str:
    matrix = act["topics"]
    gaps = metrics.uncovered_areas(matrix)
    if gaps:
        text = t("wg.alt.topics_gap", period=period, areas=_join_names([areas.get(a, a) for a in gaps]))
    else:
        text = t("wg.alt.topics_all", period=period)
    empty = metrics.empty_cells(matrix).filter(~pl.col("priority_area_code").is_in(gaps))
    if empty.height:
        by_group = empty.group_by("group_code", maintain_order=True).agg("priority_area_code")
        parts = [t("wg.alt.topics_group_gap", group=names[r["group_code"]],
                   areas=_join_names([areas.get(a, a) for a in r["priority_area_code"]]))
                 for r in by_group.iter_rows(named=True)]
        text += " " + t("wg.alt.topics_cells", cells="; ".join(parts))
    return text


def clock(items: pl.DataFrame, year: int, now: date, lang: str, message: str) -> alt.LayerChart:
    sectors = metrics.clock_sectors(items, now, year)
    titles = {row["id"]: localized(row, "title", lang) for row in items.iter_rows(named=True)}
    months = [t(f"wg.month.{m}") for m in range(1, 13)]
    data = sectors.with_columns(
        pl.col("id").replace_strict(titles, default="").alias("title"),
        pl.col("status").map_elements(lambda s: t(f"wg.clock.status.{s}"), return_dtype=pl.Utf8).alias("status_label"),
        pl.col("month").map_elements(lambda m: months[m - 1], return_dtype=pl.Utf8).alias("month_name"))
    done = items.filter(pl.col("status") == "done").height
    centre = [str(year), t("wg.clock.centre", done=done, total=items.height)]
    labels = {"month": t("wg.axis.month"), "item": t("wg.axis.item"), "status": t("wg.axis.status")}
    return charts.clock_chart(data, [t(f"wg.month_short.{m}") for m in range(1, 13)], centre, labels, message)


def clock_message(items: pl.DataFrame, year: int, now: date, lang: str) -> str:
    done = items.filter(pl.col("status") == "done").height
    text = t("wg.alt.clock", year=year, done=done, total=items.height)
    nxt = metrics.next_clock_items(items, now, year, limit=1)
    if nxt.height:
        row = nxt.row(0, named=True)
        text += " " + t("wg.alt.clock_next", month=t(f"wg.month.{row['month']}"), item=localized(row, "title", lang))
    return text


def next_items(items: pl.DataFrame, year: int, now: date, lang: str) -> None:
    """The annual clock's next planned items, as a list beside the clock."""
    nxt = metrics.next_clock_items(items, now, year)
    st.markdown(f"**{t('wg.clock.next')}**")
    if nxt.is_empty():
        st.caption(t("wg.clock.nothing_next"))
        return
    lines = [f"- **{t('wg.month.' + str(r['month']))}**: {plain(localized(r, 'title', lang))}"
             for r in nxt.iter_rows(named=True)]
    st.markdown("\n".join(lines))


# --- tables and downloads ---------------------------------------------------------------------------

def meeting_table(meetings: pl.DataFrame, names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """Meetings with translated headers: raw values for the downloads, the screen's format when `formatted`."""
    yes, no = t("wg.yes"), t("wg.no")
    frame = meetings.select(
        pl.col("meeting_date").map_elements(lambda d: fmt_date(d, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("meeting_date"),
        pl.col("group_code").replace_strict(names, default=pl.col("group_code")),
        pl.when(pl.col("is_joint")).then(pl.lit(yes)).otherwise(pl.lit(no)),
        "members_invited", "members_present",
        pl.col("attendance").map_elements(lambda v: percent(v, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("attendance"))
    return frame.rename(dict(zip(frame.columns, [t(f"wg.col.{c}") for c in (
        "date", "group", "joint", "invited", "present", "attendance")])))


def activity_table(act: dict, names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """Per group and year: meetings, joint, scheduled, target, status, attendance."""
    counts = act["counts"]
    statuses = {s: status_label(s) for s in counts["status"].unique()}
    frame = counts.select(
        pl.col("group_code").replace_strict(names, default=pl.col("group_code")), "year", "held", "joint",
        "scheduled",
        pl.struct("target_meetings_min", "target_meetings_max").map_elements(
            lambda r: target_range(r["target_meetings_min"], r["target_meetings_max"]), return_dtype=pl.Utf8),
        pl.col("status").replace_strict(statuses, return_dtype=pl.Utf8),
        pl.col("attendance").map_elements(lambda v: percent(v, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("attendance"))
    return frame.rename(dict(zip(frame.columns, [t(f"wg.col.{c}") for c in (
        "group", "year", "meetings", "joint_count", "scheduled", "target", "status", "attendance")])))


def downloads(meetings: pl.DataFrame, activity: pl.DataFrame, header: list[str]) -> None:
    """CSV and Excel of the meeting list and of the activity table (formula cells escaped).

    The files are made when a button is pressed, not on every run (an Excel file takes ~10 ms).
    """
    files = ((meetings, "kokoukset", t("wg.file.meetings")),
             (activity, "tyoryhmien-aktiivisuus", t("wg.file.activity")))
    for column, (frame, name, title) in zip(st.columns(2), files):
        lines = [title, *header]
        column.download_button(t("wg.download.csv", what=title), lambda f=frame, h=lines: spreadsheet.csv_bytes(f, h),
                               file_name=f"{name}.csv", mime="text/csv", icon=":material/download:",
                               key=f"wg_csv_{name}")
        column.download_button(
            t("wg.download.excel", what=title), lambda f=frame, h=lines, s=title: spreadsheet.excel_bytes(f, h, s),
            file_name=f"{name}.xlsx", icon=":material/download:", key=f"wg_xlsx_{name}",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# --- the overview tile ------------------------------------------------------------------------------

def headline(store: cache.Store, f: filters.Filters) -> tuple[str, str]:
    """The overview tile: groups on target in the last full year of the period, and who fell short.

    E.g. ("7/8", "ryhmää tavoitteessa 2025. Työikäisten hyvinvointiryhmä: 3 kokousta 2025, tavoite 5–6");
    a dash and the reason when there is nothing to judge. The note is Markdown-safe (stored names
    escaped), ready for `layout.card`.
    """
    now = today()
    act = wg_cache.group_activity(store, f.start_year, f.end_year, f.age_group, now)
    if act["groups"].is_empty():
        return DASH, t("wg.none")
    year = min(f.end_year, now.year - 1)
    if year not in act["years"]:
        return DASH, t("wg.tile.no_year")
    names = group_names(act["groups"], current_language())
    counts = act["counts"]
    summary = metrics.target_summary(counts, year)
    if not summary["with_target"]:
        return DASH, t("wg.tile.no_targets")
    value = f"{summary['on_course']}/{summary['with_target']}"
    short = summary["short"]
    if short.is_empty():
        return value, t("wg.tile.all", year=year)
    note = short_line(short.row(0, named=True), plain(names[short["group_code"][0]]), year)
    if short.height > 1:
        note += " " + t("wg.tile.more", n=short.height - 1)
    return value, t("wg.tile.value_note", year=year) + " " + note
