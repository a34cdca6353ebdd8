"""Pieces of the participation screen: page-level choices, figures as text, frames for the map and charts.

Numbers are formatted here, once, so the map's tooltips, the charts, the tables, the downloads and
the overview's tile say the same thing; a suppressed figure (participation_metrics.suppress) is
always written "< 5", never as the number.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import url_state
from dashboard.participation import charts
from dashboard.participation import metrics
from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_number, plain
from dashboard.core.i18n import current_language, localized, t, translate
from dashboard.participation.view import count_text, reach_number, reach_text  # noqa: F401 - the widgets' API
from data_pipeline.registers import EVENT_TYPES

TYPES_KEY, LEVELS_KEY, DEPARTMENTS_KEY = "ptype", "plevel", "pdept"
EVENTS_KEY, DISTRICT_KEY = "pevents", "pdistrict"
# The map's widget key carries a generation: choosing a district in the selectbox starts a new
# generation, so the map's own click selection (which dims the other districts) never disagrees
# with the panel.
MAP_GENERATION = "pmap_generation"
_SEEN_DISTRICT = "pdistrict_sidebar"


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
    """A sentence about `n` things: the `.one` text for one, else the plural with {events}/{count}."""
    if n == 1:
        return t(f"{key}.one", **fmt)
    number = fmt_number(n, 0, lang)
    return t(key, events=number, count=number, **fmt)


def vega_locale(lang: str) -> dict:
    """Number format for the charts' axes: `1 234,5` and `45 %` in Finnish and Swedish."""
    if lang == "en":
        return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}
    return {"decimal": ",", "thousands": NBSP, "grouping": [3], "currency": ["", f"{NBSP}€"], "percent": f"{NBSP}%",
            "minus": "\u2212"}


def share_text(value: float | None, lang: str) -> str:
    return DASH if value is None else f"{fmt_number(value * 100, 0, lang)}{NBSP}%"


def type_label(code: str) -> str:
    return t(f"part.type.{code}")


def level_label(code: str) -> str:
    return t(f"part.level.{code}")


# --- page-level choices, kept in the URL ----------------------------------------------------------

def _codes(allowed: tuple[str, ...]):
    def parse(raw: str) -> list[str]:
        chosen = [c for c in raw.split(",") if c]
        if not chosen or any(c not in allowed for c in chosen):
            raise ValueError(f"{raw!r} is not a list of {allowed}")
        return [c for c in allowed if c in chosen]

    return parse


