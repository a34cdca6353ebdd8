"""What the participation screen says, in a language given: figures as text (small counts hidden),
the districts with their tooltip lines and the map's text alternative (the map itself is
reach_map.py), the charts' frames and text alternatives, the tables.

No Streamlit here: the screen, the slides and the PDF briefing (built outside the app) share these, so
each writes the same "< 5" and the same sentences.
"""

from __future__ import annotations

import polars as pl
import pyarrow as pa

from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_number
from dashboard.core.i18n import translate, translate_n
from dashboard.participation import charts, metrics
from data_pipeline.inputs.registers import EVENT_TYPES


def count_text(value: int | None, lang: str) -> str:
    """A participant count, or "< 5" where it is suppressed (null)."""
    return translate("part.small", lang) if value is None else fmt_number(value, 0, lang)


def reach_number(value: float | None, lang: str) -> str:
    """Reach per 1,000 with one decimal under 100 ("3,5"), whole numbers above ("566")."""
    if value is None:
        return DASH
    return fmt_number(value, 1 if value < 100 else 0, lang)


def reach_text(row: dict, lang: str) -> str:
    """A district's (or age group's) reach as a reader sees it: a number, "under 1,9", or a dash."""
    if row.get("suppressed"):
        bound = row.get("reach_bound")
        if bound is None:
            # No population: the reach is unknown, not small ("< 5" is the count's column).
            return DASH if "population" in row else translate("part.small", lang)
        return translate("part.reach_under", lang, value=reach_number(bound, lang))
    return reach_number(row.get("reach"), lang)


# --- figures as text ------------------------------------------------------------------------------

def chart_figure(row: dict, lang: str) -> str:
    """A reach as written at the end of its bar: the number, or "< 5" (participants) where hidden."""
    if row.get("suppressed"):
        return translate("part.small", lang)
    return reach_number(row.get("reach"), lang)


def per_1000(row: dict, lang: str) -> str:
    """"3,5 / 1 000 asukasta", or "alle 5 osallistujaa" for a suppressed figure."""
    if row.get("suppressed"):
        return translate("part.legend.suppressed", lang)
    if row.get("reach") is None:
        return translate("part.legend.no_data", lang)
    return translate("part.per_1000", lang, value=reach_number(row["reach"], lang))


def counted(key: str, n: int, lang: str, **fmt: object) -> str:
    """A sentence about `n` things, in the plural form `n` takes, with {events}/{count} as numbers read."""
    number = fmt_number(n, 0, lang)
    return translate_n(key, n, lang, events=number, count=number, **fmt)


def vega_locale(lang: str) -> dict:
    """Number format for the charts' axes: `1 234,5` and `45 %` in Finnish and Swedish."""
    if lang == "en":
        return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}
    return {"decimal": ",", "thousands": NBSP, "grouping": [3], "currency": ["", f"{NBSP}€"], "percent": f"{NBSP}%",
            "minus": "\u2212"}


def share_text(value: float | None, lang: str) -> str:
    return DASH if value is None else f"{fmt_number(value * 100, 0, lang)}{NBSP}%"


def type_label(code: str, lang: str) -> str:
    return translate(f"part.type.{code}", lang)


def level_label(code: str, lang: str) -> str:
    return translate(f"part.level.{code}", lang)


# --- the districts, as the map and the ranking show them --------------------------------------

