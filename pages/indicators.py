"""Priority-area indicators: a card per indicator, one indicator in detail, the same numbers as a table."""

import polars as pl
import streamlit as st

from dashboard.indicators import cache as ind_cache
from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core import url_state
from dashboard.indicators import view as ind_view
from dashboard.core import spreadsheet
from dashboard.indicators import widgets as w
from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import current_language, localized, t

CARDS_PER_ROW = 3
AREA_KEY, VIEW_KEY = "area", "view"


def indicators() -> None:
    lang = current_language()
    store = cache.open_store()
    f = filters.current()
    layout.page_header(t("page.indicators"), store)
    st.caption(filters.describe(f, store))

    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    areas = cache.priority_areas(store).to_dicts()
    area_names = {a["code"]: localized(a, "name", lang) for a in areas}
    # Stored names, escaped once here for the Markdown they are written into.
    regions = {role: plain(name) for role, name in
               ind_view.region_names(ind_cache.comparison_regions(store), lang).items()}
    attribution = ind_view.attribution_line(ind_cache.sotkanet_attribution(store), lang)

    ranks = ind_cache.card_ranks(store, f.start_year, f.end_year, f.age_group)
    area, view = choose_area_and_view(area_names, board["cards"])
    detail(store, f, board["cards"], area_names, attribution, lang, ranks)

    cards = board["cards"] if area is None else board["cards"].filter(pl.col("priority_area_code") == area)
    if cards.is_empty():
        st.info(t("ind.none"))
        return
    if f.district is not None:
        st.caption(t("ind.district_note"))
    if ind_view.compared_with(regions, lang):
        st.caption(ind_view.compared_with(regions, lang))
    district_figures = district_lines(store, f, cards, lang)

    if view == "table":
        table_view(cards, area_names, f, store, attribution, lang)
    else:
        summaries = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
        sparklines = ind_cache.sparklines(store, f.start_year, f.end_year, f.age_group, lang)
        for code in area_names:  # the plan's order
            if code in summaries and area in (None, code):
                area_cards(summaries[code], cards, sparklines, area_names, district_figures, ranks, lang, regions)
        if ranks:
            st.caption(t("rank.caption"))
    goals(store, area, lang)
    if attribution:
        st.caption(plain(attribution))


def choose_area_and_view(area_names: dict[str, str], cards: pl.DataFrame) -> tuple[str | None, str]:
    """The area tabs and the cards/table switch, both kept in the URL (`area`, `view`)."""
    options = ("all", *area_names)
    for key, allowed, default, label in ((AREA_KEY, options, "all", t("ind.area_all")),
                                         (VIEW_KEY, ("cards", "table"), "cards", t("ind.view.cards"))):
        url_state.seed_or_warn(key, url_state.one_of(allowed), label)
        st.session_state.setdefault(key, default)
    # Radio buttons wrap on a narrow projector screen; a segmented control would be cut off.
    st.radio(t("ind.area"), options, key=AREA_KEY, horizontal=True,
             format_func=lambda c: t("ind.area_all") if c == "all" else plain(area_names[c]))
    st.segmented_control(t("ind.view"), ("cards", "table"), key=VIEW_KEY, required=True,
                         format_func=lambda v: t(f"ind.view.{v}"))
    url_state.write_to_url(AREA_KEY, st.session_state[AREA_KEY], "all")
    url_state.write_to_url(VIEW_KEY, st.session_state[VIEW_KEY], "cards")
    area = st.session_state[AREA_KEY]
    return (None if area == "all" else area), st.session_state[VIEW_KEY]


def detail(store, f: filters.Filters, cards: pl.DataFrame, area_names: dict[str, str], attribution: str | None,
           lang: str, ranks: dict[int, dict[str, dict]]) -> None:
    """One indicator in depth: regions over time, genders, description; selected via `?indicator=`."""
    ids = tuple(cards["id"].to_list())
    url_state.seed_or_warn(w.INDICATOR_KEY, lambda raw: _known_id(raw, ids), t("ind.detail_none"))
    if st.session_state.get(w.INDICATOR_KEY) not in (None, *ids):
        st.session_state[w.INDICATOR_KEY] = None  # filtered out by the age group
    titles = {row["id"]: localized(row, "title", lang) for row in cards.iter_rows(named=True)}
    chosen = st.selectbox(t("ind.detail_select"), (None, *ids), key=w.INDICATOR_KEY,
                          format_func=lambda i: t("ind.detail_none") if i is None else titles[i])
    url_state.write_to_url(w.INDICATOR_KEY, chosen, None)
    if chosen is None:
        return
    row = cards.filter(pl.col("id") == chosen).row(0, named=True)
    drawn = ind_cache.detail_charts(store, f.start_year, f.end_year, f.age_group, chosen, lang)
    with st.container(border=True):
        st.subheader(plain(localized(row, "title", lang)), anchor=False)
        st.caption(f"{plain(area_names.get(row['priority_area_code'], ''))} · {t('ind.direction.' + row['direction'])}"
                   f" · {plain(ind_view.target_text(row, lang))}")
        st.markdown(f"**{t('ind.chart.regions')}**")
        downloads.chart(drawn["trend"], f"indikaattori-{chosen}")
        st.caption(plain(drawn["alt"]))
        st.markdown(f"**{t('rank.detail', year=row.get('latest_year') or '')}**")
        w.rank_badges(ranks.get(chosen), lang)
        st.caption(t("rank.caption") if ranks.get(chosen) else t("rank.none"))
        st.markdown(f"**{t('peer.title')}**")  # the configured peers' median and min–max band over time
        if drawn["peer"] is not None:
            downloads.chart(drawn["peer"], f"indikaattori-{chosen}-vertailu")
        st.caption(drawn["peer_text"])
        similar_municipalities(store, lang)
        finland_map(store, chosen, lang)
        st.markdown(f"**{t('ind.chart.gender')}**")
        if drawn["gender"] is None:
            st.caption(t("ind.no_gender"))
        else:
            downloads.chart(drawn["gender"], f"indikaattori-{chosen}-sukupuolittain")
        for key in ("description", "interpretation"):
            text = localized(row, key, lang)
            if text:
                with st.expander(t(f"ind.{key}")):
                    st.text(text)
        if attribution:
            st.caption(plain(attribution))
        st.button(t("ind.close"), on_click=lambda: st.session_state.update({w.INDICATOR_KEY: None}),
                  icon=":material/close:")


