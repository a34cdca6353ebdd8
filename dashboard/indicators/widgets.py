"""Pieces of the indicator screens: a card, the detail view, the table, the area summary line.

Rendering helpers that pages compose; numbers are formatted here, once, so the cards, the table,
the downloads and the overview say the same thing in the same words.
"""

from __future__ import annotations

import io

import polars as pl
import streamlit as st

from dashboard.indicators import charts
from dashboard.core.formatting import DASH, fmt_date, fmt_number, plain
from dashboard.core.i18n import localized, t

TREND_BADGE = {"improving": ("blue", ":material/trending_up:"), "holding": ("gray", ":material/trending_flat:"),
               "worsening": ("orange", ":material/trending_down:"), "no_data": ("gray", ":material/help:")}
INDICATOR_KEY = "indicator"


def value_text(value: float | None, row: dict, lang: str, signed: bool = False) -> str:
    if value is None:
        return DASH
    text = fmt_number(value, int(row.get("decimals") or 0), lang)
    if signed and value > 0:
        text = "+" + text
    return text


# Sotkanet's value types written as a reader expects them after a number.
SHORT_UNITS = {"PROS": "%", "PER1000": "/ 1\u00a0000", "PER10000": "/ 10\u00a0000", "PER100000": "/ 100\u00a0000",
               "LKM": "", "EUR": "€", "INDEKSI": ""}


def short_unit(row: dict) -> str:
    return SHORT_UNITS.get(row.get("value_type") or "", row.get("unit") or "")


def with_unit(text: str, row: dict) -> str:
    unit = short_unit(row)
    return f"{text}\u00a0{unit}" if unit and text != DASH else text


def trend_label(trend: str | None) -> str:
    return t(f"ind.trend.{trend or 'no_data'}")


def target_text(row: dict, lang: str) -> str:
    if row.get("target_value") is None:
        return t("ind.no_target")
    target = with_unit(value_text(row["target_value"], row, lang), row)
    year = row.get("target_year") or ""
    if row.get("target_met") is None:
        return t("ind.target_pending", target=target, year=year)
    return t("ind.target_met" if row["target_met"] else "ind.target_not_met", target=target, year=year)


def comparison_text(row: dict, lang: str) -> str:
    parts = []
    for role in ("county", "country"):
        if row.get(role) is not None:
            relation = t(f"ind.compare.{row[f'vs_{role}']}") if row.get(f"vs_{role}") else ""
            parts.append(t(f"ind.vs_{role}", value=with_unit(value_text(row[role], row, lang), row),
                           relation=relation))
    return " · ".join(parts) or t("ind.no_comparison")


def alt_text(row: dict, lang: str, municipality: str) -> str:
    """The message of an indicator's charts, for screen readers and the briefing."""
    if row.get("latest") is None:
        return t("ind.alt.none", title=localized(row, "title", lang))
    return t("ind.alt.trend", title=localized(row, "title", lang), municipality=municipality,
             value=with_unit(value_text(row["latest"], row, lang), row), year=row["latest_year"],
             trend=trend_label(row["trend"]).lower())


def card(row: dict, series: pl.DataFrame, lang: str, municipality: str, district_value: str | None) -> None:
    """One indicator as a bordered card: value, trend, change, target, comparisons, sparkline."""
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{plain(localized(row, 'title', lang))}**")
        colour, icon = TREND_BADGE[row.get("trend") or "no_data"]
        latest = with_unit(value_text(row.get("latest"), row, lang), row)
        year = row.get("latest_year") or ""
        st.metric(t("ind.latest_label", year=year), latest, label_visibility="visible")
        st.badge(trend_label(row.get("trend")), color=colour, icon=icon)
        if row.get("change") is not None:
            st.caption(t("ind.change", change=value_text(row["change"], row, lang, signed=True),
                         year=row["previous_year"]))
        if row.get("plan_change") is not None and row.get("baseline_year") != row.get("previous_year"):
            st.caption(t("ind.plan_change", change=value_text(row["plan_change"], row, lang, signed=True),
                         year=row["baseline_year"]))
        st.caption(target_text(row, lang))
        st.caption(comparison_text(row, lang))
        if district_value is not None:
            st.caption(district_value)
        if series.height > 1:
            st.vega_lite_chart(charts.sparkline(series, row.get("trend") or "no_data",
                                                alt_text(row, lang, municipality)), width="stretch")
        st.button(t("ind.details"), key=f"show_{row['id']}", on_click=_select, args=(row["id"],),
                  icon=":material/query_stats:")