def district_frame(view: dict, names: dict[str, str], lang: str) -> pl.DataFrame:
    """The districts with their names and tooltip lines, for the map (and the ranked chart)."""
    districts = view["districts"]
    if districts.is_empty():
        return pl.DataFrame(schema={"code": pl.Utf8, "name": pl.Utf8, "reach": pl.Float64, "suppressed": pl.Boolean,
                                    "low": pl.Boolean, "text": pl.Utf8, "tip_title": pl.Utf8,
                                    "tip_lines": pl.List(pl.Utf8)})
    # Thousands of districts nationally: each text looked up once, the frame built column by column.
    tip = {key: translate(f"part.tip.{key}", lang) for key in ("reach", "participants", "events", "residents")}
    low_line = translate("part.tip.low", lang)
    shown, lines, texts = [], [], []
    for row in districts.iter_rows(named=True):
        own = [tip["reach"].format(value=per_1000(row, lang)),
               tip["participants"].format(value=count_text(row["participants"], lang)),
               tip["events"].format(value=fmt_number(row["events"], 0, lang))]
        if row["population"] is not None:
            own.append(tip["residents"].format(value=fmt_number(row["population"], 0, lang)))
        if row["low"]:
            own.append(low_line)
        shown.append(names.get(row["district_code"], row["district_code"]))
        lines.append(own)
        texts.append(chart_figure(row, lang))
    return districts.with_columns(
        pl.Series("name", shown, pl.Utf8), pl.col("district_code").alias("code"),
        pl.Series("tip_title", shown, pl.Utf8),
        # Through Arrow: polars builds a Series per inner list (thousands) from Python lists.
        pl.Series("tip_lines", pa.array(lines, type=pa.large_list(pa.large_string()))).cast(pl.List(pl.Utf8)),
        pl.Series("text", texts, pl.Utf8))


def ranked_chart(view: dict, frame: pl.DataFrame, lang: str) -> dict:
    """The districts ranked by reach, with the "barely reached" threshold (Vega-Lite spec)."""
    threshold = view["median"] * metrics.LOW_REACH_SHARE if view["median"] is not None else None
    labels = {"reach": translate("part.axis.reach", lang), "district": translate("part.axis.district", lang), "threshold": translate("part.threshold", lang)}
    if frame.height and reach_unknown(frame):
        # No population: the districts by participations (the bar's length), never by a reach of zero.
        none = fmt_number(0, 0, lang)  # no events at all: nothing to protect, and short beside a bar
        counts = frame.with_columns(pl.col("participants").cast(pl.Float64).alias("reach"), pl.lit(False).alias("low"),
                                    _texts(frame, lambda r: none if r["events"] == 0 else
                                           count_text(r["participants"], lang)).alias("text"))
        labels["reach"] = translate("part.axis.participants", lang)
        return charts.ranked_reach(counts, labels, counts_line(frame, lang), None, vega_locale(lang), counts=True)
    known = frame.filter(metrics.HAS_POPULATION) if frame.height else frame
    return charts.ranked_reach(known, labels, map_alt(frame, lang, "part.alt.ranked"), threshold, vega_locale(lang))


def extremes(frame: pl.DataFrame) -> tuple[dict, dict] | None:
    """The best- and least-reached districts (a suppressed one counts as least reached)."""
    if frame.is_empty():
        return None
    judged = frame.filter(metrics.HAS_POPULATION & (pl.col("reach").is_not_null() | pl.col("suppressed")))
    if judged.is_empty():
        return None
    ordered = judged.with_columns(pl.when(pl.col("suppressed")).then(-1.0).otherwise(pl.col("reach")).alias("_k")) \
        .sort("_k", "name", descending=[True, False])
    return ordered.row(0, named=True), ordered.row(-1, named=True)


def map_alt(frame: pl.DataFrame, lang: str, key: str = "part.alt.map") -> str:
    """"Highest reach: Niittykylä, 844 per 1,000 residents. Lowest: Metsälä, 3,5 per 1,000 residents."""
    ends = extremes(frame)
    if ends is None:
        return counts_line(frame, lang) if frame.height else translate("part.legend.no_data", lang)
    top, low = ends
    text = translate(key, lang, top=top["name"], top_value=per_1000(top, lang), low=low["name"],
                     low_value=per_1000(low, lang))
    missing = frame.filter(~metrics.HAS_POPULATION).height
    if missing:
        text += " " + translate("part.population_missing", lang, count=missing, total=frame.height)
    return text


def reach_unknown(frame: pl.DataFrame) -> bool:
    """Whether no district has a population figure: reach cannot be computed at all, only counted."""
    return not frame.filter(metrics.HAS_POPULATION).height


