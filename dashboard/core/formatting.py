"""One number and date format for every screen: Finnish `1 234,5` and `22.11.2026` first."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import polars as pl

# CLDR's group separator for fi and sv: a no-break space, so "1 234" never wraps between digits.
NBSP = "\u00a0"
# Shown wherever a value is missing or not yet available; never a made-up number.
DASH = "–"
# Stored times are UTC; the people reading them are in Finland.
LOCAL_TZ = ZoneInfo("Europe/Helsinki")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$&])")
# Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM): an RLO in a
# stored name turns the rest of a line around ("abc\u202edef" shows as "abcfed"), so a name can
# pass for another. No Finnish, Swedish or English text needs them; they are removed.
# GitHub's autolinks and Streamlit's `:material/icon:` are found in the text after escapes are
# resolved (`www\\.x\\.fi` still links), so a WORD JOINER (invisible, never a line break) goes where
# one would start: after a ":" ("https://", ":material/"), between "www" and ".", after an "@".
_LINK_STARTS = re.compile(r"(?<=:)(?=\S)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"
_BIDI_CLASS = "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
_BIDI_CONTROLS = re.compile(_BIDI_CLASS)


def fmt_number(value: float | int | None, decimals: int = 0, lang: str = "fi") -> str:
    """`1 234,5` (fi, sv) or `1,234.5` (en); a dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    if isinstance(value, int):  # exact already (thousands of counts per screen: no Decimal for them)
        text = f"{value:,.{decimals}f}" if decimals else f"{value:,}"
    else:
        # Half up, as statistics are published (Python's own rounding would print 104.5 as "104").
        rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = f"{rounded:,.{decimals}f}"  # "1,234.5": Python's grouping, then swap separators
    if lang == "en":
        return text
    text = text.replace(",", NBSP).replace(".", ",")
    # A minus sign, not a hyphen, as Finnish typography has it.
    return text.replace("-", "\u2212")


def fmt_date(d: date | datetime | None, lang: str = "fi") -> str:
    """`22.11.2026` (fi, sv, as written in Finland) or `2026-11-22` (en)."""
    if d is None:
        return DASH
    if isinstance(d, datetime):
        d = to_local(d).date()
    if lang == "en":
        return d.isoformat()
    return f"{d.day}.{d.month}.{d.year}"


def fmt_datetime(dt: datetime | None, lang: str = "fi") -> str:
    """`22.11.2026 klo 14.05` (fi), `22.11.2026 kl. 14.05` (sv), `2026-11-22 14:05` (en), Finnish time."""
    if dt is None:
        return DASH
    local = to_local(dt)
    if lang == "en":
        return f"{local.date().isoformat()} {local:%H:%M}"
    word = "kl." if lang == "sv" else "klo"
    return f"{fmt_date(local.date(), lang)} {word} {local:%H.%M}"


def fmt_year_range(start: int | None, end: int | None) -> str:
    """`2025–2028`, with an en dash as in every language here."""
    if start is None and end is None:
        return DASH
    if start == end or end is None:
        return str(start)
    if start is None:
        return str(end)
    return f"{start}–{end}"


def to_local(dt: datetime) -> datetime:
    """Finnish local time; a naive value is taken as UTC (SQLite stores no zone)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(LOCAL_TZ)


def plain(text: str | None) -> str:
    """Stored text made safe to place inside Markdown: it shows as typed, never as formatting.

    Every character Markdown could read as syntax is escaped, so `![x](http://…)` cannot make a
    visitor's browser fetch anything and `[x](…)` is no link; `www.x.fi`, `https://x.fi` and
    `a@x.fi` and `:material/x:` get an invisible word joiner that keeps them from being read. Bidi controls are removed.
    """
    text = _LINK_STARTS.sub(WORD_JOINER, text_only(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def text_only(text: str | None) -> str:
    """Stored text for places that show text as text (select options, tables, charts, PDF, files).

    Nothing to escape there, but a bidi control would still turn the text around: removed.
    """
    if text is None:
        return ""
    return _BIDI_CONTROLS.sub("", str(text))


def text_only_frames(result):
    """A query's result (a frame, or a dict, list or tuple of them) with bidi controls removed from its text.

    Applied where every query of the app is cached, so tables, charts, slides and downloads
    never get them, even where no one thought to call text_only().
    """
    if isinstance(result, pl.DataFrame):
        # Boundaries are numbers in GeoJSON, never shown as text, and megabytes long: left out.
        text = [name for name, dtype in result.schema.items() if dtype == pl.String and name != "geometry"]
        if not text:
            return result
        return result.with_columns(pl.col(text).str.replace_all(_BIDI_CLASS, ""))
    if isinstance(result, dict):
        # A GeoJSON geometry is numbers only: thousands of districts' coordinate lists are not walked.
        return {key: value if key == "geometry" else text_only_frames(value) for key, value in result.items()}
    if isinstance(result, (list, tuple)) and not hasattr(result, "_fields"):
        return type(result)(text_only_frames(value) for value in result)
    if isinstance(result, str):
        return text_only(result)
    return result
