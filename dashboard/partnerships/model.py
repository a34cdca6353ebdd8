"""What the partnerships screen shows for one choice of filters, kinds of partnership, name search,
priority area and language, as one value: coverage by area × age group and by district, the partners,
grants, joint forums and experiential knowledge beside the area's indicators.

The charts are built once per data version, filters and language (`chart_specs`: Altair costs about
25 ms a chart); the rest is composed from the cached board on each run. No Streamlit widgets:
pages/partnerships.py lays the model out; the slide and the overview's tile read the same pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import polars as pl

from dashboard.core import cache as core_cache
from dashboard.core import filters
from dashboard.core import screen
from dashboard.core.cache import Store, versioned
from dashboard.core.formatting import DASH, fmt_number, plain
from dashboard.core.i18n import localized, translate
from dashboard.core.model import INFO, Chart, Heading, Message, Table, TableFiles, Tile
from dashboard.indicators import cache as ind_cache
from dashboard.partnerships import cache
from dashboard.partnerships import metrics
from dashboard.partnerships import view


@dataclass(frozen=True)
class Coverage:
    """The area × age-group heat map, the gaps named, the count and what a cell means."""

    title: str
    chart: Chart | None
    gaps: str | None = None
    summary: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Districts:
    """Partners per 1,000 residents by district, and what the chart says in words."""

    title: str
    chart: Chart | None
    lines: tuple[str, ...] = ()
    summary: str | None = None
    caption: str | None = None
    hidden: str | None = None


@dataclass(frozen=True)
class Partners:
    """The partners found by the search (`empty`: none found), with the files of the same rows."""

    title: str
    shown: bool
    empty: Message | None = None
    count: str | None = None
    table: Table | None = None
    caption: str | None = None
    files: TableFiles | None = None


@dataclass(frozen=True)
class Forums:
    title: str
    empty: str | None
    per_year: Table | None = None
    caption: str | None = None
    list_title: str | None = None
    each: Table | None = None


@dataclass(frozen=True)
class Knowledge:
    """One priority area's experiential notes beside its coverage and its indicators."""

    title: str
    lead: str
    areas: dict[str, str]
    notes_title: str = ""
    no_notes: str | None = None
    notes: tuple[tuple[str, str], ...] = ()
    more_title: str | None = None
    more: tuple[tuple[str, str], ...] = ()
    coverage_title: str = ""
    coverage: str = ""
    indicators_title: str = ""
    no_indicators: str | None = None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnershipsModel:
    """Everything the partnerships screen shows, in the order it shows it (after `empty` nothing more)."""

    heading: Heading
    lead: str
    empty: Message | None
    none_active: Message | None = None
    figures: tuple[Tile, ...] = ()
    coverage: Coverage | None = None
    districts: Districts | None = None
    partners: Partners | None = None
    grants_title: str | None = None
    grants: Chart | None = None
    no_grants: str | None = None
    grants_caption: str | None = None
    forums: Forums | None = None
    knowledge: Knowledge | None = None


def names(store: Store, lang: str) -> view.Names:
    """The priority areas', age groups' and districts' names in `lang` (view.Names)."""
    return view.Names(area={a["code"]: localized(a, "name", lang) for a in core_cache.priority_areas(store).to_dicts()},
                      age={g["code"]: localized(g, "name", lang) for g in core_cache.age_groups(store).to_dicts()},
                      district={d["code"]: localized(d, "name", lang) for d in core_cache.districts(store).to_dicts()})


@versioned(show_spinner=False, max_entries=64)
def chart_specs(store: Store, start_year: int, end_year: int, age_group: str | None, district: str | None,
                kinds: tuple[str, ...], lang: str) -> dict[str, dict | None]:
    """The screen's charts as Vega-Lite specs (view.chart_specs): building them with Altair costs ~25 ms each."""
    board = cache.ngo_board(store, start_year, end_year, age_group, district, kinds)
    return view.chart_specs(board, names(store, lang), district, lang)