def counts_line(frame: pl.DataFrame, lang: str) -> str:
    """What can be said without population: "Events in 4 of 16 districts. Most participations:
    Asema (60). No events: Harju, ...". A suppressed count never names its district as the most."""
    with_events = frame.filter(pl.col("events") > 0)
    parts = [translate("part.counts", lang, with_events=fmt_number(with_events.height, 0, lang),
                       total=fmt_number(frame.height, 0, lang))]
    shown = with_events.filter(pl.col("participants").is_not_null()).sort("participants", "name",
                                                                          descending=[True, False])
    if shown.height:
        top = shown.row(0, named=True)
        parts.append(translate("part.counts.top", lang, top=top["name"], count=count_text(top["participants"], lang)))
    none = frame.filter(pl.col("events") == 0).sort("name")["name"].to_list()
    if none:
        parts.append(translate("part.counts.none", lang, names=", ".join(none)))
    return " ".join(parts)


def missing_population_line(frame: pl.DataFrame, lang: str) -> str | None:
    """Names the districts without a population figure when some (not all) lack one."""
    missing = frame.filter(~metrics.HAS_POPULATION).sort("name")["name"].to_list()
    if not missing or len(missing) == frame.height:
        return None
    return translate("part.no_population_some", lang, count=len(missing), total=frame.height,
                     names=", ".join(missing), register=translate("register.district_population", lang))


def low_line(frame: pl.DataFrame, median: float | None, lang: str) -> str | None:
    """Names the barely reached districts (or says every one is reached), with the median's level."""
    if median is None:
        return None
    low = frame.filter(pl.col("low")).sort("name")["name"].to_list()
    level = translate("part.per_1000", lang, value=reach_number(median, lang))
    if not low:
        return translate("part.low_none", lang, median=level)
    return translate("part.low_named", lang, median=level, names=", ".join(low))


# --- frames for the charts, with display labels and formatted figures -----------------------------

def _texts(frame: pl.DataFrame, text) -> pl.Series:
    # A plain loop, not map_elements: t() reads the session's language, which a polars worker
    # thread does not see.
    return pl.Series([text(row) for row in frame.iter_rows(named=True)], dtype=pl.Utf8)


def age_bars(by_age: pl.DataFrame, age_names: dict[str, str], lang: str, counts: bool = False) -> pl.DataFrame:
    return by_age.with_columns(
        pl.col("age_group_code").replace_strict(age_names, default=pl.col("age_group_code")).alias("label"),
        _texts(by_age, lambda r: count_text(r["participants"], lang) if counts else chart_figure(r, lang)).alias("text"))


def age_alt(bars: pl.DataFrame, district: str, lang: str, counts: bool = False) -> str:
    value = "participants" if counts else "reach"
    shown = bars.filter(pl.col(value).is_not_null()).sort(value, descending=True)
    if shown.is_empty():
        return translate("part.alt.age_none", lang, district=district)
    top = shown.row(0, named=True)
    if counts:
        return translate("part.alt.age_counts", lang, district=district, age=top["label"],
                         count=count_text(top["participants"], lang))
    return translate("part.alt.age", lang, district=district, age=top["label"], value=per_1000(top, lang))


def trend_lines(quarterly: pl.DataFrame, district: str, lang: str) -> pl.DataFrame:
    return quarterly.with_columns(
        pl.col("series").replace_strict({"district": district, "municipality": translate("part.series.municipality", lang)}),
        pl.col("suppressed").alias("hidden"),
        _texts(quarterly, lambda r: translate("part.small", lang) if r["suppressed"] else reach_number(r["reach"], lang))
        .alias("text"))


def trend_alt(trend: pl.DataFrame, district: str, lang: str) -> str:
    """The latest quarter's reach for the district and the whole municipality."""
    if trend.is_empty():
        return translate("part.district.no_events", lang)
    last = trend["quarter"][-1]
    latest = trend.filter(pl.col("quarter") == last)
    at_last = {r["series"] == district: r["text"] for r in latest.iter_rows(named=True)}
    return translate("part.alt.trend", lang, district=district, last=last, value=at_last.get(True, DASH),
             whole=at_last.get(False, DASH))