def _select(indicator_id: int) -> None:
    st.session_state[INDICATOR_KEY] = indicator_id


def area_line(area: dict) -> str:
    """"2 paranee · 1 ennallaan · 1 heikkenee · tavoite saavutettu 1/3" for one priority area."""
    return t("ind.summary", improving=area["improving"], holding=area["holding"], worsening=area["worsening"],
             no_data=area["no_data"], met=area["target_met"], with_target=area["with_target"])


def comparison_line(area: dict) -> str:
    return t("ind.summary_compare", better_county=area["better_than_county"], worse_county=area["worse_than_county"],
             better_country=area["better_than_country"], worse_country=area["worse_than_country"])


def table(cards: pl.DataFrame, area_names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """The cards' numbers as a table with translated headers.

    Raw numbers for the downloads (analysts compute with them); `formatted` gives the screen's text
    in the language's number format, with each indicator's own decimals.
    """
    rows = []
    for row in cards.iter_rows(named=True):
        def num(value, signed=False, _row=row):
            return value_text(value, _row, lang, signed) if formatted else value

        rows.append({
            t("ind.col.area"): area_names.get(row["priority_area_code"], row["priority_area_code"]),
            t("ind.col.indicator"): localized(row, "title", lang),
            t("ind.col.id"): row["id"],
            t("ind.col.year"): row.get("latest_year"),
            t("ind.col.latest"): num(row.get("latest")),
            t("ind.col.unit"): short_unit(row) or row.get("unit"),
            t("ind.col.change"): num(row.get("change"), True),
            t("ind.col.trend"): trend_label(row.get("trend")),
            t("ind.col.plan_change"): num(row.get("plan_change"), True),
            t("ind.col.target"): num(row.get("target_value")),
            t("ind.col.target_met"): None if row.get("target_met") is None else (
                t("ind.yes") if row["target_met"] else t("ind.no")),
            t("ind.col.county"): num(row.get("county")),
            t("ind.col.country"): num(row.get("country")),
            t("ind.col.direction"): t(f"ind.direction.{row['direction']}"),
        })
    return pl.DataFrame(rows, infer_schema_length=None)


def _escape_cell(value):
    # A spreadsheet runs a cell that starts with these as a formula (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def safe_for_spreadsheet(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col(c).map_elements(_escape_cell, return_dtype=pl.Utf8) for c, d in frame.schema.items() if d == pl.Utf8)


def csv_bytes(frame: pl.DataFrame, header_lines: list[str]) -> bytes:
    """UTF-8 with BOM and `;` so Finnish Excel opens it right; the filters and source on top."""
    body = safe_for_spreadsheet(frame).write_csv(separator=";")
    preface = "".join(f"# {line}\n" for line in header_lines)
    return ("\ufeff" + preface + body).encode("utf-8")


def excel_bytes(frame: pl.DataFrame, header_lines: list[str], sheet: str) -> bytes:
    buffer = io.BytesIO()
    import xlsxwriter

    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        ws = book.add_worksheet(sheet[:31])
        bold = book.add_format({"bold": True})
        for i, line in enumerate(header_lines):
            ws.write_string(i, 0, line)
        start = len(header_lines) + 1
        for j, name in enumerate(frame.columns):
            ws.write_string(start, j, name, bold)
        for i, row in enumerate(frame.iter_rows(), start=start + 1):
            for j, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(i, j, value)
                else:
                    ws.write_string(i, j, str(value))  # never a formula, whatever the text
        ws.set_column(0, len(frame.columns) - 1, 18)
    return buffer.getvalue()


def attribution_line(attribution: dict | None, lang: str) -> str | None:
    if not attribution or not attribution.get("attribution"):
        return None
    if attribution.get("data_updated"):
        return t("ind.source", source=attribution["attribution"], date=fmt_date(attribution["data_updated"], lang))
    return attribution["attribution"]