def choices(store: cache.Store) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Event types, levels and departments to narrow to (an empty choice means all)."""
    lang = current_language()
    departments = {d["code"]: localized(d, "name", lang) for d in cache.participation_departments(store).to_dicts()}
    # Labels by lookup, so an unknown value raises instead of turning into a made-up label.
    offers = ((TYPES_KEY, EVENT_TYPES, {c: type_label(c) for c in EVENT_TYPES}, "part.filter.types"),
              (LEVELS_KEY, metrics.LEVELS, {c: level_label(c) for c in metrics.LEVELS}, "part.filter.levels"),
              (DEPARTMENTS_KEY, tuple(departments), departments, "part.filter.departments"))
    for key, allowed, _label, _title in offers:
        rejected = url_state.seed_from_url(key, _codes(allowed))
        if rejected is not None:
            st.warning(t("filters.invalid", param=key, value=plain(rejected), default=t("part.filter.all")),
                       icon=":material/link_off:")
        st.session_state.setdefault(key, [])
    narrowed = sum(1 for key, *_ in offers if st.session_state[key])
    # Folded away unless in use: on a 720-pixel projector the map should show without scrolling.
    title = t("part.filter.title") + (f" ({narrowed})" if narrowed else "")
    picked = []
    with st.expander(title, expanded=bool(narrowed), icon=":material/filter_list:"):
        for column, (key, allowed, label, title) in zip(st.columns(3), offers):
            column.multiselect(t(title), allowed, key=key, format_func=label.__getitem__,
                               placeholder=t("part.filter.all"))
            chosen = tuple(c for c in allowed if c in st.session_state[key])
            url_state.write_to_url(key, ",".join(chosen), "")
            picked.append(chosen)
    return picked[0], picked[1], picked[2]


def show_events() -> bool:
    """The map's events toggle, kept in the URL as `pevents=1`.

    Off by default: on a projector the districts' colours are the message, and hundreds of points
    would hide them.
    """
    url_state.seed_or_warn(EVENTS_KEY, lambda raw: {"1": True, "0": False}[raw] if raw in ("0", "1")
                           else _raise(raw), "0")
    st.session_state.setdefault(EVENTS_KEY, False)
    st.checkbox(t("part.show_events"), key=EVENTS_KEY)
    url_state.write_to_url(EVENTS_KEY, "1" if st.session_state[EVENTS_KEY] else "0", "0")
    return st.session_state[EVENTS_KEY]


def _raise(raw: str):
    raise ValueError(raw)


def seed_district(codes: tuple[str, ...], f: filters.Filters) -> str | None:
    """The district shown in detail, before anything is drawn: `?pdistrict=`, a map click (see
    on_map_select), the selectbox, or the sidebar's district when it is chosen or changed (a link's
    own `pdistrict` wins on arrival)."""
    rejected = url_state.seed_from_url(DISTRICT_KEY, url_state.one_of(codes))
    if rejected is not None:
        st.warning(t("filters.invalid", param=DISTRICT_KEY, value=plain(rejected), default=t("part.district.none")),
                   icon=":material/link_off:")
    if _SEEN_DISTRICT not in st.session_state:
        st.session_state[_SEEN_DISTRICT] = f.district
        if DISTRICT_KEY not in st.session_state and f.district in codes:
            st.session_state[DISTRICT_KEY] = f.district
    elif st.session_state[_SEEN_DISTRICT] != f.district:
        st.session_state[_SEEN_DISTRICT] = f.district
        if f.district in codes:
            st.session_state[DISTRICT_KEY] = f.district
            new_map_generation()
    if st.session_state.get(DISTRICT_KEY) not in (None, *codes):
        st.session_state[DISTRICT_KEY] = None  # a district the store no longer has
    st.session_state.setdefault(DISTRICT_KEY, None)
    return st.session_state[DISTRICT_KEY]


def district_picker(codes: tuple[str, ...], names: dict[str, str]) -> str | None:
    """The selectbox of the district in detail, kept in the URL as `pdistrict`."""
    chosen = st.selectbox(t("part.district.select"), (None, *codes), key=DISTRICT_KEY, on_change=new_map_generation,
                          format_func=lambda c: t("part.district.none") if c is None else names.get(c, c),
                          placeholder=t("part.district.none"))
    url_state.write_to_url(DISTRICT_KEY, chosen, None)
    return chosen


def new_map_generation() -> None:
    st.session_state[MAP_GENERATION] = st.session_state.get(MAP_GENERATION, 0) + 1


def close_district() -> None:
    st.session_state[DISTRICT_KEY] = None
    new_map_generation()


def map_key() -> str:
    return f"pmap_{st.session_state.get(MAP_GENERATION, 0)}"


def picked_district(selection: dict | None) -> str | None:
    """The district a map click chose: a district itself, or the district of a clicked event."""
    objects = ((selection or {}).get("selection") or {}).get("objects") or {}
    for feature in objects.get(charts.LAYER_DISTRICTS) or []:
        return (feature.get("properties") or {}).get("code")
    for event in objects.get(charts.LAYER_EVENTS) or []:
        return event.get("district")
    return None


def on_map_select(key: str) -> None:
    """Open the clicked district in the panel (a click on empty ground keeps the current one)."""
    code = picked_district(st.session_state.get(key))
    if code is not None:
        st.session_state[DISTRICT_KEY] = code


# --- the map ------------------------------------------------------------------------------------

def district_frame(view: dict, names: dict[str, str], lang: str) -> pl.DataFrame:
    """The districts with their names and tooltip lines, for the map (and the ranked chart)."""
    rows = []
    for row in view["districts"].iter_rows(named=True):
        lines = [translate("part.tip.reach", lang, value=per_1000(row, lang)),
                 translate("part.tip.participants", lang, value=count_text(row["participants"], lang)),
                 translate("part.tip.events", lang, value=fmt_number(row["events"], 0, lang))]
        if row["population"] is not None:
            lines.append(translate("part.tip.residents", lang, value=fmt_number(row["population"], 0, lang)))
        if row["low"]:
            lines.append(translate("part.tip.low", lang))
        rows.append({**row, "name": names.get(row["district_code"], row["district_code"]),
                     "code": row["district_code"], "tip_title": names.get(row["district_code"], row["district_code"]),
                     "tip_lines": lines, "text": chart_figure(row, lang)})
    return pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame(
        schema={"code": pl.Utf8, "name": pl.Utf8, "reach": pl.Float64, "suppressed": pl.Boolean, "low": pl.Boolean,
                "text": pl.Utf8, "tip_title": pl.Utf8, "tip_lines": pl.List(pl.Utf8)})


def event_points(events: pl.DataFrame, centroids: dict[str, tuple[float, float]], departments: dict[str, str],
                 lang: str) -> tuple[pl.DataFrame, int]:
    """Events with a place (their own, else their district's centre) and tooltip lines; and how many
    have no place at all (municipality-wide events without coordinates)."""
    # Hundreds of events: look each text up once, not per event (t() reads the session each call).
    text = {key: translate(f"part.tip.{key}", lang) for key in ("type", "level", "department", "participants")}
    types = {code: type_label(code) for code in EVENT_TYPES}
    levels = {code: level_label(code) for code in metrics.LEVELS}
    small = translate("part.small", lang)
    rows, unplaced = [], 0
    for e in events.iter_rows(named=True):
        lon, lat = e["lon"], e["lat"]
        if (lon is None or lat is None) and e["district_code"] in centroids:
            lon, lat = centroids[e["district_code"]]
        if lon is None or lat is None:
            unplaced += 1
            continue
        count = small if e["participants"] is None else fmt_number(e["participants"], 0, lang)
        rows.append({"lon": lon, "lat": lat, "participants": e["participants"], "district": e["district_code"],
                     "tip_title": e["title"],
                     "tip_lines": [fmt_date(e["event_date"], lang),
                                   text["type"].format(value=types.get(e["event_type"], e["event_type"])),
                                   text["level"].format(value=levels.get(e["level"], e["level"])),
                                   text["department"].format(value=departments.get(e["department_code"],
                                                                                   e["department_code"])),
                                   text["participants"].format(value=count)]})
    schema = {"lon": pl.Float64, "lat": pl.Float64, "participants": pl.Int64, "district": pl.Utf8,
              "tip_title": pl.Utf8, "tip_lines": pl.List(pl.Utf8)}
    return pl.DataFrame(rows, schema=schema), unplaced


def map_view(geo: dict, view: dict, events: pl.DataFrame | None, frame: pl.DataFrame, centroids: dict[str, tuple[float, float]],
             departments: dict[str, str], show_events: bool, selected: str | None, lang: str) -> dict:
    """The reach map ready to draw (cached by dashboard.core.cache per filters, language, toggle and choice):
    deck (charts.FrozenDeck), legend (Vega-Lite spec), alt (its text alternative), unplaced (events
    not drawn for want of a place). `events` (participation_metrics.events_of) only when shown."""
    alt, unplaced, points = map_alt(frame, lang), 0, None
    if show_events:
        points, unplaced = event_points(events, centroids, departments, lang)
        alt += " " + translate("part.alt.events", lang, count=fmt_number(points.height, 0, lang))
    deck = charts.reach_deck(geo, frame, points, view["breaks"], selected=selected, description=alt)
    entries, extras = legend_entries(view["breaks"], frame, lang)
    return {"deck": charts.FrozenDeck(deck), "legend": charts.legend(entries, legend_alt(entries, extras), extras),
            "alt": alt, "unplaced": unplaced}


def ranked_chart(view: dict, frame: pl.DataFrame, lang: str) -> dict:
    """The districts ranked by reach, with the "barely reached" threshold (Vega-Lite spec)."""
    threshold = view["median"] * metrics.LOW_REACH_SHARE if view["median"] is not None else None
    labels = {"reach": t("part.axis.reach"), "district": t("part.axis.district"), "threshold": t("part.threshold")}
    return charts.ranked_reach(frame, labels, map_alt(frame, lang, "part.alt.ranked"), threshold, vega_locale(lang))


def legend_entries(breaks: list[float], frame: pl.DataFrame,
                   lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(colour, label) for each reach class; and (fill, outline, label) for the other marks on the
    map that occur: fewer than 5 participants, no population figure, barely reached (outline)."""
    colours = charts.class_colours(len(breaks) + 1)
    if not breaks:
        labels = [t("part.filter.all")]
    else:
        labels = [f"< {reach_number(breaks[0], lang)}",
                  *(f"{reach_number(lo, lang)}–{reach_number(hi, lang)}" for lo, hi in zip(breaks, breaks[1:])),
                  f"≥ {reach_number(breaks[-1], lang)}"]
    extras = []
    if frame.height and frame["suppressed"].any():
        extras.append((charts.SUPPRESSED_FILL, charts.OUTLINE, t("part.legend.suppressed")))
    if frame.height and (frame["reach"].is_null() & ~frame["suppressed"]).any():
        extras.append((charts.NO_DATA_FILL, charts.OUTLINE, t("part.legend.no_data")))
    if frame.height and (frame["low"] & ~frame["suppressed"]).any():
        extras.append(("#FFFFFF", charts.LOW_OUTLINE, t("part.col.low")))
    return list(zip(colours, labels)), extras


def legend_alt(entries: list[tuple[str, str]], extras: list[tuple[str, str, str]]) -> str:
    labels = [label for _colour, label in entries] + [label for _fill, _line, label in extras]
    return t("part.legend.alt", classes=", ".join(labels))


def extremes(frame: pl.DataFrame) -> tuple[dict, dict] | None:
    """The best- and least-reached districts (a suppressed one counts as least reached)."""
    judged = frame.filter(pl.col("reach").is_not_null() | pl.col("suppressed"))
    if judged.is_empty():
        return None
    ordered = judged.with_columns(pl.when(pl.col("suppressed")).then(-1.0).otherwise(pl.col("reach")).alias("_k")) \
        .sort("_k", "name", descending=[True, False])
    return ordered.row(0, named=True), ordered.row(-1, named=True)


def map_alt(frame: pl.DataFrame, lang: str, key: str = "part.alt.map") -> str:
    """"Highest reach: Niittykylä, 844 per 1,000 residents. Lowest: Metsälä, 3,5 per 1,000 residents."""
    ends = extremes(frame)
    if ends is None:
        return t("part.legend.no_data")
    top, low = ends
    return t(key, top=top["name"], top_value=per_1000(top, lang), low=low["name"], low_value=per_1000(low, lang))


def low_line(frame: pl.DataFrame, median: float | None, lang: str) -> str | None:
    """Names the barely reached districts (or says every one is reached), with the median's level."""
    if median is None:
        return None
    low = frame.filter(pl.col("low")).sort("name")["name"].to_list()
    level = t("part.per_1000", value=reach_number(median, lang))
    if not low:
        return t("part.low_none", median=level)
    return t("part.low_named", median=level, names=", ".join(low))


# --- frames for the charts, with display labels and formatted figures -----------------------------

def _texts(frame: pl.DataFrame, text) -> pl.Series:
    # A plain loop, not map_elements: t() reads the session's language, which a polars worker
    # thread does not see.
    return pl.Series([text(row) for row in frame.iter_rows(named=True)], dtype=pl.Utf8)


def age_bars(by_age: pl.DataFrame, age_names: dict[str, str], lang: str) -> pl.DataFrame:
    return by_age.with_columns(
        pl.col("age_group_code").replace_strict(age_names, default=pl.col("age_group_code")).alias("label"),
        _texts(by_age, lambda r: chart_figure(r, lang)).alias("text"))


def age_alt(bars: pl.DataFrame, district: str, lang: str) -> str:
    shown = bars.filter(pl.col("reach").is_not_null()).sort("reach", descending=True)
    if shown.is_empty():
        return t("part.alt.age_none", district=district)
    top = shown.row(0, named=True)
    return t("part.alt.age", district=district, age=top["label"], value=per_1000(top, lang))


def trend_lines(quarterly: pl.DataFrame, district: str, lang: str) -> pl.DataFrame:
    return quarterly.with_columns(
        pl.col("series").replace_strict({"district": district, "municipality": t("part.series.municipality")}),
        pl.col("suppressed").alias("hidden"),
        _texts(quarterly, lambda r: t("part.small") if r["suppressed"] else reach_number(r["reach"], lang))
        .alias("text"))


def trend_alt(trend: pl.DataFrame, district: str) -> str:
    """The latest quarter's reach for the district and the whole municipality."""
    if trend.is_empty():
        return t("part.district.no_events")
    last = trend["quarter"][-1]
    latest = trend.filter(pl.col("quarter") == last)
    at_last = {r["series"] == district: r["text"] for r in latest.iter_rows(named=True)}
    return t("part.alt.trend", district=district, last=last, value=at_last.get(True, DASH),
             whole=at_last.get(False, DASH))


def level_bars(levels: pl.DataFrame, lang: str) -> pl.DataFrame:
    return levels.with_columns(
        pl.col("level").replace_strict({lv: level_label(lv) for lv in metrics.LEVELS}).alias("label"),
        _texts(levels, lambda r: t("part.small") if r["participants"] is None else share_text(r["share"], lang))
        .alias("text"),
        _texts(levels, lambda r: t("part.small") if r["participants"] is None else
               f"{count_text(r['participants'], lang)} ({share_text(r['share'], lang)})").alias("detail"))


def levels_alt(bars: pl.DataFrame, lang: str) -> str:
    shown = bars.filter(pl.col("participants").is_not_null()).sort("participants", descending=True)
    if shown.is_empty():
        return t("part.no_events")
    most, least = shown.row(0, named=True), shown.row(-1, named=True)
    return t("part.alt.levels", level=most["label"], share=share_text(most["share"], lang),
             least=least["label"], least_share=share_text(least["share"], lang))


def type_bars(types: pl.DataFrame, lang: str) -> pl.DataFrame:
    return types.with_columns(
        _texts(types, lambda r: type_label(r["event_type"])).alias("label"),
        _texts(types, lambda r: chart_figure(r, lang)).alias("text"))


def types_alt(bars: pl.DataFrame, lang: str) -> str:
    shown = bars.filter(pl.col("reach").is_not_null())
    if shown.is_empty():
        return t("part.no_events")
    top = shown.row(0, named=True)
    return t("part.alt.types", type=top["label"], value=per_1000(top, lang))


def department_level_bars(adoption: pl.DataFrame) -> pl.DataFrame:
    """Each department's events by level (display labels, the model's order) for the stacked bars."""
    order = {lv: i for i, lv in enumerate(metrics.LEVELS)}
    return (metrics.department_levels(adoption).join(adoption.select("department_code", "name"), on="department_code")
            .with_columns(pl.col("level").replace_strict(order).alias("order"),
                          pl.col("level").replace_strict({lv: level_label(lv) for lv in metrics.LEVELS})))


def department_levels_alt(bars: pl.DataFrame, lang: str) -> str:
    deep = (bars.filter(pl.col("order") >= 2).group_by("name").agg(pl.col("share").sum())
            .filter(pl.col("share") > 0).sort("share", "name", descending=[True, False]))
    if deep.is_empty():
        return t("part.no_events")
    return t("part.alt.dept_levels", top=deep["name"][0], share=share_text(deep["share"][0], lang))


def adoption_alt(adoption: pl.DataFrame, lang: str) -> str:
    known = adoption.filter(pl.col("share").is_not_null()).sort("share", "name", descending=[True, False])
    if known.is_empty():
        return t("part.adoption.no_data")
    return t("part.alt.adoption", top=known["name"][0], top_share=share_text(known["share"][0], lang),
             low=known["name"][-1], low_share=share_text(known["share"][-1], lang))


def adoption_line(adoption: pl.DataFrame) -> tuple[str, bool]:
    """Names the lagging departments (bold on screen), or says none lags."""
    lagging = adoption.filter(pl.col("lagging")).sort("name")["name"].to_list()
    if lagging:
        return t("part.adoption.lagging", names=", ".join(lagging)), True
    return t("part.adoption.none_lagging"), False


# --- tables and downloads -----------------------------------------------------------------------

def _headers(*keys: str) -> list[str]:
    return [t(f"part.col.{key}") for key in keys]


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
            yes if row["low"] else no,
        ))
    columns = [translate(f"part.col.{key}", lang)
               for key in ("district", "code", "participants", "events", "population", "reach", "low")]
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def events_table(events: pl.DataFrame, departments: dict[str, str], lang: str) -> pl.DataFrame:
    types = {code: type_label(code) for code in EVENT_TYPES}
    levels = {code: level_label(code) for code in metrics.LEVELS}
    rows = [(fmt_date(e["event_date"], lang), e["title"], types.get(e["event_type"], e["event_type"]),
             levels.get(e["level"], e["level"]), departments.get(e["department_code"], e["department_code"]),
             count_text(e["participants"], lang)) for e in events.iter_rows(named=True)]
    columns = _headers("date", "title", "type", "level", "department", "participants")
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def age_table(by_age: pl.DataFrame, age_names: dict[str, str], lang: str) -> pl.DataFrame:
    rows = [(age_names.get(r["age_group_code"], r["age_group_code"]), count_text(r["participants"], lang),
             fmt_number(r["population"], 0, lang), reach_text(r, lang)) for r in by_age.iter_rows(named=True)]
    columns = _headers("age", "participants", "population", "reach")
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