def level_bars(levels: pl.DataFrame, lang: str) -> pl.DataFrame:
    return levels.with_columns(
        pl.col("level").replace_strict({lv: level_label(lv, lang) for lv in metrics.LEVELS}).alias("label"),
        _texts(levels, lambda r: translate("part.small", lang) if r["participants"] is None else share_text(r["share"], lang))
        .alias("text"),
        _texts(levels, lambda r: translate("part.small", lang) if r["participants"] is None else
               f"{count_text(r['participants'], lang)} ({share_text(r['share'], lang)})").alias("detail"))


def levels_alt(bars: pl.DataFrame, lang: str) -> str:
    shown = bars.filter(pl.col("participants").is_not_null()).sort("participants", descending=True)
    if shown.is_empty():
        return translate("part.no_events", lang)
    most, least = shown.row(0, named=True), shown.row(-1, named=True)
    return translate("part.alt.levels", lang, level=most["label"], share=share_text(most["share"], lang),
             least=least["label"], least_share=share_text(least["share"], lang))


def type_bars(types: pl.DataFrame, lang: str, counts: bool = False) -> pl.DataFrame:
    """Event types with their reach; with `counts` (reach unknown) their participations, most first."""
    if counts:
        types = types.sort("participants", "event_type", descending=[True, False], nulls_last=True)
    return types.with_columns(
        _texts(types, lambda r: type_label(r["event_type"], lang)).alias("label"),
        _texts(types, lambda r: count_text(r["participants"], lang) if counts else chart_figure(r, lang)).alias("text"))


def types_alt(bars: pl.DataFrame, lang: str, counts: bool = False) -> str:
    shown = bars.filter(pl.col("participants" if counts else "reach").is_not_null())
    if shown.is_empty():
        return translate("part.no_events", lang)
    top = shown.row(0, named=True)
    if counts:
        return translate("part.alt.types_counts", lang, type=top["label"], count=count_text(top["participants"], lang))
    return translate("part.alt.types", lang, type=top["label"], value=per_1000(top, lang))


