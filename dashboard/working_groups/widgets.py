"""The working-groups screen's Streamlit pieces: the year picker, key figures, warnings, charts with their
captions, the clock's next items, downloads and the overview tile (texts from view.py)."""

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
from dashboard.working_groups import metrics
from dashboard.core import spreadsheet
from dashboard.core.downloads import chart as chart_with_downloads
from dashboard.core.formatting import DASH, fmt_number, plain
from dashboard.core.i18n import current_language, localized, t
from dashboard.working_groups.view import group_names, percent, short_line, vacancy_text

YEAR_KEY = "wg_year"  # session-state key and URL parameter of the year looked at


def today() -> date:
    """The screen's today (tests pin it): what counts as held, upcoming and the year in progress."""
    return date.today()


# --- words ------------------------------------------------------------------------------------------

def age_names(store: cache.Store, lang: str) -> dict[str, str]:
    return {row["code"]: localized(row, "name", lang) for row in cache.age_groups(store).iter_rows(named=True)}


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
                note=plain("; ".join(vacancy_text(v, names, seat_names, lang) for v in vacant.iter_rows(named=True)))
                or t("wg.fig.vacant_none"))


def short_of_target(act: dict, year: int, names: dict[str, str]) -> None:
    """Name every selected group short of its meeting target in the year, in words (not only colour)."""
    lang = current_language()
    short = metrics.target_summary(act["counts"], year)["short"]
    if short.is_empty():
        st.success(t("wg.all_on_course", year=year), icon=":material/check_circle:")
        return
    lines = [short_line(row, names[row["group_code"]], year, lang) for row in short.iter_rows(named=True)]
    st.warning(t("wg.short_title") + "\n\n" + "\n".join(f"- {plain(line)}" for line in lines),
               icon=":material/warning:")


# --- charts -----------------------------------------------------------------------------------------

def show_chart(key: tuple, build: Callable[[], alt.TopLevelMixin], message: str, *, stretch: bool = True) -> None:
    """A chart (its spec cached under `key`, which must name everything it shows) and its text alternative."""
    spec = wg_cache.group_chart(key, build)
    chart_with_downloads(spec, f"tyoryhmat-{key[0]}", width="stretch" if stretch else "content")
    st.caption(plain(message))  # it names stored groups: shown as typed, never as Markdown


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
    lang = current_language()
    names = group_names(act["groups"], lang)
    counts = act["counts"]
    summary = metrics.target_summary(counts, year)
    if not summary["with_target"]:
        return DASH, t("wg.tile.no_targets")
    value = f"{summary['on_course']}/{summary['with_target']}"
    short = summary["short"]
    if short.is_empty():
        return value, t("wg.tile.all", year=year)
    note = short_line(short.row(0, named=True), plain(names[short["group_code"][0]]), year, lang)
    if short.height > 1:
        note += " " + t("wg.tile.more", n=short.height - 1)
    return value, t("wg.tile.value_note", year=year) + " " + note