def adoption_frame(adoption: pl.DataFrame, departments: dict[str, str], lang: str) -> pl.DataFrame:
    """Adoption with display names, the share as text ("44 %") and in detail ("15/34 · 44 %")."""
    units = t("part.units", using="{using}", total="{total}", share="{share}")
    return adoption.with_columns(
        pl.col("department_code").replace_strict(departments, default=pl.col("department_code")).alias("name"),
        _texts(adoption, lambda r: share_text(r["share"], lang)).alias("text"),
        _texts(adoption, lambda r: DASH if r["units_total"] is None else units.format(
            using=r["units_using_model"], total=r["units_total"], share=share_text(r["share"], lang))).alias("detail"))


def adoption_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    yes, no = t("part.yes"), t("part.no")
    rows = [(r["name"], DASH if r["trainings"] is None else fmt_number(r["trainings"], 0, lang),
             DASH if r["year"] is None else str(r["year"]), r["detail"], fmt_number(r["events"], 0, lang),
             *(fmt_number(r[f"events_{lv}"], 0, lang) for lv in metrics.LEVELS), yes if r["lagging"] else no)
            for r in frame.iter_rows(named=True)]
    columns = [*_headers("department", "trainings", "year", "units", "events"),
               *(level_label(lv) for lv in metrics.LEVELS), t("part.col.lagging")]
    return pl.DataFrame(rows, schema={c: pl.Utf8 for c in columns}, orient="row")


