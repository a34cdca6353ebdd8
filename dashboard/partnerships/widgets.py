"""The partnerships screen's Streamlit pieces: its own choices (kinds of partnership, the name search,
the knowledge section's priority area), kept in the URL; the partners table with its column settings
and an experiential note's box.

The choices are read before the model is built (`choices`: seeded from the link, checked against what
is on offer) and drawn where the screen has them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.core import cache
from dashboard.core import url_params
from dashboard.core import url_state
from dashboard.core.i18n import current_language, localized, t, translate
from dashboard.core.model import Table
from dashboard.partnerships import metrics
from dashboard.partnerships.view import PARTNER_COLUMN_WIDTHS

# URL parameters of this screen: kinds of partnership (comma-separated codes), the name search,
# the priority area of the knowledge section.
KIND_KEY, SEARCH_KEY, AREA_KEY = "kind", "q", "ngo_area"
SEARCH_MAX = url_params.PARAMS[SEARCH_KEY].max_length  # the link's longest search, the field's too


def choices(store: cache.Store) -> dict:
    """The kinds of partnership (all when none is chosen), the name search and the knowledge section's
    priority area, as `model.build` takes them. Nothing is drawn but a warning about a bad link."""
    url_state.seed_or_warn(KIND_KEY, metrics.KINDS, t("ngo.kind.placeholder"))
    st.session_state.setdefault(KIND_KEY, [])
    url_state.seed_from_url(SEARCH_KEY)  # text, cut to its longest (url_params)
    st.session_state.setdefault(SEARCH_KEY, "")
    lang = current_language()
    areas = {a["code"]: localized(a, "name", lang) for a in cache.priority_areas(store).to_dicts()}
    area = None
    if areas:
        codes = tuple(areas)
        url_state.seed_or_warn(AREA_KEY, codes, areas[codes[0]])
        if st.session_state.get(AREA_KEY) not in codes:
            st.session_state[AREA_KEY] = codes[0]
        area = st.session_state[AREA_KEY]
    kinds = tuple(k for k in metrics.KINDS if k in st.session_state[KIND_KEY])  # one cache entry per set of kinds
    return {"kinds": kinds or metrics.KINDS, "query": st.session_state[SEARCH_KEY], "area": area}


def kinds() -> None:
    """The kind-of-partnership multiselect, kept in the URL as `kind=agreement,grant`; empty = all."""
    chosen = st.multiselect(t("ngo.kind.label"), metrics.KINDS, key=KIND_KEY, help=t("ngo.kind.help"),
                            placeholder=t("ngo.kind.placeholder"), format_func=lambda k: t(f"ngo.kind.{k}"))
    url_state.write_to_url(KIND_KEY, ",".join(k for k in metrics.KINDS if k in chosen), "")


def search() -> None:
    """The partners' name search, kept in the URL as `q`."""
    query = st.text_input(t("ngo.search"), key=SEARCH_KEY, max_chars=SEARCH_MAX, icon=":material/search:")
    url_state.write_to_url(SEARCH_KEY, query.strip(), "")


def area_radio(areas: dict[str, str]) -> None:
    """The knowledge section's priority area, kept in the URL as `ngo_area` (names Markdown-safe)."""
    codes = tuple(areas)
    area = st.radio(t("ngo.knowledge.area"), codes, key=AREA_KEY, horizontal=True, format_func=areas.__getitem__)
    url_state.write_to_url(AREA_KEY, area, codes[0])


def partner_table(table: Table) -> None:
    """The partners, column widths set and grants aligned right like the numbers they are."""
    lang = current_language()
    columns = {translate(f"ngo.col.{key}", lang): st.column_config.TextColumn(
        width=width, alignment="right" if key == "grants" else None)
        for key, width in PARTNER_COLUMN_WIDTHS.items()}
    st.dataframe(table.frame, hide_index=True, width="stretch", column_config=columns, alt=table.title)


def note(text: str, meta: str) -> None:
    """An experiential note in a box, when and by whom beneath (both escaped stored text: view.note_lines)."""
    with st.container(border=True):
        st.markdown(text)
        st.caption(meta)