def finland_map(store, indicator_id: int, lang: str) -> None:
    """Every municipality coloured by its class, the own one, its peers and its county outlined."""
    st.markdown(f"**{t('map.title')}**")
    drawn = ind_cache.finland_map(store, indicator_id, lang)
    if "missing" in drawn:
        st.info(drawn["missing"], icon=":material/map:")
        return
    downloads.chart(drawn["spec"], f"suomen-kartta-{indicator_id}")
    st.caption(drawn["note"])
    st.caption(drawn["alt"])


def similar_municipalities(store, lang: str) -> None:
    """Why these peers: every municipality by size and age structure, the proposal and the configured peers
    (the picture in view like the other charts; its figures as a table one click away)."""
    shown = ind_cache.similar(store, lang)
    st.markdown(f"**{t('similar.title')}**")
    if "missing" in shown:
        st.caption(shown["missing"])
        return
    st.caption(plain(shown["method"]))
    downloads.chart(shown["spec"], "samankaltaiset-kunnat")
    st.caption(plain(shown["alt"]))
    for note in shown["notes"]:
        st.caption(plain(note))
    with st.expander(t("similar.table"), icon=":material/table:"):
        st.dataframe(shown["table"], hide_index=True, width="stretch")


def _known_id(raw: str, ids: tuple[int, ...]) -> int:
    if raw.isdigit() and int(raw) in ids:
        return int(raw)
    raise ValueError(raw)


def district_lines(store, f: filters.Filters, cards: pl.DataFrame, lang: str) -> dict[int, str]:
    """For a chosen district: each local indicator's district figure, or a note that there is none."""
    if f.district is None:
        return {}
    values = ind_cache.district_values(store, f.start_year, f.end_year, f.district)
    with_data = ind_cache.indicators_with_district_data(store)
    names = {d["code"]: localized(d, "name", lang) for d in cache.districts(store).to_dicts()}
    name = names.get(f.district, f.district)
    lines = {}
    for row in cards.iter_rows(named=True):
        own = values.filter(pl.col("indicator_id") == row["id"]).sort("year")
        if row["id"] in with_data and own.height:
            last = own.row(-1, named=True)
            lines[row["id"]] = plain(t("ind.district_value", district=name,
                                       value=ind_view.with_unit(fmt_number(last["value"], row["decimals"], lang), row),
                                       year=last["year"]))
        else:
            lines[row["id"]] = plain(t("ind.district_none", district=name))
    return lines


def area_cards(summary: dict, cards: pl.DataFrame, sparklines: dict[int, dict],
               area_names: dict[str, str], district_figures: dict[int, str], ranks: dict[int, dict[str, dict]],
               lang: str, regions: dict[str, str] | None = None) -> None:
    code = summary["priority_area_code"]
    st.header(plain(area_names.get(code, code)), anchor=False)
    st.markdown(ind_view.area_line(summary, lang))
    st.caption(ind_view.comparison_line(summary, lang))
    rows = cards.filter(pl.col("priority_area_code") == code).to_dicts()
    for start in range(0, len(rows), CARDS_PER_ROW):
        for column, row in zip(st.columns(CARDS_PER_ROW), rows[start:start + CARDS_PER_ROW]):
            with column:
                w.card(row, sparklines.get(row["id"]), lang, district_figures.get(row["id"]), ranks.get(row["id"]),
                       regions)


def table_view(cards: pl.DataFrame, area_names: dict[str, str], f: filters.Filters, store,
               attribution: str | None, lang: str) -> None:
    frame = ind_view.table(cards, area_names, lang)
    st.dataframe(ind_view.table(cards, area_names, lang, formatted=True), hide_index=True, width="stretch")
    header = [t("ind.file.title"), filters.describe(f, store, markdown=False), attribution or ""]
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(t("ind.download.csv"), spreadsheet.csv_bytes(frame, header), file_name="indikaattorit.csv",
                            mime="text/csv", icon=":material/download:")
    xlsx_col.download_button(t("ind.download.excel"), spreadsheet.excel_bytes(frame, header, t("ind.file.title")),
                             file_name="indikaattorit.xlsx", icon=":material/download:",
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def goals(store, area: str | None, lang: str) -> None:
    blocks = ind_cache.goal_blocks(store, area, lang)
    with st.expander(t("ind.goals"), icon=":material/flag:"):
        if not blocks:
            st.caption(t("ind.no_goals"))
            return
        for block in blocks:  # a goal and its measures in one element
            st.markdown(block)


indicators()
