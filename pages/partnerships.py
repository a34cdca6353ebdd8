"""NGO partnerships: how partners cover the plan by area × age group and by district, who they are,
what the municipality gives them, and their experiential knowledge beside the area's indicators."""

import polars as pl
import streamlit as st

from dashboard.indicators import cache as ind_cache
from dashboard.partnerships import cache as ngo_cache
from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import filters
from dashboard.core import layout
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.core import url_state
from dashboard.core import spreadsheet
from dashboard.partnerships import view as ngo_view
from dashboard.partnerships import widgets as w
from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import current_language, t

# URL parameters of this screen: kinds of partnership (comma-separated codes), the name search,
# the priority area of the knowledge section.
KIND_KEY, SEARCH_KEY, AREA_KEY = "kind", "q", "ngo_area"
SEARCH_MAX = 80


def partnerships() -> None:
    lang = current_language()
    store = cache.open_store()
    f = filters.current()
    layout.page_header(t("page.partnerships"), store)
    st.caption(filters.describe(f, store))
    st.markdown(t("partnerships.lead"))

    with st.columns([3, 2])[0]:
        kinds = choose_kinds()
    board = ngo_cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district, kinds)
    if board["ngos_in_store"] == 0:
        st.info(t("ngo.none_in_store"), icon=":material/handshake:")
        return
    names = ngo_cache.names(store, lang)
    if board["partners"].is_empty():
        st.info(t("ngo.none_active"), icon=":material/filter_alt_off:")

    charts = ngo_cache.ngo_chart_specs(store, f.start_year, f.end_year, f.age_group, f.district, kinds, lang)
    headline_tiles(board, lang)
    coverage(board["matrix"], charts["coverage"], names, lang)
    by_district(board["districts"], charts["districts"], names, f, lang)
    partner_table(board, names, f, store, lang)
    grants(charts["grants"])
    forums(board, lang)
    knowledge(store, f, board, names, lang)


def choose_kinds() -> tuple[str, ...]:
    """The kind-of-partnership multiselect, kept in the URL as `kind=agreement,grant`; empty = all."""
    def parse(raw: str) -> list[str]:
        chosen = [k for k in raw.split(",") if k]
        if not chosen or any(k not in ngo_metrics.KINDS for k in chosen):
            raise ValueError(raw)
        return chosen

    rejected = url_state.seed_from_url(KIND_KEY, parse)
    if rejected is not None:
        st.warning(t("filters.invalid", param=KIND_KEY, value=plain(rejected), default=t("ngo.kind.placeholder")),
                   icon=":material/link_off:")
    st.session_state.setdefault(KIND_KEY, [])
    chosen = st.multiselect(t("ngo.kind.label"), ngo_metrics.KINDS, key=KIND_KEY, help=t("ngo.kind.help"),
                            placeholder=t("ngo.kind.placeholder"), format_func=lambda k: t(f"ngo.kind.{k}"))
    ordered = tuple(k for k in ngo_metrics.KINDS if k in chosen)  # one cache entry per set of kinds
    url_state.write_to_url(KIND_KEY, ",".join(ordered), "")
    return ordered or ngo_metrics.KINDS


def headline_tiles(board: dict, lang: str) -> None:
    partners = board["partners"]
    covered, cells = ngo_view.covered_cells(board["matrix"])
    with_agreement, total = ngo_metrics.agreement_share(partners)
    grants = float(partners["grants_eur"].sum()) if partners.height else 0.0
    tiles = (
        (t("ngo.metric.partners"), fmt_number(total, 0, lang), t("ngo.metric.partners_note")),
        (t("ngo.metric.coverage"), f"{covered}/{cells}", t("ngo.metric.coverage_note")),
        (t("ngo.metric.agreement"), f"{with_agreement}/{total}",
         t("ngo.metric.agreement_note", share=ngo_view.percent(with_agreement, total, lang))),
        (t("ngo.metric.grants"), ngo_view.eur(grants, lang), t("ngo.metric.grants_note")),
    )
    for column, (title, value, note) in zip(st.columns(len(tiles)), tiles):
        layout.card(column, title, value, note=note)


def coverage(matrix: pl.DataFrame, spec: dict | None, names: ngo_view.Names, lang: str) -> None:
    st.subheader(t("ngo.coverage.title"), anchor=False)
    if spec is None:
        return
    downloads.chart(spec, "jarjestot-kattavuus")
    # The chart's description is these two sentences: the gaps stand out, the count is a caption.
    st.markdown(plain(ngo_view.gap_sentence(matrix, names, lang)))
    st.caption(plain(ngo_view.coverage_summary(matrix, lang)))
    st.caption(t("ngo.coverage.caption"))


def by_district(districts: pl.DataFrame, spec: dict | None, names: ngo_view.Names, f: filters.Filters,
                lang: str) -> None:
    st.subheader(t("ngo.districts.title"), anchor=False)
    if spec is None:
        return
    downloads.chart(spec, "jarjestot-alueittain")
    said = ngo_view.district_sentences(districts, names, f.district, lang)
    for key in ("none", "chosen"):
        if key in said:
            st.markdown(plain(said[key]))
    st.caption(plain(ngo_view.district_summary(said, lang)))  # with "none" above: the chart's description
    age = names.age.get(f.age_group, "") if f.age_group else t("filters.all_ages")
    st.caption(t("ngo.districts.caption", age=plain(age.lower()), year=districts["population_year"][0] or "–"))
    if "hidden" in said:
        st.caption(plain(said["hidden"]))


