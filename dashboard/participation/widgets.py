"""The participation screen's Streamlit pieces: its own choices (kept in the URL), the map's widget and
the district picker. What they show comes from the screen's model (dashboard.participation.model).

The choices are read before the model is built (`choices`: seeded from the link, checked against what
the store offers) and drawn where the screen has them (`narrowing`, the map's events toggle, the
district picker): a widget's value is in session state before its element is drawn.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core import url_state
from dashboard.core.i18n import current_language, localized, t
from dashboard.participation import cache as part_cache
from dashboard.participation import metrics
from dashboard.participation import reach_map as maps
from dashboard.participation.view import level_label, type_label
from data_pipeline.inputs.registers import EVENT_TYPES

TYPES_KEY, LEVELS_KEY, DEPARTMENTS_KEY = "ptype", "plevel", "pdept"
EVENTS_KEY, DISTRICT_KEY = "pevents", "pdistrict"
# The map's widget key carries a generation: choosing a district in the selectbox starts a new
# generation, so the map's own click selection (which dims the other districts) never disagrees
# with the panel.
MAP_GENERATION = "pmap_generation"
_SEEN_DISTRICT = "pdistrict_sidebar"


# --- page-level choices, kept in the URL ----------------------------------------------------------

def _offers(store: cache.Store) -> tuple:
    """(URL key, allowed codes, their labels, i18n key of the widget's label) of each narrowing choice."""
    lang = current_language()
    departments = {d["code"]: localized(d, "name", lang) for d in part_cache.participation_departments(store).to_dicts()}
    # Labels by lookup, so an unknown value raises instead of turning into a made-up label.
    return ((TYPES_KEY, EVENT_TYPES, {c: type_label(c, lang) for c in EVENT_TYPES}, "part.filter.types"),
            (LEVELS_KEY, metrics.LEVELS, {c: level_label(c, lang) for c in metrics.LEVELS}, "part.filter.levels"),
            (DEPARTMENTS_KEY, tuple(departments), departments, "part.filter.departments"))


def choices(store: cache.Store, f: filters.Filters) -> dict:
    """The screen's own choices, as `model.build` takes them: event types, levels and departments to
    narrow to (empty: all), the district in detail and whether the map shows the events.

    Read from the widgets' state (seeded from the link, which is warned about when it names what the
    store does not offer); nothing is drawn but those warnings.
    """
    picked = []
    for key, allowed, _label, _title in _offers(store):
        url_state.seed_or_warn(key, allowed, t("part.filter.all"))
        st.session_state.setdefault(key, [])
        picked.append(tuple(c for c in allowed if c in st.session_state[key]))
    codes = tuple(cache.districts(store)["code"])
    return {"types": picked[0], "levels": picked[1], "departments": picked[2],
            "district": seed_district(codes, f), "show_events": _seed_events()}


def narrowing(store: cache.Store) -> None:
    """The event types, levels and departments to narrow to, in an expander (kept in the URL)."""
    offers = _offers(store)
    narrowed = sum(1 for key, *_ in offers if st.session_state[key])
    # Folded away unless in use: on a 720-pixel projector the map should show without scrolling.
    title = t("part.filter.title") + (f" ({narrowed})" if narrowed else "")
    with st.expander(title, expanded=bool(narrowed), icon=":material/filter_list:"):
        for column, (key, allowed, label, title) in zip(st.columns(3), offers):
            column.multiselect(t(title), allowed, key=key, format_func=label.__getitem__,
                               placeholder=t("part.filter.all"))
            chosen = tuple(c for c in allowed if c in st.session_state[key])
            url_state.write_to_url(key, ",".join(chosen), "")


def _seed_events() -> bool:
    """Whether the map shows the events: its toggle's value, kept in the URL as `pevents=1`.

    Off by default: on a projector the districts' colours are the message, and hundreds of points
    would hide them.
    """
    url_state.seed_or_warn(EVENTS_KEY, None, "0")
    st.session_state.setdefault(EVENTS_KEY, False)
    return st.session_state[EVENTS_KEY]


def events_toggle() -> None:
    """The map's events toggle (its value was read by `choices`)."""
    st.checkbox(t("part.show_events"), key=EVENTS_KEY)
    url_state.write_to_url(EVENTS_KEY, "1" if st.session_state[EVENTS_KEY] else "0", "0")


def seed_district(codes: tuple[str, ...], f: filters.Filters) -> str | None:
    """The district shown in detail, before anything is drawn: `?pdistrict=`, a map click (see
    on_map_select), the selectbox, or the sidebar's district when it is chosen or changed (a link's
    own `pdistrict` wins on arrival)."""
    url_state.seed_or_warn(DISTRICT_KEY, codes, t("part.district.none"))
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


def close_button() -> None:
    """Closes the district in detail."""
    st.button(t("part.close"), on_click=close_district, icon=":material/close:")


def map_key() -> str:
    return f"pmap_{st.session_state.get(MAP_GENERATION, 0)}"


def reach_map(shown: maps.ReachMap) -> None:
    """The reach map: its heading and hint, the events toggle, the map (a click opens a district),
    its legend with the legend's downloads, its text alternative."""
    st.subheader(shown.title, anchor=False)
    st.caption(shown.hint)
    events_toggle()
    key = map_key()
    st.pydeck_chart(shown.deck, height=maps.MAP_HEIGHT, key=key, on_select=partial(on_map_select, key),
                    selection_mode="single-object", alt=shown.alt)
    layout.chart(shown.legend)
    st.caption(shown.caption)
    if shown.unplaced:
        st.caption(shown.unplaced)


def picked_district(selection: dict | None) -> str | None:
    """The district a map click chose: a district itself, or the district of a clicked event."""
    objects = ((selection or {}).get("selection") or {}).get("objects") or {}
    for feature in objects.get(maps.LAYER_DISTRICTS) or []:
        return (feature.get("properties") or {}).get("code")
    for event in objects.get(maps.LAYER_EVENTS) or []:
        return event.get("district")
    return None


def on_map_select(key: str) -> None:
    """Open the clicked district in the panel (a click on empty ground keeps the current one)."""
    code = picked_district(st.session_state.get(key))
    if code is not None:
        st.session_state[DISTRICT_KEY] = code
