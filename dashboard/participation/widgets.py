"""Pieces of the participation screen: page-level choices, figures as text, frames for the map and charts.

Numbers are formatted here, once, so the map's tooltips, the charts, the tables, the downloads and
the overview's tile say the same thing; a suppressed figure (participation_metrics.suppress) is
always written "< 5", never as the number.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.core import cache
from dashboard.participation import cache as part_cache
from dashboard.core import filters
from dashboard.core import url_state
from dashboard.participation import charts
from dashboard.participation import metrics
from dashboard.core.formatting import DASH, NBSP, fmt_number, plain
from dashboard.core.i18n import current_language, localized, t
from dashboard.participation.view import count_text, level_label, rank, reach_number, reach_text, type_label
from data_pipeline.inputs.registers import EVENT_TYPES

TYPES_KEY, LEVELS_KEY, DEPARTMENTS_KEY = "ptype", "plevel", "pdept"
EVENTS_KEY, DISTRICT_KEY = "pevents", "pdistrict"
# The map's widget key carries a generation: choosing a district in the selectbox starts a new
# generation, so the map's own click selection (which dims the other districts) never disagrees
# with the panel.
MAP_GENERATION = "pmap_generation"
_SEEN_DISTRICT = "pdistrict_sidebar"


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
    departments = {d["code"]: localized(d, "name", lang) for d in part_cache.participation_departments(store).to_dicts()}
    # Labels by lookup, so an unknown value raises instead of turning into a made-up label.
    offers = ((TYPES_KEY, EVENT_TYPES, {c: type_label(c, lang) for c in EVENT_TYPES}, "part.filter.types"),
              (LEVELS_KEY, metrics.LEVELS, {c: level_label(c, lang) for c in metrics.LEVELS}, "part.filter.levels"),
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


# --- the overview's tile ----------------------------------------------------------------------------

def headline(store: cache.Store, f: filters.Filters) -> tuple[str, str]:
    """The overview tile: reach per 1,000 for the period and age group, and a short note.

    Municipality-wide ("557 / 1 000", "1 district barely reached"); for a district chosen in the
    sidebar, that district's reach and rank. A dash when the period has no events. Both texts are
    safe to show as Markdown (a stored district name is escaped).
    """
    lang = current_language()
    view = part_cache.participation_reach(store, f.start_year, f.end_year, f.age_group)
    unit = f"{NBSP}/{NBSP}1{NBSP}000"
    if view["summary"]["events"] == 0:
        return DASH, t("part.headline.none")
    districts = view["districts"]
    missing = view["without_population"]
    if f.district is not None and f.district in districts["district_code"].to_list():
        names = {d["code"]: localized(d, "name", lang) for d in cache.districts(store).to_dicts()}
        row = districts.filter(pl.col("district_code") == f.district).row(0, named=True)
        if f.district in missing:
            return count_text(row["participants"], lang), t("part.headline.district_unknown",
                                                            district=plain(names.get(f.district, f.district)))
        place, count = rank(districts, f.district)
        value = reach_text(row, lang) + ("" if row["suppressed"] or row["reach"] is None else unit)
        return value, t("part.headline.district", district=plain(names.get(f.district, f.district)), rank=place,
                        count=count)
    low = int(districts["low"].sum())
    if missing and districts.height:
        # Reach unknown (for some districts or all): what can be counted, and why no reach.
        value = f"{fmt_number(int((districts['events'] > 0).sum()), 0, lang)}/{fmt_number(districts.height, 0, lang)}"
        why = (t("part.headline.no_population") if len(missing) == districts.height
               else t("part.headline.some_population", count=fmt_number(len(missing), 0, lang)))
        notes = [t("part.headline.counts"), why]
        if low:
            notes.append(t("part.headline.low_one") if low == 1 else t("part.headline.low_many", count=low))
        return value, ". ".join(notes) + "."
    reach = view["summary"]["reach"]
    value = DASH if reach is None else reach_number(reach, lang) + unit
    note = t("part.headline.ok") if low == 0 else (
        t("part.headline.low_one") if low == 1 else t("part.headline.low_many", count=low))
    return value, note
