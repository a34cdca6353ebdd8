"""What the working-groups screen says, in a language given: its words, chart inputs and charts, text
alternatives and tables (no Streamlit: the screen, the slides and the PDF briefing share them).

Numbers and sentences are made here, once, so the charts, their captions, the warnings, the tables and
the overview tile say the same thing in the same words.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import polars as pl

from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_number
from dashboard.core.i18n import localized, translate, translate_n
from dashboard.working_groups import charts, metrics

KIND_TITLES = {"leadership": "wg.kind.leadership", "steering": "wg.kind.steering", "lifecycle": "wg.kind.lifecycle",
               "subgroup": "wg.kind.subgroup"}


def meetings_text(n: int, lang: str) -> str:
    """"1 kokous", "3 kokousta"."""
    return translate_n("wg.meetings", n, lang, n=n)

def target_range(lo: int | None, hi: int | None, lang: str) -> str:
    """"5–6", "5" or "vähintään 5"; a dash without a target."""
    if lo is None and hi is None:
        return DASH
    if hi is None:
        return translate("wg.at_least", lang, n=lo)
    if lo is None:
        return translate("wg.at_most", lang, n=hi)
    return str(lo) if lo == hi else f"{lo}–{hi}"

def target_text(lo: int | None, hi: int | None, lang: str) -> str:
    if lo is None and hi is None:
        return translate("wg.no_target", lang)
    return translate("wg.target", lang, range=target_range(lo, hi, lang))

def percent(value: float | None, lang: str) -> str:
    return DASH if value is None else f"{fmt_number(value * 100, 0, lang)}{NBSP}%"

def status_label(status: str, lang: str) -> str:
    return translate(f"wg.status.{status}", lang)

def short_line(row: dict, name: str, year: int, lang: str) -> str:
    """"Työikäisten hyvinvointiryhmä: 3 kokousta 2025, tavoite 5–6" for a group short of its target."""
    key = "wg.short.behind" if row["status"] == "behind" else "wg.short.below"
    return translate(key, lang, group=name, meetings=meetings_text(row["held"], lang), year=year,
             range=target_range(row["target_meetings_min"], row["target_meetings_max"], lang))

def group_names(groups: pl.DataFrame, lang: str) -> dict[str, str]:
    return {row["code"]: localized(row, "name", lang) for row in groups.iter_rows(named=True)}

def _join_names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return translate("wg.list_and", lang, first=", ".join(names[:-1]), last=names[-1])

def structure(act: dict, year: int, names: dict[str, str], ages: dict[str, str], message: str, lang: str) -> alt.LayerChart:
    tree = act["tree"]
    counts = act["tree_counts"].filter(pl.col("year") == year).select("group_code", "held", "status")
    nodes = tree.join(counts, left_on="code", right_on="group_code", how="left").with_columns(
        pl.col("held").fill_null(0), pl.col("status").fill_null("no_target"))
    rows = []
    for n in nodes.iter_rows(named=True):
        status = n["status"]
        target = target_text(n["target_meetings_min"], n["target_meetings_max"], lang)
        if status in metrics.SHORT:
            target = translate("wg.node.short", lang, range=target_range(n["target_meetings_min"], n["target_meetings_max"], lang))
        rows.append({**n, "name": names[n["code"]], "detail": ages.get(n["age_group_code"] or "", ""),
                     "meetings": translate("wg.node.meetings", lang, meetings=meetings_text(n["held"], lang), year=year),
                     "target_text": target})
    frame = pl.DataFrame(rows, infer_schema_length=None)
    titles = {}
    for (depth,), level in tree.group_by("depth"):
        kinds = set(level["kind"])
        if len(kinds) == 1 and kinds.pop() in KIND_TITLES:
            titles[depth] = translate(KIND_TITLES[level["kind"][0]], lang)
    return charts.structure_chart(frame, dict(sorted(titles.items())), message)

def structure_message(act: dict, year: int, names: dict[str, str], lang: str) -> str:
    tree = act["tree"]
    parents = dict(zip(tree["code"], tree["parent_code"]))
    reports = [translate("wg.alt.reports", lang, group=names[c], parent=names[p]) for c, p in parents.items() if p is not None]
    short = metrics.target_summary(act["counts"], year)["short"]
    tail = (translate("wg.alt.short", lang, groups=_join_names([names[c] for c in short["group_code"]], lang), year=year)
            if short.height else translate("wg.alt.none_short", lang, year=year))
    return translate("wg.alt.structure", lang, n=tree.height, reports="; ".join(reports)) + " " + tail

def year_rows(act: dict, year: int, names: dict[str, str], lang: str) -> pl.DataFrame:
    counts = act["counts"].filter(pl.col("year") == year)
    return counts.with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("status").map_elements(lambda s: status_label(s, lang), return_dtype=pl.Utf8).alias("status_label"),
        pl.struct("held", "scheduled", "target_meetings_min", "target_meetings_max").map_elements(
            lambda r: (f"{r['held']}" + (f"+{r['scheduled']}" if r["scheduled"] else "")
                       + (f" / {target_range(r['target_meetings_min'], r['target_meetings_max'], lang)}"
                          if r["target_meetings_min"] is not None or r["target_meetings_max"] is not None else "")),
            return_dtype=pl.Utf8).alias("label"))

def meetings_year(act: dict, year: int, names: dict[str, str], message: str, lang: str) -> alt.LayerChart:
    labels = {k: translate(f"wg.axis.{k}", lang) for k in ("meetings", "group", "target", "status", "kind")}
    labels.update(own=translate("wg.kind_own", lang), joint=translate("wg.kind_joint", lang), scheduled=translate("wg.kind_scheduled", lang))
    return charts.meetings_chart(year_rows(act, year, names, lang), labels, message)

def meetings_year_message(act: dict, year: int, names: dict[str, str], lang: str) -> str:
    rows = year_rows(act, year, names, lang)
    parts = [translate("wg.alt.group_year", lang, group=r["group"], meetings=meetings_text(r["held"], lang), joint=r["joint"],
               target=target_range(r["target_meetings_min"], r["target_meetings_max"], lang),
               status=status_label(r["status"], lang).lower()) for r in rows.iter_rows(named=True)]
    return translate("wg.alt.meetings", lang, year=year) + " " + "; ".join(parts) + "."

def history_rows(act: dict, names: dict[str, str], lang: str) -> pl.DataFrame:
    return act["counts"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("status").map_elements(lambda s: status_label(s, lang), return_dtype=pl.Utf8).alias("status_label"),
        pl.when(pl.col("joint") > 0).then(pl.col("joint").map_elements(lambda n: translate("wg.joint_short", lang, n=n),
                                                                        return_dtype=pl.Utf8))
        .otherwise(pl.lit("")).alias("joint_text"))

def meetings_history(act: dict, names: dict[str, str], message: str, lang: str) -> alt.LayerChart:
    labels = {k: translate(f"wg.axis.{k}", lang) for k in ("meetings", "group", "year", "status")}
    labels["joint"] = translate("wg.kind_joint", lang)
    return charts.meetings_by_year_chart(history_rows(act, names, lang), labels, message)

def meetings_history_message(act: dict, names: dict[str, str], lang: str) -> str:
    rows = history_rows(act, names, lang).filter(pl.col("status") == "below")
    years = act["years"]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if rows.is_empty():
        # The year in progress is not a finished year: say so rather than judge it as one.
        current = act["counts"].filter(pl.col("status").is_in(["in_progress", "behind"]))["year"].unique().to_list()
        if current and years == [max(current)]:
            return translate("wg.alt.history_in_progress", lang, period=span)
        if current:
            return translate("wg.alt.history_ok_current", lang, period=span, year=max(current))
        return translate("wg.alt.history_ok", lang, period=span)
    parts = [f"{r['group']} {r['year']} ({meetings_text(r['held'], lang)})" for r in rows.iter_rows(named=True)]
    return translate("wg.alt.history", lang, period=span, short="; ".join(parts))

def attendance_rows(act: dict, names: dict[str, str], lang: str) -> pl.DataFrame:
    counts = act["counts"]
    own = counts.select(pl.col("group_code").replace_strict(names).alias("group"), "year", "attendance",
                        pl.lit(False).alias("is_total"))
    total = metrics.attendance_by_year(counts).select(pl.lit(translate("wg.all_groups", lang)).alias("group"), "year",
                                                      "attendance", pl.lit(True).alias("is_total"))
    return pl.concat([own, total]) if own["group"].n_unique() > 1 else own

def attendance(act: dict, names: dict[str, str], message: str, lang: str) -> alt.Chart:
    labels = {k: translate(f"wg.axis.{k}", lang) for k in ("year", "attendance", "group")}
    return charts.attendance_chart(attendance_rows(act, names, lang), labels, message)

def attendance_message(act: dict, year: int, names: dict[str, str], lang: str) -> str:
    counts = act["counts"]
    by_year = metrics.attendance_by_year(counts).drop_nulls("attendance")
    if by_year.is_empty():
        return translate("wg.alt.attendance_none", lang)
    first, last = by_year.row(0, named=True), by_year.row(-1, named=True)
    own = counts.filter(pl.col("year") == year).drop_nulls("attendance").sort("attendance")
    if first["year"] == last["year"]:  # one year: said once, not "2026 91 %, 2026 91 %"
        text = translate("wg.alt.attendance_one", lang, year=last["year"], rate=percent(last["attendance"], lang))
    else:
        text = translate("wg.alt.attendance", lang, first_year=first["year"], first=percent(first["attendance"], lang),
                         last_year=last["year"], last=percent(last["attendance"], lang))
    if own.height > 1:
        low = own.row(0, named=True)
        text += " " + translate("wg.alt.attendance_low", lang, year=year, group=names[low["group_code"]],
                        rate=percent(low["attendance"], lang))
    return text

def vacancy_text(row: dict, names: dict[str, str], seat_names: dict[str, str], lang: str) -> str:
    """"Ikääntyneiden hyvinvointiryhmä – Järjestöt: vapaana 1/2"."""
    return translate("wg.vacant", lang, group=names.get(row["group_code"], row["group_code"]),
             seat=seat_names.get(row["seat_type"], row["seat_type"]), n=row["vacant"],
             required=row["seats_required"])

def seat_rows(act: dict, names: dict[str, str], seat_names: dict[str, str], lang: str) -> pl.DataFrame:
    return act["seats"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("seat_type").replace_strict(seat_names, default=pl.col("seat_type")).alias("seat"),
        pl.format("{}/{}", "seats_filled", "seats_required").alias("filled_text"),
        pl.when(pl.col("vacant") > 0).then(pl.col("vacant").map_elements(lambda n: translate("wg.vacant_short", lang, n=n),
                                                                          return_dtype=pl.Utf8))
        .otherwise(pl.lit("")).alias("vacant_text"))

def seats(act: dict, names: dict[str, str], seat_names: dict[str, str], message: str, lang: str) -> alt.LayerChart:
    labels = {k: translate(f"wg.axis.{k}", lang) for k in ("group", "seat", "required", "filled")}
    return charts.seats_chart(seat_rows(act, names, seat_names, lang), labels, message)

def seats_message(act: dict, names: dict[str, str], seat_names: dict[str, str], lang: str) -> str:
    vacant = metrics.vacancies(act["seats"])
    total = act["seats"]
    base = translate("wg.alt.seats", lang, filled=total["seats_filled"].sum(), required=total["seats_required"].sum())
    if vacant.is_empty():
        return base + " " + translate("wg.alt.seats_full", lang)
    parts = [vacancy_text(v, names, seat_names, lang) for v in vacant.iter_rows(named=True)]
    return base + " " + translate("wg.alt.seats_vacant", lang, vacant="; ".join(parts))

def topic_rows(act: dict, names: dict[str, str], areas: dict[str, str], lang: str) -> pl.DataFrame:
    # Narrower columns, shorter lines: a 1280 px screen gives the table about 540 px (7 px a character).
    width = max(10, min(24, 75 // max(1, len(areas))))
    headings = {code: charts.wrap(name, width) for code, name in areas.items()}
    return act["topics"].with_columns(
        pl.col("group_code").replace_strict(names).alias("group"),
        pl.col("priority_area_code").replace_strict(areas, default=pl.col("priority_area_code")).alias("area"),
        pl.col("priority_area_code").map_elements(lambda c: headings.get(c, [c]),
                                                  return_dtype=pl.List(pl.Utf8)).alias("heading"))

def topics(act: dict, names: dict[str, str], areas: dict[str, str], message: str, lang: str) -> alt.LayerChart:
    labels = {k: translate(f"wg.axis.{k}", lang) for k in ("group", "area", "items")}
    return charts.topics_chart(topic_rows(act, names, areas, lang), labels, message)

def topics_message(act: dict, names: dict[str, str], areas: dict[str, str], period: str, lang: str) -> str:
    matrix = act["topics"]
    gaps = metrics.uncovered_areas(matrix)
    if gaps:
        text = translate("wg.alt.topics_gap", lang, period=period, areas=_join_names([areas.get(a, a) for a in gaps], lang))
    else:
        text = translate("wg.alt.topics_all", lang, period=period)
    empty = metrics.empty_cells(matrix).filter(~pl.col("priority_area_code").is_in(gaps))
    if empty.height:
        by_group = empty.group_by("group_code", maintain_order=True).agg("priority_area_code")
        parts = [translate("wg.alt.topics_group_gap", lang, group=names[r["group_code"]],
                   areas=_join_names([areas.get(a, a) for a in r["priority_area_code"]], lang))
                 for r in by_group.iter_rows(named=True)]
        text += " " + translate("wg.alt.topics_cells", lang, cells="; ".join(parts))
    return text

def clock(items: pl.DataFrame, year: int, now: date, lang: str, message: str) -> alt.LayerChart:
    sectors = metrics.clock_sectors(items, now, year)
    titles = {row["id"]: localized(row, "title", lang) for row in items.iter_rows(named=True)}
    months = [translate(f"wg.month.{m}", lang) for m in range(1, 13)]
    data = sectors.with_columns(
        pl.col("id").replace_strict(titles, default="").alias("title"),
        pl.col("status").map_elements(lambda s: translate(f"wg.clock.status.{s}", lang), return_dtype=pl.Utf8).alias("status_label"),
        pl.col("month").map_elements(lambda m: months[m - 1], return_dtype=pl.Utf8).alias("month_name"))
    done = items.filter(pl.col("status") == "done").height
    centre = [str(year), translate("wg.clock.centre", lang, done=done, total=items.height)]
    labels = {"month": translate("wg.axis.month", lang), "item": translate("wg.axis.item", lang), "status": translate("wg.axis.status", lang)}
    return charts.clock_chart(data, [translate(f"wg.month_short.{m}", lang) for m in range(1, 13)], centre, labels, message)

def clock_message(items: pl.DataFrame, year: int, now: date, lang: str) -> str:
    done = items.filter(pl.col("status") == "done").height
    text = translate("wg.alt.clock", lang, year=year, done=done, total=items.height)
    nxt = metrics.next_clock_items(items, now, year, limit=1)
    if nxt.height:
        row = nxt.row(0, named=True)
        text += " " + translate("wg.alt.clock_next", lang, month=translate(f"wg.month.{row['month']}", lang), item=localized(row, "title", lang))
    return text

def meeting_table(meetings: pl.DataFrame, names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """Meetings with translated headers: raw values for the downloads, the screen's format when `formatted`."""
    yes, no = translate("wg.yes", lang), translate("wg.no", lang)
    frame = meetings.select(
        pl.col("meeting_date").map_elements(lambda d: fmt_date(d, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("meeting_date"),
        pl.col("group_code").replace_strict(names, default=pl.col("group_code")),
        pl.when(pl.col("is_joint")).then(pl.lit(yes)).otherwise(pl.lit(no)),
        "members_invited", "members_present",
        pl.col("attendance").map_elements(lambda v: percent(v, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("attendance"))
    return frame.rename(dict(zip(frame.columns, [translate(f"wg.col.{c}", lang) for c in (
        "date", "group", "joint", "invited", "present", "attendance")])))

def activity_table(act: dict, names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """Per group and year: meetings, joint, scheduled, target, status, attendance."""
    counts = act["counts"]
    statuses = {s: status_label(s, lang) for s in counts["status"].unique()}
    frame = counts.select(
        pl.col("group_code").replace_strict(names, default=pl.col("group_code")), "year", "held", "joint",
        "scheduled",
        pl.struct("target_meetings_min", "target_meetings_max").map_elements(
            lambda r: target_range(r["target_meetings_min"], r["target_meetings_max"], lang), return_dtype=pl.Utf8),
        pl.col("status").replace_strict(statuses, return_dtype=pl.Utf8),
        pl.col("attendance").map_elements(lambda v: percent(v, lang), return_dtype=pl.Utf8)
        if formatted else pl.col("attendance"))
    return frame.rename(dict(zip(frame.columns, [translate(f"wg.col.{c}", lang) for c in (
        "group", "year", "meetings", "joint_count", "scheduled", "target", "status", "attendance")])))
