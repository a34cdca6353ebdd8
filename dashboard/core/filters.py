"""The shared filters (age group, district, period), drawn once in the sidebar and kept in the URL.

Pages never draw filters; they call `filters.current()` and get a frozen `Filters`. The URL
parameters are `age`, `district`, `from` and `to` (codes and years, the same in every language).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.core import cache
from dashboard.core import url_state
from dashboard.core.formatting import fmt_year_range, plain, text_only
from dashboard.core.i18n import current_language, localized, t, translate

ALL = "all"
TREND_YEARS = 6
AGE_KEY, DISTRICT_KEY, FROM_KEY, TO_KEY = "age", "district", "from", "to"


@dataclass(frozen=True)
class Filters:
    """What the user has narrowed the view to; None means "all"."""

    age_group: str | None
    district: str | None
    start_year: int
    end_year: int


@dataclass(frozen=True)
class Choices:
    """What the store offers to filter by, and the view a link without parameters shows."""

    age_groups: tuple[str, ...]
    districts: tuple[str, ...]
    years: tuple[int, ...]
    default_period: tuple[int, int]

    def allowed(self, key: str) -> tuple:
        """What a link's `key` may say: the codes or years on offer."""
        return {AGE_KEY: (ALL, *self.age_groups), DISTRICT_KEY: (ALL, *self.districts),
                FROM_KEY: self.years, TO_KEY: self.years}[key]

    def default(self, key: str) -> str | int:
        return {AGE_KEY: ALL, DISTRICT_KEY: ALL,
                FROM_KEY: self.default_period[0], TO_KEY: self.default_period[1]}[key]


def choices(store: cache.Store) -> Choices:
    """The filter options in the store; the default period is the plan's, within the data's years."""
    span = cache.year_span(store) or (0, 0)
    muni = cache.municipality(store).to_dicts()
    plan = (muni[0]["plan_start_year"], muni[0]["plan_end_year"]) if muni else (None, None)
    # Indicators need the years before the plan to show a trend: look back TREND_YEARS from the
    # plan's start (or the newest data) to the end of the plan.
    anchor = plan[0] if plan[0] is not None else span[1]
    first = max(span[0], anchor - TREND_YEARS)
    last = plan[1] if plan[1] is not None and first <= plan[1] <= span[1] else span[1]
    return Choices(
        age_groups=tuple(cache.age_groups(store)["code"]),
        districts=tuple(cache.districts(store)["code"]),
        years=tuple(range(span[0], span[1] + 1)),
        default_period=(first, last),
    )


def render_sidebar(store: cache.Store, *, widgets: bool = True) -> Filters:
    """Draw the filters in the sidebar (seeded from the URL) and return the chosen ones.

    Without `widgets` (presentation mode) the filters come from the URL alone and nothing is drawn
    but a warning about a value the link got wrong.
    """
    offer = choices(store)
    labels = _labels(store)
    for key in (AGE_KEY, DISTRICT_KEY, FROM_KEY, TO_KEY):
        rejected = url_state.seed_from_url(key, offer.allowed(key))
        if rejected is not None:
            url_state.warn_refused(key, rejected, labels.get(str(offer.default(key)), str(offer.default(key))))
        # Start from the default in session state, so no widget needs a default argument
        # (Streamlit warns when a widget gets both).
        st.session_state.setdefault(key, offer.default(key))

    if not widgets:
        return current()
    with st.sidebar:
        muni = cache.municipality(store).to_dicts()
        if muni:  # whose plan this is, on every screen: a new municipality's first check
            st.markdown(f"**{plain(localized(muni[0], 'name', current_language()))}**")
        st.subheader(t("filters.title"))
        st.selectbox(t("filters.age"), (ALL, *offer.age_groups), key=AGE_KEY,
                     format_func=lambda c: labels[c])
        st.selectbox(t("filters.district"), (ALL, *offer.districts), key=DISTRICT_KEY,
                     format_func=lambda c: labels["district:" + c])
        start, end = st.columns(2)
        start.selectbox(t("filters.from"), offer.years, key=FROM_KEY)
        end.selectbox(t("filters.to"), offer.years, key=TO_KEY)

    for key in (AGE_KEY, DISTRICT_KEY, FROM_KEY, TO_KEY):
        url_state.write_to_url(key, st.session_state[key], offer.default(key))
    return current()


def current() -> Filters:
    """The filters in force on this run (drawn by the app before the page runs)."""
    try:
        age, district = st.session_state[AGE_KEY], st.session_state[DISTRICT_KEY]
        years = sorted((st.session_state[FROM_KEY], st.session_state[TO_KEY]))
    except KeyError as exc:
        raise RuntimeError("filters.render_sidebar() must run before a page reads the filters") from exc
    return Filters(
        age_group=None if age == ALL else age,
        district=None if district == ALL else district,
        start_year=years[0],
        end_year=years[1],
    )


def describe(f: Filters, store: cache.Store, *, markdown: bool = True, lang: str | None = None) -> str:
    """The active filters as one line, e.g. "Rajaukset: Kaikki ikäryhmät · Koko kunta · 2025–2028".

    Names escaped for Markdown (a caption); `markdown=False` for a file's header line, shown as is.
    `lang` defaults to the session's language (a model passes its own).
    """
    lang = lang or current_language()
    labels = _labels_in(store, lang)
    shown = plain if markdown else text_only
    return translate(
        "filters.active", lang,
        age=shown(labels.get(f.age_group or ALL, f.age_group)),
        district=shown(labels.get("district:" + (f.district or ALL), f.district)),
        period=fmt_year_range(f.start_year, f.end_year),
    )


def _labels(store: cache.Store) -> dict[str, str]:
    return _labels_in(store, current_language())


@st.cache_data(show_spinner=False, max_entries=32)
def _labels_in(store: cache.Store, lang: str) -> dict[str, str]:
    """Once per data version and language: thousands of districts nationally, and every run reads them
    two or three times (the sidebar, each screen's line of active filters)."""
    # District codes get a prefix: a district and an age group may share a code.
    labels = {ALL: translate("filters.all_ages", lang), "district:" + ALL: translate("filters.all_districts", lang)}
    labels.update({g["code"]: localized(g, "name", lang) for g in cache.age_groups(store).to_dicts()})
    labels.update({"district:" + d["code"]: localized(d, "name", lang)
                   for d in cache.districts(store).to_dicts()})
    return labels