def coverage_chart(store: Store, f: filters.Filters, lang: str, area: str | None = None) -> Chart | None:
    """The coverage heat map of every kind of partnership, as the screen draws it (None when there is
    nothing to cover); with `area`, that priority area's row alone."""
    if area is None:
        spec = chart_specs(store, f.start_year, f.end_year, f.age_group, f.district, metrics.KINDS, lang)["coverage"]
        return None if spec is None else Chart(spec, spec["description"], "jarjestot-kattavuus")
    matrix = cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district)["matrix"]
    matrix = matrix.filter(pl.col("priority_area_code") == area)
    if matrix.is_empty():
        return None
    spec = view.coverage_spec(matrix, names(store, lang), lang)
    return Chart(spec, spec["description"], "jarjestot-kattavuus")


def build(store: Store, f: filters.Filters, lang: str, kinds: tuple[str, ...] = metrics.KINDS, query: str = "",
          area: str | None = None) -> PartnershipsModel:
    """The screen for the shared filters, the kinds of partnership (all by default), the name search
    and the priority area of the knowledge section (None: the plan's first)."""
    board = cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district, kinds)
    heading, lead = screen.heading(store, "page.partnerships", lang, f), translate("partnerships.lead", lang)
    if board["ngos_in_store"] == 0:
        return PartnershipsModel(heading, lead, Message(INFO, translate("ngo.none_in_store", lang), ":material/handshake:"))
    n = names(store, lang)
    specs = chart_specs(store, f.start_year, f.end_year, f.age_group, f.district, kinds, lang)
    grants = specs["grants"]
    return PartnershipsModel(
        heading, lead, None,
        none_active=(Message(INFO, translate("ngo.none_active", lang), ":material/filter_alt_off:")
                     if board["partners"].is_empty() else None),
        figures=_figures(board, lang),
        coverage=_coverage(board["matrix"], specs["coverage"], n, lang),
        districts=_districts(board["districts"], specs["districts"], n, f, lang),
        partners=_partners(store, f, board, n, query, lang),
        grants_title=translate("ngo.grants.title", lang),
        grants=None if grants is None else Chart(grants, grants["description"], "jarjestoavustukset",
                                                 plain(grants["description"])),
        no_grants=translate("ngo.grants.none", lang) if grants is None else None,
        grants_caption=translate("ngo.grants.caption", lang),
        forums=_forums(board, lang),
        knowledge=_knowledge(store, f, board, n, area, lang))


def _figures(board: dict, lang: str) -> tuple[Tile, ...]:
    partners = board["partners"]
    covered, cells = view.covered_cells(board["matrix"])
    with_agreement, total = metrics.agreement_share(partners)
    grants = float(partners["grants_eur"].sum()) if partners.height else 0.0
    return (
        Tile(translate("ngo.metric.partners", lang), fmt_number(total, 0, lang), translate("ngo.metric.partners_note", lang)),
        Tile(translate("ngo.metric.coverage", lang), f"{covered}/{cells}", translate("ngo.metric.coverage_note", lang)),
        Tile(translate("ngo.metric.agreement", lang), f"{with_agreement}/{total}",
             translate("ngo.metric.agreement_note", lang, share=view.percent(with_agreement, total, lang))),
        Tile(translate("ngo.metric.grants", lang), view.eur(grants, lang), translate("ngo.metric.grants_note", lang)),
    )


def _coverage(matrix: pl.DataFrame, spec: dict | None, n: view.Names, lang: str) -> Coverage:
    title = translate("ngo.coverage.title", lang)
    if spec is None:
        return Coverage(title, None)
    # The chart's description is these two sentences: the gaps stand out, the count is a caption.
    return Coverage(title, Chart(spec, spec["description"], "jarjestot-kattavuus"),
                    plain(view.gap_sentence(matrix, n, lang)), plain(view.coverage_summary(matrix, lang)),
                    translate("ngo.coverage.caption", lang))


def _districts(districts: pl.DataFrame, spec: dict | None, n: view.Names, f: filters.Filters,
               lang: str) -> Districts:
    title = translate("ngo.districts.title", lang)
    if spec is None:
        return Districts(title, None)
    said = view.district_sentences(districts, n, f.district, lang)
    age = n.age.get(f.age_group, "") if f.age_group else translate("filters.all_ages", lang)
    return Districts(
        title, Chart(spec, spec["description"], "jarjestot-alueittain"),
        tuple(plain(said[key]) for key in ("none", "chosen") if key in said),
        plain(view.district_summary(said, lang)),  # with "none" above: the chart's description
        translate("ngo.districts.caption", lang, age=plain(age.lower()), year=districts["population_year"][0] or "–"),
        plain(said["hidden"]) if "hidden" in said else None)