def partner_table(board: dict, names: ngo_view.Names, f: filters.Filters, store: cache.Store, lang: str) -> None:
    st.subheader(t("ngo.partners.title"), anchor=False)
    url_state.seed_from_url(SEARCH_KEY, lambda raw: raw[:SEARCH_MAX])
    st.session_state.setdefault(SEARCH_KEY, "")
    with st.columns([3, 2])[0]:
        query = st.text_input(t("ngo.search"), key=SEARCH_KEY, max_chars=SEARCH_MAX, icon=":material/search:")
    url_state.write_to_url(SEARCH_KEY, query.strip(), "")
    partners = board["partners"]
    found = ngo_metrics.search(partners, query)
    if partners.is_empty():
        return
    if found.is_empty():
        st.info(t("ngo.search.none", query=plain(query.strip())))
        return
    st.caption(t("ngo.search.count", shown=found.height, total=partners.height))
    shown = ngo_view.partner_frame(found, names, board["group_names"], lang, formatted=True)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=w.partner_columns(lang),
                 alt=t("ngo.partners.title"))
    st.caption(t("ngo.partners.caption"))
    frame = ngo_view.partner_frame(found, names, board["group_names"], lang)
    header = [t("ngo.file.title"), filters.describe(f, store, markdown=False)]
    title = t("ngo.file.title")
    # Built when clicked, not on every rerun.
    with st.container(horizontal=True):
        st.download_button(t("ngo.download.csv"), lambda: spreadsheet.csv_bytes(frame, header), on_click="ignore",
                           file_name="jarjestokumppanit.csv", mime="text/csv", icon=":material/download:")
        st.download_button(t("ngo.download.excel"), lambda: spreadsheet.excel_bytes(frame, header, title), on_click="ignore",
                           file_name="jarjestokumppanit.xlsx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def grants(spec: dict | None) -> None:
    st.subheader(t("ngo.grants.title"), anchor=False)
    if spec is None:
        st.caption(t("ngo.grants.none"))
        return
    downloads.chart(spec, "jarjestoavustukset")
    st.caption(plain(spec["description"]))
    st.caption(t("ngo.grants.caption"))


def forums(board: dict, lang: str) -> None:
    st.subheader(t("ngo.forums.title"), anchor=False)
    if board["forums"].is_empty():
        st.caption(t("ngo.forums.none"))
        return
    per_year, each = ngo_view.forum_tables(board["forums_by_year"], board["forums"], board["names"], lang)
    downloads.table(per_year, "foorumit-vuosittain", t("ngo.forums.title"))
    st.caption(t("ngo.forums.caption"))
    with st.expander(t("ngo.forums.list"), icon=":material/groups:"):
        downloads.table(each, "foorumit", t("ngo.forums.list"), width="stretch")


def knowledge(store: cache.Store, f: filters.Filters, board: dict, names: ngo_view.Names, lang: str) -> None:
    """Notes of one priority area beside its indicators and its coverage: three sources on one screen."""
    st.subheader(t("ngo.knowledge.title"), anchor=False)
    st.caption(t("ngo.knowledge.lead"))
    areas = tuple(names.area)
    if not areas:
        return
    url_state.seed_or_warn(AREA_KEY, url_state.one_of(areas), names.area[areas[0]])
    if st.session_state.get(AREA_KEY) not in areas:
        st.session_state[AREA_KEY] = areas[0]
    area = st.radio(t("ngo.knowledge.area"), areas, key=AREA_KEY, horizontal=True,
                    format_func=lambda c: plain(names.area[c]))
    url_state.write_to_url(AREA_KEY, area, areas[0])

    notes_col, indicators_col = st.columns([3, 2], gap="large")
    with notes_col:
        st.markdown(f"**{t('ngo.knowledge.notes')}**")
        notes = board["notes"].filter(pl.col("priority_area_code") == area)
        lines = ngo_view.note_lines(notes, board["names"], names, lang)
        if not lines:
            st.caption(t("ngo.knowledge.no_notes"))
        for text, meta in lines[:ngo_view.NOTES_SHOWN]:
            _note(text, meta)
        if len(lines) > ngo_view.NOTES_SHOWN:
            with st.expander(t("ngo.knowledge.more", count=len(lines) - ngo_view.NOTES_SHOWN)):
                for text, meta in lines[ngo_view.NOTES_SHOWN:]:
                    _note(text, meta)
    with indicators_col:
        st.markdown(f"**{t('ngo.knowledge.coverage')}**")
        st.markdown(plain(ngo_view.area_coverage_line(board["matrix"], area, names, lang)))
        st.markdown(f"**{t('ngo.knowledge.indicators')}**")
        cards = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)["cards"]
        cards = cards.filter(pl.col("priority_area_code") == area)
        if cards.is_empty():
            st.caption(t("ngo.knowledge.no_indicators"))
        for line in ngo_view.indicator_lines(cards, lang):
            st.markdown(line)


def _note(text: str, meta: str) -> None:
    # Both parts are escaped stored text (see ngo_widgets.note_lines).
    with st.container(border=True):
        st.markdown(text)
        st.caption(meta)


partnerships()
