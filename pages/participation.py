"""Participation reach: a map of reach per 1,000 residents by district, one district in detail,
levels and event types, and how far each department has adopted the participation model."""

from functools import partial

import polars as pl
import streamlit as st

from dashboard.participation import cache as part_cache
from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import filters
from dashboard.core import layout
from dashboard.participation import charts
from dashboard.participation import metrics
from dashboard.participation import view
from dashboard.participation import widgets as w
from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import current_language, localized, t
from dashboard.core.spreadsheet import csv_bytes, excel_bytes


def participation() -> None:
    lang = current_language()
    store = cache.open_store()
    f = filters.current()
    layout.page_header(t("page.participation"), store)
    st.caption(filters.describe(f, store))
    st.markdown(t("participation.lead"))

    narrowing = w.choices(store)
    types, levels, departments = narrowing
    reached = part_cache.participation_reach(store, f.start_year, f.end_year, f.age_group, types, levels, departments)
    shown = part_cache.participation_districts(store, f.start_year, f.end_year, f.age_group, *narrowing, lang)
    names = shown["names"]
    department_names = {d["code"]: localized(d, "name", lang)
                        for d in part_cache.participation_departments(store).to_dicts()}

    if reached["summary"]["events"] == 0:
        st.info(t("part.no_events"), icon=":material/event_busy:")
    else:
        frame = shown["frame"]
        headline_figures(reached, frame, f, lang)
        if not names:
            st.info(t("part.no_districts"), icon=":material/map:")
        else:
            chosen = w.seed_district(tuple(names), f)
            map_column, ranking_column = st.columns([3, 2], gap="large")
            with map_column:
                reach_map(store, f, narrowing, reached, chosen, lang)
            with ranking_column:
                ranking(reached, frame, shown["ranked"], lang)
            if w.district_picker(tuple(names), names) is not None:
                district_detail(store, f, narrowing, reached, frame, chosen, names[chosen], department_names, lang)
            district_table(frame, shown["table"], f, store, lang)
        levels_and_types(reached, lang)
    adoption(store, f, narrowing, department_names, lang)


def headline_figures(reached: dict, frame: pl.DataFrame, f: filters.Filters, lang: str) -> None:
    summary = reached["summary"]
    reach, participants, events, low = st.columns(4)
    layout.card(reach, t("part.metric.reach"), view.reach_number(summary["reach"], lang))
    layout.card(participants, t("part.metric.participants"), fmt_number(summary["participants"], 0, lang))
    layout.card(events, t("part.metric.events"), fmt_number(summary["events"], 0, lang))
    if frame.height and view.reach_unknown(frame):
        # No district can be judged: what is known is where the events were.
        with_events = int((frame["events"] > 0).sum())
        layout.card(low, t("part.metric.with_events"),
                    f"{fmt_number(with_events, 0, lang)}/{fmt_number(frame.height, 0, lang)}")
        st.warning(t("part.no_population", year=f.end_year), icon=":material/groups:")
    else:
        layout.card(low, t("part.metric.low"), fmt_number(int(frame["low"].sum()), 0, lang))
        missing = view.missing_population_line(frame, lang)
        if missing:
            st.warning(plain(missing), icon=":material/groups:")
        elif reached["population_year"] is None:
            st.warning(t("part.no_population", year=f.end_year), icon=":material/groups:")
    notes = [t("part.reach_note", year=reached["population_year"])] if reached["population_year"] else []
    if summary["events_without_district"]:
        notes.append(view.counted("part.no_district_events", summary["events_without_district"], lang,
                               participants=fmt_number(summary["participants_without_district"], 0, lang)))
    st.caption(" ".join([*notes, t("part.suppression_note")]))


