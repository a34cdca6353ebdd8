"""Downloads on the screens: every chart as PNG and SVG, every table as CSV and Excel, the briefing as PDF.

Files are made when the button is clicked (a callable as the button's data), not on every rerun:
rendering a chart costs a fraction of a second, the briefing several seconds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections import OrderedDict

import altair as alt
import polars as pl
import streamlit as st
from streamlit import dataframe_util

from dashboard.outputs import briefing
from dashboard.core import cache
from dashboard.core import chart_render
from dashboard.core import filters
from dashboard.core.i18n import current_language, t
from dashboard.core.model import TableFiles
from dashboard.core.spreadsheet import csv_bytes, excel_bytes

log = logging.getLogger(__name__)
EXCEL_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chart(spec: alt.TopLevelMixin | dict, name: str, **kwargs) -> None:
    """Draw a chart (an Altair chart or a Vega-Lite dict) as the page did, with its PNG and SVG beneath.

    `name` is the file name without extension, unique on the page (it keys the buttons).
    """
    kwargs.setdefault("width", "stretch")
    if isinstance(spec, dict):
        st.vega_lite_chart(arrow_rows(spec), **kwargs)
    else:
        st.altair_chart(spec, **kwargs)
    image_buttons(spec, name)


# A chart's inline rows as Arrow IPC bytes, by the rows' digest: the same rows recur on every run and for
# every visitor until the data or the filters change. Bounded: a few screens × filters × languages.
ROWS_DATASET = "rows"
_ARROW_ROWS: OrderedDict[str, bytes] = OrderedDict()
_ARROW_ROWS_MAX = 256
_ARROW_ROWS_LOCK = threading.Lock()


def arrow_rows(spec: dict) -> dict:
    """`spec` with its top-level inline rows (`data.values`) as Arrow IPC bytes in a named dataset.

    `st.vega_lite_chart` turns inline rows into Arrow on every run (a list of dicts to pandas, then
    pyarrow: a couple of milliseconds a chart) and passes bytes in `datasets` through as they are.
    The browser gets the same rows and draws the same chart. Specs without inline rows at the top
    (layers with their own data, named datasets already, GeoJSON) are returned as they are.
    """
    data = spec.get("data")
    if not isinstance(data, dict) or set(data) != {"values"} or "datasets" in spec:
        return spec
    rows = data["values"]
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "geometry" not in r for r in rows):
        return spec  # GeoJSON features stay inline for Vega-Lite, as Streamlit leaves them
    key = hashlib.blake2b(json.dumps(rows, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()
    with _ARROW_ROWS_LOCK:
        blob = _ARROW_ROWS.get(key)
        if blob is not None:
            _ARROW_ROWS.move_to_end(key)
    if blob is None:
        blob = dataframe_util.convert_anything_to_arrow_bytes(rows)
        with _ARROW_ROWS_LOCK:
            _ARROW_ROWS[key] = blob
            while len(_ARROW_ROWS) > _ARROW_ROWS_MAX:
                _ARROW_ROWS.popitem(last=False)
    shown = {k: v for k, v in spec.items() if k != "data"}
    shown["data"] = {"name": ROWS_DATASET}
    shown["datasets"] = {ROWS_DATASET: blob}
    return shown


def image_buttons(spec: alt.TopLevelMixin | dict, name: str) -> None:
    """The chart's PNG and SVG download buttons, side by side."""
    safe = _file_name(name)
    with st.container(horizontal=True):
        st.download_button(t("exp.png"), lambda: chart_render.png(spec), file_name=f"{safe}.png", mime="image/png",
                           on_click="ignore", icon=":material/image:", key=f"png_{safe}")
        st.download_button(t("exp.svg"), lambda: chart_render.svg(spec), file_name=f"{safe}.svg",
                           mime="image/svg+xml", on_click="ignore", icon=":material/draw:", key=f"svg_{safe}")


def table(frame: pl.DataFrame, name: str, title: str, **kwargs) -> None:
    """Draw a table as the page did, with its CSV and Excel beneath: the file holds what the table shows
    (small counts stay "< 5"), titled, and cells that would start a formula escaped.

    `name` is the file name without extension, unique on the page (it keys the buttons).
    """
    kwargs.setdefault("hide_index", True)
    st.dataframe(frame, **kwargs)
    safe = _file_name(name)
    with st.container(horizontal=True):
        st.download_button(t("exp.csv"), lambda: csv_bytes(frame, [title]), file_name=f"{safe}.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:", key=f"csv_{safe}")
        st.download_button(t("exp.excel"), lambda: excel_bytes(frame, [title], title), file_name=f"{safe}.xlsx",
                           mime=EXCEL_MIME, on_click="ignore", icon=":material/table:", key=f"xlsx_{safe}")


def csv_button(files: TableFiles, key: str) -> None:
    """The table's CSV, made when the button is clicked (`key` keys the button, with a prefix)."""
    st.download_button(files.csv_label, lambda: csv_bytes(files.rows(), list(files.header)),
                       file_name=f"{files.file}.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore", key=f"{key}_csv")


def excel_button(files: TableFiles, key: str) -> None:
    """The table's Excel file, made when the button is clicked."""
    st.download_button(files.excel_label, lambda: excel_bytes(files.rows(), list(files.header), files.title),
                       file_name=f"{files.file}.xlsx", mime=EXCEL_MIME, icon=":material/download:",
                       on_click="ignore", key=f"{key}_xlsx")


def table_files(files: TableFiles, key: str) -> None:
    """Both buttons, one after the other."""
    csv_button(files, key)
    excel_button(files, key)


def _file_name(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "kaavio"


@st.cache_data(show_spinner=False, max_entries=16)
def briefing_pdf(store: cache.Store, f: filters.Filters, lang: str) -> bytes:
    """The briefing for the screen's filters and language, made once per (store version, filters, language)."""
    return briefing.build(cache.engine(store.url), briefing.Request(
        lang=lang, age_group=f.age_group, district=f.district, start_year=f.start_year, end_year=f.end_year))


def briefing_button(store: cache.Store) -> None:
    """The meeting briefing as PDF, with the filters and language in force."""
    f, lang = filters.current(), current_language()
    missing = briefing.missing_fonts()
    if missing:
        # Said before the click, so no one downloads a file that is not there.
        log.warning("briefing fonts missing from %s: %s", briefing.FONT_DIR, missing)
        st.warning(t("brief.failed", reason=t("brief.no_font", fonts=", ".join(missing))),
                   icon=":material/picture_as_pdf:")
        return
    name = f"kokousmateriaali-{f.start_year}-{f.end_year}" + (f"-{f.age_group}" if f.age_group else "") + (
        f"-{f.district}" if f.district else "")
    st.download_button(t("brief.download"), lambda: briefing_pdf(store, f, lang), file_name=f"{_file_name(name)}.pdf", mime="application/pdf",
                       on_click="ignore", icon=":material/picture_as_pdf:", help=t("brief.download.help"),
                       type="primary", key="briefing_pdf")