def _partners(store: Store, f: filters.Filters, board: dict, n: view.Names, query: str, lang: str) -> Partners:
    title = translate("ngo.partners.title", lang)
    partners = board["partners"]
    if partners.is_empty():
        return Partners(title, False)
    found = metrics.search(partners, query)
    if found.is_empty():
        return Partners(title, False, Message(INFO, translate("ngo.search.none", lang, query=plain(query.strip()))))
    header = (translate("ngo.file.title", lang), filters.describe(f, store, markdown=False, lang=lang))
    # Built when clicked, not on every rerun.
    files = TableFiles(partial(view.partner_frame, found, n, board["group_names"], lang), "jarjestokumppanit", header,
                       translate("ngo.file.title", lang), translate("ngo.download.csv", lang),
                       translate("ngo.download.excel", lang))
    return Partners(title, True, None, translate("ngo.search.count", lang, shown=found.height, total=partners.height),
                    Table(view.partner_frame(found, n, board["group_names"], lang, formatted=True), title),
                    translate("ngo.partners.caption", lang), files)


def _forums(board: dict, lang: str) -> Forums:
    title = translate("ngo.forums.title", lang)
    if board["forums"].is_empty():
        return Forums(title, translate("ngo.forums.none", lang))
    per_year, each = view.forum_tables(board["forums_by_year"], board["forums"], board["names"], lang)
    list_title = translate("ngo.forums.list", lang)
    return Forums(title, None, Table(per_year, title, "foorumit-vuosittain"), translate("ngo.forums.caption", lang),
                  list_title, Table(each, list_title, "foorumit"))


def _knowledge(store: Store, f: filters.Filters, board: dict, n: view.Names, area: str | None,
               lang: str) -> Knowledge:
    """Notes of one priority area beside its indicators and its coverage: three sources on one screen."""
    title, lead = translate("ngo.knowledge.title", lang), translate("ngo.knowledge.lead", lang)
    areas = {code: plain(name) for code, name in n.area.items()}
    if not areas:
        return Knowledge(title, lead, areas)
    area = area if area in areas else next(iter(areas))
    notes = board["notes"].filter(pl.col("priority_area_code") == area)
    lines = view.note_lines(notes, board["names"], n, lang)
    more = lines[view.NOTES_SHOWN:]
    cards = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)["cards"]
    cards = cards.filter(pl.col("priority_area_code") == area)
    return Knowledge(
        title, lead, areas, translate("ngo.knowledge.notes", lang),
        None if lines else translate("ngo.knowledge.no_notes", lang), tuple(lines[:view.NOTES_SHOWN]),
        translate("ngo.knowledge.more", lang, count=len(more)) if more else None, tuple(more),
        translate("ngo.knowledge.coverage", lang), plain(view.area_coverage_line(board["matrix"], area, n, lang)),
        translate("ngo.knowledge.indicators", lang),
        translate("ngo.knowledge.no_indicators", lang) if cards.is_empty() else None,
        tuple(view.indicator_lines(cards, lang)))


# --- the overview's tile and the slide ----------------------------------------------------------------

def headline(store: Store, f: filters.Filters, lang: str) -> tuple[str, str]:
    """The overview tile: covered area × age-group cells as "7/9", and a note naming the biggest gap.

    Follows the shared filters (all kinds of partnership). The note is safe to put in Markdown
    (stored names are escaped); a store without organisations gives a dash and says so.
    """
    board = cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district)
    matrix = board["matrix"]
    if board["ngos_in_store"] == 0 or matrix.is_empty():
        return DASH, translate("ngo.headline.none", lang)
    covered, cells = view.covered_cells(matrix)
    gap = metrics.biggest_gap(matrix, board["age_population"])
    if gap is None:
        return f"{covered}/{cells}", translate("ngo.headline.no_gaps", lang)
    note = translate("ngo.headline.gap", lang, cell=plain(view.cell_name(gap, names(store, lang), lang)))
    others = cells - covered - 1
    if others:
        note += " " + translate("ngo.headline.more", lang, count=others)
    return f"{covered}/{cells}", note