def reach_map(store, f: filters.Filters, narrowing: tuple, reached: dict, chosen: str | None, lang: str) -> None:
    unknown = bool(reached["districts"].height) and len(reached["without_population"]) == reached["districts"].height
    st.subheader(t("part.map_counts" if unknown else "part.map"), anchor=False)
    st.caption(t("part.map_hint"))
    show_events = w.show_events()
    drawn = part_cache.participation_map(store, f.start_year, f.end_year, f.age_group, *narrowing, lang, show_events,
                                    chosen)
    key = w.map_key()
    st.pydeck_chart(drawn["deck"], height=charts.MAP_HEIGHT, key=key, on_select=partial(w.on_map_select, key),
                    selection_mode="single-object", alt=drawn["alt"])
    downloads.chart(drawn["legend"], "kartan-selite")
    st.caption(plain(drawn["alt"]))
    if drawn["unplaced"]:
        st.caption(view.counted("part.events_not_drawn", drawn["unplaced"], lang))


def ranking(reached: dict, frame: pl.DataFrame, ranked: dict, lang: str) -> None:
    st.subheader(t("part.ranked_counts" if frame.height and view.reach_unknown(frame) else "part.ranked"),
                 anchor=False)
    downloads.chart(ranked, "tavoittavuus-alueittain")
    st.caption(plain(ranked["description"]))
    line = view.low_line(frame, reached["median"], lang)
    if line:
        st.markdown(f"**{plain(line)}**" if frame["low"].any() else plain(line))


def district_detail(store, f: filters.Filters, narrowing: tuple, reached: dict, frame: pl.DataFrame, code: str,
                    name: str, department_names: dict[str, str], lang: str) -> None:
    """One district: its figures, reach by age group, by quarter against the municipality, its events."""
    detail = part_cache.participation_district(store, f.start_year, f.end_year, f.age_group, *narrowing, code)
    row = frame.filter(pl.col("code") == code).row(0, named=True)
    ages = {g["code"]: localized(g, "name", lang) for g in cache.age_groups(store).to_dicts()}
    with st.container(border=True):
        st.subheader(plain(name), anchor=False)
        unknown = not (row["population"] or 0) > 0
        if unknown:
            st.markdown(t("part.district.summary_unknown", participants=view.count_text(row["participants"], lang),
                          events=fmt_number(row["events"], 0, lang)))
        elif row["suppressed"]:
            st.markdown(t("part.district.summary_small", events=fmt_number(row["events"], 0, lang)))
        else:
            place, count = view.rank(reached["districts"], code)
            st.markdown(plain(t("part.district.summary", participants=view.count_text(row["participants"], lang),
                                events=fmt_number(row["events"], 0, lang), reach=view.per_1000(row, lang),
                                rank=place, count=count)))
        locale = view.vega_locale(lang)
        st.markdown(f"**{t('part.district.by_age')}**")
        # Chart over table, not beside it: age-group names are long ("Personer i arbetsför ålder").
        bars = view.age_bars(detail["by_age"], ages, lang, counts=unknown)
        alt = view.age_alt(bars, name, lang, counts=unknown)
        labels = {"value": t("part.axis.participants" if unknown else "part.axis.reach"), "label": t("part.axis.age")}
        downloads.chart(charts.bars(bars, "participants" if unknown else "reach", labels, alt, sort=False,
                                    locale=locale), f"alue-{code}-ikaryhmat")
        st.caption(plain(alt))
        downloads.table(view.age_table(detail["by_age"], ages, lang), f"alue-{code}-ikaryhmat-taulukko",
                        f"{name}: {t('part.district.by_age')}", width="stretch")
        st.markdown(f"**{t('part.district.trend')}**")
        trend = view.trend_lines(detail["quarterly"], name, lang)
        alt = view.trend_alt(trend, name, lang)
        labels = {"quarter": t("part.axis.quarter"), "reach": t("part.axis.reach"), "series": t("part.axis.series")}
        downloads.chart(charts.quarter_trend(trend, labels, alt, locale), f"alue-{code}-neljannekset")
        st.caption(plain(alt + (" " + t("part.trend_hidden") if trend["hidden"].any() else "")))
        st.markdown(f"**{t('part.district.events')}**")
        events = detail["events"]
        if events.is_empty():
            st.caption(t("part.district.no_events"))
        else:
            downloads.table(view.events_table(events, department_names, lang), f"alue-{code}-tapahtumat",
                            f"{name}: {t('part.district.events')}", width="stretch",
                            height=min(38 + 35 * events.height, 320))
        st.button(t("part.close"), on_click=w.close_district, icon=":material/close:")