def department_level_bars(adoption: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Each department's events by level (display labels, the model's order) for the stacked bars."""
    order = {lv: i for i, lv in enumerate(metrics.LEVELS)}
    return (metrics.department_levels(adoption).join(adoption.select("department_code", "name"), on="department_code")
            .with_columns(pl.col("level").replace_strict(order).alias("order"),
                          pl.col("level").replace_strict({lv: level_label(lv, lang) for lv in metrics.LEVELS})))


def department_levels_alt(bars: pl.DataFrame, lang: str) -> str:
    deep = (bars.filter(pl.col("order") >= 2).group_by("name").agg(pl.col("share").sum())
            .filter(pl.col("share") > 0).sort("share", "name", descending=[True, False]))
    if deep.is_empty():
        return translate("part.no_events", lang)
    return translate("part.alt.dept_levels", lang, top=deep["name"][0], share=share_text(deep["share"][0], lang))


def adoption_alt(adoption: pl.DataFrame, lang: str) -> str:
    known = adoption.filter(pl.col("share").is_not_null()).sort("share", "name", descending=[True, False])
    if known.is_empty():
        return translate("part.adoption.no_data", lang)
    return translate("part.alt.adoption", lang, top=known["name"][0], top_share=share_text(known["share"][0], lang),
             low=known["name"][-1], low_share=share_text(known["share"][-1], lang))


def adoption_line(adoption: pl.DataFrame, lang: str) -> tuple[str, bool]:
    """Names the lagging departments (bold on screen), or says none lags."""
    lagging = adoption.filter(pl.col("lagging")).sort("name")["name"].to_list()
    if lagging:
        return translate("part.adoption.lagging", lang, names=", ".join(lagging)), True
    return translate("part.adoption.none_lagging", lang), False


# --- tables and downloads -----------------------------------------------------------------------

def _headers(lang: str, *keys: str) -> list[str]:
    return [translate(f"part.col.{key}", lang) for key in keys]


def districts_table(frame: pl.DataFrame, lang: str, formatted: bool) -> pl.DataFrame:
    """The districts' figures with translated headers: numbers formatted for the screen, raw for the
    download — but a suppressed figure is "< 5" (and its reach "under …") in both. Reads no session
    (the download builds it after the run, when the button is clicked)."""
    yes, no = translate("part.yes", lang), translate("part.no", lang)
    rows = []
    for row in frame.sort("name").iter_rows(named=True):
        shown_as_text = formatted or row["suppressed"]
        rows.append((
            row["name"], row["code"],
            count_text(row["participants"], lang) if shown_as_text else str(row["participants"]),
            fmt_number(row["events"], 0, lang) if formatted else str(row["events"]),
            fmt_number(row["population"], 0, lang) if formatted else (
                None if row["population"] is None else str(row["population"])),
            reach_text(row, lang) if shown_as_text else (None if row["reach"] is None else f"{row['reach']:.1f}"),
            (yes if row["low"] else no) if (row["population"] or 0) > 0 else DASH,
        ))
    columns = [translate(f"part.col.{key}", lang)
               for key in ("district", "code", "participants", "events", "population", "reach", "low")]
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def events_table(events: pl.DataFrame, departments: dict[str, str], lang: str) -> pl.DataFrame:
    types = {code: type_label(code, lang) for code in EVENT_TYPES}
    levels = {code: level_label(code, lang) for code in metrics.LEVELS}
    rows = [(fmt_date(e["event_date"], lang), e["title"], types.get(e["event_type"], e["event_type"]),
             levels.get(e["level"], e["level"]), departments.get(e["department_code"], e["department_code"]),
             count_text(e["participants"], lang)) for e in events.iter_rows(named=True)]
    columns = _headers(lang, "date", "title", "type", "level", "department", "participants")
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def age_table(by_age: pl.DataFrame, age_names: dict[str, str], lang: str) -> pl.DataFrame:
    rows = [(age_names.get(r["age_group_code"], r["age_group_code"]), count_text(r["participants"], lang),
             fmt_number(r["population"], 0, lang), reach_text(r, lang)) for r in by_age.iter_rows(named=True)]
    columns = _headers(lang, "age", "participants", "population", "reach")
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def adoption_frame(adoption: pl.DataFrame, departments: dict[str, str], lang: str) -> pl.DataFrame:
    """Adoption with display names, the share as text ("44 %") and in detail ("15/34 · 44 %")."""
    units = translate("part.units", lang, using="{using}", total="{total}", share="{share}")
    return adoption.with_columns(
        pl.col("department_code").replace_strict(departments, default=pl.col("department_code")).alias("name"),
        _texts(adoption, lambda r: share_text(r["share"], lang)).alias("text"),
        _texts(adoption, lambda r: DASH if r["units_total"] is None else units.format(
            using=r["units_using_model"], total=r["units_total"], share=share_text(r["share"], lang))).alias("detail"))


def adoption_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    yes, no = translate("part.yes", lang), translate("part.no", lang)
    rows = [(r["name"], DASH if r["trainings"] is None else fmt_number(r["trainings"], 0, lang),
             DASH if r["year"] is None else str(r["year"]), r["detail"], fmt_number(r["events"], 0, lang),
             *(fmt_number(r[f"events_{lv}"], 0, lang) for lv in metrics.LEVELS), yes if r["lagging"] else no)
            for r in frame.iter_rows(named=True)]
    columns = [*_headers(lang, "department", "trainings", "year", "units", "events"),
               *(level_label(lv, lang) for lv in metrics.LEVELS), translate("part.col.lagging", lang)]
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def rank(districts: pl.DataFrame, code: str) -> tuple[int, int]:
    """Rank by reach (1 = best; suppressed districts share the bottom) among districts with figures."""
    judged = districts.filter(metrics.HAS_POPULATION & (pl.col("reach").is_not_null() | pl.col("suppressed"))).with_columns(
        pl.when(pl.col("suppressed")).then(-1.0).otherwise(pl.col("reach")).alias("_k"))
    own = judged.filter(pl.col("district_code") == code)
    if own.is_empty():
        return 0, judged.height
    return int((judged["_k"] > own["_k"][0]).sum()) + 1, judged.height
