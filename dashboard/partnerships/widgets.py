"""The partnerships screen's Streamlit pieces: table column settings and the overview's tile."""

from __future__ import annotations

import streamlit as st

from dashboard.core.filters import Filters
from dashboard.core.formatting import DASH, plain
from dashboard.core.i18n import current_language, translate
from dashboard.core import cache
from dashboard.partnerships import cache as ngo_cache
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships.view import PARTNER_COLUMN_WIDTHS, cell_name, covered_cells


def partner_columns(lang: str) -> dict:
    """Column widths of the partners table, grants aligned right like the numbers they are."""
    return {translate(f"ngo.col.{key}", lang): st.column_config.TextColumn(
        width=width, alignment="right" if key == "grants" else None)
        for key, width in PARTNER_COLUMN_WIDTHS.items()}


def headline(store: cache.Store, f: Filters) -> tuple[str, str]:
    """The overview tile: covered area × age-group cells as "7/9", and a note naming the biggest gap.

    Follows the shared filters (all kinds of partnership). The note is safe to put in Markdown
    (stored names are escaped); a store without organisations gives a dash and says so.
    """
    lang = current_language()
    board = ngo_cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district)
    matrix = board["matrix"]
    if board["ngos_in_store"] == 0 or matrix.is_empty():
        return DASH, translate("ngo.headline.none", lang)
    covered, cells = covered_cells(matrix)
    gap = ngo_metrics.biggest_gap(matrix, board["age_population"])
    if gap is None:
        return f"{covered}/{cells}", translate("ngo.headline.no_gaps", lang)
    note = translate("ngo.headline.gap", lang, cell=plain(cell_name(gap, ngo_cache.names(store, lang), lang)))
    others = cells - covered - 1
    if others:
        note += " " + translate("ngo.headline.more", lang, count=others)
    return f"{covered}/{cells}", note