def district_table(frame: pl.DataFrame, table: pl.DataFrame, f: filters.Filters, store, lang: str) -> None:
    with st.expander(t("part.file.title"), icon=":material/table:"):
        st.dataframe(table, hide_index=True, width="stretch")
        header = [t("part.file.title"), filters.describe(f, store, markdown=False), t("part.suppression_note")]
        title = t("part.file.title")
        # The files are made when a button is clicked: for thousands of districts, not on every rerun.
        st.download_button(t("part.download"), lambda: csv_bytes(view.districts_table(frame, lang, formatted=False), header),
                           file_name="osallisuus-alueittain.csv", mime="text/csv", icon=":material/download:",
                           on_click="ignore", key="districts_csv")
        st.download_button(t("part.download.excel"),
                           lambda: excel_bytes(view.districts_table(frame, lang, formatted=False), header, title),
                           file_name="osallisuus-alueittain.xlsx", mime=downloads.EXCEL_MIME,
                           icon=":material/download:", on_click="ignore", key="districts_xlsx")


def levels_and_types(reached: dict, lang: str) -> None:
    level_column, type_column = st.columns(2, gap="large")
    with level_column:
        st.subheader(t("part.levels"), anchor=False)
        bars = view.level_bars(reached["levels"], lang)
        alt = view.levels_alt(bars, lang)
        labels = {"value": t("part.axis.participants"), "label": t("part.axis.level")}
        downloads.chart(charts.bars(bars, "participants", labels, alt, sort=False, locale=view.vega_locale(lang)),
                        "osallisuuden-tasot")
        st.caption(plain(alt))
    # Reach by type needs the whole municipality's population: without it, participations by type.
    counts = reached["summary"]["reach"] is None
    with type_column:
        st.subheader(t("part.types_counts" if counts else "part.types"), anchor=False)
        bars = view.type_bars(reached["types"], lang, counts=counts)
        alt = view.types_alt(bars, lang, counts=counts)
        labels = {"value": t("part.axis.participants" if counts else "part.axis.reach"), "label": t("part.axis.type")}
        downloads.chart(charts.bars(bars, "participants" if counts else "reach", labels, alt,
                                    locale=view.vega_locale(lang)), "tapahtumatyypit")
        st.caption(plain(alt))


def adoption(store, f: filters.Filters, narrowing: tuple, department_names: dict[str, str], lang: str) -> None:
    st.subheader(t("part.adoption"), anchor=False)
    st.caption(t("part.adoption.lead"))
    frame = view.adoption_frame(part_cache.participation_adoption(store, f.start_year, f.end_year, *narrowing),
                             department_names, lang)
    if frame.is_empty() or frame["year"].is_null().all():
        st.info(t("part.adoption.no_data"), icon=":material/school:")
        return
    line, bad = view.adoption_line(frame, lang)
    st.markdown(f"**{plain(line)}**" if bad else plain(line))
    # One chart under the other: department names are long, and side by side at 1280 px the bars
    # would have no room.
    alt = view.adoption_alt(frame, lang)
    labels = {"share": t("part.axis.units_share"), "department": t("part.axis.department")}
    downloads.chart(charts.adoption_chart(frame, labels, alt, metrics.LAGGING_SHARE, view.vega_locale(lang)),
                    "osallisuusmallin-kaytto")
    st.caption(plain(alt))
    st.markdown(f"**{t('part.adoption.levels')}**")
    bars = view.department_level_bars(frame, lang)
    alt = view.department_levels_alt(bars, lang)
    labels = {"share": t("part.axis.share"), "department": t("part.axis.department"),
              "level": t("part.axis.level"), "events": t("part.axis.events")}
    downloads.chart(charts.level_mix_by_department(bars, [view.level_label(lv, lang) for lv in metrics.LEVELS],
                                                   labels, alt, view.vega_locale(lang)), "tasot-toimialoittain")
    st.caption(plain(alt))
    downloads.table(view.adoption_table(frame, lang), "osallisuusmallin-kayttoonotto", t("part.adoption.levels"),
                    width="stretch")


participation()