# --- the overview's tile ----------------------------------------------------------------------------

def headline(store: cache.Store, f: filters.Filters) -> tuple[str, str]:
    """The overview tile: reach per 1,000 for the period and age group, and a short note.

    Municipality-wide ("557 / 1 000", "1 district barely reached"); for a district chosen in the
    sidebar, that district's reach and rank. A dash when the period has no events. Both texts are
    safe to show as Markdown (a stored district name is escaped).
    """
    lang = current_language()
    view = cache.participation_reach(store, f.start_year, f.end_year, f.age_group)
    unit = f"{NBSP}/{NBSP}1{NBSP}000"
    if view["summary"]["events"] == 0:
        return DASH, t("part.headline.none")
    districts = view["districts"]
    if f.district is not None and f.district in districts["district_code"].to_list():
        names = {d["code"]: localized(d, "name", lang) for d in cache.districts(store).to_dicts()}
        row = districts.filter(pl.col("district_code") == f.district).row(0, named=True)
        place, count = rank(districts, f.district)
        value = reach_text(row, lang) + ("" if row["suppressed"] or row["reach"] is None else unit)
        return value, t("part.headline.district", district=plain(names.get(f.district, f.district)), rank=place,
                        count=count)
    reach = view["summary"]["reach"]
    value = DASH if reach is None else reach_number(reach, lang) + unit
    low = int(districts["low"].sum())
    note = t("part.headline.ok") if low == 0 else (
        t("part.headline.low_one") if low == 1 else t("part.headline.low_many", count=low))
    return value, note


def rank(districts: pl.DataFrame, code: str) -> tuple[int, int]:
    """Rank by reach (1 = best; suppressed districts share the bottom) among districts with figures."""
    judged = districts.filter(pl.col("reach").is_not_null() | pl.col("suppressed")).with_columns(
        pl.when(pl.col("suppressed")).then(-1.0).otherwise(pl.col("reach")).alias("_k"))
    own = judged.filter(pl.col("district_code") == code)
    if own.is_empty():
        return 0, judged.height
    return int((judged["_k"] > own["_k"][0]).sum()) + 1, judged.height
