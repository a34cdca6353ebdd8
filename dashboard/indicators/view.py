"""What the indicator screens say, in a language given: values with their units, trends, targets,
comparisons, the area summary lines, the table and the source line.

No Streamlit here: the cards, the table, the downloads, the overview, the slides and the PDF briefing
share these, so each says the same thing in the same words.
"""

from __future__ import annotations

import polars as pl

from dashboard.core.formatting import DASH, fmt_date, fmt_number
from dashboard.core.i18n import localized, source_text, translate

# A trend as a badge: (colour, icon); colour-blind safe (blue/orange), never red/green.
TREND_BADGE = {"improving": ("blue", ":material/trending_up:"), "holding": ("gray", ":material/trending_flat:"),
               "worsening": ("orange", ":material/trending_down:"), "no_data": ("gray", ":material/help:")}


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


def trend_label(trend: str | None, lang: str) -> str:
    return translate(f"ind.trend.{trend or 'no_data'}", lang)


def target_text(row: dict, lang: str) -> str:
    if row.get("target_value") is None:
        return translate("ind.no_target", lang)
    target = with_unit(value_text(row["target_value"], row, lang), row)
    year = row.get("target_year") or ""
    if row.get("target_met") is None:
        return translate("ind.target_pending", lang, target=target, year=year)
    return translate("ind.target_met" if row["target_met"] else "ind.target_not_met", lang, target=target, year=year)


def region_names(regions: pl.DataFrame, lang: str) -> dict[str, str]:
    """role -> the region's name in `lang` ("Pirkanmaan hyvinvointialue"), from the region table."""
    return {r["role"]: localized(r, "name", lang) for r in regions.iter_rows(named=True)}


def compared_with(names: dict[str, str], lang: str) -> str | None:
    """"Vertailualueet: Pirkanmaan hyvinvointialue, Koko maa." (None without comparison regions)."""
    shown = [names[role] for role in ("county", "country") if names.get(role)]
    return translate("ind.compared_with", lang, names=", ".join(shown)) if shown else None


def comparison_text(row: dict, lang: str, names: dict[str, str] | None = None) -> str:
    """"Pirkanmaan hyvinvointialue 12,3 (me paremmin) · Koko maa 11,0 (me heikommin)": the regions by
    name when `names` (role -> name) has them, else by their kind."""
    parts = []
    for role in ("county", "country"):
        if row.get(role) is not None:
            relation = translate(f"ind.compare.{row[f'vs_{role}']}", lang) if row.get(f"vs_{role}") else ""
            value = with_unit(value_text(row[role], row, lang), row)
            if (names or {}).get(role):
                parts.append(translate("ind.vs_named", lang, name=names[role], value=value, relation=relation))
            else:
                parts.append(translate(f"ind.vs_{role}", lang, value=value, relation=relation))
    return " · ".join(parts) or translate("ind.no_comparison", lang)


def alt_text(row: dict, lang: str, municipality: str) -> str:
    """The message of an indicator's charts, for screen readers and the briefing."""
    if row.get("latest") is None:
        return translate("ind.alt.none", lang, title=localized(row, "title", lang))
    return translate("ind.alt.trend", lang, title=localized(row, "title", lang), municipality=municipality,
             value=with_unit(value_text(row["latest"], row, lang), row), year=row["latest_year"],
             trend=trend_label(row["trend"], lang).lower())


def area_line(area: dict, lang: str) -> str:
    """"2 paranee · 1 ennallaan · 1 heikkenee · tavoite saavutettu 1/3" for one priority area."""
    return translate("ind.summary", lang, improving=area["improving"], holding=area["holding"], worsening=area["worsening"],
             no_data=area["no_data"], met=area["target_met"], with_target=area["with_target"])


def comparison_line(area: dict, lang: str) -> str:
    return translate("ind.summary_compare", lang, better_county=area["better_than_county"], worse_county=area["worse_than_county"],
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
            translate("ind.col.area", lang): area_names.get(row["priority_area_code"], row["priority_area_code"]),
            translate("ind.col.indicator", lang): localized(row, "title", lang),
            translate("ind.col.id", lang): row["id"],
            translate("ind.col.year", lang): row.get("latest_year"),
            translate("ind.col.latest", lang): num(row.get("latest")),
            translate("ind.col.unit", lang): short_unit(row) or row.get("unit"),
            translate("ind.col.change", lang): num(row.get("change"), True),
            translate("ind.col.trend", lang): trend_label(row.get("trend"), lang),
            translate("ind.col.plan_change", lang): num(row.get("plan_change"), True),
            translate("ind.col.target", lang): num(row.get("target_value")),
            translate("ind.col.target_met", lang): None if row.get("target_met") is None else (
                translate("ind.yes", lang) if row["target_met"] else translate("ind.no", lang)),
            translate("ind.col.county", lang): num(row.get("county")),
            translate("ind.col.country", lang): num(row.get("country")),
            translate("ind.col.direction", lang): translate(f"ind.direction.{row['direction']}", lang),
        })
    return pl.DataFrame(rows, infer_schema_length=None)


def attribution_line(attribution: dict | None, lang: str) -> str | None:
    if not attribution or not attribution.get("attribution"):
        return None
    if attribution.get("data_updated"):
        return translate("ind.source", lang, source=source_text(attribution["attribution"], lang),
                         date=fmt_date(attribution["data_updated"], lang))
    return source_text(attribution["attribution"], lang)
